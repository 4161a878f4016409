// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// Enum constants of the maca facade.

/** mcError_t (maca-runtime, inferred; values unconfirmed, names used as values). */
export const mcSuccess = "mcSuccess";
export const mcErrorInvalidValue = "mcErrorInvalidValue";
export const mcErrorMemoryAllocation = "mcErrorMemoryAllocation";
export const mcErrorInitializationError = "mcErrorInitializationError";
export const mcErrorInvalidConfiguration = "mcErrorInvalidConfiguration";
export const mcErrorInvalidPitchValue = "mcErrorInvalidPitchValue";
export const mcErrorInvalidSymbol = "mcErrorInvalidSymbol";
export const mcErrorInvalidHostPointer = "mcErrorInvalidHostPointer";
export const mcErrorInvalidDevicePointer = "mcErrorInvalidDevicePointer";
export const mcErrorInvalidMemcpyDirection = "mcErrorInvalidMemcpyDirection";
export const mcErrorInsufficientDriver = "mcErrorInsufficientDriver";
export const mcErrorNoDevice = "mcErrorNoDevice";
export const mcErrorInvalidDevice = "mcErrorInvalidDevice";
export const mcErrorInvalidKernelImage = "mcErrorInvalidKernelImage";
export const mcErrorNoKernelImageForDevice = "mcErrorNoKernelImageForDevice";
export const mcErrorInvalidResourceHandle = "mcErrorInvalidResourceHandle";
export const mcErrorIllegalState = "mcErrorIllegalState";
export const mcErrorNotReady = "mcErrorNotReady";
export const mcErrorIllegalAddress = "mcErrorIllegalAddress";
export const mcErrorLaunchOutOfResources = "mcErrorLaunchOutOfResources";
export const mcErrorPeerAccessAlreadyEnabled = "mcErrorPeerAccessAlreadyEnabled";
export const mcErrorContextIsDestroyed = "mcErrorContextIsDestroyed";
export const mcErrorLaunchFailure = "mcErrorLaunchFailure";
export const mcErrorNotSupported = "mcErrorNotSupported";
export const mcErrorUnknown = "mcErrorUnknown";
export type mcError_t = "mcSuccess" | "mcErrorInvalidValue" | "mcErrorMemoryAllocation" | "mcErrorInitializationError" | "mcErrorInvalidConfiguration" | "mcErrorInvalidPitchValue" | "mcErrorInvalidSymbol" | "mcErrorInvalidHostPointer" | "mcErrorInvalidDevicePointer" | "mcErrorInvalidMemcpyDirection" | "mcErrorInsufficientDriver" | "mcErrorNoDevice" | "mcErrorInvalidDevice" | "mcErrorInvalidKernelImage" | "mcErrorNoKernelImageForDevice" | "mcErrorInvalidResourceHandle" | "mcErrorIllegalState" | "mcErrorNotReady" | "mcErrorIllegalAddress" | "mcErrorLaunchOutOfResources" | "mcErrorPeerAccessAlreadyEnabled" | "mcErrorContextIsDestroyed" | "mcErrorLaunchFailure" | "mcErrorNotSupported" | "mcErrorUnknown";

/** mcEventFlags (maca-runtime, inferred; values unconfirmed, names used as values). */
export const mcEventDefault = "mcEventDefault";
export const mcEventBlockingSync = "mcEventBlockingSync";
export const mcEventDisableTiming = "mcEventDisableTiming";
export const mcEventInterprocess = "mcEventInterprocess";
export type mcEventFlags = "mcEventDefault" | "mcEventBlockingSync" | "mcEventDisableTiming" | "mcEventInterprocess";

/** mcHostAllocFlags (maca-runtime, unconfirmed; values unconfirmed, names used as values). */
export const mcHostAllocDefault = "mcHostAllocDefault";
export const mcHostAllocPortable = "mcHostAllocPortable";
export const mcHostAllocMapped = "mcHostAllocMapped";
export const mcHostAllocWriteCombined = "mcHostAllocWriteCombined";
export type mcHostAllocFlags = "mcHostAllocDefault" | "mcHostAllocPortable" | "mcHostAllocMapped" | "mcHostAllocWriteCombined";

/** mcMemcpyKind (maca-runtime, inferred; values unconfirmed, names used as values). */
export const mcMemcpyHostToHost = "mcMemcpyHostToHost";
export const mcMemcpyHostToDevice = "mcMemcpyHostToDevice";
export const mcMemcpyDeviceToHost = "mcMemcpyDeviceToHost";
export const mcMemcpyDeviceToDevice = "mcMemcpyDeviceToDevice";
export const mcMemcpyDefault = "mcMemcpyDefault";
export type mcMemcpyKind = "mcMemcpyHostToHost" | "mcMemcpyHostToDevice" | "mcMemcpyDeviceToHost" | "mcMemcpyDeviceToDevice" | "mcMemcpyDefault";

