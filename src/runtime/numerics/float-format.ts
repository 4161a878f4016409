/**
 * Binary floating-point formats narrower than float64, described by their stored mantissa
 * bits and exponent range, and exact rounding of any float64 value into them.
 *
 * One routine serves every format (float32, float16, bfloat16, TF32, HF32) so the
 * subnormal, overflow and tie rules are written once and tested once.
 */

export type RoundingMode = 'nearest-even' | 'nearest-away' | 'truncate';

export interface FloatFormat {
  readonly name: string;
  /** Stored (explicit) mantissa bits. */
  readonly mantissaBits: number;
  /** Exponent of the smallest normal number (2^minExponent). */
  readonly minExponent: number;
  /** Exponent of the largest finite binade. */
  readonly maxExponent: number;
}

export const FP32: FloatFormat = { name: 'fp32', mantissaBits: 23, minExponent: -126, maxExponent: 127 };
export const FP16: FloatFormat = { name: 'fp16', mantissaBits: 10, minExponent: -14, maxExponent: 15 };
export const BF16: FloatFormat = { name: 'bf16', mantissaBits: 7, minExponent: -126, maxExponent: 127 };
/** NVIDIA TensorFloat-32: fp32 range, 10 stored mantissa bits. */
export const TF32: FloatFormat = { name: 'tf32', mantissaBits: 10, minExponent: -126, maxExponent: 127 };
/** Huawei HF32 (Ascend cube unit): fp32 range, 11 stored mantissa bits. */
export const HF32: FloatFormat = { name: 'hf32', mantissaBits: 11, minExponent: -126, maxExponent: 127 };

const POW2_BIAS = 1100;
const POW2: Float64Array = (() => {
  const table = new Float64Array(2 * POW2_BIAS + 1);
  for (let k = -POW2_BIAS; k <= POW2_BIAS; k++) table[k + POW2_BIAS] = Math.pow(2, k);
  return table;
})();

/** 2^k, exact for integer k in [-1074, 1023]. */
export function pow2(k: number): number {
  return POW2[k + POW2_BIAS];
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** floor(log2(|x|)) for finite non-zero x, read from the float64 exponent field (exact). */
export function exponentOf(x: number): number {
  scratch[0] = x;
  const biased = (scratchWords[HI] >>> 20) & 0x7ff;
  if (biased === 0) {
    // float64 subnormal: far below every format we model; normalise by scaling.
    return exponentOf(x * pow2(64)) - 64;
  }
  return biased - 1023;
}

function roundScaled(value: number, mode: RoundingMode): number {
  // value >= 0 and an exact float64; returns an integer per the rounding mode.
  const floor = Math.floor(value);
  if (mode === 'truncate') return floor;
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  if (mode === 'nearest-away') return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Rounds a float64 to the nearest value of `format` (or per `mode`), returned as a float64.
 * NaN stays NaN, ±0 and ±Inf are kept, subnormals of the format are produced exactly and
 * values beyond the largest finite number become ±Inf (or the largest finite when truncating).
 */
export function roundToFormat(x: number, format: FloatFormat, mode: RoundingMode = 'nearest-even'): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const negative = x < 0;
  const a = negative ? -x : x;
  const e = Math.max(exponentOf(a), format.minExponent);
  const quantumExponent = e - format.mantissaBits;
  const rounded = roundScaled(a * pow2(-quantumExponent), mode) * pow2(quantumExponent);
  let result: number;
  if (rounded >= pow2(format.maxExponent + 1)) {
    result = mode === 'truncate' ? maxFinite(format) : Infinity;
  } else {
    result = rounded;
  }
  return negative ? -result : result;
}

export function maxFinite(format: FloatFormat): number {
  return (2 - pow2(-format.mantissaBits)) * pow2(format.maxExponent);
}

/** Smallest positive normal number of the format. */
export function minNormal(format: FloatFormat): number {
  return pow2(format.minExponent);
}

/** Applies flush-to-zero: subnormals of `format` become a zero of the same sign. */
export function flushSubnormal(x: number, format: FloatFormat): number {
  if (x !== 0 && Math.abs(x) < pow2(format.minExponent)) return x < 0 ? -0 : 0;
  return x;
}
