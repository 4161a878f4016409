/** Relu (ONNX Relu-14): max(0, x); NaN propagates. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { NUMERIC_DTYPES, unaryMap } from './templates/elementwise.js';

export const Relu = defineKernel({
  name: 'Relu',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Relu', raw).done(),
  run: (inputs, _attrs, ctx) => [
    unaryMap('Relu', inputs, ctx, (x) => (x > 0 || Number.isNaN(x) ? x : 0), { dtypes: NUMERIC_DTYPES }),
  ],
});
