/**
 * `opbridge/cuda`: NVIDIA's CUDA libraries as TypeScript facades over the simulated devices
 * (docs/facades.md, docs/backends/cuda.md). One line per library; shared pieces (streams,
 * errors, handles, views) live in their own modules for the libraries to use.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export type { cudaStream_t, cudaEvent_t } from './streams.js';
export * from './cuda-runtime.js';
export * from './cublas.js';
export * from './cublaslt.js';
export * from './nccl.js';
export * from './curand.js';
export * from './cudnn.js';
export * from './cudnn-frontend.js';
