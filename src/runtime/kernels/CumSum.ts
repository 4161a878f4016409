/**
 * CumSum (ONNX CumSum-14): running sums of `x` along the axis given by the 0-D int32/int64
 * input `axis` (a one-element 1-D tensor is accepted too, as ONNX Runtime does); `exclusive`
 * leaves the current element out, `reverse` runs from the end.
 *
 * A prefix sum is a sequential scan: in profiled mode every partial sum is rounded to the
 * profile's accumulation dtype (the reduction order setting does not apply to a scan); in
 * golden mode partial sums are float64 and each output is rounded once. int32 and int64 add
 * exactly and wrap around on overflow, as ONNX Runtime does.
 */
import { AttributeReader } from '../attribute-reader.js';
import { allocateStorage, type Storage } from '../dtype.js';
import { encodeFromNumbers } from '../element-codec.js';
import { defineKernel } from '../kernel.js';
import { rounderFor } from '../numerics/accumulate.js';
import { Tensor } from '../tensor.js';
import { normalizeAxisOf, readIntegerScalar } from './templates/axis-inputs.js';
import { requireDType, requireInput } from './templates/elementwise.js';
import { reductionNumerics } from './templates/compute-precision.js';
import { SUM_DTYPES, groupAxes, groupValues, restoreAxis } from './templates/reduction.js';

interface CumSumAttributes {
  readonly exclusive: boolean;
  readonly reverse: boolean;
}

export const CumSum = defineKernel({
  name: 'CumSum',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw): CumSumAttributes => {
    const reader = new AttributeReader('CumSum', raw);
    const attributes = { exclusive: reader.bool('exclusive', false), reverse: reader.bool('reverse', false) };
    reader.done();
    return attributes;
  },
  run: (inputs, { exclusive, reverse }, ctx) => {
    const x = requireInput('CumSum', inputs, 0, 'x');
    requireDType('CumSum', x, 'x', SUM_DTYPES);
    const axisValue = readIntegerScalar('CumSum', requireInput('CumSum', inputs, 1, 'axis'), 'axis', { dtypes: ['int64', 'int32'] });
    const axis = normalizeAxisOf('CumSum', axisValue, x.shape);
    const groups = groupAxes(x, [axis]);
    const { grouped, count, size } = groups;
    // Position j of a group in scan order; the scan visits first..last or last..first.
    const at = (g: number, j: number): number => g * size + (reverse ? size - 1 - j : j);

    let sums: Storage;
    if (x.dtype === 'int64') {
      const src = grouped.storage as BigInt64Array;
      const out = new BigInt64Array(size * count);
      for (let g = 0; g < count; g++) {
        let acc = 0n;
        for (let j = 0; j < size; j++) {
          const p = at(g, j);
          const next = BigInt.asIntN(64, acc + src[p]);
          out[p] = exclusive ? acc : next;
          acc = next;
        }
      }
      sums = out;
    } else {
      const values = groupValues(groups);
      // float32 / float64 / int32 results are stored straight into their dtype (one rounding on
      // store); half types keep float64 partial sums and are encoded once at the end.
      const half = x.dtype === 'float16' || x.dtype === 'bfloat16';
      const out = half ? new Float64Array(size * count) : (allocateStorage(x.dtype, size * count) as Float32Array | Float64Array | Int32Array);
      const round = x.dtype === 'int32' ? (v: number) => v | 0 : rounderFor(reductionNumerics(x.dtype, ctx).accumulate);
      for (let g = 0; g < count; g++) {
        let acc = 0;
        for (let j = 0; j < size; j++) {
          const p = at(g, j);
          const next = round(acc + values[p]);
          out[p] = exclusive ? acc : next;
          acc = next;
        }
      }
      sums = half ? encodeFromNumbers(out, x.dtype) : out;
    }
    return [restoreAxis(new Tensor(sums, x.dtype, grouped.shape), axis)];
  },
});
