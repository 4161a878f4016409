/** Add (ONNX Add-14): A + B with NumPy broadcasting. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { binaryMap } from './templates/elementwise.js';

export const Add = defineKernel({
  name: 'Add',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('Add', raw).done(),
  run: (inputs, _attrs, ctx) => [binaryMap('Add', inputs, ctx, (a, b) => a + b)],
});