/** mcStreamFlags (maca-runtime, unconfirmed; values unconfirmed, names used as values). */
export const mcStreamDefault = "mcStreamDefault";
export const mcStreamNonBlocking = "mcStreamNonBlocking";
export type mcStreamFlags = "mcStreamDefault" | "mcStreamNonBlocking";

/** macaDataType_t (mcblas, inferred; values unconfirmed, names used as values). */
export const MACA_R_32F = "MACA_R_32F";
export const MACA_R_64F = "MACA_R_64F";
export const MACA_R_16F = "MACA_R_16F";
export const MACA_R_8I = "MACA_R_8I";
export const MACA_R_8U = "MACA_R_8U";
export const MACA_R_32I = "MACA_R_32I";
export const MACA_R_32U = "MACA_R_32U";
export const MACA_R_16BF = "MACA_R_16BF";
export type macaDataType_t = "MACA_R_32F" | "MACA_R_64F" | "MACA_R_16F" | "MACA_R_8I" | "MACA_R_8U" | "MACA_R_32I" | "MACA_R_32U" | "MACA_R_16BF";

/** mcblasComputeType_t (mcblas, inferred; values unconfirmed, names used as values). */
export const MCBLAS_COMPUTE_16F = "MCBLAS_COMPUTE_16F";
export const MCBLAS_COMPUTE_32F = "MCBLAS_COMPUTE_32F";
export const MCBLAS_COMPUTE_32F_FAST_16F = "MCBLAS_COMPUTE_32F_FAST_16F";
export const MCBLAS_COMPUTE_32F_FAST_16BF = "MCBLAS_COMPUTE_32F_FAST_16BF";
export const MCBLAS_COMPUTE_32F_FAST_TF32 = "MCBLAS_COMPUTE_32F_FAST_TF32";
export const MCBLAS_COMPUTE_64F = "MCBLAS_COMPUTE_64F";
export const MCBLAS_COMPUTE_32I = "MCBLAS_COMPUTE_32I";
export type mcblasComputeType_t = "MCBLAS_COMPUTE_16F" | "MCBLAS_COMPUTE_32F" | "MCBLAS_COMPUTE_32F_FAST_16F" | "MCBLAS_COMPUTE_32F_FAST_16BF" | "MCBLAS_COMPUTE_32F_FAST_TF32" | "MCBLAS_COMPUTE_64F" | "MCBLAS_COMPUTE_32I";

/** mcblasGemmAlgo_t (mcblas, inferred; values unconfirmed, names used as values). */
export const MCBLAS_GEMM_DEFAULT = "MCBLAS_GEMM_DEFAULT";
export const MCBLAS_GEMM_DEFAULT_TENSOR_OP = "MCBLAS_GEMM_DEFAULT_TENSOR_OP";
export type mcblasGemmAlgo_t = "MCBLAS_GEMM_DEFAULT" | "MCBLAS_GEMM_DEFAULT_TENSOR_OP";

/** mcblasMath_t (mcblas, inferred; values unconfirmed, names used as values). */
export const MCBLAS_DEFAULT_MATH = "MCBLAS_DEFAULT_MATH";
export type mcblasMath_t = "MCBLAS_DEFAULT_MATH";

/** mcblasOperation_t (mcblas, inferred; values unconfirmed, names used as values). */
export const MCBLAS_OP_N = "MCBLAS_OP_N";
export const MCBLAS_OP_T = "MCBLAS_OP_T";
export const MCBLAS_OP_C = "MCBLAS_OP_C";
export type mcblasOperation_t = "MCBLAS_OP_N" | "MCBLAS_OP_T" | "MCBLAS_OP_C";

