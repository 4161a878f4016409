/**
 * One value of the port compared with the original: the ported profiled result against the
 * original's golden result (the deviation), the ported golden result against the original's
 * golden result (semantics alone: precision is absent from both), and the original's own
 * profiled result against its golden result (the original's precision, for attribution).
 */
import { fromTensorData, type TensorData } from '../runtime/tensor-transfer.js';
import { coarserDType } from './dtype-precision.js';
import { tensorMetrics } from './metrics.js';
import { checkWithin } from './tolerance-check.js';
import type { StrictTolerance } from './tolerance.js';
import type { ValueComparison } from './verify-report.js';

export interface ValueSet {
  /** The original's golden result: the reference. */
  readonly reference: TensorData;
  /** The port's profiled result: what is judged. */
  readonly ported: TensorData;
  /** The port's golden result. */
  readonly portedGolden: TensorData;
  /** The original's profiled result, when the runs line up. */
  readonly original?: TensorData;
}

const decoded = new WeakMap<TensorData, Float64Array>();

/** Float64 values of traced data (cached: alignment and comparison read the same records). */
export function valuesOf(data: TensorData): Float64Array {
  let v = decoded.get(data);
  if (!v) decoded.set(data, (v = fromTensorData(data).toFloat64()));
  return v;
}

export function elementCount(data: TensorData): number {
  return data.shape.reduce((a, b) => a * b, 1);
}

/** The comparison, or why the two cannot be compared (different element counts). */
export function compareValues(set: ValueSet, tolerance: (dtype: ValueComparison['dtype']) => StrictTolerance): ValueComparison | string {
  const count = elementCount(set.reference);
  for (const [what, data] of [['ported', set.ported], ['ported golden', set.portedGolden]] as const) {
    if (elementCount(data) !== count) {
      return `the ${what} result has ${elementCount(data)} elements [${data.shape.join(', ')}] where the original has ${count} [${set.reference.shape.join(', ')}]`;
    }
  }
  const dtype = coarserDType(set.ported.dtype, set.reference.dtype);
  const strict = tolerance(dtype);
  const reference = valuesOf(set.reference);
  const ported = valuesOf(set.ported);
  const portedGolden = valuesOf(set.portedGolden);
  const original = set.original && elementCount(set.original) === count ? valuesOf(set.original) : undefined;
  return {
    dtype: set.ported.dtype,
    referenceDType: set.reference.dtype,
    shape: [...set.ported.shape],
    metrics: tensorMetrics(ported, reference, dtype),
    semantic: tensorMetrics(portedGolden, reference, dtype),
    original: original ? tensorMetrics(original, reference, coarserDType(set.original!.dtype, set.reference.dtype)) : null,
    tolerance: strict,
    withinStrict: checkWithin(ported, reference, strict).ok,
    semanticWithinStrict: checkWithin(portedGolden, reference, strict).ok,
    originalWithinStrict: original ? checkWithin(original, reference, strict).ok : null,
  };
}

/**
 * Whether two golden results are the same value for alignment purposes: same element count,
 * the same NaN / infinity positions, and a relative L2 difference of at most 1e-2. Loose on
 * purpose: it only decides pairing, the verdict applies the strict tolerance.
 */
export function goldenAgree(a: TensorData | undefined, b: TensorData | undefined): boolean {
  if (!a || !b || elementCount(a) !== elementCount(b)) return false;
  const x = valuesOf(a);
  const y = valuesOf(b);
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (!Number.isFinite(p) || !Number.isFinite(q)) {
      if (!(Object.is(p, q) || (Number.isNaN(p) && Number.isNaN(q)) || p === q)) return false;
      continue;
    }
    diff += (p - q) * (p - q);
    norm += q * q;
  }
  return diff <= 1e-4 * norm;
}
