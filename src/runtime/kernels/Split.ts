/**
 * Split (ONNX Split-18): cuts `input` along `axis` into pieces whose sizes are given by the
 * int64 input `split`, or into `num_outputs` pieces of ceil(dim / num_outputs) with a smaller
 * last piece (an empty last piece is rejected, as ONNX Runtime does). Exactly one of the two
 * must be given: a kernel cannot see how many outputs a graph node declares.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { normalizeAxisOf, readIntegerVector } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { materialize } from './templates/outer-index.js';

export const Split = defineKernel({
  name: 'Split',
  inputs: { min: 1, max: 2 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Split', raw);
    const attributes = { axis: reader.int('axis', 0), numOutputs: reader.int('num_outputs') };
    reader.done();
    return attributes;
  },
  run: (inputs, { axis: axisAttribute, numOutputs }) => {
    const input = requireInput('Split', inputs, 0, 'input');
    const axis = normalizeAxisOf('Split', axisAttribute, input.shape);
    const dim = input.shape[axis];
    const where = `axis ${axisAttribute} (size ${dim}) of input ${formatShape(input.shape)}`;
    const splitInput = inputs[1];
    let sizes: number[];
    if (splitInput && numOutputs !== undefined) {
      throw new OpError('Split', `give either the 'split' input or the 'num_outputs' attribute, not both`);
    } else if (splitInput) {
      sizes = readIntegerVector('Split', splitInput, 'split');
      const total = sizes.reduce((n, s) => n + s, 0);
      if (sizes.length === 0 || sizes.some((s) => s < 0) || total !== dim) {
        throw new OpError('Split', `split [${sizes.join(', ')}] must be non-negative sizes summing to ${dim}, the size of ${where}`);
      }
    } else if (numOutputs !== undefined) {
      if (numOutputs < 1) throw new OpError('Split', `num_outputs must be at least 1, got ${numOutputs}`);
      const chunk = Math.ceil(dim / numOutputs);
      const last = dim - chunk * (numOutputs - 1);
      if (dim > 0 && last <= 0) {
        throw new OpError('Split', `${where} cannot be split into ${numOutputs} pieces of ${chunk}: the last piece would have ${last} elements`, {
          fix: `pass explicit sizes in the 'split' input`,
        });
      }
      sizes = [...new Array<number>(numOutputs - 1).fill(chunk), last];
    } else {
      throw new OpError('Split', `the number of pieces is unknown: give the 'split' input or the 'num_outputs' attribute`);
    }
    let start = 0;
    return sizes.map((size) => {
      const piece = materialize(input.slice(axis, start, start + size));
      start += size;
      return piece;
    });
  },
});
