/**
 * HCCL (hccl.h, hccl_comm.h) on the shared collective simulation. Collectives keep NCCL's
 * argument order with uint64 counts and an aclrtStream; three things differ and are enforced
 * as HCCL does them: HcclCommInitRootInfo(nRanks, &rootInfo, rank, &comm) takes the 4108-byte
 * root info by pointer and the communicator last; HcclReduceOp has no AVG; HcclDataType has its
 * own numbering. The simulation runs one communicator over all ranks of the program (one
 * worker per rank, rank i = worker i); HcclCommInitAll's communicators live in one process.
 */
import { randomBytes } from 'node:crypto';
import { runCollective, type CollectiveKind, type Reduction } from '../sim/collective-call.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { requireLive } from '../sim/facade-call.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import { PointToPointGroups } from '../sim/p2p-groups.js';
import type { Ref } from '../sim/ref.js';
import { ITEM_SIZE } from '../../runtime/dtype.js';
import { cannCall, AclStatusError, type AclCallContext } from './acl-call.js';
import { resolveStream, type aclrtStream } from './acl-stream.js';
import { cannProfile } from './aclnn-plan.js';
import { HCCL_E_PARA, HCCL_E_RUNTIME, type HcclDataType, type HcclReduceOp, type HcclResult } from './constants.generated.js';
import { LocalCommGroup } from './hccl-local-group.js';
import { HcclCommunicator, HcclRootInfo, hcclDType, hcclReduction, hcclResultName, type HcclComm } from './hccl-types.js';
import { HCCL_STATUS } from './status-codes.js';

export { HcclRootInfo, HCCL_ROOT_INFO_BYTES } from './hccl-types.js';
export type { HcclComm } from './hccl-types.js';

const MAGIC = [0x4f, 0x42, 0x48, 0x43, 0x43, 0x4c, 0x52, 0x49]; // "OBHCCLRI"

function hcclCall(symbol: string, body: (ctx: AclCallContext) => number | void): HcclResult {
  return cannCall(symbol, HCCL_STATUS, body) as HcclResult;
}

function requireDeviceSet(ctx: AclCallContext, symbol: string): number {
  if (!ctx.acl.initialized || ctx.acl.currentDevice === undefined) {
    throw new AclStatusError(HCCL_E_RUNTIME, 'OB2013', `${symbol} needs the ACL runtime and a device: aclInit, then aclrtSetDevice(deviceId) on every rank first`);
  }
  return ctx.acl.currentDevice;
}

const isComm = (x: unknown): x is HcclCommunicator => x instanceof HcclCommunicator;

function requireComm(comm: unknown): HcclCommunicator {
  return requireLive(comm, 'HcclComm', isComm);
}

/**
 * Rank 0 fills the blob; the program sends it to the other ranks (mpiBcast of rootInfo.internal).
 * C passes a pointer to caller-owned storage (`HcclRootInfo info; HcclGetRootInfo(&info)`): the
 * facade takes that HcclRootInfo itself, or a Ref it fills. HCCL asks the runtime for the current
 * device first (op_base.cc: hrtGetDeviceRefresh), so a device must be set.
 */
export function HcclGetRootInfo(rootInfo: HcclRootInfo | Ref<HcclRootInfo>): HcclResult {
  return hcclCall('HcclGetRootInfo', (ctx) => {
    if (rootInfo === null || rootInfo === undefined) throw new DeviceFault('null-pointer', 'rootInfo is null');
    requireDeviceSet(ctx, 'HcclGetRootInfo');
    const info = rootInfo instanceof HcclRootInfo ? rootInfo : rootInfo.isSet && rootInfo.value instanceof HcclRootInfo ? rootInfo.value : new HcclRootInfo();
    info.internal.fill(0);
    info.internal.set(MAGIC);
    info.internal.set(randomBytes(16), MAGIC.length);
    if (!(rootInfo instanceof HcclRootInfo)) rootInfo.value = info;
  });
}

