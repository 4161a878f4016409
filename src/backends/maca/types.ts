/** MACA's handle, stream and descriptor types: the CUDA facade's objects under MACA names. */
import type { ConvolutionFwdAlgoPerf, MatmulHeuristicResult } from '../cuda-compatible/result-structs.js';
import type { mcblasStatus_t, mcdnnConvolutionFwdAlgo_t, mcdnnDeterminism_t, mcdnnMathType_t, mcdnnStatus_t } from './constants.generated.js';

export type {
  cudaStream_t as mcStream_t,
  cudaEvent_t as mcEvent_t,
  cublasHandle_t as mcblasHandle_t,
  cublasLtHandle_t as mcblasLtHandle_t,
  cublasLtMatmulDesc_t as mcblasLtMatmulDesc_t,
  cublasLtMatrixLayout_t as mcblasLtMatrixLayout_t,
  cublasLtMatmulPreference_t as mcblasLtMatmulPreference_t,
  cublasLtMatmulAlgo_t as mcblasLtMatmulAlgo_t,
  cudnnHandle_t as mcdnnHandle_t,
  cudnnTensorDescriptor_t as mcdnnTensorDescriptor_t,
  cudnnFilterDescriptor_t as mcdnnFilterDescriptor_t,
  cudnnConvolutionDescriptor_t as mcdnnConvolutionDescriptor_t,
  cudnnActivationDescriptor_t as mcdnnActivationDescriptor_t,
  cudnnPoolingDescriptor_t as mcdnnPoolingDescriptor_t,
  cudnnOpTensorDescriptor_t as mcdnnOpTensorDescriptor_t,
  cudnnReduceTensorDescriptor_t as mcdnnReduceTensorDescriptor_t,
  cudnnDropoutDescriptor_t as mcdnnDropoutDescriptor_t,
  curandGenerator_t as mcrandGenerator_t,
  ncclComm_t as mcclComm_t,
} from '../cuda/index.js';

export type mcdnnConvolutionFwdAlgoPerf_t = ConvolutionFwdAlgoPerf<mcdnnConvolutionFwdAlgo_t, mcdnnStatus_t, mcdnnMathType_t, mcdnnDeterminism_t>;
export type mcblasLtMatmulHeuristicResult_t = MatmulHeuristicResult<mcblasStatus_t>;
