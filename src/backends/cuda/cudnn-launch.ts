/**
 * Launching a legacy cuDNN operation: the canonical operator on views of the described
 * tensors, then cuDNN's blend `y = alpha·op(x) + beta·y` (header: "output = alpha *
 * Op(inputs) + beta * output").
 *
 * alpha = 1, beta = 0 (what model code passes almost always) is one launch writing y. Other
 * values blend through runtime operators on the same stream, each traced: Mul(op, alpha),
 * Mul(y, beta), Add — computed in the scaling type (float for float and half data, double for
 * double: catalog notes, unconfirmed) and rounded once into y's type. The operator's result
 * is rounded to y's type before it is scaled, where a fused kernel scales it first: at most
 * one extra rounding of y's type, documented in docs/backends/cuda.md. With beta = 0 y is
 * never read, so NaN or Inf already in y cannot propagate.
 */
import type { DType } from '../../runtime/dtype.js';
import type { RawAttributes } from '../../runtime/kernel.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import { isDevicePtr } from '../sim/device-memory.js';
import type { CallContext } from '../sim/facade-call.js';
import { launchOp, type DeviceOperand, type OpResult } from '../sim/launch-op.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { scalingDType } from './cudnn-data-types.js';
import { readHostScalar } from './host-scalars.js';

export interface LaunchEnv {
  readonly ctx: CallContext;
  readonly stream: SimStream;
  readonly profile: NumericProfile;
}

export type Operand = DeviceOperand | Tensor;

/** One operator launch of a cuDNN call. */
export interface OpStep {
  readonly op: string;
  readonly inputs: readonly (Operand | undefined)[];
  readonly attributes: RawAttributes;
  readonly flops?: number;
  /** Float inputs are widened (exactly) to this type before the operator runs: the call's compute type. */
  readonly computeIn?: DType;
  /** Outputs after the first, stored as they are (MaxPool's Indices: undefined). */
  readonly moreOutputs?: readonly (DeviceOperand | undefined)[];
  /** Result 0 reshaped to the output view's shape (a flattened softmax back to N, C, H, W). */
  readonly toOutputShape?: (result: Tensor) => Tensor;
}

const FLOAT_TYPES: ReadonlySet<DType> = new Set<DType>(['float16', 'bfloat16', 'float32', 'float64']);

export function isDeviceOperand(x: Operand | undefined): x is DeviceOperand {
  return x !== undefined && !(x instanceof Tensor);
}

export function castTo(t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : runOp('Cast', [t], { to: dtype })[0];
}

/** Widens float operands to `dtype` (integer and bool operands — axes, masks — are left alone). */
export function widenTo(dtype: DType | undefined): ((inputs: readonly (Tensor | undefined)[]) => (Tensor | undefined)[]) | undefined {
  if (!dtype) return undefined;
  return (inputs) => inputs.map((t) => (t && FLOAT_TYPES.has(t.dtype) ? castTo(t, dtype) : t));
}

/** alpha / beta: host values read as float (float and half data) or double (double data). */
export function readScalingFactor(value: unknown, what: string, data: DType): number {
  if (isDevicePtr(value)) throw new DeviceFault('device-pointer', `${what} is a device pointer: cuDNN reads alpha and beta from host memory (pass the value)`);
  return readHostScalar(value, what, scalingDType(data));
}

export function launchStep(env: LaunchEnv, step: OpStep, outputs: readonly (DeviceOperand | undefined)[], finish?: (results: Tensor[]) => Tensor[], traceUnstored = false): OpResult {
  const { ctx } = env;
  return launchOp(ctx.process, {
    backend: ctx.backend,
    symbol: ctx.symbol,
    op: step.op,
    inputs: step.inputs,
    attributes: step.attributes,
    profile: env.profile,
    stream: env.stream,
    outputs,
    prepare: widenTo(step.computeIn),
    finish,
    flops: step.flops,
    site: ctx.site,
    traceUnstoredOutputs: traceUnstored,
  });
}

/** Runs `step` and blends its first result into `y`: y = alpha·result + beta·y. */
export function launchBlended(env: LaunchEnv, step: OpStep, y: DeviceOperand, alpha: number, beta: number): void {
  const shape = step.toOutputShape ?? ((t: Tensor) => t);
  const more = step.moreOutputs ?? [];
  if (alpha === 1 && beta === 0) {
    launchStep(env, step, [y, ...more], (results) => results.map((r, i) => (i === 0 ? castTo(shape(r), y.view.dtype) : r)));
    return;
  }
  const { results } = launchStep(env, step, [undefined, ...more], (rs) => [shape(rs[0]), ...rs.slice(1)], true);
  blendInto(env, results[0], y, alpha, beta);
}

/**
 * y = alpha·r + beta·y through Mul and Add launches in the scaling type; `r` is an operator's
 * result or, for a scaled copy (IDENTITY activation, cudnnAddTensor, cudnnTransformTensor), an
 * operand itself.
 */
export function blendInto(env: LaunchEnv, r: Operand, y: DeviceOperand, alpha: number, beta: number): void {
  const yType = y.view.dtype;
  const s = scalingDType(yType);
  const scalar = (v: number) => Tensor.fromNumbers([v], [], s);
  const store = (results: Tensor[]) => results.map((t) => castTo(t, yType));
  if (beta === 0) {
    launchStep(env, { op: 'Mul', inputs: [r, scalar(alpha)], attributes: {}, computeIn: s }, [y], store);
    return;
  }
  const scaled = alpha === 1 ? r : launchStep(env, { op: 'Mul', inputs: [r, scalar(alpha)], attributes: {}, computeIn: s }, [undefined]).results[0];
  const old = beta === 1 ? y : launchStep(env, { op: 'Mul', inputs: [y, scalar(beta)], attributes: {}, computeIn: s }, [undefined]).results[0];
  launchStep(env, { op: 'Add', inputs: [scaled, old], attributes: {}, computeIn: s }, [y], store);
}
