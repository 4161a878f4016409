/**
 * The communicators of HcclCommInitAll: several devices driven by one process, one thread.
 * Each collective call contributes one rank's buffers and returns at once (the call is
 * asynchronous on its stream); when the last rank of the group has called, the collective runs
 * with the runtime's kernel, in rank order, and every rank's result is written to its device.
 * A rank that calls a different collective than the others is an error (OB2015).
 */
import type { DType } from '../../runtime/dtype.js';
import { ITEM_SIZE, allocateStorage } from '../../runtime/dtype.js';
import { GOLDEN_PROFILE, type NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import { Tensor } from '../../runtime/tensor.js';
import { toTensorData } from '../../runtime/tensor-transfer.js';
import type { CollectiveKind, Reduction } from '../sim/collective-call.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { memoryRange } from '../sim/trace.js';
import type { CallContext } from '../sim/facade-call.js';
import type { OpStamp, SimStream } from '../sim/stream-ordering.js';
import { AclStatusError } from './acl-call.js';
import { HCCL_E_PARA } from './constants.generated.js';

export interface LocalContribution {
  readonly rank: number;
  readonly kind: CollectiveKind;
  readonly dtype: DType;
  readonly count: number;
  readonly reduction?: Reduction;
  readonly root?: number;
  readonly payload: Uint8Array;
  /** Where the payload was read from (traced, so the verifier sees what the call consumes). */
  readonly send?: { readonly ptr: DevicePtr; readonly bytes: number };
  readonly recv: DevicePtr;
  readonly stream: SimStream;
  readonly stamp: OpStamp;
  readonly profile: NumericProfile;
  readonly ctx: CallContext;
}

export class LocalCommGroup {
  private pending: LocalContribution[] = [];

  constructor(readonly nranks: number) {}

  private signature(c: LocalContribution): string {
    return `${c.kind}:${c.dtype}:${c.count}:${c.reduction ?? ''}:${c.root ?? ''}`;
  }

  contribute(c: LocalContribution): void {
    const first = this.pending[0];
    if (first && this.signature(first) !== this.signature(c)) {
      throw new AclStatusError(HCCL_E_PARA, 'OB2015', `rank ${c.rank} called ${this.signature(c)} while rank ${first.rank} called ${this.signature(first)}: every rank must make the same collective calls in the same order`);
    }
    if (this.pending.some((p) => p.rank === c.rank)) {
      throw new DeviceFault('invalid-value', `rank ${c.rank} called a second collective before the other ranks joined the first`);
    }
    this.pending.push(c);
    if (this.pending.length === this.nranks) this.complete();
  }

  private complete(): void {
    const calls = [...this.pending].sort((a, b) => a.rank - b.rank);
    this.pending = [];
    const { kind, dtype, count, reduction, root } = calls[0];
    const item = ITEM_SIZE[dtype];
    const toTensor = (bytes: Uint8Array, n: number): Tensor => {
      const storage = allocateStorage(dtype, n);
      new Uint8Array(storage.buffer).set(bytes.subarray(0, n * item));
      return new Tensor(storage, dtype, [n]);
    };
    const sendCount = kind === 'ReduceScatter' ? count * this.nranks : count;
    const recvCount = kind === 'AllGather' ? count * this.nranks : count;
    const mode = calls[0].ctx.process.mode;
    let results: Tensor[];
    let attributes: Record<string, string | number> = {};
    if (kind === 'Broadcast') {
      const data = toTensor(calls[root ?? 0].payload, count);
      results = calls.map(() => data);
    } else {
      attributes = kind === 'AllGather' ? {} : { reduction: reduction ?? 'sum' };
      const op = kind === 'Reduce' ? 'AllReduce' : kind;
      results = runOp(op, calls.map((c) => toTensor(c.payload, sendCount)), attributes, { mode, profile: mode === 'golden' ? GOLDEN_PROFILE : calls[0].profile });
    }
    for (const c of calls) {
      if (kind === 'Reduce' && c.rank !== root) continue;
      const out = results[c.rank].contiguous().storage;
      const { process } = c.ctx;
      process.memory(c.recv.allocation.device).bytes(c.recv, recvCount * item).set(new Uint8Array(out.buffer, out.byteOffset, recvCount * item));
      process.access.recordDeviceWrite(c.recv, recvCount * item, c.stamp, c.ctx.symbol, c.ctx.site);
      process.tracer.add({
        kind: 'op',
        backend: c.ctx.backend,
        symbol: c.ctx.symbol,
        op: kind === 'Reduce' ? 'AllReduce' : kind,
        attributes: { ...attributes, ...(root !== undefined ? { root } : {}), nranks: this.nranks, rank: c.rank },
        inputs: [],
        outputs: [toTensorData(results[c.rank])],
        profile: mode === 'golden' ? 'golden' : c.profile.id,
        site: c.ctx.site,
        stream: c.stream.id,
        reads: c.send ? [memoryRange(c.send.ptr, c.send.bytes)] : [],
        writes: [memoryRange(c.recv, recvCount * item)],
      });
    }
  }
}
