/**
 * The StatusCodes tables of CNRT, CNNL and CNCL (what each simulated fault returns), with
 * status names read from the catalog enums for diagnostics.
 */
import type { FaultKind } from '../sim/device-fault.js';
import type { StatusCodes } from '../sim/facade-call.js';
import { enumName } from './catalog-enums.js';
import {
  CNCL_RET_ERR_ARGUMENTS,
  CNCL_RET_ERR_INTERNAL,
  CNCL_RET_ERR_MLU_RUNTIME,
  CNCL_RET_ERR_NULL_POINTER,
  CNCL_RET_ERR_UNSUPPORTED,
  CNCL_RET_ERR_CNRT_MALLOC,
  CNCL_RET_SUCCESS,
  CNNL_STATUS_ALLOC_FAILED,
  CNNL_STATUS_BAD_PARAM,
  CNNL_STATUS_EXECUTION_FAILED,
  CNNL_STATUS_INTERNAL_ERROR,
  CNNL_STATUS_NOT_SUPPORTED,
  CNNL_STATUS_SUCCESS,
  cnrtErrorArgsInvalid,
  cnrtErrorInvalidResourceHandle,
  cnrtErrorNoMem,
  cnrtErrorNotSupport,
  cnrtErrorUnknown,
  cnrtSuccess,
} from './constants.generated.js';

function table(enumType: string, success: number, faults: Partial<Record<FaultKind, number>>, fallback: number): StatusCodes {
  return { success, faults, fallback, name: (code) => enumName(enumType, code) };
}

/** The same table with some faults returning another status (e.g. cnrtErrorDeviceInvalid for a bad ordinal). */
export function withFaults(base: StatusCodes, faults: Partial<Record<FaultKind, number>>): StatusCodes {
  return { ...base, faults: { ...base.faults, ...faults } };
}

/**
 * cnrtRet_t. The header names no status per fault for most calls; argument faults return
 * cnrtErrorArgsInvalid (the status CNRT documents for bad arguments), destroyed queues and
 * notifiers cnrtErrorInvalidResourceHandle, exhausted device memory cnrtErrorNoMem.
 */
export const CNRT_STATUS: StatusCodes = table(
  'cnrtRet_t',
  cnrtSuccess,
  {
    'out-of-bounds': cnrtErrorArgsInvalid,
    'use-after-free': cnrtErrorArgsInvalid,
    'double-free': cnrtErrorArgsInvalid,
    'invalid-free': cnrtErrorArgsInvalid,
    'host-pointer': cnrtErrorArgsInvalid,
    'device-pointer': cnrtErrorArgsInvalid,
    'null-pointer': cnrtErrorArgsInvalid,
    misaligned: cnrtErrorArgsInvalid,
    'invalid-handle': cnrtErrorInvalidResourceHandle,
    'invalid-value': cnrtErrorArgsInvalid,
    'out-of-memory': cnrtErrorNoMem,
    'not-supported': cnrtErrorNotSupport,
  },
  cnrtErrorUnknown,
);

/**
 * cnnlStatus_t. Argument and descriptor faults (including destroyed handles and descriptors,
 * and a workspace smaller than the query returned) are CNNL_STATUS_BAD_PARAM; memory faults
 * the kernel would hit on the device (a descriptor reaching past its allocation, freed or
 * host memory) are CNNL_STATUS_EXECUTION_FAILED. Which status real CNNL returns for each of
 * these is not documented in anything we read: the split follows cuDNN's.
 */
export const CNNL_STATUS: StatusCodes = table(
  'cnnlStatus_t',
  CNNL_STATUS_SUCCESS,
  {
    'out-of-bounds': CNNL_STATUS_EXECUTION_FAILED,
    'use-after-free': CNNL_STATUS_EXECUTION_FAILED,
    'host-pointer': CNNL_STATUS_EXECUTION_FAILED,
    'device-pointer': CNNL_STATUS_BAD_PARAM,
    'null-pointer': CNNL_STATUS_BAD_PARAM,
    misaligned: CNNL_STATUS_BAD_PARAM,
    'invalid-handle': CNNL_STATUS_BAD_PARAM,
    'invalid-value': CNNL_STATUS_BAD_PARAM,
    'out-of-memory': CNNL_STATUS_ALLOC_FAILED,
    'not-supported': CNNL_STATUS_NOT_SUPPORTED,
    'workspace-too-small': CNNL_STATUS_BAD_PARAM,
  },
  CNNL_STATUS_INTERNAL_ERROR,
);

/** cnclResult_t: argument faults and rank mismatches CNCL_RET_ERR_ARGUMENTS, null pointers CNCL_RET_ERR_NULL_POINTER, memory faults CNCL_RET_ERR_MLU_RUNTIME. */
export const CNCL_STATUS: StatusCodes = table(
  'cnclResult_t',
  CNCL_RET_SUCCESS,
  {
    'out-of-bounds': CNCL_RET_ERR_MLU_RUNTIME,
    'use-after-free': CNCL_RET_ERR_MLU_RUNTIME,
    'host-pointer': CNCL_RET_ERR_MLU_RUNTIME,
    'null-pointer': CNCL_RET_ERR_NULL_POINTER,
    misaligned: CNCL_RET_ERR_ARGUMENTS,
    'invalid-handle': CNCL_RET_ERR_ARGUMENTS,
    'invalid-value': CNCL_RET_ERR_ARGUMENTS,
    'out-of-memory': CNCL_RET_ERR_CNRT_MALLOC,
    'not-supported': CNCL_RET_ERR_UNSUPPORTED,
    // Ranks that disagree (different clique ids, unmatched sends / receives, different collectives).
    'collective-mismatch': CNCL_RET_ERR_ARGUMENTS,
  },
  CNCL_RET_ERR_INTERNAL,
);
