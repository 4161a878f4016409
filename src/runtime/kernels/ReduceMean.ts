/**
 * ReduceMean (ONNX ReduceMean-18): the sum of ReduceSum divided by the group size. Floats:
 * the division happens in the profile's accumulation dtype (golden: float64, rounded once);
 * the mean of an empty set, which ONNX leaves undefined, is NaN (0/0, as NumPy and PyTorch
 * give; ONNX Runtime returns 0). Integers: the wrapped integer sum divided with truncation
 * toward zero, as ONNX Runtime does; an empty integer mean is an error.
 */
import { defineKernel } from '../kernel.js';
import { rounderFor } from '../numerics/accumulate.js';
import {
  SUM_DTYPES,
  emptyAxisError,
  groupAxes,
  planReduction,
  readReduceAttributes,
  sumGroups,
  tensorFromValues,
} from './templates/reduction.js';
import { reductionNumerics } from './templates/compute-precision.js';
import { materialize } from './templates/outer-index.js';

export const ReduceMean = defineKernel({
  name: 'ReduceMean',
  inputs: { min: 1, max: 2 },
  parseAttributes: (raw) => readReduceAttributes('ReduceMean', raw),
  run: (inputs, attributes, ctx) => {
    const plan = planReduction('ReduceMean', inputs, attributes, SUM_DTYPES);
    if (plan.noop) return [materialize(plan.data)];
    const dtype = plan.data.dtype;
    const groups = groupAxes(plan.data, plan.axes);
    const numerics = reductionNumerics(dtype, ctx);
    const sums = sumGroups(groups, numerics);
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
