/**
 * muDNN's softmax (torch_musa's C-API path, inferred; docs/backends/musa.md):
 * `mudnnSoftmaxForwardEx(handle, softmaxDesc, xDesc, x, workspace, workspaceSizeInBytes, yDesc, y)`
 * normalises over the descriptor's `dim` (any axis, unlike cuDNN's CHANNEL / INSTANCE modes);
 * the mode picks Softmax or LogSoftmax (catalog variants). Only MUDNN_SOFTMAX_ACCURATE was seen:
 * the maximum is subtracted, as the canonical operators do. No alpha / beta.
 *
 * Companions named by torch_musa (Softmax.h) and the entry's notes, parameter names
 * unconfirmed: `mudnnCreateSoftmaxDescriptor`, `mudnnSetSoftmaxDescriptor(desc, dim, algorithm, mode)`,
 * `mudnnGetSoftmaxForwardWorkspaceSize(handle, desc, xDesc, yDesc, &size)` (the simulation
 * needs no workspace: 0) and `mudnnDestroySoftmaxDescriptor`.
 */
import { CudnnDescriptor, requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { launchStep } from '../cuda/cudnn-launch.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand } from '../cuda/cudnn-tensor-descriptors.js';
import { sameDims } from '../cuda/cudnn-views.js';
import { CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { requireOut, writeOut } from '../cuda/out-param.js';
import { asDeviceWork } from '../cuda/runtime-state.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { createMudnnDescriptor, destroyMudnnDescriptor, mudnnCall, mudnnLaunch, requireMember, requireSettings } from './mudnn-call.js';
import { modeOperator } from './mudnn-variants.js';
import type { mudnnSoftmaxAlgorithm_t, mudnnSoftmaxMode_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

export class MudnnSoftmaxDescriptor extends CudnnDescriptor {
  readonly kind = 'mudnnSoftmaxStruct*';
  settings: { readonly dim: number; readonly mode: mudnnSoftmaxMode_t } | undefined;
}

/** `mudnnSoftmaxStruct*`. */
export type mudnnSoftmaxDescriptor_t = MudnnSoftmaxDescriptor;

const TYPE = 'mudnnSoftmaxStruct*';

export function mudnnCreateSoftmaxDescriptor(softmaxDesc: Ref<mudnnSoftmaxDescriptor_t>): mudnnStatus_t {
  return createMudnnDescriptor('mudnnCreateSoftmaxDescriptor', softmaxDesc, MudnnSoftmaxDescriptor, 'softmaxDesc');
}

export function mudnnDestroySoftmaxDescriptor(softmaxDesc: mudnnSoftmaxDescriptor_t): mudnnStatus_t {
  return destroyMudnnDescriptor('mudnnDestroySoftmaxDescriptor', softmaxDesc, MudnnSoftmaxDescriptor, TYPE, 'softmaxDesc');
}

export function mudnnSetSoftmaxDescriptor(softmaxDesc: mudnnSoftmaxDescriptor_t, dim: number, algorithm: mudnnSoftmaxAlgorithm_t, mode: mudnnSoftmaxMode_t): mudnnStatus_t {
  return mudnnCall('mudnnSetSoftmaxDescriptor', (ctx) => {
    const desc = requireDescriptor(softmaxDesc, MudnnSoftmaxDescriptor, TYPE, 'softmaxDesc');
    if (!Number.isInteger(dim)) throw new DeviceFault('invalid-value', `dim must be an integer, got ${String(dim)}`);
    requireMember(algorithm, 'mudnnSoftmaxAlgorithm_t', 'algorithm');
    requireMember(mode, 'mudnnSoftmaxMode_t', 'mode');
    if (!modeOperator('mudnnSoftmaxForwardEx', mode)) return notSimulated(ctx, `softmax mode ${String(mode)} (no canonical operator)`);
    desc.settings = { dim, mode };
  });
}

export function mudnnGetSoftmaxForwardWorkspaceSize(
  handle: mudnnHandle_t,
  softmaxDesc: mudnnSoftmaxDescriptor_t,
  xDesc: mudnnTensorDescriptor_t,
  yDesc: mudnnTensorDescriptor_t,
  sizeInBytes: Ref<number>,
): mudnnStatus_t {
  return mudnnCall('mudnnGetSoftmaxForwardWorkspaceSize', () => {
    requireSettings(softmaxDesc, MudnnSoftmaxDescriptor, TYPE, 'softmaxDesc', 'mudnnSetSoftmaxDescriptor');
    requireTensorLayout(xDesc, 'xDesc');
    requireTensorLayout(yDesc, 'yDesc');
    void handle;
    requireOut(sizeInBytes, 'sizeInBytes');
    writeOut(sizeInBytes, 0, 'sizeInBytes');
  });
}

export function mudnnSoftmaxForwardEx(
  handle: mudnnHandle_t,
  softmaxDesc: mudnnSoftmaxDescriptor_t,
  xDesc: mudnnTensorDescriptor_t,
  x: unknown,
  workspace: unknown,
  workspaceSizeInBytes: number,
  yDesc: mudnnTensorDescriptor_t,
  y: unknown,
): mudnnStatus_t {
  return mudnnCall(
    'mudnnSoftmaxForwardEx',
    (ctx) => {
      const { dim, mode } = requireSettings(softmaxDesc, MudnnSoftmaxDescriptor, TYPE, 'softmaxDesc', 'mudnnSetSoftmaxDescriptor');
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      if (!sameDims(xl.dims, yl.dims) || xl.dtype !== yl.dtype) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(xl.dims)} ${xl.dtype} and yDesc ${formatDims(yl.dims)} ${yl.dtype} differ`);
      if (dim < -xl.dims.length || dim >= xl.dims.length) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `dim ${dim} is outside the ${xl.dims.length}-D xDesc ${formatDims(xl.dims)}`);
      if (typeof workspaceSizeInBytes !== 'number' || workspaceSizeInBytes < 0) throw new DeviceFault('invalid-value', `workspaceSizeInBytes must be a size, got ${String(workspaceSizeInBytes)}`);
      void workspace; // mudnnGetSoftmaxForwardWorkspaceSize answers 0: nothing is read or written there.
      const env = mudnnLaunch(ctx, handle);
      if (typeof env === 'number') return env;
      const { operator } = modeOperator('mudnnSoftmaxForwardEx', mode)!;
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        launchStep(env, { op: operator, inputs: [xo], attributes: { axis: dim } }, [yo]);
      });
    },
    true,
  );
}
