/**
 * Point-to-point transfers (ncclSend / ncclRecv, HcclSend / HcclRecv, ...) issued together,
 * as NCCL-style group calls issue them. The transport only offers all-member exchanges, so a
 * batch is one exchange in which every member lists what it sends and receives; each receive
 * then takes, in issue order, its peer's matching send. Every member of the communicator must
 * reach the same batch (an empty one when it has nothing to transfer) — a documented
 * simplification of real pairwise transfers.
 */
import { ITEM_SIZE, type DType } from '../../runtime/dtype.js';
import type { CallSite } from './call-site.js';
import type { CollectiveGroup } from './collective-call.js';
import { exchangeOrFault } from './collective-call.js';
import { DeviceFault } from './device-fault.js';
import type { DevicePtr } from './device-memory.js';
import type { CallContext } from './facade-call.js';
import { requireDevicePtr } from './memory-ops.js';
import type { OpStamp, SimStream } from './stream-ordering.js';

export interface PointToPointOp {
  readonly kind: 'send' | 'recv';
  /** The device buffer sent from or received into. */
  readonly buffer: unknown;
  readonly count: number;
  readonly dtype: DType;
  readonly peer: number;
  readonly stream: SimStream;
  /** The vendor call that issued it, for diagnostics. */
  readonly symbol: string;
  readonly site: CallSite | undefined;
}

interface WireOp {
  readonly kind: 'send' | 'recv';
  readonly peer: number;
  readonly count: number;
  readonly dtype: DType;
  /** Byte offset of a send's data in the payload body. */
  readonly at: number;
}

export interface PreparedPointToPoint {
  readonly tag: string;
  readonly payload: Uint8Array;
  complete(all: readonly Uint8Array[]): void;
}

const TAG = 'p2p-batch';

export function runPointToPoint(ctx: CallContext, group: CollectiveGroup, ops: readonly PointToPointOp[]): void {
  const prepared = preparePointToPoint(ctx, group, ops);
  prepared.complete(exchangeOrFault(group, prepared.tag, prepared.payload));
}

/** Checks one transfer without running it: count, peer, and a live device buffer large enough for it. */
export function checkTransfer(ctx: CallContext, nranks: number, op: PointToPointOp): { ptr: DevicePtr; bytes: number } {
  if (!Number.isInteger(op.count) || op.count < 0) throw new DeviceFault('invalid-value', `${op.symbol}: count must be a non-negative integer, got ${op.count}`);
  if (!Number.isInteger(op.peer) || op.peer < 0 || op.peer >= nranks) {
    throw new DeviceFault('invalid-value', `${op.symbol}: peer ${op.peer} is not a rank of this communicator (0..${nranks - 1})`);
  }
  const bytes = op.count * ITEM_SIZE[op.dtype];
  const ptr = requireDevicePtr(op.buffer, op.kind === 'send' ? 'sendbuff' : 'recvbuff');
  ctx.process.memory(ptr.allocation.device).check(ptr, bytes);
  return { ptr, bytes };
}

/** Validates and enqueues one member's batch and packs what it sends. */
export function preparePointToPoint(ctx: CallContext, group: CollectiveGroup, ops: readonly PointToPointOp[]): PreparedPointToPoint {
  const { process } = ctx;
  const wire: WireOp[] = [];
  const chunks: Uint8Array[] = [];
  const receives: { ptr: DevicePtr; bytes: number; stamp: OpStamp; op: PointToPointOp }[] = [];
  let bodyBytes = 0;
  for (const op of ops) {
    const { ptr, bytes } = checkTransfer(ctx, group.nranks, op);
    const view = process.memory(ptr.allocation.device).bytes(ptr, bytes);
    const stamp = process.ordering.enqueue(op.stream, 0);
    if (op.kind === 'send') {
      const race = process.access.unorderedDeviceWrite(ptr, bytes, op.stream, process.ordering);
      if (race) {
        process.diagnostics.add({
          id: 'OB2007',
          message: `${op.symbol} sends memory written by ${race.symbol}${race.site ? ` (${race.site.file}:${race.site.line})` : ''} on another stream without an event wait or synchronisation`,
          backend: ctx.backend,
          symbol: op.symbol,
          site: op.site,
          rank: process.rank,
        });
      }
      wire.push({ kind: 'send', peer: op.peer, count: op.count, dtype: op.dtype, at: bodyBytes });
      chunks.push(view.slice());
      bodyBytes += bytes;
    } else {
      wire.push({ kind: 'recv', peer: op.peer, count: op.count, dtype: op.dtype, at: -1 });
      receives.push({ ptr, bytes, stamp, op });
    }
  }
  const header = new TextEncoder().encode(JSON.stringify(wire));
  const payload = new Uint8Array(4 + header.length + bodyBytes);
  new DataView(payload.buffer).setUint32(0, header.length, true);
  payload.set(header, 4);
  let at = 4 + header.length;
  for (const chunk of chunks) {
    payload.set(chunk, at);
    at += chunk.length;
  }

  const complete = (all: readonly Uint8Array[]): void => {
    const decoded = all.map(decode);
    checkPairs(decoded, group.nranks);
    const taken = new Map<number, number>();
    for (const r of receives) {
      const peerOps = decoded[r.op.peer];
      const sendsToMe = peerOps.ops.filter((w) => w.kind === 'send' && w.peer === group.rank);
      const index = taken.get(r.op.peer) ?? 0;
      taken.set(r.op.peer, index + 1);
      const send = sendsToMe[index];
      const data = peerOps.body.subarray(send.at, send.at + r.bytes);
      process.memory(r.ptr.allocation.device).bytes(r.ptr, r.bytes).set(data);
      process.access.recordDeviceWrite(r.ptr, r.bytes, r.stamp, r.op.symbol, r.op.site);
    }
  };
  return { tag: TAG, payload, complete };
}

function decode(payload: Uint8Array): { ops: WireOp[]; body: Uint8Array } {
  const length = new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(0, true);
  const ops = JSON.parse(new TextDecoder().decode(payload.subarray(4, 4 + length))) as WireOp[];
  return { ops, body: payload.subarray(4 + length) };
}

/** Every send from a to b must meet, in order, a receive on b from a of the same count and type. */
function checkPairs(members: readonly { ops: WireOp[] }[], nranks: number): void {
  for (let from = 0; from < nranks; from++) {
    for (let to = 0; to < nranks; to++) {
      const sends = members[from].ops.filter((w) => w.kind === 'send' && w.peer === to);
      const recvs = members[to].ops.filter((w) => w.kind === 'recv' && w.peer === from);
      if (sends.length !== recvs.length) {
        throw new DeviceFault(
          'collective-mismatch',
          `rank ${from} posts ${sends.length} send(s) to rank ${to}, which posts ${recvs.length} matching receive(s) from rank ${from}`,
        );
      }
      sends.forEach((s, i) => {
        const r = recvs[i];
        if (s.count !== r.count || s.dtype !== r.dtype) {
          throw new DeviceFault(
            'collective-mismatch',
            `send ${i + 1} from rank ${from} to rank ${to} carries ${s.count} ${s.dtype} but the matching receive expects ${r.count} ${r.dtype}`,
          );
        }
      });
    }
  }
}
