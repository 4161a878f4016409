/**
 * Sources whose DNN calls carry cuDNN's names and shapes, so the muDNN lift and lowerings read
 * them as cuDNN: CUDA itself, and T-Head, whose acdnn keeps cuDNN's names (unconfirmed:
 * mappings/thead/acdnn.yaml, the CUDA-compatibility claim). MACA's mcdnn is cuDNN-shaped too but
 * renamed (mcdnnSetTensor4dDescriptor, ...), which the cuDNN descriptor readers
 * (dnn/cudnn-descriptors.ts) do not follow; MACA → MUSA takes the route through CUDA.
 */
import type { BackendId } from '../../../catalog/vocabulary.js';

export const CUDNN_NAMED_BACKENDS: readonly BackendId[] = ['cuda', 'thead'];

const CUDNN_NAMED_LIBRARIES: ReadonlySet<string> = new Set(['cudnn', 'acdnn']);

/** Whether a catalog library is cuDNN or keeps cuDNN's names (T-Head's acdnn). */
export function isCudnnNamedLibrary(library: string): boolean {
  return CUDNN_NAMED_LIBRARIES.has(library);
}
