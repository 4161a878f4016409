/**
 * Accuracy metrics of one tensor against a reference, as Huawei's msprobe and PyTorch report
 * them: max absolute error, max relative error, mean absolute error, RMSE, cosine
 * similarity, max ULP distance, and the share of elements beyond 1/1000 and 5/1000 relative
 * error. NaN and infinity mismatches are counted apart (with the first index) and finite
 * statistics use only the positions where both values are finite.
 */
import type { DType } from '../runtime/dtype.js';
import { ulpDistance } from './ulp-distance.js';

export interface NonFiniteMismatch {
  /** Positions where exactly one side is NaN. */
  readonly nan: number;
  /** Positions where one side is ±Inf and the other is not the same infinity (and neither is NaN). */
  readonly inf: number;
  /** First position of either kind, or null. */
  readonly firstIndex: number | null;
}

export interface TensorMetrics {
  /** Elements compared (both sides have the same count). */
  readonly count: number;
  readonly maxAbsError: number;
  /** |a − e| / |e|; where e = 0 it is 0 if a = 0, else Infinity. */
  readonly maxRelError: number;
  readonly meanAbsError: number;
  readonly rmse: number;
  /** 1 when both are all zeros (or empty), 0 when exactly one is. */
  readonly cosine: number;
  /** In `ulpDType`, the reference rounded to it. */
  readonly maxUlp: number;
  readonly ulpDType: DType;
  /** Share (0..1) of finite elements whose relative error exceeds 0.001 (msprobe's one-thousandth ratio is 1 minus this). */
  readonly shareRelAbove1e3: number;
  /** Share of finite elements whose relative error exceeds 0.005. */
  readonly shareRelAbove5e3: number;
  /** Position of the largest absolute error (finite pairs), or null. */
  readonly worstIndex: number | null;
  readonly nonFinite: NonFiniteMismatch;
}

/**
 * Compares `actual` with `expected` (same length, already decoded to float64). `ulpDType` is
 * the dtype in which ULPs are counted.
 */
export function tensorMetrics(actual: Float64Array, expected: Float64Array, ulpDType: DType): TensorMetrics {
  if (actual.length !== expected.length) {
    throw new RangeError(`tensorMetrics: ${actual.length} actual values against ${expected.length} expected`);
  }
  let finite = 0;
  let maxAbs = 0;
  let maxRel = 0;
  let sumAbs = 0;
  let sumSq = 0;
  let dot = 0;
  let normA = 0;
  let normE = 0;
  let maxUlp = 0;
  let above1e3 = 0;
  let above5e3 = 0;
  let worst: number | null = null;
  let nan = 0;
  let inf = 0;
  let firstNonFinite: number | null = null;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    const aNaN = Number.isNaN(a);
    const eNaN = Number.isNaN(e);
    if (aNaN || eNaN) {
      if (aNaN !== eNaN) {
        nan++;
        firstNonFinite ??= i;
      }
      continue;
    }
    if (!Number.isFinite(a) || !Number.isFinite(e)) {
      if (a !== e) {
        inf++;
        firstNonFinite ??= i;
      }
      continue;
    }
    finite++;
    const diff = Math.abs(a - e);
    if (worst === null || diff > maxAbs) {
      maxAbs = diff;
      worst = i;
    }
    const rel = e === 0 ? (a === 0 ? 0 : Infinity) : diff / Math.abs(e);
    if (rel > maxRel) maxRel = rel;
    if (rel > 1e-3) above1e3++;
    if (rel > 5e-3) above5e3++;
    sumAbs += diff;
    sumSq += diff * diff;
    dot += a * e;
    normA += a * a;
    normE += e * e;
    if (diff !== 0) {
      const ulps = ulpDistance(a, e, ulpDType);
      if (ulps > maxUlp) maxUlp = ulps;
    }
  }
  return {
    count: actual.length,
    maxAbsError: maxAbs,
    maxRelError: maxRel,
    meanAbsError: finite ? sumAbs / finite : 0,
    rmse: finite ? Math.sqrt(sumSq / finite) : 0,
    cosine: cosineOf(dot, normA, normE),
    maxUlp,
    ulpDType,
    shareRelAbove1e3: finite ? above1e3 / finite : 0,
    shareRelAbove5e3: finite ? above5e3 / finite : 0,
    worstIndex: worst,
    nonFinite: { nan, inf, firstIndex: firstNonFinite },
  };
}

function cosineOf(dot: number, normA: number, normE: number): number {
  if (normA === 0 && normE === 0) return 1;
  if (normA === 0 || normE === 0) return 0;
  // Guard against rounding pushing |cos| a hair above 1.
  return Math.max(-1, Math.min(1, dot / Math.sqrt(normA * normE)));
}

export function hasNonFiniteMismatch(m: TensorMetrics): boolean {
  return m.nonFinite.nan + m.nonFinite.inf > 0;
}
