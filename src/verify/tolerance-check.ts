/**
 * The pass test of torch.testing.assert_close, |a − e| ≤ atol + rtol·|e| element by element,
 * optionally with an element-wise magnitude term (coefficient × M[i], e.g. the error bound
 * of a matrix product in terms of Σ|a||b|). NaN matches only NaN and an infinity only the
 * same infinity.
 */
import type { MagnitudeBound } from './profile-widening.js';

export interface Bound {
  readonly rtol: number;
  readonly atol: number;
  readonly magnitude?: MagnitudeBound;
}

export interface ToleranceCheck {
  readonly ok: boolean;
  readonly violations: number;
  readonly firstViolation: number | null;
  /** max over elements of |a − e| / allowed (≤ 1 when ok; Infinity for a non-finite mismatch). */
  readonly worstRatio: number;
}

export function checkWithin(actual: Float64Array, expected: Float64Array, bound: Bound): ToleranceCheck {
  let violations = 0;
  let first: number | null = null;
  let worst = 0;
  const mag = bound.magnitude;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    let ratio: number;
    if (Number.isNaN(a) || Number.isNaN(e)) ratio = Number.isNaN(a) && Number.isNaN(e) ? 0 : Infinity;
    else if (!Number.isFinite(a) || !Number.isFinite(e)) ratio = a === e ? 0 : Infinity;
    else {
      const diff = Math.abs(a - e);
      if (diff === 0) continue;
      const extra = mag && mag.values[i] !== 0 ? mag.coefficient * mag.values[i] : 0;
      const allowed = bound.atol + bound.rtol * Math.abs(e) + extra;
      ratio = allowed > 0 ? diff / allowed : Infinity;
    }
    if (ratio > worst) worst = ratio;
    if (ratio > 1) {
      violations++;
      first ??= i;
    }
  }
  return { ok: violations === 0, violations, firstViolation: first, worstRatio: worst };
}
