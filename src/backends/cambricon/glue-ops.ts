/**
 * Small steps CNNL fuses into its kernels but the canonical operator lacks (alpha/beta
 * blending, a compute-type upcast, an optional bias), run through `runOp` so the runtime does
 * the arithmetic under the call's mode and profile. Blends are computed in float32, CNNL's
 * compute type for float data and the type of its scaling factors (float64 in golden mode and
 * for float64 / integer data), then rounded once to the output dtype.
 */
import type { DType } from '../../runtime/dtype.js';
import type { RunMode } from '../../runtime/kernel.js';
import { GOLDEN_PROFILE, type NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';

export interface GlueContext {
  readonly mode: RunMode;
  readonly profile: NumericProfile;
}

function run(glue: GlueContext, op: string, inputs: Tensor[], attributes: Record<string, unknown> = {}): Tensor {
  const [out] = runOp(op, inputs, attributes as never, { mode: glue.mode, profile: glue.mode === 'golden' ? GOLDEN_PROFILE : glue.profile });
  return out;
}

/** The dtype blends are computed in. */
export function blendDType(glue: GlueContext, dtype: DType): DType {
  if (glue.mode === 'golden' || dtype === 'float64' || !['float32', 'float16', 'bfloat16'].includes(dtype)) return 'float64';
  return 'float32';
}

export function castTo(glue: GlueContext, t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : run(glue, 'Cast', [t], { to: dtype });
}

export function scaled(glue: GlueContext, t: Tensor, factor: number): Tensor {
  return factor === 1 ? t : run(glue, 'Mul', [t, Tensor.fromNumbers([factor], [], t.dtype)]);
}

export function added(glue: GlueContext, a: Tensor, b: Tensor): Tensor {
  return run(glue, 'Add', [a, b]);
}

/** alpha * result + beta * prior, rounded once to `dtype` (prior is not read when beta is 0). */
export function blend(glue: GlueContext, result: Tensor, alpha: number, beta: number, prior: Tensor | undefined, dtype: DType): Tensor {
  if (alpha === 1 && beta === 0) return castTo(glue, result, dtype);
  const compute = blendDType(glue, dtype);
  let acc = scaled(glue, castTo(glue, result, compute), alpha);
  if (beta !== 0 && prior) acc = added(glue, acc, scaled(glue, castTo(glue, prior, compute), beta));
  return castTo(glue, acc, dtype);
}

/** A host scaling factor (`const void* alpha`): a number, or NULL for the documented default. */
export function scalingFactor(value: unknown, name: string, fallback: number | undefined): number {
  if (value === null || value === undefined) {
    if (fallback === undefined) throw new DeviceFault('null-pointer', `${name} is NULL: pass the host scaling factor`);
    return fallback;
  }
  const v = typeof value === 'number' ? value : ArrayBuffer.isView(value) && 'length' in value ? Number((value as unknown as ArrayLike<number>)[0]) : NaN;
  if (!Number.isFinite(v)) throw new DeviceFault('invalid-value', `${name} must be a finite host number, got ${String(value)}`);
  return v;
}
