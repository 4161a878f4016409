/**
 * NCCL (nccl.h 2.30.7): communicators, collectives, point-to-point and group calls. Each
 * rank of a program runs in its own worker; collectives exchange data through the runner's
 * shared memory and compute with the runtime's collective operators (runCollective). A
 * communicator from ncclCommInitAll lives in one process and spans several of its devices;
 * its members' calls are issued together inside ncclGroupStart / ncclGroupEnd and exchanged
 * locally. Counts are element counts: ncclAllGather takes the per-rank send count,
 * ncclReduceScatter the per-rank receive count.
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { DType } from '../../runtime/dtype.js';
import type { CallSite } from '../sim/call-site.js';
import {
  exchangeOrFault,
  prepareCollective,
  processGroup,
  type CollectiveGroup,
  type CollectiveKind,
  type PreparedCollective,
  type Reduction,
} from '../sim/collective-call.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import { preparePointToPoint, type PointToPointOp, type PreparedPointToPoint } from '../sim/p2p-call.js';
import { Ref } from '../sim/ref.js';
import { CommunicatorObject } from '../sim/sim-object.js';
import type { SimProcess } from '../sim/sim-process.js';
import type { SimStream } from '../sim/stream-ordering.js';
import {
  ncclAvg,
  ncclBfloat16,
  ncclFloat16,
  ncclFloat32,
  ncclFloat64,
  ncclInProgress,
  ncclInt32,
  ncclInt64,
  ncclInt8,
  ncclInternalError,
  ncclInvalidArgument,
  ncclInvalidUsage,
  ncclMax,
  ncclMin,
  ncclNumTypes,
  ncclProd,
  ncclRemoteError,
  ncclSuccess,
  ncclSum,
  ncclSystemError,
  ncclTimeout,
  ncclUint8,
  ncclUnhandledCudaError,
  type ncclDataType_t,
  type ncclRedOp_t,
  type ncclResult_t,
} from './constants.generated.js';
import { isEnumMember, statusName } from './enum-names.js';
import { launchStream } from './library-streams.js';
import { requireOut, writeOut } from './out-param.js';
import { reject } from './rejection.js';
import { asDeviceWork, contextLost } from './runtime-state.js';
import type { cudaStream_t } from './streams.js';
import { boundEntryProfile, boundFacadeCall, boundName } from './backend-binding.js';

/**
 * ncclResult_t per fault: arguments NCCL checks (NULL pointers, counts, roots, peers, a
 * destroyed communicator) are ncclInvalidArgument; ranks whose calls do not match are
 * ncclInvalidUsage (with OB2015); a kernel's illegal memory access surfaces as the CUDA error
 * it is, ncclUnhandledCudaError. Data types NCCL has but the runtime lacks (uint32, uint64,
 * fp8) are ncclInternalError with OB2014: a limit of the simulator, not of the program.
 */
const NCCL_RESULTS: StatusCodes = {
  success: ncclSuccess,
  faults: {
    'null-pointer': ncclInvalidArgument,
    'invalid-value': ncclInvalidArgument,
    'invalid-handle': ncclInvalidArgument,
    'host-pointer': ncclInvalidArgument,
    'device-pointer': ncclInvalidArgument,
    misaligned: ncclInvalidArgument,
    'out-of-bounds': ncclUnhandledCudaError,
    'use-after-free': ncclUnhandledCudaError,
    'collective-mismatch': ncclInvalidUsage,
    'not-supported': ncclInternalError,
    'out-of-memory': ncclSystemError,
  },
  fallback: ncclInternalError,
  name: (code) => statusName('ncclResult_t', code),
};

function ncclCall(symbol: string, body: (ctx: CallContext) => number | void, launchesWork = false): ncclResult_t {
  return boundFacadeCall(symbol, NCCL_RESULTS, (ctx) => {
    if (launchesWork && contextLost(ctx.process)) return ncclUnhandledCudaError;
    return body(ctx);
  }) as ncclResult_t;
}

function rejectNccl(ctx: CallContext, status: number, message: string, id: Parameters<typeof reject>[4] = 'OB2013'): number {
  return reject(ctx, status, statusName('ncclResult_t', status), message, id);
}

