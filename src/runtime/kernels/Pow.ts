/**
 * Pow (ONNX Pow-15): X ^ Y with NumPy broadcasting; the exponent may have another numeric
 * dtype than the base, the output has the base's.
 *
 * Floats follow C `pow`, which differs from JavaScript's Math.pow only where the result does
 * not depend on the other operand: pow(1, y) = 1 and pow(-1, ±Inf) = 1 even for y = NaN.
 *
 * Integer bases: an integral exponent gives the exact integer power, wrapping modulo 2^bits
 * like repeated C multiplication; a negative one gives trunc(x^y) (1, ±1 for x = -1, else 0;
 * 0 for x = 0, where C divides by zero); a fractional exponent gives trunc(pow(x, y)).
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { NUMERIC_DTYPES, binaryMap } from './templates/elementwise.js';

export const POW_BASE_DTYPES = ['float64', 'float32', 'float16', 'bfloat16', 'int64', 'int32'] as const;

/** C99 pow on float64. */
export function cPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return Math.pow(x, y);
}

/** x^n for integer x and integer n >= 0, modulo 2^32 (as a signed int32). */
function powerInt32(x: number, n: number): number {
  let result = 1;
  let base = x | 0;
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
    e = Math.floor(e / 2);
  }
  return result;
}

/** x^n for integer x and integer n >= 0, modulo 2^64 (as a signed int64). */
function powerInt64(x: number, n: number): number {
  let result = 1n;
  let base = BigInt(x);
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) result = BigInt.asIntN(64, result * base);
    base = BigInt.asIntN(64, base * base);
    e = Math.floor(e / 2);
  }
  return Number(result);
}

function integerPower(x: number, y: number, power: (x: number, n: number) => number): number {
  if (Number.isNaN(y) || !Number.isInteger(y)) return Math.trunc(cPow(x, y));
  if (y >= 0) return power(x, y);
  if (x === 1) return 1;
  if (x === -1) return y % 2 === 0 ? 1 : -1;
  return 0;
}

export const Pow = defineKernel({
  name: 'Pow',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('Pow', raw).done(),
  run: (inputs, _attrs, ctx) => {
    const power = inputs[0]?.dtype === 'int64' ? powerInt64 : powerInt32;
    return [
      binaryMap('Pow', inputs, ctx, cPow, {
        dtypes: POW_BASE_DTYPES,
        dtypesB: NUMERIC_DTYPES,
        inputNames: ['X', 'Y'],
        intFn: (x, y) => integerPower(x, y, power),
      }),
    ];
  },
});
