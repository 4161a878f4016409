// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// The thead facade's calls that mirror a CUDA facade function: each runs the CUDA implementation
// under the thead binding (src/backends/cuda-compatible/).
import type * as cuda from '../cuda/index.js';
import type { Ref } from '../sim/ref.js';
import type { CUDNN_CONVOLUTION_FWD_ALGO_COUNT, cublasComputeType_t, cublasGemmAlgo_t, cublasLtMatmulDescAttributes_t, cublasLtMatmulPreferenceAttributes_t, cublasLtMatrixLayoutAttribute_t, cublasMath_t, cublasOperation_t, cublasStatus_t, cudaDataType_t, cudaError_t, cudaEventFlags, cudaHostAllocFlags, cudaMemcpyKind, cudaStreamFlags, cudnnActivationMode_t, cudnnBatchNormMode_t, cudnnConvolutionFwdAlgo_t, cudnnConvolutionMode_t, cudnnDataType_t, cudnnIndicesType_t, cudnnMathType_t, cudnnNanPropagation_t, cudnnOpTensorOp_t, cudnnPoolingMode_t, cudnnReduceTensorIndices_t, cudnnReduceTensorOp_t, cudnnSoftmaxAlgorithm_t, cudnnSoftmaxMode_t, cudnnStatus_t, cudnnTensorFormat_t, curandRngType_t, curandStatus_t } from './constants.generated.js';
import type { cublasLtMatmulHeuristicResult_t, cudnnConvolutionFwdAlgoPerf_t } from './types.js';
import { binding } from './binding.js';

// ---- acblas --------------------------------------------------------------------------------

/** cublasCreate → cublasCreate (native, unconfirmed). */
export function cublasCreate(handle: Parameters<typeof cuda.cublasCreate>[0]): cublasStatus_t {
  return binding.call('cublasCreate', [handle]);
}

/** cublasDestroy → cublasDestroy (native, unconfirmed). */
export function cublasDestroy(handle: Parameters<typeof cuda.cublasDestroy>[0]): cublasStatus_t {
  return binding.call('cublasDestroy', [handle]);
}

