// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// Enum constants of the cann facade.

/** aclDataType (acl-meta, confirmed). */
export const ACL_DT_UNDEFINED = -1;
export const ACL_FLOAT = 0;
export const ACL_FLOAT16 = 1;
export const ACL_INT8 = 2;
export const ACL_INT32 = 3;
export const ACL_UINT8 = 4;
export const ACL_INT16 = 6;
export const ACL_UINT16 = 7;
export const ACL_UINT32 = 8;
export const ACL_INT64 = 9;
export const ACL_UINT64 = 10;
export const ACL_DOUBLE = 11;
export const ACL_BOOL = 12;
export const ACL_STRING = 13;
export const ACL_COMPLEX64 = 16;
export const ACL_COMPLEX128 = 17;
export const ACL_BF16 = 27;
export const ACL_INT4 = 29;
export const ACL_UINT1 = 30;
export const ACL_COMPLEX32 = 33;
export const ACL_HIFLOAT8 = 34;
export const ACL_FLOAT8_E5M2 = 35;
export const ACL_FLOAT8_E4M3FN = 36;
export const ACL_FLOAT8_E8M0 = 37;
export const ACL_FLOAT6_E3M2 = 38;
export const ACL_FLOAT6_E2M3 = 39;
export const ACL_FLOAT4_E2M1 = 40;
export const ACL_FLOAT4_E1M2 = 41;
export const ACL_HIFLOAT4 = 42;
export const ACL_HIFLOAT4_SCALE = 43;
export type aclDataType = -1 | 0 | 1 | 2 | 3 | 4 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 16 | 17 | 27 | 29 | 30 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42 | 43;

/** aclFormat (acl-meta, confirmed). */
export const ACL_FORMAT_UNDEFINED = -1;
export const ACL_FORMAT_NCHW = 0;
export const ACL_FORMAT_NHWC = 1;
export const ACL_FORMAT_ND = 2;
export const ACL_FORMAT_NC1HWC0 = 3;
export const ACL_FORMAT_FRACTAL_Z = 4;
export const ACL_FORMAT_NC1HWC0_C04 = 12;
export const ACL_FORMAT_HWCN = 16;
export const ACL_FORMAT_NDHWC = 27;
export const ACL_FORMAT_FRACTAL_NZ = 29;
export const ACL_FORMAT_NCDHW = 30;
export const ACL_FORMAT_NDC1HWC0 = 32;
export const ACL_FRACTAL_Z_3D = 33;
export const ACL_FORMAT_NC = 35;
export const ACL_FORMAT_NCL = 47;
export const ACL_FORMAT_FRACTAL_NZ_C0_16 = 50;
export const ACL_FORMAT_FRACTAL_NZ_C0_32 = 51;
export const ACL_FORMAT_FRACTAL_NZ_C0_2 = 52;
export const ACL_FORMAT_FRACTAL_NZ_C0_4 = 53;
export const ACL_FORMAT_FRACTAL_NZ_C0_8 = 54;
export type aclFormat = -1 | 0 | 1 | 2 | 3 | 4 | 12 | 16 | 27 | 29 | 30 | 32 | 33 | 35 | 47 | 50 | 51 | 52 | 53 | 54;

/** aclnnStatus (acl-meta, confirmed). */
export const ACLNN_SUCCESS = 0;
export const ACLNN_ERR_PARAM_NULLPTR = 161001;
export const ACLNN_ERR_PARAM_INVALID = 161002;
export const ACLNN_ERR_RUNTIME_ERROR = 361001;
export const ACLNN_ERR_INNER = 561000;
export const ACLNN_ERR_INNER_INFERSHAPE_ERROR = 561001;
export const ACLNN_ERR_INNER_TILING_ERROR = 561002;
export const ACLNN_ERR_INNER_FIND_KERNEL_ERROR = 561003;
export const ACLNN_ERR_INNER_CREATE_EXECUTOR = 561101;
export const ACLNN_ERR_INNER_NULLPTR = 561103;
export type aclnnStatus = 0 | 161001 | 161002 | 361001 | 561000 | 561001 | 561002 | 561003 | 561101 | 561103;

