// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// The musa facade's calls that mirror a CUDA facade function: each runs the CUDA implementation
// under the musa binding (src/backends/cuda-compatible/).
import type * as cuda from '../cuda/index.js';
import type { Ref } from '../sim/ref.js';
import type { mcclDataType_t, mcclRedOp_t, mcclResult_t, mublasComputeType_t, mublasGemmAlgo_t, mublasLtMatmulDescAttributes_t, mublasLtMatmulPreferenceAttributes_t, mublasLtMatrixLayoutAttribute_t, mublasMath_t, mublasOperation_t, mublasStatus_t, mudnnActivationMode_t, mudnnConvolutionFwdAlgo_t, mudnnMathType_t, mudnnNanPropagation_t, mudnnStatus_t, murandRngType_t, murandStatus_t, musaDataType_t, musaError_t, musaEventFlags, musaHostAllocFlags, musaMemcpyKind, musaStreamFlags } from './constants.generated.js';
import type { mublasLtMatmulHeuristicResult_t, mudnnConvolutionFwdAlgoPerf_t } from './types.js';
import { binding } from './binding.js';

// ---- mccl ----------------------------------------------------------------------------------

/** mcclAllGather → ncclAllGather (native, confirmed). */
export function mcclAllGather(sendbuff: Parameters<typeof cuda.ncclAllGather>[0], recvbuff: Parameters<typeof cuda.ncclAllGather>[1], sendcount: Parameters<typeof cuda.ncclAllGather>[2], datatype: mcclDataType_t, comm: Parameters<typeof cuda.ncclAllGather>[4], stream: Parameters<typeof cuda.ncclAllGather>[5]): mcclResult_t {
  return binding.call('mcclAllGather', [sendbuff, recvbuff, sendcount, datatype, comm, stream]);
}

/** mcclAllReduce → ncclAllReduce (native, confirmed). */
export function mcclAllReduce(sendbuff: Parameters<typeof cuda.ncclAllReduce>[0], recvbuff: Parameters<typeof cuda.ncclAllReduce>[1], count: Parameters<typeof cuda.ncclAllReduce>[2], datatype: mcclDataType_t, op: mcclRedOp_t, comm: Parameters<typeof cuda.ncclAllReduce>[5], stream: Parameters<typeof cuda.ncclAllReduce>[6]): mcclResult_t {
  return binding.call('mcclAllReduce', [sendbuff, recvbuff, count, datatype, op, comm, stream]);
}

/** mcclBroadcast → ncclBroadcast (native, confirmed). */
export function mcclBroadcast(sendbuff: Parameters<typeof cuda.ncclBroadcast>[0], recvbuff: Parameters<typeof cuda.ncclBroadcast>[1], count: Parameters<typeof cuda.ncclBroadcast>[2], datatype: mcclDataType_t, root: Parameters<typeof cuda.ncclBroadcast>[4], comm: Parameters<typeof cuda.ncclBroadcast>[5], stream: Parameters<typeof cuda.ncclBroadcast>[6]): mcclResult_t {
  return binding.call('mcclBroadcast', [sendbuff, recvbuff, count, datatype, root, comm, stream]);
}

/** mcclCommCount → ncclCommCount (native, confirmed). */
export function mcclCommCount(comm: Parameters<typeof cuda.ncclCommCount>[0], count: Parameters<typeof cuda.ncclCommCount>[1]): mcclResult_t {
  return binding.call('mcclCommCount', [comm, count]);
}

/** mcclCommDestroy → ncclCommDestroy (native, confirmed). */
export function mcclCommDestroy(comm: Parameters<typeof cuda.ncclCommDestroy>[0]): mcclResult_t {
  return binding.call('mcclCommDestroy', [comm]);
}

/** mcclCommInitAll → ncclCommInitAll (native, inferred). */
export function mcclCommInitAll(comm: Parameters<typeof cuda.ncclCommInitAll>[0], ndev: Parameters<typeof cuda.ncclCommInitAll>[1], devlist: Parameters<typeof cuda.ncclCommInitAll>[2]): mcclResult_t {
  return binding.call('mcclCommInitAll', [comm, ndev, devlist]);
}

/** mcclCommInitRank → ncclCommInitRank (native, confirmed). */
export function mcclCommInitRank(comm: Parameters<typeof cuda.ncclCommInitRank>[0], nranks: Parameters<typeof cuda.ncclCommInitRank>[1], commId: Parameters<typeof cuda.ncclCommInitRank>[2], rank: Parameters<typeof cuda.ncclCommInitRank>[3]): mcclResult_t {
  return binding.call('mcclCommInitRank', [comm, nranks, commId, rank]);
}

/** mcclCommUserRank → ncclCommUserRank (native, inferred). */
export function mcclCommUserRank(comm: Parameters<typeof cuda.ncclCommUserRank>[0], rank: Parameters<typeof cuda.ncclCommUserRank>[1]): mcclResult_t {
  return binding.call('mcclCommUserRank', [comm, rank]);
}

/** mcclGetErrorString → ncclGetErrorString (native, confirmed). */
export function mcclGetErrorString(result: mcclResult_t): ReturnType<typeof cuda.ncclGetErrorString> {
  return binding.call('mcclGetErrorString', [result]);
}

/** mcclGetUniqueId → ncclGetUniqueId (native, confirmed). */
export function mcclGetUniqueId(uniqueId: Parameters<typeof cuda.ncclGetUniqueId>[0]): mcclResult_t {
  return binding.call('mcclGetUniqueId', [uniqueId]);
}

/** mcclGetVersion → ncclGetVersion (native, confirmed). */
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

/** mcclReduce → ncclReduce (native, confirmed). */
export function mcclReduce(sendbuff: Parameters<typeof cuda.ncclReduce>[0], recvbuff: Parameters<typeof cuda.ncclReduce>[1], count: Parameters<typeof cuda.ncclReduce>[2], datatype: mcclDataType_t, op: mcclRedOp_t, root: Parameters<typeof cuda.ncclReduce>[5], comm: Parameters<typeof cuda.ncclReduce>[6], stream: Parameters<typeof cuda.ncclReduce>[7]): mcclResult_t {
  return binding.call('mcclReduce', [sendbuff, recvbuff, count, datatype, op, root, comm, stream]);
}

