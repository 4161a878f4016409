/**
 * Summation under a profile's accumulation dtype and order. Every kernel that sums (matrix
 * products, reductions, normalisation statistics, softmax) goes through these so that the
 * order of rounding is defined in one place.
 */
import { BF16, FP16, roundToFormat } from './float-format.js';
import type { AccumulateDType, ReductionNumerics } from './numeric-profile.js';

export type Rounder = (x: number) => number;

/** The rounder that keeps float64 values as they are (golden intermediates, float64 sums). */
export const noRounding: Rounder = (x) => x;
const toFloat16: Rounder = (x) => roundToFormat(x, FP16);
const toBfloat16: Rounder = (x) => roundToFormat(x, BF16);

/** The function that rounds a value into the accumulation dtype. */
export function rounderFor(dtype: AccumulateDType): Rounder {
  switch (dtype) {
    case 'float64':
      return noRounding;
    case 'float32':
      return Math.fround;
    case 'float16':
      return toFloat16;
    case 'bfloat16':
      return toBfloat16;
  }
}

/**
 * Sum of `count` values `data[start + i*stride]` under `numerics`. The accumulator starts at
 * +0 (so an all -0 input sums to +0, as IEEE summation from zero does).
 */
export function sumStrided(
  data: ArrayLike<number>,
  start: number,
  count: number,
  stride: number,
  numerics: ReductionNumerics,
): number {
  const round = rounderFor(numerics.accumulate);
  switch (numerics.order) {
    case 'sequential':
      return sequentialSum(data, start, count, stride, round);
    case 'blocked':
      return blockedSum(data, start, count, stride, numerics.blockSize ?? 256, round);
    case 'pairwise':
      return pairwiseSum(data, start, count, stride, Math.max(1, numerics.blockSize ?? 1), round);
  }
}

function sequentialSum(data: ArrayLike<number>, start: number, count: number, stride: number, round: Rounder): number {
  let acc = 0;
  if (round === noRounding) {
    for (let i = 0, p = start; i < count; i++, p += stride) acc += data[p];
    return acc;
  }
  for (let i = 0, p = start; i < count; i++, p += stride) acc = round(acc + data[p]);
  return acc;
}

function blockedSum(
  data: ArrayLike<number>,
  start: number,
  count: number,
  stride: number,
  blockSize: number,
  round: Rounder,
): number {
  let total = 0;
  for (let b = 0; b < count; b += blockSize) {
    const n = Math.min(blockSize, count - b);
    total = round(total + sequentialSum(data, start + b * stride, n, stride, round));
  }
  return total;
}

function pairwiseSum(
  data: ArrayLike<number>,
  start: number,
  count: number,
  stride: number,
  leaf: number,
  round: Rounder,
): number {
  if (count <= leaf) return sequentialSum(data, start, count, stride, round);
  const half = Math.floor(count / 2);
  const left = pairwiseSum(data, start, half, stride, leaf, round);
  const right = pairwiseSum(data, start + half * stride, count - half, stride, leaf, round);
  return round(left + right);
}

/** Sum of a plain array under `numerics` (convenience over `sumStrided`). */
export function sumValues(values: ArrayLike<number>, numerics: ReductionNumerics): number {
  return sumStrided(values, 0, values.length, 1, numerics);
}
