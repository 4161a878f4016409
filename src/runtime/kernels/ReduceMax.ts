/**
 * ReduceMax (ONNX ReduceMax-20): the maximum over the axes given by the optional int64 `axes` input,
 * copied bit-exactly from the data. NaN propagates; an empty set gives
 * -inf (or the type's minimum, false for bool). See templates/extremes.ts.
 */
import { defineKernel } from '../kernel.js';
import { reduceExtreme } from './templates/extremes.js';
import { readReduceAttributes } from './templates/reduction.js';

export const ReduceMax = defineKernel({
  name: 'ReduceMax',
  inputs: { min: 1, max: 2 },
  parseAttributes: (raw) => readReduceAttributes('ReduceMax', raw),
  run: (inputs, attributes) => [reduceExtreme('ReduceMax', inputs, attributes, 'max')],
});
