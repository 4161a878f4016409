/**
 * How calls of each Cambricon library run: `facadeCall` with the library's status table.
 * CNRT also keeps the per-thread last error that cnrtGetLastError / cnrtPeekAtLastError read
 * (one thread per simulated rank).
 */
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import { facadeCall } from '../sim/facade-call.js';
import { currentProcess, type SimProcess } from '../sim/sim-process.js';
import { cnrtErrorNotReady, cnrtSuccess } from './constants.generated.js';
import { CNCL_STATUS, CNNL_STATUS, CNRT_STATUS } from './status-codes.js';

export const BACKEND = 'cambricon';

interface CnrtThreadState {
  lastError: number;
}

export function cnrtThreadState(process: SimProcess = currentProcess()): CnrtThreadState {
  return process.state<CnrtThreadState>('cambricon.cnrt', () => ({ lastError: cnrtSuccess }));
}

/** A CNRT call; a failure (other than "not ready") becomes the thread's last error. */
export function cnrtCall(symbol: string, body: (ctx: CallContext) => number | void, statuses: StatusCodes = CNRT_STATUS): number {
  const status = facadeCall(BACKEND, symbol, statuses, body);
  if (status !== cnrtSuccess && status !== cnrtErrorNotReady) cnrtThreadState().lastError = status;
  return status;
}

export function cnnlCall(symbol: string, body: (ctx: CallContext) => number | void, statuses: StatusCodes = CNNL_STATUS): number {
  return facadeCall(BACKEND, symbol, statuses, body);
}

export function cnclCall(symbol: string, body: (ctx: CallContext) => number | void, statuses: StatusCodes = CNCL_STATUS): number {
  return facadeCall(BACKEND, symbol, statuses, body);
}