/** mcblasStatus_t (mcblas, inferred; values unconfirmed, names used as values). */
export const MCBLAS_STATUS_SUCCESS = "MCBLAS_STATUS_SUCCESS";
export const MCBLAS_STATUS_NOT_INITIALIZED = "MCBLAS_STATUS_NOT_INITIALIZED";
export const MCBLAS_STATUS_ALLOC_FAILED = "MCBLAS_STATUS_ALLOC_FAILED";
export const MCBLAS_STATUS_INVALID_VALUE = "MCBLAS_STATUS_INVALID_VALUE";
export const MCBLAS_STATUS_ARCH_MISMATCH = "MCBLAS_STATUS_ARCH_MISMATCH";
export const MCBLAS_STATUS_MAPPING_ERROR = "MCBLAS_STATUS_MAPPING_ERROR";
export const MCBLAS_STATUS_EXECUTION_FAILED = "MCBLAS_STATUS_EXECUTION_FAILED";
export const MCBLAS_STATUS_INTERNAL_ERROR = "MCBLAS_STATUS_INTERNAL_ERROR";
export const MCBLAS_STATUS_NOT_SUPPORTED = "MCBLAS_STATUS_NOT_SUPPORTED";
export const MCBLAS_STATUS_LICENSE_ERROR = "MCBLAS_STATUS_LICENSE_ERROR";
export type mcblasStatus_t = "MCBLAS_STATUS_SUCCESS" | "MCBLAS_STATUS_NOT_INITIALIZED" | "MCBLAS_STATUS_ALLOC_FAILED" | "MCBLAS_STATUS_INVALID_VALUE" | "MCBLAS_STATUS_ARCH_MISMATCH" | "MCBLAS_STATUS_MAPPING_ERROR" | "MCBLAS_STATUS_EXECUTION_FAILED" | "MCBLAS_STATUS_INTERNAL_ERROR" | "MCBLAS_STATUS_NOT_SUPPORTED" | "MCBLAS_STATUS_LICENSE_ERROR";

/** mcblasLtEpilogue_t (mcblaslt, inferred; values unconfirmed, names used as values). */
export const MCBLASLT_EPILOGUE_DEFAULT = "MCBLASLT_EPILOGUE_DEFAULT";
export const MCBLASLT_EPILOGUE_RELU = "MCBLASLT_EPILOGUE_RELU";
export const MCBLASLT_EPILOGUE_BIAS = "MCBLASLT_EPILOGUE_BIAS";
export const MCBLASLT_EPILOGUE_RELU_BIAS = "MCBLASLT_EPILOGUE_RELU_BIAS";
export const MCBLASLT_EPILOGUE_GELU = "MCBLASLT_EPILOGUE_GELU";
export const MCBLASLT_EPILOGUE_GELU_BIAS = "MCBLASLT_EPILOGUE_GELU_BIAS";
export type mcblasLtEpilogue_t = "MCBLASLT_EPILOGUE_DEFAULT" | "MCBLASLT_EPILOGUE_RELU" | "MCBLASLT_EPILOGUE_BIAS" | "MCBLASLT_EPILOGUE_RELU_BIAS" | "MCBLASLT_EPILOGUE_GELU" | "MCBLASLT_EPILOGUE_GELU_BIAS";

/** mcblasLtMatmulDescAttributes_t (mcblaslt, inferred; values unconfirmed, names used as values). */
export const MCBLASLT_MATMUL_DESC_TRANSA = "MCBLASLT_MATMUL_DESC_TRANSA";
export const MCBLASLT_MATMUL_DESC_TRANSB = "MCBLASLT_MATMUL_DESC_TRANSB";
export const MCBLASLT_MATMUL_DESC_EPILOGUE = "MCBLASLT_MATMUL_DESC_EPILOGUE";
export const MCBLASLT_MATMUL_DESC_BIAS_POINTER = "MCBLASLT_MATMUL_DESC_BIAS_POINTER";
export const MCBLASLT_MATMUL_DESC_A_SCALE_POINTER = "MCBLASLT_MATMUL_DESC_A_SCALE_POINTER";
export const MCBLASLT_MATMUL_DESC_B_SCALE_POINTER = "MCBLASLT_MATMUL_DESC_B_SCALE_POINTER";
export type mcblasLtMatmulDescAttributes_t = "MCBLASLT_MATMUL_DESC_TRANSA" | "MCBLASLT_MATMUL_DESC_TRANSB" | "MCBLASLT_MATMUL_DESC_EPILOGUE" | "MCBLASLT_MATMUL_DESC_BIAS_POINTER" | "MCBLASLT_MATMUL_DESC_A_SCALE_POINTER" | "MCBLASLT_MATMUL_DESC_B_SCALE_POINTER";

/** mcblasLtMatmulPreferenceAttributes_t (mcblaslt, inferred; values unconfirmed, names used as values). */
export const MCBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES = "MCBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES";
export type mcblasLtMatmulPreferenceAttributes_t = "MCBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES";

/** mcblasLtMatrixLayoutAttribute_t (mcblaslt, inferred; values unconfirmed, names used as values). */
export const MCBLASLT_MATRIX_LAYOUT_ORDER = "MCBLASLT_MATRIX_LAYOUT_ORDER";
export const MCBLASLT_MATRIX_LAYOUT_BATCH_COUNT = "MCBLASLT_MATRIX_LAYOUT_BATCH_COUNT";
export const MCBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET = "MCBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET";
export type mcblasLtMatrixLayoutAttribute_t = "MCBLASLT_MATRIX_LAYOUT_ORDER" | "MCBLASLT_MATRIX_LAYOUT_BATCH_COUNT" | "MCBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET";

