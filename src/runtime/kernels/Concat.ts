/**
 * Concat (ONNX Concat-13): joins one or more tensors of one dtype and rank along `axis`
 * (required); all other dimensions must agree. Copies whole contiguous blocks of stored
 * elements, so every dtype is exact and large inputs copy at memory speed.
 */
import { OpError, formatShape } from '../../errors.js';
import { allocateStorage } from '../dtype.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { normalizeAxisOf } from './templates/axis-inputs.js';
import { requireInput, requireSameDType } from './templates/elementwise.js';
import { copyRun } from './templates/stored-elements.js';

export const Concat = defineKernel({
  name: 'Concat',
  inputs: { min: 1, max: Infinity },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Concat', raw);
    const axis = reader.int('axis');
    reader.done();
    if (axis === undefined) throw new OpError('Concat', `attribute 'axis' is required`, { fix: 'pass the axis to join along, e.g. { axis: 1 }' });
    return { axis };
  },
  run: (inputs, { axis: axisAttribute }) => {
    const tensors = inputs.map((_, i) => requireInput('Concat', inputs, i, `inputs[${i}]`));
    const names = tensors.map((_, i) => `inputs[${i}]`);
    requireSameDType('Concat', tensors, names);
    const first = tensors[0];
    const axis = normalizeAxisOf('Concat', axisAttribute, first.shape);
    tensors.forEach((t, i) => {
      const agrees = t.rank === first.rank && t.shape.every((d, j) => j === axis || d === first.shape[j]);
      if (!agrees) {
        throw new OpError(
          'Concat',
          `inputs[0] ${formatShape(first.shape)} and inputs[${i}] ${formatShape(t.shape)} must match in every dimension except axis ${axisAttribute}`,
        );
      }
    });
    const shape = [...first.shape];
    shape[axis] = tensors.reduce((n, t) => n + t.shape[axis], 0);
    const outer = shape.slice(0, axis).reduce((n, d) => n * d, 1);
    const inner = shape.slice(axis + 1).reduce((n, d) => n * d, 1);
    const outBlock = shape[axis] * inner;
    const out = allocateStorage(first.dtype, outer * outBlock);
    let at = 0;
    for (const t of tensors) {
      const source = t.contiguous();
      const block = t.shape[axis] * inner;
      for (let o = 0; o < outer; o++) copyRun(out, o * outBlock + at, source.storage, source.offset + o * block, block);
      at += block;
    }
    return [new Tensor(out, first.dtype, shape)];
  },
});