/** aclError (acl-runtime, confirmed). */
export const ACL_SUCCESS = 0;
export const ACL_ERROR_INVALID_PARAM = 100000;
export const ACL_ERROR_UNINITIALIZE = 100001;
export const ACL_ERROR_REPEAT_INITIALIZE = 100002;
export const ACL_ERROR_INVALID_FILE = 100003;
export const ACL_ERROR_REPEAT_FINALIZE = 100037;
export const ACL_ERROR_BAD_ALLOC = 200000;
export const ACL_ERROR_API_NOT_SUPPORT = 200001;
export const ACL_ERROR_INVALID_DEVICE = 200002;
export const ACL_ERROR_MEMORY_ADDRESS_UNALIGNED = 200003;
export const ACL_ERROR_INVALID_RESOURCE_HANDLE = 200005;
export const ACL_ERROR_FEATURE_UNSUPPORTED = 200006;
export const ACL_ERROR_STORAGE_OVER_LIMIT = 300000;
export const ACL_ERROR_INTERNAL_ERROR = 500000;
export const ACL_ERROR_FAILURE = 500001;
export const ACL_ERROR_RT_FAILURE = 500003;
export const ACL_ERROR_RT_PARAM_INVALID = 107000;
export const ACL_ERROR_RT_INVALID_DEVICEID = 107001;
export const ACL_ERROR_RT_CONTEXT_NULL = 107002;
export const ACL_ERROR_RT_INVALID_HANDLE = 107017;
export const ACL_ERROR_RT_FEATURE_NOT_SUPPORT = 207000;
export const ACL_ERROR_RT_MEMORY_ALLOCATION = 207001;
export const ACL_ERROR_RT_MEMORY_FREE = 207002;
export const ACL_ERROR_RT_INTERNAL_ERROR = 507000;
export const ACL_ERROR_RT_STREAM_NOT_COMPLETE = 507004;
export const ACL_ERROR_RT_EVENT_NOT_COMPLETE = 507006;
export const ACL_ERROR_RT_STREAM_SYNC_TIMEOUT = 507046;
export const ACL_ERROR_RT_EVENT_SYNC_TIMEOUT = 507047;
export const ACL_ERROR_RT_AICORE_EXCEPTION = 507015;
export type aclError = 0 | 100000 | 100001 | 100002 | 100003 | 100037 | 200000 | 200001 | 200002 | 200003 | 200005 | 200006 | 300000 | 500000 | 500001 | 500003 | 107000 | 107001 | 107002 | 107017 | 207000 | 207001 | 207002 | 507000 | 507004 | 507006 | 507046 | 507047 | 507015;

/** aclrtEventCreateFlag (acl-runtime, confirmed). */
export const ACL_EVENT_SYNC = 1;
export const ACL_EVENT_CAPTURE_STREAM_PROGRESS = 2;
export const ACL_EVENT_TIME_LINE = 8;
export const ACL_EVENT_DEVICE_USE_ONLY = 16;
export const ACL_EVENT_EXTERNAL = 32;
export const ACL_EVENT_IPC = 64;
export type aclrtEventCreateFlag = 1 | 2 | 8 | 16 | 32 | 64;

/** aclrtEventRecordedStatus (acl-runtime, confirmed). */
export const ACL_EVENT_RECORDED_STATUS_NOT_READY = 0;
export const ACL_EVENT_RECORDED_STATUS_COMPLETE = 1;
export type aclrtEventRecordedStatus = 0 | 1;

/** aclrtEventStatus (acl-runtime, confirmed). */
export const ACL_EVENT_STATUS_COMPLETE = 0;
export const ACL_EVENT_STATUS_NOT_READY = 1;
export const ACL_EVENT_STATUS_RESERVED = 2;
export type aclrtEventStatus = 0 | 1 | 2;

