// Generated from the catalog by `npm run generate`. Do not edit by hand.

/* eslint-disable */
// Enum constants of the kunlun facade.

/** BKCLDataType (bkcl, inferred; values unconfirmed, names used as values). */
export const BKCL_FLOAT = "BKCL_FLOAT";
export const BKCL_FLOAT16 = "BKCL_FLOAT16";
export const BKCL_BFLOAT16 = "BKCL_BFLOAT16";
export const BKCL_FLOAT64 = "BKCL_FLOAT64";
export const BKCL_UINT8 = "BKCL_UINT8";
export const BKCL_INT32 = "BKCL_INT32";
export const BKCL_INT64 = "BKCL_INT64";
export type BKCLDataType = "BKCL_FLOAT" | "BKCL_FLOAT16" | "BKCL_BFLOAT16" | "BKCL_FLOAT64" | "BKCL_UINT8" | "BKCL_INT32" | "BKCL_INT64";

/** BKCLOp (bkcl, inferred; values unconfirmed, names used as values). */
export const BKCL_ADD = "BKCL_ADD";
export const BKCL_PRODUCT = "BKCL_PRODUCT";
export const BKCL_MIN = "BKCL_MIN";
export const BKCL_MAX = "BKCL_MAX";
export type BKCLOp = "BKCL_ADD" | "BKCL_PRODUCT" | "BKCL_MIN" | "BKCL_MAX";

/** BKCLResult_t (bkcl, inferred; values unconfirmed, names used as values). */
export const BKCL_SUCCESS = "BKCL_SUCCESS";
export const BKCL_INVALID_ARGUMENT = "BKCL_INVALID_ARGUMENT";
export const BKCL_RUNTIME_ERROR = "BKCL_RUNTIME_ERROR";
export const BKCL_SYSTEM_ERROR = "BKCL_SYSTEM_ERROR";
export const BKCL_INTERNAL_ERROR = "BKCL_INTERNAL_ERROR";
export type BKCLResult_t = "BKCL_SUCCESS" | "BKCL_INVALID_ARGUMENT" | "BKCL_RUNTIME_ERROR" | "BKCL_SYSTEM_ERROR" | "BKCL_INTERNAL_ERROR";

/** xpu::Activation_t::act_enum (xdnn, inferred). */
export const act_enum = Object.freeze({
  LINEAR: 0,
  RELU: 1,
  SIGMOID: 2,
  TANH: 3,
  GELU: 4,
  LEAKY_RELU: 5,
  HARD_SWISH: 14,
  HARD_SIGMOID: 15,
  SWISH: 16,
  RELU6: 17,
} as const);
export type act_enum = (typeof act_enum)[keyof typeof act_enum];

/** xpu::Error_t (xdnn, inferred; values unconfirmed, names used as values). */
export const Error_t = Object.freeze({
  SUCCESS: 0,
  INVALID_PARAM: "INVALID_PARAM",
  RUNTIME_ERROR: "RUNTIME_ERROR",
  NO_ENOUGH_WORKSPACE: "NO_ENOUGH_WORKSPACE",
  NOT_IMPLEMENT: "NOT_IMPLEMENT",
} as const);
export type Error_t = (typeof Error_t)[keyof typeof Error_t];

/** XPUError_t (xpu-runtime, confirmed). */
export const XPU_SUCCESS = 0;
export const XPUERR_INVALID_DEVICE = 701;
export const XPUERR_UNINIT = 702;
export const XPUERR_NODEV = 703;
export const XPUERR_VERSION = 704;
export const XPUERR_NOMEM = 705;
export const XPUERR_NOCPUMEM = 706;
export const XPUERR_INVALID_PARAM = 707;
export const XPUERR_NOXPUFUNC = 708;
export const XPUERR_LDSO = 709;
export const XPUERR_LDSYM = 710;
export const XPUERR_SIMULATOR = 711;
export const XPUERR_NOSUPPORT = 712;
export const XPUERR_ABNORMAL = 713;
export const XPUERR_KEXCEPTION = 714;
export const XPUERR_TIMEOUT = 715;
export const XPUERR_BUSY = 716;
export const XPUERR_USEAFCLOSE = 717;
export const XPUERR_UCECC = 718;
export const XPUERR_OVERHEAT = 719;
export const XPUERR_UNEXPECT = 800;
export const XPUERR_DEVRESET = 801;
export const XPUERR_HWEXCEPTION = 802;
export const XPUERR_HBM_INIT = 803;
export const XPUERR_DEVINIT = 804;
export const XPUERR_PEERRESET = 805;
export const XPUERR_MAXDEV = 806;
export const XPUERR_NOIOC = 807;
export const XPUERR_DMATIMEOUT = 808;
export const XPUERR_DMAABORT = 809;
export const XPUERR_MCUUNINIT = 810;
export const XPUERR_OLDFW = 811;
export const XPUERR_PCIE = 812;
export const XPUERR_FAULT = 813;
export const XPUERR_INTERRUPTED = 814;
export const XPUERR_AESTIMEOUT = 815;
export const XPUERR_HOSTMEM_ALREADY_REGISTERED = 816;
export const XPUERR_TRACER = 817;
export type XPUError_t = 0 | 701 | 702 | 703 | 704 | 705 | 706 | 707 | 708 | 709 | 710 | 711 | 712 | 713 | 714 | 715 | 716 | 717 | 718 | 719 | 800 | 801 | 802 | 803 | 804 | 805 | 806 | 807 | 808 | 809 | 810 | 811 | 812 | 813 | 814 | 815 | 816 | 817;

/** XPUMemcpyKind (xpu-runtime, confirmed). */
export const XPU_DEVICE_TO_HOST = 0;
export const XPU_HOST_TO_DEVICE = 1;
export const XPU_DEVICE_TO_DEVICE = 2;
export type XPUMemcpyKind = 0 | 1 | 2;

/** XPUMemoryKind (xpu-runtime, confirmed). */
export const XPU_MEM_HBM = 0;
export const XPU_MEM_MAIN = 0;
export const XPU_MEM_L3 = 1;
export const XPU_MEM_MMAPPABLE = 16;
export type XPUMemoryKind = 0 | 1 | 16;
