/** Rsqrt (not in ONNX; torch.rsqrt): 1 / sqrt(x); rsqrt(±0) = ±Inf, rsqrt(x < 0) = NaN. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Rsqrt = defineKernel({
  name: 'Rsqrt',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Rsqrt', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Rsqrt', inputs, ctx, (x) => 1 / Math.sqrt(x))],
});