/** aclrtLastErrLevel (acl-runtime, confirmed). */
export const ACL_RT_THREAD_LEVEL = 0;
export type aclrtLastErrLevel = 0;

/** aclrtMemAttr (acl-runtime, confirmed). */
export const ACL_DDR_MEM = 0;
export const ACL_HBM_MEM = 1;
export const ACL_DDR_MEM_HUGE = 2;
export const ACL_DDR_MEM_NORMAL = 3;
export const ACL_HBM_MEM_HUGE = 4;
export const ACL_HBM_MEM_NORMAL = 5;
export const ACL_DDR_MEM_P2P_HUGE = 6;
export const ACL_DDR_MEM_P2P_NORMAL = 7;
export const ACL_HBM_MEM_P2P_HUGE = 8;
export const ACL_HBM_MEM_P2P_NORMAL = 9;
export const ACL_HBM_MEM_HUGE1G = 10;
export const ACL_HBM_MEM_P2P_HUGE1G = 11;
export const ACL_MEM_NORMAL = 12;
export const ACL_MEM_HUGE = 13;
export const ACL_MEM_HUGE1G = 14;
export const ACL_MEM_P2P_NORMAL = 15;
export const ACL_MEM_P2P_HUGE = 16;
export const ACL_MEM_P2P_HUGE1G = 17;
export type aclrtMemAttr = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17;

/** aclrtMemcpyKind (acl-runtime, confirmed). */
export const ACL_MEMCPY_HOST_TO_HOST = 0;
export const ACL_MEMCPY_HOST_TO_DEVICE = 1;
export const ACL_MEMCPY_DEVICE_TO_HOST = 2;
export const ACL_MEMCPY_DEVICE_TO_DEVICE = 3;
export const ACL_MEMCPY_DEFAULT = 4;
export const ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE = 5;
export const ACL_MEMCPY_INNER_DEVICE_TO_DEVICE = 6;
export const ACL_MEMCPY_INTER_DEVICE_TO_DEVICE = 7;
export type aclrtMemcpyKind = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** aclrtMemMallocPolicy (acl-runtime, confirmed). */
export const ACL_MEM_MALLOC_HUGE_FIRST = 0;
export const ACL_MEM_MALLOC_HUGE_ONLY = 1;
export const ACL_MEM_MALLOC_NORMAL_ONLY = 2;
export const ACL_MEM_MALLOC_HUGE_FIRST_P2P = 3;
export const ACL_MEM_MALLOC_HUGE_ONLY_P2P = 4;
export const ACL_MEM_MALLOC_NORMAL_ONLY_P2P = 5;
export const ACL_MEM_MALLOC_HUGE1G_ONLY = 6;
export const ACL_MEM_MALLOC_HUGE1G_ONLY_P2P = 7;
export const ACL_MEM_TYPE_LOW_BAND_WIDTH = 256;
export const ACL_MEM_TYPE_HIGH_BAND_WIDTH = 4096;
export const ACL_MEM_ACCESS_USER_SPACE_READONLY = 1048576;
export type aclrtMemMallocPolicy = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 256 | 4096 | 1048576;

/** aclrtStreamCreateFlag (acl-runtime, confirmed). */
export const ACL_STREAM_FAST_LAUNCH = 1;
export const ACL_STREAM_FAST_SYNC = 2;
export const ACL_STREAM_PERSISTENT = 4;
export const ACL_STREAM_HUGE = 8;
export const ACL_STREAM_CPU_SCHEDULE = 16;
export const ACL_STREAM_DEVICE_USE_ONLY = 32;
export type aclrtStreamCreateFlag = 1 | 2 | 4 | 8 | 16 | 32;

/** aclrtStreamStatus (acl-runtime, confirmed). */
export const ACL_STREAM_STATUS_COMPLETE = 0;
export const ACL_STREAM_STATUS_NOT_READY = 1;
export const ACL_STREAM_STATUS_RESERVED = 65535;
export type aclrtStreamStatus = 0 | 1 | 65535;

