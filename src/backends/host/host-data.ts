/**
 * Host-side helpers for model programs: seeded input initialisation and half-precision
 * packing for host buffers. Host code is never changed by a port.
 */
import { BF16, FP16, roundToFormat } from '../../runtime/numerics/float-format.js';
import {
  bfloat16BitsToNumber,
  float16BitsToNumber,
  numberToBfloat16Bits,
  numberToFloat16Bits,
} from '../../runtime/numerics/half-bits.js';

/** A seeded generator of uniform numbers in [0, 1) (splitmix32; for inputs, not numerics). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** `count` float32 values uniform in [low, high) from `seed`. */
export function randomFloat32(count: number, seed: number, low = -1, high = 1): Float32Array {
  const next = seededUniform(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = low + (high - low) * next();
  return out;
}

/** float16 bit patterns of `values` (round to nearest even). */
export function toFloat16Bits(values: ArrayLike<number>): Uint16Array {
  return Uint16Array.from(values as ArrayLike<number>, (v) => numberToFloat16Bits(v));
}

export function fromFloat16Bits(bits: Uint16Array): Float32Array {
  return Float32Array.from(bits, (b) => float16BitsToNumber(b));
}

export function toBfloat16Bits(values: ArrayLike<number>): Uint16Array {
  return Uint16Array.from(values as ArrayLike<number>, (v) => numberToBfloat16Bits(v));
}

export function fromBfloat16Bits(bits: Uint16Array): Float32Array {
  return Float32Array.from(bits, (b) => bfloat16BitsToNumber(b));
}

/** Rounds values to what float16 / bfloat16 can hold (for host-side reference math). */
export function roundToHalf(value: number, kind: 'float16' | 'bfloat16'): number {
  return roundToFormat(value, kind === 'float16' ? FP16 : BF16);
}
