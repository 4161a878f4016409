/**
 * CNNL reduce. The descriptor's op selects ReduceSum (ADD), ReduceMean (AVG), ReduceMax or
 * ReduceMin over its axes; y keeps the reduced dims as 1 (what the callers' descriptors do),
 * or drops them when y_desc has fewer dims. CNNL_REDUCE_ONLY_INDICES with MAX / MIN over one
 * axis writes int32 ArgMax / ArgMin indices to `indices` (DIOPI's argmax) and leaves y alone.
 * The descriptor's tensor type is the compute type: FLOAT for half data (callers pass it for
 * sums) accumulates in float32, as the profile already does; it is recorded, not modelled.
 * CNNL_REDUCE_MUL has no canonical operator (no ReduceProd in the runtime).
 */
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import { deviceTensor } from '../sim/device-tensor.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { enumMeaning, enumName } from './catalog-enums.js';
import { requireCatalogDType } from './catalog-dtypes.js';
import type { cnnlDataType_t, cnnlIndicesType_t, cnnlNanPropagation_t, cnnlReduceIndices_t, cnnlReduceOp_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { castTo, scalingFactor } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { requireTensorDescriptor, tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { float32Staging, requireWorkspace } from './cnnl-workspace.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor, setOpDescriptor } from './op-descriptor.js';
import { formatShape, product } from './shapes.js';

const KIND = 'cnnlReduceDescriptor_t';

interface ReduceSettings {
  readonly axes: readonly number[];
  readonly op: string;
  readonly onlyIndices: boolean;
}

export type cnnlReduceDescriptor_t = CnnlOpDescriptor<ReduceSettings>;

const OP_BY_MEANING: Readonly<Record<string, string>> = {
  'reduce.sum': 'ReduceSum',
  'reduce.avg': 'ReduceMean',
  'reduce.max': 'ReduceMax',
  'reduce.min': 'ReduceMin',
};

const ARG_OP: Readonly<Record<string, string>> = { ReduceMax: 'ArgMax', ReduceMin: 'ArgMin' };

export function cnnlCreateReduceDescriptor(desc: Ref<cnnlReduceDescriptor_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlCreateReduceDescriptor', KIND, desc);
}

export function cnnlDestroyReduceDescriptor(desc: cnnlReduceDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyReduceDescriptor', KIND, desc);
}

/** Axes are the descriptor's dims; negative axes count from the end (callers pass non-negative ones). */
export function cnnlSetReduceDescriptor_v2(
  desc: cnnlReduceDescriptor_t,
  axis: readonly number[],
  axis_num: number,
  reduce_op: cnnlReduceOp_t,
  tensor_type: cnnlDataType_t,
  nan_prop: cnnlNanPropagation_t,
  indices: cnnlReduceIndices_t = 'CNNL_REDUCE_NO_INDICES',
  indices_type: cnnlIndicesType_t = 'CNNL_32BIT_INDICES',
  p = 0,
): cnnlStatus_t {
  return cnnlCall('cnnlSetReduceDescriptor_v2', () => {
    if (!Array.isArray(axis)) throw new DeviceFault('null-pointer', 'axis must be an array of axis_num integers');
    if (!Number.isInteger(axis_num) || axis_num < 1 || axis.length < axis_num) throw new DeviceFault('invalid-value', `axis_num ${axis_num} does not match axis [${axis.join(', ')}]`);
    const axes = axis.slice(0, axis_num);
    if (axes.some((a) => !Number.isInteger(a))) throw new DeviceFault('invalid-value', `axes must be integers, got [${axes.join(', ')}]`);
    const meaning = enumMeaning('cnnlReduceOp_t', reduce_op);
    if (meaning === undefined) throw new DeviceFault('invalid-value', `${String(reduce_op)} is not a cnnlReduceOp_t value`);
    const op = OP_BY_MEANING[meaning];
    if (!op) throw new DeviceFault('not-supported', `${enumName('cnnlReduceOp_t', reduce_op)} has no canonical operator in opbridge's runtime`);
    if (enumMeaning('cnnlDataType_t', tensor_type) === undefined) throw new DeviceFault('invalid-value', `${String(tensor_type)} is not a cnnlDataType_t value`);
    if (enumMeaning('cnnlNanPropagation_t', nan_prop) === undefined) throw new DeviceFault('invalid-value', `${String(nan_prop)} is not a cnnlNanPropagation_t value`);
    const indexMode = enumMeaning('cnnlReduceIndices_t', indices);
    if (indexMode === undefined) throw new DeviceFault('invalid-value', `${String(indices)} is not a cnnlReduceIndices_t value`);
    if (enumMeaning('cnnlIndicesType_t', indices_type) === undefined) throw new DeviceFault('invalid-value', `${String(indices_type)} is not a cnnlIndicesType_t value`);
    const onlyIndices = indexMode === 'reduce-indices.only';
    if (onlyIndices && (!ARG_OP[op] || axes.length !== 1)) {
      throw new DeviceFault('not-supported', 'CNNL_REDUCE_ONLY_INDICES is simulated for MAX / MIN over one axis (ArgMax / ArgMin)');
    }
    if (p !== 0) throw new DeviceFault('not-supported', `the norm exponent p = ${p} only applies to norm reductions, which the facade does not offer`);
    setOpDescriptor<ReduceSettings>(desc, KIND, { axes, op, onlyIndices });
  });
}

/** Float32 partial results per output element (opbridge's workspace model). */
function reduceWorkspace(y: readonly number[]): number {
  return float32Staging(product(y));
}

export function cnnlGetReduceOpWorkspaceSize(
  handle: cnnlHandle_t,
  x_desc: cnnlTensorDescriptor_t,
  y_desc: cnnlTensorDescriptor_t,
  reduce_desc: cnnlReduceDescriptor_t,
  size: Ref<number>,
): cnnlStatus_t {
  return cnnlCall('cnnlGetReduceOpWorkspaceSize', () => {
    requireHandle(handle);
    requireTensorDescriptor(x_desc, 'x_desc');
    const y = requireTensorDescriptor(y_desc, 'y_desc');
    descriptorSettings<ReduceSettings>(reduce_desc, KIND, 'cnnlSetReduceDescriptor_v2');
    requireOutRef(size, 'size').value = reduceWorkspace(y.dims);
  });
}

function normalizedAxes(axes: readonly number[], rank: number): number[] {
  return axes.map((a) => {
    if (a < -rank || a >= rank) throw new DeviceFault('invalid-value', `reduce axis ${a} is out of range for a rank-${rank} x`);
    return a < 0 ? a + rank : a;
  });
}

/** Note the order: workspace first, indices after x (cudnnReduceTensor has indices first). */
export function cnnlReduce(
  handle: cnnlHandle_t,
  reduce_desc: cnnlReduceDescriptor_t,
  workspace: unknown,
  workspace_size: number,
  alpha: number | null,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  indices_size = 0,
  indices: unknown = null,
  beta: number | null = null,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlReduce', (ctx) => {
    const h = requireHandle(handle);
    const s = descriptorSettings<ReduceSettings>(reduce_desc, KIND, 'cnnlSetReduceDescriptor_v2');
    const X = tensorOperand(ctx.process, x_desc, x, 'x');
    const yd = requireTensorDescriptor(y_desc, 'y_desc');
    requireCatalogDType('cnnlReduce', X.view.dtype, 'data');
    requireWorkspace(ctx, workspace, workspace_size, reduceWorkspace(yd.dims), 'cnnlGetReduceOpWorkspaceSize');
    const axes = normalizedAxes(s.axes, X.view.rank);
    const keepdims = yd.dims.length === X.view.rank ? 1 : 0;
    const expected = keepdims ? X.view.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : X.view.shape.filter((_, i) => !axes.includes(i));
    if (product(expected) !== yd.elementCount) {
      throw new DeviceFault('invalid-value', `reducing x ${formatShape(X.view.shape)} over axes [${axes.join(', ')}] gives ${formatShape(expected)}, y_desc is ${formatShape(yd.dims)}`);
    }
    if (s.onlyIndices) {
      const ptr = requireDevicePtr(indices, 'indices');
      const count = yd.elementCount;
      if (!Number.isInteger(indices_size) || indices_size < count * 4) {
        throw new DeviceFault('invalid-value', `indices_size ${indices_size} is smaller than ${count} int32 indices (${count * 4} bytes)`);
      }
      const out = { ptr, view: deviceTensor(ctx.process, { ptr, dtype: 'int32', shape: expected }) };
      launchCnnl(ctx, h, {
        op: ARG_OP[s.op],
        inputs: [X],
        attributes: { axis: axes[0], keepdims },
        outputs: [out],
        finish: (results, glue) => [castTo(glue, results[0], 'int32')],
      });
      return;
    }
    const Y = tensorOperand(ctx.process, y_desc, y, 'y');
    const view = keepdims ? Y : { ptr: Y.ptr, view: Y.view };
    launchCnnl(ctx, h, {
      op: s.op,
      inputs: [X, Tensor.fromNumbers(axes, [axes.length], 'int64')],
      attributes: { keepdims },
      outputs: [view],
      blend: { alpha: scalingFactor(alpha, 'alpha', 1), beta: scalingFactor(beta, 'beta', 0) },
    });
  });
}