/** mcblasLtOrder_t (mcblaslt, inferred; values unconfirmed, names used as values). */
export const MCBLASLT_ORDER_COL = "MCBLASLT_ORDER_COL";
export const MCBLASLT_ORDER_ROW = "MCBLASLT_ORDER_ROW";
export const MCBLASLT_ORDER_COL32 = "MCBLASLT_ORDER_COL32";
export const MCBLASLT_ORDER_COL4_4R2_8C = "MCBLASLT_ORDER_COL4_4R2_8C";
export type mcblasLtOrder_t = "MCBLASLT_ORDER_COL" | "MCBLASLT_ORDER_ROW" | "MCBLASLT_ORDER_COL32" | "MCBLASLT_ORDER_COL4_4R2_8C";

/** mcclDataType_t (mccl, inferred). */
export const mcclInt8 = 0;
export const mcclChar = 0;
export const mcclUint8 = 1;
export const mcclInt32 = 2;
export const mcclInt = 2;
export const mcclUint32 = 3;
export const mcclInt64 = 4;
export const mcclUint64 = 5;
export const mcclFloat16 = 6;
export const mcclHalf = 6;
export const mcclFloat32 = 7;
export const mcclFloat = 7;
export const mcclFloat64 = 8;
export const mcclDouble = 8;
export const mcclBfloat16 = 9;
export const mcclNumTypes = 10;
export type mcclDataType_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** mcclRedOp_t (mccl, inferred). */
export const mcclSum = 0;
export const mcclProd = 1;
export const mcclMax = 2;
export const mcclMin = 3;
export const mcclAvg = 4;
export const mcclNumOps = 5;
export type mcclRedOp_t = 0 | 1 | 2 | 3 | 4 | 5;

/** mcclResult_t (mccl, inferred). */
export const mcclSuccess = 0;
export const mcclUnhandledMacaError = 1;
export const mcclSystemError = 2;
export const mcclInternalError = 3;
export const mcclInvalidArgument = 4;
export const mcclInvalidUsage = 5;
export const mcclRemoteError = 6;
export const mcclInProgress = 7;
export const mcclNumResults = 8;
export type mcclResult_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** mcdnnActivationMode_t (mcdnn, unconfirmed; values unconfirmed, names used as values). */
export const MCDNN_ACTIVATION_SIGMOID = "MCDNN_ACTIVATION_SIGMOID";
export const MCDNN_ACTIVATION_RELU = "MCDNN_ACTIVATION_RELU";
export const MCDNN_ACTIVATION_TANH = "MCDNN_ACTIVATION_TANH";
export const MCDNN_ACTIVATION_CLIPPED_RELU = "MCDNN_ACTIVATION_CLIPPED_RELU";
export const MCDNN_ACTIVATION_ELU = "MCDNN_ACTIVATION_ELU";
export const MCDNN_ACTIVATION_IDENTITY = "MCDNN_ACTIVATION_IDENTITY";
export const MCDNN_ACTIVATION_SWISH = "MCDNN_ACTIVATION_SWISH";
export type mcdnnActivationMode_t = "MCDNN_ACTIVATION_SIGMOID" | "MCDNN_ACTIVATION_RELU" | "MCDNN_ACTIVATION_TANH" | "MCDNN_ACTIVATION_CLIPPED_RELU" | "MCDNN_ACTIVATION_ELU" | "MCDNN_ACTIVATION_IDENTITY" | "MCDNN_ACTIVATION_SWISH";

/** mcdnnBatchNormMode_t (mcdnn, unconfirmed; values unconfirmed, names used as values). */
export const MCDNN_BATCHNORM_PER_ACTIVATION = "MCDNN_BATCHNORM_PER_ACTIVATION";
export const MCDNN_BATCHNORM_SPATIAL = "MCDNN_BATCHNORM_SPATIAL";
export const MCDNN_BATCHNORM_SPATIAL_PERSISTENT = "MCDNN_BATCHNORM_SPATIAL_PERSISTENT";
export type mcdnnBatchNormMode_t = "MCDNN_BATCHNORM_PER_ACTIVATION" | "MCDNN_BATCHNORM_SPATIAL" | "MCDNN_BATCHNORM_SPATIAL_PERSISTENT";

