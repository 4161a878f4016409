/**
 * Collectives shared by NCCL, HCCL, CNCL, BKCL and MCCL facades: every rank contributes its
 * send buffer through the transport, then each computes the same result with the runtime's
 * collective kernel (so the documented reduction order applies) and keeps its own part.
 */
import type { DType } from '../../runtime/dtype.js';
import { ITEM_SIZE, allocateStorage } from '../../runtime/dtype.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { GOLDEN_PROFILE } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from './device-fault.js';
import type { CallContext } from './facade-call.js';
import type { SimStream } from './stream-ordering.js';
import type { DevicePtr } from './device-memory.js';
import { requireDevicePtr } from './memory-ops.js';
import { toTensorData } from '../../runtime/tensor-transfer.js';

export type CollectiveKind = 'AllReduce' | 'Broadcast' | 'AllGather' | 'ReduceScatter' | 'Reduce';
export type Reduction = 'sum' | 'prod' | 'max' | 'min' | 'avg';

export interface CollectiveRequest {
  readonly kind: CollectiveKind;
  readonly send: unknown;
  readonly recv: unknown;
  /** Elements sent per rank (AllReduce/Broadcast/AllGather/Reduce) or received per rank (ReduceScatter). */
  readonly count: number;
  readonly dtype: DType;
  readonly reduction?: Reduction;
  readonly root?: number;
  readonly stream: SimStream;
  readonly profile: NumericProfile;
}

function sendCount(r: CollectiveRequest, nranks: number): number {
  return r.kind === 'ReduceScatter' ? r.count * nranks : r.count;
}

function recvCount(r: CollectiveRequest, nranks: number): number {
  return r.kind === 'AllGather' ? r.count * nranks : r.count;
}

export function runCollective(ctx: CallContext, request: CollectiveRequest): void {
  const { process } = ctx;
  const nranks = process.nranks;
  if (!Number.isInteger(request.count) || request.count < 0) throw new DeviceFault('invalid-value', `count must be a non-negative integer, got ${request.count}`);
  if (request.root !== undefined && (request.root < 0 || request.root >= nranks || !Number.isInteger(request.root))) {
    throw new DeviceFault('invalid-value', `root ${request.root} is not a rank of this communicator (0..${nranks - 1})`);
  }
  const item = ITEM_SIZE[request.dtype];
  const isRootOnly = request.kind === 'Broadcast';
  const contributes = !isRootOnly || process.rank === request.root;
  const sendBytes = sendCount(request, nranks) * item;
  const recv = requireDevicePtr(request.recv, 'recvbuff');
  const send: DevicePtr | undefined = contributes ? requireDevicePtr(request.send ?? request.recv, 'sendbuff') : undefined;
  const memory = process.memory();
  const payload = send ? memory.bytes(send, sendBytes).slice() : new Uint8Array(0);
  const recvBytes = recvCount(request, nranks) * item;
  const target = memory.bytes(recv, recvBytes);

  const stamp = process.ordering.enqueue(request.stream, 0);
  const race = send ? process.access.unorderedDeviceWrite(send, sendBytes, request.stream, process.ordering) : undefined;
  if (race) {
    process.diagnostics.add({
      id: 'OB2007',
      message: `${ctx.symbol} sends memory written by ${race.symbol}${race.site ? ` (${race.site.file}:${race.site.line})` : ''} on another stream without an event wait or synchronisation`,
      backend: ctx.backend,
      symbol: ctx.symbol,
      site: ctx.site,
      rank: process.rank,
    });
  }
  const tag = `${request.kind}:${request.dtype}:${request.count}:${request.reduction ?? ''}:${request.root ?? ''}`;
  const all = process.transport.exchange(tag, payload);

  const toTensor = (bytes: Uint8Array, count: number): Tensor => {
    const storage = allocateStorage(request.dtype, count);
    new Uint8Array(storage.buffer).set(bytes.subarray(0, count * item));
    return new Tensor(storage, request.dtype, [count]);
  };
  const profile = process.mode === 'golden' ? GOLDEN_PROFILE : request.profile;
  const mode = process.mode;
  let mine: Tensor;
  let attributes: Record<string, string | number> = {};
  if (request.kind === 'Broadcast') {
    mine = toTensor(all[request.root ?? 0], request.count);
  } else {
    const inputs = all.map((b) => toTensor(b, sendCount(request, nranks)));
    const op = request.kind === 'Reduce' ? 'AllReduce' : request.kind;
    attributes = request.kind === 'AllGather' ? {} : { reduction: request.reduction ?? 'sum' };
    const outputs = runOp(op, inputs, attributes, { mode, profile });
    mine = outputs[process.rank];
  }
  const keep = request.kind !== 'Reduce' || process.rank === request.root;
  if (keep) {
    const result = mine.contiguous().storage;
    target.set(new Uint8Array(result.buffer, result.byteOffset, recvBytes));
    process.access.recordDeviceWrite(recv, recvBytes, stamp, ctx.symbol, ctx.site);
  }
  process.tracer.add({
    kind: 'op',
    backend: ctx.backend,
    symbol: ctx.symbol,
    op: request.kind === 'Reduce' ? 'AllReduce' : request.kind,
    attributes: { ...attributes, ...(request.root !== undefined ? { root: request.root } : {}), nranks },
    inputs: [],
    outputs: keep ? [toTensorData(mine)] : [],
    profile: mode === 'golden' ? 'golden' : request.profile.id,
    site: ctx.site,
    stream: request.stream.id,
  });
}