/** mcclReduceScatter → ncclReduceScatter (native, confirmed). */
export function mcclReduceScatter(sendbuff: Parameters<typeof cuda.ncclReduceScatter>[0], recvbuff: Parameters<typeof cuda.ncclReduceScatter>[1], recvcount: Parameters<typeof cuda.ncclReduceScatter>[2], datatype: mcclDataType_t, op: mcclRedOp_t, comm: Parameters<typeof cuda.ncclReduceScatter>[5], stream: Parameters<typeof cuda.ncclReduceScatter>[6]): mcclResult_t {
  return binding.call('mcclReduceScatter', [sendbuff, recvbuff, recvcount, datatype, op, comm, stream]);
}

/** mcclSend → ncclSend (native, confirmed). */
export function mcclSend(sendbuff: Parameters<typeof cuda.ncclSend>[0], count: Parameters<typeof cuda.ncclSend>[1], datatype: mcclDataType_t, peer: Parameters<typeof cuda.ncclSend>[3], comm: Parameters<typeof cuda.ncclSend>[4], stream: Parameters<typeof cuda.ncclSend>[5]): mcclResult_t {
  return binding.call('mcclSend', [sendbuff, count, datatype, peer, comm, stream]);
}

// ---- mublas --------------------------------------------------------------------------------

/** mublasCreate → cublasCreate (native, confirmed). */
export function mublasCreate(handle: Parameters<typeof cuda.cublasCreate>[0]): mublasStatus_t {
  return binding.call('mublasCreate', [handle]);
}

/** mublasDestroy → cublasDestroy (native, confirmed). */
export function mublasDestroy(handle: Parameters<typeof cuda.cublasDestroy>[0]): mublasStatus_t {
  return binding.call('mublasDestroy', [handle]);
}