/** mcdnnConvolutionFwdAlgo_t (mcdnn, inferred). */
export const MCDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM = 0;
export const MCDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM = 1;
export const MCDNN_CONVOLUTION_FWD_ALGO_GEMM = 2;
export const MCDNN_CONVOLUTION_FWD_ALGO_DIRECT = 3;
export const MCDNN_CONVOLUTION_FWD_ALGO_FFT = 4;
export const MCDNN_CONVOLUTION_FWD_ALGO_FFT_TILING = 5;
export const MCDNN_CONVOLUTION_FWD_ALGO_WINOGRAD = 6;
export const MCDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED = 7;
export const MCDNN_CONVOLUTION_FWD_ALGO_COUNT = 8;
export type mcdnnConvolutionFwdAlgo_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** mcdnnConvolutionMode_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_CONVOLUTION = "MCDNN_CONVOLUTION";
export const MCDNN_CROSS_CORRELATION = "MCDNN_CROSS_CORRELATION";
export type mcdnnConvolutionMode_t = "MCDNN_CONVOLUTION" | "MCDNN_CROSS_CORRELATION";

/** mcdnnDataType_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_DATA_FLOAT = "MCDNN_DATA_FLOAT";
export const MCDNN_DATA_DOUBLE = "MCDNN_DATA_DOUBLE";
export const MCDNN_DATA_HALF = "MCDNN_DATA_HALF";
export const MCDNN_DATA_INT8 = "MCDNN_DATA_INT8";
export const MCDNN_DATA_INT32 = "MCDNN_DATA_INT32";
export const MCDNN_DATA_INT8x4 = "MCDNN_DATA_INT8x4";
export const MCDNN_DATA_UINT8 = "MCDNN_DATA_UINT8";
export const MCDNN_DATA_BFLOAT16 = "MCDNN_DATA_BFLOAT16";
export const MCDNN_DATA_INT64 = "MCDNN_DATA_INT64";
export type mcdnnDataType_t = "MCDNN_DATA_FLOAT" | "MCDNN_DATA_DOUBLE" | "MCDNN_DATA_HALF" | "MCDNN_DATA_INT8" | "MCDNN_DATA_INT32" | "MCDNN_DATA_INT8x4" | "MCDNN_DATA_UINT8" | "MCDNN_DATA_BFLOAT16" | "MCDNN_DATA_INT64";

/** mcdnnDeterminism_t (mcdnn, unconfirmed; values unconfirmed, names used as values). */
export const MCDNN_NON_DETERMINISTIC = "MCDNN_NON_DETERMINISTIC";
export const MCDNN_DETERMINISTIC = "MCDNN_DETERMINISTIC";
export type mcdnnDeterminism_t = "MCDNN_NON_DETERMINISTIC" | "MCDNN_DETERMINISTIC";

/** mcdnnIndicesType_t (mcdnn, unconfirmed; values unconfirmed, names used as values). */
export const MCDNN_32BIT_INDICES = "MCDNN_32BIT_INDICES";
export const MCDNN_64BIT_INDICES = "MCDNN_64BIT_INDICES";
export const MCDNN_16BIT_INDICES = "MCDNN_16BIT_INDICES";
export const MCDNN_8BIT_INDICES = "MCDNN_8BIT_INDICES";
export type mcdnnIndicesType_t = "MCDNN_32BIT_INDICES" | "MCDNN_64BIT_INDICES" | "MCDNN_16BIT_INDICES" | "MCDNN_8BIT_INDICES";

/** mcdnnMathType_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_DEFAULT_MATH = "MCDNN_DEFAULT_MATH";
export const MCDNN_TENSOR_OP_MATH = "MCDNN_TENSOR_OP_MATH";
export const MCDNN_TENSOR_OP_MATH_ALLOW_CONVERSION = "MCDNN_TENSOR_OP_MATH_ALLOW_CONVERSION";
export const MCDNN_FMA_MATH = "MCDNN_FMA_MATH";
export type mcdnnMathType_t = "MCDNN_DEFAULT_MATH" | "MCDNN_TENSOR_OP_MATH" | "MCDNN_TENSOR_OP_MATH_ALLOW_CONVERSION" | "MCDNN_FMA_MATH";

/** mcdnnNanPropagation_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_NOT_PROPAGATE_NAN = "MCDNN_NOT_PROPAGATE_NAN";
export const MCDNN_PROPAGATE_NAN = "MCDNN_PROPAGATE_NAN";
export type mcdnnNanPropagation_t = "MCDNN_NOT_PROPAGATE_NAN" | "MCDNN_PROPAGATE_NAN";

/** mcdnnOpTensorOp_t (mcdnn, unconfirmed; values unconfirmed, names used as values). */
export const MCDNN_OP_TENSOR_ADD = "MCDNN_OP_TENSOR_ADD";
export const MCDNN_OP_TENSOR_MUL = "MCDNN_OP_TENSOR_MUL";
export const MCDNN_OP_TENSOR_MIN = "MCDNN_OP_TENSOR_MIN";
export const MCDNN_OP_TENSOR_MAX = "MCDNN_OP_TENSOR_MAX";
export const MCDNN_OP_TENSOR_SQRT = "MCDNN_OP_TENSOR_SQRT";
export const MCDNN_OP_TENSOR_NOT = "MCDNN_OP_TENSOR_NOT";
export type mcdnnOpTensorOp_t = "MCDNN_OP_TENSOR_ADD" | "MCDNN_OP_TENSOR_MUL" | "MCDNN_OP_TENSOR_MIN" | "MCDNN_OP_TENSOR_MAX" | "MCDNN_OP_TENSOR_SQRT" | "MCDNN_OP_TENSOR_NOT";

