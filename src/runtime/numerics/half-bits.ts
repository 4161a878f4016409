/**
 * float16 and bfloat16 bit patterns <-> numbers. Encoding rounds to nearest even from the
 * full float64 value (no double rounding through float32); decoding is exact.
 */
import { BF16, FP16, exponentOf, pow2, roundToFormat } from './float-format.js';

const FP16_QUIET_NAN = 0x7e00;
const BF16_QUIET_NAN = 0x7fc0;

let fp16Table: Float64Array | undefined;

function buildFloat16Table(): Float64Array {
  const table = new Float64Array(65536);
  for (let bits = 0; bits < 65536; bits++) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >>> 10) & 0x1f;
    const mantissa = bits & 0x3ff;
    let value: number;
    if (exponent === 0) value = mantissa * pow2(-24);
    else if (exponent === 0x1f) value = mantissa === 0 ? Infinity : NaN;
    else value = (1024 + mantissa) * pow2(exponent - 25);
    table[bits] = sign * value;
  }
  return table;
}

/** The float16 value of a 16-bit pattern. */
export function float16BitsToNumber(bits: number): number {
  fp16Table ??= buildFloat16Table();
  return fp16Table[bits & 0xffff];
}

/** Decode table shared by bulk conversions (index = bit pattern). */
export function float16DecodeTable(): Float64Array {
  fp16Table ??= buildFloat16Table();
  return fp16Table;
}

/** Rounds `x` to float16 (nearest even) and returns the bit pattern. */
export function numberToFloat16Bits(x: number): number {
  if (Number.isNaN(x)) return FP16_QUIET_NAN;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const v = Math.abs(roundToFormat(x, FP16));
  if (v === Infinity) return sign | 0x7c00;
  if (v === 0) return sign;
  if (v < pow2(-14)) return sign | (v * pow2(24));
  const e = exponentOf(v);
  const mantissa = (v * pow2(-e) - 1) * 1024;
  return sign | ((e + 15) << 10) | mantissa;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The bfloat16 value of a 16-bit pattern. */
export function bfloat16BitsToNumber(bits: number): number {
  u32[0] = (bits & 0xffff) << 16;
  return f32[0];
}

/** Rounds `x` to bfloat16 (nearest even) and returns the bit pattern. */
export function numberToBfloat16Bits(x: number): number {
  if (Number.isNaN(x)) return BF16_QUIET_NAN;
  // The rounded value is exactly representable in float32, so the float32 bits hold it.
  f32[0] = roundToFormat(x, BF16);
  return u32[0] >>> 16;
}
