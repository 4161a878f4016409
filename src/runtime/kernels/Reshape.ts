/**
 * Reshape (ONNX Reshape-25): the data in row-major order with the shape given by the int64
 * input `shape`. One entry may be -1 (inferred); 0 copies the input's dimension at that
 * position unless allowzero = 1, where it means a zero-sized dimension (and then -1 and 0
 * cannot be combined). Elements are copied bit-exactly into fresh storage.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { readIntegerVector } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { materialize } from './templates/outer-index.js';

function resolveShape(from: readonly number[], requested: readonly number[], allowZero: boolean): number[] {
  const fail = (why: string): never => {
    throw new OpError('Reshape', `cannot reshape data ${formatShape(from)} to ${formatShape(requested)}: ${why}`);
  };
  if (requested.filter((d) => d === -1).length > 1) fail('at most one dimension may be -1');
  if (allowZero && requested.includes(0) && requested.includes(-1)) fail('with allowzero = 1, 0 and -1 cannot both appear');
  const dims = requested.map((d, i) => {
    if (d < -1) return fail(`dimension ${d} at position ${i} is negative`);
    if (d !== 0 || allowZero) return d;
    if (i >= from.length) return fail(`0 at position ${i} copies an input dimension, but the data has rank ${from.length}`);
    return from[i];
  });
  const size = shapeSize(from);
  const inferred = dims.indexOf(-1);
  if (inferred >= 0) {
    const known = dims.reduce((n, d) => (d === -1 ? n : n * d), 1);
    if (known === 0 || size % known !== 0) fail(`${size} elements cannot fill the other dimensions (product ${known})`);
    dims[inferred] = size / known;
  }
  if (shapeSize(dims) !== size) fail(`${size} elements do not fill ${shapeSize(dims)}`);
  return dims;
}

export const Reshape = defineKernel({
  name: 'Reshape',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Reshape', raw);
    const allowZero = reader.bool('allowzero', false);
    reader.done();
    return { allowZero };
  },
  run: (inputs, { allowZero }) => {
    const data = requireInput('Reshape', inputs, 0, 'data');
    const requested = readIntegerVector('Reshape', requireInput('Reshape', inputs, 1, 'shape'), 'shape');
    const shape = resolveShape(data.shape, requested, allowZero);
    return [new Tensor(materialize(data).storage, data.dtype, shape)];
  },
});
