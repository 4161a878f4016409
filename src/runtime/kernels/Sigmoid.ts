/**
 * Sigmoid (ONNX Sigmoid-13): 1 / (1 + e^-x), and the scalar `sigmoid` Silu and the tanh form
 * of Gelu share. For x < 0 it is computed as e^x / (1 + e^x), so e^-x never overflows and
 * tiny results keep their relative precision (sigmoid(-100) = 3.7e-44, not 0).
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export const Sigmoid = defineKernel({
  name: 'Sigmoid',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Sigmoid', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Sigmoid', inputs, ctx, sigmoid)],
});
