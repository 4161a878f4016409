/**
 * CNCL point-to-point and groups. Sends and receives issued between cnclGroupStart and
 * cnclGroupEnd (or one call outside a group) run as one batch of the shared point-to-point
 * simulation when the group ends: each receive takes, in issue order, its peer's matching
 * send. Because the simulation's transport is collective, every rank must end the same
 * number of groups (a rank without traffic calls cnclGroupStart / cnclGroupEnd); on hardware
 * only the peers need to. Unmatched transfers or size mismatches are CNCL_RET_ERR_ARGUMENTS
 * with OB2015.
 */
import type { CallContext } from '../sim/facade-call.js';
import { PointToPointGroups } from '../sim/p2p-groups.js';
import type { SimProcess } from '../sim/sim-process.js';
import type { cnclDataType_t, cnclResult_t } from './constants.generated.js';
import { cnclCall } from './library-calls.js';
import { queueStream, type cnrtQueue_t } from './cnrt-queue.js';
import { requireComm, type cnclComm_t } from './cncl-communicator.js';
import { cnclDType } from './cncl-collectives.js';

const groups = (process: SimProcess): PointToPointGroups => PointToPointGroups.of(process, 'cambricon.cncl', { start: 'cnclGroupStart', end: 'cnclGroupEnd' });

function transfer(ctx: CallContext, kind: 'send' | 'recv', buffer: unknown, count: number, data_type: unknown, peer: number, comm: unknown, queue: unknown): void {
  requireComm(comm);
  groups(ctx.process).issue(ctx, { kind, buffer, count, dtype: cnclDType(data_type), peer, stream: queueStream(ctx.process, queue), symbol: ctx.symbol, site: ctx.site });
}

/** NCCL's argument order (buffer, count, type, peer, communicator, queue). */
export function cnclSend(buffer: unknown, count: number, data_type: cnclDataType_t, dest: number, comm: cnclComm_t, queue: cnrtQueue_t): cnclResult_t {
  return cnclCall('cnclSend', (ctx) => transfer(ctx, 'send', buffer, count, data_type, dest, comm, queue));
}

export function cnclRecv(buffer: unknown, count: number, data_type: cnclDataType_t, source: number, comm: cnclComm_t, queue: cnrtQueue_t): cnclResult_t {
  return cnclCall('cnclRecv', (ctx) => transfer(ctx, 'recv', buffer, count, data_type, source, comm, queue));
}

export function cnclGroupStart(): cnclResult_t {
  return cnclCall('cnclGroupStart', ({ process }) => groups(process).start());
}

/** Every rank exchanges at the end of each group, even without traffic of its own. */
export function cnclGroupEnd(): cnclResult_t {
  return cnclCall('cnclGroupEnd', (ctx) => groups(ctx.process).end(ctx));
}
