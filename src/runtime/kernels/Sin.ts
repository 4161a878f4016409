/** Sin (ONNX Sin-22): sine with exact argument reduction (float64 Math.sin). */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Sin = defineKernel({
  name: 'Sin',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Sin', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Sin', inputs, ctx, Math.sin, { inputName: 'input' })],
});
