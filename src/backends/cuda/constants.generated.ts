// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// Enum constants of the cuda facade.

/** cublasComputeType_t (cublas, confirmed). */
export const CUBLAS_COMPUTE_16F = 64;
export const CUBLAS_COMPUTE_16F_PEDANTIC = 65;
export const CUBLAS_COMPUTE_32F = 68;
export const CUBLAS_COMPUTE_32F_PEDANTIC = 69;
export const CUBLAS_COMPUTE_64F = 70;
export const CUBLAS_COMPUTE_64F_PEDANTIC = 71;
export const CUBLAS_COMPUTE_32I = 72;
export const CUBLAS_COMPUTE_32I_PEDANTIC = 73;
export const CUBLAS_COMPUTE_32F_FAST_16F = 74;
export const CUBLAS_COMPUTE_32F_FAST_16BF = 75;
export const CUBLAS_COMPUTE_32F_FAST_TF32 = 77;
export const CUBLAS_COMPUTE_32F_EMULATED_16BFX9 = 78;
export const CUBLAS_COMPUTE_64F_EMULATED_FIXEDPOINT = 79;
export type cublasComputeType_t = 64 | 65 | 68 | 69 | 70 | 71 | 72 | 73 | 74 | 75 | 77 | 78 | 79;

/** cublasGemmAlgo_t (cublas, confirmed). */
export const CUBLAS_GEMM_DEFAULT = -1;
export const CUBLAS_GEMM_DFALT = -1;
export const CUBLAS_GEMM_ALGO0 = 0;
export const CUBLAS_GEMM_ALGO1 = 1;
export const CUBLAS_GEMM_ALGO2 = 2;
export const CUBLAS_GEMM_ALGO3 = 3;
export const CUBLAS_GEMM_ALGO4 = 4;
export const CUBLAS_GEMM_ALGO5 = 5;
export const CUBLAS_GEMM_ALGO6 = 6;
export const CUBLAS_GEMM_ALGO7 = 7;
export const CUBLAS_GEMM_ALGO8 = 8;
export const CUBLAS_GEMM_ALGO9 = 9;
export const CUBLAS_GEMM_ALGO10 = 10;
export const CUBLAS_GEMM_ALGO11 = 11;
export const CUBLAS_GEMM_ALGO12 = 12;
export const CUBLAS_GEMM_ALGO13 = 13;
export const CUBLAS_GEMM_ALGO14 = 14;
export const CUBLAS_GEMM_ALGO15 = 15;
export const CUBLAS_GEMM_ALGO16 = 16;
export const CUBLAS_GEMM_ALGO17 = 17;
export const CUBLAS_GEMM_ALGO18 = 18;
export const CUBLAS_GEMM_ALGO19 = 19;
export const CUBLAS_GEMM_ALGO20 = 20;
export const CUBLAS_GEMM_ALGO21 = 21;
export const CUBLAS_GEMM_ALGO22 = 22;
export const CUBLAS_GEMM_ALGO23 = 23;
export const CUBLAS_GEMM_DEFAULT_TENSOR_OP = 99;
export const CUBLAS_GEMM_DFALT_TENSOR_OP = 99;
export const CUBLAS_GEMM_ALGO0_TENSOR_OP = 100;
export const CUBLAS_GEMM_ALGO1_TENSOR_OP = 101;
export const CUBLAS_GEMM_ALGO2_TENSOR_OP = 102;
export const CUBLAS_GEMM_ALGO3_TENSOR_OP = 103;
export const CUBLAS_GEMM_ALGO4_TENSOR_OP = 104;
export const CUBLAS_GEMM_ALGO5_TENSOR_OP = 105;
export const CUBLAS_GEMM_ALGO6_TENSOR_OP = 106;
export const CUBLAS_GEMM_ALGO7_TENSOR_OP = 107;
export const CUBLAS_GEMM_ALGO8_TENSOR_OP = 108;
export const CUBLAS_GEMM_ALGO9_TENSOR_OP = 109;
export const CUBLAS_GEMM_ALGO10_TENSOR_OP = 110;
export const CUBLAS_GEMM_ALGO11_TENSOR_OP = 111;
export const CUBLAS_GEMM_ALGO12_TENSOR_OP = 112;
export const CUBLAS_GEMM_ALGO13_TENSOR_OP = 113;
export const CUBLAS_GEMM_ALGO14_TENSOR_OP = 114;
export const CUBLAS_GEMM_ALGO15_TENSOR_OP = 115;
export const CUBLAS_GEMM_AUTOTUNE = 999;
export type cublasGemmAlgo_t = -1 | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 99 | 100 | 101 | 102 | 103 | 104 | 105 | 106 | 107 | 108 | 109 | 110 | 111 | 112 | 113 | 114 | 115 | 999;

/** cublasMath_t (cublas, confirmed). */
export const CUBLAS_DEFAULT_MATH = 0;
export const CUBLAS_TENSOR_OP_MATH = 1;
export const CUBLAS_PEDANTIC_MATH = 2;
export const CUBLAS_TF32_TENSOR_OP_MATH = 3;
export const CUBLAS_FP32_EMULATED_BF16X9_MATH = 4;
export const CUBLAS_FP64_EMULATED_FIXEDPOINT_MATH = 8;
export const CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION = 16;
export type cublasMath_t = 0 | 1 | 2 | 3 | 4 | 8 | 16;

/** cublasOperation_t (cublas, confirmed). */
export const CUBLAS_OP_N = 0;
export const CUBLAS_OP_T = 1;
export const CUBLAS_OP_C = 2;
export const CUBLAS_OP_HERMITAN = 2;
export const CUBLAS_OP_CONJG = 3;
export type cublasOperation_t = 0 | 1 | 2 | 3;