// ---- unique ids and communicators -----------------------------------------------------------

/** NCCL_UNIQUE_ID_BYTES. */
export const NCCL_UNIQUE_ID_BYTES = 128;

/** `typedef struct { char internal[NCCL_UNIQUE_ID_BYTES]; } ncclUniqueId`: broadcast `internal` to every rank (e.g. with mpiBcast). */
export class ncclUniqueId {
  readonly internal = new Uint8Array(NCCL_UNIQUE_ID_BYTES);
}

const ID_MAGIC = new TextEncoder().encode('opbridge/nccl-id');

/** Ranks that make one communicator in one process (ncclCommInitAll). */
class LocalClique {
  constructor(readonly members: NcclComm[]) {}
}

class NcclComm extends CommunicatorObject {
  readonly kind = boundName('ncclComm_t');

  constructor(
    rank: number,
    nranks: number,
    device: number,
    site: CallSite | undefined,
    /** How its collectives reach the other ranks: the program's ranks, or a clique in this process. */
    readonly group: CollectiveGroup | undefined,
    readonly clique: LocalClique | undefined,
  ) {
    super(rank, nranks, device, site);
  }
}

/** `typedef struct ncclComm* ncclComm_t`. */
export type ncclComm_t = NcclComm;

function requireComm(comm: unknown): NcclComm {
  if (comm === null || comm === undefined) throw new DeviceFault('null-pointer', 'comm is NULL');
  if (!(comm instanceof NcclComm)) throw new DeviceFault('invalid-handle', `comm is not an ncclComm_t (got ${typeof comm})`);
  if (comm.destroyed) throw new DeviceFault('invalid-handle', `comm was already destroyed${comm.site ? ` (created at ${comm.site.file}:${comm.site.line})` : ''}`);
  return comm;
}

function hashId(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return (h >>> 0).toString(16);
}

/** Called on one rank (rank 0 by convention); the 128 bytes then travel to every rank out of band. */
export function ncclGetUniqueId(uniqueId: ncclUniqueId | Ref<ncclUniqueId>): ncclResult_t {
  return ncclCall('ncclGetUniqueId', (ctx) => {
    const target = uniqueId instanceof Ref ? (uniqueId.isSet ? uniqueId.value : (uniqueId.value = new ncclUniqueId())) : uniqueId;
    if (!(target instanceof ncclUniqueId)) throw new DeviceFault('null-pointer', 'uniqueId must be an ncclUniqueId (or a Ref to one)');
    target.internal.fill(0);
    target.internal.set(ID_MAGIC);
    crypto.getRandomValues(target.internal.subarray(ID_MAGIC.length, ID_MAGIC.length + 16));
    new DataView(target.internal.buffer).setUint32(ID_MAGIC.length + 16, ctx.process.rank, true);
  });
}

/**
 * Collective over all nranks ranks, each passing the same commId and its own rank. The
 * communicator uses the current device. Simulated communicators span every rank of the
 * program (nranks must be the program's rank count); ranks may number themselves in any
 * order. A different commId on some rank, or two ranks claiming one rank, is ncclInvalidUsage.
 */
