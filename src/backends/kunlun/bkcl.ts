/**
 * BKCL (xpu/bkcl.h) on the simulated ranks: NCCL-shaped collectives with the communicator
 * FIRST, all_gather's recvbuf after the count, and send/recv's peer before the data type.
 * BKCLDataType, BKCLOp and BKCLResult_t values are unconfirmed, so they are exported (and
 * returned) as their names and mapped by catalog meaning.
 *
 * Simulated as: one communicator over all ranks of the run (rank = the program's rank, one
 * device per rank); collectives through runCollective (the runtime's collective kernels in
 * their documented reduction order); send/recv through the shared point-to-point batches,
 * exchanged when their group ends (or at the call itself outside a group) — one exchange among
 * all ranks, so every rank must reach the same number of group ends / ungrouped send-recv
 * calls, as SPMD programs do.
 */
import { randomFillSync } from 'node:crypto';
import { isDType, type DType } from '../../runtime/dtype.js';
import { callProfile } from '../sim/call-profile.js';
import { exchangeOrFault, processGroup, runCollective, type CollectiveKind, type Reduction } from '../sim/collective-call.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { facadeCall, type CallContext } from '../sim/facade-call.js';
import { PointToPointGroups } from '../sim/p2p-groups.js';
import { Ref } from '../sim/ref.js';
import { CommunicatorObject } from '../sim/sim-object.js';
import type { SimProcess } from '../sim/sim-process.js';
import type { BKCLDataType, BKCLOp, BKCLResult_t } from './constants.generated.js';
import { KUNLUN, meaningOf } from './kunlun-catalog.js';
import { BKCL_STATUS } from './status-codes.js';
import { resolveStream, type XPUStream } from './xpu-runtime.js';

/**
 * `BKCLUniqueId`: an opaque blob the root creates and every rank receives (e.g.
 * `mpiBcast(id.internal, 0)`). BKCL_UNIQUE_ID_BYTES is not public; the simulation uses
 * 128 bytes, so programs should use `id.internal.length` rather than a constant.
 */
export class BKCLUniqueId {
  readonly internal = new Uint8Array(128);
}

/** A BKCL communicator (`BKCLContext_t`). */
export class SimBkclComm extends CommunicatorObject {
  readonly kind = 'BKCLContext_t';
}

export type BKCLContext_t = SimBkclComm;

function bkclCall(symbol: string, body: (call: CallContext) => BKCLResult_t | void): BKCLResult_t {
  return facadeCall(KUNLUN, symbol, BKCL_STATUS, body);
}

function requireComm(comm: unknown): SimBkclComm {
  if (comm === null || comm === undefined) throw new DeviceFault('null-pointer', 'comm is null');
  if (!(comm instanceof SimBkclComm)) {
    throw new DeviceFault('invalid-handle', 'comm is not a BKCLContext_t from bkcl_init_rank (BKCL takes the communicator as the FIRST argument)');
  }
  if (comm.destroyed) throw new DeviceFault('invalid-handle', 'comm was destroyed by bkcl_destroy_context');
  return comm;
}

function requireNonNegative(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new DeviceFault('invalid-value', `${name} must be a non-negative integer, got ${String(value)}`);
  return value;
}

function dataType(datatype: unknown): DType {
  const meaning = meaningOf('BKCLDataType', datatype);
  const dtype = meaning?.startsWith('dtype.') ? meaning.slice('dtype.'.length) : undefined;
  if (!dtype || !isDType(dtype)) {
    throw new DeviceFault('invalid-value', `datatype ${String(datatype)} is not a BKCLDataType (BKCL_FLOAT, BKCL_FLOAT16, BKCL_BFLOAT16, BKCL_FLOAT64, BKCL_UINT8, BKCL_INT32, BKCL_INT64)`);
  }
  return dtype;
}

function reduction(op: unknown): Reduction {
  const meaning = meaningOf('BKCLOp', op);
  if (!meaning?.startsWith('reduce.')) throw new DeviceFault('invalid-value', `op ${String(op)} is not a BKCLOp (BKCL_ADD, BKCL_PRODUCT, BKCL_MIN, BKCL_MAX)`);
  return meaning.slice('reduce.'.length) as Reduction;
}

function requirePeer(process: SimProcess, peer: unknown, name: string): number {
  if (typeof peer !== 'number' || !Number.isInteger(peer) || peer < 0 || peer >= process.nranks) {
    throw new DeviceFault('invalid-value', `${name} ${String(peer)} is not a rank of this communicator (0..${process.nranks - 1})`);
  }
  return peer;
}

