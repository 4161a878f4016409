// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// Enum constants of the cambricon facade.

/** cnclDataType_t (cncl, confirmed). */
export const cnclInvalid = 0;
export const cnclHalf = 16;
export const cnclFloat16 = 16;
export const cnclBfloat16 = 17;
export const cnclFloat = 18;
export const cnclFloat32 = 18;
export const cnclInt8 = 32;
export const cnclChar = 32;
export const cnclInt16 = 33;
export const cnclInt = 34;
export const cnclInt32 = 34;
export const cnclInt64 = 35;
export const cnclUint8 = 48;
export const cnclUint16 = 49;
export const cnclUint32 = 50;
export const cnclUint64 = 51;
export type cnclDataType_t = 0 | 16 | 17 | 18 | 32 | 33 | 34 | 35 | 48 | 49 | 50 | 51;

/** cnclReduceOp_t (cncl, confirmed). */
export const cnclSum = 0;
export const cnclProd = 1;
export const cnclMax = 2;
export const cnclMin = 3;
export type cnclReduceOp_t = 0 | 1 | 2 | 3;

/** cnclResult_t (cncl, confirmed). */
export const CNCL_RET_SUCCESS = 0;
export const CNCL_RET_ERR_INTERNAL = 1;
export const CNCL_RET_ERR_UNSUPPORTED = 17;
export const CNCL_RET_ERR_NULL_POINTER = 33;
export const CNCL_RET_ERR_BUILD_RING = 49;
export const CNCL_RET_ERR_BUILD_TREE = 65;
export const CNCL_RET_ERR_INIT = 81;
export const CNCL_RET_ERR_NOT_INIT = 97;
export const CNCL_RET_ERR_REINIT = 113;
export const CNCL_RET_ERR_NO_ALGO = 129;
export const CNCL_RET_ERR_INVALID_VERSION = 145;
export const CNCL_RET_ERR_SYSTEM = 2;
export const CNCL_RET_ERR_SYS_MALLOC = 18;
export const CNCL_RET_ERR_SYS_SOCKET = 34;
export const CNCL_RET_ERR_SYS_IBV = 50;
export const CNCL_RET_ERR_MLU_RUNTIME = 3;
export const CNCL_RET_ERR_CNRT_DEVICE = 19;
export const CNCL_RET_ERR_CNRT_MEMCOPY = 35;
export const CNCL_RET_ERR_CNRT_MALLOC = 51;
export const CNCL_RET_ERR_MLU_DEVICE = 4;
export const CNCL_RET_ERR_CNDEV_NODE = 20;
export const CNCL_RET_ERR_CNDEV_RELATIONSHIP = 36;
export const CNCL_RET_ERR_MLU_INNETWORK_COMPUTE = 5;
export const CNCL_RET_ERR_CNLINC_TASK = 21;
export const CNCL_RET_ERR_CNLINC_WR = 37;
export const CNCL_RET_ERR_CNLINC_KERNEL = 53;
export const CNCL_RET_ASYNC_IN_PROGRESS = 6;
export const CNCL_RET_ASYNC_ERROR = 22;
export const CNCL_RET_ASYNC_UNKNOWN_ERROR = 38;
export const CNCL_RET_ERR_ARGUMENTS = 7;
export const CNCL_RET_ERR_MLU_ALLOCATE = 8;
export const CNCL_RET_ERR_MLU_DEALLOCATE = 24;
export const CNCL_RET_IB_RECV_NOTREADY = 9;
export type cnclResult_t = 0 | 1 | 17 | 33 | 49 | 65 | 81 | 97 | 113 | 129 | 145 | 2 | 18 | 34 | 50 | 3 | 19 | 35 | 51 | 4 | 20 | 36 | 5 | 21 | 37 | 53 | 6 | 22 | 38 | 7 | 8 | 24 | 9;

