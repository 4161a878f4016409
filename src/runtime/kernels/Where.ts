/**
 * Where (ONNX Where-16): condition ? X : Y, with all three broadcast together (NumPy rules).
 * Elements are copied as stored, so every dtype (int64 beyond 2^53, NaN payloads, -0)
 * passes through bit for bit.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { allocateStorage } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { broadcastShapes, broadcastStrides, stridedIndices, shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { ALL_DTYPES, requireDType, requireInput, requireSameDType } from './templates/elementwise.js';

/** Any storage, indexed without caring whether it holds numbers or bigints. */
type Elements = { [index: number]: number | bigint };

/** Storage indices of `t` read as if broadcast to `shape`. */
function broadcastIndices(t: Tensor, shape: readonly number[]): Int32Array | Float64Array {
  return stridedIndices(shape, broadcastStrides(t.shape, t.strides, shape, 'Where'), t.offset);
}

export const Where = defineKernel({
  name: 'Where',
  inputs: { min: 3, max: 3 },
  parseAttributes: (raw) => new AttributeReader('Where', raw).done(),
  run: (inputs) => {
    const condition = requireInput('Where', inputs, 0, 'condition');
    const x = requireInput('Where', inputs, 1, 'X');
    const y = requireInput('Where', inputs, 2, 'Y');
    if (condition.dtype !== 'bool') {
      throw new OpError('Where', `input 'condition' must be bool, got ${condition.dtype}`, {
        fix: 'compare the tensor (e.g. with Greater or Equal) or Cast it to bool first',
      });
    }
    requireDType('Where', x, 'X', ALL_DTYPES);
    requireSameDType('Where', [x, y], ['X', 'Y']);
    const shape = broadcastShapes([condition.shape, x.shape, y.shape], 'Where');
    const size = shapeSize(shape);
    const out = allocateStorage(x.dtype, size);
    if (size > 0) {
      const c = condition.storage as Uint8Array;
      const ci = broadcastIndices(condition, shape);
      const xi = broadcastIndices(x, shape);
      const yi = broadcastIndices(y, shape);
      // X, Y and the output share one storage class (one dtype): element copies are exact.
      const xs: Elements = x.storage;
      const ys: Elements = y.storage;
      const dst: Elements = out;
      for (let i = 0; i < size; i++) dst[i] = c[ci[i]] ? xs[xi[i]] : ys[yi[i]];
    }
    return [new Tensor(out, x.dtype, shape)];
  },
});
