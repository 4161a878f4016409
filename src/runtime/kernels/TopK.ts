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

/** All positions 0..n-1 in output order. */
function sortAll(order: Int32Array, compare: (a: number, b: number) => number): Int32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort(compare);
}

/** The first k of positions 0..n-1 in output order, by insertion into a sorted buffer (k << n). */
function selectFirst(k: number, n: number, compare: (a: number, b: number) => number): Int32Array {
  const best = new Int32Array(k);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    if (filled === k && compare(i, best[k - 1]) >= 0) continue;
    let j = filled < k ? filled++ : k - 1;
    for (; j > 0 && compare(i, best[j - 1]) < 0; j--) best[j] = best[j - 1];
    best[j] = i;
  }
  return best;
}

export const TopK = defineKernel({
  name: 'TopK',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw): TopKAttributes => {
    const reader = new AttributeReader('TopK', raw);
    const attributes = { axis: reader.int('axis', -1), largest: reader.bool('largest', true), sorted: reader.bool('sorted', true) };
    reader.done();
    return attributes;
  },
  // `sorted` is read (and validated) but changes nothing: sorted output is valid for both values.
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

    const groups = groupAxes(x, [axis]);
    const { grouped, count, size } = groups;
    const keys = orderKeys(groups);
    const src = cells(grouped.storage);
    const values = allocateStorage(x.dtype, count * k);
    const dst = cells(values);
    const indices = new BigInt64Array(count * k);
    let base = 0;
    // Output order of positions a and b of the current group: NaN ranks highest; equal values
    // keep the lower index first. A total order, so any selection method gives the same result.
    const compare = (a: number, b: number): number => {
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
    const order = new Int32Array(size);
    for (let g = 0; g < count && k > 0; g++) {
      base = g * size;
      const chosen = k * 8 < size ? selectFirst(k, size, compare) : sortAll(order, compare);
      for (let j = 0; j < k; j++) {
        dst[g * k + j] = src[base + chosen[j]];
        indices[g * k + j] = BigInt(chosen[j]);
      }
    }
    const groupedShape = [...grouped.shape.slice(0, -1), k];
    return [
      restoreAxis(new Tensor(values, x.dtype, groupedShape), axis),
      restoreAxis(new Tensor(indices, 'int64', groupedShape), axis),
    ];
  },
});
