// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// Enum constants of the musa facade.

/** mcclDataType_t (mccl, inferred; values unconfirmed, names used as values). */
export const mcclInt8 = "mcclInt8";
export const mcclUint8 = "mcclUint8";
export const mcclInt32 = "mcclInt32";
export const mcclInt64 = "mcclInt64";
export const mcclFloat16 = "mcclFloat16";
export const mcclFloat = "mcclFloat";
export const mcclFloat64 = "mcclFloat64";
export const mcclBfloat16 = "mcclBfloat16";
export const mcclFp8E4M3 = "mcclFp8E4M3";
export const mcclFp8E5M2 = "mcclFp8E5M2";
export type mcclDataType_t = "mcclInt8" | "mcclUint8" | "mcclInt32" | "mcclInt64" | "mcclFloat16" | "mcclFloat" | "mcclFloat64" | "mcclBfloat16" | "mcclFp8E4M3" | "mcclFp8E5M2";

/** mcclRedOp_t (mccl, inferred; values unconfirmed, names used as values). */
export const mcclSum = "mcclSum";
export const mcclProd = "mcclProd";
export const mcclMax = "mcclMax";
export const mcclMin = "mcclMin";
export const mcclAvg = "mcclAvg";
export type mcclRedOp_t = "mcclSum" | "mcclProd" | "mcclMax" | "mcclMin" | "mcclAvg";

/** mcclResult_t (mccl, inferred; values unconfirmed, names used as values). */
export const mcclSuccess = "mcclSuccess";
export const mcclSystemError = "mcclSystemError";
export const mcclInternalError = "mcclInternalError";
export const mcclInvalidArgument = "mcclInvalidArgument";
export const mcclInvalidUsage = "mcclInvalidUsage";
export const mcclRemoteError = "mcclRemoteError";
export type mcclResult_t = "mcclSuccess" | "mcclSystemError" | "mcclInternalError" | "mcclInvalidArgument" | "mcclInvalidUsage" | "mcclRemoteError";

/** mublasComputeType_t (mublas, inferred; values unconfirmed, names used as values). */
export const MUBLAS_COMPUTE_16F = "MUBLAS_COMPUTE_16F";
export const MUBLAS_COMPUTE_32F = "MUBLAS_COMPUTE_32F";
export const MUBLAS_COMPUTE_32F_FAST_16F = "MUBLAS_COMPUTE_32F_FAST_16F";
export const MUBLAS_COMPUTE_32F_FAST_16BF = "MUBLAS_COMPUTE_32F_FAST_16BF";
export const MUBLAS_COMPUTE_32F_FAST_TF32 = "MUBLAS_COMPUTE_32F_FAST_TF32";
export const MUBLAS_COMPUTE_64F = "MUBLAS_COMPUTE_64F";
export const MUBLAS_COMPUTE_32I = "MUBLAS_COMPUTE_32I";
export type mublasComputeType_t = "MUBLAS_COMPUTE_16F" | "MUBLAS_COMPUTE_32F" | "MUBLAS_COMPUTE_32F_FAST_16F" | "MUBLAS_COMPUTE_32F_FAST_16BF" | "MUBLAS_COMPUTE_32F_FAST_TF32" | "MUBLAS_COMPUTE_64F" | "MUBLAS_COMPUTE_32I";

/** mublasGemmAlgo_t (mublas, inferred; values unconfirmed, names used as values). */
export const MUBLAS_GEMM_DEFAULT = "MUBLAS_GEMM_DEFAULT";
export type mublasGemmAlgo_t = "MUBLAS_GEMM_DEFAULT";

/** mublasMath_t (mublas, inferred; values unconfirmed, names used as values). */
export const MUBLAS_DEFAULT_MATH = "MUBLAS_DEFAULT_MATH";
export const MUBLAS_MATH_MODE_DEFAULT = "MUBLAS_MATH_MODE_DEFAULT";
export const MUBLAS_TENSOR_OP_MATH = "MUBLAS_TENSOR_OP_MATH";
export type mublasMath_t = "MUBLAS_DEFAULT_MATH" | "MUBLAS_MATH_MODE_DEFAULT" | "MUBLAS_TENSOR_OP_MATH";

/** mublasOperation_t (mublas, inferred; values unconfirmed, names used as values). */
export const MUBLAS_OP_N = "MUBLAS_OP_N";
export const MUBLAS_OP_T = "MUBLAS_OP_T";
export const MUBLAS_OP_C = "MUBLAS_OP_C";
export type mublasOperation_t = "MUBLAS_OP_N" | "MUBLAS_OP_T" | "MUBLAS_OP_C";

