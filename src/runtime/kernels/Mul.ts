/** Mul (ONNX Mul-14): A * B with NumPy broadcasting; integer products wrap like C. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { binaryMap } from './templates/elementwise.js';

/**
 * int64 product modulo 2^64. A float64 product of two large integers is rounded before it
 * could be wrapped, so the exact product is formed in BigInt.
 */
function multiplyInt64(a: number, b: number): number {
  const p = a * b;
  if (Math.abs(p) <= Number.MAX_SAFE_INTEGER) return p;
  return Number(BigInt.asIntN(64, BigInt(a) * BigInt(b)));
}

export const Mul = defineKernel({
  name: 'Mul',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('Mul', raw).done(),
  run: (inputs, _attrs, ctx) => [
    binaryMap('Mul', inputs, ctx, (a, b) => a * b, {
      // Math.imul keeps the low 32 bits exactly; narrower types wrap further on store.
      intFn: inputs[0]?.dtype === 'int64' ? multiplyInt64 : Math.imul,
    }),
  ],
});