/** mublasDgemm → cublasDgemm (native, confirmed). */
export function mublasDgemm(handle: Parameters<typeof cuda.cublasDgemm>[0], transa: mublasOperation_t, transb: mublasOperation_t, m: Parameters<typeof cuda.cublasDgemm>[3], n: Parameters<typeof cuda.cublasDgemm>[4], k: Parameters<typeof cuda.cublasDgemm>[5], alpha: Parameters<typeof cuda.cublasDgemm>[6], A: Parameters<typeof cuda.cublasDgemm>[7], lda: Parameters<typeof cuda.cublasDgemm>[8], B: Parameters<typeof cuda.cublasDgemm>[9], ldb: Parameters<typeof cuda.cublasDgemm>[10], beta: Parameters<typeof cuda.cublasDgemm>[11], C: Parameters<typeof cuda.cublasDgemm>[12], ldc: Parameters<typeof cuda.cublasDgemm>[13]): mublasStatus_t {
  return binding.call('mublasDgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** mublasGemmEx → cublasGemmEx (native, confirmed). */
export function mublasGemmEx(handle: Parameters<typeof cuda.cublasGemmEx>[0], transa: mublasOperation_t, transb: mublasOperation_t, m: Parameters<typeof cuda.cublasGemmEx>[3], n: Parameters<typeof cuda.cublasGemmEx>[4], k: Parameters<typeof cuda.cublasGemmEx>[5], alpha: Parameters<typeof cuda.cublasGemmEx>[6], A: Parameters<typeof cuda.cublasGemmEx>[7], Atype: musaDataType_t, lda: Parameters<typeof cuda.cublasGemmEx>[9], B: Parameters<typeof cuda.cublasGemmEx>[10], Btype: musaDataType_t, ldb: Parameters<typeof cuda.cublasGemmEx>[12], beta: Parameters<typeof cuda.cublasGemmEx>[13], C: Parameters<typeof cuda.cublasGemmEx>[14], Ctype: musaDataType_t, ldc: Parameters<typeof cuda.cublasGemmEx>[16], computeType: musaDataType_t, algo: mublasGemmAlgo_t): mublasStatus_t {
  return binding.call('mublasGemmEx', [handle, transa, transb, m, n, k, alpha, A, Atype, lda, B, Btype, ldb, beta, C, Ctype, ldc, computeType, algo]);
}

/** mublasGemmStridedBatchedEx → cublasGemmStridedBatchedEx (native, confirmed). */
export function mublasGemmStridedBatchedEx(handle: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[0], transa: mublasOperation_t, transb: mublasOperation_t, m: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[3], n: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[4], k: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[5], alpha: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[6], A: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[7], Atype: musaDataType_t, lda: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[9], strideA: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[10], B: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[11], Btype: musaDataType_t, ldb: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[13], strideB: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[14], beta: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[15], C: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[16], Ctype: musaDataType_t, ldc: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[18], strideC: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[19], batchCount: Parameters<typeof cuda.cublasGemmStridedBatchedEx>[20], computeType: musaDataType_t, algo: mublasGemmAlgo_t): mublasStatus_t {
  return binding.call('mublasGemmStridedBatchedEx', [handle, transa, transb, m, n, k, alpha, A, Atype, lda, strideA, B, Btype, ldb, strideB, beta, C, Ctype, ldc, strideC, batchCount, computeType, algo]);
}

/** mublasGetMathMode → cublasGetMathMode (native, inferred). */
export function mublasGetMathMode(handle: Parameters<typeof cuda.cublasGetMathMode>[0], mode: Ref<mublasMath_t>): mublasStatus_t {
  return binding.call('mublasGetMathMode', [handle, mode]);
}

/** mublasGetStream → cublasGetStream (native, inferred). */
export function mublasGetStream(handle: Parameters<typeof cuda.cublasGetStream>[0], streamId: Parameters<typeof cuda.cublasGetStream>[1]): mublasStatus_t {
  return binding.call('mublasGetStream', [handle, streamId]);
}

/** mublasIsamax → cublasIsamax (native, inferred). */
export function mublasIsamax(handle: Parameters<typeof cuda.cublasIsamax>[0], n: Parameters<typeof cuda.cublasIsamax>[1], x: Parameters<typeof cuda.cublasIsamax>[2], incx: Parameters<typeof cuda.cublasIsamax>[3], result: Parameters<typeof cuda.cublasIsamax>[4]): mublasStatus_t {
  return binding.call('mublasIsamax', [handle, n, x, incx, result]);
}

/** mublasSasum → cublasSasum (native, inferred). */
export function mublasSasum(handle: Parameters<typeof cuda.cublasSasum>[0], n: Parameters<typeof cuda.cublasSasum>[1], x: Parameters<typeof cuda.cublasSasum>[2], incx: Parameters<typeof cuda.cublasSasum>[3], result: Parameters<typeof cuda.cublasSasum>[4]): mublasStatus_t {
  return binding.call('mublasSasum', [handle, n, x, incx, result]);
}

/** mublasSaxpy → cublasSaxpy (native, inferred). */
export function mublasSaxpy(handle: Parameters<typeof cuda.cublasSaxpy>[0], n: Parameters<typeof cuda.cublasSaxpy>[1], alpha: Parameters<typeof cuda.cublasSaxpy>[2], x: Parameters<typeof cuda.cublasSaxpy>[3], incx: Parameters<typeof cuda.cublasSaxpy>[4], y: Parameters<typeof cuda.cublasSaxpy>[5], incy: Parameters<typeof cuda.cublasSaxpy>[6]): mublasStatus_t {
  return binding.call('mublasSaxpy', [handle, n, alpha, x, incx, y, incy]);
}

/** mublasSdot → cublasSdot (native, inferred). */
export function mublasSdot(handle: Parameters<typeof cuda.cublasSdot>[0], n: Parameters<typeof cuda.cublasSdot>[1], x: Parameters<typeof cuda.cublasSdot>[2], incx: Parameters<typeof cuda.cublasSdot>[3], y: Parameters<typeof cuda.cublasSdot>[4], incy: Parameters<typeof cuda.cublasSdot>[5], result: Parameters<typeof cuda.cublasSdot>[6]): mublasStatus_t {
  return binding.call('mublasSdot', [handle, n, x, incx, y, incy, result]);
}

/** mublasSetMathMode → cublasSetMathMode (native, confirmed). */
export function mublasSetMathMode(handle: Parameters<typeof cuda.cublasSetMathMode>[0], mode: mublasMath_t): mublasStatus_t {
  return binding.call('mublasSetMathMode', [handle, mode]);
}

/** mublasSetStream → cublasSetStream (native, confirmed). */
export function mublasSetStream(handle: Parameters<typeof cuda.cublasSetStream>[0], streamId: Parameters<typeof cuda.cublasSetStream>[1]): mublasStatus_t {
  return binding.call('mublasSetStream', [handle, streamId]);
}

/** mublasSgemm → cublasSgemm (native, confirmed). */
export function mublasSgemm(handle: Parameters<typeof cuda.cublasSgemm>[0], transa: mublasOperation_t, transb: mublasOperation_t, m: Parameters<typeof cuda.cublasSgemm>[3], n: Parameters<typeof cuda.cublasSgemm>[4], k: Parameters<typeof cuda.cublasSgemm>[5], alpha: Parameters<typeof cuda.cublasSgemm>[6], A: Parameters<typeof cuda.cublasSgemm>[7], lda: Parameters<typeof cuda.cublasSgemm>[8], B: Parameters<typeof cuda.cublasSgemm>[9], ldb: Parameters<typeof cuda.cublasSgemm>[10], beta: Parameters<typeof cuda.cublasSgemm>[11], C: Parameters<typeof cuda.cublasSgemm>[12], ldc: Parameters<typeof cuda.cublasSgemm>[13]): mublasStatus_t {
  return binding.call('mublasSgemm', [handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc]);
}

/** mublasSgemmStridedBatched → cublasSgemmStridedBatched (native, confirmed). */
export function mublasSgemmStridedBatched(handle: Parameters<typeof cuda.cublasSgemmStridedBatched>[0], transa: mublasOperation_t, transb: mublasOperation_t, m: Parameters<typeof cuda.cublasSgemmStridedBatched>[3], n: Parameters<typeof cuda.cublasSgemmStridedBatched>[4], k: Parameters<typeof cuda.cublasSgemmStridedBatched>[5], alpha: Parameters<typeof cuda.cublasSgemmStridedBatched>[6], A: Parameters<typeof cuda.cublasSgemmStridedBatched>[7], lda: Parameters<typeof cuda.cublasSgemmStridedBatched>[8], strideA: Parameters<typeof cuda.cublasSgemmStridedBatched>[9], B: Parameters<typeof cuda.cublasSgemmStridedBatched>[10], ldb: Parameters<typeof cuda.cublasSgemmStridedBatched>[11], strideB: Parameters<typeof cuda.cublasSgemmStridedBatched>[12], beta: Parameters<typeof cuda.cublasSgemmStridedBatched>[13], C: Parameters<typeof cuda.cublasSgemmStridedBatched>[14], ldc: Parameters<typeof cuda.cublasSgemmStridedBatched>[15], strideC: Parameters<typeof cuda.cublasSgemmStridedBatched>[16], batchCount: Parameters<typeof cuda.cublasSgemmStridedBatched>[17]): mublasStatus_t {
  return binding.call('mublasSgemmStridedBatched', [handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb, strideB, beta, C, ldc, strideC, batchCount]);
}

/** mublasSgemv → cublasSgemv (native, inferred). */
export function mublasSgemv(handle: Parameters<typeof cuda.cublasSgemv>[0], trans: mublasOperation_t, m: Parameters<typeof cuda.cublasSgemv>[2], n: Parameters<typeof cuda.cublasSgemv>[3], alpha: Parameters<typeof cuda.cublasSgemv>[4], A: Parameters<typeof cuda.cublasSgemv>[5], lda: Parameters<typeof cuda.cublasSgemv>[6], x: Parameters<typeof cuda.cublasSgemv>[7], incx: Parameters<typeof cuda.cublasSgemv>[8], beta: Parameters<typeof cuda.cublasSgemv>[9], y: Parameters<typeof cuda.cublasSgemv>[10], incy: Parameters<typeof cuda.cublasSgemv>[11]): mublasStatus_t {
  return binding.call('mublasSgemv', [handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy]);
}

/** mublasSnrm2 → cublasSnrm2 (native, inferred). */
export function mublasSnrm2(handle: Parameters<typeof cuda.cublasSnrm2>[0], n: Parameters<typeof cuda.cublasSnrm2>[1], x: Parameters<typeof cuda.cublasSnrm2>[2], incx: Parameters<typeof cuda.cublasSnrm2>[3], result: Parameters<typeof cuda.cublasSnrm2>[4]): mublasStatus_t {
  return binding.call('mublasSnrm2', [handle, n, x, incx, result]);
}

/** mublasSscal → cublasSscal (native, inferred). */
export function mublasSscal(handle: Parameters<typeof cuda.cublasSscal>[0], n: Parameters<typeof cuda.cublasSscal>[1], alpha: Parameters<typeof cuda.cublasSscal>[2], x: Parameters<typeof cuda.cublasSscal>[3], incx: Parameters<typeof cuda.cublasSscal>[4]): mublasStatus_t {
  return binding.call('mublasSscal', [handle, n, alpha, x, incx]);
}

/** mublasStatus_to_string → cublasGetStatusString (native, confirmed). */
export function mublasStatus_to_string(status: mublasStatus_t): ReturnType<typeof cuda.cublasGetStatusString> {
  return binding.call('mublasStatus_to_string', [status]);
}

// ---- mublaslt ------------------------------------------------------------------------------

/** mublasLtCreate → cublasLtCreate (native, inferred). */
export function mublasLtCreate(lightHandle: Parameters<typeof cuda.cublasLtCreate>[0]): mublasStatus_t {
  return binding.call('mublasLtCreate', [lightHandle]);
}

/** mublasLtDestroy → cublasLtDestroy (native, inferred). */
export function mublasLtDestroy(lightHandle: Parameters<typeof cuda.cublasLtDestroy>[0]): mublasStatus_t {
  return binding.call('mublasLtDestroy', [lightHandle]);
}

/** mublasLtMatmul → cublasLtMatmul (partial, confirmed). */
export function mublasLtMatmul(lightHandle: Parameters<typeof cuda.cublasLtMatmul>[0], computeDesc: Parameters<typeof cuda.cublasLtMatmul>[1], alpha: Parameters<typeof cuda.cublasLtMatmul>[2], A: Parameters<typeof cuda.cublasLtMatmul>[3], Adesc: Parameters<typeof cuda.cublasLtMatmul>[4], B: Parameters<typeof cuda.cublasLtMatmul>[5], Bdesc: Parameters<typeof cuda.cublasLtMatmul>[6], beta: Parameters<typeof cuda.cublasLtMatmul>[7], C: Parameters<typeof cuda.cublasLtMatmul>[8], Cdesc: Parameters<typeof cuda.cublasLtMatmul>[9], D: Parameters<typeof cuda.cublasLtMatmul>[10], Ddesc: Parameters<typeof cuda.cublasLtMatmul>[11], algo: Parameters<typeof cuda.cublasLtMatmul>[12], workspace: Parameters<typeof cuda.cublasLtMatmul>[13], workspaceSizeInBytes: Parameters<typeof cuda.cublasLtMatmul>[14], stream: Parameters<typeof cuda.cublasLtMatmul>[15]): mublasStatus_t {
  return binding.call('mublasLtMatmul', [lightHandle, computeDesc, alpha, A, Adesc, B, Bdesc, beta, C, Cdesc, D, Ddesc, algo, workspace, workspaceSizeInBytes, stream]);
}

/** mublasLtMatmulAlgoGetHeuristic → cublasLtMatmulAlgoGetHeuristic (native, confirmed). */
export function mublasLtMatmulAlgoGetHeuristic(lightHandle: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[0], operationDesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[1], Adesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[2], Bdesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[3], Cdesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[4], Ddesc: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[5], preference: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[6], requestedAlgoCount: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[7], heuristicResultsArray: mublasLtMatmulHeuristicResult_t[], returnAlgoCount: Parameters<typeof cuda.cublasLtMatmulAlgoGetHeuristic>[9]): mublasStatus_t {
  return binding.call('mublasLtMatmulAlgoGetHeuristic', [lightHandle, operationDesc, Adesc, Bdesc, Cdesc, Ddesc, preference, requestedAlgoCount, heuristicResultsArray, returnAlgoCount]);
}

/** mublasLtMatmulDescCreate → cublasLtMatmulDescCreate (native, confirmed). */
export function mublasLtMatmulDescCreate(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescCreate>[0], computeType: mublasComputeType_t, scaleType: musaDataType_t): mublasStatus_t {
  return binding.call('mublasLtMatmulDescCreate', [matmulDesc, computeType, scaleType]);
}

/** mublasLtMatmulDescDestroy → cublasLtMatmulDescDestroy (native, confirmed). */
export function mublasLtMatmulDescDestroy(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescDestroy>[0]): mublasStatus_t {
  return binding.call('mublasLtMatmulDescDestroy', [matmulDesc]);
}

/** mublasLtMatmulDescSetAttribute → cublasLtMatmulDescSetAttribute (native, confirmed). */
export function mublasLtMatmulDescSetAttribute(matmulDesc: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[0], attr: mublasLtMatmulDescAttributes_t, buf: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatmulDescSetAttribute>[3]): mublasStatus_t {
  return binding.call('mublasLtMatmulDescSetAttribute', [matmulDesc, attr, buf, sizeInBytes]);
}

/** mublasLtMatmulPreferenceCreate → cublasLtMatmulPreferenceCreate (native, confirmed). */
export function mublasLtMatmulPreferenceCreate(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceCreate>[0]): mublasStatus_t {
  return binding.call('mublasLtMatmulPreferenceCreate', [pref]);
}

/** mublasLtMatmulPreferenceDestroy → cublasLtMatmulPreferenceDestroy (native, confirmed). */
export function mublasLtMatmulPreferenceDestroy(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceDestroy>[0]): mublasStatus_t {
  return binding.call('mublasLtMatmulPreferenceDestroy', [pref]);
}

/** mublasLtMatmulPreferenceSetAttribute → cublasLtMatmulPreferenceSetAttribute (native, confirmed). */
export function mublasLtMatmulPreferenceSetAttribute(pref: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[0], attr: mublasLtMatmulPreferenceAttributes_t, buf: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatmulPreferenceSetAttribute>[3]): mublasStatus_t {
  return binding.call('mublasLtMatmulPreferenceSetAttribute', [pref, attr, buf, sizeInBytes]);
}

/** mublasLtMatrixLayoutCreate → cublasLtMatrixLayoutCreate (native, confirmed). */
export function mublasLtMatrixLayoutCreate(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[0], type: musaDataType_t, rows: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[2], cols: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[3], ld: Parameters<typeof cuda.cublasLtMatrixLayoutCreate>[4]): mublasStatus_t {
  return binding.call('mublasLtMatrixLayoutCreate', [matLayout, type, rows, cols, ld]);
}

/** mublasLtMatrixLayoutDestroy → cublasLtMatrixLayoutDestroy (native, confirmed). */
export function mublasLtMatrixLayoutDestroy(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutDestroy>[0]): mublasStatus_t {
  return binding.call('mublasLtMatrixLayoutDestroy', [matLayout]);
}

/** mublasLtMatrixLayoutSetAttribute → cublasLtMatrixLayoutSetAttribute (native, confirmed). */
export function mublasLtMatrixLayoutSetAttribute(matLayout: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[0], attr: mublasLtMatrixLayoutAttribute_t, buf: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[2], sizeInBytes: Parameters<typeof cuda.cublasLtMatrixLayoutSetAttribute>[3]): mublasStatus_t {
  return binding.call('mublasLtMatrixLayoutSetAttribute', [matLayout, attr, buf, sizeInBytes]);
}

// ---- mudnn ---------------------------------------------------------------------------------

/** mudnnConvolutionForward → cudnnConvolutionForward (native, confirmed). */
export function mudnnConvolutionForward(handle: Parameters<typeof cuda.cudnnConvolutionForward>[0], alpha: Parameters<typeof cuda.cudnnConvolutionForward>[1], xDesc: Parameters<typeof cuda.cudnnConvolutionForward>[2], x: Parameters<typeof cuda.cudnnConvolutionForward>[3], wDesc: Parameters<typeof cuda.cudnnConvolutionForward>[4], w: Parameters<typeof cuda.cudnnConvolutionForward>[5], convDesc: Parameters<typeof cuda.cudnnConvolutionForward>[6], algo: mudnnConvolutionFwdAlgo_t, workSpace: Parameters<typeof cuda.cudnnConvolutionForward>[8], workSpaceSizeInBytes: Parameters<typeof cuda.cudnnConvolutionForward>[9], beta: Parameters<typeof cuda.cudnnConvolutionForward>[10], yDesc: Parameters<typeof cuda.cudnnConvolutionForward>[11], y: Parameters<typeof cuda.cudnnConvolutionForward>[12]): mudnnStatus_t {
  return binding.call('mudnnConvolutionForward', [handle, alpha, xDesc, x, wDesc, w, convDesc, algo, workSpace, workSpaceSizeInBytes, beta, yDesc, y]);
}

/** mudnnCreate → cudnnCreate (native, confirmed). */
export function mudnnCreate(handle: Parameters<typeof cuda.cudnnCreate>[0]): mudnnStatus_t {
  return binding.call('mudnnCreate', [handle]);
}

/** mudnnCreateActivationDescriptor → cudnnCreateActivationDescriptor (native, confirmed). */
export function mudnnCreateActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnCreateActivationDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreateActivationDescriptor', [activationDesc]);
}

/** mudnnCreateBinaryDescriptor → cudnnCreateOpTensorDescriptor (native, inferred). */
export function mudnnCreateBinaryDescriptor(binaryDesc: Parameters<typeof cuda.cudnnCreateOpTensorDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreateBinaryDescriptor', [binaryDesc]);
}

/** mudnnCreateConvolutionDescriptor → cudnnCreateConvolutionDescriptor (native, confirmed). */
export function mudnnCreateConvolutionDescriptor(convDesc: Parameters<typeof cuda.cudnnCreateConvolutionDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreateConvolutionDescriptor', [convDesc]);
}

/** mudnnCreateDropoutDescriptor → cudnnCreateDropoutDescriptor (native, confirmed). */
export function mudnnCreateDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnCreateDropoutDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreateDropoutDescriptor', [dropoutDesc]);
}

