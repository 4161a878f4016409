// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// The maca facade's calls that mirror a CUDA facade function: each runs the CUDA implementation
// under the maca binding (src/backends/cuda-compatible/).
import type * as cuda from '../cuda/index.js';
import type { Ref } from '../sim/ref.js';
import type { macaDataType_t, mcError_t, mcEventFlags, mcHostAllocFlags, mcMemcpyKind, mcStreamFlags, mcblasComputeType_t, mcblasGemmAlgo_t, mcblasLtMatmulDescAttributes_t, mcblasLtMatmulPreferenceAttributes_t, mcblasLtMatrixLayoutAttribute_t, mcblasMath_t, mcblasOperation_t, mcblasStatus_t, mcclDataType_t, mcclRedOp_t, mcclResult_t, mcdnnActivationMode_t, mcdnnBatchNormMode_t, mcdnnConvolutionFwdAlgo_t, mcdnnConvolutionMode_t, mcdnnDataType_t, mcdnnIndicesType_t, mcdnnMathType_t, mcdnnNanPropagation_t, mcdnnOpTensorOp_t, mcdnnPoolingMode_t, mcdnnReduceTensorIndices_t, mcdnnReduceTensorOp_t, mcdnnSoftmaxAlgorithm_t, mcdnnSoftmaxMode_t, mcdnnStatus_t, mcdnnTensorFormat_t, mcrandRngType_t, mcrandStatus_t } from './constants.generated.js';
import type { mcblasLtMatmulHeuristicResult_t, mcdnnConvolutionFwdAlgoPerf_t } from './types.js';
import { binding } from './binding.js';

// ---- maca-runtime --------------------------------------------------------------------------

/** mcDeviceReset → cudaDeviceReset (native, unconfirmed). */
export function mcDeviceReset(): mcError_t {
  return binding.call('mcDeviceReset', []);
}

/** mcDeviceSynchronize → cudaDeviceSynchronize (native, confirmed). */
export function mcDeviceSynchronize(): mcError_t {
  return binding.call('mcDeviceSynchronize', []);
}

/** mcEventCreate → cudaEventCreate (native, confirmed). */
export function mcEventCreate(event: Parameters<typeof cuda.cudaEventCreate>[0]): mcError_t {
  return binding.call('mcEventCreate', [event]);
}

/** mcEventCreateWithFlags → cudaEventCreateWithFlags (native, inferred). */
export function mcEventCreateWithFlags(event: Parameters<typeof cuda.cudaEventCreateWithFlags>[0], flags: mcEventFlags | 0): mcError_t {
  return binding.call('mcEventCreateWithFlags', [event, flags]);
}

/** mcEventDestroy → cudaEventDestroy (native, confirmed). */
export function mcEventDestroy(event: Parameters<typeof cuda.cudaEventDestroy>[0]): mcError_t {
  return binding.call('mcEventDestroy', [event]);
}

/** mcEventElapsedTime → cudaEventElapsedTime (native, confirmed). */
export function mcEventElapsedTime(ms: Parameters<typeof cuda.cudaEventElapsedTime>[0], start: Parameters<typeof cuda.cudaEventElapsedTime>[1], end: Parameters<typeof cuda.cudaEventElapsedTime>[2]): mcError_t {
  return binding.call('mcEventElapsedTime', [ms, start, end]);
}

/** mcEventQuery → cudaEventQuery (native, inferred). */
export function mcEventQuery(event: Parameters<typeof cuda.cudaEventQuery>[0]): mcError_t {
  return binding.call('mcEventQuery', [event]);
}

/** mcEventRecord → cudaEventRecord (native, confirmed). */
export function mcEventRecord(event: Parameters<typeof cuda.cudaEventRecord>[0], stream?: Parameters<typeof cuda.cudaEventRecord>[1]): mcError_t {
  return binding.call('mcEventRecord', [event, stream]);
}

/** mcEventSynchronize → cudaEventSynchronize (native, confirmed). */
export function mcEventSynchronize(event: Parameters<typeof cuda.cudaEventSynchronize>[0]): mcError_t {
  return binding.call('mcEventSynchronize', [event]);
}

/** mcFree → cudaFree (native, confirmed). */
export function mcFree(devPtr: Parameters<typeof cuda.cudaFree>[0]): mcError_t {
  return binding.call('mcFree', [devPtr]);
}

/** mcFreeHost → cudaFreeHost (native, confirmed). */
export function mcFreeHost(ptr: Parameters<typeof cuda.cudaFreeHost>[0]): mcError_t {
  return binding.call('mcFreeHost', [ptr]);
}

/** mcGetDevice → cudaGetDevice (native, inferred). */
export function mcGetDevice(device: Parameters<typeof cuda.cudaGetDevice>[0]): mcError_t {
  return binding.call('mcGetDevice', [device]);
}

/** mcGetDeviceCount → cudaGetDeviceCount (native, confirmed). */
export function mcGetDeviceCount(count: Parameters<typeof cuda.cudaGetDeviceCount>[0]): mcError_t {
  return binding.call('mcGetDeviceCount', [count]);
}

/** mcGetErrorName → cudaGetErrorName (native, confirmed). */
export function mcGetErrorName(error: mcError_t): ReturnType<typeof cuda.cudaGetErrorName> {
  return binding.call('mcGetErrorName', [error]);
}

/** mcGetErrorString → cudaGetErrorString (native, confirmed). */
export function mcGetErrorString(error: mcError_t): ReturnType<typeof cuda.cudaGetErrorString> {
  return binding.call('mcGetErrorString', [error]);
}

/** mcGetLastError → cudaGetLastError (native, confirmed). */
export function mcGetLastError(): mcError_t {
  return binding.call('mcGetLastError', []);
}

/** mcHostAlloc → cudaHostAlloc (native, unconfirmed). */
export function mcHostAlloc(pHost: Parameters<typeof cuda.cudaHostAlloc>[0], size: Parameters<typeof cuda.cudaHostAlloc>[1], flags: mcHostAllocFlags | 0): mcError_t {
  return binding.call('mcHostAlloc', [pHost, size, flags]);
}

/** mcMalloc → cudaMalloc (native, confirmed). */
export function mcMalloc(devPtr: Parameters<typeof cuda.cudaMalloc>[0], size: Parameters<typeof cuda.cudaMalloc>[1]): mcError_t {
  return binding.call('mcMalloc', [devPtr, size]);
}

/** mcMallocHost → cudaMallocHost (native, confirmed). */
export function mcMallocHost(ptr: Parameters<typeof cuda.cudaMallocHost>[0], size: Parameters<typeof cuda.cudaMallocHost>[1]): mcError_t {
  return binding.call('mcMallocHost', [ptr, size]);
}

/** mcMemcpy → cudaMemcpy (native, confirmed). */
export function mcMemcpy(dst: Parameters<typeof cuda.cudaMemcpy>[0], src: Parameters<typeof cuda.cudaMemcpy>[1], count: Parameters<typeof cuda.cudaMemcpy>[2], kind: mcMemcpyKind): mcError_t {
  return binding.call('mcMemcpy', [dst, src, count, kind]);
}

/** mcMemcpyAsync → cudaMemcpyAsync (native, confirmed). */
export function mcMemcpyAsync(dst: Parameters<typeof cuda.cudaMemcpyAsync>[0], src: Parameters<typeof cuda.cudaMemcpyAsync>[1], count: Parameters<typeof cuda.cudaMemcpyAsync>[2], kind: mcMemcpyKind, stream?: Parameters<typeof cuda.cudaMemcpyAsync>[4]): mcError_t {
  return binding.call('mcMemcpyAsync', [dst, src, count, kind, stream]);
}

/** mcMemGetInfo → cudaMemGetInfo (native, confirmed). */
export function mcMemGetInfo(free: Parameters<typeof cuda.cudaMemGetInfo>[0], total: Parameters<typeof cuda.cudaMemGetInfo>[1]): mcError_t {
  return binding.call('mcMemGetInfo', [free, total]);
}

/** mcMemset → cudaMemset (native, confirmed). */
export function mcMemset(devPtr: Parameters<typeof cuda.cudaMemset>[0], value: Parameters<typeof cuda.cudaMemset>[1], count: Parameters<typeof cuda.cudaMemset>[2]): mcError_t {
  return binding.call('mcMemset', [devPtr, value, count]);
}