/** cublasDgemm → cublasDgemm (native, unconfirmed). */
export function cublasDgemm(handle: Parameters<typeof cuda.cublasDgemm>[0], transa: cublasOperation_t, transb: cublasOperation_t, m: Parameters<typeof cuda.cublasDgemm>[3], n: Parameters<typeof cuda.cublasDgemm>[4], k: Parameters<typeof cuda.cublasDgemm>[5], alpha: Parameters<typeof cuda.cublasDgemm>[6], A: Parameters<typeof cuda.cublasDgemm>[7], lda: Parameters<typeof cuda.cublasDgemm>[8], B: Parameters<typeof cuda.cublasDgemm>[9], ldb: Parameters<typeof cuda.cublasDgemm>[10], beta: Parameters<typeof cuda.cublasDgemm>[11], C: Parameters<typeof cuda.cublasDgemm>[12], ldc: Parameters<typeof cuda.cublasDgemm>[13]): cublasStatus_t {
  return binding.call('cublasDgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** cublasGemmEx → cublasGemmEx (native, unconfirmed). */
export function cublasGemmEx(handle: Parameters<typeof cuda.cublasGemmEx>[0], transa: cublasOperation_t, transb: cublasOperation_t, m: Parameters<typeof cuda.cublasGemmEx>[3], n: Parameters<typeof cuda.cublasGemmEx>[4], k: Parameters<typeof cuda.cublasGemmEx>[5], alpha: Parameters<typeof cuda.cublasGemmEx>[6], A: Parameters<typeof cuda.cublasGemmEx>[7], Atype: cudaDataType_t, lda: Parameters<typeof cuda.cublasGemmEx>[9], B: Parameters<typeof cuda.cublasGemmEx>[10], Btype: cudaDataType_t, ldb: Parameters<typeof cuda.cublasGemmEx>[12], beta: Parameters<typeof cuda.cublasGemmEx>[13], C: Parameters<typeof cuda.cublasGemmEx>[14], Ctype: cudaDataType_t, ldc: Parameters<typeof cuda.cublasGemmEx>[16], computeType: cublasComputeType_t, algo: cublasGemmAlgo_t): cublasStatus_t {
  return binding.call('cublasGemmEx', [handle, transa, transb, m, n, k, alpha, A, Atype, lda, B, Btype, ldb, beta, C, Ctype, ldc, computeType, algo]);
}

/** cublasGemmStridedBatchedEx → cublasGemmStridedBatchedEx (native, unconfirmed). */
export function cublasGemmStridedBatchedEx(handle: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[0], transa: cublasOperation_t, transb: cublasOperation_t, m: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[3], n: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[4], k: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[5], alpha: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[6], A: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[7], Atype: cudaDataType_t, lda: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[9], strideA: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[10], B: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[11], Btype: cudaDataType_t, ldb: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[13], strideB: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[14], beta: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[15], C: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[16], Ctype: cudaDataType_t, ldc: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[18], strideC: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[19], batchCount: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[20], computeType: cublasComputeType_t, algo: cublasGemmAlgo_t): cublasStatus_t {
  return binding.call('cublasGemmStridedBatchedEx', [handle, transa, transb, m, n, k, alpha, A, Atype, lda, strideA, B, Btype, ldb, strideB, beta, C, Ctype, ldc, strideC, batchCount, computeType, algo]);
}

/** cublasGetMathMode → cublasGetMathMode (native, unconfirmed). */
export function cublasGetMathMode(handle: Parameters<typeof cuda.cublasGetMathMode>[0], mode: Ref<cublasMath_t>): cublasStatus_t {
  return binding.call('cublasGetMathMode', [handle, mode]);
}

/** cublasGetStatusString → cublasGetStatusString (native, unconfirmed). */
export function cublasGetStatusString(status: cublasStatus_t): ReturnType<typeof cuda.cublasGetStatusString> {
  return binding.call('cublasGetStatusString', [status]);
}

/** cublasGetStream → cublasGetStream (native, unconfirmed). */
export function cublasGetStream(handle: Parameters<typeof cuda.cublasGetStream>[0], streamId: Parameters<typeof cuda.cublasGetStream>[1]): cublasStatus_t {
  return binding.call('cublasGetStream', [handle, streamId]);
}

/** cublasHgemm → cublasHgemm (native, unconfirmed). */
export function cublasHgemm(handle: Parameters<typeof cuda.cublasHgemm>[0], transa: cublasOperation_t, transb: cublasOperation_t, m: Parameters<typeof cuda.cublasHgemm>[3], n: Parameters<typeof cuda.cublasHgemm>[4], k: Parameters<typeof cuda.cublasHgemm>[5], alpha: Parameters<typeof cuda.cublasHgemm>[6], A: Parameters<typeof cuda.cublasHgemm>[7], lda: Parameters<typeof cuda.cublasHgemm>[8], B: Parameters<typeof cuda.cublasHgemm>[9], ldb: Parameters<typeof cuda.cublasHgemm>[10], beta: Parameters<typeof cuda.cublasHgemm>[11], C: Parameters<typeof cuda.cublasHgemm>[12], ldc: Parameters<typeof cuda.cublasHgemm>[13]): cublasStatus_t {
  return binding.call('cublasHgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** cublasIsamax → cublasIsamax (native, unconfirmed). */
export function cublasIsamax(handle: Parameters<typeof cuda.cublasIsamax>[0], n: Parameters<typeof cuda.cublasIsamax>[1], x: Parameters<typeof cuda.cublasIsamax>[2], incx: Parameters<typeof cuda.cublasIsamax>[3], result: Parameters<typeof cuda.cublasIsamax>[4]): cublasStatus_t {
  return binding.call('cublasIsamax', [handle, n, x, incx, result]);
}

/** cublasLtCreate → cublasLtCreate (native, unconfirmed). */
export function cublasLtCreate(lightHandle: Parameters<typeof cuda.cublasLtCreate>[0]): cublasStatus_t {
  return binding.call('cublasLtCreate', [lightHandle]);
}

/** cublasLtDestroy → cublasLtDestroy (native, unconfirmed). */
export function cublasLtDestroy(lightHandle: Parameters<typeof cuda.cublasLtDestroy>[0]): cublasStatus_t {
  return binding.call('cublasLtDestroy', [lightHandle]);
}

/** cublasLtMatmul → cublasLtMatmul (native, unconfirmed). */
export function cublasLtMatmul(lightHandle: Parameters<typeof cuda.cublasLtMatmul>[0], computeDesc: Parameters<typeof cuda.cublasLtMatmul>[1], alpha: Parameters<typeof cuda.cublasLtMatmul>[2], A: Parameters<typeof cuda.cublasLtMatmul>[3], Adesc: Parameters<typeof cuda.cublasLtMatmul>[4], B: Parameters<typeof cuda.cublasLtMatmul>[5], Bdesc: Parameters<typeof cuda.cublasLtMatmul>[6], beta: Parameters<typeof cuda.cublasLtMatmul>[7], C: Parameters<typeof cuda.cublasLtMatmul>[8], Cdesc: Parameters<typeof cuda.cublasLtMatmul>[9], D: Parameters<typeof cuda.cublasLtMatmul>[10], Ddesc: Parameters<typeof cuda.cublasLtMatmul>[11], algo: Parameters<typeof cuda.cublasLtMatmul>[12], workspace: Parameters<typeof cuda.cublasLtMatmul>[13], workspaceSizeInBytes: Parameters<typeof cuda.cublasLtMatmul>[14], stream: Parameters<typeof cuda.cublasLtMatmul>[15]): cublasStatus_t {
  return binding.call('cublasLtMatmul', [lightHandle, computeDesc, alpha, A, Adesc, B, Bdesc, beta, C, Cdesc, D, Ddesc, algo, workspace, workspaceSizeInBytes, stream]);
}

/** cublasLtMatmulAlgoGetHeuristic → cublasLtMatmulAlgoGetHeuristic (native, unconfirmed). */
export function cublasLtMatmulAlgoGetHeuristic(lightHandle: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[0], operationDesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[1], Adesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[2], Bdesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[3], Cdesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[4], Ddesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[5], preference: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[6], requestedAlgoCount: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[7], heuristicResultsArray: cublasLtMatmulHeuristicResult_t[], returnAlgoCount: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[9]): cublasStatus_t {
  return binding.call('cublasLtMatmulAlgoGetHeuristic', [lightHandle, operationDesc, Adesc, Bdesc, Cdesc, Ddesc, preference, requestedAlgoCount, heuristicResultsArray, returnAlgoCount]);
}

/** cublasLtMatmulDescCreate → cublasLtMatmulDescCreate (native, unconfirmed). */
export function cublasLtMatmulDescCreate(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescCreate>[0], computeType: cublasComputeType_t, scaleType: cudaDataType_t): cublasStatus_t {
  return binding.call('cublasLtMatmulDescCreate', [matmulDesc, computeType, scaleType]);
}

/** cublasLtMatmulDescDestroy → cublasLtMatmulDescDestroy (native, unconfirmed). */
export function cublasLtMatmulDescDestroy(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescDestroy>[0]): cublasStatus_t {
  return binding.call('cublasLtMatmulDescDestroy', [matmulDesc]);
}

/** cublasLtMatmulDescSetAttribute → cublasLtMatmulDescSetAttribute (native, unconfirmed). */
export function cublasLtMatmulDescSetAttribute(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[0], attr: cublasLtMatmulDescAttributes_t, buf: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[3]): cublasStatus_t {
  return binding.call('cublasLtMatmulDescSetAttribute', [matmulDesc, attr, buf, sizeInBytes]);
}

/** cublasLtMatmulPreferenceCreate → cublasLtMatmulPreferenceCreate (native, unconfirmed). */
export function cublasLtMatmulPreferenceCreate(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceCreate>[0]): cublasStatus_t {
  return binding.call('cublasLtMatmulPreferenceCreate', [pref]);
}

/** cublasLtMatmulPreferenceDestroy → cublasLtMatmulPreferenceDestroy (native, unconfirmed). */
export function cublasLtMatmulPreferenceDestroy(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceDestroy>[0]): cublasStatus_t {
  return binding.call('cublasLtMatmulPreferenceDestroy', [pref]);
}

/** cublasLtMatmulPreferenceSetAttribute → cublasLtMatmulPreferenceSetAttribute (native, unconfirmed). */
export function cublasLtMatmulPreferenceSetAttribute(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[0], attr: cublasLtMatmulPreferenceAttributes_t, buf: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[3]): cublasStatus_t {
  return binding.call('cublasLtMatmulPreferenceSetAttribute', [pref, attr, buf, sizeInBytes]);
}

/** cublasLtMatrixLayoutCreate → cublasLtMatrixLayoutCreate (native, unconfirmed). */
export function cublasLtMatrixLayoutCreate(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[0], type: cudaDataType_t, rows: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[2], cols: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[3], ld: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[4]): cublasStatus_t {
  return binding.call('cublasLtMatrixLayoutCreate', [matLayout, type, rows, cols, ld]);
}

/** cublasLtMatrixLayoutDestroy → cublasLtMatrixLayoutDestroy (native, unconfirmed). */
export function cublasLtMatrixLayoutDestroy(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutDestroy>[0]): cublasStatus_t {
  return binding.call('cublasLtMatrixLayoutDestroy', [matLayout]);
}

/** cublasLtMatrixLayoutSetAttribute → cublasLtMatrixLayoutSetAttribute (native, unconfirmed). */
export function cublasLtMatrixLayoutSetAttribute(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[0], attr: cublasLtMatrixLayoutAttribute_t, buf: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[3]): cublasStatus_t {
  return binding.call('cublasLtMatrixLayoutSetAttribute', [matLayout, attr, buf, sizeInBytes]);
}

/** cublasSasum → cublasSasum (native, unconfirmed). */
export function cublasSasum(handle: Parameters<typeof cuda.cublasSasum>[0], n: Parameters<typeof cuda.cublasSasum>[1], x: Parameters<typeof cuda.cublasSasum>[2], incx: Parameters<typeof cuda.cublasSasum>[3], result: Parameters<typeof cuda.cublasSasum>[4]): cublasStatus_t {
  return binding.call('cublasSasum', [handle, n, x, incx, result]);
}

/** cublasSaxpy → cublasSaxpy (native, unconfirmed). */
export function cublasSaxpy(handle: Parameters<typeof cuda.cublasSaxpy>[0], n: Parameters<typeof cuda.cublasSaxpy>[1], alpha: Parameters<typeof cuda.cublasSaxpy>[2], x: Parameters<typeof cuda.cublasSaxpy>[3], incx: Parameters<typeof cuda.cublasSaxpy>[4], y: Parameters<typeof cuda.cublasSaxpy>[5], incy: Parameters<typeof cuda.cublasSaxpy>[6]): cublasStatus_t {
  return binding.call('cublasSaxpy', [handle, n, alpha, x, incx, y, incy]);
}

/** cublasSdot → cublasSdot (native, unconfirmed). */
export function cublasSdot(handle: Parameters<typeof cuda.cublasSdot>[0], n: Parameters<typeof cuda.cublasSdot>[1], x: Parameters<typeof cuda.cublasSdot>[2], incx: Parameters<typeof cuda.cublasSdot>[3], y: Parameters<typeof cuda.cublasSdot>[4], incy: Parameters<typeof cuda.cublasSdot>[5], result: Parameters<typeof cuda.cublasSdot>[6]): cublasStatus_t {
  return binding.call('cublasSdot', [handle, n, x, incx, y, incy, result]);
}

/** cublasSetMathMode → cublasSetMathMode (native, unconfirmed). */
export function cublasSetMathMode(handle: Parameters<typeof cuda.cublasSetMathMode>[0], mode: cublasMath_t): cublasStatus_t {
  return binding.call('cublasSetMathMode', [handle, mode]);
}

/** cublasSetStream → cublasSetStream (native, unconfirmed). */
export function cublasSetStream(handle: Parameters<typeof cuda.cublasSetStream>[0], streamId: Parameters<typeof cuda.cublasSetStream>[1]): cublasStatus_t {
  return binding.call('cublasSetStream', [handle, streamId]);
}

/** cublasSgemm → cublasSgemm (native, unconfirmed). */
export function cublasSgemm(handle: Parameters<typeof cuda.cublasSgemm>[0], transa: cublasOperation_t, transb: cublasOperation_t, m: Parameters<typeof cuda.cublasSgemm>[3], n: Parameters<typeof cuda.cublasSgemm>[4], k: Parameters<typeof cuda.cublasSgemm>[5], alpha: Parameters<typeof cuda.cublasSgemm>[6], A: Parameters<typeof cuda.cublasSgemm>[7], lda: Parameters<typeof cuda.cublasSgemm>[8], B: Parameters<typeof cuda.cublasSgemm>[9], ldb: Parameters<typeof cuda.cublasSgemm>[10], beta: Parameters<typeof cuda.cublasSgemm>[11], C: Parameters<typeof cuda.cublasSgemm>[12], ldc: Parameters<typeof cuda.cublasSgemm>[13]): cublasStatus_t {
  return binding.call('cublasSgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** cublasSgemmStridedBatched → cublasSgemmStridedBatched (native, unconfirmed). */
export function cublasSgemmStridedBatched(handle: Parameters<typeof cuda.cublasSgemmStridedBatched>[0], transa: cublasOperation_t, transb: cublasOperation_t, m: Parameters<typeof cuda.cublasSgemmStridedBatched>[3], n: Parameters<typeof cuda.cublasSgemmStridedBatched>[4], k: Parameters<typeof cuda.cublasSgemmStridedBatched>[5], alpha: Parameters<typeof cuda.cublasSgemmStridedBatched>[6], A: Parameters<typeof cuda.cublasSgemmStridedBatched>[7], lda: Parameters<typeof cuda.cublasSgemmStridedBatched>[8], strideA: Parameters<typeof cuda.cublasSgemmStridedBatched>[9], B: Parameters<typeof cuda.cublasSgemmStridedBatched>[10], ldb: Parameters<typeof cuda.cublasSgemmStridedBatched>[11], strideB: Parameters<typeof cuda.cublasSgemmStridedBatched>[12], beta: Parameters<typeof cuda.cublasSgemmStridedBatched>[13], C: Parameters<typeof cuda.cublasSgemmStridedBatched>[14], ldc: Parameters<typeof cuda.cublasSgemmStridedBatched>[15], strideC: Parameters<typeof cuda.cublasSgemmStridedBatched>[16], batchCount: Parameters<typeof cuda.cublasSgemmStridedBatched>[17]): cublasStatus_t {
  return binding.call('cublasSgemmStridedBatched', [handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb, strideB, beta, C, ldc, strideC, batchCount]);
}

/** cublasSgemv → cublasSgemv (native, unconfirmed). */
export function cublasSgemv(handle: Parameters<typeof cuda.cublasSgemv>[0], trans: cublasOperation_t, m: Parameters<typeof cuda.cublasSgemv>[2], n: Parameters<typeof cuda.cublasSgemv>[3], alpha: Parameters<typeof cuda.cublasSgemv>[4], A: Parameters<typeof cuda.cublasSgemv>[5], lda: Parameters<typeof cuda.cublasSgemv>[6], x: Parameters<typeof cuda.cublasSgemv>[7], incx: Parameters<typeof cuda.cublasSgemv>[8], beta: Parameters<typeof cuda.cublasSgemv>[9], y: Parameters<typeof cuda.cublasSgemv>[10], incy: Parameters<typeof cuda.cublasSgemv>[11]): cublasStatus_t {
  return binding.call('cublasSgemv', [handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy]);
}

/** cublasSnrm2 → cublasSnrm2 (native, unconfirmed). */
export function cublasSnrm2(handle: Parameters<typeof cuda.cublasSnrm2>[0], n: Parameters<typeof cuda.cublasSnrm2>[1], x: Parameters<typeof cuda.cublasSnrm2>[2], incx: Parameters<typeof cuda.cublasSnrm2>[3], result: Parameters<typeof cuda.cublasSnrm2>[4]): cublasStatus_t {
  return binding.call('cublasSnrm2', [handle, n, x, incx, result]);
}

/** cublasSscal → cublasSscal (native, unconfirmed). */
export function cublasSscal(handle: Parameters<typeof cuda.cublasSscal>[0], n: Parameters<typeof cuda.cublasSscal>[1], alpha: Parameters<typeof cuda.cublasSscal>[2], x: Parameters<typeof cuda.cublasSscal>[3], incx: Parameters<typeof cuda.cublasSscal>[4]): cublasStatus_t {
  return binding.call('cublasSscal', [handle, n, alpha, x, incx]);
}

// ---- acdnn ---------------------------------------------------------------------------------

/** cudnnActivationForward → cudnnActivationForward (native, unconfirmed). */
export function cudnnActivationForward(handle: Parameters<typeof cuda.cudnnActivationForward>[0], activationDesc: Parameters<typeof cuda.cudnnActivationForward>[1], alpha: Parameters<typeof cuda.cudnnActivationForward>[2], xDesc: Parameters<typeof cuda.cudnnActivationForward>[3], x: Parameters<typeof cuda.cudnnActivationForward>[4], beta: Parameters<typeof cuda.cudnnActivationForward>[5], yDesc: Parameters<typeof cuda.cudnnActivationForward>[6], y: Parameters<typeof cuda.cudnnActivationForward>[7]): cudnnStatus_t {
  return binding.call('cudnnActivationForward', [handle, activationDesc, alpha, xDesc, x, beta, yDesc, y]);
}

/** cudnnAddTensor → cudnnAddTensor (native, unconfirmed). */
export function cudnnAddTensor(handle: Parameters<typeof cuda.cudnnAddTensor>[0], alpha: Parameters<typeof cuda.cudnnAddTensor>[1], aDesc: Parameters<typeof cuda.cudnnAddTensor>[2], A: Parameters<typeof cuda.cudnnAddTensor>[3], beta: Parameters<typeof cuda.cudnnAddTensor>[4], cDesc: Parameters<typeof cuda.cudnnAddTensor>[5], C: Parameters<typeof cuda.cudnnAddTensor>[6]): cudnnStatus_t {
  return binding.call('cudnnAddTensor', [handle, alpha, aDesc, A, beta, cDesc, C]);
}

/** cudnnBatchNormalizationForwardInference → cudnnBatchNormalizationForwardInference (native, unconfirmed). */
export function cudnnBatchNormalizationForwardInference(handle: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[0], mode: cudnnBatchNormMode_t, alpha: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[2], beta: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[3], xDesc: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[4], x: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[5], yDesc: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[6], y: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[7], bnScaleBiasMeanVarDesc: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[8], bnScale: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[9], bnBias: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[10], estimatedMean: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[11], estimatedVariance: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[12], epsilon: Parameters<typeof cuda.cudnnBatchNormalizationForwardInference>[13]): cudnnStatus_t {
  return binding.call('cudnnBatchNormalizationForwardInference', [handle, mode, alpha, beta, xDesc, x, yDesc, y, bnScaleBiasMeanVarDesc, bnScale, bnBias, estimatedMean, estimatedVariance, epsilon]);
}

/** cudnnConvolutionForward → cudnnConvolutionForward (native, unconfirmed). */
export function cudnnConvolutionForward(handle: Parameters<typeof cuda.cudnnConvolutionForward>[0], alpha: Parameters<typeof cuda.cudnnConvolutionForward>[1], xDesc: Parameters<typeof cuda.cudnnConvolutionForward>[2], x: Parameters<typeof cuda.cudnnConvolutionForward>[3], wDesc: Parameters<typeof cuda.cudnnConvolutionForward>[4], w: Parameters<typeof cuda.cudnnConvolutionForward>[5], convDesc: Parameters<typeof cuda.cudnnConvolutionForward>[6], algo: cudnnConvolutionFwdAlgo_t, workSpace: Parameters<typeof cuda.cudnnConvolutionForward>[8], workSpaceSizeInBytes: Parameters<typeof cuda.cudnnConvolutionForward>[9], beta: Parameters<typeof cuda.cudnnConvolutionForward>[10], yDesc: Parameters<typeof cuda.cudnnConvolutionForward>[11], y: Parameters<typeof cuda.cudnnConvolutionForward>[12]): cudnnStatus_t {
  return binding.call('cudnnConvolutionForward', [handle, alpha, xDesc, x, wDesc, w, convDesc, algo, workSpace, workSpaceSizeInBytes, beta, yDesc, y]);
}

/** cudnnCreate → cudnnCreate (native, unconfirmed). */
export function cudnnCreate(handle: Parameters<typeof cuda.cudnnCreate>[0]): cudnnStatus_t {
  return binding.call('cudnnCreate', [handle]);
}

/** cudnnCreateActivationDescriptor → cudnnCreateActivationDescriptor (native, unconfirmed). */
export function cudnnCreateActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnCreateActivationDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreateActivationDescriptor', [activationDesc]);
}

/** cudnnCreateConvolutionDescriptor → cudnnCreateConvolutionDescriptor (native, unconfirmed). */
export function cudnnCreateConvolutionDescriptor(convDesc: Parameters<typeof cuda.cudnnCreateConvolutionDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreateConvolutionDescriptor', [convDesc]);
}

/** cudnnCreateDropoutDescriptor → cudnnCreateDropoutDescriptor (native, unconfirmed). */
export function cudnnCreateDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnCreateDropoutDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreateDropoutDescriptor', [dropoutDesc]);
}

/** cudnnCreateFilterDescriptor → cudnnCreateFilterDescriptor (native, unconfirmed). */
export function cudnnCreateFilterDescriptor(filterDesc: Parameters<typeof cuda.cudnnCreateFilterDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreateFilterDescriptor', [filterDesc]);
}

/** cudnnCreateOpTensorDescriptor → cudnnCreateOpTensorDescriptor (native, unconfirmed). */
export function cudnnCreateOpTensorDescriptor(opTensorDesc: Parameters<typeof cuda.cudnnCreateOpTensorDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreateOpTensorDescriptor', [opTensorDesc]);
}

/** cudnnCreatePoolingDescriptor → cudnnCreatePoolingDescriptor (native, unconfirmed). */
export function cudnnCreatePoolingDescriptor(poolingDesc: Parameters<typeof cuda.cudnnCreatePoolingDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreatePoolingDescriptor', [poolingDesc]);
}

/** cudnnCreateReduceTensorDescriptor → cudnnCreateReduceTensorDescriptor (native, unconfirmed). */
export function cudnnCreateReduceTensorDescriptor(reduceTensorDesc: Parameters<typeof cuda.cudnnCreateReduceTensorDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreateReduceTensorDescriptor', [reduceTensorDesc]);
}

/** cudnnCreateTensorDescriptor → cudnnCreateTensorDescriptor (native, unconfirmed). */
export function cudnnCreateTensorDescriptor(tensorDesc: Parameters<typeof cuda.cudnnCreateTensorDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnCreateTensorDescriptor', [tensorDesc]);
}

/** cudnnDestroy → cudnnDestroy (native, unconfirmed). */
export function cudnnDestroy(handle: Parameters<typeof cuda.cudnnDestroy>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroy', [handle]);
}

/** cudnnDestroyActivationDescriptor → cudnnDestroyActivationDescriptor (native, unconfirmed). */
export function cudnnDestroyActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnDestroyActivationDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyActivationDescriptor', [activationDesc]);
}

/** cudnnDestroyConvolutionDescriptor → cudnnDestroyConvolutionDescriptor (native, unconfirmed). */
export function cudnnDestroyConvolutionDescriptor(convDesc: Parameters<typeof cuda.cudnnDestroyConvolutionDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyConvolutionDescriptor', [convDesc]);
}

/** cudnnDestroyDropoutDescriptor → cudnnDestroyDropoutDescriptor (native, unconfirmed). */
export function cudnnDestroyDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnDestroyDropoutDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyDropoutDescriptor', [dropoutDesc]);
}

/** cudnnDestroyFilterDescriptor → cudnnDestroyFilterDescriptor (native, unconfirmed). */
export function cudnnDestroyFilterDescriptor(filterDesc: Parameters<typeof cuda.cudnnDestroyFilterDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyFilterDescriptor', [filterDesc]);
}

/** cudnnDestroyOpTensorDescriptor → cudnnDestroyOpTensorDescriptor (native, unconfirmed). */
export function cudnnDestroyOpTensorDescriptor(opTensorDesc: Parameters<typeof cuda.cudnnDestroyOpTensorDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyOpTensorDescriptor', [opTensorDesc]);
}

/** cudnnDestroyPoolingDescriptor → cudnnDestroyPoolingDescriptor (native, unconfirmed). */
export function cudnnDestroyPoolingDescriptor(poolingDesc: Parameters<typeof cuda.cudnnDestroyPoolingDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyPoolingDescriptor', [poolingDesc]);
}

/** cudnnDestroyReduceTensorDescriptor → cudnnDestroyReduceTensorDescriptor (native, unconfirmed). */
export function cudnnDestroyReduceTensorDescriptor(reduceTensorDesc: Parameters<typeof cuda.cudnnDestroyReduceTensorDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyReduceTensorDescriptor', [reduceTensorDesc]);
}

/** cudnnDestroyTensorDescriptor → cudnnDestroyTensorDescriptor (native, unconfirmed). */
export function cudnnDestroyTensorDescriptor(tensorDesc: Parameters<typeof cuda.cudnnDestroyTensorDescriptor>[0]): cudnnStatus_t {
  return binding.call('cudnnDestroyTensorDescriptor', [tensorDesc]);
}

/** cudnnDropoutForward → cudnnDropoutForward (native, unconfirmed). */
export function cudnnDropoutForward(handle: Parameters<typeof cuda.cudnnDropoutForward>[0], dropoutDesc: Parameters<typeof cuda.cudnnDropoutForward>[1], xdesc: Parameters<typeof cuda.cudnnDropoutForward>[2], x: Parameters<typeof cuda.cudnnDropoutForward>[3], ydesc: Parameters<typeof cuda.cudnnDropoutForward>[4], y: Parameters<typeof cuda.cudnnDropoutForward>[5], reserveSpace: Parameters<typeof cuda.cudnnDropoutForward>[6], reserveSpaceSizeInBytes: Parameters<typeof cuda.cudnnDropoutForward>[7]): cudnnStatus_t {
  return binding.call('cudnnDropoutForward', [handle, dropoutDesc, xdesc, x, ydesc, y, reserveSpace, reserveSpaceSizeInBytes]);
}

/** cudnnDropoutGetReserveSpaceSize → cudnnDropoutGetReserveSpaceSize (native, unconfirmed). */
export function cudnnDropoutGetReserveSpaceSize(xdesc: Parameters<typeof cuda.cudnnDropoutGetReserveSpaceSize>[0], sizeInBytes: Parameters<typeof cuda.cudnnDropoutGetReserveSpaceSize>[1]): cudnnStatus_t {
  return binding.call('cudnnDropoutGetReserveSpaceSize', [xdesc, sizeInBytes]);
}

/** cudnnDropoutGetStatesSize → cudnnDropoutGetStatesSize (native, unconfirmed). */
export function cudnnDropoutGetStatesSize(handle: Parameters<typeof cuda.cudnnDropoutGetStatesSize>[0], sizeInBytes: Parameters<typeof cuda.cudnnDropoutGetStatesSize>[1]): cudnnStatus_t {
  return binding.call('cudnnDropoutGetStatesSize', [handle, sizeInBytes]);
}

/** cudnnGetConvolution2dForwardOutputDim → cudnnGetConvolution2dForwardOutputDim (native, unconfirmed). */
export function cudnnGetConvolution2dForwardOutputDim(convDesc: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[0], inputTensorDesc: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[1], filterDesc: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[2], n: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[3], c: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[4], h: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[5], w: Parameters<typeof cuda.cudnnGetConvolution2dForwardOutputDim>[6]): cudnnStatus_t {
  return binding.call('cudnnGetConvolution2dForwardOutputDim', [convDesc, inputTensorDesc, filterDesc, n, c, h, w]);
}

/** cudnnGetConvolutionForwardAlgorithm_v7 → cudnnGetConvolutionForwardAlgorithm_v7 (native, unconfirmed). */
export function cudnnGetConvolutionForwardAlgorithm_v7(handle: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[0], srcDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[1], filterDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[2], convDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[3], destDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[4], requestedAlgoCount: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[5] | typeof CUDNN_CONVOLUTION_FWD_ALGO_COUNT, returnedAlgoCount: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[6], perfResults: cudnnConvolutionFwdAlgoPerf_t[]): cudnnStatus_t {
  return binding.call('cudnnGetConvolutionForwardAlgorithm_v7', [handle, srcDesc, filterDesc, convDesc, destDesc, requestedAlgoCount, returnedAlgoCount, perfResults]);
}

/** cudnnGetConvolutionForwardWorkspaceSize → cudnnGetConvolutionForwardWorkspaceSize (native, unconfirmed). */
export function cudnnGetConvolutionForwardWorkspaceSize(handle: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[0], xDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[1], wDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[2], convDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[3], yDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[4], algo: cudnnConvolutionFwdAlgo_t, sizeInBytes: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[6]): cudnnStatus_t {
  return binding.call('cudnnGetConvolutionForwardWorkspaceSize', [handle, xDesc, wDesc, convDesc, yDesc, algo, sizeInBytes]);
}

/** cudnnGetErrorString → cudnnGetErrorString (native, unconfirmed). */
export function cudnnGetErrorString(status: cudnnStatus_t): ReturnType<typeof cuda.cudnnGetErrorString> {
  return binding.call('cudnnGetErrorString', [status]);
}

/** cudnnGetPooling2dForwardOutputDim → cudnnGetPooling2dForwardOutputDim (native, unconfirmed). */
export function cudnnGetPooling2dForwardOutputDim(poolingDesc: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[0], inputTensorDesc: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[1], n: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[2], c: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[3], h: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[4], w: Parameters<typeof cuda.cudnnGetPooling2dForwardOutputDim>[5]): cudnnStatus_t {
  return binding.call('cudnnGetPooling2dForwardOutputDim', [poolingDesc, inputTensorDesc, n, c, h, w]);
}

/** cudnnGetReductionWorkspaceSize → cudnnGetReductionWorkspaceSize (native, unconfirmed). */
export function cudnnGetReductionWorkspaceSize(handle: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[0], reduceTensorDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[1], aDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[2], cDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[3], sizeInBytes: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[4]): cudnnStatus_t {
  return binding.call('cudnnGetReductionWorkspaceSize', [handle, reduceTensorDesc, aDesc, cDesc, sizeInBytes]);
}

/** cudnnGetStream → cudnnGetStream (native, unconfirmed). */
export function cudnnGetStream(handle: Parameters<typeof cuda.cudnnGetStream>[0], streamId: Parameters<typeof cuda.cudnnGetStream>[1]): cudnnStatus_t {
  return binding.call('cudnnGetStream', [handle, streamId]);
}

/** cudnnOpTensor → cudnnOpTensor (native, unconfirmed). */
export function cudnnOpTensor(handle: Parameters<typeof cuda.cudnnOpTensor>[0], opTensorDesc: Parameters<typeof cuda.cudnnOpTensor>[1], alpha1: Parameters<typeof cuda.cudnnOpTensor>[2], aDesc: Parameters<typeof cuda.cudnnOpTensor>[3], A: Parameters<typeof cuda.cudnnOpTensor>[4], alpha2: Parameters<typeof cuda.cudnnOpTensor>[5], bDesc: Parameters<typeof cuda.cudnnOpTensor>[6], B: Parameters<typeof cuda.cudnnOpTensor>[7], beta: Parameters<typeof cuda.cudnnOpTensor>[8], cDesc: Parameters<typeof cuda.cudnnOpTensor>[9], C: Parameters<typeof cuda.cudnnOpTensor>[10]): cudnnStatus_t {
  return binding.call('cudnnOpTensor', [handle, opTensorDesc, alpha1, aDesc, A, alpha2, bDesc, B, beta, cDesc, C]);
}

/** cudnnPoolingForward → cudnnPoolingForward (native, unconfirmed). */
export function cudnnPoolingForward(handle: Parameters<typeof cuda.cudnnPoolingForward>[0], poolingDesc: Parameters<typeof cuda.cudnnPoolingForward>[1], alpha: Parameters<typeof cuda.cudnnPoolingForward>[2], xDesc: Parameters<typeof cuda.cudnnPoolingForward>[3], x: Parameters<typeof cuda.cudnnPoolingForward>[4], beta: Parameters<typeof cuda.cudnnPoolingForward>[5], yDesc: Parameters<typeof cuda.cudnnPoolingForward>[6], y: Parameters<typeof cuda.cudnnPoolingForward>[7]): cudnnStatus_t {
  return binding.call('cudnnPoolingForward', [handle, poolingDesc, alpha, xDesc, x, beta, yDesc, y]);
}

/** cudnnReduceTensor → cudnnReduceTensor (native, unconfirmed). */
export function cudnnReduceTensor(handle: Parameters<typeof cuda.cudnnReduceTensor>[0], reduceTensorDesc: Parameters<typeof cuda.cudnnReduceTensor>[1], indices: Parameters<typeof cuda.cudnnReduceTensor>[2], indicesSizeInBytes: Parameters<typeof cuda.cudnnReduceTensor>[3], workspace: Parameters<typeof cuda.cudnnReduceTensor>[4], workspaceSizeInBytes: Parameters<typeof cuda.cudnnReduceTensor>[5], alpha: Parameters<typeof cuda.cudnnReduceTensor>[6], aDesc: Parameters<typeof cuda.cudnnReduceTensor>[7], A: Parameters<typeof cuda.cudnnReduceTensor>[8], beta: Parameters<typeof cuda.cudnnReduceTensor>[9], cDesc: Parameters<typeof cuda.cudnnReduceTensor>[10], C: Parameters<typeof cuda.cudnnReduceTensor>[11]): cudnnStatus_t {
  return binding.call('cudnnReduceTensor', [handle, reduceTensorDesc, indices, indicesSizeInBytes, workspace, workspaceSizeInBytes, alpha, aDesc, A, beta, cDesc, C]);
}

/** cudnnSetActivationDescriptor → cudnnSetActivationDescriptor (native, unconfirmed). */
export function cudnnSetActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnSetActivationDescriptor>[0], mode: cudnnActivationMode_t, reluNanOpt: cudnnNanPropagation_t, coef: Parameters<typeof cuda.cudnnSetActivationDescriptor>[3]): cudnnStatus_t {
  return binding.call('cudnnSetActivationDescriptor', [activationDesc, mode, reluNanOpt, coef]);
}

/** cudnnSetConvolution2dDescriptor → cudnnSetConvolution2dDescriptor (native, unconfirmed). */
export function cudnnSetConvolution2dDescriptor(convDesc: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[0], pad_h: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[1], pad_w: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[2], u: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[3], v: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[4], dilation_h: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[5], dilation_w: Parameters<typeof cuda.cudnnSetConvolution2dDescriptor>[6], mode: cudnnConvolutionMode_t, computeType: cudnnDataType_t): cudnnStatus_t {
  return binding.call('cudnnSetConvolution2dDescriptor', [convDesc, pad_h, pad_w, u, v, dilation_h, dilation_w, mode, computeType]);
}

/** cudnnSetConvolutionGroupCount → cudnnSetConvolutionGroupCount (native, unconfirmed). */
export function cudnnSetConvolutionGroupCount(convDesc: Parameters<typeof cuda.cudnnSetConvolutionGroupCount>[0], groupCount: Parameters<typeof cuda.cudnnSetConvolutionGroupCount>[1]): cudnnStatus_t {
  return binding.call('cudnnSetConvolutionGroupCount', [convDesc, groupCount]);
}

/** cudnnSetConvolutionMathType → cudnnSetConvolutionMathType (native, unconfirmed). */
export function cudnnSetConvolutionMathType(convDesc: Parameters<typeof cuda.cudnnSetConvolutionMathType>[0], mathType: cudnnMathType_t): cudnnStatus_t {
  return binding.call('cudnnSetConvolutionMathType', [convDesc, mathType]);
}

/** cudnnSetDropoutDescriptor → cudnnSetDropoutDescriptor (native, unconfirmed). */
export function cudnnSetDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[0], handle: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[1], dropout: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[2], states: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[3], stateSizeInBytes: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[4], seed: Parameters<typeof cuda.cudnnSetDropoutDescriptor>[5]): cudnnStatus_t {
  return binding.call('cudnnSetDropoutDescriptor', [dropoutDesc, handle, dropout, states, stateSizeInBytes, seed]);
}

