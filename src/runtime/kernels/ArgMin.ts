/**
 * ArgMin (ONNX ArgMin-13): int64 index of the minimum along `axis`; ties and NaN resolved
 * exactly as ONNX Runtime does (select_last_index included). See templates/extremes.ts.
 */
import { defineKernel } from '../kernel.js';
import { argExtreme, readArgAttributes } from './templates/extremes.js';

export const ArgMin = defineKernel({
  name: 'ArgMin',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => readArgAttributes('ArgMin', raw),
  run: (inputs, attributes) => [argExtreme('ArgMin', inputs, attributes, 'min')],
});
