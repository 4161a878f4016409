/**
 * `opbridge/cuda`: the CUDA runtime, cuBLAS, cuBLASLt, NCCL and cuRAND (and, from their own
 * modules, cuDNN) as TypeScript facades over the simulated devices. One line per library.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './cuda-runtime.js';
export type { cudaStream_t, cudaEvent_t } from './streams.js';
export * from './cublas-handle.js';
export * from './cublas-gemm.js';
export * from './cublas-vector-ops.js';
export * from './cublaslt-descriptors.js';
export * from './cublaslt-matmul.js';