/** cnnlActivationMode_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_ACTIVATION_RELU = "CNNL_ACTIVATION_RELU";
export const CNNL_ACTIVATION_RELU6 = "CNNL_ACTIVATION_RELU6";
export const CNNL_ACTIVATION_SIGMOID = "CNNL_ACTIVATION_SIGMOID";
export const CNNL_ACTIVATION_TANH = "CNNL_ACTIVATION_TANH";
export const CNNL_ACTIVATION_GELU = "CNNL_ACTIVATION_GELU";
export const CNNL_ACTIVATION_SILU = "CNNL_ACTIVATION_SILU";
export const CNNL_ACTIVATION_ELU = "CNNL_ACTIVATION_ELU";
export const CNNL_ACTIVATION_LEAKYRELU = "CNNL_ACTIVATION_LEAKYRELU";
export const CNNL_ACTIVATION_HARDSIGMOID = "CNNL_ACTIVATION_HARDSIGMOID";
export const CNNL_ACTIVATION_HARDSWISH = "CNNL_ACTIVATION_HARDSWISH";
export const CNNL_ACTIVATION_CLIPPED_RELU = "CNNL_ACTIVATION_CLIPPED_RELU";
export const CNNL_ACTIVATION_IDENTITY = "CNNL_ACTIVATION_IDENTITY";
export type cnnlActivationMode_t = "CNNL_ACTIVATION_RELU" | "CNNL_ACTIVATION_RELU6" | "CNNL_ACTIVATION_SIGMOID" | "CNNL_ACTIVATION_TANH" | "CNNL_ACTIVATION_GELU" | "CNNL_ACTIVATION_SILU" | "CNNL_ACTIVATION_ELU" | "CNNL_ACTIVATION_LEAKYRELU" | "CNNL_ACTIVATION_HARDSIGMOID" | "CNNL_ACTIVATION_HARDSWISH" | "CNNL_ACTIVATION_CLIPPED_RELU" | "CNNL_ACTIVATION_IDENTITY";

/** cnnlActivationPreference_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_ACTIVATION_HIGH_PRECISION = "CNNL_ACTIVATION_HIGH_PRECISION";
export type cnnlActivationPreference_t = "CNNL_ACTIVATION_HIGH_PRECISION";

/** cnnlAttentionMaskMode_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_ATTN_MASK_NONE = "CNNL_ATTN_MASK_NONE";
export const CNNL_ATTN_MASK_CAUSAL = "CNNL_ATTN_MASK_CAUSAL";
export type cnnlAttentionMaskMode_t = "CNNL_ATTN_MASK_NONE" | "CNNL_ATTN_MASK_CAUSAL";

/** cnnlCastDataType_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_CAST_FLOAT_TO_HALF = "CNNL_CAST_FLOAT_TO_HALF";
export const CNNL_CAST_FLOAT_TO_HALF_IEEE754 = "CNNL_CAST_FLOAT_TO_HALF_IEEE754";
export const CNNL_CAST_HALF_TO_FLOAT = "CNNL_CAST_HALF_TO_FLOAT";
export const CNNL_CAST_FLOAT_TO_BFLOAT16 = "CNNL_CAST_FLOAT_TO_BFLOAT16";
export const CNNL_CAST_BFLOAT16_TO_FLOAT = "CNNL_CAST_BFLOAT16_TO_FLOAT";
export const CNNL_CAST_HALF_TO_FLOAT_INF = "CNNL_CAST_HALF_TO_FLOAT_INF";
export const CNNL_CAST_FLOAT_TO_DOUBLE = "CNNL_CAST_FLOAT_TO_DOUBLE";
export const CNNL_CAST_DOUBLE_TO_FLOAT = "CNNL_CAST_DOUBLE_TO_FLOAT";
export const CNNL_CAST_FLOAT_TO_INT32 = "CNNL_CAST_FLOAT_TO_INT32";
export const CNNL_CAST_FLOAT_TO_INT64 = "CNNL_CAST_FLOAT_TO_INT64";
export const CNNL_CAST_FLOAT_TO_INT16 = "CNNL_CAST_FLOAT_TO_INT16";
export const CNNL_CAST_FLOAT_TO_INT8 = "CNNL_CAST_FLOAT_TO_INT8";
export const CNNL_CAST_FLOAT_TO_UINT8 = "CNNL_CAST_FLOAT_TO_UINT8";
export const CNNL_CAST_FLOAT_TO_BOOL = "CNNL_CAST_FLOAT_TO_BOOL";
export const CNNL_CAST_HALF_TO_INT32 = "CNNL_CAST_HALF_TO_INT32";
export const CNNL_CAST_HALF_TO_INT64 = "CNNL_CAST_HALF_TO_INT64";
export const CNNL_CAST_HALF_TO_INT16 = "CNNL_CAST_HALF_TO_INT16";
export const CNNL_CAST_HALF_TO_INT8 = "CNNL_CAST_HALF_TO_INT8";
export const CNNL_CAST_HALF_TO_UINT8 = "CNNL_CAST_HALF_TO_UINT8";
export const CNNL_CAST_HALF_TO_BOOL = "CNNL_CAST_HALF_TO_BOOL";
export const CNNL_CAST_INT32_TO_FLOAT = "CNNL_CAST_INT32_TO_FLOAT";
export const CNNL_CAST_INT32_TO_HALF = "CNNL_CAST_INT32_TO_HALF";
export const CNNL_CAST_INT32_TO_INT64 = "CNNL_CAST_INT32_TO_INT64";
export const CNNL_CAST_INT32_TO_INT16 = "CNNL_CAST_INT32_TO_INT16";
export const CNNL_CAST_INT32_TO_INT8 = "CNNL_CAST_INT32_TO_INT8";
export const CNNL_CAST_INT32_TO_BOOL = "CNNL_CAST_INT32_TO_BOOL";
export const CNNL_CAST_INT64_TO_INT32 = "CNNL_CAST_INT64_TO_INT32";
export const CNNL_CAST_INT64_TO_FLOAT = "CNNL_CAST_INT64_TO_FLOAT";
export const CNNL_CAST_INT64_TO_HALF = "CNNL_CAST_INT64_TO_HALF";
export const CNNL_CAST_INT16_TO_INT32 = "CNNL_CAST_INT16_TO_INT32";
export const CNNL_CAST_INT16_TO_FLOAT = "CNNL_CAST_INT16_TO_FLOAT";
export const CNNL_CAST_INT16_TO_HALF = "CNNL_CAST_INT16_TO_HALF";
export const CNNL_CAST_INT8_TO_INT16 = "CNNL_CAST_INT8_TO_INT16";
export const CNNL_CAST_INT8_TO_INT32 = "CNNL_CAST_INT8_TO_INT32";
export const CNNL_CAST_INT8_TO_FLOAT = "CNNL_CAST_INT8_TO_FLOAT";
export const CNNL_CAST_INT8_TO_HALF = "CNNL_CAST_INT8_TO_HALF";
export const CNNL_CAST_UINT8_TO_INT32 = "CNNL_CAST_UINT8_TO_INT32";
export const CNNL_CAST_UINT8_TO_INT64 = "CNNL_CAST_UINT8_TO_INT64";
export const CNNL_CAST_UINT8_TO_FLOAT = "CNNL_CAST_UINT8_TO_FLOAT";
export const CNNL_CAST_UINT8_TO_HALF = "CNNL_CAST_UINT8_TO_HALF";
export const CNNL_CAST_BOOL_TO_FLOAT = "CNNL_CAST_BOOL_TO_FLOAT";
export const CNNL_CAST_BOOL_TO_HALF = "CNNL_CAST_BOOL_TO_HALF";
export const CNNL_CAST_BOOL_TO_INT32 = "CNNL_CAST_BOOL_TO_INT32";
export type cnnlCastDataType_t = "CNNL_CAST_FLOAT_TO_HALF" | "CNNL_CAST_FLOAT_TO_HALF_IEEE754" | "CNNL_CAST_HALF_TO_FLOAT" | "CNNL_CAST_FLOAT_TO_BFLOAT16" | "CNNL_CAST_BFLOAT16_TO_FLOAT" | "CNNL_CAST_HALF_TO_FLOAT_INF" | "CNNL_CAST_FLOAT_TO_DOUBLE" | "CNNL_CAST_DOUBLE_TO_FLOAT" | "CNNL_CAST_FLOAT_TO_INT32" | "CNNL_CAST_FLOAT_TO_INT64" | "CNNL_CAST_FLOAT_TO_INT16" | "CNNL_CAST_FLOAT_TO_INT8" | "CNNL_CAST_FLOAT_TO_UINT8" | "CNNL_CAST_FLOAT_TO_BOOL" | "CNNL_CAST_HALF_TO_INT32" | "CNNL_CAST_HALF_TO_INT64" | "CNNL_CAST_HALF_TO_INT16" | "CNNL_CAST_HALF_TO_INT8" | "CNNL_CAST_HALF_TO_UINT8" | "CNNL_CAST_HALF_TO_BOOL" | "CNNL_CAST_INT32_TO_FLOAT" | "CNNL_CAST_INT32_TO_HALF" | "CNNL_CAST_INT32_TO_INT64" | "CNNL_CAST_INT32_TO_INT16" | "CNNL_CAST_INT32_TO_INT8" | "CNNL_CAST_INT32_TO_BOOL" | "CNNL_CAST_INT64_TO_INT32" | "CNNL_CAST_INT64_TO_FLOAT" | "CNNL_CAST_INT64_TO_HALF" | "CNNL_CAST_INT16_TO_INT32" | "CNNL_CAST_INT16_TO_FLOAT" | "CNNL_CAST_INT16_TO_HALF" | "CNNL_CAST_INT8_TO_INT16" | "CNNL_CAST_INT8_TO_INT32" | "CNNL_CAST_INT8_TO_FLOAT" | "CNNL_CAST_INT8_TO_HALF" | "CNNL_CAST_UINT8_TO_INT32" | "CNNL_CAST_UINT8_TO_INT64" | "CNNL_CAST_UINT8_TO_FLOAT" | "CNNL_CAST_UINT8_TO_HALF" | "CNNL_CAST_BOOL_TO_FLOAT" | "CNNL_CAST_BOOL_TO_HALF" | "CNNL_CAST_BOOL_TO_INT32";

/** cnnlComputationPreference_t (cnnl, confirmed). */
export const CNNL_COMPUTATION_FAST = 0;
export const CNNL_COMPUTATION_HIGH_PRECISION = 1;
export type cnnlComputationPreference_t = 0 | 1;

