/**
 * cnnlConcat / cnnlSplit: arrays of tensor descriptors and device pointers. Split sizes come
 * from the output descriptors. Both ask for a device-side pointer table as workspace in
 * opbridge's model (8 bytes per tensor).
 */
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { SimProcess } from '../sim/sim-process.js';
import type { Ref } from '../sim/ref.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { pointerTable, requireWorkspace } from './cnnl-workspace.js';
import type { cnnlStatus_t } from './constants.generated.js';

function count(n: unknown, name: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new DeviceFault('invalid-value', `${name} must be a positive integer, got ${String(n)}`);
  return n;
}

function operandList(process: SimProcess, descs: unknown, ptrs: unknown, n: number, what: string): DeviceOperand[] {
  if (!Array.isArray(descs) || !Array.isArray(ptrs)) throw new DeviceFault('null-pointer', `${what}: pass arrays of ${n} descriptors and ${n} device pointers`);
  if (descs.length < n || ptrs.length < n) throw new DeviceFault('invalid-value', `${what}: ${n} tensors expected, got ${descs.length} descriptors and ${ptrs.length} pointers`);
  return Array.from({ length: n }, (_, i) => tensorOperand(process, descs[i], ptrs[i], `${what}[${i}]`));
}

function axisOf(axis: unknown, rank: number): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -rank || axis >= rank) throw new DeviceFault('invalid-value', `axis must be in [${-rank}, ${rank - 1}], got ${String(axis)}`);
  return axis < 0 ? axis + rank : axis;
}

export function cnnlGetConcatWorkspaceSize(handle: cnnlHandle_t, concat_num: number, size: Ref<number>): cnnlStatus_t {
  return cnnlCall('cnnlGetConcatWorkspaceSize', () => {
    requireHandle(handle);
    requireOutRef(size, 'size').value = pointerTable(count(concat_num, 'concat_num'));
  });
}

export function cnnlGetSplitWorkspaceSize(handle: cnnlHandle_t, split_num: number, size: Ref<number>): cnnlStatus_t {
  return cnnlCall('cnnlGetSplitWorkspaceSize', () => {
    requireHandle(handle);
    requireOutRef(size, 'size').value = pointerTable(count(split_num, 'split_num'));
  });
}

export function cnnlConcat(
  handle: cnnlHandle_t,
  concat_num: number,
  axis: number,
  inputs_desc: readonly cnnlTensorDescriptor_t[],
  inputs: readonly unknown[],
  workspace: unknown,
  workspace_size: number,
  output_desc: cnnlTensorDescriptor_t,
  output: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlConcat', (ctx) => {
    const h = requireHandle(handle);
    const n = count(concat_num, 'concat_num');
    const xs = operandList(ctx.process, inputs_desc, inputs, n, 'inputs');
    const Y = tensorOperand(ctx.process, output_desc, output, 'output');
    requireWorkspace(ctx, workspace, workspace_size, pointerTable(n), 'cnnlGetConcatWorkspaceSize');
    launchCnnl(ctx, h, { op: 'Concat', inputs: xs, attributes: { axis: axisOf(axis, Y.view.rank) }, outputs: [Y] });
  });
}

export function cnnlSplit(
  handle: cnnlHandle_t,
  split_num: number,
  axis: number,
  input_desc: cnnlTensorDescriptor_t,
  input: unknown,
  workspace: unknown,
  workspace_size: number,
  outputs_desc: readonly cnnlTensorDescriptor_t[],
  outputs: readonly unknown[],
): cnnlStatus_t {
  return cnnlCall('cnnlSplit', (ctx) => {
    const h = requireHandle(handle);
    const n = count(split_num, 'split_num');
    const X = tensorOperand(ctx.process, input_desc, input, 'input');
    const ys = operandList(ctx.process, outputs_desc, outputs, n, 'outputs');
    const a = axisOf(axis, X.view.rank);
    requireWorkspace(ctx, workspace, workspace_size, pointerTable(n), 'cnnlGetSplitWorkspaceSize');
    const sizes = ys.map((y) => y.view.shape[a] ?? 0);
    launchCnnl(ctx, h, { op: 'Split', inputs: [X, Tensor.fromNumbers(sizes, [n], 'int64')], attributes: { axis: a }, outputs: ys });
  });
}