/** cublasStatus_t (cublas, confirmed). */
export const CUBLAS_STATUS_SUCCESS = 0;
export const CUBLAS_STATUS_NOT_INITIALIZED = 1;
export const CUBLAS_STATUS_ALLOC_FAILED = 3;
export const CUBLAS_STATUS_INVALID_VALUE = 7;
export const CUBLAS_STATUS_ARCH_MISMATCH = 8;
export const CUBLAS_STATUS_MAPPING_ERROR = 11;
export const CUBLAS_STATUS_EXECUTION_FAILED = 13;
export const CUBLAS_STATUS_INTERNAL_ERROR = 14;
export const CUBLAS_STATUS_NOT_SUPPORTED = 15;
export const CUBLAS_STATUS_LICENSE_ERROR = 16;
export type cublasStatus_t = 0 | 1 | 3 | 7 | 8 | 11 | 13 | 14 | 15 | 16;

/** cudaDataType_t (cublas, confirmed). */
export const CUDA_R_32F = 0;
export const CUDA_R_64F = 1;
export const CUDA_R_16F = 2;
export const CUDA_R_8I = 3;
export const CUDA_C_32F = 4;
export const CUDA_C_64F = 5;
export const CUDA_C_16F = 6;
export const CUDA_C_8I = 7;
export const CUDA_R_8U = 8;
export const CUDA_C_8U = 9;
export const CUDA_R_32I = 10;
export const CUDA_C_32I = 11;
export const CUDA_R_32U = 12;
export const CUDA_C_32U = 13;
export const CUDA_R_16BF = 14;
export const CUDA_C_16BF = 15;
export const CUDA_R_4I = 16;
export const CUDA_C_4I = 17;
export const CUDA_R_4U = 18;
export const CUDA_C_4U = 19;
export const CUDA_R_16I = 20;
export const CUDA_C_16I = 21;
export const CUDA_R_16U = 22;
export const CUDA_C_16U = 23;
export const CUDA_R_64I = 24;
export const CUDA_C_64I = 25;
export const CUDA_R_64U = 26;
export const CUDA_C_64U = 27;
export const CUDA_R_8F_E4M3 = 28;
export const CUDA_R_8F_UE4M3 = 28;
export const CUDA_R_8F_E5M2 = 29;
export const CUDA_R_8F_UE8M0 = 30;
export const CUDA_R_6F_E2M3 = 31;
export const CUDA_R_6F_E3M2 = 32;
export const CUDA_R_4F_E2M1 = 33;
export type cudaDataType_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | 33;

/** cublasLtEpilogue_t (cublaslt, confirmed). */
export const CUBLASLT_EPILOGUE_DEFAULT = 1;
export const CUBLASLT_EPILOGUE_RELU = 2;
export const CUBLASLT_EPILOGUE_BIAS = 4;
export const CUBLASLT_EPILOGUE_RELU_BIAS = 6;
export const CUBLASLT_EPILOGUE_GELU = 32;
export const CUBLASLT_EPILOGUE_GELU_BIAS = 36;
export const CUBLASLT_EPILOGUE_RELU_AUX = 130;
export const CUBLASLT_EPILOGUE_RELU_AUX_BIAS = 134;
export const CUBLASLT_EPILOGUE_DRELU = 136;
export const CUBLASLT_EPILOGUE_DRELU_BGRAD = 152;
export const CUBLASLT_EPILOGUE_GELU_AUX = 160;
export const CUBLASLT_EPILOGUE_GELU_AUX_BIAS = 164;
export const CUBLASLT_EPILOGUE_DGELU = 192;
export const CUBLASLT_EPILOGUE_DGELU_BGRAD = 208;
export const CUBLASLT_EPILOGUE_BGRADA = 256;
export const CUBLASLT_EPILOGUE_BGRADB = 512;
export type cublasLtEpilogue_t = 1 | 2 | 4 | 6 | 32 | 36 | 130 | 134 | 136 | 152 | 160 | 164 | 192 | 208 | 256 | 512;

/** cublasLtMatmulDescAttributes_t (cublaslt, confirmed). */
export const CUBLASLT_MATMUL_DESC_COMPUTE_TYPE = 0;
export const CUBLASLT_MATMUL_DESC_SCALE_TYPE = 1;
export const CUBLASLT_MATMUL_DESC_POINTER_MODE = 2;
export const CUBLASLT_MATMUL_DESC_TRANSA = 3;
export const CUBLASLT_MATMUL_DESC_TRANSB = 4;
export const CUBLASLT_MATMUL_DESC_TRANSC = 5;
export const CUBLASLT_MATMUL_DESC_FILL_MODE = 6;
export const CUBLASLT_MATMUL_DESC_EPILOGUE = 7;
export const CUBLASLT_MATMUL_DESC_BIAS_POINTER = 8;
export const CUBLASLT_MATMUL_DESC_BIAS_BATCH_STRIDE = 10;
export const CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_POINTER = 11;
export const CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_LD = 12;
export const CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_BATCH_STRIDE = 13;
export const CUBLASLT_MATMUL_DESC_ALPHA_VECTOR_BATCH_STRIDE = 14;
export const CUBLASLT_MATMUL_DESC_SM_COUNT_TARGET = 15;
export const CUBLASLT_MATMUL_DESC_A_SCALE_POINTER = 17;
export const CUBLASLT_MATMUL_DESC_B_SCALE_POINTER = 18;
export const CUBLASLT_MATMUL_DESC_C_SCALE_POINTER = 19;
export const CUBLASLT_MATMUL_DESC_D_SCALE_POINTER = 20;
export const CUBLASLT_MATMUL_DESC_AMAX_D_POINTER = 21;
export const CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_DATA_TYPE = 22;
export const CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_SCALE_POINTER = 23;
export const CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_AMAX_POINTER = 24;
export const CUBLASLT_MATMUL_DESC_FAST_ACCUM = 25;
export const CUBLASLT_MATMUL_DESC_BIAS_DATA_TYPE = 26;
export const CUBLASLT_MATMUL_DESC_ATOMIC_SYNC_NUM_CHUNKS_D_ROWS = 27;
export const CUBLASLT_MATMUL_DESC_ATOMIC_SYNC_NUM_CHUNKS_D_COLS = 28;
export const CUBLASLT_MATMUL_DESC_ATOMIC_SYNC_IN_COUNTERS_POINTER = 29;
export const CUBLASLT_MATMUL_DESC_ATOMIC_SYNC_OUT_COUNTERS_POINTER = 30;
export const CUBLASLT_MATMUL_DESC_A_SCALE_MODE = 31;
export const CUBLASLT_MATMUL_DESC_B_SCALE_MODE = 32;
export const CUBLASLT_MATMUL_DESC_C_SCALE_MODE = 33;
export const CUBLASLT_MATMUL_DESC_D_SCALE_MODE = 34;
export const CUBLASLT_MATMUL_DESC_EPILOGUE_AUX_SCALE_MODE = 35;
export const CUBLASLT_MATMUL_DESC_D_OUT_SCALE_POINTER = 36;
export const CUBLASLT_MATMUL_DESC_D_OUT_SCALE_MODE = 37;
export type cublasLtMatmulDescAttributes_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 10 | 11 | 12 | 13 | 14 | 15 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | 33 | 34 | 35 | 36 | 37;