/** cnnlConvolutionForwardAlgo_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_CONVOLUTION_FWD_ALGO_DIRECT = "CNNL_CONVOLUTION_FWD_ALGO_DIRECT";
export type cnnlConvolutionForwardAlgo_t = "CNNL_CONVOLUTION_FWD_ALGO_DIRECT";

/** cnnlConvolutionFwdPreference_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_CONVOLUTION_FWD_FASTEST = "CNNL_CONVOLUTION_FWD_FASTEST";
export type cnnlConvolutionFwdPreference_t = "CNNL_CONVOLUTION_FWD_FASTEST";

/** cnnlDataType_t (cnnl, inferred). */
export const CNNL_DTYPE_INVALID = 0;
export const CNNL_DTYPE_HALF = 1;
export const CNNL_DTYPE_FLOAT = 2;
export const CNNL_DTYPE_INT8 = 3;
export const CNNL_DTYPE_INT16 = 4;
export const CNNL_DTYPE_INT31 = 5;
export const CNNL_DTYPE_INT32 = 6;
export const CNNL_DTYPE_UINT8 = 7;
export const CNNL_DTYPE_BOOL = 8;
export const CNNL_DTYPE_INT64 = 9;
export const CNNL_DTYPE_UINT32 = 11;
export const CNNL_DTYPE_UINT64 = 12;
export const CNNL_DTYPE_UINT16 = 13;
export const CNNL_DTYPE_DOUBLE = 14;
export const CNNL_DTYPE_COMPLEX_HALF = 15;
export const CNNL_DTYPE_COMPLEX_FLOAT = 16;
export const CNNL_DTYPE_BFLOAT16 = 17;
export type cnnlDataType_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 11 | 12 | 13 | 14 | 15 | 16 | 17;

