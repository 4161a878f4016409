/**
 * Inference of a two-layer perceptron (MNIST-sized: 784 → 128 → 10) on a batch of 16, as
 * library-only CUDA code writes it:
 *
 *   H      = ReLU(X·W1ᵀ + b1)     cuBLASLt matmul with the RELU_BIAS epilogue (fused)
 *   logits = H·W2ᵀ + b2           cublasSgemm, then cudnnAddTensor broadcasting the bias
 *   probs  = softmax(logits)      cudnnSoftmaxForward (ACCURATE, over the class channel)
 *
 * Weights are stored as PyTorch's nn.Linear stores them: W [out, in], row-major. cuBLAS is
 * column-major, so the row-major product Y[batch, out] = X·Wᵀ is issued as the column-major
 * Yᵀ[out, batch] = W·Xᵀ: W, read column-major, is Wᵀ (in × out, ld = in) and is transposed
 * back with CUBLAS_OP_T; Xᵀ is X read column-major (in × batch, ld = in).
 */
import {
  CNNL_STATUS_SUCCESS,
  cnnlCreate,
  cnnlGetMatMulHeuristicResult,
  cnrtQueueSync,
  cnrtFree,
  cnnlMatMul_v2,
  cnnlSetOpTensorDescriptor,
  CNNL_OP_TENSOR_ADD,
  CNNL_PROPAGATE_NAN,
  cnnlCreateOpTensorDescriptor,
  cnnlDestroyOpTensorDescriptor,
  cnnlGetOpTensorWorkspaceSize,
  cnnlOpTensor,
  cnnlSetActivationDescriptor,
  CNNL_ACTIVATION_RELU,
  cnnlCreateActivationDescriptor,
  cnnlDestroyActivationDescriptor,
  cnnlActivationForward,
  CNNL_DTYPE_FLOAT,
  cnnlCreateTensorDescriptor,
  CNNL_LAYOUT_ARRAY,
  cnnlSetTensorDescriptor,
  cnnlDestroyTensorDescriptor,
  cnnlSetMatMulDescAttr,
  CNNL_MATMUL_DESC_TRANSB,
  CNNL_MATMUL_ALLOW_TF32,
  cnnlMatMulDescCreate,
  cnnlMatMulDescDestroy,
  cnnlMatMulAlgoCreate,
  cnnlMatMulAlgoDestroy,
  cnnlCreateMatMulHeuristicResult,
  cnnlDestroyMatMulHeuristicResult,
  cnnlGetMatMulAlgoHeuristic,
  cnnlSetQueue,
  cnrtGetErrorStr,
  cnrtMalloc,
  cnrtMemcpy,
  cnrtMemcpyDevToHost,
  cnrtMemcpyHostToDev,
  cnrtSetDevice,
  cnrtQueueCreate,
  cnrtQueueDestroy,
  cnrtSuccess,
  cnnlGetQueue,
  cnnlDestroy,
  cnnlGetErrorString,
  cnnlSoftmaxForward,
  CNNL_SOFTMAX_ACCURATE,
  CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION,
  randomFloat32,
  ref,
  type DevicePtr,
  type cnnlHandle_t,
  type cnnlMatMulHeuristicResult_t,
  type cnnlStatus_t,
  type cnrtRet_t,
  type cnrtQueue_t,
  type cnnlTensorDescriptor_t,
  type cnnlMatMulDescriptor_t,
  type cnnlMatMulAlgo_t,
  type cnnlOpTensorDescriptor_t,
  type cnnlActivationDescriptor_t,
} from 'opbridge/cambricon';

const BATCH = 16;
const INPUTS = 784;
const HIDDEN = 128;
const CLASSES = 10;
const WORKSPACE_BYTES = 4 << 20;

function checkCuda(status: cnrtRet_t, what: string): void {
  if (status !== cnrtSuccess) throw new Error(`${what}: ${cnrtGetErrorStr(status)}`);
}

function checkCublas(status: cnnlStatus_t, what: string): void {
  if (status !== CNNL_STATUS_SUCCESS) throw new Error(`${what}: cuBLAS status ${status}`);
}

function checkCudnn(status: cnnlStatus_t, what: string): void {
  if (status !== CNNL_STATUS_SUCCESS) throw new Error(`${what}: ${cnnlGetErrorString(status)}`);
}