/** mcMemsetAsync → cudaMemsetAsync (native, confirmed). */
export function mcMemsetAsync(devPtr: Parameters<typeof cuda.cudaMemsetAsync>[0], value: Parameters<typeof cuda.cudaMemsetAsync>[1], count: Parameters<typeof cuda.cudaMemsetAsync>[2], stream?: Parameters<typeof cuda.cudaMemsetAsync>[3]): mcError_t {
  return binding.call('mcMemsetAsync', [devPtr, value, count, stream]);
}

/** mcPeekAtLastError → cudaPeekAtLastError (native, unconfirmed). */
export function mcPeekAtLastError(): mcError_t {
  return binding.call('mcPeekAtLastError', []);
}

/** mcSetDevice → cudaSetDevice (native, confirmed). */
export function mcSetDevice(device: Parameters<typeof cuda.cudaSetDevice>[0]): mcError_t {
  return binding.call('mcSetDevice', [device]);
}

/** mcStreamCreate → cudaStreamCreate (native, confirmed). */
export function mcStreamCreate(pStream: Parameters<typeof cuda.cudaStreamCreate>[0]): mcError_t {
  return binding.call('mcStreamCreate', [pStream]);
}

/** mcStreamCreateWithFlags → cudaStreamCreateWithFlags (native, unconfirmed). */
export function mcStreamCreateWithFlags(pStream: Parameters<typeof cuda.cudaStreamCreateWithFlags>[0], flags: mcStreamFlags | 0): mcError_t {
  return binding.call('mcStreamCreateWithFlags', [pStream, flags]);
}

/** mcStreamDestroy → cudaStreamDestroy (native, confirmed). */
export function mcStreamDestroy(stream: Parameters<typeof cuda.cudaStreamDestroy>[0]): mcError_t {
  return binding.call('mcStreamDestroy', [stream]);
}

/** mcStreamQuery → cudaStreamQuery (native, unconfirmed). */
export function mcStreamQuery(stream: Parameters<typeof cuda.cudaStreamQuery>[0]): mcError_t {
  return binding.call('mcStreamQuery', [stream]);
}

/** mcStreamSynchronize → cudaStreamSynchronize (native, confirmed). */
export function mcStreamSynchronize(stream: Parameters<typeof cuda.cudaStreamSynchronize>[0]): mcError_t {
  return binding.call('mcStreamSynchronize', [stream]);
}

/** mcStreamWaitEvent → cudaStreamWaitEvent (native, inferred). */
export function mcStreamWaitEvent(stream: Parameters<typeof cuda.cudaStreamWaitEvent>[0], event: Parameters<typeof cuda.cudaStreamWaitEvent>[1], flags?: Parameters<typeof cuda.cudaStreamWaitEvent>[2]): mcError_t {
  return binding.call('mcStreamWaitEvent', [stream, event, flags]);
}

// ---- mcblas --------------------------------------------------------------------------------

/** mcblasCreate → cublasCreate (native, confirmed). */
export function mcblasCreate(handle: Parameters<typeof cuda.cublasCreate>[0]): mcblasStatus_t {
  return binding.call('mcblasCreate', [handle]);
}

/** mcblasDestroy → cublasDestroy (native, confirmed). */
export function mcblasDestroy(handle: Parameters<typeof cuda.cublasDestroy>[0]): mcblasStatus_t {
  return binding.call('mcblasDestroy', [handle]);
}