/** cudnnSetFilter4dDescriptor → cudnnSetFilter4dDescriptor (native, unconfirmed). */
export function cudnnSetFilter4dDescriptor(filterDesc: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[0], dataType: cudnnDataType_t, format: cudnnTensorFormat_t, k: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[3], c: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[4], h: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[5], w: Parameters<typeof cuda.cudnnSetFilter4dDescriptor>[6]): cudnnStatus_t {
  return binding.call('cudnnSetFilter4dDescriptor', [filterDesc, dataType, format, k, c, h, w]);
}

/** cudnnSetOpTensorDescriptor → cudnnSetOpTensorDescriptor (native, unconfirmed). */
export function cudnnSetOpTensorDescriptor(opTensorDesc: Parameters<typeof cuda.cudnnSetOpTensorDescriptor>[0], opTensorOp: cudnnOpTensorOp_t, opTensorCompType: cudnnDataType_t, opTensorNanOpt: cudnnNanPropagation_t): cudnnStatus_t {
  return binding.call('cudnnSetOpTensorDescriptor', [opTensorDesc, opTensorOp, opTensorCompType, opTensorNanOpt]);
}

/** cudnnSetPooling2dDescriptor → cudnnSetPooling2dDescriptor (native, unconfirmed). */
export function cudnnSetPooling2dDescriptor(poolingDesc: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[0], mode: cudnnPoolingMode_t, maxpoolingNanOpt: cudnnNanPropagation_t, windowHeight: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[3], windowWidth: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[4], verticalPadding: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[5], horizontalPadding: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[6], verticalStride: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[7], horizontalStride: Parameters<typeof cuda.cudnnSetPooling2dDescriptor>[8]): cudnnStatus_t {
  return binding.call('cudnnSetPooling2dDescriptor', [poolingDesc, mode, maxpoolingNanOpt, windowHeight, windowWidth, verticalPadding, horizontalPadding, verticalStride, horizontalStride]);
}

