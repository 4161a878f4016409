/**
 * Min (ONNX Min-13): elementwise minimum of one or more tensors with NumPy broadcasting.
 * A NaN in any input makes that element NaN, as in ONNX Runtime.
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { variadicMap } from './templates/elementwise.js';

export const Min = defineKernel({
  name: 'Min',
  inputs: { min: 1, max: 2147483647 },
  parseAttributes: (raw) => new AttributeReader('Min', raw).done(),
  run: (inputs, _attrs, ctx) => [
    variadicMap('Min', inputs, ctx, (acc, x) => (x < acc || Number.isNaN(x) ? x : acc)),
  ],
});
