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
import { memoryRange } from './trace.js';
import { toTensorData } from '../../runtime/tensor-transfer.js';

export type CollectiveKind = 'AllReduce' | 'Broadcast' | 'AllGather' | 'ReduceScatter' | 'Reduce';
export type Reduction = 'sum' | 'prod' | 'max' | 'min' | 'avg';

/**
 * The ranks taking part in a collective: this member's rank, their number, and an all-gather
 * of one payload per member in rank order. Defaults to the process's own transport (one rank
 * per worker); a single process driving several devices (ncclCommInitAll) supplies its own.
 */
export interface CollectiveGroup {
  readonly rank: number;
  readonly nranks: number;
  exchange(tag: string, payload: Uint8Array): Uint8Array[];
  /** Members are communicators of this one process (a clique): traces name the member's rank. */
  readonly inProcess?: boolean;
}

/** The process transport as a collective group, with transport failures as collective faults. */
export function processGroup(process: { readonly rank: number; readonly nranks: number; readonly transport: { exchange(tag: string, payload: Uint8Array): Uint8Array[] } }): CollectiveGroup {
  return { rank: process.rank, nranks: process.nranks, exchange: (tag, payload) => process.transport.exchange(tag, payload) };
}

/**
 * Runs an exchange and turns the transport's errors (ranks that made different calls, or a
 * rank that never arrived) into a collective-mismatch fault the facade reports.
 */
export function exchangeOrFault(group: CollectiveGroup, tag: string, payload: Uint8Array): Uint8Array[] {
  try {
    return group.exchange(tag, payload);
  } catch (error) {
    if (error instanceof DeviceFault) throw error;
    throw new DeviceFault('collective-mismatch', error instanceof Error ? error.message : String(error));
  }
}

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
  /** Who takes part; the process's ranks when omitted. */
  readonly group?: CollectiveGroup;
}

function sendCount(r: CollectiveRequest, nranks: number): number {
  return r.kind === 'ReduceScatter' ? r.count * nranks : r.count;
}

function recvCount(r: CollectiveRequest, nranks: number): number {
  return r.kind === 'AllGather' ? r.count * nranks : r.count;
}

/** One member's collective, split around the exchange so a single process can drive several members. */
export interface PreparedCollective {
  /** Identifies the call; every member of one collective must give the same tag. */
  readonly tag: string;
  /** This member's contribution to the exchange. */
  readonly payload: Uint8Array;
  /** Computes this member's result from every member's payload (in rank order) and stores it. */
  complete(all: readonly Uint8Array[]): void;
}

/** Identifies a call; every member of one collective must give the same tag. */
export function collectiveTag(request: CollectiveRequest): string {
  return `${request.kind}:${request.dtype}:${request.count}:${request.reduction ?? ''}:${request.root ?? ''}`;
}

export function runCollective(ctx: CallContext, request: CollectiveRequest): void {
  const group = request.group ?? processGroup(ctx.process);
  const prepared = prepareCollective(ctx, request);
  prepared.complete(exchangeOrFault(group, prepared.tag, prepared.payload));
}

interface CollectiveBuffers {
  /** The member's send buffer, when it contributes data (Broadcast: the root only). */
  readonly send: DevicePtr | undefined;
  readonly sendBytes: number;
  /** The member's receive buffer, when it keeps a result (Reduce: the root only). */
  readonly recv: DevicePtr | undefined;
  readonly recvBytes: number;
}

/**
 * Checks one member's call without running it: the count, the root, and that its buffers are
 * live device memory large enough for what it sends and receives.
 */
export function checkCollective(ctx: CallContext, request: CollectiveRequest): CollectiveBuffers {
  const { process } = ctx;
  const { nranks, rank } = request.group ?? processGroup(process);
  if (!Number.isInteger(request.count) || request.count < 0) throw new DeviceFault('invalid-value', `count must be a non-negative integer, got ${request.count}`);
  if (request.root !== undefined && (request.root < 0 || request.root >= nranks || !Number.isInteger(request.root))) {
    throw new DeviceFault('invalid-value', `root ${request.root} is not a rank of this communicator (0..${nranks - 1})`);
  }
  const item = ITEM_SIZE[request.dtype];
  const contributes = request.kind !== 'Broadcast' || rank === request.root;
  // ncclReduce writes (and so needs) recvbuff on the root only.
  const keep = request.kind !== 'Reduce' || rank === request.root;
  const sendBytes = sendCount(request, nranks) * item;
  const recvBytes = recvCount(request, nranks) * item;
  const recv = keep ? requireDevicePtr(request.recv, 'recvbuff') : undefined;
  const send = contributes ? requireDevicePtr(request.send ?? request.recv, 'sendbuff') : undefined;
  if (send) process.memory(send.allocation.device).check(send, sendBytes);
  if (recv) process.memory(recv.allocation.device).check(recv, recvBytes);
  return { send, sendBytes, recv, recvBytes };
}

/**
 * Validates one member's call, enqueues it on its stream, checks its send buffer for races
 * and captures its payload; `complete` then reduces, stores and traces.
 */
export function prepareCollective(ctx: CallContext, request: CollectiveRequest): PreparedCollective {
  const { process } = ctx;
  const group = request.group ?? processGroup(process);
  const { nranks, rank } = group;
  const { send, sendBytes, recv, recvBytes } = checkCollective(ctx, request);
  const item = ITEM_SIZE[request.dtype];
  const keep = recv !== undefined;
  const payload = send ? process.memory(send.allocation.device).bytes(send, sendBytes).slice() : new Uint8Array(0);
  const target = recv ? process.memory(recv.allocation.device).bytes(recv, recvBytes) : undefined;

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
  const tag = collectiveTag(request);

  const complete = (all: readonly Uint8Array[]): void => {
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
      mine = outputs[rank];
    }
    if (recv && target) {
      const result = mine.contiguous().storage;
      target.set(new Uint8Array(result.buffer, result.byteOffset, recvBytes));
      process.access.recordDeviceWrite(recv, recvBytes, stamp, ctx.symbol, ctx.site);
    }
    process.tracer.add({
      kind: 'op',
      backend: ctx.backend,
      symbol: ctx.symbol,
      op: request.kind === 'Reduce' ? 'AllReduce' : request.kind,
      attributes: { ...attributes, ...(request.root !== undefined ? { root: request.root } : {}), nranks, ...(group.inProcess ? { rank } : {}) },
      inputs: [],
      outputs: keep ? [toTensorData(mine)] : [],
      profile: mode === 'golden' ? 'golden' : request.profile.id,
      site: ctx.site,
      stream: request.stream.id,
      reads: send ? [memoryRange(send, sendBytes)] : [],
      writes: recv && target ? [memoryRange(recv, recvBytes)] : [],
    });
  };
  return { tag, payload, complete };
}
