/**
 * ArgMax (ONNX ArgMax-13): int64 index of the maximum along `axis`; ties and NaN resolved
 * exactly as ONNX Runtime does (select_last_index included). See templates/extremes.ts.
 */
import { defineKernel } from '../kernel.js';
import { argExtreme, readArgAttributes } from './templates/extremes.js';

export const ArgMax = defineKernel({
  name: 'ArgMax',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => readArgAttributes('ArgMax', raw),
  run: (inputs, attributes) => [argExtreme('ArgMax', inputs, attributes, 'max')],
});