/** aclblasComputeType_t (aclblas, confirmed). */
export const ACLBLAS_COMPUTE_16F = 0;
export const ACLBLAS_COMPUTE_16F_PEDANTIC = 1;
export const ACLBLAS_COMPUTE_32F = 2;
export const ACLBLAS_COMPUTE_32F_PEDANTIC = 3;
export const ACLBLAS_COMPUTE_32F_FAST_16F = 4;
export const ACLBLAS_COMPUTE_32F_FAST_16BF = 5;
export const ACLBLAS_COMPUTE_32F_FAST_TF32 = 6;
export const ACLBLAS_COMPUTE_64F = 7;
export const ACLBLAS_COMPUTE_64F_PEDANTIC = 8;
export const ACLBLAS_COMPUTE_32I = 9;
export const ACLBLAS_COMPUTE_32I_PEDANTIC = 10;
export type aclblasComputeType_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** aclblasGemmAlgo_t (aclblas, confirmed). */
export const ACLBLAS_GEMM_DEFAULT = 0;
export const ACLBLAS_GEMM_ALGO0 = 1;
export const ACLBLAS_GEMM_ALGO1 = 2;
export const ACLBLAS_GEMM_ALGO2 = 3;
export const ACLBLAS_GEMM_ALGO3 = 4;
export const ACLBLAS_GEMM_ALGO4 = 5;
export const ACLBLAS_GEMM_ALGO5 = 6;
export const ACLBLAS_GEMM_ALGO6 = 7;
export const ACLBLAS_GEMM_ALGO7 = 8;
export type aclblasGemmAlgo_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** aclblasLtEpilogue_t (aclblas, confirmed). */
export const ACLBLASLT_EPILOGUE_DEFAULT = 1;
export const ACLBLASLT_EPILOGUE_RELU = 2;
export const ACLBLASLT_EPILOGUE_BIAS = 4;
export const ACLBLASLT_EPILOGUE_RELU_BIAS = 6;
export const ACLBLASLT_EPILOGUE_GELU = 32;
export const ACLBLASLT_EPILOGUE_GELU_BIAS = 36;
export type aclblasLtEpilogue_t = 1 | 2 | 4 | 6 | 32 | 36;

/** aclblasLtOrder_t (aclblas, confirmed). */
export const ACLBLASLT_ORDER_COL = 0;
export const ACLBLASLT_ORDER_ROW = 1;
export const ACLBLASLT_ORDER_COL32 = 2;
export const ACLBLASLT_ORDER_COL4_4R2_8C = 3;
export const ACLBLASLT_ORDER_COL32_2R_4R4 = 4;
export type aclblasLtOrder_t = 0 | 1 | 2 | 3 | 4;

/** aclblasOperation_t (aclblas, confirmed). */
export const ACLBLAS_OP_N = 111;
export const ACLBLAS_OP_T = 112;
export const ACLBLAS_OP_C = 113;
export type aclblasOperation_t = 111 | 112 | 113;

/** aclblasStatus_t (aclblas, confirmed). */
export const ACLBLAS_STATUS_SUCCESS = 0;
export const ACLBLAS_STATUS_NOT_INITIALIZED = 1;
export const ACLBLAS_STATUS_ALLOC_FAILED = 2;
export const ACLBLAS_STATUS_INVALID_VALUE = 3;
export const ACLBLAS_STATUS_MAPPING_ERROR = 4;
export const ACLBLAS_STATUS_EXECUTION_FAILED = 5;
export const ACLBLAS_STATUS_INTERNAL_ERROR = 6;
export const ACLBLAS_STATUS_NOT_SUPPORTED = 7;
export const ACLBLAS_STATUS_ARCH_MISMATCH = 8;
export const ACLBLAS_STATUS_HANDLE_IS_NULLPTR = 9;
export const ACLBLAS_STATUS_INVALID_ENUM = 10;
export const ACLBLAS_STATUS_UNKNOWN = 11;
export type aclblasStatus_t = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

