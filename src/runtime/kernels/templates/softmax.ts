/**
 * The softmax core shared by Softmax, LogSoftmax and Attention: one lane (a strided run of
 * logits) at a time, under the profile's softmax variant, reduction numerics and compute
 * precision.
 *
 * - `max-subtract` (golden, and what careful kernels do): e = exp(x - max), so no exponent
 *   overflows and the largest term is exactly 1.
 * - `no-max-subtract`: e = exp(x) as a naive kernel computes it; in float32 exp(x) overflows
 *   to +Inf for x > ~88.7 and the lane turns into NaN, exactly as such a kernel's would.
 *
 * NaN anywhere in a lane, or +Inf (Inf - Inf), makes the whole lane NaN, as in ONNX Runtime.
 * A lane of only -Inf is NaN for Softmax (0 / 0); Attention asks for zeros instead (a fully
 * masked query attends to nothing), see `zeroFullyMasked`.
 */
import { OpError } from '../../../errors.js';
import { AttributeReader } from '../../attribute-reader.js';
import type { FloatDType } from '../../dtype.js';
import { defineKernel, type Kernel, type KernelContext } from '../../kernel.js';
import { sumStrided, type Rounder } from '../../numerics/accumulate.js';
import type { ReductionNumerics, SoftmaxVariant } from '../../numerics/numeric-profile.js';
import { normalizeAxis, shapeSize } from '../../shape.js';
import { Tensor } from '../../tensor.js';
import { computeRounder, finishValues, reductionNumerics } from './compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput } from './elementwise.js';

export type SoftmaxKind = 'softmax' | 'log-softmax';

export interface SoftmaxNumerics {
  readonly variant: SoftmaxVariant;
  /** Summation of the denominator. */
  readonly reduce: ReductionNumerics;
  /** Precision of the exponentials, differences, logarithm and quotients. */
  readonly round: Rounder;
  /** A lane whose logits are all -Inf produces zeros instead of NaN (Attention). */
  readonly zeroFullyMasked?: boolean;
}

/** The softmax numerics of `ctx` for logits computed in the precision of `dtype`. */
export function softmaxNumerics(dtype: FloatDType, ctx: KernelContext, round: Rounder = computeRounder(dtype, ctx)): SoftmaxNumerics {
  return { variant: ctx.profile.softmax, reduce: reductionNumerics(dtype, ctx), round };
}

/**
 * Softmax (or log-softmax) of the `count` logits `input[start + i*stride]`, written to the
 * same positions of `output` (which may not alias `input`).
 */
export function softmaxLane(
  input: ArrayLike<number>,
  output: Float64Array,
  start: number,
  count: number,
  stride: number,
  kind: SoftmaxKind,
  numerics: SoftmaxNumerics,
): void {
  if (count === 0) return;
  const { round } = numerics;
  const end = start + count * stride;
  let max = -Infinity;
  for (let p = start; p < end; p += stride) {
    const x = input[p];
    if (x > max || Number.isNaN(x)) max = x;
    if (Number.isNaN(x)) break;
  }
  if (max === -Infinity && numerics.zeroFullyMasked) {
    for (let p = start; p < end; p += stride) output[p] = kind === 'softmax' ? 0 : -Infinity;
    return;
  }
  const shift = numerics.variant === 'max-subtract' ? max : 0;
  for (let p = start; p < end; p += stride) output[p] = round(Math.exp(round(input[p] - shift)));
  const sum = sumStrided(output, start, count, stride, numerics.reduce);
  if (kind === 'softmax') {
    for (let p = start; p < end; p += stride) output[p] = round(output[p] / sum);
    return;
  }
  const logSum = round(Math.log(sum));
  for (let p = start; p < end; p += stride) output[p] = round(round(input[p] - shift) - logSum);
}

/** Softmax of `values` (row-major, `shape`) along `axis`. */
export function softmaxAlongAxis(
  values: Float64Array,
  shape: readonly number[],
  axis: number,
  kind: SoftmaxKind,
  numerics: SoftmaxNumerics,
): Float64Array {
  const out = new Float64Array(values.length);
  const length = shape[axis];
  const inner = shapeSize(shape.slice(axis + 1));
  const outer = shapeSize(shape.slice(0, axis));
  for (let o = 0; o < outer; o++) {
    const base = o * length * inner;
    for (let i = 0; i < inner; i++) softmaxLane(values, out, base + i, length, inner, kind, numerics);
  }
  return out;
}

interface SoftmaxAttributes {
  readonly axis: number;
}

/** Softmax-13 / LogSoftmax-13: `input` → `output` along `axis` (default -1), no 2-D coercion. */
export function defineSoftmaxKernel(name: string, kind: SoftmaxKind): Kernel<SoftmaxAttributes> {
  return defineKernel<SoftmaxAttributes>({
    name,
    inputs: { min: 1, max: 1 },
    parseAttributes: (raw) => {
      const reader = new AttributeReader(name, raw);
      const axis = reader.int('axis', -1);
      reader.done();
      return { axis };
    },
    run: (inputs, attrs, ctx) => {
      const x = requireInput(name, inputs, 0, 'input');
      requireDType(name, x, 'input', FLOAT_ONLY);
      if (x.rank === 0) {
        throw new OpError(name, `input is a scalar (shape []); softmax needs at least one axis`, {
          fix: 'reshape the input to [1] or more dimensions',
        });
      }
      const axis = normalizeAxis(attrs.axis, x.rank, name);
      const dtype = x.dtype as FloatDType;
      const values = softmaxAlongAxis(x.toFloat64(), x.shape, axis, kind, softmaxNumerics(dtype, ctx));
      return [Tensor.fromNumbers(finishValues(values, dtype, ctx), x.shape, dtype)];
    },
  });
}
