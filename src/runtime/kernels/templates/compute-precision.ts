/**
 * The numerics rules every kernel that sums, multiplies or keeps intermediates follows, in one
 * place (docs/runtime.md, "Numerics rules"):
 *
 * 1. Accumulation: sums run under the profile's reduction numerics (`reductionNumerics`) and
 *    matrix products under its matrix-unit numerics (`matrixNumerics`) — except over float64
 *    tensors, whose operands and running sums stay float64 whatever the profile says (profiles
 *    describe how a device treats float32 and narrower data; every device we model computes
 *    float64 data in float64). The summation order (sequential / pairwise / blocked, split-K)
 *    is the profile's for every dtype. Golden mode is GOLDEN_PROFILE: float64, sequential.
 * 2. Intermediates: golden mode never rounds them (float64 throughout, one rounding into the
 *    output dtype). Profiled mode rounds them as an unfused device kernel stores them
 *    (`computeRounder`): float32 data in float32, half types per the profile's `halfCompute`;
 *    values an operator pins to a dtype (`stash_type`, `softmax_precision`) in that dtype
 *    (`pinnedRounder`). `finishValues` applies the same rounding to finished outputs.
 * 3. Scalar attributes: ONNX FLOAT attributes are float32 (`AttributeReader.float32`). Gemm's
 *    alpha / beta and the random generators' mean / scale / low / high are taken in the data's
 *    precision instead (`floatAttributeFor`): float32 for float32 and narrower data, the full
 *    value for float64 data, where the double-precision vendor calls mapped onto these
 *    operators (cublasDgemm, curandGenerateNormalDouble) pass double scalars.
 */
import type { DType, FloatDType } from '../../dtype.js';
import { isFloatDType } from '../../dtype.js';
import type { KernelContext } from '../../kernel.js';
import { noRounding, rounderFor, type Rounder } from '../../numerics/accumulate.js';
import { GOLDEN_PROFILE, type MatrixUnitNumerics, type ReductionNumerics } from '../../numerics/numeric-profile.js';

/**
 * Rounding of intermediates computed for a tensor of `dtype`: none in golden mode and for
 * float64; float32 for float32; for float16 / bfloat16 as `halfCompute` says (float64: none,
 * float32: upcast compute, native: every step in the half type).
 */
export function computeRounder(dtype: FloatDType, ctx: KernelContext): Rounder {
  if (ctx.mode === 'golden') return noRounding;
  switch (dtype) {
    case 'float64':
      return noRounding;
    case 'float32':
      return Math.fround;
    case 'float16':
    case 'bfloat16':
      switch (ctx.profile.halfCompute) {
        case 'float64':
          return noRounding;
        case 'float32':
          return Math.fround;
        case 'native':
          return rounderFor(dtype);
      }
  }
}

/**
 * Rounding into a dtype an operator names explicitly for its intermediates (LayerNormalization's
 * `stash_type`, Attention's `softmax_precision`): none in golden mode, else that dtype.
 */
export function pinnedRounder(dtype: FloatDType, ctx: KernelContext): Rounder {
  return ctx.mode === 'golden' ? noRounding : rounderFor(dtype);
}

/**
 * Finished float64 results rounded into the compute precision of `dtype` before they are
 * stored (`computeRounder`): half types computed in float32 round to float32 first. Where
 * storing rounds the same way anyway (float32, float64, native half compute, integers) the
 * values are returned untouched.
 */
export function finishValues(values: Float64Array, dtype: DType, ctx: KernelContext): Float64Array {
  if (dtype !== 'float16' && dtype !== 'bfloat16') return values;
  const round = computeRounder(dtype, ctx);
  if (round === noRounding || round === rounderFor(dtype)) return values;
  for (let i = 0; i < values.length; i++) values[i] = round(values[i]);
  return values;
}

/** The profile's reduction numerics for sums over a tensor of `dtype` (float64 sums kept for float64). */
export function reductionNumerics(dtype: DType, ctx: KernelContext): ReductionNumerics {
  const reduce = ctx.profile.reduce;
  return dtype === 'float64' && reduce.accumulate !== 'float64' ? { ...reduce, accumulate: 'float64' } : reduce;
}

/**
 * The matrix-unit numerics for products of `dtype` operands: the profile's `matmul` (or `conv`)
 * unit; for float64 operands fp64 operands and float64 sums in the unit's order; for integer
 * operands exact float64 sums (GOLDEN_PROFILE), which the kernel then wraps into the dtype.
 */
export function matrixNumerics(dtype: DType, ctx: KernelContext, unit: 'matmul' | 'conv' = 'matmul'): MatrixUnitNumerics {
  if (!isFloatDType(dtype)) return GOLDEN_PROFILE.matmul;
  const numerics = ctx.profile[unit];
  if (dtype !== 'float64' || (numerics.format === 'fp64' && numerics.accumulate === 'float64')) return numerics;
  return { ...numerics, format: 'fp64', accumulate: 'float64' };
}

/**
 * A scalar attribute that scales or shifts `dtype` data (Gemm alpha / beta, RandomNormal mean /
 * scale, RandomUniform low / high): the float32 an ONNX FLOAT attribute holds, except for
 * float64 data, where the value is used as given (double-precision vendor APIs map onto these
 * operators with double scalars).
 */
export function floatAttributeFor(value: number, dtype: DType): number {
  return dtype === 'float64' ? value : Math.fround(value);
}
