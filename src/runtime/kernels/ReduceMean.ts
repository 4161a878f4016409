/**
 * ReduceMean (ONNX ReduceMean-18): the sum of ReduceSum divided by the group size. Floats:
 * the division happens in the profile's accumulation dtype (golden: float64, rounded once);
 * the mean of an empty set, which ONNX leaves undefined, is NaN (0/0, as NumPy and PyTorch
 * give; ONNX Runtime returns 0). Integers: the wrapped integer sum divided with truncation
 * toward zero, as ONNX Runtime does; an empty integer mean is an error.
 */
import { defineKernel } from '../kernel.js';
import { rounderFor } from '../numerics/accumulate.js';
import { Tensor } from '../tensor.js';
import { emptyAxisError, readReduceAttributes, reduceGroupSums, tensorFromValues } from './templates/reduction.js';

export const ReduceMean = defineKernel({
  name: 'ReduceMean',
  inputs: { min: 1, max: 2 },
  parseAttributes: (raw) => readReduceAttributes('ReduceMean', raw),
  run: (inputs, attributes, ctx) => {
    const reduced = reduceGroupSums('ReduceMean', inputs, attributes, ctx);
    if (reduced instanceof Tensor) return [reduced];
    const { plan, groups, sums, numerics } = reduced;
    const dtype = plan.data.dtype;
    const n = groups.size;
    if (n === 0 && groups.count > 0 && (dtype === 'int32' || dtype === 'int64')) {
      throw emptyAxisError('ReduceMean', plan.data, plan.axes, `the mean of an empty set is undefined for ${dtype}`);
    }
    if (sums instanceof BigInt64Array) {
      const divisor = BigInt(n);
      for (let g = 0; g < sums.length; g++) sums[g] /= divisor;
    } else if (dtype === 'int32') {
      for (let g = 0; g < sums.length; g++) sums[g] = Math.trunc(sums[g] / n);
    } else {
      const round = rounderFor(numerics.accumulate);
      for (let g = 0; g < sums.length; g++) sums[g] = round(sums[g] / n);
    }
    return [tensorFromValues(sums, plan.outputShape, dtype)];
  },
});
