/**
 * How cuDNN calls report: the cuDNN 9 cudnnStatus_t table (category·1000 + detail, as the
 * catalog mirrors it), the wrapper every legacy cuDNN call runs in, and statuses returned
 * without a simulated fault.
 *
 * Status choices (docs/backends/cuda.md, cuDNN): argument faults are CUDNN_STATUS_BAD_PARAM,
 * with cuDNN 9's detail codes where its header names the fault ("Null pointer passed"
 * 2002, "Misaligned pointer passed" 2003, "Insufficient buffer size" 2006; which detail code
 * the legacy calls return is not documented in the sources read: inferred). An out-of-bounds
 * or freed-memory access happens inside a kernel: CUDNN_STATUS_EXECUTION_FAILED ("the GPU
 * program failed to execute") and the CUDA context is lost (runtime-state.ts); later kernel
 * launches then fail at their first CUDA runtime call, CUDNN_STATUS_EXECUTION_FAILED_CUDART.
 */
import type { RuntimeDiagnosticId } from '../sim/diagnostics.js';
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import {
  CUDNN_STATUS_BAD_PARAM,
  CUDNN_STATUS_BAD_PARAM_MISALIGNED_POINTER,
  CUDNN_STATUS_BAD_PARAM_NULL_POINTER,
  CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT,
  CUDNN_STATUS_EXECUTION_FAILED,
  CUDNN_STATUS_EXECUTION_FAILED_CUDART,
  CUDNN_STATUS_INTERNAL_ERROR,
  CUDNN_STATUS_INTERNAL_ERROR_DEVICE_ALLOCATION_FAILED,
  CUDNN_STATUS_NOT_SUPPORTED,
  CUDNN_STATUS_SUCCESS,
  type cudnnStatus_t,
} from './constants.generated.js';
import { statusName } from './enum-names.js';
import { reject } from './rejection.js';
import { contextLost } from './runtime-state.js';
import { boundFacadeCall } from './backend-binding.js';

export const CUDNN_STATUSES: StatusCodes = {
  success: CUDNN_STATUS_SUCCESS,
  faults: {
    'out-of-bounds': CUDNN_STATUS_EXECUTION_FAILED,
    'use-after-free': CUDNN_STATUS_EXECUTION_FAILED,
    'host-pointer': CUDNN_STATUS_BAD_PARAM,
    'device-pointer': CUDNN_STATUS_BAD_PARAM,
    'null-pointer': CUDNN_STATUS_BAD_PARAM_NULL_POINTER,
    misaligned: CUDNN_STATUS_BAD_PARAM_MISALIGNED_POINTER,
    'invalid-handle': CUDNN_STATUS_BAD_PARAM,
    'invalid-value': CUDNN_STATUS_BAD_PARAM,
    'out-of-memory': CUDNN_STATUS_INTERNAL_ERROR_DEVICE_ALLOCATION_FAILED,
    'not-supported': CUDNN_STATUS_NOT_SUPPORTED,
    'workspace-too-small': CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT,
  },
  fallback: CUDNN_STATUS_INTERNAL_ERROR,
  name: (code) => cudnnStatusName(code),
};

export function cudnnStatusName(code: number): string {
  return statusName('cudnnStatus_t', code);
}

/**
 * Runs a legacy cuDNN call. A call that launches kernels fails at once once the context is
 * lost (its first CUDA runtime call returns the sticky error).
 */
export function cudnnCall(symbol: string, body: (ctx: CallContext) => number | void, launchesWork = false): cudnnStatus_t {
  return boundFacadeCall(symbol, CUDNN_STATUSES, (ctx) => {
    if (launchesWork && contextLost(ctx.process)) return CUDNN_STATUS_EXECUTION_FAILED_CUDART;
    return body(ctx);
  }) as cudnnStatus_t;
}

/** Returns `status` with a diagnostic, for conditions no simulated fault kind names. */
export function rejectCudnn(ctx: CallContext, status: number, message: string, id: RuntimeDiagnosticId = 'OB2013'): number {
  return reject(ctx, status, cudnnStatusName(status), message, id);
}

/** CUDNN_STATUS_NOT_SUPPORTED for a form of a call the simulator does not model (OB2014). */
export function notSimulated(ctx: CallContext, message: string): number {
  return rejectCudnn(ctx, CUDNN_STATUS_NOT_SUPPORTED, `${message} (not simulated)`, 'OB2014');
}