/** cudnnSetReduceTensorDescriptor → cudnnSetReduceTensorDescriptor (native, unconfirmed). */
export function cudnnSetReduceTensorDescriptor(reduceTensorDesc: Parameters<typeof cuda.cudnnSetReduceTensorDescriptor>[0], reduceTensorOp: cudnnReduceTensorOp_t, reduceTensorCompType: cudnnDataType_t, reduceTensorNanOpt: cudnnNanPropagation_t, reduceTensorIndices: cudnnReduceTensorIndices_t, reduceTensorIndicesType: cudnnIndicesType_t): cudnnStatus_t {
  return binding.call('cudnnSetReduceTensorDescriptor', [reduceTensorDesc, reduceTensorOp, reduceTensorCompType, reduceTensorNanOpt, reduceTensorIndices, reduceTensorIndicesType]);
}

/** cudnnSetStream → cudnnSetStream (native, unconfirmed). */
export function cudnnSetStream(handle: Parameters<typeof cuda.cudnnSetStream>[0], streamId: Parameters<typeof cuda.cudnnSetStream>[1]): cudnnStatus_t {
  return binding.call('cudnnSetStream', [handle, streamId]);
}

/** cudnnSetTensor4dDescriptor → cudnnSetTensor4dDescriptor (native, unconfirmed). */
export function cudnnSetTensor4dDescriptor(tensorDesc: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[0], format: cudnnTensorFormat_t, dataType: cudnnDataType_t, n: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[3], c: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[4], h: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[5], w: Parameters<typeof cuda.cudnnSetTensor4dDescriptor>[6]): cudnnStatus_t {
  return binding.call('cudnnSetTensor4dDescriptor', [tensorDesc, format, dataType, n, c, h, w]);
}

