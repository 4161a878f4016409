/** Cos (ONNX Cos-22): cosine with exact argument reduction (float64 Math.cos). */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Cos = defineKernel({
  name: 'Cos',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Cos', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Cos', inputs, ctx, Math.cos, { inputName: 'input' })],
});