/** mcblasDgemm → cublasDgemm (native, confirmed). */
export function mcblasDgemm(handle: Parameters<typeof cuda.cublasDgemm>[0], transa: mcblasOperation_t, transb: mcblasOperation_t, m: Parameters<typeof cuda.cublasDgemm>[3], n: Parameters<typeof cuda.cublasDgemm>[4], k: Parameters<typeof cuda.cublasDgemm>[5], alpha: Parameters<typeof cuda.cublasDgemm>[6], A: Parameters<typeof cuda.cublasDgemm>[7], lda: Parameters<typeof cuda.cublasDgemm>[8], B: Parameters<typeof cuda.cublasDgemm>[9], ldb: Parameters<typeof cuda.cublasDgemm>[10], beta: Parameters<typeof cuda.cublasDgemm>[11], C: Parameters<typeof cuda.cublasDgemm>[12], ldc: Parameters<typeof cuda.cublasDgemm>[13]): mcblasStatus_t {
  return binding.call('mcblasDgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** mcblasGemmEx → cublasGemmEx (native, confirmed). */
export function mcblasGemmEx(handle: Parameters<typeof cuda.cublasGemmEx>[0], transa: mcblasOperation_t, transb: mcblasOperation_t, m: Parameters<typeof cuda.cublasGemmEx>[3], n: Parameters<typeof cuda.cublasGemmEx>[4], k: Parameters<typeof cuda.cublasGemmEx>[5], alpha: Parameters<typeof cuda.cublasGemmEx>[6], A: Parameters<typeof cuda.cublasGemmEx>[7], Atype: macaDataType_t, lda: Parameters<typeof cuda.cublasGemmEx>[9], B: Parameters<typeof cuda.cublasGemmEx>[10], Btype: macaDataType_t, ldb: Parameters<typeof cuda.cublasGemmEx>[12], beta: Parameters<typeof cuda.cublasGemmEx>[13], C: Parameters<typeof cuda.cublasGemmEx>[14], Ctype: macaDataType_t, ldc: Parameters<typeof cuda.cublasGemmEx>[16], computeType: mcblasComputeType_t, algo: mcblasGemmAlgo_t): mcblasStatus_t {
  return binding.call('mcblasGemmEx', [handle, transa, transb, m, n, k, alpha, A, Atype, lda, B, Btype, ldb, beta, C, Ctype, ldc, computeType, algo]);
}

/** mcblasGemmStridedBatchedEx → cublasGemmStridedBatchedEx (native, confirmed). */
export function mcblasGemmStridedBatchedEx(handle: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[0], transa: mcblasOperation_t, transb: mcblasOperation_t, m: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[3], n: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[4], k: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[5], alpha: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[6], A: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[7], Atype: macaDataType_t, lda: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[9], strideA: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[10], B: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[11], Btype: macaDataType_t, ldb: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[13], strideB: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[14], beta: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[15], C: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[16], Ctype: macaDataType_t, ldc: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[18], strideC: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[19], batchCount: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[20], computeType: mcblasComputeType_t, algo: mcblasGemmAlgo_t): mcblasStatus_t {
  return binding.call('mcblasGemmStridedBatchedEx', [handle, transa, transb, m, n, k, alpha, A, Atype, lda, strideA, B, Btype, ldb, strideB, beta, C, Ctype, ldc, strideC, batchCount, computeType, algo]);
}

/** mcblasGetMathMode → cublasGetMathMode (native, unconfirmed). */
export function mcblasGetMathMode(handle: Parameters<typeof cuda.cublasGetMathMode>[0], mode: Ref<mcblasMath_t>): mcblasStatus_t {
  return binding.call('mcblasGetMathMode', [handle, mode]);
}

/** mcblasGetStatusString → cublasGetStatusString (native, unconfirmed). */
export function mcblasGetStatusString(status: mcblasStatus_t): ReturnType<typeof cuda.cublasGetStatusString> {
  return binding.call('mcblasGetStatusString', [status]);
}

/** mcblasGetStream → cublasGetStream (native, unconfirmed). */
export function mcblasGetStream(handle: Parameters<typeof cuda.cublasGetStream>[0], streamId: Parameters<typeof cuda.cublasGetStream>[1]): mcblasStatus_t {
  return binding.call('mcblasGetStream', [handle, streamId]);
}

/** mcblasHgemm → cublasHgemm (native, confirmed). */
export function mcblasHgemm(handle: Parameters<typeof cuda.cublasHgemm>[0], transa: mcblasOperation_t, transb: mcblasOperation_t, m: Parameters<typeof cuda.cublasHgemm>[3], n: Parameters<typeof cuda.cublasHgemm>[4], k: Parameters<typeof cuda.cublasHgemm>[5], alpha: Parameters<typeof cuda.cublasHgemm>[6], A: Parameters<typeof cuda.cublasHgemm>[7], lda: Parameters<typeof cuda.cublasHgemm>[8], B: Parameters<typeof cuda.cublasHgemm>[9], ldb: Parameters<typeof cuda.cublasHgemm>[10], beta: Parameters<typeof cuda.cublasHgemm>[11], C: Parameters<typeof cuda.cublasHgemm>[12], ldc: Parameters<typeof cuda.cublasHgemm>[13]): mcblasStatus_t {
  return binding.call('mcblasHgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** mcblasIsamax → cublasIsamax (native, inferred). */
export function mcblasIsamax(handle: Parameters<typeof cuda.cublasIsamax>[0], n: Parameters<typeof cuda.cublasIsamax>[1], x: Parameters<typeof cuda.cublasIsamax>[2], incx: Parameters<typeof cuda.cublasIsamax>[3], result: Parameters<typeof cuda.cublasIsamax>[4]): mcblasStatus_t {
  return binding.call('mcblasIsamax', [handle, n, x, incx, result]);
}

/** mcblasSasum → cublasSasum (native, inferred). */
export function mcblasSasum(handle: Parameters<typeof cuda.cublasSasum>[0], n: Parameters<typeof cuda.cublasSasum>[1], x: Parameters<typeof cuda.cublasSasum>[2], incx: Parameters<typeof cuda.cublasSasum>[3], result: Parameters<typeof cuda.cublasSasum>[4]): mcblasStatus_t {
  return binding.call('mcblasSasum', [handle, n, x, incx, result]);
}

/** mcblasSaxpy → cublasSaxpy (native, inferred). */
export function mcblasSaxpy(handle: Parameters<typeof cuda.cublasSaxpy>[0], n: Parameters<typeof cuda.cublasSaxpy>[1], alpha: Parameters<typeof cuda.cublasSaxpy>[2], x: Parameters<typeof cuda.cublasSaxpy>[3], incx: Parameters<typeof cuda.cublasSaxpy>[4], y: Parameters<typeof cuda.cublasSaxpy>[5], incy: Parameters<typeof cuda.cublasSaxpy>[6]): mcblasStatus_t {
  return binding.call('mcblasSaxpy', [handle, n, alpha, x, incx, y, incy]);
}

/** mcblasSdot → cublasSdot (native, inferred). */
export function mcblasSdot(handle: Parameters<typeof cuda.cublasSdot>[0], n: Parameters<typeof cuda.cublasSdot>[1], x: Parameters<typeof cuda.cublasSdot>[2], incx: Parameters<typeof cuda.cublasSdot>[3], y: Parameters<typeof cuda.cublasSdot>[4], incy: Parameters<typeof cuda.cublasSdot>[5], result: Parameters<typeof cuda.cublasSdot>[6]): mcblasStatus_t {
  return binding.call('mcblasSdot', [handle, n, x, incx, y, incy, result]);
}

/** mcblasSetMathMode → cublasSetMathMode (native, confirmed). */
export function mcblasSetMathMode(handle: Parameters<typeof cuda.cublasSetMathMode>[0], mode: mcblasMath_t): mcblasStatus_t {
  return binding.call('mcblasSetMathMode', [handle, mode]);
}

/** mcblasSetStream → cublasSetStream (native, confirmed). */
export function mcblasSetStream(handle: Parameters<typeof cuda.cublasSetStream>[0], streamId: Parameters<typeof cuda.cublasSetStream>[1]): mcblasStatus_t {
  return binding.call('mcblasSetStream', [handle, streamId]);
}

/** mcblasSgemm → cublasSgemm (native, confirmed). */
export function mcblasSgemm(handle: Parameters<typeof cuda.cublasSgemm>[0], transa: mcblasOperation_t, transb: mcblasOperation_t, m: Parameters<typeof cuda.cublasSgemm>[3], n: Parameters<typeof cuda.cublasSgemm>[4], k: Parameters<typeof cuda.cublasSgemm>[5], alpha: Parameters<typeof cuda.cublasSgemm>[6], A: Parameters<typeof cuda.cublasSgemm>[7], lda: Parameters<typeof cuda.cublasSgemm>[8], B: Parameters<typeof cuda.cublasSgemm>[9], ldb: Parameters<typeof cuda.cublasSgemm>[10], beta: Parameters<typeof cuda.cublasSgemm>[11], C: Parameters<typeof cuda.cublasSgemm>[12], ldc: Parameters<typeof cuda.cublasSgemm>[13]): mcblasStatus_t {
  return binding.call('mcblasSgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** mcblasSgemmStridedBatched → cublasSgemmStridedBatched (native, confirmed). */
export function mcblasSgemmStridedBatched(handle: Parameters<typeof cuda.cublasSgemmStridedBatched>[0], transa: mcblasOperation_t, transb: mcblasOperation_t, m: Parameters<typeof cuda.cublasSgemmStridedBatched>[3], n: Parameters<typeof cuda.cublasSgemmStridedBatched>[4], k: Parameters<typeof cuda.cublasSgemmStridedBatched>[5], alpha: Parameters<typeof cuda.cublasSgemmStridedBatched>[6], A: Parameters<typeof cuda.cublasSgemmStridedBatched>[7], lda: Parameters<typeof cuda.cublasSgemmStridedBatched>[8], strideA: Parameters<typeof cuda.cublasSgemmStridedBatched>[9], B: Parameters<typeof cuda.cublasSgemmStridedBatched>[10], ldb: Parameters<typeof cuda.cublasSgemmStridedBatched>[11], strideB: Parameters<typeof cuda.cublasSgemmStridedBatched>[12], beta: Parameters<typeof cuda.cublasSgemmStridedBatched>[13], C: Parameters<typeof cuda.cublasSgemmStridedBatched>[14], ldc: Parameters<typeof cuda.cublasSgemmStridedBatched>[15], strideC: Parameters<typeof cuda.cublasSgemmStridedBatched>[16], batchCount: Parameters<typeof cuda.cublasSgemmStridedBatched>[17]): mcblasStatus_t {
  return binding.call('mcblasSgemmStridedBatched', [handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb, strideB, beta, C, ldc, strideC, batchCount]);
}

/** mcblasSgemv → cublasSgemv (native, unconfirmed). */
export function mcblasSgemv(handle: Parameters<typeof cuda.cublasSgemv>[0], trans: mcblasOperation_t, m: Parameters<typeof cuda.cublasSgemv>[2], n: Parameters<typeof cuda.cublasSgemv>[3], alpha: Parameters<typeof cuda.cublasSgemv>[4], A: Parameters<typeof cuda.cublasSgemv>[5], lda: Parameters<typeof cuda.cublasSgemv>[6], x: Parameters<typeof cuda.cublasSgemv>[7], incx: Parameters<typeof cuda.cublasSgemv>[8], beta: Parameters<typeof cuda.cublasSgemv>[9], y: Parameters<typeof cuda.cublasSgemv>[10], incy: Parameters<typeof cuda.cublasSgemv>[11]): mcblasStatus_t {
  return binding.call('mcblasSgemv', [handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy]);
}

/** mcblasSnrm2 → cublasSnrm2 (native, inferred). */
export function mcblasSnrm2(handle: Parameters<typeof cuda.cublasSnrm2>[0], n: Parameters<typeof cuda.cublasSnrm2>[1], x: Parameters<typeof cuda.cublasSnrm2>[2], incx: Parameters<typeof cuda.cublasSnrm2>[3], result: Parameters<typeof cuda.cublasSnrm2>[4]): mcblasStatus_t {
  return binding.call('mcblasSnrm2', [handle, n, x, incx, result]);
}

/** mcblasSscal → cublasSscal (native, inferred). */
export function mcblasSscal(handle: Parameters<typeof cuda.cublasSscal>[0], n: Parameters<typeof cuda.cublasSscal>[1], alpha: Parameters<typeof cuda.cublasSscal>[2], x: Parameters<typeof cuda.cublasSscal>[3], incx: Parameters<typeof cuda.cublasSscal>[4]): mcblasStatus_t {
  return binding.call('mcblasSscal', [handle, n, alpha, x, incx]);
}

// ---- mcblaslt ------------------------------------------------------------------------------

/** mcblasLtCreate → cublasLtCreate (native, confirmed). */
export function mcblasLtCreate(lightHandle: Parameters<typeof cuda.cublasLtCreate>[0]): mcblasStatus_t {
  return binding.call('mcblasLtCreate', [lightHandle]);
}

/** mcblasLtDestroy → cublasLtDestroy (native, confirmed). */
export function mcblasLtDestroy(lightHandle: Parameters<typeof cuda.cublasLtDestroy>[0]): mcblasStatus_t {
  return binding.call('mcblasLtDestroy', [lightHandle]);
}

/** mcblasLtMatmul → cublasLtMatmul (native, confirmed). */
export function mcblasLtMatmul(lightHandle: Parameters<typeof cuda.cublasLtMatmul>[0], computeDesc: Parameters<typeof cuda.cublasLtMatmul>[1], alpha: Parameters<typeof cuda.cublasLtMatmul>[2], A: Parameters<typeof cuda.cublasLtMatmul>[3], Adesc: Parameters<typeof cuda.cublasLtMatmul>[4], B: Parameters<typeof cuda.cublasLtMatmul>[5], Bdesc: Parameters<typeof cuda.cublasLtMatmul>[6], beta: Parameters<typeof cuda.cublasLtMatmul>[7], C: Parameters<typeof cuda.cublasLtMatmul>[8], Cdesc: Parameters<typeof cuda.cublasLtMatmul>[9], D: Parameters<typeof cuda.cublasLtMatmul>[10], Ddesc: Parameters<typeof cuda.cublasLtMatmul>[11], algo: Parameters<typeof cuda.cublasLtMatmul>[12], workspace: Parameters<typeof cuda.cublasLtMatmul>[13], workspaceSizeInBytes: Parameters<typeof cuda.cublasLtMatmul>[14], stream: Parameters<typeof cuda.cublasLtMatmul>[15]): mcblasStatus_t {
  return binding.call('mcblasLtMatmul', [lightHandle, computeDesc, alpha, A, Adesc, B, Bdesc, beta, C, Cdesc, D, Ddesc, algo, workspace, workspaceSizeInBytes, stream]);
}

/** mcblasLtMatmulAlgoGetHeuristic → cublasLtMatmulAlgoGetHeuristic (native, confirmed). */
export function mcblasLtMatmulAlgoGetHeuristic(lightHandle: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[0], operationDesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[1], Adesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[2], Bdesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[3], Cdesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[4], Ddesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[5], preference: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[6], requestedAlgoCount: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[7], heuristicResultsArray: mcblasLtMatmulHeuristicResult_t[], returnAlgoCount: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[9]): mcblasStatus_t {
  return binding.call('mcblasLtMatmulAlgoGetHeuristic', [lightHandle, operationDesc, Adesc, Bdesc, Cdesc, Ddesc, preference, requestedAlgoCount, heuristicResultsArray, returnAlgoCount]);
}

/** mcblasLtMatmulDescCreate → cublasLtMatmulDescCreate (native, confirmed). */
export function mcblasLtMatmulDescCreate(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescCreate>[0], computeType: mcblasComputeType_t, scaleType: macaDataType_t): mcblasStatus_t {
  return binding.call('mcblasLtMatmulDescCreate', [matmulDesc, computeType, scaleType]);
}

/** mcblasLtMatmulDescDestroy → cublasLtMatmulDescDestroy (native, confirmed). */
export function mcblasLtMatmulDescDestroy(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescDestroy>[0]): mcblasStatus_t {
  return binding.call('mcblasLtMatmulDescDestroy', [matmulDesc]);
}

/** mcblasLtMatmulDescSetAttribute → cublasLtMatmulDescSetAttribute (native, confirmed). */
export function mcblasLtMatmulDescSetAttribute(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[0], attr: mcblasLtMatmulDescAttributes_t, buf: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[3]): mcblasStatus_t {
  return binding.call('mcblasLtMatmulDescSetAttribute', [matmulDesc, attr, buf, sizeInBytes]);
}

/** mcblasLtMatmulPreferenceCreate → cublasLtMatmulPreferenceCreate (native, confirmed). */
export function mcblasLtMatmulPreferenceCreate(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceCreate>[0]): mcblasStatus_t {
  return binding.call('mcblasLtMatmulPreferenceCreate', [pref]);
}

/** mcblasLtMatmulPreferenceDestroy → cublasLtMatmulPreferenceDestroy (native, confirmed). */
export function mcblasLtMatmulPreferenceDestroy(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceDestroy>[0]): mcblasStatus_t {
  return binding.call('mcblasLtMatmulPreferenceDestroy', [pref]);
}

/** mcblasLtMatmulPreferenceSetAttribute → cublasLtMatmulPreferenceSetAttribute (native, confirmed). */
export function mcblasLtMatmulPreferenceSetAttribute(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[0], attr: mcblasLtMatmulPreferenceAttributes_t, buf: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[3]): mcblasStatus_t {
  return binding.call('mcblasLtMatmulPreferenceSetAttribute', [pref, attr, buf, sizeInBytes]);
}

/** mcblasLtMatrixLayoutCreate → cublasLtMatrixLayoutCreate (native, confirmed). */
export function mcblasLtMatrixLayoutCreate(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[0], type: macaDataType_t, rows: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[2], cols: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[3], ld: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[4]): mcblasStatus_t {
  return binding.call('mcblasLtMatrixLayoutCreate', [matLayout, type, rows, cols, ld]);
}

/** mcblasLtMatrixLayoutDestroy → cublasLtMatrixLayoutDestroy (native, confirmed). */
export function mcblasLtMatrixLayoutDestroy(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutDestroy>[0]): mcblasStatus_t {
  return binding.call('mcblasLtMatrixLayoutDestroy', [matLayout]);
}

/** mcblasLtMatrixLayoutSetAttribute → cublasLtMatrixLayoutSetAttribute (native, confirmed). */
export function mcblasLtMatrixLayoutSetAttribute(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[0], attr: mcblasLtMatrixLayoutAttribute_t, buf: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[3]): mcblasStatus_t {
  return binding.call('mcblasLtMatrixLayoutSetAttribute', [matLayout, attr, buf, sizeInBytes]);
}

// ---- mccl ----------------------------------------------------------------------------------

/** mcclAllGather → ncclAllGather (native, inferred). */
export function mcclAllGather(sendbuff: Parameters<typeof cuda.ncclAllGather>[0], recvbuff: Parameters<typeof cuda.ncclAllGather>[1], sendcount: Parameters<typeof cuda.ncclAllGather>[2], datatype: mcclDataType_t, comm: Parameters<typeof cuda.ncclAllGather>[4], stream: Parameters<typeof cuda.ncclAllGather>[5]): mcclResult_t {
  return binding.call('mcclAllGather', [sendbuff, recvbuff, sendcount, datatype, comm, stream]);
}

/** mcclAllReduce → ncclAllReduce (native, inferred). */
export function mcclAllReduce(sendbuff: Parameters<typeof cuda.ncclAllReduce>[0], recvbuff: Parameters<typeof cuda.ncclAllReduce>[1], count: Parameters<typeof cuda.ncclAllReduce>[2], datatype: mcclDataType_t, op: mcclRedOp_t, comm: Parameters<typeof cuda.ncclAllReduce>[5], stream: Parameters<typeof cuda.ncclAllReduce>[6]): mcclResult_t {
  return binding.call('mcclAllReduce', [sendbuff, recvbuff, count, datatype, op, comm, stream]);
}

/** mcclBroadcast → ncclBroadcast (native, confirmed). */
export function mcclBroadcast(sendbuff: Parameters<typeof cuda.ncclBroadcast>[0], recvbuff: Parameters<typeof cuda.ncclBroadcast>[1], count: Parameters<typeof cuda.ncclBroadcast>[2], datatype: mcclDataType_t, root: Parameters<typeof cuda.ncclBroadcast>[4], comm: Parameters<typeof cuda.ncclBroadcast>[5], stream: Parameters<typeof cuda.ncclBroadcast>[6]): mcclResult_t {
  return binding.call('mcclBroadcast', [sendbuff, recvbuff, count, datatype, root, comm, stream]);
}

/** mcclCommCount → ncclCommCount (native, inferred). */
export function mcclCommCount(comm: Parameters<typeof cuda.ncclCommCount>[0], count: Parameters<typeof cuda.ncclCommCount>[1]): mcclResult_t {
  return binding.call('mcclCommCount', [comm, count]);
}

/** mcclCommDestroy → ncclCommDestroy (native, confirmed). */
export function mcclCommDestroy(comm: Parameters<typeof cuda.ncclCommDestroy>[0]): mcclResult_t {
  return binding.call('mcclCommDestroy', [comm]);
}

/** mcclCommInitAll → ncclCommInitAll (native, confirmed). */
export function mcclCommInitAll(comm: Parameters<typeof cuda.ncclCommInitAll>[0], ndev: Parameters<typeof cuda.ncclCommInitAll>[1], devlist: Parameters<typeof cuda.ncclCommInitAll>[2]): mcclResult_t {
  return binding.call('mcclCommInitAll', [comm, ndev, devlist]);
}

/** mcclCommInitRank → ncclCommInitRank (native, inferred). */
export function mcclCommInitRank(comm: Parameters<typeof cuda.ncclCommInitRank>[0], nranks: Parameters<typeof cuda.ncclCommInitRank>[1], commId: Parameters<typeof cuda.ncclCommInitRank>[2], rank: Parameters<typeof cuda.ncclCommInitRank>[3]): mcclResult_t {
  return binding.call('mcclCommInitRank', [comm, nranks, commId, rank]);
}

/** mcclCommUserRank → ncclCommUserRank (native, inferred). */
export function mcclCommUserRank(comm: Parameters<typeof cuda.ncclCommUserRank>[0], rank: Parameters<typeof cuda.ncclCommUserRank>[1]): mcclResult_t {
  return binding.call('mcclCommUserRank', [comm, rank]);
}

/** mcclGetErrorString → ncclGetErrorString (native, inferred). */
export function mcclGetErrorString(result: mcclResult_t): ReturnType<typeof cuda.ncclGetErrorString> {
  return binding.call('mcclGetErrorString', [result]);
}

/** mcclGetUniqueId → ncclGetUniqueId (native, inferred). */
export function mcclGetUniqueId(uniqueId: Parameters<typeof cuda.ncclGetUniqueId>[0]): mcclResult_t {
  return binding.call('mcclGetUniqueId', [uniqueId]);
}

/** mcclGetVersion → ncclGetVersion (native, inferred). */
export function mcclGetVersion(version: Parameters<typeof cuda.ncclGetVersion>[0]): mcclResult_t {
  return binding.call('mcclGetVersion', [version]);
}

/** mcclGroupEnd → ncclGroupEnd (native, confirmed). */
export function mcclGroupEnd(): mcclResult_t {
  return binding.call('mcclGroupEnd', []);
}

/** mcclGroupStart → ncclGroupStart (native, confirmed). */
export function mcclGroupStart(): mcclResult_t {
  return binding.call('mcclGroupStart', []);
}

/** mcclRecv → ncclRecv (native, confirmed). */
export function mcclRecv(recvbuff: Parameters<typeof cuda.ncclRecv>[0], count: Parameters<typeof cuda.ncclRecv>[1], datatype: mcclDataType_t, peer: Parameters<typeof cuda.ncclRecv>[3], comm: Parameters<typeof cuda.ncclRecv>[4], stream: Parameters<typeof cuda.ncclRecv>[5]): mcclResult_t {
  return binding.call('mcclRecv', [recvbuff, count, datatype, peer, comm, stream]);
}

/** mcclReduce → ncclReduce (native, inferred). */
export function mcclReduce(sendbuff: Parameters<typeof cuda.ncclReduce>[0], recvbuff: Parameters<typeof cuda.ncclReduce>[1], count: Parameters<typeof cuda.ncclReduce>[2], datatype: mcclDataType_t, op: mcclRedOp_t, root: Parameters<typeof cuda.ncclReduce>[5], comm: Parameters<typeof cuda.ncclReduce>[6], stream: Parameters<typeof cuda.ncclReduce>[7]): mcclResult_t {
  return binding.call('mcclReduce', [sendbuff, recvbuff, count, datatype, op, root, comm, stream]);
}

/** mcclReduceScatter → ncclReduceScatter (native, inferred). */
export function mcclReduceScatter(sendbuff: Parameters<typeof cuda.ncclReduceScatter>[0], recvbuff: Parameters<typeof cuda.ncclReduceScatter>[1], recvcount: Parameters<typeof cuda.ncclReduceScatter>[2], datatype: mcclDataType_t, op: mcclRedOp_t, comm: Parameters<typeof cuda.ncclReduceScatter>[5], stream: Parameters<typeof cuda.ncclReduceScatter>[6]): mcclResult_t {
  return binding.call('mcclReduceScatter', [sendbuff, recvbuff, recvcount, datatype, op, comm, stream]);
}

/** mcclSend → ncclSend (native, confirmed). */
export function mcclSend(sendbuff: Parameters<typeof cuda.ncclSend>[0], count: Parameters<typeof cuda.ncclSend>[1], datatype: mcclDataType_t, peer: Parameters<typeof cuda.ncclSend>[3], comm: Parameters<typeof cuda.ncclSend>[4], stream: Parameters<typeof cuda.ncclSend>[5]): mcclResult_t {
  return binding.call('mcclSend', [sendbuff, count, datatype, peer, comm, stream]);
}

// ---- mcdnn ---------------------------------------------------------------------------------

/** mcdnnActivationForward → cudnnActivationForward (native, unconfirmed). */
export function mcdnnActivationForward(handle: Parameters<typeof cuda.cudnnActivationForward>[0], activationDesc: Parameters<typeof cuda.cudnnActivationForward>[1], alpha: Parameters<typeof cuda.cudnnActivationForward>[2], xDesc: Parameters<typeof cuda.cudnnActivationForward>[3], x: Parameters<typeof cuda.cudnnActivationForward>[4], beta: Parameters<typeof cuda.cudnnActivationForward>[5], yDesc: Parameters<typeof cuda.cudnnActivationForward>[6], y: Parameters<typeof cuda.cudnnActivationForward>[7]): mcdnnStatus_t {
  return binding.call('mcdnnActivationForward', [handle, activationDesc, alpha, xDesc, x, beta, yDesc, y]);
}

/** mcdnnAddTensor → cudnnAddTensor (native, unconfirmed). */
export function mcdnnAddTensor(handle: Parameters<typeof cuda.cudnnAddTensor>[0], alpha: Parameters<typeof cuda.cudnnAddTensor>[1], aDesc: Parameters<typeof cuda.cudnnAddTensor>[2], A: Parameters<typeof cuda.cudnnAddTensor>[3], beta: Parameters<typeof cuda.cudnnAddTensor>[4], cDesc: Parameters<typeof cuda.cudnnAddTensor>[5], C: Parameters<typeof cuda.cudnnAddTensor>[6]): mcdnnStatus_t {
  return binding.call('mcdnnAddTensor', [handle, alpha, aDesc, A, beta, cDesc, C]);
}

/** mcdnnBatchNormalizationForwardInference → cudnnBatchNormalizationForwardInference (native, unconfirmed). */
export function mcdnnBatchNormalizationForwardInference(handle: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[0], mode: mcdnnBatchNormMode_t, alpha: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[2], beta: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[3], xDesc: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[4], x: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[5], yDesc: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[6], y: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[7], bnScaleBiasMeanVarDesc: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[8], bnScale: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[9], bnBias: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[10], estimatedMean: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[11], estimatedVariance: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[12], epsilon: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[13]): mcdnnStatus_t {
  return binding.call('mcdnnBatchNormalizationForwardInference', [handle, mode, alpha, beta, xDesc, x, yDesc, y, bnScaleBiasMeanVarDesc, bnScale, bnBias, estimatedMean, estimatedVariance, epsilon]);
}

/** mcdnnConvolutionForward → cudnnConvolutionForward (native, confirmed). */
export function mcdnnConvolutionForward(handle: Parameters<typeof cuda.cudnnConvolutionForward>[0], alpha: Parameters<typeof cuda.cudnnConvolutionForward>[1], xDesc: Parameters<typeof cuda.cudnnConvolutionForward>[2], x: Parameters<typeof cuda.cudnnConvolutionForward>[3], wDesc: Parameters<typeof cuda.cudnnConvolutionForward>[4], w: Parameters<typeof cuda.cudnnConvolutionForward>[5], convDesc: Parameters<typeof cuda.cudnnConvolutionForward>[6], algo: mcdnnConvolutionFwdAlgo_t, workSpace: Parameters<typeof cuda.cudnnConvolutionForward>[8], workSpaceSizeInBytes: Parameters<typeof cuda.cudnnConvolutionForward>[9], beta: Parameters<typeof cuda.cudnnConvolutionForward>[10], yDesc: Parameters<typeof cuda.cudnnConvolutionForward>[11], y: Parameters<typeof cuda.cudnnConvolutionForward>[12]): mcdnnStatus_t {
  return binding.call('mcdnnConvolutionForward', [handle, alpha, xDesc, x, wDesc, w, convDesc, algo, workSpace, workSpaceSizeInBytes, beta, yDesc, y]);
}

/** mcdnnCreate → cudnnCreate (native, confirmed). */
export function mcdnnCreate(handle: Parameters<typeof cuda.cudnnCreate>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreate', [handle]);
}

/** mcdnnCreateActivationDescriptor → cudnnCreateActivationDescriptor (native, confirmed). */
export function mcdnnCreateActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnCreateActivationDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreateActivationDescriptor', [activationDesc]);
}

/** mcdnnCreateConvolutionDescriptor → cudnnCreateConvolutionDescriptor (native, confirmed). */
export function mcdnnCreateConvolutionDescriptor(convDesc: Parameters<typeof cuda.cudnnCreateConvolutionDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreateConvolutionDescriptor', [convDesc]);
}

/** mcdnnCreateDropoutDescriptor → cudnnCreateDropoutDescriptor (native, unconfirmed). */
export function mcdnnCreateDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnCreateDropoutDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreateDropoutDescriptor', [dropoutDesc]);
}

/** mcdnnCreateFilterDescriptor → cudnnCreateFilterDescriptor (native, confirmed). */
export function mcdnnCreateFilterDescriptor(filterDesc: Parameters<typeof cuda.cudnnCreateFilterDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreateFilterDescriptor', [filterDesc]);
}

/** mcdnnCreateOpTensorDescriptor → cudnnCreateOpTensorDescriptor (native, unconfirmed). */
export function mcdnnCreateOpTensorDescriptor(opTensorDesc: Parameters<typeof cuda.cudnnCreateOpTensorDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreateOpTensorDescriptor', [opTensorDesc]);
}

/** mcdnnCreatePoolingDescriptor → cudnnCreatePoolingDescriptor (native, inferred). */
export function mcdnnCreatePoolingDescriptor(poolingDesc: Parameters<typeof cuda.cudnnCreatePoolingDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreatePoolingDescriptor', [poolingDesc]);
}

/** mcdnnCreateReduceTensorDescriptor → cudnnCreateReduceTensorDescriptor (native, unconfirmed). */
export function mcdnnCreateReduceTensorDescriptor(reduceTensorDesc: Parameters<typeof cuda.cudnnCreateReduceTensorDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreateReduceTensorDescriptor', [reduceTensorDesc]);
}

/** mcdnnCreateTensorDescriptor → cudnnCreateTensorDescriptor (native, confirmed). */
export function mcdnnCreateTensorDescriptor(tensorDesc: Parameters<typeof cuda.cudnnCreateTensorDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnCreateTensorDescriptor', [tensorDesc]);
}

/** mcdnnDestroy → cudnnDestroy (native, unconfirmed). */
export function mcdnnDestroy(handle: Parameters<typeof cuda.cudnnDestroy>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroy', [handle]);
}

/** mcdnnDestroyActivationDescriptor → cudnnDestroyActivationDescriptor (native, confirmed). */
export function mcdnnDestroyActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnDestroyActivationDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyActivationDescriptor', [activationDesc]);
}

/** mcdnnDestroyConvolutionDescriptor → cudnnDestroyConvolutionDescriptor (native, confirmed). */
export function mcdnnDestroyConvolutionDescriptor(convDesc: Parameters<typeof cuda.cudnnDestroyConvolutionDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyConvolutionDescriptor', [convDesc]);
}

/** mcdnnDestroyDropoutDescriptor → cudnnDestroyDropoutDescriptor (native, unconfirmed). */
export function mcdnnDestroyDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnDestroyDropoutDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyDropoutDescriptor', [dropoutDesc]);
}

/** mcdnnDestroyFilterDescriptor → cudnnDestroyFilterDescriptor (native, confirmed). */
export function mcdnnDestroyFilterDescriptor(filterDesc: Parameters<typeof cuda.cudnnDestroyFilterDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyFilterDescriptor', [filterDesc]);
}

/** mcdnnDestroyOpTensorDescriptor → cudnnDestroyOpTensorDescriptor (native, unconfirmed). */
export function mcdnnDestroyOpTensorDescriptor(opTensorDesc: Parameters<typeof cuda.cudnnDestroyOpTensorDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyOpTensorDescriptor', [opTensorDesc]);
}

/** mcdnnDestroyPoolingDescriptor → cudnnDestroyPoolingDescriptor (native, inferred). */
export function mcdnnDestroyPoolingDescriptor(poolingDesc: Parameters<typeof cuda.cudnnDestroyPoolingDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyPoolingDescriptor', [poolingDesc]);
}

/** mcdnnDestroyReduceTensorDescriptor → cudnnDestroyReduceTensorDescriptor (native, unconfirmed). */
export function mcdnnDestroyReduceTensorDescriptor(reduceTensorDesc: Parameters<typeof cuda.cudnnDestroyReduceTensorDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyReduceTensorDescriptor', [reduceTensorDesc]);
}

/** mcdnnDestroyTensorDescriptor → cudnnDestroyTensorDescriptor (native, confirmed). */
export function mcdnnDestroyTensorDescriptor(tensorDesc: Parameters<typeof cuda.cudnnDestroyTensorDescriptor>[0]): mcdnnStatus_t {
  return binding.call('mcdnnDestroyTensorDescriptor', [tensorDesc]);
}

/** mcdnnDropoutForward → cudnnDropoutForward (native, unconfirmed). */
export function mcdnnDropoutForward(handle: Parameters<typeof cuda.cudnnDropoutForward>[0], dropoutDesc: Parameters<typeof cuda.cudnnDropoutForward>[1], xdesc: Parameters<typeof cuda.cudnnDropoutForward>[2], x: Parameters<typeof cuda.cudnnDropoutForward>[3], ydesc: Parameters<typeof cuda.cudnnDropoutForward>[4], y: Parameters<typeof cuda.cudnnDropoutForward>[5], reserveSpace: Parameters<typeof cuda.cudnnDropoutForward>[6], reserveSpaceSizeInBytes: Parameters<typeof cuda.cudnnDropoutForward>[7]): mcdnnStatus_t {
  return binding.call('mcdnnDropoutForward', [handle, dropoutDesc, xdesc, x, ydesc, y, reserveSpace, reserveSpaceSizeInBytes]);
}

/** mcdnnDropoutGetReserveSpaceSize → cudnnDropoutGetReserveSpaceSize (native, unconfirmed). */
export function mcdnnDropoutGetReserveSpaceSize(xdesc: Parameters<typeof cuda.cudnnDropoutGetReserveSpaceSize>[0], sizeInBytes: Parameters<typeof cuda.cudnnDropoutGetReserveSpaceSize>[1]): mcdnnStatus_t {
  return binding.call('mcdnnDropoutGetReserveSpaceSize', [xdesc, sizeInBytes]);
}

/** mcdnnDropoutGetStatesSize → cudnnDropoutGetStatesSize (native, unconfirmed). */
export function mcdnnDropoutGetStatesSize(handle: Parameters<typeof cuda.cudnnDropoutGetStatesSize>[0], sizeInBytes: Parameters<typeof cuda.cudnnDropoutGetStatesSize>[1]): mcdnnStatus_t {
  return binding.call('mcdnnDropoutGetStatesSize', [handle, sizeInBytes]);
}

/** mcdnnGetConvolution2dForwardOutputDim → cudnnGetConvolution2dForwardOutputDim (native, unconfirmed). */
export function mcdnnGetConvolution2dForwardOutputDim(convDesc: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[0], inputTensorDesc: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[1], filterDesc: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[2], n: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[3], c: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[4], h: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[5], w: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[6]): mcdnnStatus_t {
  return binding.call('mcdnnGetConvolution2dForwardOutputDim', [convDesc, inputTensorDesc, filterDesc, n, c, h, w]);
}

/** mcdnnGetConvolutionForwardAlgorithm_v7 → cudnnGetConvolutionForwardAlgorithm_v7 (native, unconfirmed). */
export function mcdnnGetConvolutionForwardAlgorithm_v7(handle: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[0], srcDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[1], filterDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[2], convDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[3], destDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[4], requestedAlgoCount: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[5], returnedAlgoCount: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[6], perfResults: mcdnnConvolutionFwdAlgoPerf_t[]): mcdnnStatus_t {
  return binding.call('mcdnnGetConvolutionForwardAlgorithm_v7', [handle, srcDesc, filterDesc, convDesc, destDesc, requestedAlgoCount, returnedAlgoCount, perfResults]);
}

/** mcdnnGetConvolutionForwardWorkspaceSize → cudnnGetConvolutionForwardWorkspaceSize (native, confirmed). */
export function mcdnnGetConvolutionForwardWorkspaceSize(handle: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[0], xDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[1], wDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[2], convDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[3], yDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[4], algo: mcdnnConvolutionFwdAlgo_t, sizeInBytes: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[6]): mcdnnStatus_t {
  return binding.call('mcdnnGetConvolutionForwardWorkspaceSize', [handle, xDesc, wDesc, convDesc, yDesc, algo, sizeInBytes]);
}

/** mcdnnGetErrorString → cudnnGetErrorString (native, confirmed). */
export function mcdnnGetErrorString(status: mcdnnStatus_t): ReturnType<typeof cuda.cudnnGetErrorString> {
  return binding.call('mcdnnGetErrorString', [status]);
}

/** mcdnnGetPooling2dForwardOutputDim → cudnnGetPooling2dForwardOutputDim (native, unconfirmed). */
export function mcdnnGetPooling2dForwardOutputDim(poolingDesc: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[0], inputTensorDesc: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[1], n: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[2], c: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[3], h: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[4], w: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[5]): mcdnnStatus_t {
  return binding.call('mcdnnGetPooling2dForwardOutputDim', [poolingDesc, inputTensorDesc, n, c, h, w]);
}

/** mcdnnGetReductionWorkspaceSize → cudnnGetReductionWorkspaceSize (native, unconfirmed). */
export function mcdnnGetReductionWorkspaceSize(handle: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[0], reduceTensorDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[1], aDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[2], cDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[3], sizeInBytes: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[4]): mcdnnStatus_t {
  return binding.call('mcdnnGetReductionWorkspaceSize', [handle, reduceTensorDesc, aDesc, cDesc, sizeInBytes]);
}

/** mcdnnGetStream → cudnnGetStream (native, unconfirmed). */
export function mcdnnGetStream(handle: Parameters<typeof cuda.cudnnGetStream>[0], streamId: Parameters<typeof cuda.cudnnGetStream>[1]): mcdnnStatus_t {
  return binding.call('mcdnnGetStream', [handle, streamId]);
}

/** mcdnnOpTensor → cudnnOpTensor (native, unconfirmed). */
export function mcdnnOpTensor(handle: Parameters<typeof cuda.cudnnOpTensor>[0], opTensorDesc: Parameters<typeof cuda.cudnnOpTensor>[1], alpha1: Parameters<typeof cuda.cudnnOpTensor>[2], aDesc: Parameters<typeof cuda.cudnnOpTensor>[3], A: Parameters<typeof cuda.cudnnOpTensor>[4], alpha2: Parameters<typeof cuda.cudnnOpTensor>[5], bDesc: Parameters<typeof cuda.cudnnOpTensor>[6], B: Parameters<typeof cuda.cudnnOpTensor>[7], beta: Parameters<typeof cuda.cudnnOpTensor>[8], cDesc: Parameters<typeof cuda.cudnnOpTensor>[9], C: Parameters<typeof cuda.cudnnOpTensor>[10]): mcdnnStatus_t {
  return binding.call('mcdnnOpTensor', [handle, opTensorDesc, alpha1, aDesc, A, alpha2, bDesc, B, beta, cDesc, C]);
}

/** mcdnnPoolingForward → cudnnPoolingForward (native, inferred). */
export function mcdnnPoolingForward(handle: Parameters<typeof cuda.cudnnPoolingForward>[0], poolingDesc: Parameters<typeof cuda.cudnnPoolingForward>[1], alpha: Parameters<typeof cuda.cudnnPoolingForward>[2], xDesc: Parameters<typeof cuda.cudnnPoolingForward>[3], x: Parameters<typeof cuda.cudnnPoolingForward>[4], beta: Parameters<typeof cuda.cudnnPoolingForward>[5], yDesc: Parameters<typeof cuda.cudnnPoolingForward>[6], y: Parameters<typeof cuda.cudnnPoolingForward>[7]): mcdnnStatus_t {
  return binding.call('mcdnnPoolingForward', [handle, poolingDesc, alpha, xDesc, x, beta, yDesc, y]);
}

/** mcdnnReduceTensor → cudnnReduceTensor (native, unconfirmed). */
export function mcdnnReduceTensor(handle: Parameters<typeof cuda.cudnnReduceTensor>[0], reduceTensorDesc: Parameters<typeof cuda.cudnnReduceTensor>[1], indices: Parameters<typeof cuda.cudnnReduceTensor>[2], indicesSizeInBytes: Parameters<typeof cuda.cudnnReduceTensor>[3], workspace: Parameters<typeof cuda.cudnnReduceTensor>[4], workspaceSizeInBytes: Parameters<typeof cuda.cudnnReduceTensor>[5], alpha: Parameters<typeof cuda.cudnnReduceTensor>[6], aDesc: Parameters<typeof cuda.cudnnReduceTensor>[7], A: Parameters<typeof cuda.cudnnReduceTensor>[8], beta: Parameters<typeof cuda.cudnnReduceTensor>[9], cDesc: Parameters<typeof cuda.cudnnReduceTensor>[10], C: Parameters<typeof cuda.cudnnReduceTensor>[11]): mcdnnStatus_t {
  return binding.call('mcdnnReduceTensor', [handle, reduceTensorDesc, indices, indicesSizeInBytes, workspace, workspaceSizeInBytes, alpha, aDesc, A, beta, cDesc, C]);
}

/** mcdnnSetActivationDescriptor → cudnnSetActivationDescriptor (native, confirmed). */
export function mcdnnSetActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnSetActivationDescriptor>[0], mode: mcdnnActivationMode_t, reluNanOpt: mcdnnNanPropagation_t, coef: Parameters<typeof cuda.cudnnSetActivationDescriptor>[3]): mcdnnStatus_t {
  return binding.call('mcdnnSetActivationDescriptor', [activationDesc, mode, reluNanOpt, coef]);
}

/** mcdnnSetConvolution2dDescriptor → cudnnSetConvolution2dDescriptor (native, confirmed). */
export function mcdnnSetConvolution2dDescriptor(convDesc: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[0], pad_h: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[1], pad_w: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[2], u: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[3], v: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[4], dilation_h: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[5], dilation_w: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[6], mode: mcdnnConvolutionMode_t, computeType: mcdnnDataType_t): mcdnnStatus_t {
  return binding.call('mcdnnSetConvolution2dDescriptor', [convDesc, pad_h, pad_w, u, v, dilation_h, dilation_w, mode, computeType]);
}

/** mcdnnSetConvolutionGroupCount → cudnnSetConvolutionGroupCount (native, confirmed). */
export function mcdnnSetConvolutionGroupCount(convDesc: Parameters<typeof cuda.cudnnSetConvolutionGroupCount>[0], groupCount: Parameters<typeof cuda.cudnnSetConvolutionGroupCount>[1]): mcdnnStatus_t {
  return binding.call('mcdnnSetConvolutionGroupCount', [convDesc, groupCount]);
}

/** mcdnnSetConvolutionMathType → cudnnSetConvolutionMathType (native, confirmed). */
export function mcdnnSetConvolutionMathType(convDesc: Parameters<typeof cuda.cudnnSetConvolutionMathType>[0], mathType: mcdnnMathType_t): mcdnnStatus_t {
  return binding.call('mcdnnSetConvolutionMathType', [convDesc, mathType]);
}

/** mcdnnSetDropoutDescriptor → cudnnSetDropoutDescriptor (native, unconfirmed). */
export function mcdnnSetDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[0], handle: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[1], dropout: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[2], states: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[3], stateSizeInBytes: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[4], seed: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[5]): mcdnnStatus_t {
  return binding.call('mcdnnSetDropoutDescriptor', [dropoutDesc, handle, dropout, states, stateSizeInBytes, seed]);
}

