/** Log (ONNX Log-13): natural logarithm; log(0) = -Inf, log(x < 0) = NaN. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Log = defineKernel({
  name: 'Log',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Log', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Log', inputs, ctx, Math.log, { inputName: 'input' })],
});