/** mcdnnPoolingMode_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_POOLING_MAX = "MCDNN_POOLING_MAX";
export const MCDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING = "MCDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING";
export const MCDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING = "MCDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING";
export const MCDNN_POOLING_MAX_DETERMINISTIC = "MCDNN_POOLING_MAX_DETERMINISTIC";
export type mcdnnPoolingMode_t = "MCDNN_POOLING_MAX" | "MCDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING" | "MCDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING" | "MCDNN_POOLING_MAX_DETERMINISTIC";

/** mcdnnReduceTensorIndices_t (mcdnn, unconfirmed; values unconfirmed, names used as values). */
export const MCDNN_REDUCE_TENSOR_NO_INDICES = "MCDNN_REDUCE_TENSOR_NO_INDICES";
export const MCDNN_REDUCE_TENSOR_FLATTENED_INDICES = "MCDNN_REDUCE_TENSOR_FLATTENED_INDICES";
export type mcdnnReduceTensorIndices_t = "MCDNN_REDUCE_TENSOR_NO_INDICES" | "MCDNN_REDUCE_TENSOR_FLATTENED_INDICES";

/** mcdnnReduceTensorOp_t (mcdnn, unconfirmed; values unconfirmed, names used as values). */
export const MCDNN_REDUCE_TENSOR_ADD = "MCDNN_REDUCE_TENSOR_ADD";
export const MCDNN_REDUCE_TENSOR_MUL = "MCDNN_REDUCE_TENSOR_MUL";
export const MCDNN_REDUCE_TENSOR_MIN = "MCDNN_REDUCE_TENSOR_MIN";
export const MCDNN_REDUCE_TENSOR_MAX = "MCDNN_REDUCE_TENSOR_MAX";
export const MCDNN_REDUCE_TENSOR_AMAX = "MCDNN_REDUCE_TENSOR_AMAX";
export const MCDNN_REDUCE_TENSOR_AVG = "MCDNN_REDUCE_TENSOR_AVG";
export const MCDNN_REDUCE_TENSOR_NORM1 = "MCDNN_REDUCE_TENSOR_NORM1";
export const MCDNN_REDUCE_TENSOR_NORM2 = "MCDNN_REDUCE_TENSOR_NORM2";
export const MCDNN_REDUCE_TENSOR_MUL_NO_ZEROS = "MCDNN_REDUCE_TENSOR_MUL_NO_ZEROS";
export type mcdnnReduceTensorOp_t = "MCDNN_REDUCE_TENSOR_ADD" | "MCDNN_REDUCE_TENSOR_MUL" | "MCDNN_REDUCE_TENSOR_MIN" | "MCDNN_REDUCE_TENSOR_MAX" | "MCDNN_REDUCE_TENSOR_AMAX" | "MCDNN_REDUCE_TENSOR_AVG" | "MCDNN_REDUCE_TENSOR_NORM1" | "MCDNN_REDUCE_TENSOR_NORM2" | "MCDNN_REDUCE_TENSOR_MUL_NO_ZEROS";