/** mublasStatus_t (mublas, inferred; values unconfirmed, names used as values). */
export const MUBLAS_STATUS_SUCCESS = "MUBLAS_STATUS_SUCCESS";
export const MUBLAS_STATUS_INVALID_HANDLE = "MUBLAS_STATUS_INVALID_HANDLE";
export const MUBLAS_STATUS_NOT_IMPLEMENTED = "MUBLAS_STATUS_NOT_IMPLEMENTED";
export const MUBLAS_STATUS_INVALID_POINTER = "MUBLAS_STATUS_INVALID_POINTER";
export const MUBLAS_STATUS_INVALID_SIZE = "MUBLAS_STATUS_INVALID_SIZE";
export const MUBLAS_STATUS_MEMORY_ERROR = "MUBLAS_STATUS_MEMORY_ERROR";
export const MUBLAS_STATUS_INTERNAL_ERROR = "MUBLAS_STATUS_INTERNAL_ERROR";
export const MUBLAS_STATUS_PERF_DEGRADED = "MUBLAS_STATUS_PERF_DEGRADED";
export const MUBLAS_STATUS_SIZE_QUERY_MISMATCH = "MUBLAS_STATUS_SIZE_QUERY_MISMATCH";
export const MUBLAS_STATUS_SIZE_INCREASED = "MUBLAS_STATUS_SIZE_INCREASED";
export const MUBLAS_STATUS_SIZE_UNCHANGED = "MUBLAS_STATUS_SIZE_UNCHANGED";
export const MUBLAS_STATUS_INVALID_VALUE = "MUBLAS_STATUS_INVALID_VALUE";
export const MUBLAS_STATUS_CONTINUE = "MUBLAS_STATUS_CONTINUE";
export const MUBLAS_STATUS_CHECK_NUMERICS_FAIL = "MUBLAS_STATUS_CHECK_NUMERICS_FAIL";
export type mublasStatus_t = "MUBLAS_STATUS_SUCCESS" | "MUBLAS_STATUS_INVALID_HANDLE" | "MUBLAS_STATUS_NOT_IMPLEMENTED" | "MUBLAS_STATUS_INVALID_POINTER" | "MUBLAS_STATUS_INVALID_SIZE" | "MUBLAS_STATUS_MEMORY_ERROR" | "MUBLAS_STATUS_INTERNAL_ERROR" | "MUBLAS_STATUS_PERF_DEGRADED" | "MUBLAS_STATUS_SIZE_QUERY_MISMATCH" | "MUBLAS_STATUS_SIZE_INCREASED" | "MUBLAS_STATUS_SIZE_UNCHANGED" | "MUBLAS_STATUS_INVALID_VALUE" | "MUBLAS_STATUS_CONTINUE" | "MUBLAS_STATUS_CHECK_NUMERICS_FAIL";

/** musaDataType_t (mublas, inferred; values unconfirmed, names used as values). */
export const MUSA_R_32F = "MUSA_R_32F";
export const MUSA_R_64F = "MUSA_R_64F";
export const MUSA_R_16F = "MUSA_R_16F";
export const MUSA_R_8I = "MUSA_R_8I";
export const MUSA_R_32I = "MUSA_R_32I";
export const MUSA_R_16BF = "MUSA_R_16BF";
export const MUSA_R_8F_E4M3 = "MUSA_R_8F_E4M3";
export const MUSA_R_8F_E5M2 = "MUSA_R_8F_E5M2";
export type musaDataType_t = "MUSA_R_32F" | "MUSA_R_64F" | "MUSA_R_16F" | "MUSA_R_8I" | "MUSA_R_32I" | "MUSA_R_16BF" | "MUSA_R_8F_E4M3" | "MUSA_R_8F_E5M2";

/** mublasLtEpilogue_t (mublaslt, unconfirmed; values unconfirmed, names used as values). */
export const MUBLASLT_EPILOGUE_DEFAULT = "MUBLASLT_EPILOGUE_DEFAULT";
export const MUBLASLT_EPILOGUE_RELU = "MUBLASLT_EPILOGUE_RELU";
export const MUBLASLT_EPILOGUE_BIAS = "MUBLASLT_EPILOGUE_BIAS";
export const MUBLASLT_EPILOGUE_RELU_BIAS = "MUBLASLT_EPILOGUE_RELU_BIAS";
export const MUBLASLT_EPILOGUE_GELU = "MUBLASLT_EPILOGUE_GELU";
export const MUBLASLT_EPILOGUE_GELU_BIAS = "MUBLASLT_EPILOGUE_GELU_BIAS";
export type mublasLtEpilogue_t = "MUBLASLT_EPILOGUE_DEFAULT" | "MUBLASLT_EPILOGUE_RELU" | "MUBLASLT_EPILOGUE_BIAS" | "MUBLASLT_EPILOGUE_RELU_BIAS" | "MUBLASLT_EPILOGUE_GELU" | "MUBLASLT_EPILOGUE_GELU_BIAS";

