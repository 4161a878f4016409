/**
 * Verdicts. A row is compared three ways (compare-values.ts); its verdict attributes any
 * difference to the port's semantics or to the target's documented precision:
 *
 * 1. golden port ≠ golden original (beyond the strict tolerance): the port computes a
 *    different value → fail, whatever the profiles;
 * 2. port within the strict tolerance of the golden reference → pass;
 * 3. otherwise the difference comes from numerics. For an operator call, its own error
 *    (own-error.ts) decides: within its profile's documented bound → warn; beyond it → fail;
 *    not measurable → warn, saying so. For copies and outputs (no call of their own) → warn.
 *
 * A port that stores a value in a coarser dtype than the original never passes: warn at best.
 */
import { fmt } from './format-number.js';
import type { OwnError } from './own-error.js';
import type { TensorMetrics } from './metrics.js';
import type { ProfileLookup } from './trace-profile.js';
import type { RowVerdict, ValueComparison } from './verify-report.js';

export interface Judgement {
  readonly verdict: RowVerdict;
  readonly reason: string;
}

export function describeMetrics(m: TensorMetrics): string {
  const nonFinite = m.nonFinite.nan + m.nonFinite.inf;
  const nf = nonFinite ? `; ${m.nonFinite.nan} NaN and ${m.nonFinite.inf} Inf mismatches, first at [${m.nonFinite.firstIndex}]` : '';
  return `max abs ${fmt(m.maxAbsError)}, max rel ${fmt(m.maxRelError)}, cosine ${m.cosine.toFixed(6)}${nf}`;
}

function semanticFailure(c: ValueComparison): Judgement {
  return {
    verdict: 'fail',
    reason: `the port computes a different value: with precision removed (both golden runs) it differs by ${describeMetrics(c.semantic)}, beyond rtol ${fmt(c.tolerance.rtol)} atol ${fmt(c.tolerance.atol)}`,
  };
}

function dtypeNote(c: ValueComparison): string | undefined {
  return c.dtype !== c.referenceDType ? `the port stores ${c.dtype} where the original stores ${c.referenceDType}` : undefined;
}

function originalNote(c: ValueComparison): string {
  if (!c.original || c.originalWithinStrict) return '';
  return `; the original itself deviates by max abs ${fmt(c.original.maxAbsError)} under its own profile`;
}

/** Verdict for a named output or a device-to-host copy. */
export function judgeValue(c: ValueComparison): Judgement {
  if (!c.semanticWithinStrict) return semanticFailure(c);
  const note = dtypeNote(c);
  if (c.withinStrict) {
    return note ? { verdict: 'warn', reason: `${note}; within the strict tolerance otherwise` } : { verdict: 'pass', reason: `within rtol ${fmt(c.tolerance.rtol)} atol ${fmt(c.tolerance.atol)} of the golden reference` };
  }
  return {
    verdict: 'warn',
    reason: `semantics agree (golden runs match); the deviation (${describeMetrics(c.metrics)}) comes from the numeric profiles${originalNote(c)}${note ? `; ${note}` : ''}`,
  };
}

export interface PortedCallError {
  readonly symbol: string;
  readonly own: OwnError;
  readonly profile: ProfileLookup;
  readonly profileId: string;
}

/** Verdict for an aligned operator unit, given its compared values and the own error of each ported call. */
export function judgeOp(values: readonly ValueComparison[], calls: readonly PortedCallError[]): Judgement {
  const semantic = values.find((c) => !c.semanticWithinStrict);
  if (semantic) return semanticFailure(semantic);
  const note = values.map(dtypeNote).find((n) => n !== undefined);
  if (values.every((c) => c.withinStrict)) {
    const c = values[0];
    if (note) return { verdict: 'warn', reason: `${note}; within the strict tolerance otherwise` };
    return { verdict: 'pass', reason: c ? `within rtol ${fmt(c.tolerance.rtol)} atol ${fmt(c.tolerance.atol)} of the golden reference` : 'no outputs recorded' };
  }
  const worst = values.find((c) => !c.withinStrict)!;
  const deviation = `deviation ${describeMetrics(worst.metrics)}`;
  const suffix = `${originalNote(worst)}${note ? `; ${note}` : ''}`;
  for (const call of calls) {
    const own = call.own;
    if (own.status !== 'measured' || own.strict.ok) continue;
    if (!call.profile.ok) {
      return {
        verdict: 'fail',
        reason: `${call.symbol}'s own error (${describeMetrics(own.metrics)}) exceeds the strict tolerance and its profile is unknown, so it cannot be called documented precision: ${call.profile.reason}`,
      };
    }
    if (own.widened && !own.widened.ok) {
      return {
        verdict: 'fail',
        reason: `${call.symbol}'s own error (${describeMetrics(own.metrics)}) is ${fmt(own.widened.worstRatio)}× the bound ${call.profileId} documents (${own.widening?.reasons.join('; ') || 'no widening applies'})`,
      };
    }
  }
  const measured = calls.filter((c) => c.own.status === 'measured');
  const unavailable = calls.find((c) => c.own.status === 'unavailable');
  if (unavailable && unavailable.own.status === 'unavailable') {
    return { verdict: 'warn', reason: `semantics agree; ${deviation}; own error not measurable (${unavailable.own.reason}), so it is attributed to the numeric profiles${suffix}` };
  }
  const documented = measured.find((c) => c.own.status === 'measured' && !c.own.strict.ok);
  if (documented && documented.own.status === 'measured') {
    return {
      verdict: 'warn',
      reason: `semantics agree; ${deviation}, within the precision ${documented.profileId} documents (${documented.own.widening?.reasons.join('; ')})${suffix}`,
    };
  }
  return {
    verdict: 'warn',
    reason: `semantics agree; this call's own error is within the strict tolerance, so the ${deviation} is inherited from earlier calls' documented precision${suffix}`,
  };
}
