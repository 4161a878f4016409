import { describe, expect, it } from 'vitest';
import { rounderFor } from '../../../src/runtime/numerics/accumulate.js';
import { PhiloxStream } from '../../../src/runtime/random/philox-stream.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { ksCritical, ksStatistic, mean, uniformCdf } from '../random/sample-statistics.js';

// ONNX leaves RandomUniform's generator unspecified (ONNX Runtime's values differ), so the
// tests check the documented closed form against the Philox stream, and the distribution.

describe('RandomUniform', () => {
  it('defaults to float32 on [0, 1) from draw i of the seeded stream', () => {
    const [y] = runOp('RandomUniform', [], { shape: [3, 5], seed: 42 });
    expect(y.dtype).toBe('float32');
    expect(y.shape).toEqual([3, 5]);
    const u = new PhiloxStream(42).uniform(15, 'float32');
    // Exact: u is a float32 and low + 1 * u needs no rounding.
    expect(y.toFlatArray()).toEqual(Array.from(u, (x) => (x === 1 ? 0 : x)));
  });

  it('scales to [low, high) in float64 and rounds once into the dtype', () => {
    const [y] = runOp('RandomUniform', [], { shape: [64], seed: 3, low: -2.5, high: 7 });
    const u = new PhiloxStream(3).uniform(64, 'float32');
    expect(y.toFlatArray()).toEqual(Array.from(u, (x) => Math.fround(-2.5 + 9.5 * x)));
    expect(y.toFlatArray().every((v) => v >= -2.5 && v < 7)).toBe(true);
  });

  it.each([
    [10, 'float16'],
    [11, 'float64'],
    [16, 'bfloat16'],
    [1, 'float32'],
    ['float64', 'float64'],
  ] as const)('dtype %j gives %s', (dtype, expected) => {
    const [y] = runOp('RandomUniform', [], { shape: [8], seed: 5, dtype, low: -1, high: 1 });
    expect(y.dtype).toBe(expected);
    const u = new PhiloxStream(5).uniform(8, expected === 'float64' ? 'float64' : 'float32');
    const round = rounderFor(expected);
    expect(y.toFlatArray()).toEqual(Array.from(u, (x) => round(-1 + 2 * x)));
  });

  it('wraps values that round onto high back to low, so high is never returned', () => {
    // high is the next float32 after low: about half the draws round up onto high.
    const high = 1 + 2 ** -23;
    const [y] = runOp('RandomUniform', [], { shape: [256], seed: 1, low: 1, high });
    expect(y.toFlatArray().every((v) => v === 1)).toBe(true);
    const [same] = runOp('RandomUniform', [], { shape: [4], seed: 1, low: 2, high: 2 });
    expect(same.toFlatArray()).toEqual([2, 2, 2, 2]);
  });

  it('is deterministic per seed, uses the run seed when the attribute is absent', () => {
    const a = runOp('RandomUniform', [], { shape: [32], seed: 9 })[0].toFlatArray();
    expect(runOp('RandomUniform', [], { shape: [32], seed: 9 })[0].toFlatArray()).toEqual(a);
    expect(runOp('RandomUniform', [], { shape: [32], seed: 10 })[0].toFlatArray()).not.toEqual(a);
    expect(runOp('RandomUniform', [], { shape: [32] }, { seed: 9 })[0].toFlatArray()).toEqual(a);
    expect(runOp('RandomUniform', [], { shape: [32] })[0].toFlatArray()).toEqual(
      runOp('RandomUniform', [], { shape: [32], seed: 0 })[0].toFlatArray(),
    );
    // A fractional seed is its own stream, not the truncated integer's.
    expect(runOp('RandomUniform', [], { shape: [32], seed: 9.5 })[0].toFlatArray()).not.toEqual(a);
  });

  it('offset k starts at draw k: it continues the offset-0 stream from element k', () => {
    // Exact: same draws, same float32 formula. Offsets 5 and 7 start mid Philox block.
    const whole = runOp('RandomUniform', [], { shape: [40], seed: 6, low: -1, high: 3 })[0].toFlatArray();
    for (const k of [1, 4, 5, 7, 32]) {
      const tail = runOp('RandomUniform', [], { shape: [40 - k], seed: 6, low: -1, high: 3, offset: k })[0].toFlatArray();
      expect(tail).toEqual(whole.slice(k));
    }
    // float64 outputs take one draw per element too.
    const whole64 = runOp('RandomUniform', [], { shape: [12], seed: 6, dtype: 11 })[0].toFlatArray();
    expect(runOp('RandomUniform', [], { shape: [9], seed: 6, dtype: 11, offset: 3 })[0].toFlatArray()).toEqual(whole64.slice(3));
  });

  it('offsets beyond 2^32 draws are curand_init(seed, 0, offset) positions, and differ from offset 0', () => {
    const offset = 2 ** 40 + 6;
    const [y] = runOp('RandomUniform', [], { shape: [8], seed: 2, offset });
    const u = new PhiloxStream(2, { offset }).uniform(8, 'float32');
    expect(y.toFlatArray()).toEqual(Array.from(u, (x) => (x === 1 ? 0 : x)));
    const atZero = runOp('RandomUniform', [], { shape: [8], seed: 2 })[0].toFlatArray();
    expect(y.toFlatArray()).not.toEqual(atZero);
    // Offset 0 given explicitly is the default.
    expect(runOp('RandomUniform', [], { shape: [8], seed: 2, offset: 0 })[0].toFlatArray()).toEqual(atZero);
  });

  it('handles empty and scalar shapes', () => {
    expect(runOp('RandomUniform', [], { shape: [0, 3] })[0].size).toBe(0);
    const [scalar] = runOp('RandomUniform', [], { shape: [] });
    expect(scalar.shape).toEqual([]);
    expect(scalar.size).toBe(1);
  });

  it('is uniform on [low, high) (fixed seed; KS at alpha = 0.001, mean within 5 standard errors)', () => {
    const n = 1 << 16;
    const [y] = runOp('RandomUniform', [], { shape: [n], seed: 77, low: 10, high: 14, dtype: 11 });
    const values = y.toFloat64();
    expect(Math.abs(mean(values) - 12)).toBeLessThan(5 * Math.sqrt(16 / 12 / n));
    expect(ksStatistic(values, (x) => uniformCdf(x, 10, 14))).toBeLessThan(ksCritical(n));
  });

  it('rejects bad attributes with the operator named', () => {
    expect(() => runOp('RandomUniform', [], {})).toThrow(/RandomUniform: attribute 'shape' is required/);
    expect(() => runOp('RandomUniform', [], { shape: [2, -1] })).toThrow(/invalid shape \[2, -1\]/);
    expect(() => runOp('RandomUniform', [], { shape: [2], low: 3, high: 1 })).toThrow(/low <= high/);
    expect(() => runOp('RandomUniform', [], { shape: [2], dtype: 7 })).toThrow(/selects int64; supported: float64/);
    expect(() => runOp('RandomUniform', [], { shape: [2], dtype: 99 })).toThrow(/'dtype' = 99 is not an ONNX TensorProto data type/);
    expect(() => runOp('RandomUniform', [], { shape: [2], seed: Infinity })).toThrow(/finite/);
    expect(() => runOp('RandomUniform', [], { shape: [2], mean: 1 })).toThrow(/unknown attribute 'mean'/);
    expect(() => runOp('RandomUniform', [], { shape: [2], offset: -4 })).toThrow(/RandomUniform: attribute 'offset' must be an integer in \[0, 2\^53\), got -4/);
    expect(() => runOp('RandomUniform', [], { shape: [2], offset: 1.5 })).toThrow(/attribute 'offset' must be an integer/);
    expect(() => runOp('RandomUniform', [], { shape: [2], offset: 2 ** 60 })).toThrow(/'offset' must be an integer in \[0, 2\^53\)/);
  });
});