/** mudnnCreateFilterDescriptor → cudnnCreateFilterDescriptor (native, confirmed). */
export function mudnnCreateFilterDescriptor(filterDesc: Parameters<typeof cuda.cudnnCreateFilterDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreateFilterDescriptor', [filterDesc]);
}

/** mudnnCreatePoolingDescriptor → cudnnCreatePoolingDescriptor (native, confirmed). */
export function mudnnCreatePoolingDescriptor(poolingDesc: Parameters<typeof cuda.cudnnCreatePoolingDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreatePoolingDescriptor', [poolingDesc]);
}

/** mudnnCreateReduceDescriptor → cudnnCreateReduceTensorDescriptor (native, inferred). */
export function mudnnCreateReduceDescriptor(reduceDesc: Parameters<typeof cuda.cudnnCreateReduceTensorDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreateReduceDescriptor', [reduceDesc]);
}

/** mudnnCreateTensorDescriptor → cudnnCreateTensorDescriptor (native, confirmed). */
export function mudnnCreateTensorDescriptor(tensorDesc: Parameters<typeof cuda.cudnnCreateTensorDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnCreateTensorDescriptor', [tensorDesc]);
}

/** mudnnDestroy → cudnnDestroy (native, confirmed). */
export function mudnnDestroy(handle: Parameters<typeof cuda.cudnnDestroy>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroy', [handle]);
}

