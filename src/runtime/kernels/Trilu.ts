/**
 * Trilu (ONNX Trilu-14): keeps the upper (upper = 1, default) or lower triangle of the last
 * two axes and zeroes the rest. Element (i, j) is kept when j - i >= k (upper) or j - i <= k
 * (lower); k is an optional 0-D int64 input, default 0. Kept elements are copied bit-exactly;
 * zero is the all-zero bit pattern of the dtype.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { readIntegerScalar } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { fillRun, zeroOf } from './templates/stored-elements.js';
import { materialize } from './templates/outer-index.js';

const clamp = (v: number, low: number, high: number): number => Math.min(Math.max(v, low), high);

export const Trilu = defineKernel({
  name: 'Trilu',
  inputs: { min: 1, max: 2 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Trilu', raw);
    const upper = reader.bool('upper', true);
    reader.done();
    return { upper };
  },
  run: (inputs, { upper }) => {
    const input = requireInput('Trilu', inputs, 0, 'input');
    if (input.rank < 2) throw new OpError('Trilu', `input must have rank >= 2 (a batch of matrices), got shape ${formatShape(input.shape)}`);
    const k = inputs[1] ? readIntegerScalar('Trilu', inputs[1], 'k', { allowHuge: true }) : 0;
    const out = materialize(input);
    const rows = input.shape[input.rank - 2];
    const cols = input.shape[input.rank - 1];
    if (out.size === 0) return [out];
    const zero = zeroOf(input.dtype);
    const matrices = out.size / (rows * cols);
    for (let m = 0; m < matrices; m++) {
      for (let i = 0; i < rows; i++) {
        const row = (m * rows + i) * cols;
        if (upper) fillRun(out.storage, row, row + clamp(i + k, 0, cols), zero);
        else fillRun(out.storage, row + clamp(i + k + 1, 0, cols), row + cols, zero);
      }
    }
    return [out];
  },
});
