import { describe, expect, it } from 'vitest';
import {
  TWO_PI_TWO_POW_MINUS_32,
  boxMullerFloat32,
  uniformFloat32,
  uniformFloat64,
} from '../../../src/runtime/random/curand-transforms.js';
import { philox4x32 } from '../../../src/runtime/random/philox.js';
import { PhiloxStream } from '../../../src/runtime/random/philox-stream.js';
import { ksCritical, ksStatistic, mean, normalCdf, uniformCdf, variance } from './sample-statistics.js';

const N = 1 << 17;

describe('PhiloxStream addressing (cuRAND curand_init layout)', () => {
  it('maps seed to the key and offset / subsequence to the counter', () => {
    // A Random123 KAT vector reached through the stream: key = the seed's (low, high) words,
    // counter = (offset / 4 as 64 bits, subsequence as 64 bits). cuRAND's 64-bit offset reaches
    // blocks below 2^62, so the vector's low counter words must be below that (0x299f31d0...).
    const stream = new PhiloxStream(2n ** 32n, {
      subsequence: 0xec4e6c89082efa98n,
      offset: 0x299f31d0a4093822n * 4n,
    });
    expect(Array.from(stream.uint32(4))).toEqual([0x1c28fa3f, 0x8c5bf977, 0xbb989783, 0x0c1a3737]);
  });

  it('starts mid-block at offset % 4 and walks into the next block', () => {
    const seed = 0x0123456789abcdefn;
    const key = [0x89abcdef, 0x01234567];
    const got = Array.from(new PhiloxStream(seed, { subsequence: 5, offset: 7 * 4 + 2 }).uint32(4));
    const block7 = philox4x32([7, 0, 5, 0], key);
    const block8 = philox4x32([8, 0, 5, 0], key);
    expect(got).toEqual([block7[2], block7[3], block8[0], block8[1]]);
  });

  it('carries the block number from the low into the next counter word', () => {
    const got = Array.from(new PhiloxStream(3, { offset: (2n ** 32n - 1n) * 4n + 3n }).uint32(2));
    expect(got).toEqual([philox4x32([0xffffffff, 0, 0, 0], [3, 0])[3], philox4x32([0, 1, 0, 0], [3, 0])[0]]);
  });

  it('puts the subsequence in the high 64 bits of the counter', () => {
    const got = new PhiloxStream(9, { subsequence: 2n ** 32n + 3n }).uint32(1)[0];
    expect(got).toBe(philox4x32([0, 0, 3, 1], [9, 0])[0]);
  });

  it('is deterministic for a seed and differs between seeds and subsequences', () => {
    const a = new PhiloxStream(42).uint32(64);
    expect(Array.from(new PhiloxStream(42).uint32(64))).toEqual(Array.from(a));
    expect(Array.from(new PhiloxStream(43).uint32(64))).not.toEqual(Array.from(a));
    expect(Array.from(new PhiloxStream(42, { subsequence: 1 }).uint32(64))).not.toEqual(Array.from(a));
  });

  it.each([0, 1, 3, 4, 5, 17, 1000])('skipping %i draws equals generating and discarding them', (skip) => {
    const full = new PhiloxStream(7).uint32(skip + 37);
    const skipped = new PhiloxStream(7).skip(skip).uint32(37);
    const started = new PhiloxStream(7, { offset: skip }).uint32(37);
    expect(Array.from(skipped)).toEqual(Array.from(full.subarray(skip)));
    expect(Array.from(started)).toEqual(Array.from(full.subarray(skip)));
  });

  it('continues where the previous call stopped and tracks the absolute offset', () => {
    const whole = new PhiloxStream(11).uint32(23);
    const stream = new PhiloxStream(11);
    const parts = [...stream.uint32(6), ...stream.uint32(1), ...stream.uint32(16)];
    expect(parts).toEqual(Array.from(whole));
    expect(stream.offset).toBe(23n);
    expect(Array.from(stream.seek(6).uint32(2))).toEqual(Array.from(whole.subarray(6, 8)));
  });

  it('rejects seeds and offsets outside [0, 2^64)', () => {
    expect(() => new PhiloxStream(-1)).toThrow(/seed must be an integer in \[0, 2\^64\)/);
    expect(() => new PhiloxStream(2n ** 64n)).toThrow(/seed/);
    expect(() => new PhiloxStream(1, { offset: 0.5 })).toThrow(/offset/);
  });
});

