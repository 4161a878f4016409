/**
 * Philox4x32-10, the counter-based generator of Salmon et al., "Parallel Random Numbers: As
 * Easy as 1, 2, 3" (SC'11), as published in D. E. Shaw Research's Random123 and used by
 * cuRAND's `curandStatePhilox4_32_10_t` and PyTorch's CUDA generator.
 *
 * A block maps a 128-bit counter and a 64-bit key to 128 random bits through 10 rounds; the
 * key is bumped by the Weyl constants between rounds. Everything here is exact 32-bit
 * integer arithmetic, so the output is bit-identical to every conforming implementation
 * (checked against Random123's known-answer vectors in test/runtime/random/philox.test.ts).
 */

/** Round multipliers (Random123 `PHILOX_M4x32_0/1`). */
export const PHILOX_M4X32_0 = 0xd2511f53;
export const PHILOX_M4X32_1 = 0xcd9e8d57;
/** Weyl key increments: golden ratio and sqrt(3) - 1 as 32-bit fractions (`PHILOX_W32_0/1`). */
export const PHILOX_W32_0 = 0x9e3779b9;
export const PHILOX_W32_1 = 0xbb67ae85;

export const PHILOX_DEFAULT_ROUNDS = 10;

/** High 32 bits of the 64-bit product of two uint32 (the products of 16-bit halves are exact). */
function mulhi32(a: number, b: number): number {
  const aLo = a & 0xffff;
  const aHi = a >>> 16;
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const loLo = aLo * bLo;
  const loHi = aLo * bHi;
  const hiLo = aHi * bLo;
  const carry = ((loLo >>> 16) + (loHi & 0xffff) + (hiLo & 0xffff)) >>> 16;
  return (aHi * bHi + (loHi >>> 16) + (hiLo >>> 16) + carry) >>> 0;
}

/**
 * Philox4x32 with `rounds` rounds applied to `counter` (4 words) under `key` (2 words),
 * written into `out` (4 words, may alias `counter`). Word order is Random123's: `counter[0]`
 * is the least significant word (cuRAND's `ctr.x`).
 */
export function philox4x32(
  counter: ArrayLike<number>,
  key: ArrayLike<number>,
  out: Uint32Array = new Uint32Array(4),
  rounds: number = PHILOX_DEFAULT_ROUNDS,
): Uint32Array {
  let c0 = counter[0] >>> 0;
  let c1 = counter[1] >>> 0;
  let c2 = counter[2] >>> 0;
  let c3 = counter[3] >>> 0;
  let k0 = key[0] >>> 0;
  let k1 = key[1] >>> 0;
  for (let round = 0; round < rounds; round++) {
    if (round > 0) {
      k0 = (k0 + PHILOX_W32_0) >>> 0;
      k1 = (k1 + PHILOX_W32_1) >>> 0;
    }
    const hi0 = mulhi32(PHILOX_M4X32_0, c0);
    const lo0 = Math.imul(PHILOX_M4X32_0, c0) >>> 0;
    const hi1 = mulhi32(PHILOX_M4X32_1, c2);
    const lo1 = Math.imul(PHILOX_M4X32_1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  return out;
}
