/**
 * Tile (ONNX Tile-13): repeats `input` repeats[d] times along every axis d (int64 input with
 * one non-negative entry per axis). Whole rows are copied as runs of stored elements.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { assertDimensions, readIntegerVector } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { outerIndex } from './templates/outer-index.js';

export const Tile = defineKernel({
  name: 'Tile',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('Tile', raw).done(),
  run: (inputs) => {
    const input = requireInput('Tile', inputs, 0, 'input');
    const repeats = readIntegerVector('Tile', requireInput('Tile', inputs, 1, 'repeats'), 'repeats');
    if (repeats.length !== input.rank) {
      throw new OpError('Tile', `repeats [${repeats.join(', ')}] needs one entry per axis of input ${formatShape(input.shape)} (${input.rank})`);
    }
    assertDimensions('Tile', repeats, 'repeats');
    const tables = input.shape.map((dim, d) => {
      const table = new Int32Array(dim * repeats[d]);
      for (let i = 0; i < table.length; i++) table[i] = i % dim;
      return table;
    });
    return [outerIndex(input, tables)];
  },
});