/** mcdnnSetFilter4dDescriptor → cudnnSetFilter4dDescriptor (native, confirmed). */
export function mcdnnSetFilter4dDescriptor(filterDesc: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[0], dataType: mcdnnDataType_t, format: mcdnnTensorFormat_t, k: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[3], c: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[4], h: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[5], w: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[6]): mcdnnStatus_t {
  return binding.call('mcdnnSetFilter4dDescriptor', [filterDesc, dataType, format, k, c, h, w]);
}

/** mcdnnSetOpTensorDescriptor → cudnnSetOpTensorDescriptor (native, unconfirmed). */
export function mcdnnSetOpTensorDescriptor(opTensorDesc: Parameters<typeof cuda.cudnnSetOpTensorDescriptor>[0], opTensorOp: mcdnnOpTensorOp_t, opTensorCompType: mcdnnDataType_t, opTensorNanOpt: mcdnnNanPropagation_t): mcdnnStatus_t {
  return binding.call('mcdnnSetOpTensorDescriptor', [opTensorDesc, opTensorOp, opTensorCompType, opTensorNanOpt]);
}

/** mcdnnSetPooling2dDescriptor → cudnnSetPooling2dDescriptor (native, inferred). */
export function mcdnnSetPooling2dDescriptor(poolingDesc: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[0], mode: mcdnnPoolingMode_t, maxpoolingNanOpt: mcdnnNanPropagation_t, windowHeight: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[3], windowWidth: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[4], verticalPadding: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[5], horizontalPadding: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[6], verticalStride: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[7], horizontalStride: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[8]): mcdnnStatus_t {
  return binding.call('mcdnnSetPooling2dDescriptor', [poolingDesc, mode, maxpoolingNanOpt, windowHeight, windowWidth, verticalPadding, horizontalPadding, verticalStride, horizontalStride]);
}