/** mudnnDestroyActivationDescriptor → cudnnDestroyActivationDescriptor (native, confirmed). */
export function mudnnDestroyActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnDestroyActivationDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyActivationDescriptor', [activationDesc]);
}

/** mudnnDestroyBinaryDescriptor → cudnnDestroyOpTensorDescriptor (native, inferred). */
export function mudnnDestroyBinaryDescriptor(binaryDesc: Parameters<typeof cuda.cudnnDestroyOpTensorDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyBinaryDescriptor', [binaryDesc]);
}

/** mudnnDestroyConvolutionDescriptor → cudnnDestroyConvolutionDescriptor (native, confirmed). */
export function mudnnDestroyConvolutionDescriptor(convDesc: Parameters<typeof cuda.cudnnDestroyConvolutionDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyConvolutionDescriptor', [convDesc]);
}

/** mudnnDestroyDropoutDescriptor → cudnnDestroyDropoutDescriptor (native, confirmed). */
export function mudnnDestroyDropoutDescriptor(dropoutDesc: Parameters<typeof cuda.cudnnDestroyDropoutDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyDropoutDescriptor', [dropoutDesc]);
}

/** mudnnDestroyFilterDescriptor → cudnnDestroyFilterDescriptor (native, confirmed). */
export function mudnnDestroyFilterDescriptor(filterDesc: Parameters<typeof cuda.cudnnDestroyFilterDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyFilterDescriptor', [filterDesc]);
}

