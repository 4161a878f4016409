import { describe, expect, it } from 'vitest';
import {
  bfloat16BitsToNumber,
  float16BitsToNumber,
  numberToBfloat16Bits,
  numberToFloat16Bits,
} from '../../../src/runtime/numerics/half-bits.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function float32FromBits(bits: number): number {
  u32[0] = bits >>> 0;
  return f32[0];
}

/** Independent reference: IEEE binary16 from its fields, then RNE by comparing neighbours. */
function referenceFloat16Value(bits: number): number {
  const s = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0x1f) return m ? NaN : s * Infinity;
  if (e === 0) return s * m * 2 ** -24;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/**
 * Collects the failures of an exhaustive sweep and asserts once: one `expect` per element
 * would spend seconds in the assertion machinery for 65,536 patterns. Every element is still
 * checked; the message lists the first failures.
 */
class Sweep {
  private readonly failures: string[] = [];
  private count = 0;

  check(ok: boolean, what: () => string): void {
    if (ok) return;
    this.count++;
    if (this.failures.length < 10) this.failures.push(what());
  }

  /** `actual` must be `expected` (Object.is, so -0 and +0 differ). */
  same(actual: number, expected: number, what: () => string): void {
    this.check(Object.is(actual, expected), () => `${what()}: got ${actual}, expected ${expected}`);
  }

  done(): void {
    expect(this.count, `${this.count} failures, first: ${this.failures.join('; ')}`).toBe(0);
  }
}

const hex = (bits: number): string => `0x${bits.toString(16)}`;

