/**
 * Expand (ONNX Expand-13): broadcasts `input` with the int64 `shape` input by NumPy rules in
 * both directions (the output shape is the broadcast of input.shape and shape, so a 1 in
 * `shape` keeps the input's dimension). Stored elements are copied bit-exactly.
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { broadcastShapes } from '../shape.js';
import { assertDimensions, readIntegerVector } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { materialize } from './templates/outer-index.js';

export const Expand = defineKernel({
  name: 'Expand',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('Expand', raw).done(),
  run: (inputs) => {
    const input = requireInput('Expand', inputs, 0, 'input');
    const requested = readIntegerVector('Expand', requireInput('Expand', inputs, 1, 'shape'), 'shape');
    assertDimensions('Expand', requested, 'shape');
    const shape = broadcastShapes([input.shape, requested], 'Expand');
    return [materialize(input.expand(shape))];
  },
});