export function ncclCommInitRank(comm: Ref<ncclComm_t>, nranks: number, commId: ncclUniqueId, rank: number): ncclResult_t {
  return ncclCall('ncclCommInitRank', (ctx) => {
    requireOut(comm, 'comm');
    const { process } = ctx;
    if (!Number.isInteger(nranks) || nranks < 1) throw new DeviceFault('invalid-value', `nranks must be >= 1, got ${String(nranks)}`);
    if (!Number.isInteger(rank) || rank < 0 || rank >= nranks) throw new DeviceFault('invalid-value', `rank ${String(rank)} is not in 0..${nranks - 1}`);
    const id = commId instanceof Ref ? (commId as Ref<ncclUniqueId>).value : commId;
    if (!(id instanceof ncclUniqueId)) throw new DeviceFault('invalid-value', 'commId must be the ncclUniqueId from ncclGetUniqueId');
    if (!id.internal.subarray(0, ID_MAGIC.length).every((b, i) => b === ID_MAGIC[i])) {
      throw new DeviceFault('invalid-value', 'commId was not filled by ncclGetUniqueId (broadcast rank 0\'s id to every rank before ncclCommInitRank)');
    }
    if (nranks !== process.nranks) {
      return rejectNccl(
        ctx,
        ncclInvalidUsage,
        `a communicator of ${nranks} ranks in a program of ${process.nranks} ranks: communicators spanning part of the program are not simulated (run the program with --ranks ${nranks})`,
        'OB2014',
      );
    }
    const payload = new Uint8Array(4);
    new DataView(payload.buffer).setInt32(0, rank, true);
    const world = processGroup(process);
    const all = exchangeOrFault(world, `nccl.init:${hashId(id.internal)}:${nranks}`, payload);
    const claimed = all.map((p) => new DataView(p.buffer, p.byteOffset, 4).getInt32(0, true));
    const processOf: number[] = [];
    claimed.forEach((r, worldRank) => {
      if (processOf[r] !== undefined) throw new DeviceFault('collective-mismatch', `ranks ${processOf[r]} and ${worldRank} of the program both claim communicator rank ${r}`);
      processOf[r] = worldRank;
    });
    const group: CollectiveGroup = {
      rank,
      nranks,
      exchange: (tag, data) => {
        const byWorld = world.exchange(tag, data);
        return processOf.map((w) => byWorld[w]);
      },
    };
    writeOut(comm, process.track(new NcclComm(rank, nranks, process.currentDevice, ctx.site, group, undefined)), 'comm');
  });
}

/**
 * Single-process form: one communicator per device of devlist (NULL: devices 0..ndev-1),
 * written into `comm[0..ndev-1]`. Their collectives must be issued for every member inside
 * one ncclGroupStart / ncclGroupEnd, as one thread driving several devices does.
 */
export function ncclCommInitAll(comm: ncclComm_t[], ndev: number, devlist: readonly number[] | null): ncclResult_t {
  return ncclCall('ncclCommInitAll', (ctx) => {
    if (!Array.isArray(comm)) throw new DeviceFault('null-pointer', 'comm must be an array to receive ndev communicators');
    if (!Number.isInteger(ndev) || ndev < 1) throw new DeviceFault('invalid-value', `ndev must be >= 1, got ${String(ndev)}`);
    const devices = devlist ?? Array.from({ length: ndev }, (_, i) => i);
    if (devices.length < ndev) throw new DeviceFault('invalid-value', `devlist has ${devices.length} entries, ndev is ${ndev}`);
    const used = new Set<number>();
    for (const d of devices.slice(0, ndev)) {
      if (!Number.isInteger(d) || d < 0 || d >= ctx.process.deviceCount) throw new DeviceFault('invalid-value', `devlist entry ${String(d)} is not a device (0..${ctx.process.deviceCount - 1})`);
      if (used.has(d)) return rejectNccl(ctx, ncclInvalidUsage, `device ${d} appears twice in devlist`);
      used.add(d);
    }
    const members: NcclComm[] = [];
    const clique = new LocalClique(members);
    for (let r = 0; r < ndev; r++) members.push(ctx.process.track(new NcclComm(r, ndev, devices[r], ctx.site, undefined, clique)));
    members.forEach((m, i) => (comm[i] = m));
  });
}

/** A NULL communicator is a no-op; destroying one twice is ncclInvalidArgument (NCCL's own check). */
export function ncclCommDestroy(comm: ncclComm_t): ncclResult_t {
  return ncclCall('ncclCommDestroy', (ctx) => {
    if (comm === null || comm === undefined) return;
    ctx.process.release(requireComm(comm));
  });
}

export function ncclCommCount(comm: ncclComm_t, count: Ref<number>): ncclResult_t {
  return ncclCall('ncclCommCount', () => writeOut(count, requireComm(comm).nranks, 'count'));
}

export function ncclCommUserRank(comm: ncclComm_t, rank: Ref<number>): ncclResult_t {
  return ncclCall('ncclCommUserRank', () => writeOut(rank, requireComm(comm).rank, 'rank'));
}

// ---- data types and reductions --------------------------------------------------------------