/** mudnnDestroyPoolingDescriptor → cudnnDestroyPoolingDescriptor (native, confirmed). */
export function mudnnDestroyPoolingDescriptor(poolingDesc: Parameters<typeof cuda.cudnnDestroyPoolingDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyPoolingDescriptor', [poolingDesc]);
}

/** mudnnDestroyReduceDescriptor → cudnnDestroyReduceTensorDescriptor (native, inferred). */
export function mudnnDestroyReduceDescriptor(reduceDesc: Parameters<typeof cuda.cudnnDestroyReduceTensorDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyReduceDescriptor', [reduceDesc]);
}

/** mudnnDestroyTensorDescriptor → cudnnDestroyTensorDescriptor (native, confirmed). */
export function mudnnDestroyTensorDescriptor(tensorDesc: Parameters<typeof cuda.cudnnDestroyTensorDescriptor>[0]): mudnnStatus_t {
  return binding.call('mudnnDestroyTensorDescriptor', [tensorDesc]);
}

/** mudnnGetConvolutionForwardAlgorithm_v7 → cudnnGetConvolutionForwardAlgorithm_v7 (native, confirmed). */
export function mudnnGetConvolutionForwardAlgorithm_v7(handle: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[0], srcDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[1], filterDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[2], convDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[3], destDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[4], requestedAlgoCount: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[5], returnedAlgoCount: Parameters<typeof cuda.cudnnGetConvolutionForwardAlgorithm_v7>[6], perfResults: mudnnConvolutionFwdAlgoPerf_t[]): mudnnStatus_t {
  return binding.call('mudnnGetConvolutionForwardAlgorithm_v7', [handle, srcDesc, filterDesc, convDesc, destDesc, requestedAlgoCount, returnedAlgoCount, perfResults]);
}

/** mudnnGetConvolutionForwardWorkspaceSize → cudnnGetConvolutionForwardWorkspaceSize (native, confirmed). */
export function mudnnGetConvolutionForwardWorkspaceSize(handle: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[0], xDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[1], wDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[2], convDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[3], yDesc: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[4], algo: mudnnConvolutionFwdAlgo_t, sizeInBytes: Parameters<typeof cuda.cudnnGetConvolutionForwardWorkspaceSize>[6]): mudnnStatus_t {
  return binding.call('mudnnGetConvolutionForwardWorkspaceSize', [handle, xDesc, wDesc, convDesc, yDesc, algo, sizeInBytes]);
}

/** mudnnGetErrorString → cudnnGetErrorString (native, confirmed). */
export function mudnnGetErrorString(status: mudnnStatus_t): ReturnType<typeof cuda.cudnnGetErrorString> {
  return binding.call('mudnnGetErrorString', [status]);
}

/** mudnnGetReduceWorkspaceSize → cudnnGetReductionWorkspaceSize (native, inferred). */
export function mudnnGetReduceWorkspaceSize(handle: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[0], reduceDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[1], sizeInBytes: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[4], cDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[3], aDesc: Parameters<typeof cuda.cudnnGetReductionWorkspaceSize>[2]): mudnnStatus_t {
  return binding.call('mudnnGetReduceWorkspaceSize', [handle, reduceDesc, sizeInBytes, cDesc, aDesc]);
}

/** mudnnSetActivationDescriptor → cudnnSetActivationDescriptor (native, confirmed). */
export function mudnnSetActivationDescriptor(activationDesc: Parameters<typeof cuda.cudnnSetActivationDescriptor>[0], mode: mudnnActivationMode_t, reluNanOpt: mudnnNanPropagation_t, coef: Parameters<typeof cuda.cudnnSetActivationDescriptor>[3]): mudnnStatus_t {
  return binding.call('mudnnSetActivationDescriptor', [activationDesc, mode, reluNanOpt, coef]);
}

/** mudnnSetConvolutionGroupCount → cudnnSetConvolutionGroupCount (native, confirmed). */
export function mudnnSetConvolutionGroupCount(convDesc: Parameters<typeof cuda.cudnnSetConvolutionGroupCount>[0], groupCount: Parameters<typeof cuda.cudnnSetConvolutionGroupCount>[1]): mudnnStatus_t {
  return binding.call('mudnnSetConvolutionGroupCount', [convDesc, groupCount]);
}

/** mudnnSetConvolutionMathType → cudnnSetConvolutionMathType (native, confirmed). */
export function mudnnSetConvolutionMathType(convDesc: Parameters<typeof cuda.cudnnSetConvolutionMathType>[0], mathType: mudnnMathType_t): mudnnStatus_t {
  return binding.call('mudnnSetConvolutionMathType', [convDesc, mathType]);
}

/** mudnnSetStream → cudnnSetStream (native, confirmed). */
export function mudnnSetStream(handle: Parameters<typeof cuda.cudnnSetStream>[0], streamId: Parameters<typeof cuda.cudnnSetStream>[1]): mudnnStatus_t {
  return binding.call('mudnnSetStream', [handle, streamId]);
}

// ---- murand --------------------------------------------------------------------------------

/** murandCreateGenerator → curandCreateGenerator (native, inferred). */
export function murandCreateGenerator(generator: Parameters<typeof cuda.curandCreateGenerator>[0], rng_type: murandRngType_t): murandStatus_t {
  return binding.call('murandCreateGenerator', [generator, rng_type]);
}

/** murandDestroyGenerator → curandDestroyGenerator (native, inferred). */
export function murandDestroyGenerator(generator: Parameters<typeof cuda.curandDestroyGenerator>[0]): murandStatus_t {
  return binding.call('murandDestroyGenerator', [generator]);
}

/** murandGenerateNormal → curandGenerateNormal (native, inferred). */
export function murandGenerateNormal(generator: Parameters<typeof cuda.curandGenerateNormal>[0], outputPtr: Parameters<typeof cuda.curandGenerateNormal>[1], n: Parameters<typeof cuda.curandGenerateNormal>[2], mean: Parameters<typeof cuda.curandGenerateNormal>[3], stddev: Parameters<typeof cuda.curandGenerateNormal>[4]): murandStatus_t {
  return binding.call('murandGenerateNormal', [generator, outputPtr, n, mean, stddev]);
}