describe('float16', () => {
  it('decodes all 65,536 bit patterns exactly', () => {
    const sweep = new Sweep();
    for (let bits = 0; bits < 65536; bits++) {
      const expected = referenceFloat16Value(bits);
      const actual = float16BitsToNumber(bits);
      if (Number.isNaN(expected)) sweep.check(Number.isNaN(actual), () => `bits ${hex(bits)}: ${actual} is not NaN`);
      else sweep.same(actual, expected, () => `bits ${hex(bits)}`);
    }
    sweep.done();
  });

  it('round-trips every non-NaN pattern and maps every NaN to a NaN pattern', () => {
    const sweep = new Sweep();
    for (let bits = 0; bits < 65536; bits++) {
      const back = numberToFloat16Bits(float16BitsToNumber(bits));
      const isNaN = (bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0;
      if (isNaN) sweep.check((back & 0x7c00) === 0x7c00 && (back & 0x3ff) !== 0, () => `NaN ${hex(bits)} came back as ${hex(back)}`);
      else sweep.same(back, bits, () => `bits ${hex(bits)}`);
    }
    sweep.done();
  });

  it('rounds every midpoint between neighbours to the even pattern, and nudged midpoints to the nearer one', () => {
    const sweep = new Sweep();
    for (let bits = 0; bits < 0x7c00; bits++) {
      const lo = float16BitsToNumber(bits);
      const hi = bits + 1 === 0x7c00 ? 65536 : float16BitsToNumber(bits + 1); // 65536 = next binade for overflow
      const mid = (lo + hi) / 2;
      const evenBits = bits % 2 === 0 ? bits : bits + 1;
      sweep.same(numberToFloat16Bits(mid), evenBits, () => `midpoint above ${hex(bits)}`);
      sweep.same(numberToFloat16Bits(-mid), evenBits | 0x8000, () => `negative midpoint above ${hex(bits)}`);
      const above = mid + (hi - lo) * 1e-6;
      const below = mid - (hi - lo) * 1e-6;
      sweep.same(numberToFloat16Bits(above), bits + 1, () => `just above the midpoint above ${hex(bits)}`);
      sweep.same(numberToFloat16Bits(below), bits, () => `just below the midpoint above ${hex(bits)}`);
    }
    sweep.done();
  });

  it('handles zeros, infinities, overflow and underflow', () => {
    expect(numberToFloat16Bits(0)).toBe(0);
    expect(numberToFloat16Bits(-0)).toBe(0x8000);
    expect(numberToFloat16Bits(Infinity)).toBe(0x7c00);
    expect(numberToFloat16Bits(-Infinity)).toBe(0xfc00);
    expect(numberToFloat16Bits(65504)).toBe(0x7bff);
    expect(numberToFloat16Bits(65519.99)).toBe(0x7bff);
    expect(numberToFloat16Bits(65520)).toBe(0x7c00); // tie with 65536 goes to even: infinity
    expect(numberToFloat16Bits(1e300)).toBe(0x7c00);
    expect(numberToFloat16Bits(2 ** -24)).toBe(1); // smallest subnormal
    expect(numberToFloat16Bits(2 ** -25)).toBe(0); // tie with zero goes to even: zero
    expect(numberToFloat16Bits(2 ** -25 * 1.0001)).toBe(1);
    expect(numberToFloat16Bits(-1e-30)).toBe(0x8000);
    expect(numberToFloat16Bits(NaN)).toBe(0x7e00);
  });

  it('matches converting every float32 near the float16 range boundaries', () => {
    // Sweep float32 patterns with a stride that visits every exponent and many mantissas.
    const sweep = new Sweep();
    for (let bits = 0; bits < 0x80000000; bits += 0x1fff) {
      const x = float32FromBits(bits);
      if (Number.isNaN(x)) continue;
      const h = numberToFloat16Bits(x);
      const value = float16BitsToNumber(h);
      // The chosen neighbour must be nearest: no other float16 is strictly closer.
      const err = Math.abs(value - x);
      if (!Number.isFinite(value)) {
        sweep.check(x >= 65520, () => `float32 ${x} overflowed to ${value}`);
        continue;
      }
      const step = h & 0x7fff;
      if (step > 0) sweep.check(err <= Math.abs(float16BitsToNumber(step - 1) - x), () => `float32 ${x}: the pattern below ${hex(h)} is closer`);
      if (step < 0x7bff) sweep.check(err <= Math.abs(float16BitsToNumber(step + 1) - x), () => `float32 ${x}: the pattern above ${hex(h)} is closer`);
    }
    sweep.done();
  });
});

describe('bfloat16', () => {
  it('decodes all 65,536 bit patterns as the upper half of a float32', () => {
    const sweep = new Sweep();
    for (let bits = 0; bits < 65536; bits++) {
      const expected = float32FromBits(bits << 16);
      const actual = bfloat16BitsToNumber(bits);
      if (Number.isNaN(expected)) sweep.check(Number.isNaN(actual), () => `bits ${hex(bits)}: ${actual} is not NaN`);
      else sweep.same(actual, expected, () => `bits ${hex(bits)}`);
    }
    sweep.done();
  });

  it('round-trips every non-NaN pattern and keeps NaN a NaN', () => {
    const sweep = new Sweep();
    for (let bits = 0; bits < 65536; bits++) {
      const back = numberToBfloat16Bits(bfloat16BitsToNumber(bits));
      const isNaN = (bits & 0x7f80) === 0x7f80 && (bits & 0x7f) !== 0;
      if (isNaN) sweep.check((back & 0x7f80) === 0x7f80 && (back & 0x7f) !== 0, () => `NaN ${hex(bits)} came back as ${hex(back)}`);
      else sweep.same(back, bits, () => `bits ${hex(bits)}`);
    }
    sweep.done();
  });

  it('rounds float32 values to nearest even exactly like the bit trick used by PyTorch', () => {
    // PyTorch's round_to_nearest_even: bits + 0x7fff + ((bits >> 16) & 1), then >> 16 (non-NaN).
    const sweep = new Sweep();
    for (let bits = 0; bits < 0x100000000; bits += 0x10001) {
      const x = float32FromBits(bits);
      if (Number.isNaN(x)) continue;
      const expected = ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
      sweep.same(numberToBfloat16Bits(x), expected, () => `float32 bits ${hex(bits)}`);
    }
    sweep.done();
  });
});