/** mcdnnSetReduceTensorDescriptor → cudnnSetReduceTensorDescriptor (native, unconfirmed). */
export function mcdnnSetReduceTensorDescriptor(reduceTensorDesc: Parameters<typeof cuda.cudnnSetReduceTensorDescriptor>[0], reduceTensorOp: mcdnnReduceTensorOp_t, reduceTensorCompType: mcdnnDataType_t, reduceTensorNanOpt: mcdnnNanPropagation_t, reduceTensorIndices: mcdnnReduceTensorIndices_t, reduceTensorIndicesType: mcdnnIndicesType_t): mcdnnStatus_t {
  return binding.call('mcdnnSetReduceTensorDescriptor', [reduceTensorDesc, reduceTensorOp, reduceTensorCompType, reduceTensorNanOpt, reduceTensorIndices, reduceTensorIndicesType]);
}

/** mcdnnSetStream → cudnnSetStream (native, confirmed). */
export function mcdnnSetStream(handle: Parameters<typeof cuda.cudnnSetStream>[0], streamId: Parameters<typeof cuda.cudnnSetStream>[1]): mcdnnStatus_t {
  return binding.call('mcdnnSetStream', [handle, streamId]);
}

/** mcdnnSetTensor4dDescriptor → cudnnSetTensor4dDescriptor (native, confirmed). */
export function mcdnnSetTensor4dDescriptor(tensorDesc: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[0], format: mcdnnTensorFormat_t, dataType: mcdnnDataType_t, n: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[3], c: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[4], h: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[5], w: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[6]): mcdnnStatus_t {
  return binding.call('mcdnnSetTensor4dDescriptor', [tensorDesc, format, dataType, n, c, h, w]);
}