export function HcclCommInitRootInfo(nRanks: number, rootInfo: HcclRootInfo, rank: number, comm: Ref<HcclComm>): HcclResult {
  return hcclCall('HcclCommInitRootInfo', (ctx) => {
    if (rootInfo === null || rootInfo === undefined) throw new DeviceFault('null-pointer', 'rootInfo is null');
    if (comm === null || comm === undefined) throw new DeviceFault('null-pointer', 'comm is null');
    if (!(rootInfo instanceof HcclRootInfo)) throw new DeviceFault('invalid-value', 'rootInfo is not an HcclRootInfo (4108-byte blob from HcclGetRootInfo)');
    const device = requireDeviceSet(ctx, 'HcclCommInitRootInfo');
    const world = ctx.process.nranks;
    if (!Number.isInteger(nRanks) || nRanks < 1) throw new DeviceFault('invalid-value', `nRanks must be a positive integer, got ${nRanks}`);
    if (!Number.isInteger(rank) || rank < 0 || rank >= nRanks) throw new DeviceFault('invalid-value', `rank ${rank} is outside 0..${nRanks - 1}`);
    if (nRanks !== world) throw new DeviceFault('not-supported', `nRanks ${nRanks} differs from the program's ${world} ranks: the simulation runs one communicator over all ranks`);
    if (rank !== ctx.process.rank) throw new DeviceFault('not-supported', `rank ${rank} differs from this worker's rank ${ctx.process.rank}: the simulation maps communicator rank i to program rank i`);
    if (!MAGIC.every((b, i) => rootInfo.internal[i] === b)) {
      throw new DeviceFault('invalid-value', 'rootInfo was not filled by HcclGetRootInfo: call it on rank 0 and broadcast rootInfo.internal to every rank before HcclCommInitRootInfo');
    }
    const all = ctx.process.transport.exchange('hccl.init-root-info', rootInfo.internal);
    if (all.some((bytes) => bytes.length !== rootInfo.internal.length || bytes.some((b, i) => b !== rootInfo.internal[i]))) {
      ctx.process.diagnostics.add({
        id: 'OB2015',
        message: 'the ranks passed different root info blobs to HcclCommInitRootInfo: broadcast rank 0\'s HcclGetRootInfo result to every rank',
        backend: ctx.backend,
        symbol: ctx.symbol,
        status: HCCL_STATUS.name(HCCL_E_PARA),
        site: ctx.site,
        rank: ctx.process.rank,
      });
      return HCCL_E_PARA;
    }
    comm.value = ctx.process.track(new HcclCommunicator(rank, nRanks, device, ctx.site));
  });
}

/** Single process, several devices: ncclCommInitAll(comms, ndev, devlist) with the comms moved last. */
export function HcclCommInitAll(ndev: number, devices: readonly number[], comms: (HcclComm | null)[]): HcclResult {
  return hcclCall('HcclCommInitAll', (ctx) => {
    if (devices === null || devices === undefined) throw new DeviceFault('null-pointer', 'devices is null');
    if (comms === null || comms === undefined) throw new DeviceFault('null-pointer', 'comms is null');
    requireDeviceSet(ctx, 'HcclCommInitAll');
    if (!Number.isInteger(ndev) || ndev < 1) throw new DeviceFault('invalid-value', `ndev must be a positive integer, got ${ndev}`);
    if (devices.length < ndev || comms.length < ndev) throw new DeviceFault('out-of-bounds', `devices and comms must hold ndev = ${ndev} entries`);
    const ids = devices.slice(0, ndev);
    if (ids.some((d) => !Number.isInteger(d) || d < 0 || d >= ctx.process.deviceCount) || new Set(ids).size !== ndev) {
      throw new DeviceFault('invalid-value', `devices [${ids.join(', ')}] must be ${ndev} distinct device ids in 0..${ctx.process.deviceCount - 1}`);
    }
    const group = new LocalCommGroup(ndev);
    ids.forEach((device, rank) => {
      comms[rank] = ctx.process.track(new HcclCommunicator(rank, ndev, device, ctx.site, group));
    });
  });
}

export function HcclCommDestroy(comm: HcclComm): HcclResult {
  return hcclCall('HcclCommDestroy', (ctx) => ctx.process.release(requireComm(comm)));
}

export function HcclGetRankSize(comm: HcclComm, rankSize: Ref<number>): HcclResult {
  return hcclCall('HcclGetRankSize', () => {
    const c = requireComm(comm);
    if (rankSize === null || rankSize === undefined) throw new DeviceFault('null-pointer', 'rankSize is null');
    rankSize.value = c.nranks;
  });
}

export function HcclGetRankId(comm: HcclComm, rank: Ref<number>): HcclResult {
  return hcclCall('HcclGetRankId', () => {
    const c = requireComm(comm);
    if (rank === null || rank === undefined) throw new DeviceFault('null-pointer', 'rank is null');
    rank.value = c.rank;
  });
}