export function bkcl_get_unique_id(uniqueId: BKCLUniqueId): BKCLResult_t {
  return bkclCall('bkcl_get_unique_id', () => {
    if (!(uniqueId instanceof BKCLUniqueId)) throw new DeviceFault('null-pointer', 'uniqueId must be a BKCLUniqueId (new BKCLUniqueId())');
    randomFillSync(uniqueId.internal);
  });
}

/** `bkcl_init_rank(&comm, rank, nranks, &id)`: rank before nranks (NCCL's order is nranks, id, rank). */
export function bkcl_init_rank(ctx: Ref<BKCLContext_t>, rank: number, nranks: number, uniqueId: BKCLUniqueId): BKCLResult_t {
  return bkclCall('bkcl_init_rank', ({ process, site }) => {
    // Every rank joins the exchange before any argument check can fail, as a real init would block.
    const ids = exchangeOrFault(processGroup(process), 'bkcl_init_rank', uniqueId instanceof BKCLUniqueId ? uniqueId.internal : new Uint8Array(0));
    if (!(ctx instanceof Ref)) throw new DeviceFault('null-pointer', 'ctx must be a Ref made with ref() (the BKCLContext_t* out-parameter)');
    if (!(uniqueId instanceof BKCLUniqueId)) throw new DeviceFault('null-pointer', 'uniqueId must be the BKCLUniqueId from bkcl_get_unique_id');
    if (nranks !== process.nranks) {
      throw new DeviceFault('invalid-value', `nranks = ${nranks} but the program runs ${process.nranks} ranks (the simulation builds communicators over all ranks)`);
    }
    if (rank !== process.rank) {
      throw new DeviceFault('invalid-value', `rank = ${rank} but this is rank ${process.rank} of the run (is rank swapped with nranks? BKCL's order is (ctx, rank, nranks, id))`);
    }
    if (ids[0].every((b) => b === 0)) throw new DeviceFault('invalid-value', 'rank 0 passed an empty unique id: call bkcl_get_unique_id on rank 0 first');
    if (!ids.every((id) => id.length === ids[0].length && id.every((b, i) => b === ids[0][i]))) {
      throw new DeviceFault('collective-mismatch', 'the ranks passed different unique ids: broadcast rank 0\'s BKCLUniqueId to every rank (e.g. mpiBcast(id.internal, 0)) before bkcl_init_rank');
    }
    ctx.value = process.track(new SimBkclComm(rank, nranks, process.currentDevice, site));
  });
}

/**
 * `bkcl_comm_init_all(comms, ndev, dev_list)`: one process driving every device. Only the
 * single-device case is simulated; run one rank per device with bkcl_init_rank instead.
 */
export function bkcl_comm_init_all(comms: BKCLContext_t[], ndev: number, dev_list: readonly number[]): BKCLResult_t {
  return bkclCall('bkcl_comm_init_all', ({ process, site }) => {
    if (!Array.isArray(comms)) throw new DeviceFault('null-pointer', 'comms must be an array that receives ndev communicators');
    if (!Array.isArray(dev_list) || dev_list.length < ndev) throw new DeviceFault('invalid-value', `dev_list must list ndev = ${ndev} devices`);
    if (ndev !== 1 || process.nranks !== 1) {
      throw new DeviceFault('not-supported', `bkcl_comm_init_all over ${ndev} devices in one process is not simulated: run one rank per device (--ranks ${ndev}) with bkcl_init_rank`);
    }
    const device = dev_list[0];
    if (!Number.isInteger(device) || device < 0 || device >= process.deviceCount) throw new DeviceFault('invalid-value', `dev_list[0] = ${device} is not a device`);
    comms[0] = process.track(new SimBkclComm(0, 1, device, site));
  });
}

export function bkcl_destroy_context(ctx: BKCLContext_t): BKCLResult_t {
  return bkclCall('bkcl_destroy_context', ({ process }) => process.release(requireComm(ctx)));
}

interface CollectiveArgs {
  readonly kind: CollectiveKind;
  readonly comm: unknown;
  readonly send: unknown;
  readonly recv: unknown;
  readonly count: unknown;
  readonly datatype: unknown;
  readonly op?: unknown;
  readonly root?: unknown;
  readonly stream: unknown;
}

