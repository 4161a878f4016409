/**
 * Div (ONNX Div-14): A / B with NumPy broadcasting. Integer division truncates toward zero
 * as in C; integer division by zero, undefined in C, gives 0 here (NumPy's result).
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { binaryMap } from './templates/elementwise.js';

function divideInteger(a: number, b: number): number {
  if (b === 0) return 0;
  // Below 2^52 the rounded float quotient cannot cross an integer, so trunc is exact.
  if (Math.abs(a) < 2 ** 52) return Math.trunc(a / b);
  return Number(BigInt(a) / BigInt(b));
}

export const Div = defineKernel({
  name: 'Div',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('Div', raw).done(),
  run: (inputs, _attrs, ctx) => [binaryMap('Div', inputs, ctx, (a, b) => a / b, { intFn: divideInteger })],
});
