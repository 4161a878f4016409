/**
 * Inference of one ResNet basic block followed by a max pool, in cuDNN's legacy API, NCHW fp32:
 *
 *   t = ReLU(BN1(conv1(x)))          conv 3×3, pad 1, stride 1 (C → C), batch norm, ReLU
 *   t = BN2(conv2(t))                conv 3×3, pad 1, stride 1 (C → C), batch norm
 *   t = ReLU(t + x)                  identity shortcut (cudnnAddTensor), ReLU
 *   y = maxpool 2×2, stride 2 (t)    halves H and W
 *
 * The convolutions keep C and the spatial size, so the shortcut needs no projection. Each
 * convolution asks cuDNN's heuristics for an algorithm (cudnnGetConvolutionForwardAlgorithm_v7)
 * and allocates the workspace it needs. The convolution descriptor keeps cuDNN's default math
 * type, which lets fp32 convolutions use TF32 tensor cores on Ampere and newer GPUs.
 */
import {
  CUDNN_ACTIVATION_RELU,
  CUDNN_BATCHNORM_SPATIAL,
  CUDNN_CONVOLUTION_FWD_ALGO_COUNT,
  CUDNN_CROSS_CORRELATION,
  CUDNN_DATA_FLOAT,
  CUDNN_POOLING_MAX,
  CUDNN_PROPAGATE_NAN,
  CUDNN_STATUS_SUCCESS,
  CUDNN_TENSOR_NCHW,
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
  cudnnActivationForward,
  cudnnAddTensor,
  cudnnBatchNormalizationForwardInference,
  cudnnConvolutionForward,
  cudnnCreate,
  cudnnCreateActivationDescriptor,
  cudnnCreateConvolutionDescriptor,
  cudnnCreateFilterDescriptor,
  cudnnCreatePoolingDescriptor,
  cudnnCreateTensorDescriptor,
  cudnnDestroy,
  cudnnDestroyActivationDescriptor,
  cudnnDestroyConvolutionDescriptor,
  cudnnDestroyFilterDescriptor,
  cudnnDestroyPoolingDescriptor,
  cudnnDestroyTensorDescriptor,
  cudnnGetConvolution2dForwardOutputDim,
  cudnnGetConvolutionForwardAlgorithm_v7,
  cudnnGetConvolutionForwardWorkspaceSize,
  cudnnGetErrorString,
  cudnnGetPooling2dForwardOutputDim,
  cudnnPoolingForward,
  cudnnSetActivationDescriptor,
  cudnnSetConvolution2dDescriptor,
  cudnnSetFilter4dDescriptor,
  cudnnSetPooling2dDescriptor,
  cudnnSetStream,
  cudnnSetTensor4dDescriptor,
  randomFloat32,
  ref,
  type DevicePtr,
  type cudaError_t,
  type cudaStream_t,
  type cudnnActivationDescriptor_t,
  type cudnnConvolutionDescriptor_t,
  type cudnnConvolutionFwdAlgoPerf_t,
  type cudnnFilterDescriptor_t,
  type cudnnHandle_t,
  type cudnnPoolingDescriptor_t,
  type cudnnStatus_t,
  type cudnnTensorDescriptor_t,
} from 'opbridge/cuda';

const N = 2;
const C = 16;
const H = 16;
const W = 16;
const BN_EPSILON = 1e-5;

function checkCuda(status: cudaError_t, what: string): void {
  if (status !== cudaSuccess) throw new Error(`${what}: ${cudaGetErrorString(status)}`);
}

function checkCudnn(status: cudnnStatus_t, what: string): void {
  if (status !== CUDNN_STATUS_SUCCESS) throw new Error(`${what}: ${cudnnGetErrorString(status)}`);
}

