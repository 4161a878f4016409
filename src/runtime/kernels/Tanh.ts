/** Tanh (ONNX Tanh-13): hyperbolic tangent. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Tanh = defineKernel({
  name: 'Tanh',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Tanh', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Tanh', inputs, ctx, Math.tanh, { inputName: 'input' })],
});