/** mublasLtMatmulDescAttributes_t (mublaslt, inferred; values unconfirmed, names used as values). */
export const MUBLASLT_MATMUL_DESC_TRANSA = "MUBLASLT_MATMUL_DESC_TRANSA";
export const MUBLASLT_MATMUL_DESC_TRANSB = "MUBLASLT_MATMUL_DESC_TRANSB";
export const MUBLASLT_MATMUL_DESC_EPILOGUE = "MUBLASLT_MATMUL_DESC_EPILOGUE";
export const MUBLASLT_MATMUL_DESC_BIAS_POINTER = "MUBLASLT_MATMUL_DESC_BIAS_POINTER";
export const MUBLASLT_MATMUL_DESC_A_SCALE_POINTER = "MUBLASLT_MATMUL_DESC_A_SCALE_POINTER";
export const MUBLASLT_MATMUL_DESC_B_SCALE_POINTER = "MUBLASLT_MATMUL_DESC_B_SCALE_POINTER";
export const MUBLASLT_MATMUL_DESC_FAST_ACCUM = "MUBLASLT_MATMUL_DESC_FAST_ACCUM";
export type mublasLtMatmulDescAttributes_t = "MUBLASLT_MATMUL_DESC_TRANSA" | "MUBLASLT_MATMUL_DESC_TRANSB" | "MUBLASLT_MATMUL_DESC_EPILOGUE" | "MUBLASLT_MATMUL_DESC_BIAS_POINTER" | "MUBLASLT_MATMUL_DESC_A_SCALE_POINTER" | "MUBLASLT_MATMUL_DESC_B_SCALE_POINTER" | "MUBLASLT_MATMUL_DESC_FAST_ACCUM";

/** mublasLtMatmulPreferenceAttributes_t (mublaslt, inferred; values unconfirmed, names used as values). */
export const MUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES = "MUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES";
export type mublasLtMatmulPreferenceAttributes_t = "MUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES";

/** mublasLtMatrixLayoutAttribute_t (mublaslt, inferred; values unconfirmed, names used as values). */
export const MUBLASLT_MATRIX_LAYOUT_BATCH_COUNT = "MUBLASLT_MATRIX_LAYOUT_BATCH_COUNT";
export const MUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET = "MUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET";
export type mublasLtMatrixLayoutAttribute_t = "MUBLASLT_MATRIX_LAYOUT_BATCH_COUNT" | "MUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET";

/** mudnnActivationMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_ACTIVATION_IDENTITY = "MUDNN_ACTIVATION_IDENTITY";
export const MUDNN_ACTIVATION_SIGMOID = "MUDNN_ACTIVATION_SIGMOID";
export const MUDNN_ACTIVATION_RELU = "MUDNN_ACTIVATION_RELU";
export const MUDNN_ACTIVATION_TANH = "MUDNN_ACTIVATION_TANH";
export const MUDNN_ACTIVATION_CLIPPED_RELU = "MUDNN_ACTIVATION_CLIPPED_RELU";
export const MUDNN_ACTIVATION_ELU = "MUDNN_ACTIVATION_ELU";
export const MUDNN_ACTIVATION_SILU = "MUDNN_ACTIVATION_SILU";
export type mudnnActivationMode_t = "MUDNN_ACTIVATION_IDENTITY" | "MUDNN_ACTIVATION_SIGMOID" | "MUDNN_ACTIVATION_RELU" | "MUDNN_ACTIVATION_TANH" | "MUDNN_ACTIVATION_CLIPPED_RELU" | "MUDNN_ACTIVATION_ELU" | "MUDNN_ACTIVATION_SILU";

/** mudnnBatchNormMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_BATCHNORM_PER_ACTIVATION = "MUDNN_BATCHNORM_PER_ACTIVATION";
export const MUDNN_BATCHNORM_SPATIAL = "MUDNN_BATCHNORM_SPATIAL";
export type mudnnBatchNormMode_t = "MUDNN_BATCHNORM_PER_ACTIVATION" | "MUDNN_BATCHNORM_SPATIAL";

/** mudnnBinaryMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_BINARY_ADD = "MUDNN_BINARY_ADD";
export const MUDNN_BINARY_SUB = "MUDNN_BINARY_SUB";
export const MUDNN_BINARY_MUL = "MUDNN_BINARY_MUL";
export const MUDNN_BINARY_DIV = "MUDNN_BINARY_DIV";
export const MUDNN_BINARY_POW = "MUDNN_BINARY_POW";
export const MUDNN_BINARY_MAX = "MUDNN_BINARY_MAX";
export const MUDNN_BINARY_MIN = "MUDNN_BINARY_MIN";
export const MUDNN_BINARY_ADD_ALPHA = "MUDNN_BINARY_ADD_ALPHA";
export const MUDNN_BINARY_SUB_ALPHA = "MUDNN_BINARY_SUB_ALPHA";
export type mudnnBinaryMode_t = "MUDNN_BINARY_ADD" | "MUDNN_BINARY_SUB" | "MUDNN_BINARY_MUL" | "MUDNN_BINARY_DIV" | "MUDNN_BINARY_POW" | "MUDNN_BINARY_MAX" | "MUDNN_BINARY_MIN" | "MUDNN_BINARY_ADD_ALPHA" | "MUDNN_BINARY_SUB_ALPHA";

/** mudnnConvolutionFwdAlgo_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM = "MUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM";
export const MUDNN_CONVOLUTION_FWD_ALGO_DIRECT = "MUDNN_CONVOLUTION_FWD_ALGO_DIRECT";
export const MUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED = "MUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED";
export const MUDNN_CONVOLUTION_FWD_ALGO_GEMM = "MUDNN_CONVOLUTION_FWD_ALGO_GEMM";
export type mudnnConvolutionFwdAlgo_t = "MUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM" | "MUDNN_CONVOLUTION_FWD_ALGO_DIRECT" | "MUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED" | "MUDNN_CONVOLUTION_FWD_ALGO_GEMM";

/** mudnnConvolutionMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_CROSS_CORRELATION = "MUDNN_CROSS_CORRELATION";
export type mudnnConvolutionMode_t = "MUDNN_CROSS_CORRELATION";

/** mudnnDataType_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_DATA_HALF = "MUDNN_DATA_HALF";
export const MUDNN_DATA_BFLOAT16 = "MUDNN_DATA_BFLOAT16";
export const MUDNN_DATA_FLOAT = "MUDNN_DATA_FLOAT";
export const MUDNN_DATA_DOUBLE = "MUDNN_DATA_DOUBLE";
export const MUDNN_DATA_BOOLEAN = "MUDNN_DATA_BOOLEAN";
export const MUDNN_DATA_INT8 = "MUDNN_DATA_INT8";
export const MUDNN_DATA_INT16 = "MUDNN_DATA_INT16";
export const MUDNN_DATA_INT32 = "MUDNN_DATA_INT32";
export const MUDNN_DATA_INT64 = "MUDNN_DATA_INT64";
export const MUDNN_DATA_UINT8 = "MUDNN_DATA_UINT8";
export const MUDNN_DATA_UINT16 = "MUDNN_DATA_UINT16";
export const MUDNN_DATA_UINT32 = "MUDNN_DATA_UINT32";
export const MUDNN_DATA_UINT64 = "MUDNN_DATA_UINT64";
export const MUDNN_DATA_QINT8 = "MUDNN_DATA_QINT8";
export const MUDNN_DATA_FP8_E5M2 = "MUDNN_DATA_FP8_E5M2";
export const MUDNN_DATA_FP8_E4M3 = "MUDNN_DATA_FP8_E4M3";
export type mudnnDataType_t = "MUDNN_DATA_HALF" | "MUDNN_DATA_BFLOAT16" | "MUDNN_DATA_FLOAT" | "MUDNN_DATA_DOUBLE" | "MUDNN_DATA_BOOLEAN" | "MUDNN_DATA_INT8" | "MUDNN_DATA_INT16" | "MUDNN_DATA_INT32" | "MUDNN_DATA_INT64" | "MUDNN_DATA_UINT8" | "MUDNN_DATA_UINT16" | "MUDNN_DATA_UINT32" | "MUDNN_DATA_UINT64" | "MUDNN_DATA_QINT8" | "MUDNN_DATA_FP8_E5M2" | "MUDNN_DATA_FP8_E4M3";

/** mudnnLayerNormMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_LAYER_NORM_MODE_DIRECT = "MUDNN_LAYER_NORM_MODE_DIRECT";
export const MUDNN_LAYER_NORM_MODE_WELFORD = "MUDNN_LAYER_NORM_MODE_WELFORD";
export type mudnnLayerNormMode_t = "MUDNN_LAYER_NORM_MODE_DIRECT" | "MUDNN_LAYER_NORM_MODE_WELFORD";

/** mudnnMathType_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_TENSOR_OP_MATH = "MUDNN_TENSOR_OP_MATH";
export const MUDNN_FMA_MATH = "MUDNN_FMA_MATH";
export type mudnnMathType_t = "MUDNN_TENSOR_OP_MATH" | "MUDNN_FMA_MATH";

/** mudnnNanPropagation_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_NOT_PROPAGATE_NAN = "MUDNN_NOT_PROPAGATE_NAN";
export type mudnnNanPropagation_t = "MUDNN_NOT_PROPAGATE_NAN";

/** mudnnParamDataType_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_PARAM_DATA_NONE = "MUDNN_PARAM_DATA_NONE";
export const MUDNN_PARAM_DATA_INT64 = "MUDNN_PARAM_DATA_INT64";
export const MUDNN_PARAM_DATA_UINT64 = "MUDNN_PARAM_DATA_UINT64";
export const MUDNN_PARAM_DATA_POINTER = "MUDNN_PARAM_DATA_POINTER";
export type mudnnParamDataType_t = "MUDNN_PARAM_DATA_NONE" | "MUDNN_PARAM_DATA_INT64" | "MUDNN_PARAM_DATA_UINT64" | "MUDNN_PARAM_DATA_POINTER";

/** mudnnPoolingMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_POOLING_MAX = "MUDNN_POOLING_MAX";
export const MUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING = "MUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING";
export const MUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING = "MUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING";
export const MUDNN_POOLING_GLOBAL_AVGPOOL = "MUDNN_POOLING_GLOBAL_AVGPOOL";
export const MUDNN_POOLING_ADAPTIVE_MAXPOOL = "MUDNN_POOLING_ADAPTIVE_MAXPOOL";
export const MUDNN_POOLING_ADAPTIVE_AVGPOOL = "MUDNN_POOLING_ADAPTIVE_AVGPOOL";
export type mudnnPoolingMode_t = "MUDNN_POOLING_MAX" | "MUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING" | "MUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING" | "MUDNN_POOLING_GLOBAL_AVGPOOL" | "MUDNN_POOLING_ADAPTIVE_MAXPOOL" | "MUDNN_POOLING_ADAPTIVE_AVGPOOL";

/** mudnnReduceMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_REDUCE_ADD = "MUDNN_REDUCE_ADD";
export const MUDNN_REDUCE_MEAN = "MUDNN_REDUCE_MEAN";
export const MUDNN_REDUCE_MAX = "MUDNN_REDUCE_MAX";
export const MUDNN_REDUCE_MIN = "MUDNN_REDUCE_MIN";
export const MUDNN_REDUCE_PROD = "MUDNN_REDUCE_PROD";
export const MUDNN_REDUCE_MUL_NO_ZEROS = "MUDNN_REDUCE_MUL_NO_ZEROS";
export const MUDNN_REDUCE_NORM = "MUDNN_REDUCE_NORM";
export const MUDNN_REDUCE_VARIANCE = "MUDNN_REDUCE_VARIANCE";
export const MUDNN_REDUCE_STD = "MUDNN_REDUCE_STD";
export type mudnnReduceMode_t = "MUDNN_REDUCE_ADD" | "MUDNN_REDUCE_MEAN" | "MUDNN_REDUCE_MAX" | "MUDNN_REDUCE_MIN" | "MUDNN_REDUCE_PROD" | "MUDNN_REDUCE_MUL_NO_ZEROS" | "MUDNN_REDUCE_NORM" | "MUDNN_REDUCE_VARIANCE" | "MUDNN_REDUCE_STD";

/** mudnnRMSNormMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_RMS_NORM_MODE_DIRECT = "MUDNN_RMS_NORM_MODE_DIRECT";
export type mudnnRMSNormMode_t = "MUDNN_RMS_NORM_MODE_DIRECT";

/** mudnnSoftmaxAlgorithm_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_SOFTMAX_ACCURATE = "MUDNN_SOFTMAX_ACCURATE";
export type mudnnSoftmaxAlgorithm_t = "MUDNN_SOFTMAX_ACCURATE";

/** mudnnSoftmaxMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_SOFTMAX_MODE_SOFTMAX = "MUDNN_SOFTMAX_MODE_SOFTMAX";
export const MUDNN_SOFTMAX_MODE_LOG_SOFTMAX = "MUDNN_SOFTMAX_MODE_LOG_SOFTMAX";
export const MUDNN_SOFTMAX_MODE_LOG_SUM_EXP = "MUDNN_SOFTMAX_MODE_LOG_SUM_EXP";
export type mudnnSoftmaxMode_t = "MUDNN_SOFTMAX_MODE_SOFTMAX" | "MUDNN_SOFTMAX_MODE_LOG_SOFTMAX" | "MUDNN_SOFTMAX_MODE_LOG_SUM_EXP";

/** mudnnStatus_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_STATUS_SUCCESS = "MUDNN_STATUS_SUCCESS";
export const MUDNN_STATUS_NOT_SUPPORTED = "MUDNN_STATUS_NOT_SUPPORTED";
export type mudnnStatus_t = "MUDNN_STATUS_SUCCESS" | "MUDNN_STATUS_NOT_SUPPORTED";

/** mudnnTensorFormat_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_TENSOR_NCW = "MUDNN_TENSOR_NCW";
export const MUDNN_TENSOR_NWC = "MUDNN_TENSOR_NWC";
export const MUDNN_TENSOR_NCHW = "MUDNN_TENSOR_NCHW";
export const MUDNN_TENSOR_NHWC = "MUDNN_TENSOR_NHWC";
export const MUDNN_TENSOR_HWCN = "MUDNN_TENSOR_HWCN";
export const MUDNN_TENSOR_NCDHW = "MUDNN_TENSOR_NCDHW";
export const MUDNN_TENSOR_NDHWC = "MUDNN_TENSOR_NDHWC";
export const MUDNN_TENSOR_DHWCN = "MUDNN_TENSOR_DHWCN";
export type mudnnTensorFormat_t = "MUDNN_TENSOR_NCW" | "MUDNN_TENSOR_NWC" | "MUDNN_TENSOR_NCHW" | "MUDNN_TENSOR_NHWC" | "MUDNN_TENSOR_HWCN" | "MUDNN_TENSOR_NCDHW" | "MUDNN_TENSOR_NDHWC" | "MUDNN_TENSOR_DHWCN";

/** mudnnUnaryMode_t (mudnn, inferred; values unconfirmed, names used as values). */
export const MUDNN_UNARY_RELU = "MUDNN_UNARY_RELU";
export const MUDNN_UNARY_SIGMOID = "MUDNN_UNARY_SIGMOID";
export const MUDNN_UNARY_TANH = "MUDNN_UNARY_TANH";
export const MUDNN_UNARY_ELU = "MUDNN_UNARY_ELU";
export const MUDNN_UNARY_CLIP = "MUDNN_UNARY_CLIP";
export const MUDNN_UNARY_LEAKY_RELU = "MUDNN_UNARY_LEAKY_RELU";
export const MUDNN_UNARY_SILU = "MUDNN_UNARY_SILU";
export const MUDNN_UNARY_SWISH = "MUDNN_UNARY_SWISH";
export const MUDNN_UNARY_GELU = "MUDNN_UNARY_GELU";
export const MUDNN_UNARY_GELU_TANH = "MUDNN_UNARY_GELU_TANH";
export const MUDNN_UNARY_SOFTPLUS = "MUDNN_UNARY_SOFTPLUS";
export const MUDNN_UNARY_IDENTITY = "MUDNN_UNARY_IDENTITY";
export const MUDNN_UNARY_ABS = "MUDNN_UNARY_ABS";
export const MUDNN_UNARY_EXP = "MUDNN_UNARY_EXP";
export const MUDNN_UNARY_LOG = "MUDNN_UNARY_LOG";
export const MUDNN_UNARY_SQRT = "MUDNN_UNARY_SQRT";
export const MUDNN_UNARY_RSQRT = "MUDNN_UNARY_RSQRT";
export const MUDNN_UNARY_RECIPROCAL = "MUDNN_UNARY_RECIPROCAL";
export const MUDNN_UNARY_SIN = "MUDNN_UNARY_SIN";
export const MUDNN_UNARY_COS = "MUDNN_UNARY_COS";
export const MUDNN_UNARY_ERF = "MUDNN_UNARY_ERF";
export const MUDNN_UNARY_CAST = "MUDNN_UNARY_CAST";
export type mudnnUnaryMode_t = "MUDNN_UNARY_RELU" | "MUDNN_UNARY_SIGMOID" | "MUDNN_UNARY_TANH" | "MUDNN_UNARY_ELU" | "MUDNN_UNARY_CLIP" | "MUDNN_UNARY_LEAKY_RELU" | "MUDNN_UNARY_SILU" | "MUDNN_UNARY_SWISH" | "MUDNN_UNARY_GELU" | "MUDNN_UNARY_GELU_TANH" | "MUDNN_UNARY_SOFTPLUS" | "MUDNN_UNARY_IDENTITY" | "MUDNN_UNARY_ABS" | "MUDNN_UNARY_EXP" | "MUDNN_UNARY_LOG" | "MUDNN_UNARY_SQRT" | "MUDNN_UNARY_RSQRT" | "MUDNN_UNARY_RECIPROCAL" | "MUDNN_UNARY_SIN" | "MUDNN_UNARY_COS" | "MUDNN_UNARY_ERF" | "MUDNN_UNARY_CAST";

