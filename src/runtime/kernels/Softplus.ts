/**
 * Softplus (ONNX Softplus-22): ln(e^x + 1), computed as max(x, 0) + log1p(e^-|x|) so that
 * large x does not overflow (softplus(100) = 100) and very negative x keeps its tiny value
 * (softplus(-100) = 3.7e-44) instead of rounding 1 + e^x to 1.
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export const Softplus = defineKernel({
  name: 'Softplus',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Softplus', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Softplus', inputs, ctx, softplus)],
});
