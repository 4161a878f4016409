/**
 * The precision in which a kernel holds its intermediate values, as one rounding function.
 *
 * Golden mode never rounds intermediates (float64 throughout, one rounding into the output
 * dtype). Profiled mode rounds the way an unfused device kernel stores its intermediates:
 * float32 tensors in float32, half types per the profile's `halfCompute`, and values an
 * operator explicitly pins to a dtype (`stash_type`, `softmax_precision`) in that dtype.
 *
 * Profiles describe how a device treats float32 and half data; float64 tensors are computed
 * in float64 by every device we model, so sums and matrix products over float64 tensors keep
 * float64 operands and accumulators whatever the profile says about narrower types.
 */
import type { FloatDType } from '../../dtype.js';
import type { KernelContext } from '../../kernel.js';
import { rounderFor, type Rounder } from '../../numerics/accumulate.js';
import type { MatrixUnitNumerics, ReductionNumerics } from '../../numerics/numeric-profile.js';

const identity: Rounder = (x) => x;

/**
 * Rounding of elementwise intermediates computed for a tensor of `dtype`: identity in golden
 * mode and for float64; float32 for float32; for float16 / bfloat16 as `halfCompute` says
 * (float64: none, float32: upcast compute, native: every step in the half type).
 */
export function computeRounder(dtype: FloatDType, ctx: KernelContext): Rounder {
  if (ctx.mode === 'golden') return identity;
  switch (dtype) {
    case 'float64':
      return identity;
    case 'float32':
      return Math.fround;
    case 'float16':
    case 'bfloat16':
      switch (ctx.profile.halfCompute) {
        case 'float64':
          return identity;
        case 'float32':
          return Math.fround;
        case 'native':
          return rounderFor(dtype);
      }
  }
}

/**
 * Rounding into a dtype an operator names explicitly for its intermediates (LayerNormalization's
 * `stash_type`, Attention's `softmax_precision`): identity in golden mode, else that dtype.
 */
export function pinnedRounder(dtype: FloatDType, ctx: KernelContext): Rounder {
  return ctx.mode === 'golden' ? identity : rounderFor(dtype);
}

/** The profile's reduction numerics for sums over a tensor of `dtype` (float64 kept for float64). */
export function reductionNumerics(dtype: FloatDType, ctx: KernelContext): ReductionNumerics {
  const reduce = ctx.profile.reduce;
  return dtype === 'float64' && reduce.accumulate !== 'float64' ? { ...reduce, accumulate: 'float64' } : reduce;
}

/** The profile's matrix-unit numerics for products of `dtype` operands (float64 kept for float64). */
export function matrixNumerics(dtype: FloatDType, ctx: KernelContext): MatrixUnitNumerics {
  const matmul = ctx.profile.matmul;
  return dtype === 'float64' ? { ...matmul, format: 'fp64', accumulate: 'float64' } : matmul;
}