/** mcdnnSoftmaxAlgorithm_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_SOFTMAX_FAST = "MCDNN_SOFTMAX_FAST";
export const MCDNN_SOFTMAX_ACCURATE = "MCDNN_SOFTMAX_ACCURATE";
export const MCDNN_SOFTMAX_LOG = "MCDNN_SOFTMAX_LOG";
export type mcdnnSoftmaxAlgorithm_t = "MCDNN_SOFTMAX_FAST" | "MCDNN_SOFTMAX_ACCURATE" | "MCDNN_SOFTMAX_LOG";

/** mcdnnSoftmaxMode_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_SOFTMAX_MODE_INSTANCE = "MCDNN_SOFTMAX_MODE_INSTANCE";
export const MCDNN_SOFTMAX_MODE_CHANNEL = "MCDNN_SOFTMAX_MODE_CHANNEL";
export type mcdnnSoftmaxMode_t = "MCDNN_SOFTMAX_MODE_INSTANCE" | "MCDNN_SOFTMAX_MODE_CHANNEL";

/** mcdnnStatus_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_STATUS_SUCCESS = "MCDNN_STATUS_SUCCESS";
export const MCDNN_STATUS_NOT_INITIALIZED = "MCDNN_STATUS_NOT_INITIALIZED";
export const MCDNN_STATUS_ALLOC_FAILED = "MCDNN_STATUS_ALLOC_FAILED";
export const MCDNN_STATUS_BAD_PARAM = "MCDNN_STATUS_BAD_PARAM";
export const MCDNN_STATUS_INTERNAL_ERROR = "MCDNN_STATUS_INTERNAL_ERROR";
export const MCDNN_STATUS_EXECUTION_FAILED = "MCDNN_STATUS_EXECUTION_FAILED";
export const MCDNN_STATUS_NOT_SUPPORTED = "MCDNN_STATUS_NOT_SUPPORTED";
export type mcdnnStatus_t = "MCDNN_STATUS_SUCCESS" | "MCDNN_STATUS_NOT_INITIALIZED" | "MCDNN_STATUS_ALLOC_FAILED" | "MCDNN_STATUS_BAD_PARAM" | "MCDNN_STATUS_INTERNAL_ERROR" | "MCDNN_STATUS_EXECUTION_FAILED" | "MCDNN_STATUS_NOT_SUPPORTED";

/** mcdnnTensorFormat_t (mcdnn, inferred; values unconfirmed, names used as values). */
export const MCDNN_TENSOR_NCHW = "MCDNN_TENSOR_NCHW";
export const MCDNN_TENSOR_NHWC = "MCDNN_TENSOR_NHWC";
export const MCDNN_TENSOR_NCHW_VECT_C = "MCDNN_TENSOR_NCHW_VECT_C";
export type mcdnnTensorFormat_t = "MCDNN_TENSOR_NCHW" | "MCDNN_TENSOR_NHWC" | "MCDNN_TENSOR_NCHW_VECT_C";

/** mcdnn_frontend::BuildPlanPolicy_t (mcdnn-frontend, unconfirmed; values unconfirmed, names used as values). */
export const BuildPlanPolicy_t = Object.freeze({
  HEURISTICS_CHOICE: "HEURISTICS_CHOICE",
  ALL: "ALL",
} as const);
export type BuildPlanPolicy_t = (typeof BuildPlanPolicy_t)[keyof typeof BuildPlanPolicy_t];

/** mcdnn_frontend::DataType_t (mcdnn-frontend, inferred; values unconfirmed, names used as values). */
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

/** mcdnn_frontend::HeurMode_t (mcdnn-frontend, inferred; values unconfirmed, names used as values). */
export const HeurMode_t = Object.freeze({
  A: "A",
  B: "B",
  FALLBACK: "FALLBACK",
  OPENSOURCE: "OPENSOURCE",
} as const);
export type HeurMode_t = (typeof HeurMode_t)[keyof typeof HeurMode_t];

/** mcdnn_frontend::NormFwdPhase_t (mcdnn-frontend, unconfirmed; values unconfirmed, names used as values). */
export const NormFwdPhase_t = Object.freeze({
  NOT_SET: "NOT_SET",
  INFERENCE: "INFERENCE",
  TRAINING: "TRAINING",
} as const);
export type NormFwdPhase_t = (typeof NormFwdPhase_t)[keyof typeof NormFwdPhase_t];

/** mcdnn_frontend::PointwiseMode_t (mcdnn-frontend, unconfirmed; values unconfirmed, names used as values). */
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

