import { describe, expect, it } from 'vitest';
import { rounderFor } from '../../../src/runtime/numerics/accumulate.js';
import { PhiloxStream } from '../../../src/runtime/random/philox-stream.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { ksCritical, ksStatistic, mean, normalCdf, variance } from '../random/sample-statistics.js';

// ONNX leaves RandomNormal's generator unspecified (ONNX Runtime's values differ), so the
// tests check the documented closed form against the Philox stream, and the distribution.

describe('RandomNormal', () => {
  it('is mean + scale * z with z the curand_normal sequence of the seeded stream', () => {
    const [y] = runOp('RandomNormal', [], { shape: [2, 3], seed: 8, mean: 1.5, scale: 0.25 });
    expect(y.dtype).toBe('float32');
    const z = new PhiloxStream(8).normal(6, 'float32');
    expect(y.toFlatArray()).toEqual(Array.from(z, (v) => Math.fround(1.5 + 0.25 * v)));
  });

  it.each([
    [10, 'float16'],
    [16, 'bfloat16'],
    [11, 'float64'],
  ] as const)('dtype %j gives %s', (dtype, expected) => {
    const [y] = runOp('RandomNormal', [], { shape: [7], seed: 2, dtype });
    expect(y.dtype).toBe(expected);
    const z = new PhiloxStream(2).normal(7, expected === 'float64' ? 'float64' : 'float32');
    expect(y.toFlatArray()).toEqual(Array.from(z, rounderFor(expected)));
  });

  it('gives element i the same value whatever the total count (pairs are fixed)', () => {
    const five = runOp('RandomNormal', [], { shape: [5], seed: 4 })[0].toFlatArray();
    const six = runOp('RandomNormal', [], { shape: [6], seed: 4 })[0].toFlatArray();
    expect(five).toEqual(six.slice(0, 5));
  });

  it('offset 2j (float32; 4j for float64) continues the offset-0 sequence from element 2j', () => {
    // Exact: the same pairs from the same draws. Offset 6 starts mid Philox block.
    const whole = runOp('RandomNormal', [], { shape: [20], seed: 31, mean: 1, scale: 3 })[0].toFlatArray();
    for (const j of [1, 2, 3, 8]) {
      const tail = runOp('RandomNormal', [], { shape: [20 - 2 * j], seed: 31, mean: 1, scale: 3, offset: 2 * j })[0].toFlatArray();
      expect(tail).toEqual(whole.slice(2 * j));
    }
    const whole64 = runOp('RandomNormal', [], { shape: [10], seed: 31, dtype: 11 })[0].toFlatArray();
    expect(runOp('RandomNormal', [], { shape: [6], seed: 31, dtype: 11, offset: 8 })[0].toFlatArray()).toEqual(whole64.slice(4));
  });

  it('an odd offset pairs draws differently: z comes from draws offset + 2k, offset + 2k + 1', () => {
    const [y] = runOp('RandomNormal', [], { shape: [6], seed: 31, offset: 1 });
    expect(y.toFlatArray()).toEqual(Array.from(new PhiloxStream(31, { offset: 1 }).normal(6, 'float32')));
    const atZero = runOp('RandomNormal', [], { shape: [6], seed: 31 })[0].toFlatArray();
    expect(y.toFlatArray()).not.toEqual(atZero);
    expect(runOp('RandomNormal', [], { shape: [6], seed: 31, offset: 0 })[0].toFlatArray()).toEqual(atZero);
  });

  it('is deterministic per seed and uses the run seed when the attribute is absent', () => {
    const a = runOp('RandomNormal', [], { shape: [16], seed: 12 })[0].toFlatArray();
    expect(runOp('RandomNormal', [], { shape: [16] }, { seed: 12 })[0].toFlatArray()).toEqual(a);
    expect(runOp('RandomNormal', [], { shape: [16], seed: 13 })[0].toFlatArray()).not.toEqual(a);
  });

  it.each([1, 11] as const)('dtype %i is N(mean, scale^2) (fixed seed; 5 standard errors, KS at alpha = 0.001)', (dtype) => {
    const n = 1 << 16;
    const [y] = runOp('RandomNormal', [], { shape: [n], seed: 2718, mean: -3, scale: 2, dtype });
    const values = y.toFloat64();
    expect(Math.abs(mean(values) + 3)).toBeLessThan(5 * (2 / Math.sqrt(n)));
    // Var of the sample variance of N(mu, s^2) is 2 s^4 / n.
    expect(Math.abs(variance(values) - 4)).toBeLessThan(5 * Math.sqrt((2 * 16) / n));
    expect(ksStatistic(values, (x) => normalCdf(x, -3, 2))).toBeLessThan(ksCritical(n));
  });

  it('rejects bad attributes with the operator named', () => {
    expect(() => runOp('RandomNormal', [], { seed: 1 })).toThrow(/RandomNormal: attribute 'shape' is required/);
    expect(() => runOp('RandomNormal', [], { shape: [1], scale: NaN })).toThrow(/finite mean and scale/);
    expect(() => runOp('RandomNormal', [], { shape: [1], dtype: 6 })).toThrow(/selects int32/);
    expect(() => runOp('RandomNormal', [], { shape: [1], low: 0 })).toThrow(/unknown attribute 'low'/);
    expect(() => runOp('RandomNormal', [], { shape: [1], offset: -1 })).toThrow(/RandomNormal: attribute 'offset' must be an integer in \[0, 2\^53\)/);
  });
});