/** cudnnSetTensorNdDescriptor → cudnnSetTensorNdDescriptor (native, unconfirmed). */
export function cudnnSetTensorNdDescriptor(tensorDesc: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[0], dataType: cudnnDataType_t, nbDims: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[2], dimA: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[3], strideA: Parameters<typeof cuda.cudnnSetTensorNdDescriptor>[4]): cudnnStatus_t {
  return binding.call('cudnnSetTensorNdDescriptor', [tensorDesc, dataType, nbDims, dimA, strideA]);
}

/** cudnnSoftmaxForward → cudnnSoftmaxForward (native, unconfirmed). */
export function cudnnSoftmaxForward(handle: Parameters<typeof cuda.cudnnSoftmaxForward>[0], algo: cudnnSoftmaxAlgorithm_t, mode: cudnnSoftmaxMode_t, alpha: Parameters<typeof cuda.cudnnSoftmaxForward>[3], xDesc: Parameters<typeof cuda.cudnnSoftmaxForward>[4], x: Parameters<typeof cuda.cudnnSoftmaxForward>[5], beta: Parameters<typeof cuda.cudnnSoftmaxForward>[6], yDesc: Parameters<typeof cuda.cudnnSoftmaxForward>[7], y: Parameters<typeof cuda.cudnnSoftmaxForward>[8]): cudnnStatus_t {
  return binding.call('cudnnSoftmaxForward', [handle, algo, mode, alpha, xDesc, x, beta, yDesc, y]);
}