export function HcclBarrier(comm: HcclComm, stream: aclrtStream): HcclResult {
  return hcclCall('HcclBarrier', (ctx) => {
    const c = requireComm(comm);
    const s = resolveStream(ctx, stream);
    if (c.local) throw new DeviceFault('not-supported', 'HcclBarrier on HcclCommInitAll communicators is not simulated (one thread cannot wait for itself)');
    ctx.process.ordering.enqueue(s, 0);
    ctx.process.transport.exchange('hccl.barrier', new Uint8Array(0));
  });
}

/**
 * Experimental in the header. Collectives run eagerly; HcclSend / HcclRecv inside the group
 * wait for the outermost HcclGroupEnd.
 */
export function HcclGroupStart(): HcclResult {
  return hcclCall('HcclGroupStart', (ctx) => groups(ctx).start());
}

/**
 * Ending the outermost group exchanges its point-to-point transfers. Every rank exchanges at
 * each outermost group end, even without transfers of its own, so all ranks stay in step.
 */
export function HcclGroupEnd(): HcclResult {
  return hcclCall('HcclGroupEnd', (ctx) => groups(ctx).end(ctx));
}

/** The result's name (the vendor's message text was not read; unconfirmed). */
export function HcclGetErrorString(code: HcclResult | number): string {
  return hcclResultName(code) ?? `unknown HcclResult ${code}`;
}

interface Collective {
  readonly kind: CollectiveKind;
  readonly send: unknown;
  readonly recv: unknown;
  readonly count: number;
  readonly dataType: number;
  readonly op?: number;
  readonly root?: number;
}

function collective(ctx: AclCallContext, comm: unknown, stream: unknown, c: Collective): void {
  const communicator = requireComm(comm);
  if (!Number.isSafeInteger(c.count) || c.count < 0) throw new DeviceFault('invalid-value', `count must be a non-negative integer, got ${c.count}`);
  const reducing = c.kind !== 'Broadcast' && c.kind !== 'AllGather';
  const dtype = hcclDType(c.dataType, reducing);
  const reduction: Reduction | undefined = c.op === undefined ? undefined : hcclReduction(c.op);
  if (c.root !== undefined && (!Number.isInteger(c.root) || c.root < 0 || c.root >= communicator.nranks)) {
    throw new DeviceFault('invalid-value', `root ${c.root} is not a rank of this communicator (0..${communicator.nranks - 1})`);
  }
  const simStream = resolveStream(ctx, stream);
  const profile = cannProfile();
  if (!communicator.local) {
    runCollective(ctx, { kind: c.kind, send: c.send, recv: c.recv, count: c.count, dtype, reduction, root: c.root, stream: simStream, profile });
    return;
  }
  const item = ITEM_SIZE[dtype];
  const sendCount = c.kind === 'ReduceScatter' ? c.count * communicator.nranks : c.count;
  const recv = requireDevicePtr(c.recv, 'recvBuf');
  const contributes = c.kind !== 'Broadcast' || communicator.rank === c.root;
  const send = contributes ? requireDevicePtr(c.send ?? c.recv, 'sendBuf') : undefined;
  const payload = send ? ctx.process.memory(send.allocation.device).bytes(send, sendCount * item).slice() : new Uint8Array(0);
  ctx.process.memory(recv.allocation.device).check(recv, (c.kind === 'AllGather' ? c.count * communicator.nranks : c.count) * item);
  const stamp = ctx.process.ordering.enqueue(simStream, 0);
  communicator.local.contribute({ rank: communicator.rank, kind: c.kind, dtype, count: c.count, reduction, root: c.root, payload, ...(send ? { send: { ptr: send, bytes: sendCount * item } } : {}), recv, stream: simStream, stamp, profile, ctx });
}

export function HcclAllReduce(sendBuf: DevicePtr, recvBuf: DevicePtr, count: number, dataType: HcclDataType | number, op: HcclReduceOp | number, comm: HcclComm, stream: aclrtStream): HcclResult {
  return hcclCall('HcclAllReduce', (ctx) => collective(ctx, comm, stream, { kind: 'AllReduce', send: sendBuf, recv: recvBuf, count, dataType, op }));
}