/** murandGenerateNormalDouble → curandGenerateNormalDouble (native, inferred). */
export function murandGenerateNormalDouble(generator: Parameters<typeof cuda.curandGenerateNormalDouble>[0], outputPtr: Parameters<typeof cuda.curandGenerateNormalDouble>[1], n: Parameters<typeof cuda.curandGenerateNormalDouble>[2], mean: Parameters<typeof cuda.curandGenerateNormalDouble>[3], stddev: Parameters<typeof cuda.curandGenerateNormalDouble>[4]): murandStatus_t {
  return binding.call('murandGenerateNormalDouble', [generator, outputPtr, n, mean, stddev]);
}

/** murandGenerateUniform → curandGenerateUniform (native, inferred). */
export function murandGenerateUniform(generator: Parameters<typeof cuda.curandGenerateUniform>[0], outputPtr: Parameters<typeof cuda.curandGenerateUniform>[1], num: Parameters<typeof cuda.curandGenerateUniform>[2]): murandStatus_t {
  return binding.call('murandGenerateUniform', [generator, outputPtr, num]);
}

/** murandGenerateUniformDouble → curandGenerateUniformDouble (native, inferred). */
export function murandGenerateUniformDouble(generator: Parameters<typeof cuda.curandGenerateUniformDouble>[0], outputPtr: Parameters<typeof cuda.curandGenerateUniformDouble>[1], num: Parameters<typeof cuda.curandGenerateUniformDouble>[2]): murandStatus_t {
  return binding.call('murandGenerateUniformDouble', [generator, outputPtr, num]);
}

/** murandSetGeneratorOffset → curandSetGeneratorOffset (native, inferred). */
export function murandSetGeneratorOffset(generator: Parameters<typeof cuda.curandSetGeneratorOffset>[0], offset: Parameters<typeof cuda.curandSetGeneratorOffset>[1]): murandStatus_t {
  return binding.call('murandSetGeneratorOffset', [generator, offset]);
}

/** murandSetPseudoRandomGeneratorSeed → curandSetPseudoRandomGeneratorSeed (native, inferred). */
export function murandSetPseudoRandomGeneratorSeed(generator: Parameters<typeof cuda.curandSetPseudoRandomGeneratorSeed>[0], seed: Parameters<typeof cuda.curandSetPseudoRandomGeneratorSeed>[1]): murandStatus_t {
  return binding.call('murandSetPseudoRandomGeneratorSeed', [generator, seed]);
}

/** murandSetStream → curandSetStream (native, inferred). */
export function murandSetStream(generator: Parameters<typeof cuda.curandSetStream>[0], stream: Parameters<typeof cuda.curandSetStream>[1]): murandStatus_t {
  return binding.call('murandSetStream', [generator, stream]);
}

// ---- musa-runtime --------------------------------------------------------------------------

/** musaDeviceReset → cudaDeviceReset (native, inferred). */
export function musaDeviceReset(): musaError_t {
  return binding.call('musaDeviceReset', []);
}

/** musaDeviceSynchronize → cudaDeviceSynchronize (native, confirmed). */
export function musaDeviceSynchronize(): musaError_t {
  return binding.call('musaDeviceSynchronize', []);
}

/** musaEventCreate → cudaEventCreate (native, inferred). */
export function musaEventCreate(event: Parameters<typeof cuda.cudaEventCreate>[0]): musaError_t {
  return binding.call('musaEventCreate', [event]);
}

/** musaEventCreateWithFlags → cudaEventCreateWithFlags (native, confirmed). */
export function musaEventCreateWithFlags(event: Parameters<typeof cuda.cudaEventCreateWithFlags>[0], flags: musaEventFlags | 0): musaError_t {
  return binding.call('musaEventCreateWithFlags', [event, flags]);
}

/** musaEventDestroy → cudaEventDestroy (native, confirmed). */
export function musaEventDestroy(event: Parameters<typeof cuda.cudaEventDestroy>[0]): musaError_t {
  return binding.call('musaEventDestroy', [event]);
}

/** musaEventElapsedTime → cudaEventElapsedTime (native, confirmed). */
export function musaEventElapsedTime(ms: Parameters<typeof cuda.cudaEventElapsedTime>[0], start: Parameters<typeof cuda.cudaEventElapsedTime>[1], end: Parameters<typeof cuda.cudaEventElapsedTime>[2]): musaError_t {
  return binding.call('musaEventElapsedTime', [ms, start, end]);
}

/** musaEventQuery → cudaEventQuery (native, confirmed). */
export function musaEventQuery(event: Parameters<typeof cuda.cudaEventQuery>[0]): musaError_t {
  return binding.call('musaEventQuery', [event]);
}

/** musaEventRecord → cudaEventRecord (native, confirmed). */
export function musaEventRecord(event: Parameters<typeof cuda.cudaEventRecord>[0], stream?: Parameters<typeof cuda.cudaEventRecord>[1]): musaError_t {
  return binding.call('musaEventRecord', [event, stream]);
}

/** musaEventSynchronize → cudaEventSynchronize (native, confirmed). */
export function musaEventSynchronize(event: Parameters<typeof cuda.cudaEventSynchronize>[0]): musaError_t {
  return binding.call('musaEventSynchronize', [event]);
}

/** musaFree → cudaFree (native, confirmed). */
export function musaFree(devPtr: Parameters<typeof cuda.cudaFree>[0]): musaError_t {
  return binding.call('musaFree', [devPtr]);
}

/** musaFreeHost → cudaFreeHost (native, confirmed). */
export function musaFreeHost(ptr: Parameters<typeof cuda.cudaFreeHost>[0]): musaError_t {
  return binding.call('musaFreeHost', [ptr]);
}

/** musaGetDevice → cudaGetDevice (native, confirmed). */
export function musaGetDevice(device: Parameters<typeof cuda.cudaGetDevice>[0]): musaError_t {
  return binding.call('musaGetDevice', [device]);
}

