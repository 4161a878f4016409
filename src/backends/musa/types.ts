/** MUSA's handle, stream and descriptor types: the CUDA facade's objects under MUSA names. */
import type { ConvolutionFwdAlgoPerf, MatmulHeuristicResult } from '../cuda-compatible/result-structs.js';
import type { mublasStatus_t, mudnnConvolutionFwdAlgo_t, mudnnMathType_t, mudnnStatus_t } from './constants.generated.js';

export type {
  cudaStream_t as musaStream_t,
  cudaEvent_t as musaEvent_t,
  cublasHandle_t as mublasHandle_t,
  cublasLtHandle_t as mublasLtHandle_t,
  cublasLtMatmulDesc_t as mublasLtMatmulDesc_t,
  cublasLtMatrixLayout_t as mublasLtMatrixLayout_t,
  cublasLtMatmulPreference_t as mublasLtMatmulPreference_t,
  cublasLtMatmulAlgo_t as mublasLtMatmulAlgo_t,
  cudnnHandle_t as mudnnHandle_t,
  cudnnTensorDescriptor_t as mudnnTensorDescriptor_t,
  cudnnFilterDescriptor_t as mudnnFilterDescriptor_t,
  cudnnConvolutionDescriptor_t as mudnnConvolutionDescriptor_t,
  cudnnActivationDescriptor_t as mudnnActivationDescriptor_t,
  cudnnPoolingDescriptor_t as mudnnPoolingDescriptor_t,
  cudnnDropoutDescriptor_t as mudnnDropoutDescriptor_t,
  curandGenerator_t as murandGenerator_t,
  ncclComm_t as mcclComm_t,
} from '../cuda/index.js';

export type mudnnConvolutionFwdAlgoPerf_t = ConvolutionFwdAlgoPerf<mudnnConvolutionFwdAlgo_t, mudnnStatus_t, mudnnMathType_t>;
export type mublasLtMatmulHeuristicResult_t = MatmulHeuristicResult<mublasStatus_t>;
