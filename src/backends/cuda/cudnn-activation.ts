/**
 * cudnnActivationDescriptor_t and cudnnActivationForward: y = alpha·act(x) + beta·y, the
 * mode choosing the canonical operator as the catalog's binding variants list it: RELU Relu,
 * SIGMOID Sigmoid, TANH Tanh, CLIPPED_RELU Clip(x, 0, coef), ELU Elu(alpha = coef), SWISH
 * Silu, and IDENTITY a scaled copy (Mul by alpha, then the blend).
 *
 * - SWISH is x·sigmoid(β·x); cudnnSetActivationDescriptorSwishBeta, which sets β, is not in
 *   the catalog, and its default is unconfirmed: the facade takes β = 1, Silu (catalog note).
 * - NaN: the runtime's operators propagate NaN (CUDNN_PROPAGATE_NAN). Under
 *   CUDNN_NOT_PROPAGATE_NAN cuDNN may return a number for a NaN input (how exactly is not
 *   documented in the sources read); when the input holds a NaN the call records a warning
 *   (OB2014) saying the result propagates it.
 * - x and y must have the same dimensions and data type (CUDNN_STATUS_BAD_PARAM); in-place
 *   (x = y) is allowed.
 */
import { Tensor } from '../../runtime/tensor.js';
import type { CallContext } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import {
  CUDNN_ACTIVATION_CLIPPED_RELU,
  CUDNN_ACTIVATION_ELU,
  CUDNN_ACTIVATION_IDENTITY,
  CUDNN_ACTIVATION_RELU,
  CUDNN_ACTIVATION_SIGMOID,
  CUDNN_ACTIVATION_SWISH,
  CUDNN_ACTIVATION_TANH,
  CUDNN_NOT_PROPAGATE_NAN,
  CUDNN_STATUS_BAD_PARAM,
  type cudnnActivationMode_t,
  type cudnnNanPropagation_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { cudnnTypeName } from './cudnn-data-types.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor } from './cudnn-descriptor.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { blendInto, launchBlended, readScalingFactor, type OpStep } from './cudnn-launch.js';
import { warnNanNotPropagated } from './cudnn-nan.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { sameDims } from './cudnn-views.js';
import { isEnumMember, statusName } from './enum-names.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile, boundName } from './backend-binding.js';

interface ActivationSettings {
  readonly mode: number;
  readonly nanOpt: number;
  readonly coef: number;
}

export class CudnnActivationDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnActivationDescriptor_t');
  settings: ActivationSettings | undefined;
}

/** `typedef struct cudnnActivationStruct *cudnnActivationDescriptor_t`. */
export type cudnnActivationDescriptor_t = CudnnActivationDescriptor;

export function cudnnCreateActivationDescriptor(activationDesc: Ref<cudnnActivationDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreateActivationDescriptor', activationDesc, 'activationDesc', (site) => new CudnnActivationDescriptor(site));
}

/** coef: the ceiling of CLIPPED_RELU, alpha of ELU (header); ignored by the other modes. */
export function cudnnSetActivationDescriptor(
  activationDesc: cudnnActivationDescriptor_t,
  mode: cudnnActivationMode_t,
  reluNanOpt: cudnnNanPropagation_t,
  coef: number,
): cudnnStatus_t {
  return cudnnCall('cudnnSetActivationDescriptor', (ctx) => {
    const desc = requireDescriptor(activationDesc, CudnnActivationDescriptor, 'cudnnActivationDescriptor_t', 'activationDesc');
    if (!isEnumMember('cudnnActivationMode_t', mode)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `mode ${String(mode)} is not a cudnnActivationMode_t`);
    if (!isEnumMember('cudnnNanPropagation_t', reluNanOpt)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `reluNanOpt ${String(reluNanOpt)} is not a cudnnNanPropagation_t`);
    if (typeof coef !== 'number' || Number.isNaN(coef)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `coef must be a number, got ${String(coef)}`);
    desc.settings = { mode, nanOpt: reluNanOpt, coef };
  });
}

export function cudnnDestroyActivationDescriptor(activationDesc: cudnnActivationDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyActivationDescriptor', activationDesc, CudnnActivationDescriptor, 'cudnnActivationDescriptor_t', 'activationDesc');
}

/** The operator step of a mode (IDENTITY has none: it is the blend alone). */
function activationStep(settings: ActivationSettings, x: OpStep['inputs'][number], dtype: Tensor['dtype']): OpStep | undefined {
  switch (settings.mode) {
    case CUDNN_ACTIVATION_RELU:
      return { op: 'Relu', inputs: [x], attributes: {} };
    case CUDNN_ACTIVATION_SIGMOID:
      return { op: 'Sigmoid', inputs: [x], attributes: {} };
    case CUDNN_ACTIVATION_TANH:
      return { op: 'Tanh', inputs: [x], attributes: {} };
    case CUDNN_ACTIVATION_CLIPPED_RELU:
      return { op: 'Clip', inputs: [x, Tensor.fromNumbers([0], [], dtype), Tensor.fromNumbers([settings.coef], [], dtype)], attributes: {} };
    case CUDNN_ACTIVATION_ELU:
      return { op: 'Elu', inputs: [x], attributes: { alpha: settings.coef } };
    case CUDNN_ACTIVATION_SWISH:
      return { op: 'Silu', inputs: [x], attributes: {} };
    default:
      return undefined;
  }
}

export function cudnnActivationForward(
  handle: cudnnHandle_t,
  activationDesc: cudnnActivationDescriptor_t,
  alpha: unknown,
  xDesc: cudnnTensorDescriptor_t,
  x: unknown,
  beta: unknown,
  yDesc: cudnnTensorDescriptor_t,
  y: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnActivationForward',
    (ctx: CallContext) => {
      const h = requireCudnnHandle(handle);
      const desc = requireDescriptor(activationDesc, CudnnActivationDescriptor, 'cudnnActivationDescriptor_t', 'activationDesc');
      if (!desc.settings) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `activationDesc was created but never set (cudnnSetActivationDescriptor)${desc.origin}`);
      const settings = desc.settings;
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      if (!sameDims(xl.dims, yl.dims) || xl.dtype !== yl.dtype) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(xl.dims)} ${cudnnTypeName(xl.dataType)} and yDesc ${formatDims(yl.dims)} ${cudnnTypeName(yl.dataType)} differ`);
      }
      if (settings.mode !== CUDNN_ACTIVATION_IDENTITY && !activationStep(settings, undefined, xl.dtype)) {
        return notSimulated(ctx, `${statusName('cudnnActivationMode_t', settings.mode)}`);
      }
      const a = readScalingFactor(alpha, 'alpha', yl.dtype);
      const b = readScalingFactor(beta, 'beta', yl.dtype);
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      const env = { ctx, stream, profile: boundEntryProfile(ctx.symbol) };
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        if (settings.nanOpt === CUDNN_NOT_PROPAGATE_NAN && settings.mode !== CUDNN_ACTIVATION_IDENTITY) {
          warnNanNotPropagated(ctx, xo.view, 'reluNanOpt');
        }
        const step = activationStep(settings, xo, xl.dtype);
        if (step) launchBlended(env, step, yo, a, b);
        else blendInto(env, xo, yo, a, b);
      });
    },
    true,
  );
}
