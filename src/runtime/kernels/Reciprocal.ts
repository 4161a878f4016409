/** Reciprocal (ONNX Reciprocal-13): 1 / x; 1/±0 = ±Inf. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Reciprocal = defineKernel({
  name: 'Reciprocal',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Reciprocal', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Reciprocal', inputs, ctx, (x) => 1 / x)],
});