/** murandRngType_t (murand, inferred; values unconfirmed, names used as values). */
export const MURAND_RNG_TEST = "MURAND_RNG_TEST";
export const MURAND_RNG_PSEUDO_DEFAULT = "MURAND_RNG_PSEUDO_DEFAULT";
export const MURAND_RNG_PSEUDO_XORWOW = "MURAND_RNG_PSEUDO_XORWOW";
export const MURAND_RNG_PSEUDO_MRG32K3A = "MURAND_RNG_PSEUDO_MRG32K3A";
export const MURAND_RNG_PSEUDO_MTGP32 = "MURAND_RNG_PSEUDO_MTGP32";
export const MURAND_RNG_PSEUDO_MT19937 = "MURAND_RNG_PSEUDO_MT19937";
export const MURAND_RNG_PSEUDO_PHILOX4_32_10 = "MURAND_RNG_PSEUDO_PHILOX4_32_10";
export const MURAND_RNG_QUASI_DEFAULT = "MURAND_RNG_QUASI_DEFAULT";
export const MURAND_RNG_QUASI_SOBOL32 = "MURAND_RNG_QUASI_SOBOL32";
export const MURAND_RNG_QUASI_SCRAMBLED_SOBOL32 = "MURAND_RNG_QUASI_SCRAMBLED_SOBOL32";
export const MURAND_RNG_QUASI_SOBOL64 = "MURAND_RNG_QUASI_SOBOL64";
export const MURAND_RNG_QUASI_SCRAMBLED_SOBOL64 = "MURAND_RNG_QUASI_SCRAMBLED_SOBOL64";
export type murandRngType_t = "MURAND_RNG_TEST" | "MURAND_RNG_PSEUDO_DEFAULT" | "MURAND_RNG_PSEUDO_XORWOW" | "MURAND_RNG_PSEUDO_MRG32K3A" | "MURAND_RNG_PSEUDO_MTGP32" | "MURAND_RNG_PSEUDO_MT19937" | "MURAND_RNG_PSEUDO_PHILOX4_32_10" | "MURAND_RNG_QUASI_DEFAULT" | "MURAND_RNG_QUASI_SOBOL32" | "MURAND_RNG_QUASI_SCRAMBLED_SOBOL32" | "MURAND_RNG_QUASI_SOBOL64" | "MURAND_RNG_QUASI_SCRAMBLED_SOBOL64";