const DTYPES: ReadonlyMap<number, DType> = new Map<number, DType>([
  [ncclInt8, 'int8'],
  [ncclUint8, 'uint8'],
  [ncclInt32, 'int32'],
  [ncclInt64, 'int64'],
  [ncclFloat16, 'float16'],
  [ncclFloat32, 'float32'],
  [ncclFloat64, 'float64'],
  [ncclBfloat16, 'bfloat16'],
]);

const REDUCTIONS: ReadonlyMap<number, Reduction> = new Map<number, Reduction>([
  [ncclSum, 'sum'],
  [ncclProd, 'prod'],
  [ncclMax, 'max'],
  [ncclMin, 'min'],
  [ncclAvg, 'avg'],
]);

function dtypeOf(datatype: unknown): DType {
  const dtype = typeof datatype === 'number' ? DTYPES.get(datatype) : undefined;
  if (dtype) return dtype;
  if (isEnumMember('ncclDataType_t', datatype) && datatype !== ncclNumTypes) {
    throw new DeviceFault('not-supported', `${statusName('ncclDataType_t', datatype)} data is not simulated (the runtime has no such dtype)`);
  }
  throw new DeviceFault('invalid-value', `datatype ${String(datatype)} is not an ncclDataType_t`);
}

function reductionOf(op: unknown): Reduction {
  const reduction = typeof op === 'number' ? REDUCTIONS.get(op) : undefined;
  if (!reduction) throw new DeviceFault('invalid-value', `op ${String(op)} is not ncclSum, ncclProd, ncclMax, ncclMin or ncclAvg`);
  return reduction;
}

function requireCount(count: unknown, what: string): number {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new DeviceFault('invalid-value', `${what} must be an integer >= 0, got ${String(count)}`);
  return count;
}

// ---- groups and deferred work ---------------------------------------------------------------

interface PendingCollective {
  readonly type: 'collective';
  readonly ctx: CallContext;
  readonly comm: NcclComm;
  readonly kind: CollectiveKind;
  readonly send: unknown;
  readonly recv: unknown;
  readonly count: number;
  readonly dtype: DType;
  readonly reduction?: Reduction;
  readonly root?: number;
  readonly stream: SimStream;
}

interface PendingTransfer {
  readonly type: 'p2p';
  readonly ctx: CallContext;
  readonly comm: NcclComm;
  readonly op: PointToPointOp;
}

type Pending = PendingCollective | PendingTransfer;

interface NcclState {
  depth: number;
  pending: Pending[];
}

function ncclState(process: SimProcess): NcclState {
  return process.state<NcclState>('cuda.nccl', () => ({ depth: 0, pending: [] }));
}

function prepared(p: PendingCollective, group: CollectiveGroup): PreparedCollective {
  return prepareCollective(p.ctx, {
    kind: p.kind,
    send: p.send,
    recv: p.recv,
    count: p.count,
    dtype: p.dtype,
    reduction: p.reduction,
    root: p.root,
    stream: p.stream,
    profile: boundEntryProfile(p.ctx.symbol),
    group,
  });
}

/** Prefixes a fault with the call that raised it (deferred work fails inside ncclGroupEnd). */
function within<T>(ctx: CallContext, work: () => T): T {
  try {
    return asDeviceWork(ctx, work);
  } catch (error) {
    if (error instanceof DeviceFault) throw new DeviceFault(error.kind, `${ctx.symbol}${ctx.site ? ` (${ctx.site.file}:${ctx.site.line})` : ''}: ${error.message}`);
    throw error;
  }
}

/** Work on communicators spanning the program's ranks: collectives in issue order, then one batch of transfers. */
function runRankWork(work: readonly Pending[]): void {
  for (const p of work) {
    if (p.type !== 'collective') continue;
    const group = p.comm.group!;
    within(p.ctx, () => {
      const c = prepared(p, group);
      c.complete(exchangeOrFault(group, c.tag, c.payload));
    });
  }
  const transfers = work.filter((p): p is PendingTransfer => p.type === 'p2p');
  if (transfers.length === 0) return;
  const byComm = new Map<NcclComm, PendingTransfer[]>();
  for (const t of transfers) byComm.set(t.comm, [...(byComm.get(t.comm) ?? []), t]);
  for (const [comm, list] of byComm) {
    within(list[0].ctx, () => {
      const batch = preparePointToPoint(list[0].ctx, comm.group!, list.map((t) => t.op));
      batch.complete(exchangeOrFault(comm.group!, batch.tag, batch.payload));
    });
  }
}