/** cublasLtMatmulPreferenceAttributes_t (cublaslt, confirmed). */
export const CUBLASLT_MATMUL_PREF_SEARCH_MODE = 0;
export const CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES = 1;
export const CUBLASLT_MATMUL_PREF_REDUCTION_SCHEME_MASK = 3;
export const CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES = 5;
export const CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES = 6;
export const CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES = 7;
export const CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES = 8;
export const CUBLASLT_MATMUL_PREF_MAX_WAVES_COUNT = 9;
export const CUBLASLT_MATMUL_PREF_IMPL_MASK = 12;
export type cublasLtMatmulPreferenceAttributes_t = 0 | 1 | 3 | 5 | 6 | 7 | 8 | 9 | 12;

/** cublasLtMatrixLayoutAttribute_t (cublaslt, confirmed). */
export const CUBLASLT_MATRIX_LAYOUT_TYPE = 0;
export const CUBLASLT_MATRIX_LAYOUT_ORDER = 1;
export const CUBLASLT_MATRIX_LAYOUT_ROWS = 2;
export const CUBLASLT_MATRIX_LAYOUT_COLS = 3;
export const CUBLASLT_MATRIX_LAYOUT_LD = 4;
export const CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT = 5;
export const CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET = 6;
export const CUBLASLT_MATRIX_LAYOUT_PLANE_OFFSET = 7;
export type cublasLtMatrixLayoutAttribute_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** cublasLtOrder_t (cublaslt, confirmed). */
export const CUBLASLT_ORDER_COL = 0;
export const CUBLASLT_ORDER_ROW = 1;
export const CUBLASLT_ORDER_COL32 = 2;
export const CUBLASLT_ORDER_COL4_4R2_8C = 3;
export const CUBLASLT_ORDER_COL32_2R_4R4 = 4;
export type cublasLtOrder_t = 0 | 1 | 2 | 3 | 4;

/** cudaError_t (cuda-runtime, confirmed). */
export const cudaSuccess = 0;
export const cudaErrorInvalidValue = 1;
export const cudaErrorMemoryAllocation = 2;
export const cudaErrorInitializationError = 3;
export const cudaErrorCudartUnloading = 4;
export const cudaErrorInvalidConfiguration = 9;
export const cudaErrorInvalidPitchValue = 12;
export const cudaErrorInvalidSymbol = 13;
export const cudaErrorInvalidHostPointer = 16;
export const cudaErrorInvalidDevicePointer = 17;
export const cudaErrorInvalidMemcpyDirection = 21;
export const cudaErrorInsufficientDriver = 35;
export const cudaErrorNoDevice = 100;
export const cudaErrorInvalidDevice = 101;
export const cudaErrorInvalidKernelImage = 200;
export const cudaErrorNoKernelImageForDevice = 209;
export const cudaErrorInvalidResourceHandle = 400;
export const cudaErrorIllegalState = 401;
export const cudaErrorNotReady = 600;
export const cudaErrorIllegalAddress = 700;
export const cudaErrorLaunchOutOfResources = 701;
export const cudaErrorPeerAccessAlreadyEnabled = 704;
export const cudaErrorContextIsDestroyed = 709;
export const cudaErrorLaunchFailure = 719;
export const cudaErrorNotSupported = 801;
export const cudaErrorUnknown = 999;
export type cudaError_t = 0 | 1 | 2 | 3 | 4 | 9 | 12 | 13 | 16 | 17 | 21 | 35 | 100 | 101 | 200 | 209 | 400 | 401 | 600 | 700 | 701 | 704 | 709 | 719 | 801 | 999;

/** cudaEventFlags (cuda-runtime, inferred). */
export const cudaEventDefault = 0;
export const cudaEventBlockingSync = 1;
export const cudaEventDisableTiming = 2;
export const cudaEventInterprocess = 4;
export type cudaEventFlags = 0 | 1 | 2 | 4;

