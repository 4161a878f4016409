/**
 * Elu (ONNX Elu-22): x < 0 ? alpha · (e^x - 1) : x (alpha defaults to 1). e^x - 1 is taken
 * from expm1, so small negative x keeps its precision (Elu(-1e-30) = -1e-30, not 0).
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { unaryMap } from './templates/elementwise.js';

export const Elu = defineKernel({
  name: 'Elu',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Elu', raw);
    const alpha = reader.float32('alpha', 1);
    reader.done();
    return { alpha };
  },
  run: (inputs, { alpha }, ctx) => [unaryMap('Elu', inputs, ctx, (x) => (x < 0 ? alpha * Math.expm1(x) : x))],
});