/** Work on a clique's members: the i-th collective of every member is one collective, exchanged in-process. */
function runCliqueWork(clique: LocalClique, work: readonly Pending[]): void {
  const perMember = clique.members.map((m) => work.filter((p) => p.comm === m));
  const collectives = perMember.map((list) => list.filter((p): p is PendingCollective => p.type === 'collective'));
  const counts = new Set(collectives.map((c) => c.length));
  if (counts.size > 1) {
    throw new DeviceFault('collective-mismatch', `the communicators of one ncclCommInitAll issued different numbers of collectives in this group (${collectives.map((c) => c.length).join(', ')}): issue each collective on every communicator`);
  }
  const steps = collectives[0]?.length ?? 0;
  for (let i = 0; i < steps; i++) {
    const members = collectives.map((list) => list[i]);
    const prepares = members.map((p) => within(p.ctx, () => prepared(p, localGroup(p.comm))));
    if (prepares.some((p) => p.tag !== prepares[0].tag)) {
      throw new DeviceFault('collective-mismatch', `${members[0].ctx.symbol}: the communicators of one ncclCommInitAll made different collective calls (${prepares.map((p) => p.tag).join(' vs ')})`);
    }
    const payloads = prepares.map((p) => p.payload);
    members.forEach((p, r) => within(p.ctx, () => prepares[r].complete(payloads)));
  }
  const transfers = perMember.map((list) => list.filter((p): p is PendingTransfer => p.type === 'p2p'));
  if (transfers.every((t) => t.length === 0)) return;
  const batches: PreparedPointToPoint[] = clique.members.map((m, r) =>
    within(transfers[r][0]?.ctx ?? work[0].ctx, () => preparePointToPoint(transfers[r][0]?.ctx ?? work[0].ctx, localGroup(m), transfers[r].map((t) => t.op))),
  );
  const payloads = batches.map((b) => b.payload);
  batches.forEach((b, r) => within(transfers[r][0]?.ctx ?? work[0].ctx, () => b.complete(payloads)));
}

/** A clique member's view of the clique; its payloads are gathered by the caller, never exchanged. */
function localGroup(comm: NcclComm): CollectiveGroup {
  return {
    rank: comm.rank,
    nranks: comm.nranks,
    exchange: () => {
      throw new DeviceFault('collective-mismatch', 'a communicator from ncclCommInitAll exchanged outside its group');
    },
  };
}

function runPending(work: readonly Pending[]): void {
  if (work.length === 0) return;
  runRankWork(work.filter((p) => !p.comm.clique));
  const cliques = new Set(work.map((p) => p.comm.clique).filter((c): c is LocalClique => c !== undefined));
  for (const clique of cliques) runCliqueWork(clique, work.filter((p) => p.comm.clique === clique));
}

/** Queues the work in a group, or runs it now. */
function submit(ctx: CallContext, work: Pending): number | void {
  const state = ncclState(ctx.process);
  if (state.depth > 0) {
    state.pending.push(work);
    return;
  }
  if (work.comm.clique && work.comm.nranks > 1) {
    return rejectNccl(ctx, ncclInvalidUsage, 'communicators from ncclCommInitAll of more than one device run collectives only inside ncclGroupStart / ncclGroupEnd, one call per communicator', 'OB2015');
  }
  if (work.comm.clique) {
    runCliqueWork(work.comm.clique, [work]);
    return;
  }
  runPending([work]);
}

/** Calls until the matching ncclGroupEnd are queued and issued together at ncclGroupEnd. */
export function ncclGroupStart(): ncclResult_t {
  return ncclCall('ncclGroupStart', (ctx) => {
    ncclState(ctx.process).depth += 1;
  });
}