/** cudaHostAllocFlags (cuda-runtime, inferred). */
export const cudaHostAllocDefault = 0;
export const cudaHostAllocPortable = 1;
export const cudaHostAllocMapped = 2;
export const cudaHostAllocWriteCombined = 4;
export type cudaHostAllocFlags = 0 | 1 | 2 | 4;

/** cudaMemcpyKind (cuda-runtime, confirmed). */
export const cudaMemcpyHostToHost = 0;
export const cudaMemcpyHostToDevice = 1;
export const cudaMemcpyDeviceToHost = 2;
export const cudaMemcpyDeviceToDevice = 3;
export const cudaMemcpyDefault = 4;
export type cudaMemcpyKind = 0 | 1 | 2 | 3 | 4;

/** cudaStreamFlags (cuda-runtime, confirmed). */
export const cudaStreamDefault = 0;
export const cudaStreamNonBlocking = 1;
export type cudaStreamFlags = 0 | 1;

/** cudnnActivationMode_t (cudnn, confirmed). */
export const CUDNN_ACTIVATION_SIGMOID = 0;
export const CUDNN_ACTIVATION_RELU = 1;
export const CUDNN_ACTIVATION_TANH = 2;
export const CUDNN_ACTIVATION_CLIPPED_RELU = 3;
export const CUDNN_ACTIVATION_ELU = 4;
export const CUDNN_ACTIVATION_IDENTITY = 5;
export const CUDNN_ACTIVATION_SWISH = 6;
export type cudnnActivationMode_t = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** cudnnBatchNormMode_t (cudnn, confirmed). */
export const CUDNN_BATCHNORM_PER_ACTIVATION = 0;
export const CUDNN_BATCHNORM_SPATIAL = 1;
export const CUDNN_BATCHNORM_SPATIAL_PERSISTENT = 2;
export type cudnnBatchNormMode_t = 0 | 1 | 2;

/** cudnnConvolutionFwdAlgo_t (cudnn, confirmed). */
export const CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM = 0;
export const CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM = 1;
export const CUDNN_CONVOLUTION_FWD_ALGO_GEMM = 2;
export const CUDNN_CONVOLUTION_FWD_ALGO_DIRECT = 3;
export const CUDNN_CONVOLUTION_FWD_ALGO_FFT = 4;
export const CUDNN_CONVOLUTION_FWD_ALGO_FFT_TILING = 5;
export const CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD = 6;
export const CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED = 7;
export const CUDNN_CONVOLUTION_FWD_ALGO_COUNT = 8;
export type cudnnConvolutionFwdAlgo_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** cudnnConvolutionMode_t (cudnn, confirmed). */
export const CUDNN_CONVOLUTION = 0;
export const CUDNN_CROSS_CORRELATION = 1;
export type cudnnConvolutionMode_t = 0 | 1;

/** cudnnDataType_t (cudnn, confirmed). */
export const CUDNN_DATA_FLOAT = 0;
export const CUDNN_DATA_DOUBLE = 1;
export const CUDNN_DATA_HALF = 2;
export const CUDNN_DATA_INT8 = 3;
export const CUDNN_DATA_INT32 = 4;
export const CUDNN_DATA_INT8x4 = 5;
export const CUDNN_DATA_UINT8 = 6;
export const CUDNN_DATA_UINT8x4 = 7;
export const CUDNN_DATA_INT8x32 = 8;
export const CUDNN_DATA_BFLOAT16 = 9;
export const CUDNN_DATA_INT64 = 10;
export const CUDNN_DATA_BOOLEAN = 11;
export const CUDNN_DATA_FP8_E4M3 = 12;
export const CUDNN_DATA_FP8_E5M2 = 13;
export const CUDNN_DATA_FAST_FLOAT_FOR_FP8 = 14;
export const CUDNN_DATA_FP8_E8M0 = 15;
export const CUDNN_DATA_FP4_E2M1 = 16;
export const CUDNN_DATA_INT4 = 17;
export const CUDNN_DATA_UINT4 = 18;
export const CUDNN_DATA_UINT32 = 19;
export const CUDNN_DATA_COMPLEX_FP32 = 20;
export const CUDNN_DATA_COMPLEX_FP64 = 21;
export type cudnnDataType_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21;

/** cudnnDeterminism_t (cudnn, confirmed). */
export const CUDNN_NON_DETERMINISTIC = 0;
export const CUDNN_DETERMINISTIC = 1;
export type cudnnDeterminism_t = 0 | 1;

/** cudnnIndicesType_t (cudnn, confirmed). */
export const CUDNN_32BIT_INDICES = 0;
export const CUDNN_64BIT_INDICES = 1;
export const CUDNN_16BIT_INDICES = 2;
export const CUDNN_8BIT_INDICES = 3;
export type cudnnIndicesType_t = 0 | 1 | 2 | 3;

/** cudnnMathType_t (cudnn, confirmed). */
export const CUDNN_DEFAULT_MATH = 0;
export const CUDNN_TENSOR_OP_MATH = 1;
export const CUDNN_TENSOR_OP_MATH_ALLOW_CONVERSION = 2;
export const CUDNN_FMA_MATH = 3;
export type cudnnMathType_t = 0 | 1 | 2 | 3;

/** cudnnNanPropagation_t (cudnn, confirmed). */
export const CUDNN_NOT_PROPAGATE_NAN = 0;
export const CUDNN_PROPAGATE_NAN = 1;
export type cudnnNanPropagation_t = 0 | 1;

/** cudnnOpTensorOp_t (cudnn, confirmed). */
export const CUDNN_OP_TENSOR_ADD = 0;
export const CUDNN_OP_TENSOR_MUL = 1;
export const CUDNN_OP_TENSOR_MIN = 2;
export const CUDNN_OP_TENSOR_MAX = 3;
export const CUDNN_OP_TENSOR_SQRT = 4;
export const CUDNN_OP_TENSOR_NOT = 5;
export type cudnnOpTensorOp_t = 0 | 1 | 2 | 3 | 4 | 5;

