/**
 * How calls of each Cambricon library run: `facadeCall` with the library's status table.
 * CNRT also keeps the per-thread last error that cnrtGetLastError / cnrtPeekAtLastError read
 * (one thread per simulated rank).
 */
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import { facadeCall } from '../sim/facade-call.js';
import { currentProcess, type SimProcess } from '../sim/sim-process.js';
import { cnrtErrorNotReady, cnrtSuccess, type cnclResult_t, type cnnlStatus_t, type cnrtRet_t } from './constants.generated.js';
import { CNCL_STATUS, CNNL_STATUS, CNRT_STATUS } from './status-codes.js';

export const BACKEND = 'cambricon';

interface CnrtThreadState {
  lastError: cnrtRet_t;
}

export function cnrtThreadState(process: SimProcess = currentProcess()): CnrtThreadState {
  return process.state<CnrtThreadState>('cambricon.cnrt', () => ({ lastError: cnrtSuccess }));
}

/** A CNRT call; a failure (other than "not ready") becomes the thread's last error. */
// The status tables hold only members of each library's status enum, so the codes are its type.
export function cnrtCall(symbol: string, body: (ctx: CallContext) => number | void, statuses: StatusCodes = CNRT_STATUS): cnrtRet_t {
  const status = facadeCall(BACKEND, symbol, statuses, body) as cnrtRet_t;
  if (status !== cnrtSuccess && status !== cnrtErrorNotReady) cnrtThreadState().lastError = status;
  return status;
}

export function cnnlCall(symbol: string, body: (ctx: CallContext) => number | void, statuses: StatusCodes = CNNL_STATUS): cnnlStatus_t {
  return facadeCall(BACKEND, symbol, statuses, body) as cnnlStatus_t;
}

export function cnclCall(symbol: string, body: (ctx: CallContext) => number | void, statuses: StatusCodes = CNCL_STATUS): cnclResult_t {
  return facadeCall(BACKEND, symbol, statuses, body) as cnclResult_t;
}