/** murandStatus_t (murand, inferred; values unconfirmed, names used as values). */
export const MURAND_STATUS_SUCCESS = "MURAND_STATUS_SUCCESS";
export const MURAND_STATUS_VERSION_MISMATCH = "MURAND_STATUS_VERSION_MISMATCH";
export const MURAND_STATUS_NOT_INITIALIZED = "MURAND_STATUS_NOT_INITIALIZED";
export const MURAND_STATUS_ALLOCATION_FAILED = "MURAND_STATUS_ALLOCATION_FAILED";
export const MURAND_STATUS_TYPE_ERROR = "MURAND_STATUS_TYPE_ERROR";
export const MURAND_STATUS_OUT_OF_RANGE = "MURAND_STATUS_OUT_OF_RANGE";
export const MURAND_STATUS_LENGTH_NOT_MULTIPLE = "MURAND_STATUS_LENGTH_NOT_MULTIPLE";
export const MURAND_STATUS_DOUBLE_PRECISION_REQUIRED = "MURAND_STATUS_DOUBLE_PRECISION_REQUIRED";
export const MURAND_STATUS_LAUNCH_FAILURE = "MURAND_STATUS_LAUNCH_FAILURE";
export const MURAND_STATUS_PREEXISTING_FAILURE = "MURAND_STATUS_PREEXISTING_FAILURE";
export const MURAND_STATUS_INITIALIZATION_FAILED = "MURAND_STATUS_INITIALIZATION_FAILED";
export const MURAND_STATUS_ARCH_MISMATCH = "MURAND_STATUS_ARCH_MISMATCH";
export const MURAND_STATUS_INTERNAL_ERROR = "MURAND_STATUS_INTERNAL_ERROR";
export type murandStatus_t = "MURAND_STATUS_SUCCESS" | "MURAND_STATUS_VERSION_MISMATCH" | "MURAND_STATUS_NOT_INITIALIZED" | "MURAND_STATUS_ALLOCATION_FAILED" | "MURAND_STATUS_TYPE_ERROR" | "MURAND_STATUS_OUT_OF_RANGE" | "MURAND_STATUS_LENGTH_NOT_MULTIPLE" | "MURAND_STATUS_DOUBLE_PRECISION_REQUIRED" | "MURAND_STATUS_LAUNCH_FAILURE" | "MURAND_STATUS_PREEXISTING_FAILURE" | "MURAND_STATUS_INITIALIZATION_FAILED" | "MURAND_STATUS_ARCH_MISMATCH" | "MURAND_STATUS_INTERNAL_ERROR";