describe('cuRAND transforms', () => {
  it('uses 2^-32 for CURAND_2POW32_INV (2.3283064e-10f is exactly 2^-32 in float32)', () => {
    expect(Math.fround(2.3283064e-10)).toBe(2 ** -32);
    expect(TWO_PI_TWO_POW_MINUS_32).toBe(Math.fround(2 * Math.PI) * 2 ** -32);
  });

  it('maps uint32 to (0, 1] in float32 exactly as _curand_uniform', () => {
    expect(uniformFloat32(0)).toBe(2 ** -33);
    expect(uniformFloat32(0xffffffff)).toBe(1); // x rounds to 2^32 in float32: 1 is included
    expect(uniformFloat32(1)).toBe(Math.fround(2 ** -32 + 2 ** -33));
    expect(uniformFloat32(0x80000000)).toBe(0.5); // 0.5 + 2^-33 rounds to 0.5
    expect(uniformFloat64(0)).toBe(2 ** -32);
    expect(uniformFloat64(0xffffffff)).toBe(1);
  });

  it('pairs Box-Muller outputs as (s sin v, s cos v) from draws (x, y)', () => {
    const out = new Float64Array(2);
    boxMullerFloat32(0x80000000, 0x40000000, out, 0);
    // u = 0.5; v = 2^30 * 2pi 2^-32 + pi 2^-32 ~ pi/2: the pair is ~ (sqrt(2 ln 2), 0).
    const s = Math.sqrt(-2 * Math.log(0.5));
    expect(out[0]).toBeCloseTo(s, 6);
    expect(Math.abs(out[1])).toBeLessThan(1e-6);
    expect(out[0]).toBe(Math.fround(out[0]));
  });

  it('consumes two draws per float32 pair and four per float64 pair, whole pairs only', () => {
    const a = new PhiloxStream(5);
    a.normal(3);
    expect(a.offset).toBe(4n);
    const b = new PhiloxStream(5);
    b.normal(3, 'float64');
    expect(b.offset).toBe(8n);
    expect(Array.from(new PhiloxStream(5).normal(3))).toEqual(Array.from(new PhiloxStream(5).normal(4).subarray(0, 3)));
  });
});

describe('statistical sanity (fixed seeds; 5 standard errors or KS at alpha = 0.001)', () => {
  it.each(['float32', 'float64'] as const)('uniform %s is U(0, 1]', (precision) => {
    const u = new PhiloxStream(2024).uniform(N, precision);
    expect(u.every((x) => x > 0 && x <= 1)).toBe(true);
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    // Var of (U - 1/2)^2 is 1/80 - 1/144.
    expect(Math.abs(variance(u) - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / N));
    expect(ksStatistic(u, (x) => uniformCdf(x))).toBeLessThan(ksCritical(N));
  });

  it('raw draws have balanced bits in every lane', () => {
    const draws = new PhiloxStream(99).uint32(N);
    for (let bit = 0; bit < 32; bit++) {
      let ones = 0;
      for (let i = 0; i < N; i++) ones += (draws[i] >>> bit) & 1;
      // Binomial(N, 1/2): standard error sqrt(N)/2.
      expect(Math.abs(ones - N / 2), `bit ${bit}`).toBeLessThan((5 * Math.sqrt(N)) / 2);
    }
  });

  it.each(['float32', 'float64'] as const)('normal %s is N(0, 1) with uncorrelated pair halves', (precision) => {
    const z = new PhiloxStream(31337).normal(N, precision);
    expect(Math.abs(mean(z))).toBeLessThan(5 / Math.sqrt(N));
    // Var of Z^2 is 2 for a standard normal.
    expect(Math.abs(variance(z) - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(ksStatistic(z, (x) => normalCdf(x))).toBeLessThan(ksCritical(N));
    let cross = 0;
    for (let i = 0; i < N; i += 2) cross += z[i] * z[i + 1];
    expect(Math.abs(cross / (N / 2))).toBeLessThan(5 / Math.sqrt(N / 2));
  });
});
