/**
 * `opbridge/cambricon`: Cambricon MLU's CNRT runtime, CNNL and CNCL on the reference runtime.
 * docs/backends/cambricon.md describes how queues, notifiers, NHWC convolution, workspaces
 * and the TF32 defaults are simulated, and what is unconfirmed.
 */
export * from '../host/index.js';
export * from './constants.generated.js';

// CNRT
export { cnrtGetDeviceCount, cnrtSetDevice, cnrtGetDevice, cnrtSyncDevice, cnrtDeviceReset, cnrtMemGetInfo } from './cnrt-device.js';
export {
  cnrtMalloc,
  cnrtFree,
  cnrtHostMalloc,
  cnrtFreeHost,
  cnrtMemcpy,
  cnrtMemcpyAsync,
  cnrtMemcpyAsync_V3,
  cnrtMemset,
  cnrtMemsetAsync,
  type CnrtPointer,
} from './cnrt-memory.js';
export {
  cnrtQueueCreate,
  cnrtQueueCreateWithPriority,
  cnrtQueueDestroy,
  cnrtQueueSync,
  cnrtQueueQuery,
  cnrtQueueWaitNotifier,
  type cnrtQueue_t,
} from './cnrt-queue.js';
export {
  cnrtNotifierCreate,
  cnrtNotifierCreateWithFlags,
  cnrtNotifierDestroy,
  cnrtPlaceNotifier,
  cnrtWaitNotifier,
  cnrtQueryNotifier,
  cnrtNotifierElapsedTime,
  cnrtNotifierDuration,
  type cnrtNotifier_t,
} from './cnrt-notifier.js';
export { cnrtGetLastError, cnrtPeekAtLastError, cnrtGetErrorName, cnrtGetErrorStr } from './cnrt-error.js';

// CNNL: handle and tensor descriptors
export { cnnlCreate, cnnlDestroy, cnnlSetQueue, cnnlGetQueue, cnnlGetErrorString, type cnnlHandle_t } from './cnnl-handle.js';
export {
  CNNL_DIM_MAX,
  cnnlCreateTensorDescriptor,
  cnnlSetTensorDescriptor,
  cnnlSetTensorDescriptorEx,
  cnnlSetTensorDescriptor_v2,
  cnnlSetTensorDescriptorEx_v2,
  cnnlSetTensorDescriptorOnchipDataType,
  cnnlResetTensorDescriptor,
  cnnlGetTensorElementNum,
  cnnlDestroyTensorDescriptor,
  type cnnlTensorDescriptor_t,
} from './cnnl-tensor-descriptor.js';

// CNNL: op families
export {
  cnnlCreateOpTensorDescriptor,
  cnnlSetOpTensorDescriptor,
  cnnlDestroyOpTensorDescriptor,
  cnnlGetOpTensorWorkspaceSize,
  cnnlOpTensor,
  type cnnlOpTensorDescriptor_t,
} from './cnnl-op-tensor.js';
export {
  cnnlCreateActivationDescriptor,
  cnnlSetActivationDescriptor,
  cnnlSetActivationDescriptor_v5,
  cnnlSetActivationDescriptor_v6,
  cnnlDestroyActivationDescriptor,
  cnnlActivationForward,
  type cnnlActivationDescriptor_t,
} from './cnnl-activation.js';
export { cnnlSoftmaxForward, cnnlSoftmaxForward_v2 } from './cnnl-softmax.js';
export {
  cnnlMatMulDescCreate,
  cnnlMatMulDescDestroy,
  cnnlSetMatMulDescAttr,
  cnnlMatMulAlgoCreate,
  cnnlMatMulAlgoDestroy,
  cnnlCreateMatMulHeuristicResult,
  cnnlDestroyMatMulHeuristicResult,
  cnnlGetMatMulAlgoHeuristic,
  cnnlGetMatMulHeuristicResult,
  cnnlGetBatchMatMulAlgoHeuristic,
  cnnlGetBatchMatMulHeuristicResult,
  cnnlMatMul,
  cnnlMatMul_v2,
  cnnlBatchMatMulBCast_v2,
  type cnnlMatMulDescriptor_t,
  type cnnlMatMulAlgo_t,
  type cnnlMatMulHeuristicResult_t,
} from './cnnl-matmul.js';
export {
  cnnlCreateConvolutionDescriptor,
  cnnlSetConvolutionDescriptor,
  cnnlSetConvolutionDescriptorAllowTF32,
  cnnlDestroyConvolutionDescriptor,
  cnnlGetConvolutionForwardAlgorithm,
  cnnlGetConvolutionForwardWorkspaceSize,
  cnnlConvolutionForward,
  type cnnlConvolutionDescriptor_t,
} from './cnnl-convolution.js';
export {
  cnnlCreatePoolingDescriptor,
  cnnlSetPooling2dDescriptor_v2,
  cnnlDestroyPoolingDescriptor,
  cnnlGetPoolingWorkspaceSize,
  cnnlPoolingForward,
  type cnnlPoolingDescriptor_t,
} from './cnnl-pooling.js';
export {
  cnnlBatchNormForwardInference,
  cnnlGetLayerNormOpWorkspaceSize,
  cnnlLayerNormForward,
  cnnlGetRmsNormOpWorkspaceSize,
  cnnlRmsNormForward,
} from './cnnl-normalization.js';
export {
  cnnlCreateReduceDescriptor,
  cnnlSetReduceDescriptor_v2,
  cnnlDestroyReduceDescriptor,
  cnnlGetReduceOpWorkspaceSize,
  cnnlReduce,
  type cnnlReduceDescriptor_t,
} from './cnnl-reduce.js';
export {
  cnnlCreateTransposeDescriptor,
  cnnlSetTransposeDescriptor,
  cnnlDestroyTransposeDescriptor,
  cnnlGetTransposeWorkspaceSize,
  cnnlTranspose_v2,
  type cnnlTransposeDescriptor_t,
} from './cnnl-transpose.js';
export { cnnlCastDataType } from './cnnl-cast.js';
export { cnnlGetConcatWorkspaceSize, cnnlConcat, cnnlGetSplitWorkspaceSize, cnnlSplit } from './cnnl-concat-split.js';
export { cnnlEmbeddingForward_v2 } from './cnnl-embedding.js';
export {
  cnnlCreateFlashAttentionDescriptor,
  cnnlSetFlashAttentionDescriptor,
  cnnlDestroyFlashAttentionDescriptor,
  cnnlGetFlashAttentionForwardWorkspaceSize,
  cnnlFlashAttentionForward,
  type cnnlFlashAttentionDescriptor_t,
} from './cnnl-flash-attention.js';
export {
  cnnlRandCreateGenerator,
  cnnlRandDestroyGenerator,
  cnnlRandSetPseudoRandomGeneratorSeed,
  cnnlRandGenerateUniform,
  cnnlRandGenerateNormal,
  type cnnlRandGenerator_t,
} from './cnnl-random.js';

// CNCL
export {
  cnclCliqueId,
  cnclGetCliqueId,
  cnclInitComms,
  cnclFreeComm,
  cnclGetCommCount,
  cnclGetCommRank,
  cnclGetLibVersion,
  cnclGetErrorStr,
  type cnclCliqueId_t,
  type cnclComm_t,
} from './cncl-communicator.js';
export { cnclAllReduce, cnclBroadcast, cnclReduce, cnclAllGather, cnclReduceScatter } from './cncl-collectives.js';
export { cnclSend, cnclRecv, cnclGroupStart, cnclGroupEnd } from './cncl-p2p.js';