/** cnnlIndicesType_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_32BIT_INDICES = "CNNL_32BIT_INDICES";
export type cnnlIndicesType_t = "CNNL_32BIT_INDICES";

/** cnnlMatMulDescAttribute_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_MATMUL_DESC_TRANSA = "CNNL_MATMUL_DESC_TRANSA";
export const CNNL_MATMUL_DESC_TRANSB = "CNNL_MATMUL_DESC_TRANSB";
export const CNNL_MATMUL_DESC_COMPUTE_TYPE = "CNNL_MATMUL_DESC_COMPUTE_TYPE";
export const CNNL_MATMUL_ALLOW_TF32 = "CNNL_MATMUL_ALLOW_TF32";
export const CNNL_MATMUL_USE_BETA = "CNNL_MATMUL_USE_BETA";
export const CNNL_MATMUL_USE_STRIDE = "CNNL_MATMUL_USE_STRIDE";
export const CNNL_MATMUL_DESC_LDA = "CNNL_MATMUL_DESC_LDA";
export const CNNL_MATMUL_DESC_LDB = "CNNL_MATMUL_DESC_LDB";
export const CNNL_MATMUL_DESC_LDC = "CNNL_MATMUL_DESC_LDC";
export type cnnlMatMulDescAttribute_t = "CNNL_MATMUL_DESC_TRANSA" | "CNNL_MATMUL_DESC_TRANSB" | "CNNL_MATMUL_DESC_COMPUTE_TYPE" | "CNNL_MATMUL_ALLOW_TF32" | "CNNL_MATMUL_USE_BETA" | "CNNL_MATMUL_USE_STRIDE" | "CNNL_MATMUL_DESC_LDA" | "CNNL_MATMUL_DESC_LDB" | "CNNL_MATMUL_DESC_LDC";

/** cnnlNanPropagation_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_NOT_PROPAGATE_NAN = "CNNL_NOT_PROPAGATE_NAN";
export const CNNL_PROPAGATE_NAN = "CNNL_PROPAGATE_NAN";
export type cnnlNanPropagation_t = "CNNL_NOT_PROPAGATE_NAN" | "CNNL_PROPAGATE_NAN";

/** cnnlOpTensorDesc_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_OP_TENSOR_ADD = "CNNL_OP_TENSOR_ADD";
export const CNNL_OP_TENSOR_SUB = "CNNL_OP_TENSOR_SUB";
export const CNNL_OP_TENSOR_MUL = "CNNL_OP_TENSOR_MUL";
export type cnnlOpTensorDesc_t = "CNNL_OP_TENSOR_ADD" | "CNNL_OP_TENSOR_SUB" | "CNNL_OP_TENSOR_MUL";

/** cnnlPoolingMode_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_POOLING_MAX = "CNNL_POOLING_MAX";
export const CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING = "CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING";
export const CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING = "CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING";
export type cnnlPoolingMode_t = "CNNL_POOLING_MAX" | "CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING" | "CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING";

/** cnnlRandRngType_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_RAND_RNG_FAST = "CNNL_RAND_RNG_FAST";
export const CNNL_RAND_RNG_MTGP32 = "CNNL_RAND_RNG_MTGP32";
export type cnnlRandRngType_t = "CNNL_RAND_RNG_FAST" | "CNNL_RAND_RNG_MTGP32";

/** cnnlReduceIndices_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_REDUCE_NO_INDICES = "CNNL_REDUCE_NO_INDICES";
export const CNNL_REDUCE_ONLY_INDICES = "CNNL_REDUCE_ONLY_INDICES";
export type cnnlReduceIndices_t = "CNNL_REDUCE_NO_INDICES" | "CNNL_REDUCE_ONLY_INDICES";

/** cnnlReduceOp_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_REDUCE_ADD = "CNNL_REDUCE_ADD";
export const CNNL_REDUCE_AVG = "CNNL_REDUCE_AVG";
export const CNNL_REDUCE_MAX = "CNNL_REDUCE_MAX";
export const CNNL_REDUCE_MIN = "CNNL_REDUCE_MIN";
export const CNNL_REDUCE_MUL = "CNNL_REDUCE_MUL";
export type cnnlReduceOp_t = "CNNL_REDUCE_ADD" | "CNNL_REDUCE_AVG" | "CNNL_REDUCE_MAX" | "CNNL_REDUCE_MIN" | "CNNL_REDUCE_MUL";

/** cnnlSoftmaxAlgorithm_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_SOFTMAX_ACCURATE = "CNNL_SOFTMAX_ACCURATE";
export const CNNL_SOFTMAX_LOG = "CNNL_SOFTMAX_LOG";
export type cnnlSoftmaxAlgorithm_t = "CNNL_SOFTMAX_ACCURATE" | "CNNL_SOFTMAX_LOG";

/** cnnlSoftmaxMode_t (cnnl, inferred; values unconfirmed, names used as values). */
export const CNNL_SOFTMAX_MODE_LOW_DIMENSION = "CNNL_SOFTMAX_MODE_LOW_DIMENSION";
export const CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION = "CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION";
export const CNNL_SOFTMAX_MODE_HIGH_DIMENSION = "CNNL_SOFTMAX_MODE_HIGH_DIMENSION";
export type cnnlSoftmaxMode_t = "CNNL_SOFTMAX_MODE_LOW_DIMENSION" | "CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION" | "CNNL_SOFTMAX_MODE_HIGH_DIMENSION";