/** mcdnnSetTensorNdDescriptor → cudnnSetTensorNdDescriptor (native, confirmed). */
export function mcdnnSetTensorNdDescriptor(tensorDesc: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[0], dataType: mcdnnDataType_t, nbDims: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[2], dimA: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[3], strideA: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[4]): mcdnnStatus_t {
  return binding.call('mcdnnSetTensorNdDescriptor', [tensorDesc, dataType, nbDims, dimA, strideA]);
}

/** mcdnnSoftmaxForward → cudnnSoftmaxForward (native, confirmed). */
export function mcdnnSoftmaxForward(handle: Parameters<typeof cuda.cudnnSoftmaxForward>[0], algo: mcdnnSoftmaxAlgorithm_t, mode: mcdnnSoftmaxMode_t, alpha: Parameters<typeof cuda.cudnnSoftmaxForward>[3], xDesc: Parameters<typeof cuda.cudnnSoftmaxForward>[4], x: Parameters<typeof cuda.cudnnSoftmaxForward>[5], beta: Parameters<typeof cuda.cudnnSoftmaxForward>[6], yDesc: Parameters<typeof cuda.cudnnSoftmaxForward>[7], y: Parameters<typeof cuda.cudnnSoftmaxForward>[8]): mcdnnStatus_t {
  return binding.call('mcdnnSoftmaxForward', [handle, algo, mode, alpha, xDesc, x, beta, yDesc, y]);
}