/** Issues the queued calls when the outermost group ends; their failures are returned here. */
export function ncclGroupEnd(): ncclResult_t {
  return ncclCall(
    'ncclGroupEnd',
    (ctx) => {
      const state = ncclState(ctx.process);
      if (state.depth === 0) return rejectNccl(ctx, ncclInvalidUsage, 'ncclGroupEnd without a matching ncclGroupStart');
      state.depth -= 1;
      if (state.depth > 0) return;
      const work = state.pending;
      state.pending = [];
      runPending(work);
    },
    true,
  );
}

// ---- collectives ----------------------------------------------------------------------------

function collectiveStream(ctx: CallContext, stream: unknown): SimStream | number {
  return launchStream(ctx, stream, ncclUnhandledCudaError, 'ncclUnhandledCudaError');
}

function collective(
  ctx: CallContext,
  args: { comm: unknown; kind: CollectiveKind; send: unknown; recv: unknown; count: unknown; countName: string; datatype: unknown; op?: unknown; root?: unknown; stream: unknown },
): number | void {
  const comm = requireComm(args.comm);
  const count = requireCount(args.count, args.countName);
  const dtype = dtypeOf(args.datatype);
  const reduction = args.op === undefined ? undefined : reductionOf(args.op);
  let root: number | undefined;
  if (args.root !== undefined) {
    if (typeof args.root !== 'number' || !Number.isInteger(args.root) || args.root < 0 || args.root >= comm.nranks) {
      throw new DeviceFault('invalid-value', `root ${String(args.root)} is not a rank of this communicator (0..${comm.nranks - 1})`);
    }
    root = args.root;
  }
  const stream = collectiveStream(ctx, args.stream);
  if (typeof stream === 'number') return stream;
  return submit(ctx, { type: 'collective', ctx, comm, kind: args.kind, send: args.send, recv: args.recv, count, dtype, reduction, root, stream });
}

/** Every rank receives the elementwise reduction of all ranks' sendbuff (count elements each). */
export function ncclAllReduce(
  sendbuff: unknown,
  recvbuff: unknown,
  count: number,
  datatype: ncclDataType_t,
  op: ncclRedOp_t,
  comm: ncclComm_t,
  stream: cudaStream_t,
): ncclResult_t {
  return ncclCall('ncclAllReduce', (ctx) => collective(ctx, { comm, kind: 'AllReduce', send: sendbuff, recv: recvbuff, count, countName: 'count', datatype, op, stream }), true);
}

/** Copies root's sendbuff (count elements) into every rank's recvbuff; sendbuff is read on the root only. */
export function ncclBroadcast(
  sendbuff: unknown,
  recvbuff: unknown,
  count: number,
  datatype: ncclDataType_t,
  root: number,
  comm: ncclComm_t,
  stream: cudaStream_t,
): ncclResult_t {
  return ncclCall('ncclBroadcast', (ctx) => collective(ctx, { comm, kind: 'Broadcast', send: sendbuff, recv: recvbuff, count, countName: 'count', datatype, root, stream }), true);
}

/** Like ncclAllReduce, but only the root's recvbuff receives the result. */
export function ncclReduce(
  sendbuff: unknown,
  recvbuff: unknown,
  count: number,
  datatype: ncclDataType_t,
  op: ncclRedOp_t,
  root: number,
  comm: ncclComm_t,
  stream: cudaStream_t,
): ncclResult_t {
  return ncclCall('ncclReduce', (ctx) => collective(ctx, { comm, kind: 'Reduce', send: sendbuff, recv: recvbuff, count, countName: 'count', datatype, op, root, stream }), true);
}

/** Rank r's sendcount elements land at recvbuff + r·sendcount on every rank (recvbuff holds nranks·sendcount). */
export function ncclAllGather(sendbuff: unknown, recvbuff: unknown, sendcount: number, datatype: ncclDataType_t, comm: ncclComm_t, stream: cudaStream_t): ncclResult_t {
  return ncclCall('ncclAllGather', (ctx) => collective(ctx, { comm, kind: 'AllGather', send: sendbuff, recv: recvbuff, count: sendcount, countName: 'sendcount', datatype, stream }), true);
}