function upload(host: Float32Array, what: string): DevicePtr {
  const p = ref<DevicePtr>();
  checkCuda(cudaMalloc(p, host.byteLength), `cudaMalloc ${what}`);
  checkCuda(cudaMemcpy(p.value, host, host.byteLength, cudaMemcpyHostToDevice), `copy ${what}`);
  return p.value;
}

/** Batch-norm parameters of one layer, as running statistics of a trained network look. */
function batchNormParameters(seed: number) {
  return {
    scale: randomFloat32(C, seed, 0.5, 1.5),
    bias: randomFloat32(C, seed + 1, -0.1, 0.1),
    mean: randomFloat32(C, seed + 2, -0.2, 0.2),
    variance: randomFloat32(C, seed + 3, 0.5, 1.5),
  };
}

export function main() {
  checkCuda(cudaSetDevice(0), 'cudaSetDevice');
  const stream = ref<cudaStream_t>();
  checkCuda(cudaStreamCreate(stream), 'cudaStreamCreate');
  const cudnn = ref<cudnnHandle_t>();
  checkCudnn(cudnnCreate(cudnn), 'cudnnCreate');
  checkCudnn(cudnnSetStream(cudnn.value, stream.value), 'cudnnSetStream');

  // Host data: activations, He-uniform 3×3 filters (bound √(6 / fan_in)), batch-norm statistics.
  const fanIn = C * 3 * 3;
  const x = randomFloat32(N * C * H * W, 11);
  const w1 = randomFloat32(C * C * 3 * 3, 12, -Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn));
  const w2 = randomFloat32(C * C * 3 * 3, 13, -Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn));
  const bn1 = batchNormParameters(20);
  const bn2 = batchNormParameters(30);
  const dX = upload(x, 'x');
  const dW1 = upload(w1, 'w1');
  const dW2 = upload(w2, 'w2');
  const dBn1 = [bn1.scale, bn1.bias, bn1.mean, bn1.variance].map((p, i) => upload(p, `bn1 parameter ${i}`));
  const dBn2 = [bn2.scale, bn2.bias, bn2.mean, bn2.variance].map((p, i) => upload(p, `bn2 parameter ${i}`));

  // ---- descriptors
  const xDesc = ref<cudnnTensorDescriptor_t>();
  checkCudnn(cudnnCreateTensorDescriptor(xDesc), 'cudnnCreateTensorDescriptor x');
  checkCudnn(cudnnSetTensor4dDescriptor(xDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, N, C, H, W), 'describe x');
  const wDesc = ref<cudnnFilterDescriptor_t>();
  checkCudnn(cudnnCreateFilterDescriptor(wDesc), 'cudnnCreateFilterDescriptor');
  checkCudnn(cudnnSetFilter4dDescriptor(wDesc.value, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, C, C, 3, 3), 'describe filters');
  const convDesc = ref<cudnnConvolutionDescriptor_t>();
  checkCudnn(cudnnCreateConvolutionDescriptor(convDesc), 'cudnnCreateConvolutionDescriptor');
  checkCudnn(cudnnSetConvolution2dDescriptor(convDesc.value, 1, 1, 1, 1, 1, 1, CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT), 'describe convolution');

  const [outN, outC, outH, outW] = [ref<number>(), ref<number>(), ref<number>(), ref<number>()];
  checkCudnn(cudnnGetConvolution2dForwardOutputDim(convDesc.value, xDesc.value, wDesc.value, outN, outC, outH, outW), 'convolution output size');
  if (outC.value !== C || outH.value !== H || outW.value !== W) {
    throw new Error(`the convolution changes the shape to ${outN.value}×${outC.value}×${outH.value}×${outW.value}: the identity shortcut needs ${N}×${C}×${H}×${W}`);
  }
  const yDesc = ref<cudnnTensorDescriptor_t>();
  checkCudnn(cudnnCreateTensorDescriptor(yDesc), 'cudnnCreateTensorDescriptor y');
  checkCudnn(cudnnSetTensor4dDescriptor(yDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, outN.value, outC.value, outH.value, outW.value), 'describe y');
  const bnDesc = ref<cudnnTensorDescriptor_t>();
  checkCudnn(cudnnCreateTensorDescriptor(bnDesc), 'cudnnCreateTensorDescriptor bn');
  checkCudnn(cudnnSetTensor4dDescriptor(bnDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 1, C, 1, 1), 'describe bn parameters');
  const reluDesc = ref<cudnnActivationDescriptor_t>();
  checkCudnn(cudnnCreateActivationDescriptor(reluDesc), 'cudnnCreateActivationDescriptor');
  checkCudnn(cudnnSetActivationDescriptor(reluDesc.value, CUDNN_ACTIVATION_RELU, CUDNN_PROPAGATE_NAN, 0), 'describe ReLU');
  const poolDesc = ref<cudnnPoolingDescriptor_t>();
  checkCudnn(cudnnCreatePoolingDescriptor(poolDesc), 'cudnnCreatePoolingDescriptor');
  checkCudnn(cudnnSetPooling2dDescriptor(poolDesc.value, CUDNN_POOLING_MAX, CUDNN_PROPAGATE_NAN, 2, 2, 0, 0, 2, 2), 'describe max pool');
  const [poolN, poolC, poolH, poolW] = [ref<number>(), ref<number>(), ref<number>(), ref<number>()];
  checkCudnn(cudnnGetPooling2dForwardOutputDim(poolDesc.value, yDesc.value, poolN, poolC, poolH, poolW), 'pooling output size');
  const pooledDesc = ref<cudnnTensorDescriptor_t>();
  checkCudnn(cudnnCreateTensorDescriptor(pooledDesc), 'cudnnCreateTensorDescriptor pooled');
  checkCudnn(cudnnSetTensor4dDescriptor(pooledDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, poolN.value, poolC.value, poolH.value, poolW.value), 'describe pooled');

  // ---- algorithm and workspace: the best algorithm the heuristics rank as supported
  const perf: cudnnConvolutionFwdAlgoPerf_t[] = [];
  const algoCount = ref<number>();
  checkCudnn(
    cudnnGetConvolutionForwardAlgorithm_v7(cudnn.value, xDesc.value, wDesc.value, convDesc.value, yDesc.value, CUDNN_CONVOLUTION_FWD_ALGO_COUNT, algoCount, perf),
    'cudnnGetConvolutionForwardAlgorithm_v7',
  );
  const choice = perf.slice(0, algoCount.value).find((p) => p.status === CUDNN_STATUS_SUCCESS);
  if (!choice) throw new Error('cuDNN offers no forward convolution algorithm for this problem');
  const workspaceBytes = ref<number>();
  checkCudnn(
    cudnnGetConvolutionForwardWorkspaceSize(cudnn.value, xDesc.value, wDesc.value, convDesc.value, yDesc.value, choice.algo, workspaceBytes),
    'cudnnGetConvolutionForwardWorkspaceSize',
  );
  // NULL unless the algorithm needs a workspace.
  let workspace: DevicePtr | null = null;
  if (workspaceBytes.value > 0) {
    const allocation = ref<DevicePtr>();
    checkCuda(cudaMalloc(allocation, workspaceBytes.value), 'cudaMalloc workspace');
    workspace = allocation.value;
  }

  const activationBytes = outN.value * outC.value * outH.value * outW.value * 4;
  const dConv = ref<DevicePtr>();
  const dT = ref<DevicePtr>();
  const dY = ref<DevicePtr>();
  checkCuda(cudaMalloc(dConv, activationBytes), 'cudaMalloc conv output');
  checkCuda(cudaMalloc(dT, activationBytes), 'cudaMalloc block activations');
  const pooledCount = poolN.value * poolC.value * poolH.value * poolW.value;
  checkCuda(cudaMalloc(dY, pooledCount * 4), 'cudaMalloc y');

  // ---- the block
  checkCudnn(
    cudnnConvolutionForward(cudnn.value, 1, xDesc.value, dX, wDesc.value, dW1, convDesc.value, choice.algo, workspace, workspaceBytes.value, 0, yDesc.value, dConv.value),
    'conv1',
  );
  checkCudnn(
    cudnnBatchNormalizationForwardInference(cudnn.value, CUDNN_BATCHNORM_SPATIAL, 1, 0, yDesc.value, dConv.value, yDesc.value, dT.value, bnDesc.value, dBn1[0], dBn1[1], dBn1[2], dBn1[3], BN_EPSILON),
    'bn1',
  );
  checkCudnn(cudnnActivationForward(cudnn.value, reluDesc.value, 1, yDesc.value, dT.value, 0, yDesc.value, dT.value), 'relu1');
  checkCudnn(
    cudnnConvolutionForward(cudnn.value, 1, yDesc.value, dT.value, wDesc.value, dW2, convDesc.value, choice.algo, workspace, workspaceBytes.value, 0, yDesc.value, dConv.value),
    'conv2',
  );
  checkCudnn(
    cudnnBatchNormalizationForwardInference(cudnn.value, CUDNN_BATCHNORM_SPATIAL, 1, 0, yDesc.value, dConv.value, yDesc.value, dT.value, bnDesc.value, dBn2[0], dBn2[1], dBn2[2], dBn2[3], BN_EPSILON),
    'bn2',
  );
  // Identity shortcut: t = 1·x + 1·t.
  checkCudnn(cudnnAddTensor(cudnn.value, 1, xDesc.value, dX, 1, yDesc.value, dT.value), 'shortcut add');
  checkCudnn(cudnnActivationForward(cudnn.value, reluDesc.value, 1, yDesc.value, dT.value, 0, yDesc.value, dT.value), 'relu2');
  checkCudnn(cudnnPoolingForward(cudnn.value, poolDesc.value, 1, yDesc.value, dT.value, 0, pooledDesc.value, dY.value), 'max pool');

  checkCuda(cudaStreamSynchronize(stream.value), 'cudaStreamSynchronize');
  const y = new Float32Array(pooledCount);
  checkCuda(cudaMemcpy(y, dY.value, y.byteLength, cudaMemcpyDeviceToHost), 'copy y');

  checkCudnn(cudnnDestroyTensorDescriptor(xDesc.value), 'destroy x descriptor');
  checkCudnn(cudnnDestroyTensorDescriptor(yDesc.value), 'destroy y descriptor');
  checkCudnn(cudnnDestroyTensorDescriptor(bnDesc.value), 'destroy bn descriptor');
  checkCudnn(cudnnDestroyTensorDescriptor(pooledDesc.value), 'destroy pooled descriptor');
  checkCudnn(cudnnDestroyFilterDescriptor(wDesc.value), 'cudnnDestroyFilterDescriptor');
  checkCudnn(cudnnDestroyConvolutionDescriptor(convDesc.value), 'cudnnDestroyConvolutionDescriptor');
  checkCudnn(cudnnDestroyActivationDescriptor(reluDesc.value), 'cudnnDestroyActivationDescriptor');
  checkCudnn(cudnnDestroyPoolingDescriptor(poolDesc.value), 'cudnnDestroyPoolingDescriptor');
  checkCudnn(cudnnDestroy(cudnn.value), 'cudnnDestroy');
  checkCuda(cudaStreamDestroy(stream.value), 'cudaStreamDestroy');
  if (workspace) checkCuda(cudaFree(workspace), 'cudaFree workspace');
  for (const p of [dX, dW1, dW2, ...dBn1, ...dBn2, dConv.value, dT.value, dY.value]) checkCuda(cudaFree(p), 'cudaFree');
  return { y: { dtype: 'float32', data: y, shape: [poolN.value, poolC.value, poolH.value, poolW.value] } } as const;
}
