/**
 * MaxPool (ONNX MaxPool-22, any number of spatial axes) plus the `data_format` extension.
 * Outputs Y and Indices (int64): the flattened index of each maximum in X — row-major over
 * (N, C, D1..Dn) with storage_order 0, spatial axes column-major (D1 fastest) with
 * storage_order 1, and row-major over X's own (N, D1..Dn, C) layout for NHWC.
 *
 * NaN propagates: a window holding NaN yields NaN and the index of its first NaN (window
 * order is row-major over the kernel taps). Ties keep the first maximum. Padding never wins.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import type { DType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { requireDType, requireInput } from './templates/elementwise.js';
import { inDataFormat, planPool, poolOutputShape, readPoolAttributes, type PoolAttributes } from './templates/pooling.js';
import { emptyWindowError } from './templates/sliding-window.js';

const MAXPOOL_DTYPES: readonly DType[] = ['float64', 'float32', 'float16', 'bfloat16', 'int8', 'uint8'];

interface MaxPoolAttributes extends PoolAttributes {
  readonly storageOrder: 0 | 1;
}

export const MaxPool = defineKernel<MaxPoolAttributes>({
  name: 'MaxPool',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const r = new AttributeReader('MaxPool', raw);
    const pool = readPoolAttributes('MaxPool', r);
    const storageOrder = r.int('storage_order', 0);
    r.done();
    if (storageOrder !== 0 && storageOrder !== 1) {
      throw new OpError('MaxPool', `attribute 'storage_order' must be 0 (row major) or 1 (column major), got ${storageOrder}`);
    }
    if (storageOrder === 1 && pool.dataFormat === 'NHWC') {
      throw new OpError('MaxPool', "storage_order=1 is defined for NCHW only; with data_format 'NHWC' Indices are row-major over X");
    }
    return { ...pool, storageOrder };
  },
  run: (inputs, attrs, _ctx) => {
    const xIn = requireInput('MaxPool', inputs, 0, 'X');
    requireDType('MaxPool', xIn, 'X', MAXPOOL_DTYPES);
    const plan = planPool('MaxPool', xIn, attrs);
    const { channels, planes, inputSize, positions, taps, values, table, nhwc } = plan;
    const y = new Float64Array(planes * positions);
    const indices = new Float64Array(planes * positions);
    const columnMajor = attrs.storageOrder === 1 ? columnMajorIndex(plan.geometry.input) : undefined;
    for (let plane = 0; plane < planes; plane++) {
      const base = plane * inputSize;
      for (let o = 0; o < positions; o++) {
        let best = -Infinity;
        let bestIndex = -1;
        for (let t = 0; t < taps; t++) {
          const index = table[t * positions + o];
          if (index < 0) continue;
          const v = values[base + index];
          if (bestIndex < 0 || v > best || (v !== v && best === best)) {
            best = v;
            bestIndex = index;
          }
        }
        if (bestIndex < 0) throw emptyWindowError('MaxPool', plan.geometry, o);
        y[plane * positions + o] = best;
        indices[plane * positions + o] = flatIndex(plane, bestIndex, inputSize, channels, columnMajor, nhwc);
      }
    }
    const outShape = poolOutputShape(plan);
    return [inDataFormat(plan, Tensor.fromNumbers(y, outShape, xIn.dtype)), inDataFormat(plan, Tensor.fromNumbers(indices, outShape, 'int64'))];
  },
});

/** Maps a row-major spatial index to its column-major (first axis fastest) index. */
function columnMajorIndex(shape: readonly number[]): Float64Array {
  const size = shapeSize(shape);
  const map = new Float64Array(size);
  const index = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < size; i++) {
    let cm = 0;
    for (let d = shape.length - 1; d >= 0; d--) cm = cm * shape[d] + index[d];
    map[i] = cm;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return map;
}

function flatIndex(plane: number, spatial: number, inputSize: number, channels: number, columnMajor: Float64Array | undefined, nhwc: boolean): number {
  if (nhwc) {
    const n = Math.floor(plane / channels);
    const c = plane - n * channels;
    return (n * inputSize + spatial) * channels + c;
  }
  return plane * inputSize + (columnMajor ? columnMajor[spatial] : spatial);
}
