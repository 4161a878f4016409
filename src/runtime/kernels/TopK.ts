/**
 * TopK (ONNX TopK-24): the K largest (or smallest) elements along `axis` and their int64
 * indices. K is a 1-D int64 tensor holding one value in [0, dim]. Equal values keep the lower
 * index first, as ONNX specifies and ONNX Runtime does. NaN ranks above every number (first
 * for largest, last for smallest), as in PyTorch; ONNX Runtime's order with NaN is undefined.
 * Results are always sorted: ONNX leaves the order unspecified when sorted = 0, so sorted
 * output is a valid answer for both. Values are copied bit-exactly from X.
 */
import { OpError, formatShape } from '../../errors.js';
import { allocateStorage } from '../dtype.js';
import type { DType } from '../dtype.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { normalizeAxisOf, readIntegerVector } from './templates/axis-inputs.js';
import { requireDType, requireInput } from './templates/elementwise.js';
import { ARG_DTYPES, orderKeys } from './templates/extremes.js';
import { groupAxes, restoreAxis } from './templates/reduction.js';
import { cells } from './templates/stored-elements.js';

interface TopKAttributes {
  readonly axis: number;
  readonly largest: boolean;
  readonly sorted: boolean;
}

/** ONNX TopK-24 types (all numeric). */
const TOPK_DTYPES: readonly DType[] = ARG_DTYPES;

export const TopK = defineKernel({
  name: 'TopK',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw): TopKAttributes => {
    const reader = new AttributeReader('TopK', raw);
    const attributes = { axis: reader.int('axis', -1), largest: reader.bool('largest', true), sorted: reader.bool('sorted', true) };
    reader.done();
    return attributes;
  },
  run: (inputs, { axis: axisAttribute, largest }) => {
    const x = requireInput('TopK', inputs, 0, 'X');
    requireDType('TopK', x, 'X', TOPK_DTYPES);
    const axis = normalizeAxisOf('TopK', axisAttribute, x.shape);
    const kValues = readIntegerVector('TopK', requireInput('TopK', inputs, 1, 'K'), 'K');
    if (kValues.length !== 1) throw new OpError('TopK', `input 'K' must hold exactly one value, got [${kValues.join(', ')}]`);
    const k = kValues[0];
    const dim = x.shape[axis];
    if (k < 0 || k > dim) {
      throw new OpError('TopK', `K = ${k} is outside [0, ${dim}] for axis ${axisAttribute} of X ${formatShape(x.shape)}`);
    }

    const { grouped, count, size } = groupAxes(x, [axis]);
    const keys = orderKeys(grouped);
    const src = cells(grouped.storage);
    const values = allocateStorage(x.dtype, count * k);
    const dst = cells(values);
    const indices = new BigInt64Array(count * k);
    const order = new Int32Array(size);
    // NaN ranks highest; equal values keep the lower index first.
    const compare = (base: number) => (a: number, b: number): number => {
      const va = keys[base + a];
      const vb = keys[base + b];
      const nanA = va !== va;
      const nanB = vb !== vb;
      if (nanA || nanB) {
        if (nanA && nanB) return a - b;
        return nanA === largest ? -1 : 1;
      }
      if (va > vb) return largest ? -1 : 1;
      if (va < vb) return largest ? 1 : -1;
      return a - b;
    };
    for (let g = 0; g < count; g++) {
      const base = g * size;
      for (let i = 0; i < size; i++) order[i] = i;
      order.sort(compare(base));
      for (let j = 0; j < k; j++) {
        dst[g * k + j] = src[base + order[j]];
        indices[g * k + j] = BigInt(order[j]);
      }
    }
    const groupedShape = [...grouped.shape.slice(0, -1), k];
    return [
      restoreAxis(new Tensor(values, x.dtype, groupedShape), axis),
      restoreAxis(new Tensor(indices, 'int64', groupedShape), axis),
    ];
  },
});