/** mcdnnTransformTensor → cudnnTransformTensor (native, unconfirmed). */
export function mcdnnTransformTensor(handle: Parameters<typeof cuda.cudnnTransformTensor>[0], alpha: Parameters<typeof cuda.cudnnTransformTensor>[1], xDesc: Parameters<typeof cuda.cudnnTransformTensor>[2], x: Parameters<typeof cuda.cudnnTransformTensor>[3], beta: Parameters<typeof cuda.cudnnTransformTensor>[4], yDesc: Parameters<typeof cuda.cudnnTransformTensor>[5], y: Parameters<typeof cuda.cudnnTransformTensor>[6]): mcdnnStatus_t {
  return binding.call('mcdnnTransformTensor', [handle, alpha, xDesc, x, beta, yDesc, y]);
}

// ---- mcrand --------------------------------------------------------------------------------

/** mcrandCreateGenerator → curandCreateGenerator (native, unconfirmed). */
export function mcrandCreateGenerator(generator: Parameters<typeof cuda.curandCreateGenerator>[0], rng_type: mcrandRngType_t): mcrandStatus_t {
  return binding.call('mcrandCreateGenerator', [generator, rng_type]);
}

/** mcrandDestroyGenerator → curandDestroyGenerator (native, unconfirmed). */
export function mcrandDestroyGenerator(generator: Parameters<typeof cuda.curandDestroyGenerator>[0]): mcrandStatus_t {
  return binding.call('mcrandDestroyGenerator', [generator]);
}

