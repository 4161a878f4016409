/**
 * muDNN's permute (torch_musa's C-API path, inferred; docs/backends/musa.md):
 * `mudnnPermute(handle, permuteDesc, yDesc, y, xDesc, x)` copies x into y; torch_musa sets
 * nothing on the descriptor, so the layout change comes from the two tensor descriptors'
 * strides (the catalog's inference), which is cuDNN's cudnnTransformTensor with alpha 1, beta 0:
 * that implementation answers it. The descriptor companions (`mudnnCreatePermuteDescriptor`,
 * `mudnnDestroyPermuteDescriptor`) are named by torch_musa (Permute.h).
 */
import { CudnnDescriptor, requireDescriptor } from '../cuda/cudnn-descriptor.js';
import type { Ref } from '../sim/ref.js';
import { binding } from './binding.js';
import { createMudnnDescriptor, destroyMudnnDescriptor, mudnnCall } from './mudnn-call.js';
import type { mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

export class MudnnPermuteDescriptor extends CudnnDescriptor {
  readonly kind = 'mudnnPermuteStruct*';
}

/** `mudnnPermuteStruct*`. */
export type mudnnPermuteDescriptor_t = MudnnPermuteDescriptor;

export function mudnnCreatePermuteDescriptor(permuteDesc: Ref<mudnnPermuteDescriptor_t>): mudnnStatus_t {
  return createMudnnDescriptor('mudnnCreatePermuteDescriptor', permuteDesc, MudnnPermuteDescriptor, 'permuteDesc');
}

export function mudnnDestroyPermuteDescriptor(permuteDesc: mudnnPermuteDescriptor_t): mudnnStatus_t {
  return destroyMudnnDescriptor('mudnnDestroyPermuteDescriptor', permuteDesc, MudnnPermuteDescriptor, 'mudnnPermuteStruct*', 'permuteDesc');
}

export function mudnnPermute(handle: mudnnHandle_t, permuteDesc: mudnnPermuteDescriptor_t, yDesc: mudnnTensorDescriptor_t, y: unknown, xDesc: mudnnTensorDescriptor_t, x: unknown): mudnnStatus_t {
  const checked = mudnnCall('mudnnPermute', () => void requireDescriptor(permuteDesc, MudnnPermuteDescriptor, 'mudnnPermuteStruct*', 'permuteDesc'));
  if (checked !== binding.fromCuda(0, 'mudnnStatus_t', 'cudnnStatus_t')) return checked;
  return binding.callCuda('mudnnPermute', 'cudnnTransformTensor', [handle, 1, xDesc, x, 0, yDesc, y]);
}