/** cudnnTransformTensor → cudnnTransformTensor (native, unconfirmed). */
export function cudnnTransformTensor(handle: Parameters<typeof cuda.cudnnTransformTensor>[0], alpha: Parameters<typeof cuda.cudnnTransformTensor>[1], xDesc: Parameters<typeof cuda.cudnnTransformTensor>[2], x: Parameters<typeof cuda.cudnnTransformTensor>[3], beta: Parameters<typeof cuda.cudnnTransformTensor>[4], yDesc: Parameters<typeof cuda.cudnnTransformTensor>[5], y: Parameters<typeof cuda.cudnnTransformTensor>[6]): cudnnStatus_t {
  return binding.call('cudnnTransformTensor', [handle, alpha, xDesc, x, beta, yDesc, y]);
}

// ---- acrand --------------------------------------------------------------------------------

/** curandCreateGenerator → curandCreateGenerator (native, unconfirmed). */
export function curandCreateGenerator(generator: Parameters<typeof cuda.curandCreateGenerator>[0], rng_type: curandRngType_t): curandStatus_t {
  return binding.call('curandCreateGenerator', [generator, rng_type]);
}

/** curandDestroyGenerator → curandDestroyGenerator (native, unconfirmed). */
export function curandDestroyGenerator(generator: Parameters<typeof cuda.curandDestroyGenerator>[0]): curandStatus_t {
  return binding.call('curandDestroyGenerator', [generator]);
}

