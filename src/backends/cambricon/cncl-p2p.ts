/**
 * CNCL point-to-point and groups. Sends and receives issued between cnclGroupStart and
 * cnclGroupEnd (or one call outside a group) run as one batch of the shared point-to-point
 * simulation when the group ends: each receive takes, in issue order, its peer's matching
 * send. Because the simulation's transport is collective, every rank must end the same
 * number of groups (a rank without traffic calls cnclGroupStart / cnclGroupEnd); on hardware
 * only the peers need to. Unmatched transfers or size mismatches are CNCL_RET_ERR_ARGUMENTS
 * with OB2015.
 */
import { processGroup } from '../sim/collective-call.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import { runPointToPoint, type PointToPointOp } from '../sim/p2p-call.js';
import type { SimProcess } from '../sim/sim-process.js';
import type { cnclDataType_t } from './constants.generated.js';
import { cnclCall } from './library-calls.js';
import { queueStream, type cnrtQueue_t } from './cnrt-queue.js';
import { requireComm, type cnclComm_t } from './cncl-communicator.js';
import { cnclDType } from './cncl-collectives.js';

interface GroupState {
  depth: number;
  pending: PointToPointOp[];
}

function groupState(process: SimProcess): GroupState {
  return process.state<GroupState>('cambricon.cncl.group', () => ({ depth: 0, pending: [] }));
}

function flush(ctx: CallContext): void {
  const state = groupState(ctx.process);
  const ops = state.pending;
  state.pending = [];
  runPointToPoint(ctx, processGroup(ctx.process), ops);
}

function transfer(ctx: CallContext, kind: 'send' | 'recv', buffer: unknown, count: number, data_type: unknown, peer: number, comm: unknown, queue: unknown): void {
  requireComm(comm);
  const state = groupState(ctx.process);
  state.pending.push({ kind, buffer, count, dtype: cnclDType(data_type), peer, stream: queueStream(ctx.process, queue), symbol: ctx.symbol, site: ctx.site });
  if (state.depth === 0) flush(ctx);
}

/** NCCL's argument order (buffer, count, type, peer, communicator, queue). */
export function cnclSend(buffer: unknown, count: number, data_type: cnclDataType_t, dest: number, comm: cnclComm_t, queue: cnrtQueue_t): number {
  return cnclCall('cnclSend', (ctx) => transfer(ctx, 'send', buffer, count, data_type, dest, comm, queue));
}

export function cnclRecv(buffer: unknown, count: number, data_type: cnclDataType_t, source: number, comm: cnclComm_t, queue: cnrtQueue_t): number {
  return cnclCall('cnclRecv', (ctx) => transfer(ctx, 'recv', buffer, count, data_type, source, comm, queue));
}

export function cnclGroupStart(): number {
  return cnclCall('cnclGroupStart', ({ process }) => {
    groupState(process).depth += 1;
  });
}

export function cnclGroupEnd(): number {
  return cnclCall('cnclGroupEnd', (ctx) => {
    const state = groupState(ctx.process);
    if (state.depth === 0) throw new DeviceFault('invalid-value', 'cnclGroupEnd without a matching cnclGroupStart');
    state.depth -= 1;
    // Every rank exchanges at the end of each group, even without traffic of its own.
    if (state.depth === 0) flush(ctx);
  });
}
