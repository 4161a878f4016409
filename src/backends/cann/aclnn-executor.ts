/**
 * The aclnn two-phase convention (two_phase_api.md), shared by every operator:
 *
 *   aclnnXxxGetWorkspaceSize(inputs..., outputs..., attributes..., &workspaceSize, &executor)
 *   aclnnXxx(workspace, workspaceSize, executor, stream)
 *
 * The first phase validates every argument and builds a plan (what to launch, on which views,
 * under which numeric profile) plus its workspace size; the second runs the plan once on the
 * stream. An executor is freed by its run unless aclSetAclOpExecutorRepeatable was called right
 * after the first phase; a repeatable one lives until aclDestroyAclOpExecutor. A second run of
 * a spent executor is an error (OB2009), as is a workspace smaller than the first phase asked
 * for (OB2011) or a run after one of its aclTensors was destroyed (OB2008).
 */
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { SimObject } from '../sim/sim-object.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { cannCall, AclStatusError, type AclCallContext } from './acl-call.js';
import { resolveStream } from './acl-stream.js';
import type { AclTensor, AclTensorList } from './acl-tensor.js';
import { ACLNN_ERR_INNER_NULLPTR, ACLNN_ERR_RUNTIME_ERROR, type aclnnStatus } from './constants.generated.js';
import { ACLNN_RUN_STATUS, ACLNN_STATUS } from './status-codes.js';

export interface RunContext {
  readonly ctx: AclCallContext;
  readonly stream: SimStream;
  /** The second-phase symbol (aclnnXxx), recorded in traces. */
  readonly symbol: string;
}

export interface AclnnPlan {
  /** Bytes of device workspace the run needs (see docs/backends/cann.md for the size model). */
  readonly workspaceSize: number;
  /** aclTensors (and lists) the run reads or writes: they must still exist when it runs. */
  readonly uses: readonly (AclTensor | AclTensorList | undefined)[];
  run(run: RunContext): void;
}

export class AclOpExecutor extends SimObject {
  readonly kind = 'aclOpExecutor';
  repeatable = false;
  runs = 0;
  /** Where a non-repeatable executor was run (and thereby freed). */
  spentAt: CallSite | undefined;
  destroyedAt: CallSite | undefined;
  constructor(
    /** aclnnXxxGetWorkspaceSize that built it. */
    readonly preparedBy: string,
    readonly plan: AclnnPlan,
    site: CallSite | undefined,
  ) {
    super(site);
  }

  /** The second-phase symbol that may run it. */
  get runSymbol(): string {
    return this.preparedBy.replace(/GetWorkspaceSize$/, '');
  }
}

export type aclOpExecutor = AclOpExecutor;

function at(site: CallSite | undefined): string {
  return site ? ` at ${site.file}:${site.line}` : '';
}

/** First phase: validates through `build`, then hands out the workspace size and a new executor. */
export function prepare(
  symbol: string,
  workspaceSize: Ref<number> | null | undefined,
  executor: Ref<AclOpExecutor> | null | undefined,
  build: (ctx: AclCallContext) => AclnnPlan,
): aclnnStatus {
  return cannCall(symbol, ACLNN_STATUS, (ctx) => {
    if (workspaceSize === null || workspaceSize === undefined) throw new DeviceFault('null-pointer', 'workspaceSize is null');
    if (executor === null || executor === undefined) throw new DeviceFault('null-pointer', 'executor is null');
    const plan = build(ctx);
    workspaceSize.value = plan.workspaceSize;
    executor.value = ctx.process.track(new AclOpExecutor(symbol, plan, ctx.site));
  }) as aclnnStatus;
}

function requireExecutor(executor: unknown, symbol: string): AclOpExecutor {
  if (executor === null || executor === undefined) throw new DeviceFault('null-pointer', 'executor is null');
  if (!(executor instanceof AclOpExecutor)) throw new DeviceFault('invalid-handle', `${symbol} expects the aclOpExecutor from a GetWorkspaceSize call`);
  if (executor.spentAt) {
    throw new DeviceFault(
      'executor-reused',
      `the aclOpExecutor from ${executor.preparedBy}${at(executor.site)} already ran${at(executor.spentAt)} and was freed by that run: ` +
        'call the GetWorkspaceSize function again for every run, or make the executor repeatable with aclSetAclOpExecutorRepeatable right after it',
    );
  }
  if (executor.destroyed) {
    throw new DeviceFault('invalid-handle', `the aclOpExecutor from ${executor.preparedBy}${at(executor.site)} was destroyed${at(executor.destroyedAt)}`);
  }
  return executor;
}

