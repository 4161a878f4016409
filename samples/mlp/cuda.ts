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
  CUBLASLT_EPILOGUE_RELU_BIAS,
  CUBLASLT_MATMUL_DESC_BIAS_POINTER,
  CUBLASLT_MATMUL_DESC_EPILOGUE,
  CUBLASLT_MATMUL_DESC_TRANSA,
  CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES,
  CUBLAS_COMPUTE_32F,
  CUBLAS_OP_N,
  CUBLAS_OP_T,
  CUBLAS_STATUS_SUCCESS,
  CUDA_R_32F,
  CUDNN_DATA_FLOAT,
  CUDNN_SOFTMAX_ACCURATE,
  CUDNN_SOFTMAX_MODE_CHANNEL,
  CUDNN_STATUS_SUCCESS,
  CUDNN_TENSOR_NCHW,
  cublasCreate,
  cublasDestroy,
  cublasLtCreate,
  cublasLtDestroy,
  cublasLtMatmul,
  cublasLtMatmulAlgoGetHeuristic,
  cublasLtMatmulDescCreate,
  cublasLtMatmulDescDestroy,
  cublasLtMatmulDescSetAttribute,
  cublasLtMatmulPreferenceCreate,
  cublasLtMatmulPreferenceDestroy,
  cublasLtMatmulPreferenceSetAttribute,
  cublasLtMatrixLayoutCreate,
  cublasLtMatrixLayoutDestroy,
  cublasSetStream,
  cublasSgemm,
  cudaFree,
  cudaGetErrorString,
  cudaMalloc,
  cudaMemcpy,
  cudaMemcpyDeviceToHost,
  cudaMemcpyHostToDevice,
  cudaSetDevice,
  cudaStreamCreate,
  cudaStreamDestroy,
  cudaStreamSynchronize,
  cudaSuccess,
  cudnnAddTensor,
  cudnnCreate,
  cudnnCreateTensorDescriptor,
  cudnnDestroy,
  cudnnDestroyTensorDescriptor,
  cudnnGetErrorString,
  cudnnSetStream,
  cudnnSetTensor4dDescriptor,
  cudnnSoftmaxForward,
  randomFloat32,
  ref,
  type DevicePtr,
  type cublasHandle_t,
  type cublasLtHandle_t,
  type cublasLtMatmulDesc_t,
  type cublasLtMatmulHeuristicResult_t,
  type cublasLtMatmulPreference_t,
  type cublasLtMatrixLayout_t,
  type cublasStatus_t,
  type cudaError_t,
  type cudaStream_t,
  type cudnnHandle_t,
  type cudnnStatus_t,
  type cudnnTensorDescriptor_t,
} from 'opbridge/cuda';

const BATCH = 16;
const INPUTS = 784;
const HIDDEN = 128;
const CLASSES = 10;
const WORKSPACE_BYTES = 4 << 20;

function checkCuda(status: cudaError_t, what: string): void {
  if (status !== cudaSuccess) throw new Error(`${what}: ${cudaGetErrorString(status)}`);
}

function checkCublas(status: cublasStatus_t, what: string): void {
  if (status !== CUBLAS_STATUS_SUCCESS) throw new Error(`${what}: cuBLAS status ${status}`);
}

function checkCudnn(status: cudnnStatus_t, what: string): void {
  if (status !== CUDNN_STATUS_SUCCESS) throw new Error(`${what}: ${cudnnGetErrorString(status)}`);
}

