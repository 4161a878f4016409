/** Sqrt (ONNX Sqrt-13): square root; sqrt(-0) = -0, sqrt(x < 0) = NaN. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Sqrt = defineKernel({
  name: 'Sqrt',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Sqrt', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Sqrt', inputs, ctx, Math.sqrt)],
});
