/**
 * The wrapper graph lifecycle methods run in. Like facadeCall it captures the call site and
 * turns simulation faults into the vendor's answer, here an error_t: a kernel's out-of-bounds
 * or freed-memory access is CUDNN_BACKEND_API_FAILED (the frontend wraps cudnnBackendExecute's
 * CUDNN_STATUS_EXECUTION_FAILED so) and loses the context; a stale handle HANDLE_ERROR; a bad
 * variant-pack pointer INVALID_VARIANT_PACK. Every failing error_t is also recorded as a
 * diagnostic: a missing plan OB2009, a handle OB2008, an unsupported graph OB2014, the
 * rest OB2013.
 */
import type { RuntimeDiagnosticId } from '../sim/diagnostics.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import { OpbridgeError } from '../../errors.js';
import { error_code_t } from './constants.generated.js';
import { error_t } from './cudnn-fe-error.js';
import { boundFacadeCall } from './backend-binding.js';

// The frontend reports errors as error_code_t names, so its status table is keyed by name.
const FRONTEND_STATUSES: StatusCodes<error_code_t> = {
  success: error_code_t.OK,
  faults: {
    'out-of-bounds': error_code_t.CUDNN_BACKEND_API_FAILED,
    'use-after-free': error_code_t.CUDNN_BACKEND_API_FAILED,
    misaligned: error_code_t.CUDNN_BACKEND_API_FAILED,
    'host-pointer': error_code_t.INVALID_VARIANT_PACK,
    'device-pointer': error_code_t.INVALID_VARIANT_PACK,
    'null-pointer': error_code_t.INVALID_VARIANT_PACK,
    'invalid-handle': error_code_t.HANDLE_ERROR,
    'invalid-value': error_code_t.INVALID_VALUE,
    'not-supported': error_code_t.GRAPH_NOT_SUPPORTED,
  },
  fallback: error_code_t.CUDNN_BACKEND_API_FAILED,
  name: (code) => code,
};

const DIAGNOSTIC_OF: Partial<Record<error_code_t, RuntimeDiagnosticId>> = {
  [error_code_t.GRAPH_EXECUTION_FAILED]: 'OB2009',
  [error_code_t.HANDLE_ERROR]: 'OB2008',
  [error_code_t.GRAPH_NOT_SUPPORTED]: 'OB2014',
};

const KERNEL_FAULTS = new Set(['out-of-bounds', 'use-after-free', 'misaligned']);

const CHOSEN_DIAGNOSTIC = new WeakMap<error_t, RuntimeDiagnosticId>();

/** An error_t recorded with a specific diagnostic (OB2011 for a missing workspace, ...). */
export function withDiagnostic(error: error_t, id: RuntimeDiagnosticId): error_t {
  CHOSEN_DIAGNOSTIC.set(error, id);
  return error;
}

export function frontendCall(symbol: string, body: (ctx: CallContext) => error_t): error_t {
  let result: error_t | undefined;
  let fault: { kind: string; message: string } | undefined;
  const code = boundFacadeCall<error_code_t>(symbol, FRONTEND_STATUSES, (ctx) => {
    try {
      result = body(ctx);
    } catch (error) {
      if (error instanceof DeviceFault) fault = { kind: error.kind, message: error.message };
      else if (error instanceof OpbridgeError) fault = { kind: 'invalid-value', message: error.message };
      throw error;
    }
    if (result.is_bad()) {
      ctx.process.diagnostics.add({
        id: CHOSEN_DIAGNOSTIC.get(result) ?? DIAGNOSTIC_OF[result.code] ?? 'OB2013',
        message: `${symbol}: ${result.err_msg}`,
        backend: ctx.backend,
        symbol,
        status: result.code,
        site: ctx.site,
        rank: ctx.process.rank,
      });
    }
    return undefined;
  });
  if (result && code === FRONTEND_STATUSES.success) return result;
  const message = fault && KERNEL_FAULTS.has(fault.kind) ? `cudnnBackendExecute failed with CUDNN_STATUS_EXECUTION_FAILED: ${fault.message}` : (fault?.message ?? 'failed');
  return new error_t(code, message);
}