/** cnnlStatus_t (cnnl, confirmed). */
export const CNNL_STATUS_SUCCESS = 0;
export const CNNL_STATUS_NOT_INITIALIZED = 1;
export const CNNL_STATUS_ALLOC_FAILED = 2;
export const CNNL_STATUS_BAD_PARAM = 3;
export const CNNL_STATUS_INTERNAL_ERROR = 4;
export const CNNL_STATUS_ARCH_MISMATCH = 5;
export const CNNL_STATUS_EXECUTION_FAILED = 6;
export const CNNL_STATUS_NOT_SUPPORTED = 7;
export const CNNL_STATUS_NUMERICAL_OVERFLOW = 8;
export type cnnlStatus_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** cnnlTensorLayout_t (cnnl, confirmed). */
export const CNNL_LAYOUT_NCHW = 0;
export const CNNL_LAYOUT_NHWC = 1;
export const CNNL_LAYOUT_HWCN = 2;
export const CNNL_LAYOUT_NDHWC = 3;
export const CNNL_LAYOUT_ARRAY = 4;
export const CNNL_LAYOUT_NCDHW = 5;
export const CNNL_LAYOUT_TNC = 6;
export const CNNL_LAYOUT_NTC = 7;
export const CNNL_LAYOUT_NC = 8;
export const CNNL_LAYOUT_NLC = 9;
export type cnnlTensorLayout_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** cnrtMemTransDir_t (cnrt, confirmed). */
export const cnrtMemcpyHostToDev = 0;
export const cnrtMemcpyDevToDev = 1;
export const cnrtMemcpyDevToHost = 2;
export const cnrtMemcpyHostToHost = 3;
export const cnrtMemcpyPeerToPeer = 4;
export const cnrtMemcpyNoDirection = 5;
export type cnrtMemTransDir_t = 0 | 1 | 2 | 3 | 4 | 5;

