/** T-Head keeps CUDA's type names (unconfirmed): the CUDA facade's objects. */
import type { ConvolutionFwdAlgoPerf, MatmulHeuristicResult } from '../cuda-compatible/result-structs.js';
import type { cublasStatus_t, cudnnConvolutionFwdAlgo_t, cudnnDeterminism_t, cudnnMathType_t, cudnnStatus_t } from './constants.generated.js';

export type {
  cudaStream_t,
  cudaEvent_t,
  cublasHandle_t,
  cublasLtHandle_t,
  cublasLtMatmulDesc_t,
  cublasLtMatrixLayout_t,
  cublasLtMatmulPreference_t,
  cublasLtMatmulAlgo_t,
  cudnnHandle_t,
  cudnnTensorDescriptor_t,
  cudnnFilterDescriptor_t,
  cudnnConvolutionDescriptor_t,
  cudnnActivationDescriptor_t,
  cudnnPoolingDescriptor_t,
  cudnnOpTensorDescriptor_t,
  cudnnReduceTensorDescriptor_t,
  cudnnDropoutDescriptor_t,
  curandGenerator_t,
} from '../cuda/index.js';

export type cudnnConvolutionFwdAlgoPerf_t = ConvolutionFwdAlgoPerf<cudnnConvolutionFwdAlgo_t, cudnnStatus_t, cudnnMathType_t, cudnnDeterminism_t>;
export type cublasLtMatmulHeuristicResult_t = MatmulHeuristicResult<cublasStatus_t>;