function collective(symbol: string, args: CollectiveArgs): BKCLResult_t {
  return bkclCall(symbol, (call) => {
    requireComm(args.comm);
    runCollective(call, {
      kind: args.kind,
      send: args.send,
      recv: args.recv,
      count: requireNonNegative(args.count, 'count'),
      dtype: dataType(args.datatype),
      reduction: args.op === undefined ? undefined : reduction(args.op),
      root: args.root === undefined ? undefined : requirePeer(call.process, args.root, 'root'),
      stream: resolveStream(call.process, args.stream),
      profile: callProfile(KUNLUN),
    });
  });
}

export function bkcl_all_reduce(
  comm: BKCLContext_t,
  sendbuf: DevicePtr,
  recvbuf: DevicePtr,
  count: number,
  datatype: BKCLDataType,
  op: BKCLOp,
  stream: XPUStream,
): BKCLResult_t {
  return collective('bkcl_all_reduce', { kind: 'AllReduce', comm, send: sendbuf, recv: recvbuf, count, datatype, op, stream });
}

export function bkcl_broadcast(
  comm: BKCLContext_t,
  sendbuf: DevicePtr,
  recvbuf: DevicePtr,
  count: number,
  datatype: BKCLDataType,
  root: number,
  stream: XPUStream,
): BKCLResult_t {
  return collective('bkcl_broadcast', { kind: 'Broadcast', comm, send: sendbuf, recv: recvbuf, count, datatype, root, stream });
}

/** Reduce to `root`: recvbuf is written on the root only. */
export function bkcl_reduce(
  comm: BKCLContext_t,
  sendbuf: DevicePtr,
  recvbuf: DevicePtr,
  count: number,
  datatype: BKCLDataType,
  op: BKCLOp,
  root: number,
  stream: XPUStream,
): BKCLResult_t {
  return collective('bkcl_reduce', { kind: 'Reduce', comm, send: sendbuf, recv: recvbuf, count, datatype, op, root, stream });
}

/** recvbuf comes AFTER sendcount (NCCL: send, recv, count). */
export function bkcl_all_gather(
  comm: BKCLContext_t,
  sendbuf: DevicePtr,
  sendcount: number,
  recvbuf: DevicePtr,
  datatype: BKCLDataType,
  stream: XPUStream,
): BKCLResult_t {
  return collective('bkcl_all_gather', { kind: 'AllGather', comm, send: sendbuf, recv: recvbuf, count: sendcount, datatype, stream });
}

export function bkcl_reduce_scatter(
  comm: BKCLContext_t,
  sendbuf: DevicePtr,
  recvbuf: DevicePtr,
  recvcount: number,
  datatype: BKCLDataType,
  op: BKCLOp,
  stream: XPUStream,
): BKCLResult_t {
  return collective('bkcl_reduce_scatter', { kind: 'ReduceScatter', comm, send: sendbuf, recv: recvbuf, count: recvcount, datatype, op, stream });
}

// ---------------------------------------------------------------------------------------------
// Point to point: queued inside a group, exchanged as one batch when it ends

const groups = (process: SimProcess): PointToPointGroups => PointToPointGroups.of(process, 'kunlun.bkcl', { start: 'bkcl_group_start', end: 'bkcl_group_end' });

/** `bkcl_send(comm, sendbuf, count, peer, datatype, stream)`: peer BEFORE the data type. */
export function bkcl_send(comm: BKCLContext_t, sendbuf: DevicePtr, count: number, peer: number, datatype: BKCLDataType, stream: XPUStream): BKCLResult_t {
  return bkclCall('bkcl_send', (call) => {
    requireComm(comm);
    groups(call.process).issue(call, { kind: 'send', buffer: sendbuf, count, dtype: dataType(datatype), peer, stream: resolveStream(call.process, stream), symbol: call.symbol, site: call.site });
  });
}

/** `bkcl_recv(comm, recvbuf, count, peer, datatype, stream)`: filled when the group ends. */
export function bkcl_recv(comm: BKCLContext_t, recvbuf: DevicePtr, count: number, peer: number, datatype: BKCLDataType, stream: XPUStream): BKCLResult_t {
  return bkclCall('bkcl_recv', (call) => {
    requireComm(comm);
    groups(call.process).issue(call, { kind: 'recv', buffer: recvbuf, count, dtype: dataType(datatype), peer, stream: resolveStream(call.process, stream), symbol: call.symbol, site: call.site });
  });
}

export function bkcl_group_start(): BKCLResult_t {
  return bkclCall('bkcl_group_start', ({ process }) => groups(process).start());
}

export function bkcl_group_end(): BKCLResult_t {
  return bkclCall('bkcl_group_end', (call) => groups(call.process).end(call));
}
