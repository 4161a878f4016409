/**
 * The CNNL workspace model. Each query returns a deterministic size, documented in
 * docs/backends/cambricon.md, for what a straightforward MLU implementation would stage in
 * device memory (opbridge's model, not the vendor's numbers, which depend on the chip and
 * the library build). The op then checks the workspace it is given against the same size:
 * a smaller `workspace_size` is CNNL_STATUS_BAD_PARAM with OB2011, and the workspace range
 * must lie in live device memory.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import { requireDevicePtr } from '../sim/memory-ops.js';

const FLOAT32_BYTES = 4;
const POINTER_BYTES = 8;

/** Float32 staging of `elements` partial results (matmul products, reductions, normalisation statistics). */
export function float32Staging(elements: number): number {
  return elements * FLOAT32_BYTES;
}

/** A device-side table of `count` pointers (concat / split inputs or outputs). */
export function pointerTable(count: number): number {
  return count * POINTER_BYTES;
}

export function requireWorkspace(ctx: CallContext, workspace: unknown, workspaceSize: unknown, required: number, query: string): void {
  if (typeof workspaceSize !== 'number' || !Number.isInteger(workspaceSize) || workspaceSize < 0) {
    throw new DeviceFault('invalid-value', `workspace_size must be a non-negative integer, got ${String(workspaceSize)}`);
  }
  if (workspaceSize < required) {
    throw new DeviceFault(
      'workspace-too-small',
      `${ctx.symbol} needs ${required} bytes of workspace but workspace_size is ${workspaceSize}: allocate the size ${query} returns`,
    );
  }
  if (workspaceSize === 0 && (workspace === null || workspace === undefined)) return;
  const ptr = requireDevicePtr(workspace, 'workspace');
  ctx.process.memory(ptr.allocation.device).check(ptr, workspaceSize);
}

/** A size_t out-parameter of a workspace query. */
export function writeSize(out: { value: number }, bytes: number): void {
  out.value = bytes;
}
