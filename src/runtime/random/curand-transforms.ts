/**
 * The maps from uint32 draws to uniform and normal variates that cuRAND's device API applies
 * to a Philox4_32_10 state (`curand_uniform.h`, `curand_normal.h`; NVIDIA headers as vendored
 * in ggerganov/llama.cpp `include/cuda/`). Uniforms are reproduced bit for bit; normals use
 * the same pairing and the same float32 (u, v) but float64 log/sin/cos, where CUDA uses
 * `logf` and the `__sincosf` intrinsic, so they agree to a few float32 ulps, not bitwise.
 * See docs/random.md.
 */

/** 2^-32: cuRAND's `CURAND_2POW32_INV` (2.3283064e-10f) and `CURAND_2POW32_INV_DOUBLE`. */
export const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_POW_MINUS_33 = 2 ** -33;
/** 2^-53: `CURAND_2POW53_INV_DOUBLE`. */
const TWO_POW_MINUS_53 = 2 ** -53;
const TWO_POW_MINUS_54 = 2 ** -54;
/** `CURAND_2POW32_INV_2PI` = 2.3283064e-10f * 6.2831855f, a float32 product (exact: 2^-32 * fp32(2*pi)). */
export const TWO_PI_TWO_POW_MINUS_32 = Math.fround(Math.fround(2.3283064e-10) * Math.fround(6.2831855));

/**
 * `_curand_uniform(x)` = x * 2^-32 + 2^-33 in float32: uniform on (0, 1], 1 included because
 * x rounds to float32 first. The product by a power of two is exact, so with or without FMA
 * there is exactly one rounding of the sum, which Math.fround reproduces.
 */
export function uniformFloat32(x: number): number {
  return Math.fround(Math.fround(x) * TWO_POW_MINUS_32 + TWO_POW_MINUS_33);
}

/** `_curand_uniform_double(x)` = x * 2^-32 + 2^-32 in float64, on (0, 1] (32 random bits only). */
export function uniformFloat64(x: number): number {
  return x * TWO_POW_MINUS_32 + TWO_POW_MINUS_32;
}

/**
 * `_curand_box_muller(x, y)`: u = uniform(x), v = y * 2pi * 2^-32 + pi * 2^-32 (float32),
 * s = sqrt(-2 ln u); returns [s sin v, s cos v], each rounded to float32. The first of the
 * pair is what `curand_normal` returns first (the second is its cached `boxmuller_extra`).
 */
export function boxMullerFloat32(x: number, y: number, out: Float64Array, at: number): void {
  const u = uniformFloat32(x);
  const v = Math.fround(Math.fround(y) * TWO_PI_TWO_POW_MINUS_32 + TWO_PI_TWO_POW_MINUS_32 / 2);
  const s = Math.sqrt(-2 * Math.log(u));
  out[at] = Math.fround(s * Math.sin(v));
  out[at + 1] = Math.fround(s * Math.cos(v));
}

/** The 53-bit integer `(uint64)lo ^ ((uint64)hi << 21)` that cuRAND builds from two draws. */
function join53(lo: number, hi: number): number {
  // Bits 32..52 come from hi's top 21 bits; bits 0..31 are lo XOR hi's low 11 bits shifted by 21.
  return Math.floor(hi / 2048) * 4294967296 + (((hi << 21) ^ lo) >>> 0);
}

/**
 * `_curand_box_muller_double(x0, x1, y0, y1)`: u = z(x0, x1) * 2^-53 + 2^-54,
 * v = z(y0, y1) * 2^-52 + 2^-53 (in units of pi), s = sqrt(-2 ln u);
 * returns [s sin(v pi), s cos(v pi)] (the header's host path; the device uses sincospi).
 */
export function boxMullerFloat64(x0: number, x1: number, y0: number, y1: number, out: Float64Array, at: number): void {
  const u = join53(x0, x1) * TWO_POW_MINUS_53 + TWO_POW_MINUS_54;
  const v = join53(y0, y1) * (TWO_POW_MINUS_53 * 2) + TWO_POW_MINUS_53;
  const s = Math.sqrt(-2 * Math.log(u));
  out[at] = s * Math.sin(v * Math.PI);
  out[at + 1] = s * Math.cos(v * Math.PI);
}