/** Reduces every rank's nranks·recvcount elements; rank r receives block r (recvcount elements). */
export function ncclReduceScatter(
  sendbuff: unknown,
  recvbuff: unknown,
  recvcount: number,
  datatype: ncclDataType_t,
  op: ncclRedOp_t,
  comm: ncclComm_t,
  stream: cudaStream_t,
): ncclResult_t {
  return ncclCall('ncclReduceScatter', (ctx) => collective(ctx, { comm, kind: 'ReduceScatter', send: sendbuff, recv: recvbuff, count: recvcount, countName: 'recvcount', datatype, op, stream }), true);
}

// ---- point to point -------------------------------------------------------------------------

function transfer(ctx: CallContext, kind: 'send' | 'recv', buffer: unknown, count: unknown, datatype: unknown, peer: unknown, commArg: unknown, streamArg: unknown): number | void {
  const comm = requireComm(commArg);
  const n = requireCount(count, 'count');
  const dtype = dtypeOf(datatype);
  if (typeof peer !== 'number' || !Number.isInteger(peer) || peer < 0 || peer >= comm.nranks) {
    throw new DeviceFault('invalid-value', `peer ${String(peer)} is not a rank of this communicator (0..${comm.nranks - 1})`);
  }
  const stream = collectiveStream(ctx, streamArg);
  if (typeof stream === 'number') return stream;
  return submit(ctx, { type: 'p2p', ctx, comm, op: { kind, buffer, count: n, dtype, peer, stream, symbol: ctx.symbol, site: ctx.site } });
}

/**
 * Sends count elements to peer; matched, in order, by an ncclRecv on peer with the same count
 * and type. Transfers of one group are exchanged together at ncclGroupEnd, and every rank of
 * the communicator must reach that point (see sim/p2p-call.ts).
 */
export function ncclSend(sendbuff: unknown, count: number, datatype: ncclDataType_t, peer: number, comm: ncclComm_t, stream: cudaStream_t): ncclResult_t {
  return ncclCall('ncclSend', (ctx) => transfer(ctx, 'send', sendbuff, count, datatype, peer, comm, stream), true);
}

export function ncclRecv(recvbuff: unknown, count: number, datatype: ncclDataType_t, peer: number, comm: ncclComm_t, stream: cudaStream_t): ncclResult_t {
  return ncclCall('ncclRecv', (ctx) => transfer(ctx, 'recv', recvbuff, count, datatype, peer, comm, stream), true);
}

// ---- errors and version ---------------------------------------------------------------------

/** ncclGetErrorString texts of NCCL 2.30 (NVIDIA/nccl src/init.cc). */
const RESULT_STRINGS: ReadonlyMap<number, string> = new Map([
  [ncclSuccess, 'no error'],
  [ncclUnhandledCudaError, 'unhandled cuda error (run with NCCL_DEBUG=INFO for details)'],
  [ncclSystemError, 'unhandled system error (run with NCCL_DEBUG=INFO for details)'],
  [ncclInternalError, 'internal error - please report this issue to the NCCL developers'],
  [ncclInvalidArgument, 'invalid argument (run with NCCL_DEBUG=WARN for details)'],
  [ncclInvalidUsage, 'invalid usage (run with NCCL_DEBUG=WARN for details)'],
  [ncclRemoteError, 'remote process exited or there was a network error'],
  [ncclInProgress, 'NCCL operation in progress'],
  [ncclTimeout, 'timeout'],
]);

export function ncclGetErrorString(result: ncclResult_t): string {
  return RESULT_STRINGS.get(result) ?? 'unknown result code';
}

/** NCCL_VERSION_CODE of the mirrored nccl.h, read from the catalog's library version. */
function versionCode(): number {
  const library = loadCatalog().backend('cuda').libraries.find((l) => l.library === 'nccl');
  const match = library ? /NCCL_VERSION_CODE (\d+)/.exec(library.version) : null;
  if (!match) throw new Error('the cuda nccl catalog states no NCCL_VERSION_CODE');
  return Number(match[1]);
}

export function ncclGetVersion(version: Ref<number>): ncclResult_t {
  return ncclCall('ncclGetVersion', () => writeOut(version, versionCode(), 'version'));
}
