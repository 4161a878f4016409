/** Neg (ONNX Neg-13): -x; signed integers wrap (-(-128) is -128 in int8). */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { SIGNED_DTYPES, unaryMap } from './templates/elementwise.js';

export const Neg = defineKernel({
  name: 'Neg',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Neg', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Neg', inputs, ctx, (x) => -x, { dtypes: SIGNED_DTYPES })],
});