/** cudnnPoolingMode_t (cudnn, confirmed). */
export const CUDNN_POOLING_MAX = 0;
export const CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING = 1;
export const CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING = 2;
export const CUDNN_POOLING_MAX_DETERMINISTIC = 3;
export type cudnnPoolingMode_t = 0 | 1 | 2 | 3;

/** cudnnReduceTensorIndices_t (cudnn, confirmed). */
export const CUDNN_REDUCE_TENSOR_NO_INDICES = 0;
export const CUDNN_REDUCE_TENSOR_FLATTENED_INDICES = 1;
export type cudnnReduceTensorIndices_t = 0 | 1;

/** cudnnReduceTensorOp_t (cudnn, confirmed). */
export const CUDNN_REDUCE_TENSOR_ADD = 0;
export const CUDNN_REDUCE_TENSOR_MUL = 1;
export const CUDNN_REDUCE_TENSOR_MIN = 2;
export const CUDNN_REDUCE_TENSOR_MAX = 3;
export const CUDNN_REDUCE_TENSOR_AMAX = 4;
export const CUDNN_REDUCE_TENSOR_AVG = 5;
export const CUDNN_REDUCE_TENSOR_NORM1 = 6;
export const CUDNN_REDUCE_TENSOR_NORM2 = 7;
export const CUDNN_REDUCE_TENSOR_MUL_NO_ZEROS = 8;
export type cudnnReduceTensorOp_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** cudnnSoftmaxAlgorithm_t (cudnn, confirmed). */
export const CUDNN_SOFTMAX_FAST = 0;
export const CUDNN_SOFTMAX_ACCURATE = 1;
export const CUDNN_SOFTMAX_LOG = 2;
export type cudnnSoftmaxAlgorithm_t = 0 | 1 | 2;

/** cudnnSoftmaxMode_t (cudnn, confirmed). */
export const CUDNN_SOFTMAX_MODE_INSTANCE = 0;
export const CUDNN_SOFTMAX_MODE_CHANNEL = 1;
export type cudnnSoftmaxMode_t = 0 | 1;

/** cudnnStatus_t (cudnn, confirmed). */
export const CUDNN_STATUS_SUCCESS = 0;
export const CUDNN_STATUS_NOT_INITIALIZED = 1001;
export const CUDNN_STATUS_SUBLIBRARY_VERSION_MISMATCH = 1002;
export const CUDNN_STATUS_SERIALIZATION_VERSION_MISMATCH = 1003;
export const CUDNN_STATUS_DEPRECATED = 1004;
export const CUDNN_STATUS_LICENSE_ERROR = 1005;
export const CUDNN_STATUS_RUNTIME_IN_PROGRESS = 1006;
export const CUDNN_STATUS_RUNTIME_FP_OVERFLOW = 1007;
export const CUDNN_STATUS_SUBLIBRARY_LOADING_FAILED = 1008;
export const CUDNN_STATUS_BAD_PARAM = 2000;
export const CUDNN_STATUS_BAD_PARAM_NULL_POINTER = 2002;
export const CUDNN_STATUS_BAD_PARAM_MISALIGNED_POINTER = 2003;
export const CUDNN_STATUS_BAD_PARAM_NOT_FINALIZED = 2004;
export const CUDNN_STATUS_BAD_PARAM_OUT_OF_BOUND = 2005;
export const CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT = 2006;
export const CUDNN_STATUS_BAD_PARAM_STREAM_MISMATCH = 2007;
export const CUDNN_STATUS_BAD_PARAM_SHAPE_MISMATCH = 2008;
export const CUDNN_STATUS_BAD_PARAM_DUPLICATED_ENTRIES = 2009;
export const CUDNN_STATUS_BAD_PARAM_ATTRIBUTE_TYPE = 2010;
export const CUDNN_STATUS_BAD_PARAM_CUDA_GRAPH_MISMATCH = 2011;
export const CUDNN_STATUS_BAD_PARAM_DESCRIPTOR_TYPE = 2012;
export const CUDNN_STATUS_NOT_SUPPORTED = 3000;
export const CUDNN_STATUS_NOT_SUPPORTED_GRAPH_PATTERN = 3001;
export const CUDNN_STATUS_NOT_SUPPORTED_SHAPE = 3002;
export const CUDNN_STATUS_NOT_SUPPORTED_DATA_TYPE = 3003;
export const CUDNN_STATUS_NOT_SUPPORTED_LAYOUT = 3004;
export const CUDNN_STATUS_NOT_SUPPORTED_INCOMPATIBLE_CUDA_DRIVER = 3005;
export const CUDNN_STATUS_NOT_SUPPORTED_INCOMPATIBLE_CUDART = 3006;
export const CUDNN_STATUS_NOT_SUPPORTED_ARCH_MISMATCH = 3007;
export const CUDNN_STATUS_NOT_SUPPORTED_RUNTIME_PREREQUISITE_MISSING = 3008;
export const CUDNN_STATUS_NOT_SUPPORTED_SUBLIBRARY_UNAVAILABLE = 3009;
export const CUDNN_STATUS_NOT_SUPPORTED_SHARED_MEMORY_INSUFFICIENT = 3010;
export const CUDNN_STATUS_NOT_SUPPORTED_PADDING = 3011;
export const CUDNN_STATUS_NOT_SUPPORTED_BAD_LAUNCH_PARAM = 3012;
export const CUDNN_STATUS_NOT_SUPPORTED_CUDA_GRAPH_NATIVE_API = 3013;
export const CUDNN_STATUS_INTERNAL_ERROR = 4000;
export const CUDNN_STATUS_INTERNAL_ERROR_COMPILATION_FAILED = 4001;
export const CUDNN_STATUS_INTERNAL_ERROR_UNEXPECTED_VALUE = 4002;
export const CUDNN_STATUS_INTERNAL_ERROR_HOST_ALLOCATION_FAILED = 4003;
export const CUDNN_STATUS_INTERNAL_ERROR_DEVICE_ALLOCATION_FAILED = 4004;
export const CUDNN_STATUS_INTERNAL_ERROR_BAD_LAUNCH_PARAM = 4005;
export const CUDNN_STATUS_INTERNAL_ERROR_TEXTURE_CREATION_FAILED = 4006;
export const CUDNN_STATUS_EXECUTION_FAILED = 5000;
export const CUDNN_STATUS_EXECUTION_FAILED_CUDA_DRIVER = 5001;
export const CUDNN_STATUS_EXECUTION_FAILED_CUBLAS = 5002;
export const CUDNN_STATUS_EXECUTION_FAILED_CUDART = 5003;
export const CUDNN_STATUS_EXECUTION_FAILED_CURAND = 5004;
export const CUDNN_STATUS_ALLOC_FAILED = 4003;
export const CUDNN_STATUS_INVALID_VALUE = 2001;
export const CUDNN_STATUS_ARCH_MISMATCH = 3007;
export const CUDNN_STATUS_MAPPING_ERROR = 4006;
export const CUDNN_STATUS_RUNTIME_PREREQUISITE_MISSING = 3008;
export const CUDNN_STATUS_VERSION_MISMATCH = 1002;
export type cudnnStatus_t = 0 | 1001 | 1002 | 1003 | 1004 | 1005 | 1006 | 1007 | 1008 | 2000 | 2002 | 2003 | 2004 | 2005 | 2006 | 2007 | 2008 | 2009 | 2010 | 2011 | 2012 | 3000 | 3001 | 3002 | 3003 | 3004 | 3005 | 3006 | 3007 | 3008 | 3009 | 3010 | 3011 | 3012 | 3013 | 4000 | 4001 | 4002 | 4003 | 4004 | 4005 | 4006 | 5000 | 5001 | 5002 | 5003 | 5004 | 2001;

