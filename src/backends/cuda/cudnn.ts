/**
 * The legacy cuDNN API of the facade (cudnn_graph.h / cudnn_ops.h / cudnn_cnn.h, cuDNN 9.24
 * status codes): handles, descriptors and the forward operations model code calls.
 */
export { cudnnCreate, cudnnDestroy, cudnnSetStream, cudnnGetStream, cudnnGetErrorString, type cudnnHandle_t } from './cudnn-handle.js';
export {
  cudnnCreateTensorDescriptor,
  cudnnSetTensor4dDescriptor,
  cudnnSetTensorNdDescriptor,
  cudnnDestroyTensorDescriptor,
  CUDNN_DIM_MAX,
  type cudnnTensorDescriptor_t,
} from './cudnn-tensor-descriptors.js';
export {
  cudnnCreateFilterDescriptor,
  cudnnSetFilter4dDescriptor,
  cudnnDestroyFilterDescriptor,
  type cudnnFilterDescriptor_t,
} from './cudnn-filter-descriptors.js';
export {
  cudnnCreateConvolutionDescriptor,
  cudnnSetConvolution2dDescriptor,
  cudnnSetConvolutionGroupCount,
  cudnnSetConvolutionMathType,
  cudnnDestroyConvolutionDescriptor,
  cudnnGetConvolution2dForwardOutputDim,
  type cudnnConvolutionDescriptor_t,
} from './cudnn-convolution-descriptors.js';
export {
  cudnnGetConvolutionForwardAlgorithm_v7,
  cudnnGetConvolutionForwardWorkspaceSize,
  cudnnConvolutionForward,
  type cudnnConvolutionFwdAlgoPerf_t,
} from './cudnn-convolution-forward.js';
export { cudnnAddTensor, cudnnTransformTensor } from './cudnn-tensor-transforms.js';
export {
  cudnnCreateActivationDescriptor,
  cudnnSetActivationDescriptor,
  cudnnDestroyActivationDescriptor,
  cudnnActivationForward,
  type cudnnActivationDescriptor_t,
} from './cudnn-activation.js';
export { cudnnSoftmaxForward } from './cudnn-softmax.js';
export {
  cudnnCreatePoolingDescriptor,
  cudnnSetPooling2dDescriptor,
  cudnnDestroyPoolingDescriptor,
  cudnnGetPooling2dForwardOutputDim,
  cudnnPoolingForward,
  type cudnnPoolingDescriptor_t,
} from './cudnn-pooling.js';
export { cudnnBatchNormalizationForwardInference, CUDNN_BN_MIN_EPSILON } from './cudnn-batchnorm.js';
export {
  cudnnCreateOpTensorDescriptor,
  cudnnSetOpTensorDescriptor,
  cudnnDestroyOpTensorDescriptor,
  cudnnOpTensor,
  type cudnnOpTensorDescriptor_t,
} from './cudnn-op-tensor.js';
export {
  cudnnCreateReduceTensorDescriptor,
  cudnnSetReduceTensorDescriptor,
  cudnnDestroyReduceTensorDescriptor,
  cudnnGetReductionWorkspaceSize,
  cudnnReduceTensor,
  type cudnnReduceTensorDescriptor_t,
} from './cudnn-reduce-tensor.js';
export {
  cudnnCreateDropoutDescriptor,
  cudnnDestroyDropoutDescriptor,
  cudnnDropoutGetStatesSize,
  cudnnDropoutGetReserveSpaceSize,
  cudnnSetDropoutDescriptor,
  cudnnDropoutForward,
  type cudnnDropoutDescriptor_t,
} from './cudnn-dropout.js';
