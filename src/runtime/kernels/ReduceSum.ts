/**
 * ReduceSum (ONNX ReduceSum-13): sum over the axes given by the optional int64 `axes` input
 * (all axes when absent; the identity when absent and noop_with_empty_axes = 1). The sum of an
 * empty set is 0. Floats accumulate under the profile (golden: float64, rounded once);
 * int32 and int64 add exactly and wrap around on overflow like device integer arithmetic.
 */
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { readReduceAttributes, reduceGroupSums, tensorFromValues } from './templates/reduction.js';

export const ReduceSum = defineKernel({
  name: 'ReduceSum',
  inputs: { min: 1, max: 2 },
  parseAttributes: (raw) => readReduceAttributes('ReduceSum', raw),
  run: (inputs, attributes, ctx) => {
    const reduced = reduceGroupSums('ReduceSum', inputs, attributes, ctx);
    if (reduced instanceof Tensor) return [reduced];
    return [tensorFromValues(reduced.sums, reduced.plan.outputShape, reduced.plan.data.dtype)];
  },
});