/** curandGenerateNormal → curandGenerateNormal (native, unconfirmed). */
export function curandGenerateNormal(generator: Parameters<typeof cuda.curandGenerateNormal>[0], outputPtr: Parameters<typeof cuda.curandGenerateNormal>[1], n: Parameters<typeof cuda.curandGenerateNormal>[2], mean: Parameters<typeof cuda.curandGenerateNormal>[3], stddev: Parameters<typeof cuda.curandGenerateNormal>[4]): curandStatus_t {
  return binding.call('curandGenerateNormal', [generator, outputPtr, n, mean, stddev]);
}

/** curandGenerateNormalDouble → curandGenerateNormalDouble (native, unconfirmed). */
export function curandGenerateNormalDouble(generator: Parameters<typeof cuda.curandGenerateNormalDouble>[0], outputPtr: Parameters<typeof cuda.curandGenerateNormalDouble>[1], n: Parameters<typeof cuda.curandGenerateNormalDouble>[2], mean: Parameters<typeof cuda.curandGenerateNormalDouble>[3], stddev: Parameters<typeof cuda.curandGenerateNormalDouble>[4]): curandStatus_t {
  return binding.call('curandGenerateNormalDouble', [generator, outputPtr, n, mean, stddev]);
}

/** curandGenerateUniform → curandGenerateUniform (native, unconfirmed). */
export function curandGenerateUniform(generator: Parameters<typeof cuda.curandGenerateUniform>[0], outputPtr: Parameters<typeof cuda.curandGenerateUniform>[1], num: Parameters<typeof cuda.curandGenerateUniform>[2]): curandStatus_t {
  return binding.call('curandGenerateUniform', [generator, outputPtr, num]);
}

/** curandGenerateUniformDouble → curandGenerateUniformDouble (native, unconfirmed). */
export function curandGenerateUniformDouble(generator: Parameters<typeof cuda.curandGenerateUniformDouble>[0], outputPtr: Parameters<typeof cuda.curandGenerateUniformDouble>[1], num: Parameters<typeof cuda.curandGenerateUniformDouble>[2]): curandStatus_t {
  return binding.call('curandGenerateUniformDouble', [generator, outputPtr, num]);
}

/** curandSetGeneratorOffset → curandSetGeneratorOffset (native, unconfirmed). */
export function curandSetGeneratorOffset(generator: Parameters<typeof cuda.curandSetGeneratorOffset>[0], offset: Parameters<typeof cuda.curandSetGeneratorOffset>[1]): curandStatus_t {
  return binding.call('curandSetGeneratorOffset', [generator, offset]);
}

/** curandSetPseudoRandomGeneratorSeed → curandSetPseudoRandomGeneratorSeed (native, unconfirmed). */
export function curandSetPseudoRandomGeneratorSeed(generator: Parameters<typeof cuda.curandSetPseudoRandomGeneratorSeed>[0], seed: Parameters<typeof cuda.curandSetPseudoRandomGeneratorSeed>[1]): curandStatus_t {
  return binding.call('curandSetPseudoRandomGeneratorSeed', [generator, seed]);
}

/** curandSetStream → curandSetStream (native, unconfirmed). */
export function curandSetStream(generator: Parameters<typeof cuda.curandSetStream>[0], stream: Parameters<typeof cuda.curandSetStream>[1]): curandStatus_t {
  return binding.call('curandSetStream', [generator, stream]);
}

// ---- ppu-runtime ---------------------------------------------------------------------------

/** cudaDeviceReset → cudaDeviceReset (native, unconfirmed). */
export function cudaDeviceReset(): cudaError_t {
  return binding.call('cudaDeviceReset', []);
}

/** cudaDeviceSynchronize → cudaDeviceSynchronize (native, unconfirmed). */
export function cudaDeviceSynchronize(): cudaError_t {
  return binding.call('cudaDeviceSynchronize', []);
}

/** cudaEventCreate → cudaEventCreate (native, unconfirmed). */
export function cudaEventCreate(event: Parameters<typeof cuda.cudaEventCreate>[0]): cudaError_t {
  return binding.call('cudaEventCreate', [event]);
}

/** cudaEventCreateWithFlags → cudaEventCreateWithFlags (native, unconfirmed). */
export function cudaEventCreateWithFlags(event: Parameters<typeof cuda.cudaEventCreateWithFlags>[0], flags: cudaEventFlags | 0): cudaError_t {
  return binding.call('cudaEventCreateWithFlags', [event, flags]);
}

/** cudaEventDestroy → cudaEventDestroy (native, unconfirmed). */
export function cudaEventDestroy(event: Parameters<typeof cuda.cudaEventDestroy>[0]): cudaError_t {
  return binding.call('cudaEventDestroy', [event]);
}

/** cudaEventElapsedTime → cudaEventElapsedTime (native, unconfirmed). */
export function cudaEventElapsedTime(ms: Parameters<typeof cuda.cudaEventElapsedTime>[0], start: Parameters<typeof cuda.cudaEventElapsedTime>[1], end: Parameters<typeof cuda.cudaEventElapsedTime>[2]): cudaError_t {
  return binding.call('cudaEventElapsedTime', [ms, start, end]);
}

/** cudaEventQuery → cudaEventQuery (native, unconfirmed). */
export function cudaEventQuery(event: Parameters<typeof cuda.cudaEventQuery>[0]): cudaError_t {
  return binding.call('cudaEventQuery', [event]);
}

/** cudaEventRecord → cudaEventRecord (native, unconfirmed). */
export function cudaEventRecord(event: Parameters<typeof cuda.cudaEventRecord>[0], stream?: Parameters<typeof cuda.cudaEventRecord>[1]): cudaError_t {
  return binding.call('cudaEventRecord', [event, stream]);
}

