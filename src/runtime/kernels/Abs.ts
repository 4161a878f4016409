/** Abs (ONNX Abs-13): |x|; signed integers wrap (|-128| is -128 in int8), as in C. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { NUMERIC_DTYPES, unaryMap } from './templates/elementwise.js';

export const Abs = defineKernel({
  name: 'Abs',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Abs', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Abs', inputs, ctx, Math.abs, { dtypes: NUMERIC_DTYPES })],
});
