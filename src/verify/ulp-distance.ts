/**
 * Distance in units in the last place (ULPs) between two values of one dtype: how many
 * representable values of that dtype lie between them. Values are mapped to integers that
 * increase with the value (negative floats mirrored below zero, so -0 and +0 coincide),
 * and the distance is the difference of those integers.
 */
import type { DType } from '../runtime/dtype.js';
import { numberToBfloat16Bits, numberToFloat16Bits } from '../runtime/numerics/half-bits.js';

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

function signMagnitudeKey16(bits: number): number {
  return bits & 0x8000 ? -(bits & 0x7fff) : bits;
}

function key32(x: number): number {
  f32[0] = x;
  const bits = i32[0];
  return bits < 0 ? -(bits & 0x7fffffff) : bits;
}

function key64(x: number): bigint {
  f64[0] = x;
  const bits = i64[0];
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/**
 * ULPs between `a` and `b` in `dtype` (both rounded to it first). Integer dtypes count whole
 * numbers. NaN gives NaN; callers compare only finite pairs or equal infinities.
 */
export function ulpDistance(a: number, b: number, dtype: DType): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  switch (dtype) {
    case 'float64': {
      const d = key64(a) - key64(b);
      return Number(d < 0n ? -d : d);
    }
    case 'float32':
      return Math.abs(key32(a) - key32(b));
    case 'float16':
      return Math.abs(signMagnitudeKey16(numberToFloat16Bits(a)) - signMagnitudeKey16(numberToFloat16Bits(b)));
    case 'bfloat16':
      return Math.abs(signMagnitudeKey16(numberToBfloat16Bits(a)) - signMagnitudeKey16(numberToBfloat16Bits(b)));
    default:
      return Math.abs(a - b);
  }
}
