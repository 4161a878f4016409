/**
 * Point-to-point calls grouped the way NCCL-style libraries group them (ncclGroupStart,
 * HcclGroupStart, cnclGroupStart, bkcl_group_start): transfers issued inside a group wait for
 * the outermost group end and then run as one batch of sim/p2p-call.ts; a transfer issued
 * outside a group runs at once as its own batch. Every rank exchanges at each outermost group
 * end, even without transfers of its own, so the ranks stay in step.
 */
import { processGroup } from './collective-call.js';
import { DeviceFault } from './device-fault.js';
import type { CallContext } from './facade-call.js';
import { runPointToPoint, type PointToPointOp } from './p2p-call.js';
import type { SimProcess } from './sim-process.js';

/** The library's group calls, for messages. */
export interface GroupCallNames {
  readonly start: string;
  readonly end: string;
}

export class PointToPointGroups {
  private depth = 0;
  private pending: PointToPointOp[] = [];

  private constructor(private readonly names: GroupCallNames) {}

  /** The process's groups for one library (`library` keys the process state). */
  static of(process: SimProcess, library: string, names: GroupCallNames): PointToPointGroups {
    return process.state<PointToPointGroups>(`${library}.p2p-groups`, () => new PointToPointGroups(names));
  }

  /** Queues a transfer inside a group, or runs it at once outside one. */
  issue(ctx: CallContext, op: PointToPointOp): void {
    this.pending.push(op);
    if (this.depth === 0) this.flush(ctx);
  }

  start(): void {
    this.depth += 1;
  }

  /** Ends a group; the outermost end runs the queued transfers. */
  end(ctx: CallContext): void {
    if (this.depth === 0) throw new DeviceFault('invalid-value', `${this.names.end} without a matching ${this.names.start}`);
    this.depth -= 1;
    if (this.depth === 0) this.flush(ctx);
  }

  private flush(ctx: CallContext): void {
    const ops = this.pending;
    this.pending = [];
    runPointToPoint(ctx, processGroup(ctx.process), ops);
  }
}
