/** Exp (ONNX Exp-13): e^x, from float64 Math.exp rounded once into the output dtype. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Exp = defineKernel({
  name: 'Exp',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Exp', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Exp', inputs, ctx, Math.exp, { inputName: 'input' })],
});
