/**
 * The four status families of the CANN facade and the fault each returns: aclError (ACL
 * runtime), aclnnStatus (aclnn operators and aclTensor metadata), HcclResult (HCCL) and
 * aclblasStatus_t (ops-blas). Names come from the catalog enums, so messages name the code
 * exactly as the vendor header does.
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { StatusCodes } from '../sim/facade-call.js';
import {
  ACLBLAS_STATUS_ALLOC_FAILED,
  ACLBLAS_STATUS_EXECUTION_FAILED,
  ACLBLAS_STATUS_NOT_INITIALIZED,
  ACLBLAS_STATUS_INTERNAL_ERROR,
  ACLBLAS_STATUS_INVALID_VALUE,
  ACLBLAS_STATUS_NOT_SUPPORTED,
  ACLBLAS_STATUS_SUCCESS,
  ACLNN_ERR_INNER,
  ACLNN_ERR_PARAM_INVALID,
  ACLNN_ERR_PARAM_NULLPTR,
  ACLNN_ERR_RUNTIME_ERROR,
  ACLNN_SUCCESS,
  ACL_ERROR_BAD_ALLOC,
  ACL_ERROR_FEATURE_UNSUPPORTED,
  ACL_ERROR_INTERNAL_ERROR,
  ACL_ERROR_INVALID_PARAM,
  ACL_ERROR_INVALID_RESOURCE_HANDLE,
  ACL_ERROR_MEMORY_ADDRESS_UNALIGNED,
  ACL_ERROR_RT_MEMORY_FREE,
  ACL_SUCCESS,
  HCCL_E_INTERNAL,
  HCCL_E_MEMORY,
  HCCL_E_NOT_SUPPORT,
  HCCL_E_PARA,
  HCCL_E_PTR,
  HCCL_SUCCESS,
} from './constants.generated.js';

function namer(enumName: string): (code: number) => string {
  let names: Map<number, string> | undefined;
  return (code) => {
    names ??= new Map(
      (loadCatalog().backend('cann').enums.get(enumName)?.spec.members ?? [])
        .filter((m) => m.value !== null)
        .map((m) => [m.value as number, m.name]),
    );
    return names.get(code) ?? `${enumName}(${code})`;
  };
}

/**
 * aclError. The runtime has no dedicated codes for most memory-safety faults (they surface as
 * AI Core exceptions on the device); the closest documented code is used, and the diagnostic
 * says what really happened.
 */
export const ACL_STATUS: StatusCodes = {
  success: ACL_SUCCESS,
  faults: {
    'null-pointer': ACL_ERROR_INVALID_PARAM,
    'invalid-value': ACL_ERROR_INVALID_PARAM,
    'out-of-bounds': ACL_ERROR_INVALID_PARAM,
    'host-pointer': ACL_ERROR_INVALID_PARAM,
    'device-pointer': ACL_ERROR_INVALID_PARAM,
    'use-after-free': ACL_ERROR_INVALID_PARAM,
    'double-free': ACL_ERROR_RT_MEMORY_FREE,
    'invalid-free': ACL_ERROR_RT_MEMORY_FREE,
    misaligned: ACL_ERROR_MEMORY_ADDRESS_UNALIGNED,
    'invalid-handle': ACL_ERROR_INVALID_RESOURCE_HANDLE,
    'out-of-memory': ACL_ERROR_BAD_ALLOC,
    'not-supported': ACL_ERROR_FEATURE_UNSUPPORTED,
  },
  fallback: ACL_ERROR_INTERNAL_ERROR,
  name: namer('aclError'),
};

/** aclnnStatus of the first phase (argument validation) and of the metadata API. */
export const ACLNN_STATUS: StatusCodes = {
  success: ACLNN_SUCCESS,
  faults: {
    'null-pointer': ACLNN_ERR_PARAM_NULLPTR,
    'invalid-value': ACLNN_ERR_PARAM_INVALID,
    'invalid-handle': ACLNN_ERR_PARAM_INVALID,
    'out-of-bounds': ACLNN_ERR_PARAM_INVALID,
    'host-pointer': ACLNN_ERR_PARAM_INVALID,
    'device-pointer': ACLNN_ERR_PARAM_INVALID,
    'use-after-free': ACLNN_ERR_PARAM_INVALID,
    'double-free': ACLNN_ERR_PARAM_INVALID,
    'invalid-free': ACLNN_ERR_PARAM_INVALID,
    misaligned: ACLNN_ERR_PARAM_INVALID,
    'not-supported': ACLNN_ERR_PARAM_INVALID,
    'executor-reused': ACLNN_ERR_PARAM_INVALID,
    'workspace-too-small': ACLNN_ERR_PARAM_INVALID,
  },
  fallback: ACLNN_ERR_INNER,
  name: namer('aclnnStatus'),
};

/**
 * aclnnStatus of the second phase. Faults of device memory found while the kernel runs (freed
 * or out-of-range operands) are runtime failures there, not argument errors.
 */
export const ACLNN_RUN_STATUS: StatusCodes = {
  ...ACLNN_STATUS,
  faults: {
    ...ACLNN_STATUS.faults,
    'out-of-bounds': ACLNN_ERR_RUNTIME_ERROR,
    'use-after-free': ACLNN_ERR_RUNTIME_ERROR,
    misaligned: ACLNN_ERR_RUNTIME_ERROR,
  },
};

export const HCCL_STATUS: StatusCodes = {
  success: HCCL_SUCCESS,
  faults: {
    'null-pointer': HCCL_E_PTR,
    'invalid-value': HCCL_E_PARA,
    'invalid-handle': HCCL_E_PARA,
    'host-pointer': HCCL_E_PARA,
    'device-pointer': HCCL_E_PARA,
    'out-of-bounds': HCCL_E_MEMORY,
    'use-after-free': HCCL_E_MEMORY,
    misaligned: HCCL_E_PARA,
    'not-supported': HCCL_E_NOT_SUPPORT,
    // Ranks whose calls do not pair up (a send without its receive, different counts).
    'collective-mismatch': HCCL_E_PARA,
  },
  fallback: HCCL_E_INTERNAL,
  name: namer('HcclResult'),
};

export const ACLBLAS_STATUS: StatusCodes = {
  success: ACLBLAS_STATUS_SUCCESS,
  faults: {
    'null-pointer': ACLBLAS_STATUS_INVALID_VALUE,
    'invalid-value': ACLBLAS_STATUS_INVALID_VALUE,
    'invalid-handle': ACLBLAS_STATUS_NOT_INITIALIZED,
    'host-pointer': ACLBLAS_STATUS_INVALID_VALUE,
    'device-pointer': ACLBLAS_STATUS_INVALID_VALUE,
    'out-of-bounds': ACLBLAS_STATUS_EXECUTION_FAILED,
    'use-after-free': ACLBLAS_STATUS_EXECUTION_FAILED,
    misaligned: ACLBLAS_STATUS_INVALID_VALUE,
    'out-of-memory': ACLBLAS_STATUS_ALLOC_FAILED,
    'not-supported': ACLBLAS_STATUS_NOT_SUPPORTED,
  },
  fallback: ACLBLAS_STATUS_INTERNAL_ERROR,
  name: namer('aclblasStatus_t'),
};
