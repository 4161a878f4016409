/** LeakyRelu (ONNX LeakyRelu-16): x < 0 ? alpha · x : x (alpha defaults to 0.01); NaN propagates. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const LeakyRelu = defineKernel({
  name: 'LeakyRelu',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('LeakyRelu', raw);
    // ONNX FLOAT attributes are 32-bit: the device (and ONNX Runtime) sees fround(alpha).
    const alpha = Math.fround(reader.float('alpha', 0.01));
    reader.done();
    return { alpha };
  },
  run: (inputs, { alpha }, ctx) => [unaryMap('LeakyRelu', inputs, ctx, (x) => (x < 0 ? alpha * x : x))],
});