/** cnrtNotifierFlags_t (cnrt, confirmed). */
export const CNRT_NOTIFIER_DEFAULT = 0;
export const CNRT_NOTIFIER_DISABLE_TIMING_SW = 2;
export const CNRT_NOTIFIER_DISABLE_TIMING = 2;
export const CNRT_NOTIFIER_DISABLE_TIMING_ALL = 4;
export const CNRT_NOTIFIER_INTERPROCESS = 8;
export type cnrtNotifierFlags_t = 0 | 2 | 4 | 8;

/** cnrtRet_t (cnrt, confirmed). */
export const cnrtSuccess = 0;
export const cnrtErrorNotReady = 1;
export const cnrtErrorInit = 100002;
export const cnrtErrorNoDevice = 100004;
export const cnrtErrorDeviceInvalid = 100005;
export const cnrtErrorArgsInvalid = 100006;
export const cnrtErrorSys = 100007;
export const cnrtErrorSysNoMem = 100010;
export const cnrtErrorInvalidResourceHandle = 100014;
export const cnrtErrorIllegalState = 100015;
export const cnrtErrorNotSupport = 100050;
export const cnrtErrorOpsNotPermitted = 100051;
export const cnrtErrorQueue = 100060;
export const cnrtErrorNoMem = 100100;
export const cnrtErrorAssert = 100128;
export const cnrtErrorKernelTrap = 100132;
export const cnrtErrorKernelUserTrap = 100133;
export const cnrtErrorNotFound = 100301;
export const cnrtErrorInvalidKernel = 100302;
export const cnrtErrorUnsupportedKernelVersion = 100303;
export const cnrtErrorNoKernel = 101312;
export const cnrtErrorNoModule = 101315;
export const cnrtErrorQueueCaptureUnsupported = 100360;
export const cnrtErrorQueueCaptureInvalidated = 100361;
export const cnrtErrorQueueCaptureWrongThread = 100362;
export const cnrtErrorQueueCaptureMerged = 100363;
export const cnrtErrorQueueCaptureUnjoined = 100364;
export const cnrtErrorQueueCaptureIsolation = 100365;
export const cnrtErrorQueueCaptureUnmatched = 100366;
export const cnrtErrorTaskTopoEntityUpdateFailure = 100400;
export const cnrtErrorSetOnActiveProcess = 632002;
export const cnrtErrorDevice = 632006;
export const cnrtErrorNoAttribute = 632009;
export const cnrtErrorMemcpyDirectionInvalid = 632013;
export const cnrtErrorBusy = 632014;
export const cnrtErrorCndrvFuncCall = 632015;
export const cnrtErrorCndevFuncCall = 632017;
export const cnrtErrorNoCnrtContext = 632019;
export const cnrtErrorCndrvFuncNotFound = 632020;
export const cnrtErrorInvalidSymbol = 632100;
export const cnrtErrorUnknown = 999991;
export type cnrtRet_t = 0 | 1 | 100002 | 100004 | 100005 | 100006 | 100007 | 100010 | 100014 | 100015 | 100050 | 100051 | 100060 | 100100 | 100128 | 100132 | 100133 | 100301 | 100302 | 100303 | 101312 | 101315 | 100360 | 100361 | 100362 | 100363 | 100364 | 100365 | 100366 | 100400 | 632002 | 632006 | 632009 | 632013 | 632014 | 632015 | 632017 | 632019 | 632020 | 632100 | 999991;
