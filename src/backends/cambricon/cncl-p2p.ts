/**
 * CNCL point-to-point and groups. Sends and receives issued between cnclGroupStart and
 * cnclGroupEnd (or one call outside a group) are matched when the group ends: every rank
 * contributes its sends through the collective transport and each receive takes the next
 * send addressed to it by its source, in issue order, as NCCL orders p2p operations.
 * Because the simulation's transport is collective, every rank must end the same number of
 * p2p groups (a rank without traffic calls cnclGroupStart / cnclGroupEnd); on hardware only
 * the peers need to. A receive without a matching send, a size mismatch, or a send nobody
 * receives is CNCL_RET_ERR_ARGUMENTS with OB2015.
 */
import { ITEM_SIZE } from '../../runtime/dtype.js';
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import type { CallContext } from '../sim/facade-call.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { SimProcess } from '../sim/sim-process.js';
import { SIMULATED_DEVICE, type SimStream } from '../sim/stream-ordering.js';
import { CNCL_RET_ERR_ARGUMENTS, type cnclDataType_t } from './constants.generated.js';
import { cnclCall } from './library-calls.js';
import { queueStream, type cnrtQueue_t } from './cnrt-queue.js';
import { requireComm, type cnclComm_t } from './cncl-communicator.js';
import { cnclDType } from './cncl-collectives.js';

interface PendingTransfer {
  readonly kind: 'send' | 'recv';
  readonly ptr: DevicePtr;
  readonly bytes: number;
  readonly peer: number;
  readonly stream: SimStream;
  readonly symbol: string;
  readonly site: CallSite | undefined;
}

interface GroupState {
  depth: number;
  pending: PendingTransfer[];
}

function groupState(process: SimProcess): GroupState {
  return process.state<GroupState>('cambricon.cncl.group', () => ({ depth: 0, pending: [] }));
}

function encodeSends(process: SimProcess, sends: readonly PendingTransfer[]): Uint8Array {
  const total = 4 + sends.reduce((n, s) => n + 8 + s.bytes, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setInt32(0, sends.length, true);
  let at = 4;
  for (const s of sends) {
    view.setInt32(at, s.peer, true);
    view.setInt32(at + 4, s.bytes, true);
    out.set(process.memory(s.ptr.allocation.device).bytes(s.ptr, s.bytes), at + 8);
    at += 8 + s.bytes;
  }
  return out;
}

/** The sends in one rank's payload that target `rank`, in issue order. */
function sendsTo(payload: Uint8Array, rank: number): Uint8Array[] {
  if (payload.length < 4) return [];
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const out: Uint8Array[] = [];
  let at = 4;
  for (let i = 0; i < view.getInt32(0, true); i++) {
    const peer = view.getInt32(at, true);
    const bytes = view.getInt32(at + 4, true);
    if (peer === rank) out.push(payload.subarray(at + 8, at + 8 + bytes));
    at += 8 + bytes;
  }
  return out;
}

function mismatch(ctx: CallContext, message: string): number {
  ctx.process.diagnostics.add({
    id: 'OB2015',
    message,
    backend: ctx.backend,
    symbol: ctx.symbol,
    status: 'CNCL_RET_ERR_ARGUMENTS',
    site: ctx.site,
    rank: ctx.process.rank,
  });
  return CNCL_RET_ERR_ARGUMENTS;
}

function flush(ctx: CallContext): number | void {
  const { process } = ctx;
  const state = groupState(process);
  const pending = state.pending;
  state.pending = [];
  const sends = pending.filter((p) => p.kind === 'send');
  for (const s of sends) {
    process.ordering.enqueue(s.stream, s.bytes / SIMULATED_DEVICE.deviceBytesPerUs);
    const race = process.access.unorderedDeviceWrite(s.ptr, s.bytes, s.stream, process.ordering);
    if (race) {
      process.diagnostics.add({
        id: 'OB2007',
        message: `${s.symbol} sends memory written by ${race.symbol}${race.site ? ` (${race.site.file}:${race.site.line})` : ''} on another queue without a notifier wait or synchronisation`,
        backend: ctx.backend,
        symbol: s.symbol,
        site: s.site,
        rank: process.rank,
      });
    }
  }
  const all = process.transport.exchange('cncl.p2p', encodeSends(process, sends));
  const incoming = all.map((payload) => sendsTo(payload, process.rank));
  for (const r of pending.filter((p) => p.kind === 'recv')) {
    const data = incoming[r.peer].shift();
    if (!data) return mismatch(ctx, `${r.symbol} from rank ${r.peer} has no matching cnclSend to rank ${process.rank} in this group`);
    if (data.length !== r.bytes) return mismatch(ctx, `${r.symbol} expects ${r.bytes} bytes from rank ${r.peer}, which sent ${data.length}`);
    const stamp = process.ordering.enqueue(r.stream, r.bytes / SIMULATED_DEVICE.deviceBytesPerUs);
    process.memory(r.ptr.allocation.device).bytes(r.ptr, r.bytes).set(data);
    process.access.recordDeviceWrite(r.ptr, r.bytes, stamp, r.symbol, r.site);
  }
  const unreceived = incoming.findIndex((list) => list.length > 0);
  if (unreceived >= 0) return mismatch(ctx, `rank ${unreceived} sent to rank ${process.rank} in this group, but no cnclRecv took it`);
}

function transfer(ctx: CallContext, kind: 'send' | 'recv', buffer: unknown, count: unknown, data_type: unknown, peer: unknown, comm: unknown, queue: unknown): number | void {
  const c = requireComm(comm);
  const stream = queueStream(ctx.process, queue);
  const dtype = cnclDType(data_type);
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) throw new DeviceFault('invalid-value', `count must be a non-negative integer, got ${String(count)}`);
  if (typeof peer !== 'number' || !Number.isInteger(peer) || peer < 0 || peer >= c.nranks) {
    throw new DeviceFault('invalid-value', `peer ${String(peer)} is not a rank of this communicator (0..${c.nranks - 1})`);
  }
  const ptr = requireDevicePtr(buffer, 'buffer');
  const bytes = count * ITEM_SIZE[dtype];
  ctx.process.memory(ptr.allocation.device).check(ptr, bytes);
  const state = groupState(ctx.process);
  state.pending.push({ kind, ptr, bytes, peer, stream, symbol: ctx.symbol, site: ctx.site });
  if (state.depth === 0) return flush(ctx);
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
    if (state.depth === 0) return flush(ctx);
  });
}
