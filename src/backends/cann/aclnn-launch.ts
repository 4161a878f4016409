/**
 * Running a plan: aclTensors become zero-copy views over device memory, the canonical operator
 * runs through launchOp (stream ordering, race checks, golden or profiled numerics, trace), and
 * results are converted to the output aclTensor's dtype when the operator's differs.
 */
import type { DType } from '../../runtime/dtype.js';
import type { RawAttributes } from '../../runtime/kernel.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { GOLDEN_PROFILE } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import { deviceTensor } from '../sim/device-tensor.js';
import { launchOp, type DeviceOperand, type OpResult } from '../sim/launch-op.js';
import { BACKEND } from './acl-call.js';
import type { AclTensor } from './acl-tensor.js';
import type { RunContext } from './aclnn-executor.js';

/** The device view of an aclTensor: its element strides and offset over tensorData. */
export function operand(run: RunContext, t: AclTensor): DeviceOperand {
  if (!t.data) throw new DeviceFault('null-pointer', `${t.describe()} has no device address (tensorData was null)`);
  const ptr = t.data.plus(t.offset * t.itemSize);
  return { ptr, view: deviceTensor(run.ctx.process, { ptr, dtype: t.dtype, shape: t.viewDims, strides: t.strides }) };
}

/** A device operand re-viewed (permuted, reshaped as a view, sliced) without copying. */
export function reviewed(base: DeviceOperand, view: Tensor): DeviceOperand {
  return { ptr: base.ptr, view };
}

/** runOp for small glue (casts, masks) under the process's mode. */
export function glue(run: RunContext, op: string, inputs: readonly (Tensor | undefined)[], attributes: RawAttributes, profile: NumericProfile): Tensor[] {
  const mode = run.ctx.process.mode;
  return runOp(op, inputs, attributes, { mode, profile: mode === 'golden' ? GOLDEN_PROFILE : profile });
}

export function castTo(run: RunContext, t: Tensor, dtype: DType, profile: NumericProfile): Tensor {
  return t.dtype === dtype ? t : glue(run, 'Cast', [t], { to: dtype }, profile)[0];
}

export interface Launch {
  readonly op: string;
  readonly inputs: readonly (DeviceOperand | Tensor | undefined)[];
  readonly attributes?: RawAttributes;
  /** Where each output goes; results are cast to the operand's dtype first. */
  readonly outputs: readonly (DeviceOperand | undefined)[];
  readonly profile: NumericProfile;
  readonly flops?: number;
  readonly reads?: readonly DeviceOperand[];
  /** Reshapes a result to its output view when the operator's shape differs only by layout. */
  readonly reshape?: boolean;
  /** Re-encodes results before they are stored (e.g. a bool mask packed into bits). */
  readonly convert?: (results: Tensor[]) => Tensor[];
}

export function launch(run: RunContext, l: Launch): OpResult {
  return launchOp(run.ctx.process, {
    backend: BACKEND,
    symbol: run.symbol,
    op: l.op,
    inputs: l.inputs,
    attributes: l.attributes ?? {},
    profile: l.profile,
    stream: run.stream,
    outputs: l.outputs,
    flops: l.flops,
    reads: l.reads,
    site: run.ctx.site,
    finish: (computed) =>
      (l.convert ? l.convert(computed) : computed).map((r, i) => {
        const out = l.outputs[i];
        if (!out || !r) return r;
        const cast = castTo(run, r, out.view.dtype, l.profile);
        return l.reshape && cast.shape.join() !== out.view.shape.join() ? cast.reshape(out.view.shape) : cast;
      }),
  });
}

/** Element `index` of the leading dimension of an operand, as a zero-copy operand. */
export function indexOperand(o: DeviceOperand, index: number): DeviceOperand {
  const v = o.view;
  const offset = v.offset + index * v.strides[0];
  return {
    ptr: o.ptr.plus((offset - v.offset) * v.itemSize),
    view: new Tensor(v.storage, v.dtype, v.shape.slice(1), v.strides.slice(1), offset),
  };
}

/** The same device elements under another shape and strides (a view, never a copy). */
export function restrided(o: DeviceOperand, shape: readonly number[], strides: readonly number[]): DeviceOperand {
  const v = o.view;
  return { ptr: o.ptr, view: new Tensor(v.storage, v.dtype, shape, strides, v.offset) };
}

/** The operand broadcast to `shape` (NumPy rules): broadcast dimensions get stride 0. */
export function broadcastOperand(o: DeviceOperand, shape: readonly number[]): DeviceOperand {
  return { ptr: o.ptr, view: o.view.expand(shape) };
}

/** A 1-D int64 tensor (axes, sizes, K) for operator inputs that ONNX passes as tensors. */
export function int64s(values: readonly number[]): Tensor {
  return Tensor.fromNumbers(values, [values.length], 'int64');
}

/** A scalar constant in `dtype`, broadcast by the operator. */
export function constant(value: number, dtype: DType): Tensor {
  return Tensor.fromNumbers([value], [], dtype);
}