/** In place: the root's buf is sent, every other rank's buf is overwritten. */
export function HcclBroadcast(buf: DevicePtr, count: number, dataType: HcclDataType | number, root: number, comm: HcclComm, stream: aclrtStream): HcclResult {
  return hcclCall('HcclBroadcast', (ctx) => collective(ctx, comm, stream, { kind: 'Broadcast', send: buf, recv: buf, count, dataType, root }));
}

export function HcclAllGather(sendBuf: DevicePtr, recvBuf: DevicePtr, sendCount: number, dataType: HcclDataType | number, comm: HcclComm, stream: aclrtStream): HcclResult {
  return hcclCall('HcclAllGather', (ctx) => collective(ctx, comm, stream, { kind: 'AllGather', send: sendBuf, recv: recvBuf, count: sendCount, dataType }));
}

export function HcclReduceScatter(sendBuf: DevicePtr, recvBuf: DevicePtr, recvCount: number, dataType: HcclDataType | number, op: HcclReduceOp | number, comm: HcclComm, stream: aclrtStream): HcclResult {
  return hcclCall('HcclReduceScatter', (ctx) => collective(ctx, comm, stream, { kind: 'ReduceScatter', send: sendBuf, recv: recvBuf, count: recvCount, dataType, op }));
}

export function HcclReduce(
  sendBuf: DevicePtr,
  recvBuf: DevicePtr,
  count: number,
  dataType: HcclDataType | number,
  op: HcclReduceOp | number,
  root: number,
  comm: HcclComm,
  stream: aclrtStream,
): HcclResult {
  return hcclCall('HcclReduce', (ctx) => collective(ctx, comm, stream, { kind: 'Reduce', send: sendBuf, recv: recvBuf, count, dataType, op, root }));
}

// ---------------------------------------------------------------------------------------------
// Point to point: the shared grouped batches (sim/p2p-groups.ts), as CNCL and BKCL run them

const groups = (ctx: AclCallContext): PointToPointGroups => PointToPointGroups.of(ctx.process, 'cann.hccl', { start: 'HcclGroupStart', end: 'HcclGroupEnd' });

/**
 * Queues one transfer, or runs it at once outside a group. The peer must be another rank of
 * the communicator; the buffer is checked when the transfer runs.
 */
function transfer(ctx: AclCallContext, kind: 'send' | 'recv', buffer: unknown, count: number, dataType: number, peer: number, comm: unknown, stream: unknown): void {
  const c = requireComm(comm);
  const what = kind === 'send' ? 'destRank' : 'srcRank';
  if (!Number.isInteger(peer) || peer < 0 || peer >= c.nranks || peer === c.rank) {
    throw new DeviceFault('invalid-value', `${what} ${peer} must be another rank of the communicator (0..${c.nranks - 1}, not ${c.rank})`);
  }
  if (!Number.isSafeInteger(count) || count < 0) throw new DeviceFault('invalid-value', `count must be a non-negative integer, got ${count}`);
  if (c.local) {
    throw new DeviceFault('not-supported', `${ctx.symbol} on HcclCommInitAll communicators is not simulated: use communicators from HcclCommInitRootInfo, one per rank`);
  }
  groups(ctx).issue(ctx, { kind, buffer, count, dtype: hcclDType(dataType, false), peer, stream: resolveStream(ctx, stream), symbol: ctx.symbol, site: ctx.site });
}

/**
 * Sends count elements to destRank, matched in order by an HcclRecv on destRank from this rank
 * with the same count and type. Outside a group each call is exchanged at once, so the ranks
 * must pair their calls (one rank sends while its peer receives); inside HcclGroupStart /
 * HcclGroupEnd the group's transfers are exchanged together when it ends, and every rank must
 * reach that point (sim/p2p-call.ts).
 */
export function HcclSend(sendBuf: DevicePtr, count: number, dataType: HcclDataType | number, destRank: number, comm: HcclComm, stream: aclrtStream): HcclResult {
  return hcclCall('HcclSend', (ctx) => transfer(ctx, 'send', sendBuf, count, dataType, destRank, comm, stream));
}

/** Receives count elements from srcRank into recvBuf (when the group ends, inside a group). */
export function HcclRecv(recvBuf: DevicePtr, count: number, dataType: HcclDataType | number, srcRank: number, comm: HcclComm, stream: aclrtStream): HcclResult {
  return hcclCall('HcclRecv', (ctx) => transfer(ctx, 'recv', recvBuf, count, dataType, srcRank, comm, stream));
}
