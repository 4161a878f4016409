/** Sub (ONNX Sub-14): A - B with NumPy broadcasting; integers wrap. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { binaryMap } from './templates/elementwise.js';

export const Sub = defineKernel({
  name: 'Sub',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('Sub', raw).done(),
  run: (inputs, _attrs, ctx) => [binaryMap('Sub', inputs, ctx, (a, b) => a - b)],
});
