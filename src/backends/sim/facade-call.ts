/**
 * The wrapper every facade function runs in. It captures the program call site, runs the
 * body, and turns simulation faults and operator validation errors into the vendor's status
 * code plus a diagnostic, so porting bugs that crash real hardware become clear messages.
 */
import { OpbridgeError } from '../../errors.js';
import { captureCallSite, type CallSite } from './call-site.js';
import { DeviceFault, type FaultKind } from './device-fault.js';
import type { RuntimeDiagnosticId } from './diagnostics.js';
import { currentProcess, type SimProcess } from './sim-process.js';

/**
 * A backend's status codes: success, what each fault returns, and names for messages.
 * Statuses are numbers, or strings for enums whose values are unconfirmed (exported under
 * their names, e.g. BKCL's BKCLResult_t).
 */
export interface StatusCodes<S extends number | string = number> {
  readonly success: S;
  readonly faults: Readonly<Partial<Record<FaultKind, S>>>;
  /** Returned for faults the table does not list. */
  readonly fallback: S;
  name(code: S): string;
}

export interface CallContext {
  readonly process: SimProcess;
  readonly site: CallSite | undefined;
  readonly backend: string;
  readonly symbol: string;
}

const FAULT_DIAGNOSTIC: Readonly<Record<FaultKind, RuntimeDiagnosticId>> = {
  'out-of-bounds': 'OB2001',
  'use-after-free': 'OB2002',
  'double-free': 'OB2003',
  'invalid-free': 'OB2013',
  'host-pointer': 'OB2004',
  'device-pointer': 'OB2004',
  'null-pointer': 'OB2012',
  misaligned: 'OB2010',
  'invalid-handle': 'OB2008',
  'invalid-value': 'OB2013',
  'out-of-memory': 'OB2013',
  'not-supported': 'OB2014',
  'executor-reused': 'OB2009',
  'workspace-too-small': 'OB2011',
  'collective-mismatch': 'OB2015',
};

/**
 * Runs a facade body. The body returns a status (or nothing for success) and may throw
 * `DeviceFault`; runtime `OpbridgeError`s (bad shapes, dtypes, attributes) become
 * invalid-value faults. Anything else is a bug in opbridge and propagates.
 */
export function facadeCall<S extends number | string = number>(
  backend: string,
  symbol: string,
  statuses: StatusCodes<S>,
  body: (ctx: CallContext) => S | void,
): S {
  const process = currentProcess();
  return process.tracer.call(() => runBody(process, backend, symbol, statuses, body));
}

function runBody<S extends number | string>(process: SimProcess, backend: string, symbol: string, statuses: StatusCodes<S>, body: (ctx: CallContext) => S | void): S {
  const site = captureCallSite();
  try {
    const status = body({ process, site, backend, symbol });
    return status ?? statuses.success;
  } catch (error) {
    const fault =
      error instanceof DeviceFault
        ? error
        : error instanceof OpbridgeError
          ? new DeviceFault('invalid-value', error.message)
          : undefined;
    if (!fault) throw error;
    const status = statuses.faults[fault.kind] ?? statuses.fallback;
    process.diagnostics.add({
      id: FAULT_DIAGNOSTIC[fault.kind],
      message: fault.message,
      backend,
      symbol,
      status: statuses.name(status),
      site,
      rank: process.rank,
    });
    return status;
  }
}

/** Throws the fault for a destroyed or foreign handle. */
export function requireLive<T extends { destroyed: boolean }>(object: unknown, kind: string, guard: (x: unknown) => x is T): T {
  if (object === null || object === undefined) throw new DeviceFault('null-pointer', `${kind} is null`);
  if (!guard(object)) throw new DeviceFault('invalid-handle', `expected a ${kind}, got ${describe(object)}`);
  if (object.destroyed) throw new DeviceFault('invalid-handle', `${kind} was already destroyed`);
  return object;
}

function describe(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `host memory (${value.constructor.name})`;
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'an object';
  return typeof value;
}