function checkWorkspace(ctx: AclCallContext, workspace: unknown, workspaceSize: number, needed: number, preparedBy: string): void {
  if (!Number.isInteger(workspaceSize) || workspaceSize < 0) throw new DeviceFault('invalid-value', `workspaceSize must be a non-negative integer, got ${workspaceSize}`);
  if (workspaceSize < needed) {
    throw new DeviceFault('workspace-too-small', `workspaceSize is ${workspaceSize} bytes but ${preparedBy} asked for ${needed}: allocate the size it returned`);
  }
  if (needed === 0) return;
  if (workspace === null || workspace === undefined) {
    throw new DeviceFault('workspace-too-small', `workspace is null but ${preparedBy} asked for ${needed} bytes: aclrtMalloc it when workspaceSize > 0`);
  }
  const ptr = requireDevicePtr(workspace, 'workspace');
  const memory = ctx.process.memory(ptr.allocation.device);
  try {
    memory.check(ptr, needed);
  } catch (error) {
    if (error instanceof DeviceFault && error.kind === 'out-of-bounds') {
      throw new DeviceFault('workspace-too-small', `the workspace allocation behind ${ptr} is smaller than the ${needed} bytes ${preparedBy} asked for: ${error.message}`);
    }
    throw error;
  }
}

function checkAlive(uses: readonly (AclTensor | AclTensorList | undefined)[], preparedBy: string): void {
  for (const object of uses) {
    if (!object?.destroyed) continue;
    throw new DeviceFault(
      'invalid-handle',
      `${object.kind}${object.site ? ` created at ${object.site.file}:${object.site.line}` : ''} was destroyed${at(object.destroyedAt)} ` +
        `after ${preparedBy} and before the run that uses it: destroy aclTensors only after the second phase`,
    );
  }
}

/** Second phase: checks the executor, the workspace and the tensors, then runs the plan once on the stream. */
export function execute(symbol: string, workspace: unknown, workspaceSize: number, executor: AclOpExecutor | null, stream: unknown): aclnnStatus {
  return cannCall(symbol, ACLNN_RUN_STATUS, (ctx) => {
    const exec = requireExecutor(executor, symbol);
    if (exec.runSymbol !== symbol) {
      throw new DeviceFault('invalid-handle', `the aclOpExecutor was built by ${exec.preparedBy}; run it with ${exec.runSymbol}, not ${symbol}`);
    }
    if (!ctx.acl.initialized || ctx.acl.currentDevice === undefined) {
      throw new AclStatusError(ACLNN_ERR_RUNTIME_ERROR, 'OB2013', `${symbol} needs an initialised runtime and a device: aclInit, then aclrtSetDevice`);
    }
    checkWorkspace(ctx, workspace, workspaceSize, exec.plan.workspaceSize, exec.preparedBy);
    checkAlive(exec.plan.uses, exec.preparedBy);
    const simStream = resolveStream(ctx, stream);
    exec.runs += 1;
    if (!exec.repeatable) {
      exec.spentAt = ctx.site;
      ctx.process.release(exec);
    }
    exec.plan.run({ ctx, stream: simStream, symbol });
  }) as aclnnStatus;
}

/** Must follow the GetWorkspaceSize call directly (the doc); returns 561103 for a null executor. */
export function aclSetAclOpExecutorRepeatable(executor: AclOpExecutor | null): aclnnStatus {
  return cannCall('aclSetAclOpExecutorRepeatable', ACLNN_STATUS, () => {
    if (executor === null || executor === undefined) {
      throw new AclStatusError(ACLNN_ERR_INNER_NULLPTR, 'OB2012', 'executor is null');
    }
    const exec = requireExecutor(executor, 'aclSetAclOpExecutorRepeatable');
    if (exec.runs > 0) throw new DeviceFault('invalid-handle', 'the executor already ran: make it repeatable right after its GetWorkspaceSize call');
    exec.repeatable = true;
  }) as aclnnStatus;
}

export function aclDestroyAclOpExecutor(executor: AclOpExecutor | null): aclnnStatus {
  return cannCall('aclDestroyAclOpExecutor', ACLNN_STATUS, (ctx) => {
    if (executor === null || executor === undefined) {
      throw new AclStatusError(ACLNN_ERR_INNER_NULLPTR, 'OB2012', 'executor is null');
    }
    const exec = requireExecutor(executor, 'aclDestroyAclOpExecutor');
    exec.destroyedAt = ctx.site;
    ctx.process.release(exec);
  }) as aclnnStatus;
}

