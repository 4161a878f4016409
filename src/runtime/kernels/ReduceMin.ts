/**
 * ReduceMin (ONNX ReduceMin-20): the minimum over the axes given by the optional int64 `axes` input,
 * copied bit-exactly from the data. NaN propagates; an empty set gives
 * +inf (or the type's maximum, true for bool). See templates/extremes.ts.
 */
import { defineKernel } from '../kernel.js';
import { reduceExtreme } from './templates/extremes.js';
import { readReduceAttributes } from './templates/reduction.js';

export const ReduceMin = defineKernel({
  name: 'ReduceMin',
  inputs: { min: 1, max: 2 },
  parseAttributes: (raw) => readReduceAttributes('ReduceMin', raw),
  run: (inputs, attributes) => [reduceExtreme('ReduceMin', inputs, attributes, 'min')],
});