/** mcrandRngType_t (mcrand, unconfirmed; values unconfirmed, names used as values). */
export const MCRAND_RNG_TEST = "MCRAND_RNG_TEST";
export const MCRAND_RNG_PSEUDO_DEFAULT = "MCRAND_RNG_PSEUDO_DEFAULT";
export const MCRAND_RNG_PSEUDO_XORWOW = "MCRAND_RNG_PSEUDO_XORWOW";
export const MCRAND_RNG_PSEUDO_MRG32K3A = "MCRAND_RNG_PSEUDO_MRG32K3A";
export const MCRAND_RNG_PSEUDO_MTGP32 = "MCRAND_RNG_PSEUDO_MTGP32";
export const MCRAND_RNG_PSEUDO_MT19937 = "MCRAND_RNG_PSEUDO_MT19937";
export const MCRAND_RNG_PSEUDO_PHILOX4_32_10 = "MCRAND_RNG_PSEUDO_PHILOX4_32_10";
export const MCRAND_RNG_QUASI_DEFAULT = "MCRAND_RNG_QUASI_DEFAULT";
export const MCRAND_RNG_QUASI_SOBOL32 = "MCRAND_RNG_QUASI_SOBOL32";
export const MCRAND_RNG_QUASI_SCRAMBLED_SOBOL32 = "MCRAND_RNG_QUASI_SCRAMBLED_SOBOL32";
export const MCRAND_RNG_QUASI_SOBOL64 = "MCRAND_RNG_QUASI_SOBOL64";
export const MCRAND_RNG_QUASI_SCRAMBLED_SOBOL64 = "MCRAND_RNG_QUASI_SCRAMBLED_SOBOL64";
export type mcrandRngType_t = "MCRAND_RNG_TEST" | "MCRAND_RNG_PSEUDO_DEFAULT" | "MCRAND_RNG_PSEUDO_XORWOW" | "MCRAND_RNG_PSEUDO_MRG32K3A" | "MCRAND_RNG_PSEUDO_MTGP32" | "MCRAND_RNG_PSEUDO_MT19937" | "MCRAND_RNG_PSEUDO_PHILOX4_32_10" | "MCRAND_RNG_QUASI_DEFAULT" | "MCRAND_RNG_QUASI_SOBOL32" | "MCRAND_RNG_QUASI_SCRAMBLED_SOBOL32" | "MCRAND_RNG_QUASI_SOBOL64" | "MCRAND_RNG_QUASI_SCRAMBLED_SOBOL64";

/** mcrandStatus_t (mcrand, inferred; values unconfirmed, names used as values). */
export const MCRAND_STATUS_SUCCESS = "MCRAND_STATUS_SUCCESS";
export const MCRAND_STATUS_VERSION_MISMATCH = "MCRAND_STATUS_VERSION_MISMATCH";
export const MCRAND_STATUS_NOT_INITIALIZED = "MCRAND_STATUS_NOT_INITIALIZED";
export const MCRAND_STATUS_ALLOCATION_FAILED = "MCRAND_STATUS_ALLOCATION_FAILED";
export const MCRAND_STATUS_TYPE_ERROR = "MCRAND_STATUS_TYPE_ERROR";
export const MCRAND_STATUS_OUT_OF_RANGE = "MCRAND_STATUS_OUT_OF_RANGE";
export const MCRAND_STATUS_LENGTH_NOT_MULTIPLE = "MCRAND_STATUS_LENGTH_NOT_MULTIPLE";
export const MCRAND_STATUS_DOUBLE_PRECISION_REQUIRED = "MCRAND_STATUS_DOUBLE_PRECISION_REQUIRED";
export const MCRAND_STATUS_LAUNCH_FAILURE = "MCRAND_STATUS_LAUNCH_FAILURE";
export const MCRAND_STATUS_PREEXISTING_FAILURE = "MCRAND_STATUS_PREEXISTING_FAILURE";
export const MCRAND_STATUS_INITIALIZATION_FAILED = "MCRAND_STATUS_INITIALIZATION_FAILED";
export const MCRAND_STATUS_ARCH_MISMATCH = "MCRAND_STATUS_ARCH_MISMATCH";
export const MCRAND_STATUS_INTERNAL_ERROR = "MCRAND_STATUS_INTERNAL_ERROR";
export const MCRAND_STATUS_NOT_IMPLEMENTED = "MCRAND_STATUS_NOT_IMPLEMENTED";
export type mcrandStatus_t = "MCRAND_STATUS_SUCCESS" | "MCRAND_STATUS_VERSION_MISMATCH" | "MCRAND_STATUS_NOT_INITIALIZED" | "MCRAND_STATUS_ALLOCATION_FAILED" | "MCRAND_STATUS_TYPE_ERROR" | "MCRAND_STATUS_OUT_OF_RANGE" | "MCRAND_STATUS_LENGTH_NOT_MULTIPLE" | "MCRAND_STATUS_DOUBLE_PRECISION_REQUIRED" | "MCRAND_STATUS_LAUNCH_FAILURE" | "MCRAND_STATUS_PREEXISTING_FAILURE" | "MCRAND_STATUS_INITIALIZATION_FAILED" | "MCRAND_STATUS_ARCH_MISMATCH" | "MCRAND_STATUS_INTERNAL_ERROR" | "MCRAND_STATUS_NOT_IMPLEMENTED";