/** cudnnTensorFormat_t (cudnn, confirmed). */
export const CUDNN_TENSOR_NCHW = 0;
export const CUDNN_TENSOR_NHWC = 1;
export const CUDNN_TENSOR_NCHW_VECT_C = 2;
export type cudnnTensorFormat_t = 0 | 1 | 2;

/** cudnn_frontend::BuildPlanPolicy_t (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const BuildPlanPolicy_t = Object.freeze({
  HEURISTICS_CHOICE: "HEURISTICS_CHOICE",
  ALL: "ALL",
} as const);
export type BuildPlanPolicy_t = (typeof BuildPlanPolicy_t)[keyof typeof BuildPlanPolicy_t];

/** cudnn_frontend::DataType_t (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const DataType_t = Object.freeze({
  NOT_SET: "NOT_SET",
  FLOAT: "FLOAT",
  DOUBLE: "DOUBLE",
  HALF: "HALF",
  INT8: "INT8",
  INT32: "INT32",
  INT8x4: "INT8x4",
  UINT8: "UINT8",
  UINT8x4: "UINT8x4",
  INT8x32: "INT8x32",
  BFLOAT16: "BFLOAT16",
  INT64: "INT64",
  BOOLEAN: "BOOLEAN",
  FP8_E4M3: "FP8_E4M3",
  FP8_E5M2: "FP8_E5M2",
  FAST_FLOAT_FOR_FP8: "FAST_FLOAT_FOR_FP8",
  FP8_E8M0: "FP8_E8M0",
  FP4_E2M1: "FP4_E2M1",
  INT4: "INT4",
  COMPLEX_FP32: "COMPLEX_FP32",
  COMPLEX_FP64: "COMPLEX_FP64",
} as const);
export type DataType_t = (typeof DataType_t)[keyof typeof DataType_t];

/** cudnn_frontend::DiagonalAlignment_t (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const DiagonalAlignment_t = Object.freeze({
  TOP_LEFT: "TOP_LEFT",
  BOTTOM_RIGHT: "BOTTOM_RIGHT",
} as const);
export type DiagonalAlignment_t = (typeof DiagonalAlignment_t)[keyof typeof DiagonalAlignment_t];

/** cudnn_frontend::error_code_t (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const error_code_t = Object.freeze({
  OK: "OK",
  ATTRIBUTE_NOT_SET: "ATTRIBUTE_NOT_SET",
  SHAPE_DEDUCTION_FAILED: "SHAPE_DEDUCTION_FAILED",
  INVALID_TENSOR_NAME: "INVALID_TENSOR_NAME",
  INVALID_VARIANT_PACK: "INVALID_VARIANT_PACK",
  GRAPH_NOT_SUPPORTED: "GRAPH_NOT_SUPPORTED",
  GRAPH_EXECUTION_PLAN_CREATION_FAILED: "GRAPH_EXECUTION_PLAN_CREATION_FAILED",
  GRAPH_EXECUTION_FAILED: "GRAPH_EXECUTION_FAILED",
  HEURISTIC_QUERY_FAILED: "HEURISTIC_QUERY_FAILED",
  UNSUPPORTED_GRAPH_FORMAT: "UNSUPPORTED_GRAPH_FORMAT",
  CUDA_API_FAILED: "CUDA_API_FAILED",
  CUDNN_BACKEND_API_FAILED: "CUDNN_BACKEND_API_FAILED",
  INVALID_CUDA_DEVICE: "INVALID_CUDA_DEVICE",
  HANDLE_ERROR: "HANDLE_ERROR",
  INVALID_VALUE: "INVALID_VALUE",
  NVRTC_COMPILATION_FAILED: "NVRTC_COMPILATION_FAILED",
} as const);
export type error_code_t = (typeof error_code_t)[keyof typeof error_code_t];

/** cudnn_frontend::graph::ScalarType (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const ScalarType = Object.freeze({
  RUNTIME_PARAM: "RUNTIME_PARAM",
  COMPILE_TIME_CONST: "COMPILE_TIME_CONST",
} as const);
export type ScalarType = (typeof ScalarType)[keyof typeof ScalarType];

/** cudnn_frontend::HeurMode_t (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const HeurMode_t = Object.freeze({
  A: "A",
  B: "B",
  FALLBACK: "FALLBACK",
  OPENSOURCE: "OPENSOURCE",
} as const);
export type HeurMode_t = (typeof HeurMode_t)[keyof typeof HeurMode_t];

/** cudnn_frontend::NormFwdPhase_t (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const NormFwdPhase_t = Object.freeze({
  NOT_SET: "NOT_SET",
  INFERENCE: "INFERENCE",
  TRAINING: "TRAINING",
} as const);
export type NormFwdPhase_t = (typeof NormFwdPhase_t)[keyof typeof NormFwdPhase_t];

/** cudnn_frontend::PointwiseMode_t (cudnn-frontend, inferred; values unconfirmed, names used as values). */
export const PointwiseMode_t = Object.freeze({
  NOT_SET: "NOT_SET",
  ADD: "ADD",
  MUL: "MUL",
  SQRT: "SQRT",
  MAX: "MAX",
  MIN: "MIN",
  RELU_FWD: "RELU_FWD",
  TANH_FWD: "TANH_FWD",
  SIGMOID_FWD: "SIGMOID_FWD",
  ELU_FWD: "ELU_FWD",
  GELU_FWD: "GELU_FWD",
  SOFTPLUS_FWD: "SOFTPLUS_FWD",
  SWISH_FWD: "SWISH_FWD",
  RELU_BWD: "RELU_BWD",
  TANH_BWD: "TANH_BWD",
  SIGMOID_BWD: "SIGMOID_BWD",
  ELU_BWD: "ELU_BWD",
  GELU_BWD: "GELU_BWD",
  SOFTPLUS_BWD: "SOFTPLUS_BWD",
  SWISH_BWD: "SWISH_BWD",
  ERF: "ERF",
  IDENTITY: "IDENTITY",
  GELU_APPROX_TANH_BWD: "GELU_APPROX_TANH_BWD",
  GELU_APPROX_TANH_FWD: "GELU_APPROX_TANH_FWD",
  GEN_INDEX: "GEN_INDEX",
  BINARY_SELECT: "BINARY_SELECT",
  EXP: "EXP",
  LOG: "LOG",
  NEG: "NEG",
  MOD: "MOD",
  POW: "POW",
  ABS: "ABS",
  CEIL: "CEIL",
  COS: "COS",
  FLOOR: "FLOOR",
  RSQRT: "RSQRT",
  SIN: "SIN",
  LOGICAL_NOT: "LOGICAL_NOT",
  TAN: "TAN",
  SUB: "SUB",
  ADD_SQUARE: "ADD_SQUARE",
  DIV: "DIV",
  CMP_EQ: "CMP_EQ",
  CMP_NEQ: "CMP_NEQ",
  CMP_GT: "CMP_GT",
  CMP_GE: "CMP_GE",
  CMP_LT: "CMP_LT",
  CMP_LE: "CMP_LE",
  LOGICAL_AND: "LOGICAL_AND",
  LOGICAL_OR: "LOGICAL_OR",
  RECIPROCAL: "RECIPROCAL",
} as const);
export type PointwiseMode_t = (typeof PointwiseMode_t)[keyof typeof PointwiseMode_t];

