/**
 * The muDNN → IR modules (back to CUDA), registered in src/port/registry.ts: muDNN's Nd setters
 * as cuDNN's setters.
 */
import type { LowererRegistry } from '../../lower/lowerer.js';
import { cudnnSetterLowerer } from './cudnn-setters.js';

export function registerMudnnLiftLowerers(lowerers: LowererRegistry): LowererRegistry {
  lowerers.register({ target: 'cuda', binding: 'primitive:descriptor.set' }, cudnnSetterLowerer);
  return lowerers;
}
