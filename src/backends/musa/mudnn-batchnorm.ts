/**
 * muDNN's batch-norm inference (torch_musa's BatchNorm::RunPure, inferred; docs/backends/musa.md):
 * `mudnnBatchNormForwardInference(handle, bnDesc, yDesc, y, xDesc, x, meanDesc, estimatedMean,
 * varDesc, estimatedVariance, scaleDesc, bnScale, biasDesc, bnBias)`: output first, running
 * statistics before scale and bias, each with its own descriptor; mode and epsilon on the
 * batch-norm descriptor; no alpha / beta. cuDNN's cudnnBatchNormalizationForwardInference
 * answers it (alpha 1, beta 0) when the four parameter descriptors agree, as cuDNN's one
 * shared descriptor requires.
 *
 * Companions named by torch_musa (BatchNorm.h) and the entry's notes, parameter names
 * unconfirmed: `mudnnCreateBatchNormDescriptor`, `mudnnSetBatchNormDescriptor(desc, mode,
 * epsilon, training)`, `mudnnDestroyBatchNormDescriptor`.
 */
import { CudnnDescriptor, requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout } from '../cuda/cudnn-tensor-descriptors.js';
import { sameDims } from '../cuda/cudnn-views.js';
import { CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { binding } from './binding.js';
import { createMudnnDescriptor, destroyMudnnDescriptor, mudnnCall, requireMember, requireSettings } from './mudnn-call.js';
import type { mudnnBatchNormMode_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

export class MudnnBatchNormDescriptor extends CudnnDescriptor {
  readonly kind = 'mudnnBatchNormStruct*';
  settings: { readonly mode: mudnnBatchNormMode_t; readonly epsilon: number; readonly training: boolean } | undefined;
}

/** `mudnnBatchNormStruct*`. */
export type mudnnBatchNormDescriptor_t = MudnnBatchNormDescriptor;

const TYPE = 'mudnnBatchNormStruct*';

export function mudnnCreateBatchNormDescriptor(bnDesc: Ref<mudnnBatchNormDescriptor_t>): mudnnStatus_t {
  return createMudnnDescriptor('mudnnCreateBatchNormDescriptor', bnDesc, MudnnBatchNormDescriptor, 'bnDesc');
}

export function mudnnDestroyBatchNormDescriptor(bnDesc: mudnnBatchNormDescriptor_t): mudnnStatus_t {
  return destroyMudnnDescriptor('mudnnDestroyBatchNormDescriptor', bnDesc, MudnnBatchNormDescriptor, TYPE, 'bnDesc');
}

export function mudnnSetBatchNormDescriptor(bnDesc: mudnnBatchNormDescriptor_t, mode: mudnnBatchNormMode_t, epsilon: number, training: boolean | number): mudnnStatus_t {
  return mudnnCall('mudnnSetBatchNormDescriptor', () => {
    const desc = requireDescriptor(bnDesc, MudnnBatchNormDescriptor, TYPE, 'bnDesc');
    requireMember(mode, 'mudnnBatchNormMode_t', 'mode');
    if (typeof epsilon !== 'number' || !(epsilon > 0)) throw new DeviceFault('invalid-value', `epsilon must be a positive number, got ${String(epsilon)}`);
    desc.settings = { mode, epsilon, training: Boolean(training) };
  });
}

export function mudnnBatchNormForwardInference(
  handle: mudnnHandle_t,
  bnDesc: mudnnBatchNormDescriptor_t,
  yDesc: mudnnTensorDescriptor_t,
  y: unknown,
  xDesc: mudnnTensorDescriptor_t,
  x: unknown,
  meanDesc: mudnnTensorDescriptor_t,
  estimatedMean: unknown,
  varDesc: mudnnTensorDescriptor_t,
  estimatedVariance: unknown,
  scaleDesc: mudnnTensorDescriptor_t,
  bnScale: unknown,
  biasDesc: mudnnTensorDescriptor_t,
  bnBias: unknown,
): mudnnStatus_t {
  const symbol = 'mudnnBatchNormForwardInference';
  let settings: MudnnBatchNormDescriptor['settings'];
  const checked = mudnnCall(symbol, (ctx) => {
    settings = requireSettings(bnDesc, MudnnBatchNormDescriptor, TYPE, 'bnDesc', 'mudnnSetBatchNormDescriptor');
    if (settings.training) return notSimulated(ctx, 'a batch-norm descriptor set for training, given to the inference call');
    const scale = requireTensorLayout(scaleDesc, 'scaleDesc');
    for (const [desc, what] of [[meanDesc, 'meanDesc'], [varDesc, 'varDesc'], [biasDesc, 'biasDesc']] as const) {
      const l = requireTensorLayout(desc, what);
      if (!sameDims(l.dims, scale.dims) || l.dtype !== scale.dtype) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `${what} ${formatDims(l.dims)} ${l.dtype} differs from scaleDesc ${formatDims(scale.dims)} ${scale.dtype}`);
      }
    }
    return undefined;
  });
  if (checked !== binding.fromCuda(0, 'mudnnStatus_t', 'cudnnStatus_t') || !settings) return checked;
  const mode = binding.toCudaEnum(settings.mode, 'mudnnBatchNormMode_t', 'cudnnBatchNormMode_t');
  return binding.callCuda(symbol, 'cudnnBatchNormalizationForwardInference', [
    handle, mode, 1, 0, xDesc, x, yDesc, y, scaleDesc, bnScale, bnBias, estimatedMean, estimatedVariance, settings.epsilon,
  ]);
}