/** cudnnPointwiseMode_t (cudnn-frontend, confirmed). */
export const CUDNN_POINTWISE_ADD = 0;
export const CUDNN_POINTWISE_MUL = 1;
export const CUDNN_POINTWISE_MIN = 2;
export const CUDNN_POINTWISE_MAX = 3;
export const CUDNN_POINTWISE_SQRT = 4;
export const CUDNN_POINTWISE_ADD_SQUARE = 5;
export const CUDNN_POINTWISE_DIV = 6;
export const CUDNN_POINTWISE_MOD = 7;
export const CUDNN_POINTWISE_POW = 8;
export const CUDNN_POINTWISE_SUB = 9;
export const CUDNN_POINTWISE_ABS = 10;
export const CUDNN_POINTWISE_CEIL = 11;
export const CUDNN_POINTWISE_COS = 12;
export const CUDNN_POINTWISE_EXP = 13;
export const CUDNN_POINTWISE_FLOOR = 14;
export const CUDNN_POINTWISE_LOG = 15;
export const CUDNN_POINTWISE_NEG = 16;
export const CUDNN_POINTWISE_RSQRT = 17;
export const CUDNN_POINTWISE_SIN = 18;
export const CUDNN_POINTWISE_TAN = 19;
export const CUDNN_POINTWISE_ERF = 20;
export const CUDNN_POINTWISE_IDENTITY = 21;
export const CUDNN_POINTWISE_RECIPROCAL = 22;
export const CUDNN_POINTWISE_ATAN2 = 23;
export const CUDNN_POINTWISE_RELU_FWD = 100;
export const CUDNN_POINTWISE_TANH_FWD = 101;
export const CUDNN_POINTWISE_SIGMOID_FWD = 102;
export const CUDNN_POINTWISE_ELU_FWD = 103;
export const CUDNN_POINTWISE_GELU_FWD = 104;
export const CUDNN_POINTWISE_SOFTPLUS_FWD = 105;
export const CUDNN_POINTWISE_SWISH_FWD = 106;
export const CUDNN_POINTWISE_GELU_APPROX_TANH_FWD = 107;
export const CUDNN_POINTWISE_RELU_BWD = 200;
export const CUDNN_POINTWISE_TANH_BWD = 201;
export const CUDNN_POINTWISE_SIGMOID_BWD = 202;
export const CUDNN_POINTWISE_ELU_BWD = 203;
export const CUDNN_POINTWISE_GELU_BWD = 204;
export const CUDNN_POINTWISE_SOFTPLUS_BWD = 205;
export const CUDNN_POINTWISE_SWISH_BWD = 206;
export const CUDNN_POINTWISE_GELU_APPROX_TANH_BWD = 207;
export const CUDNN_POINTWISE_CMP_EQ = 300;
export const CUDNN_POINTWISE_CMP_NEQ = 301;
export const CUDNN_POINTWISE_CMP_GT = 302;
export const CUDNN_POINTWISE_CMP_GE = 303;
export const CUDNN_POINTWISE_CMP_LT = 304;
export const CUDNN_POINTWISE_CMP_LE = 305;
export const CUDNN_POINTWISE_LOGICAL_AND = 400;
export const CUDNN_POINTWISE_LOGICAL_OR = 401;
export const CUDNN_POINTWISE_LOGICAL_NOT = 402;
export const CUDNN_POINTWISE_GEN_INDEX = 501;
export const CUDNN_POINTWISE_BINARY_SELECT = 601;
export type cudnnPointwiseMode_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 100 | 101 | 102 | 103 | 104 | 105 | 106 | 107 | 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 300 | 301 | 302 | 303 | 304 | 305 | 400 | 401 | 402 | 501 | 601;

