/**
 * Shared pieces of the collective kernels (AllReduce, Broadcast, AllGather, ReduceScatter):
 * per-rank input validation and the element-wise reduction across ranks, whose order and
 * rounding are defined here once and documented in docs/collectives.md.
 *
 * Reduction order: ranks are folded in rank order 0, 1, ..., N-1 (NCCL's order depends on
 * its ring or tree, so no single order is "NCCL's"; a fixed order makes results
 * reproducible). Golden mode keeps the running value in float64 and rounds once into the
 * output dtype. Profiled mode rounds the running value after every step to the profile's
 * reduce accumulation dtype (float64 kept for float64 data, `reductionNumerics`) and to the
 * tensor's own dtype: partial results travel between
 * ranks in the buffer's dtype, and NCCL reduces half types with half arithmetic (`__hadd`,
 * NVIDIA/nccl src/device/reduce_kernel.h).
 */
import { OpError, formatShape } from '../../../errors.js';
import type { DType, FloatDType } from '../../dtype.js';
import { NUMERIC_DTYPES, isFloatDType } from '../../dtype.js';
import { roundToDType } from '../../element-codec.js';
import type { KernelContext } from '../../kernel.js';
import { noRounding, rounderFor, type Rounder } from '../../numerics/accumulate.js';
import { reductionNumerics } from './compute-precision.js';
import { shapesEqual } from '../../shape.js';
import { Tensor } from '../../tensor.js';

export const COLLECTIVE_REDUCTIONS = ['sum', 'prod', 'max', 'min', 'avg'] as const;
export type CollectiveReduction = (typeof COLLECTIVE_REDUCTIONS)[number];

/** Dtypes a reducing collective accepts (NCCL has no bool reduction). */
export const REDUCIBLE_DTYPES: readonly DType[] = NUMERIC_DTYPES;

/**
 * The per-rank inputs: at least one, none missing, all of one shape and dtype (a collective
 * moves `count` elements of one datatype on every rank).
 */
export function rankInputs(op: string, inputs: readonly (Tensor | undefined)[]): Tensor[] {
  if (inputs.length === 0) {
    throw new OpError(op, 'needs one input tensor per rank, got none', { fix: 'pass [x_rank0, x_rank1, ...]' });
  }
  const ranks = inputs.map((t, r) => {
    if (!t) throw new OpError(op, `the input of rank ${r} is missing; every rank must contribute a tensor`);
    return t;
  });
  const first = ranks[0];
  ranks.forEach((t, r) => {
    if (t.dtype !== first.dtype || !shapesEqual(t.shape, first.shape)) {
      throw new OpError(
        op,
        `rank ${r} has ${t.dtype} ${formatShape(t.shape)} but rank 0 has ${first.dtype} ${formatShape(first.shape)}; ` +
          'every rank must contribute a tensor of the same shape and dtype',
      );
    }
  });
  return ranks;
}

export function requireReducibleDType(op: string, t: Tensor): void {
  if (!REDUCIBLE_DTYPES.includes(t.dtype)) {
    throw new OpError(op, `cannot reduce ${t.dtype} tensors; supported: ${REDUCIBLE_DTYPES.join(', ')}`);
  }
}

/** C fmax / fmin, as NCCL's FuncMinMax uses for floats: a NaN operand loses unless both are NaN. */
function fmax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a > b ? a : b;
}

function fmin(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a < b ? a : b;
}

const COMBINE: Readonly<Record<CollectiveReduction, (a: number, b: number) => number>> = {
  sum: (a, b) => a + b,
  avg: (a, b) => a + b,
  prod: (a, b) => a * b,
  max: fmax,
  min: fmin,
};

/** Rounds into the running precision: the accumulation dtype, then the tensor's float dtype. */
function stepRounder(dtype: DType, ctx: KernelContext): Rounder {
  if (ctx.mode === 'golden') return noRounding;
  const toAccumulate = rounderFor(reductionNumerics(dtype, ctx).accumulate);
  const toDType = rounderFor(dtype as FloatDType);
  return (x) => toDType(toAccumulate(x));
}

