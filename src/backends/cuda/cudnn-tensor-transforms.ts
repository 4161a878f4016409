/**
 * cudnnAddTensor (C = alpha·A + beta·C, A broadcast to C) and cudnnTransformTensor
 * (y = alpha·x + beta·y with a layout change), on views of the described tensors.
 *
 * AddTensor broadcasting (cuDNN docs, as model code relies on it for the bias after a
 * convolution): A has C's rank and each of A's dimensions is 1 or C's; A and C share one data
 * type; otherwise CUDNN_STATUS_BAD_PARAM. alpha = beta = 1, the in-place bias add, is one Add
 * (C as Add's A, the bias as its B); other factors blend through Mul / Add (cudnn-launch.ts).
 *
 * TransformTensor: x and y have the same dimensions (CUDNN_STATUS_BAD_PARAM otherwise); the
 * copy is a Transpose into y's memory order (perm = y's axes by decreasing stride), followed
 * by a Cast when the data types differ (catalog binding).
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import { CUDNN_STATUS_BAD_PARAM, type cudnnStatus_t } from './constants.generated.js';
import { cudnnTypeName } from './cudnn-data-types.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { blendInto, launchStep, readScalingFactor, type LaunchEnv } from './cudnn-launch.js';
import { cudnnCall, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { memoryOrder, sameDims } from './cudnn-views.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile } from './backend-binding.js';

function environment(ctx: CallContext, handle: unknown): LaunchEnv | number {
  const h = requireCudnnHandle(handle);
  const stream = cudnnLaunchStream(ctx, h);
  return typeof stream === 'number' ? stream : { ctx, stream, profile: boundEntryProfile(ctx.symbol) };
}

export function cudnnAddTensor(
  handle: cudnnHandle_t,
  alpha: unknown,
  aDesc: cudnnTensorDescriptor_t,
  A: unknown,
  beta: unknown,
  cDesc: cudnnTensorDescriptor_t,
  C: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnAddTensor',
    (ctx) => {
      requireCudnnHandle(handle);
      const a = requireTensorLayout(aDesc, 'aDesc');
      const c = requireTensorLayout(cDesc, 'cDesc');
      if (a.dtype !== c.dtype) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `aDesc is ${cudnnTypeName(a.dataType)} but cDesc is ${cudnnTypeName(c.dataType)}`);
      if (a.dims.length !== c.dims.length || a.dims.some((d, i) => d !== 1 && d !== c.dims[i])) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `aDesc ${formatDims(a.dims)} does not broadcast to cDesc ${formatDims(c.dims)}: each dimension of A must be 1 or C's`);
      }
      const alphaValue = readScalingFactor(alpha, 'alpha', c.dtype);
      const betaValue = readScalingFactor(beta, 'beta', c.dtype);
      const env = environment(ctx, handle);
      if (typeof env === 'number') return env;
      asDeviceWork(ctx, () => {
        const ao = tensorOperand(ctx.process, a, A, 'A');
        const co = tensorOperand(ctx.process, c, C, 'C');
        if (alphaValue === 1 && betaValue === 1) {
          launchStep(env, { op: 'Add', inputs: [co, ao], attributes: {} }, [co]);
        } else {
          blendInto(env, { ptr: ao.ptr, view: ao.view.expand(c.dims) }, co, alphaValue, betaValue);
        }
      });
    },
    true,
  );
}

export function cudnnTransformTensor(
  handle: cudnnHandle_t,
  alpha: unknown,
  xDesc: cudnnTensorDescriptor_t,
  x: unknown,
  beta: unknown,
  yDesc: cudnnTensorDescriptor_t,
  y: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnTransformTensor',
    (ctx) => {
      requireCudnnHandle(handle);
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      if (!sameDims(xl.dims, yl.dims)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(xl.dims)} and yDesc ${formatDims(yl.dims)} differ in dimensions`);
      const alphaValue = readScalingFactor(alpha, 'alpha', yl.dtype);
      const betaValue = readScalingFactor(beta, 'beta', yl.dtype);
      const env = environment(ctx, handle);
      if (typeof env === 'number') return env;
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        if (xo.ptr.allocation === yo.ptr.allocation && xo.ptr.byteOffset === yo.ptr.byteOffset && !sameDims(xl.strides, yl.strides)) {
          throw new DeviceFault('invalid-value', 'x and y are the same buffer with different strides: an in-place layout change is not possible');
        }
        const perm = memoryOrder(yl.strides);
        const target = { ptr: yo.ptr, view: yo.view.permute(perm) };
        const step = { op: 'Transpose', inputs: [xo], attributes: { perm } };
        if (alphaValue === 1 && betaValue === 0 && xl.dtype === yl.dtype) {
          launchStep(env, step, [target]);
          return;
        }
        const moved = launchStep(env, step, [undefined], undefined, true).results[0];
        if (alphaValue === 1 && betaValue === 0) launchStep(env, { op: 'Cast', inputs: [moved], attributes: { to: yl.dtype } }, [target]);
        else blendInto(env, moved, target, alphaValue, betaValue);
      });
    },
    true,
  );
}