/** curandRngType_t (curand, confirmed). */
export const CURAND_RNG_TEST = 0;
export const CURAND_RNG_PSEUDO_DEFAULT = 100;
export const CURAND_RNG_PSEUDO_XORWOW = 101;
export const CURAND_RNG_PSEUDO_MRG32K3A = 121;
export const CURAND_RNG_PSEUDO_MTGP32 = 141;
export const CURAND_RNG_PSEUDO_MT19937 = 142;
export const CURAND_RNG_PSEUDO_PHILOX4_32_10 = 161;
export const CURAND_RNG_QUASI_DEFAULT = 200;
export const CURAND_RNG_QUASI_SOBOL32 = 201;
export const CURAND_RNG_QUASI_SCRAMBLED_SOBOL32 = 202;
export const CURAND_RNG_QUASI_SOBOL64 = 203;
export const CURAND_RNG_QUASI_SCRAMBLED_SOBOL64 = 204;
export type curandRngType_t = 0 | 100 | 101 | 121 | 141 | 142 | 161 | 200 | 201 | 202 | 203 | 204;

/** curandStatus_t (curand, confirmed). */
export const CURAND_STATUS_SUCCESS = 0;
export const CURAND_STATUS_VERSION_MISMATCH = 100;
export const CURAND_STATUS_NOT_INITIALIZED = 101;
export const CURAND_STATUS_ALLOCATION_FAILED = 102;
export const CURAND_STATUS_TYPE_ERROR = 103;
export const CURAND_STATUS_OUT_OF_RANGE = 104;
export const CURAND_STATUS_LENGTH_NOT_MULTIPLE = 105;
export const CURAND_STATUS_DOUBLE_PRECISION_REQUIRED = 106;
export const CURAND_STATUS_LAUNCH_FAILURE = 201;
export const CURAND_STATUS_PREEXISTING_FAILURE = 202;
export const CURAND_STATUS_INITIALIZATION_FAILED = 203;
export const CURAND_STATUS_ARCH_MISMATCH = 204;
export const CURAND_STATUS_INTERNAL_ERROR = 999;
export type curandStatus_t = 0 | 100 | 101 | 102 | 103 | 104 | 105 | 106 | 201 | 202 | 203 | 204 | 999;

/** ncclDataType_t (nccl, confirmed). */
export const ncclInt8 = 0;
export const ncclChar = 0;
export const ncclUint8 = 1;
export const ncclInt32 = 2;
export const ncclInt = 2;
export const ncclUint32 = 3;
export const ncclInt64 = 4;
export const ncclUint64 = 5;
export const ncclFloat16 = 6;
export const ncclHalf = 6;
export const ncclFloat32 = 7;
export const ncclFloat = 7;
export const ncclFloat64 = 8;
export const ncclDouble = 8;
export const ncclBfloat16 = 9;
export const ncclFloat8e4m3 = 10;
export const ncclFloat8e5m2 = 11;
export const ncclNumTypes = 12;
export type ncclDataType_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** ncclRedOp_t (nccl, confirmed). */
export const ncclSum = 0;
export const ncclProd = 1;
export const ncclMax = 2;
export const ncclMin = 3;
export const ncclAvg = 4;
export const ncclNumOps = 5;
export type ncclRedOp_t = 0 | 1 | 2 | 3 | 4 | 5;

/** ncclResult_t (nccl, confirmed). */
export const ncclSuccess = 0;
export const ncclUnhandledCudaError = 1;
export const ncclSystemError = 2;
export const ncclInternalError = 3;
export const ncclInvalidArgument = 4;
export const ncclInvalidUsage = 5;
export const ncclRemoteError = 6;
export const ncclInProgress = 7;
export const ncclTimeout = 8;
export const ncclNumResults = 9;
export type ncclResult_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