export function main() {
  checkCuda(cnrtSetDevice(0), 'cudaSetDevice');

  // Host data: pixel intensities in [0, 1), weights and biases uniform in ±1/√fan_in (nn.Linear's init).
  const x = randomFloat32(BATCH * INPUTS, 1, 0, 1);
  const w1 = randomFloat32(HIDDEN * INPUTS, 2, -1 / Math.sqrt(INPUTS), 1 / Math.sqrt(INPUTS));
  const b1 = randomFloat32(HIDDEN, 3, -1 / Math.sqrt(INPUTS), 1 / Math.sqrt(INPUTS));
  const w2 = randomFloat32(CLASSES * HIDDEN, 4, -1 / Math.sqrt(HIDDEN), 1 / Math.sqrt(HIDDEN));
  const b2 = randomFloat32(CLASSES, 5, -1 / Math.sqrt(HIDDEN), 1 / Math.sqrt(HIDDEN));

  const dX = ref<DevicePtr>();
  const dW1 = ref<DevicePtr>();
  const dB1 = ref<DevicePtr>();
  const dW2 = ref<DevicePtr>();
  const dB2 = ref<DevicePtr>();
  const dH = ref<DevicePtr>();
  const dLogits = ref<DevicePtr>();
  const dProbs = ref<DevicePtr>();
  const dWorkspace = ref<DevicePtr>();
  checkCuda(cnrtMalloc(dX, x.byteLength), 'cudaMalloc X');
  checkCuda(cnrtMalloc(dW1, w1.byteLength), 'cudaMalloc W1');
  checkCuda(cnrtMalloc(dB1, b1.byteLength), 'cudaMalloc b1');
  checkCuda(cnrtMalloc(dW2, w2.byteLength), 'cudaMalloc W2');
  checkCuda(cnrtMalloc(dB2, b2.byteLength), 'cudaMalloc b2');
  checkCuda(cnrtMalloc(dH, BATCH * HIDDEN * 4), 'cudaMalloc H');
  checkCuda(cnrtMalloc(dLogits, BATCH * CLASSES * 4), 'cudaMalloc logits');
  checkCuda(cnrtMalloc(dProbs, BATCH * CLASSES * 4), 'cudaMalloc probs');
  checkCuda(cnrtMalloc(dWorkspace, WORKSPACE_BYTES), 'cudaMalloc workspace');
  checkCuda(cnrtMemcpy(dX.value, x, x.byteLength, cnrtMemcpyHostToDev), 'copy X');
  checkCuda(cnrtMemcpy(dW1.value, w1, w1.byteLength, cnrtMemcpyHostToDev), 'copy W1');
  checkCuda(cnrtMemcpy(dB1.value, b1, b1.byteLength, cnrtMemcpyHostToDev), 'copy b1');
  checkCuda(cnrtMemcpy(dW2.value, w2, w2.byteLength, cnrtMemcpyHostToDev), 'copy W2');
  checkCuda(cnrtMemcpy(dB2.value, b2, b2.byteLength, cnrtMemcpyHostToDev), 'copy b2');

  const stream = ref<cnrtQueue_t>();
  checkCuda(cnrtQueueCreate(stream), 'cudaStreamCreate');
  const cublas = ref<cnnlHandle_t>();
  checkCublas(cnnlCreate(cublas), 'cublasCreate');
  checkCublas(cnnlSetQueue(cublas.value, stream.value), 'cublasSetStream');
  const cublasLt = ref<cnnlHandle_t>();
  checkCublas(cnnlCreate(cublasLt), 'cublasLtCreate');
  const cudnn = ref<cnnlHandle_t>();
  checkCudnn(cnnlCreate(cudnn), 'cudnnCreate');
  checkCudnn(cnnlSetQueue(cudnn.value, stream.value), 'cudnnSetStream');

  // ---- layer 1: Hᵀ[HIDDEN, BATCH] = ReLU(W1·Xᵀ + b1), bias per row of the column-major result.
  const heuristics: cnnlMatMulHeuristicResult_t[] = [];
  const algoCount = ref<number>();
  const aDesc = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(aDesc);
  cnnlSetTensorDescriptor(aDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [BATCH, INPUTS]);
  const bDesc = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(bDesc);
  cnnlSetTensorDescriptor(bDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [HIDDEN, INPUTS]);
  const dDesc = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(dDesc);
  cnnlSetTensorDescriptor(dDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [BATCH, HIDDEN]);
  const matmulDesc_1 = ref<cnnlMatMulDescriptor_t>();
  cnnlMatMulDescCreate(matmulDesc_1);
  cnnlSetMatMulDescAttr(matmulDesc_1.value, CNNL_MATMUL_DESC_TRANSB, 1, 4);
  cnnlSetMatMulDescAttr(matmulDesc_1.value, CNNL_MATMUL_ALLOW_TF32, 0, 4);
  const algo_1 = ref<cnnlMatMulAlgo_t>();
  cnnlMatMulAlgoCreate(algo_1);
  const heuristic = ref<cnnlMatMulHeuristicResult_t>();
  cnnlCreateMatMulHeuristicResult(heuristic);
  checkCublas(
    cnnlGetMatMulAlgoHeuristic(cublasLt.value, matmulDesc_1.value, aDesc.value, bDesc.value, dDesc.value, dDesc.value, null, 1, heuristic.value, algoCount),
    'cublasLtMatmulAlgoGetHeuristic',
  );
  cnnlDestroyTensorDescriptor(aDesc.value);
  cnnlDestroyTensorDescriptor(bDesc.value);
  cnnlDestroyTensorDescriptor(dDesc.value);
  cnnlMatMulDescDestroy(matmulDesc_1.value);
  cnnlMatMulAlgoDestroy(algo_1.value);
  cnnlDestroyMatMulHeuristicResult(heuristic.value);
  if (algoCount.value === 0) throw new Error('cuBLASLt found no algorithm for layer 1');
  cnnlSetQueue(cublasLt.value, stream.value);
  const aDesc_1 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(aDesc_1);
  cnnlSetTensorDescriptor(aDesc_1.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [BATCH, INPUTS]);
  const bDesc_1 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(bDesc_1);
  cnnlSetTensorDescriptor(bDesc_1.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [HIDDEN, INPUTS]);
  const dDesc_1 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(dDesc_1);
  cnnlSetTensorDescriptor(dDesc_1.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [BATCH, HIDDEN]);
  const matmulDesc_2 = ref<cnnlMatMulDescriptor_t>();
  cnnlMatMulDescCreate(matmulDesc_2);
  cnnlSetMatMulDescAttr(matmulDesc_2.value, CNNL_MATMUL_DESC_TRANSB, 1, 4);
  cnnlSetMatMulDescAttr(matmulDesc_2.value, CNNL_MATMUL_ALLOW_TF32, 0, 4);
  const algo_2 = ref<cnnlMatMulAlgo_t>();
  cnnlMatMulAlgoCreate(algo_2);
  const heuristic_1 = ref<cnnlMatMulHeuristicResult_t>();
  cnnlCreateMatMulHeuristicResult(heuristic_1);
  const algoCount_1 = ref(0);
  checkCublas(
    cnnlGetMatMulAlgoHeuristic(cublasLt.value, matmulDesc_2.value, aDesc_1.value, bDesc_1.value, dDesc_1.value, dDesc_1.value, null, 1, heuristic_1.value, algoCount_1),
    'layer 1 cublasLtMatmul',
  );
  const matmulWorkspaceSize = ref(0);
  checkCublas(
    cnnlGetMatMulHeuristicResult(heuristic_1.value, algo_2.value, matmulWorkspaceSize),
    'layer 1 cublasLtMatmul',
  );
  const matmulWorkspace = ref<DevicePtr>();
  if (matmulWorkspaceSize.value > 0) cnrtMalloc(matmulWorkspace, matmulWorkspaceSize.value);
  checkCublas(
    cnnlMatMul_v2(cublasLt.value, matmulDesc_2.value, algo_2.value, 1, aDesc_1.value, dX.value, bDesc_1.value, dW1.value, 0, dDesc_1.value, dH.value, matmulWorkspaceSize.value > 0 ? matmulWorkspace.value : null, matmulWorkspaceSize.value, dDesc_1.value, dH.value),
    'layer 1 cublasLtMatmul',
  );
  const cDesc = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(cDesc);
  cnnlSetTensorDescriptor(cDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [1, HIDDEN]);
  const addDesc = ref<cnnlOpTensorDescriptor_t>();
  cnnlCreateOpTensorDescriptor(addDesc);
  cnnlSetOpTensorDescriptor(addDesc.value, CNNL_OP_TENSOR_ADD, CNNL_DTYPE_FLOAT, CNNL_PROPAGATE_NAN);
  const addWorkspaceSize = ref(0);
  checkCublas(
    cnnlGetOpTensorWorkspaceSize(cublasLt.value, dDesc_1.value, cDesc.value, dDesc_1.value, addWorkspaceSize),
    'layer 1 cublasLtMatmul',
  );
  const addWorkspace = ref<DevicePtr>();
  if (addWorkspaceSize.value > 0) cnrtMalloc(addWorkspace, addWorkspaceSize.value);
  checkCublas(
    cnnlOpTensor(cublasLt.value, addDesc.value, 1, dDesc_1.value, dH.value, 1, cDesc.value, dB1.value, addWorkspaceSize.value > 0 ? addWorkspace.value : null, addWorkspaceSize.value, 0, dDesc_1.value, dH.value),
    'layer 1 cublasLtMatmul',
  );
  const reluDesc = ref<cnnlActivationDescriptor_t>();
  cnnlCreateActivationDescriptor(reluDesc);
  cnnlSetActivationDescriptor(reluDesc.value, CNNL_ACTIVATION_RELU, CNNL_PROPAGATE_NAN, 0);
  checkCublas(
    cnnlActivationForward(cublasLt.value, reluDesc.value, null, dDesc_1.value, dH.value, null, dDesc_1.value, dH.value),
    'layer 1 cublasLtMatmul',
  );
  if (addWorkspaceSize.value > 0) { cnrtQueueSync(stream.value); cnrtFree(addWorkspace.value); }
  if (matmulWorkspaceSize.value > 0) { cnrtQueueSync(stream.value); cnrtFree(matmulWorkspace.value); }
  cnnlDestroyTensorDescriptor(aDesc_1.value);
  cnnlDestroyTensorDescriptor(bDesc_1.value);
  cnnlDestroyTensorDescriptor(dDesc_1.value);
  cnnlMatMulDescDestroy(matmulDesc_2.value);
  cnnlMatMulAlgoDestroy(algo_2.value);
  cnnlDestroyMatMulHeuristicResult(heuristic_1.value);
  cnnlDestroyTensorDescriptor(cDesc.value);
  cnnlDestroyOpTensorDescriptor(addDesc.value);
  cnnlDestroyActivationDescriptor(reluDesc.value);

  // ---- layer 2: logitsᵀ[CLASSES, BATCH] = W2·Hᵀ, then + b2 broadcast over the batch.
  const aDesc_2 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(aDesc_2);
  cnnlSetTensorDescriptor(aDesc_2.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [BATCH, HIDDEN]);
  const bDesc_2 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(bDesc_2);
  cnnlSetTensorDescriptor(bDesc_2.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [CLASSES, HIDDEN]);
  const dDesc_2 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(dDesc_2);
  cnnlSetTensorDescriptor(dDesc_2.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [BATCH, CLASSES]);
  const matmulDesc_3 = ref<cnnlMatMulDescriptor_t>();
  cnnlMatMulDescCreate(matmulDesc_3);
  cnnlSetMatMulDescAttr(matmulDesc_3.value, CNNL_MATMUL_DESC_TRANSB, 1, 4);
  cnnlSetMatMulDescAttr(matmulDesc_3.value, CNNL_MATMUL_ALLOW_TF32, 0, 4);
  const algo_3 = ref<cnnlMatMulAlgo_t>();
  cnnlMatMulAlgoCreate(algo_3);
  const heuristic_2 = ref<cnnlMatMulHeuristicResult_t>();
  cnnlCreateMatMulHeuristicResult(heuristic_2);
  const algoCount_2 = ref(0);
  checkCublas(
    cnnlGetMatMulAlgoHeuristic(cublas.value, matmulDesc_3.value, aDesc_2.value, bDesc_2.value, dDesc_2.value, dDesc_2.value, null, 1, heuristic_2.value, algoCount_2),
    'layer 2 cublasSgemm',
  );
  const matmulWorkspaceSize_1 = ref(0);
  checkCublas(
    cnnlGetMatMulHeuristicResult(heuristic_2.value, algo_3.value, matmulWorkspaceSize_1),
    'layer 2 cublasSgemm',
  );
  const matmulWorkspace_1 = ref<DevicePtr>();
  if (matmulWorkspaceSize_1.value > 0) cnrtMalloc(matmulWorkspace_1, matmulWorkspaceSize_1.value);
  checkCublas(
    cnnlMatMul_v2(cublas.value, matmulDesc_3.value, algo_3.value, 1, aDesc_2.value, dH.value, bDesc_2.value, dW2.value, 0, dDesc_2.value, dLogits.value, matmulWorkspaceSize_1.value > 0 ? matmulWorkspace_1.value : null, matmulWorkspaceSize_1.value, dDesc_2.value, dLogits.value),
    'layer 2 cublasSgemm',
  );
  if (matmulWorkspaceSize_1.value > 0) { cnrtQueueSync(stream.value); cnrtFree(matmulWorkspace_1.value); }
  cnnlDestroyTensorDescriptor(aDesc_2.value);
  cnnlDestroyTensorDescriptor(bDesc_2.value);
  cnnlDestroyTensorDescriptor(dDesc_2.value);
  cnnlMatMulDescDestroy(matmulDesc_3.value);
  cnnlMatMulAlgoDestroy(algo_3.value);
  cnnlDestroyMatMulHeuristicResult(heuristic_2.value);
  // Row-major logits[BATCH, CLASSES] is the NCHW tensor BATCH × CLASSES × 1 × 1.
  const cDesc_1 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(cDesc_1);
  cnnlSetTensorDescriptor(cDesc_1.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 4, [BATCH, CLASSES, 1, 1]);
  const aDesc_3 = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(aDesc_3);
  cnnlSetTensorDescriptor(aDesc_3.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 4, [1, CLASSES, 1, 1]);
  const addDesc_1 = ref<cnnlOpTensorDescriptor_t>();
  cnnlCreateOpTensorDescriptor(addDesc_1);
  cnnlSetOpTensorDescriptor(addDesc_1.value, CNNL_OP_TENSOR_ADD, CNNL_DTYPE_FLOAT, CNNL_PROPAGATE_NAN);
  const queue = ref<cnrtQueue_t>(null);
  cnnlGetQueue(cudnn.value, queue);
  const addWorkspaceSize_1 = ref(0);
  checkCudnn(cnnlGetOpTensorWorkspaceSize(cudnn.value, cDesc_1.value, aDesc_3.value, cDesc_1.value, addWorkspaceSize_1), 'cudnnAddTensor b2');
  const addWorkspace_1 = ref<DevicePtr>();
  if (addWorkspaceSize_1.value > 0) cnrtMalloc(addWorkspace_1, addWorkspaceSize_1.value);
  checkCudnn(cnnlOpTensor(cudnn.value, addDesc_1.value, 1, cDesc_1.value, dLogits.value, 1, aDesc_3.value, dB2.value, addWorkspaceSize_1.value > 0 ? addWorkspace_1.value : null, addWorkspaceSize_1.value, 0, cDesc_1.value, dLogits.value), 'cudnnAddTensor b2');
  if (addWorkspaceSize_1.value > 0) { cnrtQueueSync(queue.value); cnrtFree(addWorkspace_1.value); }
  cnnlDestroyTensorDescriptor(cDesc_1.value);
  cnnlDestroyTensorDescriptor(aDesc_3.value);
  cnnlDestroyOpTensorDescriptor(addDesc_1.value);
  const xDesc = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(xDesc);
  cnnlSetTensorDescriptor(xDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 3, [BATCH, CLASSES, 1]);
  const yDesc = ref<cnnlTensorDescriptor_t>();
  cnnlCreateTensorDescriptor(yDesc);
  cnnlSetTensorDescriptor(yDesc.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 3, [BATCH, CLASSES, 1]);
  checkCudnn(
    cnnlSoftmaxForward(cudnn.value, CNNL_SOFTMAX_ACCURATE, CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION, 1, xDesc.value, dLogits.value, 0, yDesc.value, dProbs.value),
    'cudnnSoftmaxForward',
  );
  cnnlDestroyTensorDescriptor(xDesc.value);
  cnnlDestroyTensorDescriptor(yDesc.value);

  checkCuda(cnrtQueueSync(stream.value), 'cudaStreamSynchronize');
  const logits = new Float32Array(BATCH * CLASSES);
  const probs = new Float32Array(BATCH * CLASSES);
  checkCuda(cnrtMemcpy(logits, dLogits.value, logits.byteLength, cnrtMemcpyDevToHost), 'copy logits');
  checkCuda(cnrtMemcpy(probs, dProbs.value, probs.byteLength, cnrtMemcpyDevToHost), 'copy probs');

  checkCudnn(cnnlDestroy(cudnn.value), 'cudnnDestroy');
  checkCublas(cnnlDestroy(cublasLt.value), 'cublasLtDestroy');
  checkCublas(cnnlDestroy(cublas.value), 'cublasDestroy');
  checkCuda(cnrtQueueDestroy(stream.value), 'cudaStreamDestroy');
  for (const p of [dX, dW1, dB1, dW2, dB2, dH, dLogits, dProbs, dWorkspace]) checkCuda(cnrtFree(p.value), 'cudaFree');
  return {
    logits: { dtype: 'float32', data: logits, shape: [BATCH, CLASSES] },
    probs: { dtype: 'float32', data: probs, shape: [BATCH, CLASSES] },
  } as const;
}
