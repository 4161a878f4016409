import { describe, expect, it } from 'vitest';
import { numberToFloat16Bits, float16BitsToNumber } from '../../src/runtime/numerics/half-bits.js';
import { tensorMetrics } from '../../src/verify/metrics.js';
import { ulpDistance } from '../../src/verify/ulp-distance.js';
import { checkWithin } from '../../src/verify/tolerance-check.js';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('tensorMetrics', () => {
  it('computes every metric on a crafted pair (exact arithmetic, so exact expectations)', () => {
    // errors: 0, 0.5, -1, 2 against 1, 2, 4, 8 -> relative 0, 0.25, 0.25, 0.25
    const m = tensorMetrics(f64(1, 2.5, 3, 10), f64(1, 2, 4, 8), 'float64');
    expect(m.count).toBe(4);
    expect(m.maxAbsError).toBe(2);
    expect(m.worstIndex).toBe(3);
    expect(m.maxRelError).toBe(0.25);
    expect(m.meanAbsError).toBe(3.5 / 4);
    expect(m.rmse).toBeCloseTo(Math.sqrt((0.25 + 1 + 4) / 4), 15);
    const dot = 1 + 5 + 12 + 80;
    expect(m.cosine).toBeCloseTo(dot / Math.sqrt((1 + 6.25 + 9 + 100) * (1 + 4 + 16 + 64)), 15);
    expect(m.shareRelAbove1e3).toBe(0.75);
    expect(m.shareRelAbove5e3).toBe(0.75);
    expect(m.nonFinite).toEqual({ nan: 0, inf: 0, firstIndex: null });
  });

  it('splits relative-error shares at 1/1000 and 5/1000', () => {
    const m = tensorMetrics(f64(1.0005, 1.002, 1.01, 1), f64(1, 1, 1, 1), 'float64');
    expect(m.shareRelAbove1e3).toBe(0.5); // 2e-3 and 1e-2
    expect(m.shareRelAbove5e3).toBe(0.25); // 1e-2 only
  });

  it('gives an infinite relative error where only the reference is zero', () => {
    expect(tensorMetrics(f64(0, 1e-9), f64(0, 0), 'float64').maxRelError).toBe(Infinity);
    expect(tensorMetrics(f64(0, 0), f64(0, 0), 'float64').maxRelError).toBe(0);
  });

  it('counts NaN and infinity mismatches apart, with the first index, and keeps them out of finite statistics', () => {
    const m = tensorMetrics(f64(NaN, 1, Infinity, 5, NaN, -Infinity), f64(NaN, NaN, Infinity, 4, 2, Infinity), 'float32');
    expect(m.nonFinite).toEqual({ nan: 2, inf: 1, firstIndex: 1 });
    // Only index 3 is a finite pair.
    expect(m.maxAbsError).toBe(1);
    expect(m.meanAbsError).toBe(1);
    expect(m.worstIndex).toBe(3);
  });

  it('handles empty tensors and all-zero vectors', () => {
    const empty = tensorMetrics(new Float64Array(0), new Float64Array(0), 'float32');
    expect(empty).toMatchObject({ count: 0, maxAbsError: 0, meanAbsError: 0, rmse: 0, cosine: 1, maxUlp: 0, worstIndex: null });
    expect(tensorMetrics(f64(0, 0), f64(0, 0), 'float32').cosine).toBe(1);
    expect(tensorMetrics(f64(0, 0), f64(1, 0), 'float32').cosine).toBe(0);
  });

  it('rejects tensors of different lengths', () => {
    expect(() => tensorMetrics(f64(1), f64(1, 2), 'float32')).toThrow(/1 actual values against 2/);
  });
});

describe('ulpDistance', () => {
  const nextFp16 = (x: number) => float16BitsToNumber(numberToFloat16Bits(x) + 1);

  it('counts float16 steps, across binades and across zero', () => {
    expect(ulpDistance(1, nextFp16(1), 'float16')).toBe(1);
    expect(ulpDistance(1, nextFp16(nextFp16(1)), 'float16')).toBe(2);
    // Below 1 the spacing halves: 1 - 2^-11 is one step below 1.
    expect(ulpDistance(1, 1 - 2 ** -11, 'float16')).toBe(1);
    const tiny = 2 ** -24; // smallest float16 subnormal
    expect(ulpDistance(-tiny, tiny, 'float16')).toBe(2);
    expect(ulpDistance(-0, 0, 'float16')).toBe(0);
    expect(ulpDistance(65504, Infinity, 'float16')).toBe(1);
  });

  it('counts float32, bfloat16 and float64 steps', () => {
    expect(ulpDistance(1, 1 + 2 ** -23, 'float32')).toBe(1);
    expect(ulpDistance(1, 1 + 2 ** -21, 'float32')).toBe(4);
    expect(ulpDistance(1, 1 + 2 ** -7, 'bfloat16')).toBe(1);
    expect(ulpDistance(1, 1 + 2 ** -52, 'float64')).toBe(1);
    expect(ulpDistance(-1, 1, 'float64')).toBe(2 * 0x3ff0000000000000);
  });

  it('is the metric reported as maxUlp, in the given dtype', () => {
    expect(tensorMetrics(f64(1, nextFp16(1)), f64(nextFp16(nextFp16(1)), 1), 'float16').maxUlp).toBe(2);
    expect(tensorMetrics(f64(3, 7), f64(5, 7), 'int32').maxUlp).toBe(2);
  });
});

describe('checkWithin', () => {
  it('is assert_close: |a - e| <= atol + rtol·|e|, NaN only against NaN', () => {
    const tol = { rtol: 0.1, atol: 0.01 };
    expect(checkWithin(f64(1.1, 0.01), f64(1, 0), tol).ok).toBe(true);
    const over = checkWithin(f64(1, 1.2), f64(1, 1), tol);
    expect(over).toMatchObject({ ok: false, violations: 1, firstViolation: 1 });
    expect(over.worstRatio).toBeCloseTo(0.2 / 0.11, 12);
    expect(checkWithin(f64(NaN, Infinity), f64(NaN, Infinity), tol).ok).toBe(true);
    expect(checkWithin(f64(NaN), f64(1), tol)).toMatchObject({ ok: false, worstRatio: Infinity });
    expect(checkWithin(f64(Infinity), f64(-Infinity), tol).ok).toBe(false);
  });

  it('adds the element-wise magnitude term of a widening', () => {
    const bound = { rtol: 0, atol: 0, magnitude: { coefficient: 0.5, values: f64(2, 0), basis: 'Σ|a||b|' } };
    expect(checkWithin(f64(1.9, 0), f64(1, 0), bound).ok).toBe(true); // 0.9 <= 0.5·2
    expect(checkWithin(f64(1, 1e-30), f64(1, 0), bound).ok).toBe(false); // no magnitude at index 1
  });
});