/** mcrandGenerateNormal → curandGenerateNormal (native, unconfirmed). */
export function mcrandGenerateNormal(generator: Parameters<typeof cuda.curandGenerateNormal>[0], outputPtr: Parameters<typeof cuda.curandGenerateNormal>[1], n: Parameters<typeof cuda.curandGenerateNormal>[2], mean: Parameters<typeof cuda.curandGenerateNormal>[3], stddev: Parameters<typeof cuda.curandGenerateNormal>[4]): mcrandStatus_t {
  return binding.call('mcrandGenerateNormal', [generator, outputPtr, n, mean, stddev]);
}

/** mcrandGenerateNormalDouble → curandGenerateNormalDouble (native, unconfirmed). */
export function mcrandGenerateNormalDouble(generator: Parameters<typeof cuda.curandGenerateNormalDouble>[0], outputPtr: Parameters<typeof cuda.curandGenerateNormalDouble>[1], n: Parameters<typeof cuda.curandGenerateNormalDouble>[2], mean: Parameters<typeof cuda.curandGenerateNormalDouble>[3], stddev: Parameters<typeof cuda.curandGenerateNormalDouble>[4]): mcrandStatus_t {
  return binding.call('mcrandGenerateNormalDouble', [generator, outputPtr, n, mean, stddev]);
}

/** mcrandGenerateUniform → curandGenerateUniform (native, unconfirmed). */
export function mcrandGenerateUniform(generator: Parameters<typeof cuda.curandGenerateUniform>[0], outputPtr: Parameters<typeof cuda.curandGenerateUniform>[1], num: Parameters<typeof cuda.curandGenerateUniform>[2]): mcrandStatus_t {
  return binding.call('mcrandGenerateUniform', [generator, outputPtr, num]);
}

/** mcrandGenerateUniformDouble → curandGenerateUniformDouble (native, unconfirmed). */
export function mcrandGenerateUniformDouble(generator: Parameters<typeof cuda.curandGenerateUniformDouble>[0], outputPtr: Parameters<typeof cuda.curandGenerateUniformDouble>[1], num: Parameters<typeof cuda.curandGenerateUniformDouble>[2]): mcrandStatus_t {
  return binding.call('mcrandGenerateUniformDouble', [generator, outputPtr, num]);
}

/** mcrandSetGeneratorOffset → curandSetGeneratorOffset (native, unconfirmed). */
export function mcrandSetGeneratorOffset(generator: Parameters<typeof cuda.curandSetGeneratorOffset>[0], offset: Parameters<typeof cuda.curandSetGeneratorOffset>[1]): mcrandStatus_t {
  return binding.call('mcrandSetGeneratorOffset', [generator, offset]);
}

/** mcrandSetPseudoRandomGeneratorSeed → curandSetPseudoRandomGeneratorSeed (native, unconfirmed). */
export function mcrandSetPseudoRandomGeneratorSeed(generator: Parameters<typeof cuda.curandSetPseudoRandomGeneratorSeed>[0], seed: Parameters<typeof cuda.curandSetPseudoRandomGeneratorSeed>[1]): mcrandStatus_t {
  return binding.call('mcrandSetPseudoRandomGeneratorSeed', [generator, seed]);
}

/** mcrandSetStream → curandSetStream (native, unconfirmed). */
export function mcrandSetStream(generator: Parameters<typeof cuda.curandSetStream>[0], stream: Parameters<typeof cuda.curandSetStream>[1]): mcrandStatus_t {
  return binding.call('mcrandSetStream', [generator, stream]);
}