/** aclComputeType (aclblas, confirmed). */
export const ACL_COMPUTE_HIGH_PRECISION = 0;
export const ACL_COMPUTE_LOW_PRECISION = 1;
export type aclComputeType = 0 | 1;

/** aclTransType (aclblas, confirmed). */
export const ACL_TRANS_N = 0;
export const ACL_TRANS_T = 1;
export const ACL_TRANS_NZ = 2;
export const ACL_TRANS_NZ_T = 3;
export type aclTransType = 0 | 1 | 2 | 3;

/** cubeMathType (aclnn, confirmed). */
export const KEEP_DTYPE = 0;
export const ALLOW_FP32_DOWN_PRECISION = 1;
export const USE_FP16 = 2;
export const USE_HF32 = 3;
export const USE_FP32_ADD = 4;
export type cubeMathType = 0 | 1 | 2 | 3 | 4;

/** HcclDataType (hccl, confirmed). */
export const HCCL_DATA_TYPE_INT8 = 0;
export const HCCL_DATA_TYPE_INT16 = 1;
export const HCCL_DATA_TYPE_INT32 = 2;
export const HCCL_DATA_TYPE_FP16 = 3;
export const HCCL_DATA_TYPE_FP32 = 4;
export const HCCL_DATA_TYPE_INT64 = 5;
export const HCCL_DATA_TYPE_UINT64 = 6;
export const HCCL_DATA_TYPE_UINT8 = 7;
export const HCCL_DATA_TYPE_UINT16 = 8;
export const HCCL_DATA_TYPE_UINT32 = 9;
export const HCCL_DATA_TYPE_FP64 = 10;
export const HCCL_DATA_TYPE_BFP16 = 11;
export const HCCL_DATA_TYPE_INT128 = 12;
export const HCCL_DATA_TYPE_HIF8 = 14;
export const HCCL_DATA_TYPE_FP8E4M3 = 15;
export const HCCL_DATA_TYPE_FP8E5M2 = 16;
export const HCCL_DATA_TYPE_FP8E8M0 = 17;
export const HCCL_DATA_TYPE_RESERVED = 255;
export type HcclDataType = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 14 | 15 | 16 | 17 | 255;

/** HcclReduceOp (hccl, confirmed). */
export const HCCL_REDUCE_SUM = 0;
export const HCCL_REDUCE_PROD = 1;
export const HCCL_REDUCE_MAX = 2;
export const HCCL_REDUCE_MIN = 3;
export const HCCL_REDUCE_RESERVED = 255;
export type HcclReduceOp = 0 | 1 | 2 | 3 | 255;

/** HcclResult (hccl, confirmed). */
export const HCCL_SUCCESS = 0;
export const HCCL_E_PARA = 1;
export const HCCL_E_PTR = 2;
export const HCCL_E_MEMORY = 3;
export const HCCL_E_INTERNAL = 4;
export const HCCL_E_NOT_SUPPORT = 5;
export const HCCL_E_NOT_FOUND = 6;
export const HCCL_E_UNAVAIL = 7;
export const HCCL_E_SYSCALL = 8;
export const HCCL_E_TIMEOUT = 9;
export const HCCL_E_OPEN_FILE_FAILURE = 10;
export const HCCL_E_TCP_CONNECT = 11;
export const HCCL_E_ROCE_CONNECT = 12;
export const HCCL_E_TCP_TRANSFER = 13;
export const HCCL_E_ROCE_TRANSFER = 14;
export const HCCL_E_RUNTIME = 15;
export const HCCL_E_DRV = 16;
export const HCCL_E_PROFILING = 17;
export const HCCL_E_CCE = 18;
export const HCCL_E_NETWORK = 19;
export const HCCL_E_AGAIN = 20;
export const HCCL_E_REMOTE = 21;
export const HCCL_E_SUSPENDING = 22;
export const HCCL_E_OPRETRY_FAIL = 23;
export const HCCL_E_OOM = 24;
export const HCCL_E_IN_STATUS = 1041;
export type HcclResult = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 1041;
