/** LeakyRelu (ONNX LeakyRelu-16): x < 0 ? alpha · x : x (alpha defaults to 0.01); NaN propagates. */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const LeakyRelu = defineKernel({
  name: 'LeakyRelu',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('LeakyRelu', raw);
    const alpha = reader.float32('alpha', 0.01);
    reader.done();
    return { alpha };
  },
  run: (inputs, { alpha }, ctx) => [unaryMap('LeakyRelu', inputs, ctx, (x) => (x < 0 ? alpha * x : x))],
});
