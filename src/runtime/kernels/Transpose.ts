/**
 * Transpose (ONNX Transpose-25): output axis i is input axis perm[i]; perm defaults to the
 * reversed axes. Stored elements are moved, never decoded, so every dtype is exact.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { requireInput } from './templates/elementwise.js';
import { materialize } from './templates/outer-index.js';

export const Transpose = defineKernel({
  name: 'Transpose',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Transpose', raw);
    const perm = reader.ints('perm');
    reader.done();
    return { perm };
  },
  run: (inputs, { perm }) => {
    const data = requireInput('Transpose', inputs, 0, 'data');
    const order = perm ?? data.shape.map((_, i) => data.rank - 1 - i);
    const isPermutation = order.length === data.rank && [...order].sort((a, b) => a - b).every((p, i) => p === i);
    if (!isPermutation) {
      throw new OpError('Transpose', `perm [${order.join(', ')}] is not a permutation of the ${data.rank} axes of data ${formatShape(data.shape)}`, {
        fix: `list each of 0..${Math.max(data.rank - 1, 0)} exactly once`,
      });
    }
    return [materialize(data.permute(order))];
  },
});
