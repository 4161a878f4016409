/**
 * The wrappers every CANN facade function runs in. Each one is `facadeCall` with its status
 * family, plus the ACL rules that do not come from a single argument: ACL must be initialised
 * (and not finalised), a device must be set for calls that need a context, and every failure
 * becomes the thread's "recent error message" (aclGetRecentErrMsg), as libascendcl reports it.
 */
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import { facadeCall } from '../sim/facade-call.js';
import type { RuntimeDiagnosticId } from '../sim/diagnostics.js';
import { currentProcess } from '../sim/sim-process.js';
import { aclState, type AclState } from './acl-state.js';
import { ACL_ERROR_RT_CONTEXT_NULL, ACL_ERROR_UNINITIALIZE } from './constants.generated.js';
import { ACL_STATUS } from './status-codes.js';

export const BACKEND = 'cann';

/**
 * A failure with a specific vendor status that no fault kind carries (not initialised, no
 * context, repeated finalize, ...). Thrown inside a call body; the wrapper records the
 * diagnostic and returns the status.
 */
export class AclStatusError extends Error {
  constructor(
    readonly status: number,
    readonly id: RuntimeDiagnosticId,
    message: string,
  ) {
    super(message);
    this.name = 'AclStatusError';
  }
}

export interface AclCallContext extends CallContext {
  readonly acl: AclState;
}

/**
 * Runs a body under `statuses`, turning AclStatusError into its status plus a diagnostic and
 * remembering the message of any failure for aclGetRecentErrMsg.
 */
export function cannCall(symbol: string, statuses: StatusCodes, body: (ctx: AclCallContext) => number | void): number {
  const process = currentProcess();
  const acl = aclState(process);
  const before = process.diagnostics.entries.length;
  const status = facadeCall(BACKEND, symbol, statuses, (ctx) => {
    try {
      return body({ ...ctx, acl });
    } catch (error) {
      if (!(error instanceof AclStatusError)) throw error;
      process.diagnostics.add({
        id: error.id,
        message: error.message,
        backend: BACKEND,
        symbol,
        status: statuses.name(error.status),
        site: ctx.site,
        rank: process.rank,
      });
      return error.status;
    }
  });
  if (status !== statuses.success) {
    const added = process.diagnostics.entries.slice(before);
    acl.recentErrorMessage = added.length ? `${symbol}: ${added[added.length - 1].message}` : `${symbol} returned ${statuses.name(status)}`;
  }
  return status;
}

export function requireInitialized(acl: AclState, symbol: string): void {
  if (!acl.initialized) {
    throw new AclStatusError(
      ACL_ERROR_UNINITIALIZE,
      'OB2013',
      acl.finalized
        ? `${symbol} was called after aclFinalize: ACL services cannot be used once finalised`
        : `${symbol} was called before aclInit: call aclInit(null) first, before any other ACL call`,
    );
  }
}

/** The current device; throws ACL_ERROR_RT_CONTEXT_NULL when no device is set. */
export function requireDevice(acl: AclState, symbol: string): number {
  if (acl.currentDevice === undefined) {
    throw new AclStatusError(
      ACL_ERROR_RT_CONTEXT_NULL,
      'OB2013',
      `${symbol} needs a device context: call aclrtSetDevice(deviceId) first (or again after aclrtResetDevice)`,
    );
  }
  return acl.currentDevice;
}

/**
 * An ACL runtime call: requires aclInit (unless `beforeInit`), and a set device when `device`
 * is true. Non-success statuses are also recorded as the thread's last runtime error.
 */
export function aclCall(
  symbol: string,
  body: (ctx: AclCallContext) => number | void,
  options: { readonly device?: boolean; readonly beforeInit?: boolean } = {},
): number {
  const status = cannCall(symbol, ACL_STATUS, (ctx) => {
    if (!options.beforeInit) requireInitialized(ctx.acl, symbol);
    if (options.device) requireDevice(ctx.acl, symbol);
    return body(ctx);
  });
  if (status !== ACL_STATUS.success) aclState(currentProcess()).lastError = status;
  return status;
}
