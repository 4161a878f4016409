/**
 * Statistics of the normalisation kernels (LayerNormalization, GroupNormalization,
 * RMSNormalization), one lane (a strided run of elements) at a time.
 *
 * Sums go through `sumStrided` under the profile's reduction numerics; every materialised
 * statistic (mean, deviations, variance, standard deviation) is rounded by `round`, the
 * precision the operator's `stash_type` pins (identity in golden mode).
 *
 * The variance is computed in two passes, mean first and then the mean squared deviation.
 * ONNX's function bodies write it as E[x²] − E[x]², which cancels catastrophically when the
 * variance is small next to the mean (e.g. values near 1e4 that differ in the 4th decimal);
 * the reference runtime must be accurate there, and careful kernels use two passes or Welford.
 */
import { OpError } from '../../../errors.js';
import type { AttributeReader } from '../../attribute-reader.js';
import type { FloatDType } from '../../dtype.js';
import type { KernelContext } from '../../kernel.js';
import { sumStrided, type Rounder } from '../../numerics/accumulate.js';
import type { ReductionNumerics } from '../../numerics/numeric-profile.js';
import { normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { pinnedRounder, reductionNumerics } from './compute-precision.js';

export interface StatisticsNumerics {
  readonly reduce: ReductionNumerics;
  /** Rounding into the stash dtype. */
  readonly round: Rounder;
}

export interface LaneMoments {
  readonly mean: number;
  readonly variance: number;
}

/**
 * Mean and (population) variance of `values[start + i*stride]`, i < count. Writes the
 * rounded deviations x - mean into `deviations` at the same positions (the normalised
 * output is computed from them). An empty lane has NaN statistics (0 / 0).
 */
export function laneMoments(
  values: ArrayLike<number>,
  start: number,
  count: number,
  stride: number,
  numerics: StatisticsNumerics,
  deviations: Float64Array,
): LaneMoments {
  const { round } = numerics;
  const mean = round(sumStrided(values, start, count, stride, numerics.reduce) / count);
  const squares = new Float64Array(count);
  for (let i = 0, p = start; i < count; i++, p += stride) {
    const d = round(values[p] - mean);
    deviations[p] = d;
    squares[i] = round(d * d);
  }
  const variance = round(sumStrided(squares, 0, count, 1, numerics.reduce) / count);
  return { mean, variance };
}

/** Mean of the squares of `values[start + i*stride]` (RMSNormalization). */
export function laneMeanSquare(
  values: ArrayLike<number>,
  start: number,
  count: number,
  stride: number,
  numerics: StatisticsNumerics,
): number {
  const { round } = numerics;
  const squares = new Float64Array(count);
  for (let i = 0, p = start; i < count; i++, p += stride) squares[i] = round(values[p] * values[p]);
  return round(sumStrided(squares, 0, count, 1, numerics.reduce) / count);
}

/** sqrt(variance + epsilon), each step rounded into the stash dtype. */
export function standardDeviation(variance: number, epsilon: number, round: Rounder): number {
  return round(Math.sqrt(round(variance + epsilon)));
}

/** The values of `values` as the stash dtype holds them (`Cast(X, to=stash_type)`). */
export function castToStash(values: Float64Array, round: Rounder): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = round(values[i]);
  return values;
}

/**
 * The statistics numerics of a normalisation whose `stash_type` is `stash`: sums under the
 * profile's reduction numerics for that dtype, every statistic rounded into it (none in golden
 * mode).
 */
export function statisticsNumerics(stash: FloatDType, ctx: KernelContext): StatisticsNumerics {
  return { reduce: reductionNumerics(stash, ctx), round: pinnedRounder(stash, ctx) };
}

export interface StatisticsAttributes {
  /** `epsilon` (default 1e-5) as the float32 value an ONNX FLOAT attribute holds. */
  readonly epsilon: number;
  /** `stash_type` (default 1 = float32), one of the dtypes the operator accepts. */
  readonly stash: FloatDType;
}

/** `epsilon` and `stash_type` of LayerNormalization, GroupNormalization and RMSNormalization. */
export function readStatisticsAttributes(reader: AttributeReader, stashTypes: readonly FloatDType[]): StatisticsAttributes {
  return { epsilon: readEpsilon(reader), stash: reader.dtype('stash_type', 'float32', stashTypes) };
}

/** Reads `epsilon` (default 1e-5) as the float32 value an ONNX float attribute holds. */
export function readEpsilon(reader: AttributeReader): number {
  return reader.float32('epsilon', 1e-5);
}

/** The first normalised axis of X (LayerNormalization, RMSNormalization: `axis` to the last). */
export function firstNormalizedAxis(op: string, x: Tensor, axis: number): number {
  if (x.rank === 0) {
    throw new OpError(op, 'X is a scalar (shape []); there is no axis to normalise', { fix: 'reshape X to [1] or more dimensions' });
  }
  return normalizeAxis(axis, x.rank, op);
}