/** cudaEventSynchronize → cudaEventSynchronize (native, unconfirmed). */
export function cudaEventSynchronize(event: Parameters<typeof cuda.cudaEventSynchronize>[0]): cudaError_t {
  return binding.call('cudaEventSynchronize', [event]);
}

/** cudaFree → cudaFree (native, unconfirmed). */
export function cudaFree(devPtr: Parameters<typeof cuda.cudaFree>[0]): cudaError_t {
  return binding.call('cudaFree', [devPtr]);
}

/** cudaFreeHost → cudaFreeHost (native, unconfirmed). */
export function cudaFreeHost(ptr: Parameters<typeof cuda.cudaFreeHost>[0]): cudaError_t {
  return binding.call('cudaFreeHost', [ptr]);
}

/** cudaGetDevice → cudaGetDevice (native, unconfirmed). */
export function cudaGetDevice(device: Parameters<typeof cuda.cudaGetDevice>[0]): cudaError_t {
  return binding.call('cudaGetDevice', [device]);
}

/** cudaGetDeviceCount → cudaGetDeviceCount (native, unconfirmed). */
export function cudaGetDeviceCount(count: Parameters<typeof cuda.cudaGetDeviceCount>[0]): cudaError_t {
  return binding.call('cudaGetDeviceCount', [count]);
}

/** cudaGetErrorName → cudaGetErrorName (native, unconfirmed). */
export function cudaGetErrorName(error: cudaError_t): ReturnType<typeof cuda.cudaGetErrorName> {
  return binding.call('cudaGetErrorName', [error]);
}

/** cudaGetErrorString → cudaGetErrorString (native, unconfirmed). */
export function cudaGetErrorString(error: cudaError_t): ReturnType<typeof cuda.cudaGetErrorString> {
  return binding.call('cudaGetErrorString', [error]);
}

/** cudaGetLastError → cudaGetLastError (native, unconfirmed). */
export function cudaGetLastError(): cudaError_t {
  return binding.call('cudaGetLastError', []);
}

/** cudaHostAlloc → cudaHostAlloc (native, unconfirmed). */
export function cudaHostAlloc(pHost: Parameters<typeof cuda.cudaHostAlloc>[0], size: Parameters<typeof cuda.cudaHostAlloc>[1], flags: cudaHostAllocFlags | 0): cudaError_t {
  return binding.call('cudaHostAlloc', [pHost, size, flags]);
}

/** cudaMalloc → cudaMalloc (native, unconfirmed). */
export function cudaMalloc(devPtr: Parameters<typeof cuda.cudaMalloc>[0], size: Parameters<typeof cuda.cudaMalloc>[1]): cudaError_t {
  return binding.call('cudaMalloc', [devPtr, size]);
}

/** cudaMallocHost → cudaMallocHost (native, unconfirmed). */
export function cudaMallocHost(ptr: Parameters<typeof cuda.cudaMallocHost>[0], size: Parameters<typeof cuda.cudaMallocHost>[1]): cudaError_t {
  return binding.call('cudaMallocHost', [ptr, size]);
}

/** cudaMemcpy → cudaMemcpy (native, unconfirmed). */
export function cudaMemcpy(dst: Parameters<typeof cuda.cudaMemcpy>[0], src: Parameters<typeof cuda.cudaMemcpy>[1], count: Parameters<typeof cuda.cudaMemcpy>[2], kind: cudaMemcpyKind): cudaError_t {
  return binding.call('cudaMemcpy', [dst, src, count, kind]);
}

/** cudaMemcpyAsync → cudaMemcpyAsync (native, unconfirmed). */
export function cudaMemcpyAsync(dst: Parameters<typeof cuda.cudaMemcpyAsync>[0], src: Parameters<typeof cuda.cudaMemcpyAsync>[1], count: Parameters<typeof cuda.cudaMemcpyAsync>[2], kind: cudaMemcpyKind, stream?: Parameters<typeof cuda.cudaMemcpyAsync>[4]): cudaError_t {
  return binding.call('cudaMemcpyAsync', [dst, src, count, kind, stream]);
}

/** cudaMemGetInfo → cudaMemGetInfo (native, unconfirmed). */
export function cudaMemGetInfo(free: Parameters<typeof cuda.cudaMemGetInfo>[0], total: Parameters<typeof cuda.cudaMemGetInfo>[1]): cudaError_t {
  return binding.call('cudaMemGetInfo', [free, total]);
}

/** cudaMemset → cudaMemset (native, unconfirmed). */
export function cudaMemset(devPtr: Parameters<typeof cuda.cudaMemset>[0], value: Parameters<typeof cuda.cudaMemset>[1], count: Parameters<typeof cuda.cudaMemset>[2]): cudaError_t {
  return binding.call('cudaMemset', [devPtr, value, count]);
}

/** cudaMemsetAsync → cudaMemsetAsync (native, unconfirmed). */
export function cudaMemsetAsync(devPtr: Parameters<typeof cuda.cudaMemsetAsync>[0], value: Parameters<typeof cuda.cudaMemsetAsync>[1], count: Parameters<typeof cuda.cudaMemsetAsync>[2], stream?: Parameters<typeof cuda.cudaMemsetAsync>[3]): cudaError_t {
  return binding.call('cudaMemsetAsync', [devPtr, value, count, stream]);
}

/** cudaPeekAtLastError → cudaPeekAtLastError (native, unconfirmed). */
export function cudaPeekAtLastError(): cudaError_t {
  return binding.call('cudaPeekAtLastError', []);
}

/** cudaSetDevice → cudaSetDevice (native, unconfirmed). */
export function cudaSetDevice(device: Parameters<typeof cuda.cudaSetDevice>[0]): cudaError_t {
  return binding.call('cudaSetDevice', [device]);
}

/** cudaStreamCreate → cudaStreamCreate (native, unconfirmed). */
export function cudaStreamCreate(pStream: Parameters<typeof cuda.cudaStreamCreate>[0]): cudaError_t {
  return binding.call('cudaStreamCreate', [pStream]);
}

/** cudaStreamCreateWithFlags → cudaStreamCreateWithFlags (native, unconfirmed). */
export function cudaStreamCreateWithFlags(pStream: Parameters<typeof cuda.cudaStreamCreateWithFlags>[0], flags: cudaStreamFlags | 0): cudaError_t {
  return binding.call('cudaStreamCreateWithFlags', [pStream, flags]);
}

/** cudaStreamDestroy → cudaStreamDestroy (native, unconfirmed). */
export function cudaStreamDestroy(stream: Parameters<typeof cuda.cudaStreamDestroy>[0]): cudaError_t {
  return binding.call('cudaStreamDestroy', [stream]);
}

/** cudaStreamQuery → cudaStreamQuery (native, unconfirmed). */
export function cudaStreamQuery(stream: Parameters<typeof cuda.cudaStreamQuery>[0]): cudaError_t {
  return binding.call('cudaStreamQuery', [stream]);
}

/** cudaStreamSynchronize → cudaStreamSynchronize (native, unconfirmed). */
export function cudaStreamSynchronize(stream: Parameters<typeof cuda.cudaStreamSynchronize>[0]): cudaError_t {
  return binding.call('cudaStreamSynchronize', [stream]);
}

/** cudaStreamWaitEvent → cudaStreamWaitEvent (native, unconfirmed). */
export function cudaStreamWaitEvent(stream: Parameters<typeof cuda.cudaStreamWaitEvent>[0], event: Parameters<typeof cuda.cudaStreamWaitEvent>[1], flags?: Parameters<typeof cuda.cudaStreamWaitEvent>[2]): cudaError_t {
  return binding.call('cudaStreamWaitEvent', [stream, event, flags]);
}