function reduceFloat(ranks: readonly Tensor[], reduction: CollectiveReduction, ctx: KernelContext): Float64Array {
  const n = ranks.length;
  const dtype = ranks[0].dtype;
  const values = ranks.map((t) => t.toFloat64());
  const out = new Float64Array(values[0].length);
  const golden = ctx.mode === 'golden';
  const round = stepRounder(dtype, ctx);
  // NCCL's ncclAvg on floats pre-multiplies every rank's value by 1/N rounded to the dtype,
  // then sums (FuncPreMulSum; NVIDIA/nccl src/enqueue.cc hostToDevRedOp). Golden divides the sum.
  const scale = reduction === 'avg' && !golden ? roundToDType(1 / n, dtype) : 1;
  const combine = COMBINE[reduction];
  const pre = scale === 1 ? (x: number) => x : (x: number) => round(x * scale);
  for (let i = 0; i < out.length; i++) {
    let acc = round(pre(values[0][i]));
    for (let r = 1; r < n; r++) acc = round(combine(acc, pre(values[r][i])));
    out[i] = reduction === 'avg' && golden ? acc / n : acc;
  }
  return out;
}

/** Wraps an integer-valued number (|x| < 2^53) modulo 2^bits into `dtype`'s range. */
function integerWrapper(dtype: DType): (x: number) => number {
  switch (dtype) {
    case 'int32':
      return (x) => x | 0;
    case 'int16':
      return (x) => ((x | 0) << 16) >> 16;
    case 'int8':
      return (x) => ((x | 0) << 24) >> 24;
    case 'uint8':
      return (x) => x & 0xff;
    default:
      throw new Error(`integerWrapper: ${dtype} is not a 32-bit-or-narrower integer dtype`);
  }
}

/** int8 .. int32 and uint8: exact integer arithmetic, wrapping modulo 2^bits like C on two's complement. */
function reduceSmallInt(ranks: readonly Tensor[], reduction: CollectiveReduction): Float64Array {
  const n = ranks.length;
  const wrap = integerWrapper(ranks[0].dtype);
  const values = ranks.map((t) => t.toFloat64());
  const out = new Float64Array(values[0].length);
  for (let i = 0; i < out.length; i++) {
    let acc = values[0][i];
    for (let r = 1; r < n; r++) {
      const v = values[r][i];
      if (reduction === 'prod') acc = wrap(Math.imul(acc, v));
      else if (reduction === 'max') acc = Math.max(acc, v);
      else if (reduction === 'min') acc = Math.min(acc, v);
      else acc = wrap(acc + v);
    }
    // ncclAvg on integers: wrapped sum, then C division (truncates toward zero), FuncSumPostDiv.
    out[i] = reduction === 'avg' ? Math.trunc(acc / n) : acc;
  }
  return out;
}

function reduceInt64(ranks: readonly Tensor[], reduction: CollectiveReduction): BigInt64Array {
  const n = BigInt(ranks.length);
  const values = ranks.map((t) => t.contiguous().storage as BigInt64Array);
  const out = new BigInt64Array(values[0].length);
  for (let i = 0; i < out.length; i++) {
    let acc = values[0][i];
    for (let r = 1; r < values.length; r++) {
      const v = values[r][i];
      if (reduction === 'prod') acc = BigInt.asIntN(64, acc * v);
      else if (reduction === 'max') acc = v > acc ? v : acc;
      else if (reduction === 'min') acc = v < acc ? v : acc;
      else acc = BigInt.asIntN(64, acc + v);
    }
    out[i] = reduction === 'avg' ? acc / n : acc;
  }
  return out;
}

/** Element-wise reduction of the rank tensors (validated by `rankInputs`), in rank order. */
export function reduceAcrossRanks(
  op: string,
  ranks: readonly Tensor[],
  reduction: CollectiveReduction,
  ctx: KernelContext,
): Tensor {
  const { dtype, shape } = ranks[0];
  requireReducibleDType(op, ranks[0]);
  if (dtype === 'int64') return new Tensor(reduceInt64(ranks, reduction), dtype, shape);
  const values = isFloatDType(dtype) ? reduceFloat(ranks, reduction, ctx) : reduceSmallInt(ranks, reduction);
  return Tensor.fromNumbers(values, shape, dtype);
}