/** musaError_t (musa-runtime, inferred; values unconfirmed, names used as values). */
export const musaSuccess = "musaSuccess";
export const musaErrorInvalidValue = "musaErrorInvalidValue";
export const musaErrorMemoryAllocation = "musaErrorMemoryAllocation";
export const musaErrorInitializationError = "musaErrorInitializationError";
export const musaErrorInvalidConfiguration = "musaErrorInvalidConfiguration";
export const musaErrorInvalidPitchValue = "musaErrorInvalidPitchValue";
export const musaErrorInvalidSymbol = "musaErrorInvalidSymbol";
export const musaErrorInvalidHostPointer = "musaErrorInvalidHostPointer";
export const musaErrorInvalidDevicePointer = "musaErrorInvalidDevicePointer";
export const musaErrorInvalidMemcpyDirection = "musaErrorInvalidMemcpyDirection";
export const musaErrorInsufficientDriver = "musaErrorInsufficientDriver";
export const musaErrorNoDevice = "musaErrorNoDevice";
export const musaErrorInvalidDevice = "musaErrorInvalidDevice";
export const musaErrorInvalidKernelImage = "musaErrorInvalidKernelImage";
export const musaErrorNoKernelImageForDevice = "musaErrorNoKernelImageForDevice";
export const musaErrorInvalidResourceHandle = "musaErrorInvalidResourceHandle";
export const musaErrorIllegalState = "musaErrorIllegalState";
export const musaErrorNotReady = "musaErrorNotReady";
export const musaErrorIllegalAddress = "musaErrorIllegalAddress";
export const musaErrorLaunchOutOfResources = "musaErrorLaunchOutOfResources";
export const musaErrorPeerAccessAlreadyEnabled = "musaErrorPeerAccessAlreadyEnabled";
export const musaErrorContextIsDestroyed = "musaErrorContextIsDestroyed";
export const musaErrorLaunchFailure = "musaErrorLaunchFailure";
export const musaErrorNotSupported = "musaErrorNotSupported";
export const musaErrorUnknown = "musaErrorUnknown";
export type musaError_t = "musaSuccess" | "musaErrorInvalidValue" | "musaErrorMemoryAllocation" | "musaErrorInitializationError" | "musaErrorInvalidConfiguration" | "musaErrorInvalidPitchValue" | "musaErrorInvalidSymbol" | "musaErrorInvalidHostPointer" | "musaErrorInvalidDevicePointer" | "musaErrorInvalidMemcpyDirection" | "musaErrorInsufficientDriver" | "musaErrorNoDevice" | "musaErrorInvalidDevice" | "musaErrorInvalidKernelImage" | "musaErrorNoKernelImageForDevice" | "musaErrorInvalidResourceHandle" | "musaErrorIllegalState" | "musaErrorNotReady" | "musaErrorIllegalAddress" | "musaErrorLaunchOutOfResources" | "musaErrorPeerAccessAlreadyEnabled" | "musaErrorContextIsDestroyed" | "musaErrorLaunchFailure" | "musaErrorNotSupported" | "musaErrorUnknown";