/** musaGetDeviceCount → cudaGetDeviceCount (native, confirmed). */
export function musaGetDeviceCount(count: Parameters<typeof cuda.cudaGetDeviceCount>[0]): musaError_t {
  return binding.call('musaGetDeviceCount', [count]);
}

/** musaGetErrorName → cudaGetErrorName (native, inferred). */
export function musaGetErrorName(error: musaError_t): ReturnType<typeof cuda.cudaGetErrorName> {
  return binding.call('musaGetErrorName', [error]);
}

/** musaGetErrorString → cudaGetErrorString (native, confirmed). */
export function musaGetErrorString(error: musaError_t): ReturnType<typeof cuda.cudaGetErrorString> {
  return binding.call('musaGetErrorString', [error]);
}

/** musaGetLastError → cudaGetLastError (native, confirmed). */
export function musaGetLastError(): musaError_t {
  return binding.call('musaGetLastError', []);
}

/** musaHostAlloc → cudaHostAlloc (native, inferred). */
export function musaHostAlloc(pHost: Parameters<typeof cuda.cudaHostAlloc>[0], size: Parameters<typeof cuda.cudaHostAlloc>[1], flags: musaHostAllocFlags | 0): musaError_t {
  return binding.call('musaHostAlloc', [pHost, size, flags]);
}

/** musaMalloc → cudaMalloc (native, confirmed). */
export function musaMalloc(devPtr: Parameters<typeof cuda.cudaMalloc>[0], size: Parameters<typeof cuda.cudaMalloc>[1]): musaError_t {
  return binding.call('musaMalloc', [devPtr, size]);
}

/** musaMallocHost → cudaMallocHost (native, confirmed). */
export function musaMallocHost(ptr: Parameters<typeof cuda.cudaMallocHost>[0], size: Parameters<typeof cuda.cudaMallocHost>[1]): musaError_t {
  return binding.call('musaMallocHost', [ptr, size]);
}

/** musaMemcpy → cudaMemcpy (native, confirmed). */
export function musaMemcpy(dst: Parameters<typeof cuda.cudaMemcpy>[0], src: Parameters<typeof cuda.cudaMemcpy>[1], count: Parameters<typeof cuda.cudaMemcpy>[2], kind: musaMemcpyKind): musaError_t {
  return binding.call('musaMemcpy', [dst, src, count, kind]);
}

/** musaMemcpyAsync → cudaMemcpyAsync (native, confirmed). */
export function musaMemcpyAsync(dst: Parameters<typeof cuda.cudaMemcpyAsync>[0], src: Parameters<typeof cuda.cudaMemcpyAsync>[1], count: Parameters<typeof cuda.cudaMemcpyAsync>[2], kind: musaMemcpyKind, stream?: Parameters<typeof cuda.cudaMemcpyAsync>[4]): musaError_t {
  return binding.call('musaMemcpyAsync', [dst, src, count, kind, stream]);
}

/** musaMemGetInfo → cudaMemGetInfo (native, confirmed). */
export function musaMemGetInfo(free: Parameters<typeof cuda.cudaMemGetInfo>[0], total: Parameters<typeof cuda.cudaMemGetInfo>[1]): musaError_t {
  return binding.call('musaMemGetInfo', [free, total]);
}

/** musaMemset → cudaMemset (native, confirmed). */
export function musaMemset(devPtr: Parameters<typeof cuda.cudaMemset>[0], value: Parameters<typeof cuda.cudaMemset>[1], count: Parameters<typeof cuda.cudaMemset>[2]): musaError_t {
  return binding.call('musaMemset', [devPtr, value, count]);
}

/** musaMemsetAsync → cudaMemsetAsync (native, confirmed). */
export function musaMemsetAsync(devPtr: Parameters<typeof cuda.cudaMemsetAsync>[0], value: Parameters<typeof cuda.cudaMemsetAsync>[1], count: Parameters<typeof cuda.cudaMemsetAsync>[2], stream?: Parameters<typeof cuda.cudaMemsetAsync>[3]): musaError_t {
  return binding.call('musaMemsetAsync', [devPtr, value, count, stream]);
}

/** musaPeekAtLastError → cudaPeekAtLastError (native, inferred). */
export function musaPeekAtLastError(): musaError_t {
  return binding.call('musaPeekAtLastError', []);
}

/** musaSetDevice → cudaSetDevice (native, confirmed). */
export function musaSetDevice(device: Parameters<typeof cuda.cudaSetDevice>[0]): musaError_t {
  return binding.call('musaSetDevice', [device]);
}

/** musaStreamCreate → cudaStreamCreate (native, confirmed). */
export function musaStreamCreate(pStream: Parameters<typeof cuda.cudaStreamCreate>[0]): musaError_t {
  return binding.call('musaStreamCreate', [pStream]);
}

/** musaStreamCreateWithFlags → cudaStreamCreateWithFlags (native, confirmed). */
export function musaStreamCreateWithFlags(pStream: Parameters<typeof cuda.cudaStreamCreateWithFlags>[0], flags: musaStreamFlags | 0): musaError_t {
  return binding.call('musaStreamCreateWithFlags', [pStream, flags]);
}

/** musaStreamDestroy → cudaStreamDestroy (native, confirmed). */
export function musaStreamDestroy(stream: Parameters<typeof cuda.cudaStreamDestroy>[0]): musaError_t {
  return binding.call('musaStreamDestroy', [stream]);
}

/** musaStreamQuery → cudaStreamQuery (native, confirmed). */
export function musaStreamQuery(stream: Parameters<typeof cuda.cudaStreamQuery>[0]): musaError_t {
  return binding.call('musaStreamQuery', [stream]);
}

/** musaStreamSynchronize → cudaStreamSynchronize (native, confirmed). */
export function musaStreamSynchronize(stream: Parameters<typeof cuda.cudaStreamSynchronize>[0]): musaError_t {
  return binding.call('musaStreamSynchronize', [stream]);
}

/** musaStreamWaitEvent → cudaStreamWaitEvent (native, confirmed). */
export function musaStreamWaitEvent(stream: Parameters<typeof cuda.cudaStreamWaitEvent>[0], event: Parameters<typeof cuda.cudaStreamWaitEvent>[1], flags?: Parameters<typeof cuda.cudaStreamWaitEvent>[2]): musaError_t {
  return binding.call('musaStreamWaitEvent', [stream, event, flags]);
}
