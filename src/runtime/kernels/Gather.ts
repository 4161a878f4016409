/**
 * Gather (ONNX Gather-13): picks entries of `data` along `axis` with int32/int64 `indices`
 * of any shape (negative indices count from the end; out-of-range ones are an error). The
 * output shape is data.shape[:axis] + indices.shape + data.shape[axis+1:] — with axis 0 and
 * a [vocab, dim] table this is an embedding lookup. Stored elements are copied bit-exactly.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { normalizeAxisOf, readIntegers } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { identityTable, outerIndex } from './templates/outer-index.js';

export const Gather = defineKernel({
  name: 'Gather',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Gather', raw);
    const axis = reader.int('axis', 0);
    reader.done();
    return { axis };
  },
  run: (inputs, { axis: axisAttribute }) => {
    const data = requireInput('Gather', inputs, 0, 'data');
    const indices = requireInput('Gather', inputs, 1, 'indices');
    const axis = normalizeAxisOf('Gather', axisAttribute, data.shape);
    const dim = data.shape[axis];
    const picks = readIntegers('Gather', indices, 'indices', { dtypes: ['int64', 'int32'], allowHuge: true });
    const table = new Int32Array(picks.length);
    picks.forEach((index, i) => {
      if (index < -dim || index >= dim) {
        throw new OpError(
          'Gather',
          `indices element ${i} is ${index}, outside [${-dim}, ${dim - 1}] for axis ${axisAttribute} of data ${formatShape(data.shape)}`,
        );
      }
      table[i] = index < 0 ? index + dim : index;
    });
    const tables = data.shape.map((d, i) => (i === axis ? table : identityTable(d)));
    const gathered = outerIndex(data, tables);
    const shape = [...data.shape.slice(0, axis), ...indices.shape, ...data.shape.slice(axis + 1)];
    return [new Tensor(gathered.storage, data.dtype, shape)];
  },
});