/** musaEventFlags (musa-runtime, inferred; values unconfirmed, names used as values). */
export const musaEventDefault = "musaEventDefault";
export const musaEventBlockingSync = "musaEventBlockingSync";
export const musaEventDisableTiming = "musaEventDisableTiming";
export const musaEventInterprocess = "musaEventInterprocess";
export type musaEventFlags = "musaEventDefault" | "musaEventBlockingSync" | "musaEventDisableTiming" | "musaEventInterprocess";

/** musaHostAllocFlags (musa-runtime, inferred; values unconfirmed, names used as values). */
export const musaHostAllocDefault = "musaHostAllocDefault";
export const musaHostAllocPortable = "musaHostAllocPortable";
export const musaHostAllocMapped = "musaHostAllocMapped";
export const musaHostAllocWriteCombined = "musaHostAllocWriteCombined";
export type musaHostAllocFlags = "musaHostAllocDefault" | "musaHostAllocPortable" | "musaHostAllocMapped" | "musaHostAllocWriteCombined";

/** musaMemcpyKind (musa-runtime, inferred; values unconfirmed, names used as values). */
export const musaMemcpyHostToHost = "musaMemcpyHostToHost";
export const musaMemcpyHostToDevice = "musaMemcpyHostToDevice";
export const musaMemcpyDeviceToHost = "musaMemcpyDeviceToHost";
export const musaMemcpyDeviceToDevice = "musaMemcpyDeviceToDevice";
export const musaMemcpyDefault = "musaMemcpyDefault";
export type musaMemcpyKind = "musaMemcpyHostToHost" | "musaMemcpyHostToDevice" | "musaMemcpyDeviceToHost" | "musaMemcpyDeviceToDevice" | "musaMemcpyDefault";

/** musaStreamFlags (musa-runtime, inferred; values unconfirmed, names used as values). */
export const musaStreamDefault = "musaStreamDefault";
export const musaStreamNonBlocking = "musaStreamNonBlocking";
export type musaStreamFlags = "musaStreamDefault" | "musaStreamNonBlocking";