export function main() {
  checkCuda(cudaSetDevice(0), 'cudaSetDevice');

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
  checkCuda(cudaMalloc(dX, x.byteLength), 'cudaMalloc X');
  checkCuda(cudaMalloc(dW1, w1.byteLength), 'cudaMalloc W1');
  checkCuda(cudaMalloc(dB1, b1.byteLength), 'cudaMalloc b1');
  checkCuda(cudaMalloc(dW2, w2.byteLength), 'cudaMalloc W2');
  checkCuda(cudaMalloc(dB2, b2.byteLength), 'cudaMalloc b2');
  checkCuda(cudaMalloc(dH, BATCH * HIDDEN * 4), 'cudaMalloc H');
  checkCuda(cudaMalloc(dLogits, BATCH * CLASSES * 4), 'cudaMalloc logits');
  checkCuda(cudaMalloc(dProbs, BATCH * CLASSES * 4), 'cudaMalloc probs');
  checkCuda(cudaMalloc(dWorkspace, WORKSPACE_BYTES), 'cudaMalloc workspace');
  checkCuda(cudaMemcpy(dX.value, x, x.byteLength, cudaMemcpyHostToDevice), 'copy X');
  checkCuda(cudaMemcpy(dW1.value, w1, w1.byteLength, cudaMemcpyHostToDevice), 'copy W1');
  checkCuda(cudaMemcpy(dB1.value, b1, b1.byteLength, cudaMemcpyHostToDevice), 'copy b1');
  checkCuda(cudaMemcpy(dW2.value, w2, w2.byteLength, cudaMemcpyHostToDevice), 'copy W2');
  checkCuda(cudaMemcpy(dB2.value, b2, b2.byteLength, cudaMemcpyHostToDevice), 'copy b2');

  const stream = ref<cudaStream_t>();
  checkCuda(cudaStreamCreate(stream), 'cudaStreamCreate');
  const cublas = ref<cublasHandle_t>();
  checkCublas(cublasCreate(cublas), 'cublasCreate');
  checkCublas(cublasSetStream(cublas.value, stream.value), 'cublasSetStream');
  const cublasLt = ref<cublasLtHandle_t>();
  checkCublas(cublasLtCreate(cublasLt), 'cublasLtCreate');
  const cudnn = ref<cudnnHandle_t>();
  checkCudnn(cudnnCreate(cudnn), 'cudnnCreate');
  checkCudnn(cudnnSetStream(cudnn.value, stream.value), 'cudnnSetStream');

  // ---- layer 1: Hᵀ[HIDDEN, BATCH] = ReLU(W1·Xᵀ + b1), bias per row of the column-major result.
  const matmulDesc = ref<cublasLtMatmulDesc_t>();
  checkCublas(cublasLtMatmulDescCreate(matmulDesc, CUBLAS_COMPUTE_32F, CUDA_R_32F), 'cublasLtMatmulDescCreate');
  checkCublas(cublasLtMatmulDescSetAttribute(matmulDesc.value, CUBLASLT_MATMUL_DESC_TRANSA, new Int32Array([CUBLAS_OP_T]), 4), 'set TRANSA');
  checkCublas(cublasLtMatmulDescSetAttribute(matmulDesc.value, CUBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([CUBLASLT_EPILOGUE_RELU_BIAS]), 4), 'set EPILOGUE');
  checkCublas(cublasLtMatmulDescSetAttribute(matmulDesc.value, CUBLASLT_MATMUL_DESC_BIAS_POINTER, dB1.value, 8), 'set BIAS_POINTER');
  const layoutW1 = ref<cublasLtMatrixLayout_t>();
  const layoutX = ref<cublasLtMatrixLayout_t>();
  const layoutH = ref<cublasLtMatrixLayout_t>();
  checkCublas(cublasLtMatrixLayoutCreate(layoutW1, CUDA_R_32F, INPUTS, HIDDEN, INPUTS), 'layout W1');
  checkCublas(cublasLtMatrixLayoutCreate(layoutX, CUDA_R_32F, INPUTS, BATCH, INPUTS), 'layout X');
  checkCublas(cublasLtMatrixLayoutCreate(layoutH, CUDA_R_32F, HIDDEN, BATCH, HIDDEN), 'layout H');
  const preference = ref<cublasLtMatmulPreference_t>();
  checkCublas(cublasLtMatmulPreferenceCreate(preference), 'cublasLtMatmulPreferenceCreate');
  checkCublas(
    cublasLtMatmulPreferenceSetAttribute(preference.value, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, new BigUint64Array([BigInt(WORKSPACE_BYTES)]), 8),
    'set MAX_WORKSPACE_BYTES',
  );
  const heuristics: cublasLtMatmulHeuristicResult_t[] = [];
  const algoCount = ref<number>();
  checkCublas(
    cublasLtMatmulAlgoGetHeuristic(cublasLt.value, matmulDesc.value, layoutW1.value, layoutX.value, layoutH.value, layoutH.value, preference.value, 1, heuristics, algoCount),
    'cublasLtMatmulAlgoGetHeuristic',
  );
  if (algoCount.value === 0) throw new Error('cuBLASLt found no algorithm for layer 1');
  checkCublas(
    cublasLtMatmul(
      cublasLt.value, matmulDesc.value, 1,
      dW1.value, layoutW1.value, dX.value, layoutX.value, 0,
      dH.value, layoutH.value, dH.value, layoutH.value,
      heuristics[0].algo, dWorkspace.value, WORKSPACE_BYTES, stream.value,
    ),
    'layer 1 cublasLtMatmul',
  );

  // ---- layer 2: logitsᵀ[CLASSES, BATCH] = W2·Hᵀ, then + b2 broadcast over the batch.
  checkCublas(
    cublasSgemm(cublas.value, CUBLAS_OP_T, CUBLAS_OP_N, CLASSES, BATCH, HIDDEN, 1, dW2.value, HIDDEN, dH.value, HIDDEN, 0, dLogits.value, CLASSES),
    'layer 2 cublasSgemm',
  );
  // Row-major logits[BATCH, CLASSES] is the NCHW tensor BATCH × CLASSES × 1 × 1.
  const logitsDesc = ref<cudnnTensorDescriptor_t>();
  const biasDesc = ref<cudnnTensorDescriptor_t>();
  checkCudnn(cudnnCreateTensorDescriptor(logitsDesc), 'cudnnCreateTensorDescriptor logits');
  checkCudnn(cudnnCreateTensorDescriptor(biasDesc), 'cudnnCreateTensorDescriptor bias');
  checkCudnn(cudnnSetTensor4dDescriptor(logitsDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, BATCH, CLASSES, 1, 1), 'describe logits');
  checkCudnn(cudnnSetTensor4dDescriptor(biasDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 1, CLASSES, 1, 1), 'describe bias');
  checkCudnn(cudnnAddTensor(cudnn.value, 1, biasDesc.value, dB2.value, 1, logitsDesc.value, dLogits.value), 'cudnnAddTensor b2');
  checkCudnn(
    cudnnSoftmaxForward(cudnn.value, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, 1, logitsDesc.value, dLogits.value, 0, logitsDesc.value, dProbs.value),
    'cudnnSoftmaxForward',
  );

  checkCuda(cudaStreamSynchronize(stream.value), 'cudaStreamSynchronize');
  const logits = new Float32Array(BATCH * CLASSES);
  const probs = new Float32Array(BATCH * CLASSES);
  checkCuda(cudaMemcpy(logits, dLogits.value, logits.byteLength, cudaMemcpyDeviceToHost), 'copy logits');
  checkCuda(cudaMemcpy(probs, dProbs.value, probs.byteLength, cudaMemcpyDeviceToHost), 'copy probs');

  checkCudnn(cudnnDestroyTensorDescriptor(logitsDesc.value), 'destroy logits descriptor');
  checkCudnn(cudnnDestroyTensorDescriptor(biasDesc.value), 'destroy bias descriptor');
  checkCublas(cublasLtMatmulPreferenceDestroy(preference.value), 'cublasLtMatmulPreferenceDestroy');
  checkCublas(cublasLtMatrixLayoutDestroy(layoutW1.value), 'destroy layout W1');
  checkCublas(cublasLtMatrixLayoutDestroy(layoutX.value), 'destroy layout X');
  checkCublas(cublasLtMatrixLayoutDestroy(layoutH.value), 'destroy layout H');
  checkCublas(cublasLtMatmulDescDestroy(matmulDesc.value), 'cublasLtMatmulDescDestroy');
  checkCudnn(cudnnDestroy(cudnn.value), 'cudnnDestroy');
  checkCublas(cublasLtDestroy(cublasLt.value), 'cublasLtDestroy');
  checkCublas(cublasDestroy(cublas.value), 'cublasDestroy');
  checkCuda(cudaStreamDestroy(stream.value), 'cudaStreamDestroy');
  for (const p of [dX, dW1, dB1, dW2, dB2, dH, dLogits, dProbs, dWorkspace]) checkCuda(cudaFree(p.value), 'cudaFree');
  return {
    logits: { dtype: 'float32', data: logits, shape: [BATCH, CLASSES] },
    probs: { dtype: 'float32', data: probs, shape: [BATCH, CLASSES] },
  } as const;
}
