/**
 * Error reporting (acl_rt.h, acl.h): the thread's last runtime error, read and cleared
 * (aclrtGetLastError) or only read (aclrtPeekAtLastError; the clearing difference is inferred
 * from the pairing with cudaGetLastError / cudaPeekAtLastError), and the most recent error
 * message of any ACL, aclnn or HCCL call (aclGetRecentErrMsg).
 */
import { currentProcess } from '../sim/sim-process.js';
import { aclState } from './acl-state.js';
import { ACL_RT_THREAD_LEVEL, ACL_SUCCESS, ACL_ERROR_INVALID_PARAM, type aclError, type aclrtLastErrLevel } from './constants.generated.js';

function lastError(level: number, clear: boolean): aclError {
  if (level !== ACL_RT_THREAD_LEVEL) return ACL_ERROR_INVALID_PARAM;
  const acl = aclState(currentProcess());
  const error = acl.lastError;
  if (clear) acl.lastError = ACL_SUCCESS;
  return error as aclError;
}

export function aclrtGetLastError(level: aclrtLastErrLevel | number): aclError {
  return lastError(level, true);
}

export function aclrtPeekAtLastError(level: aclrtLastErrLevel | number): aclError {
  return lastError(level, false);
}

/** The message of the most recent failed call on this thread, or null when none failed. */
export function aclGetRecentErrMsg(): string | null {
  return aclState(currentProcess()).recentErrorMessage;
}
