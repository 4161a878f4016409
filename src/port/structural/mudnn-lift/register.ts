/**
 * The muDNN → IR modules (back to CUDA), registered in src/port/registry.ts: the muDNN runs'
 * statement groups and lifter, their cuDNN lowerings on the source descriptors, and muDNN's Nd
 * setters as cuDNN's setters.
 */
import type { LifterRegistry } from '../../lift/lifter.js';
import type { LowererRegistry } from '../../lower/lowerer.js';
import { spelledFor } from '../../lower/cuda-compatible.js';
import { CUDNN_ON_DESCRIPTORS_OPERATORS, cudnnOnDescriptorsLowerer } from './cudnn-on-descriptors.js';
import { cudnnSetterLowerer } from './cudnn-setters.js';
import { mudnnGroupReader } from './mudnn-groups.js';
import { MUDNN_LIFTED_RUNS, mudnnRunLifter } from './mudnn-run-lifter.js';
import { OP_DESCRIPTOR_PRIMITIVES, opDescriptorsStayLowerer } from './op-descriptors-stay.js';

export function registerMudnnLiftLifters(lifters: LifterRegistry): LifterRegistry {
  for (const symbol of MUDNN_LIFTED_RUNS) lifters.register({ backend: 'musa', symbol }, mudnnRunLifter);
  return lifters.registerGroupReader({ backend: 'musa' }, mudnnGroupReader);
}

/** Registered before the CUDA lowerers over tensor views, which make their own handle and descriptors. */
export function registerMudnnLiftLowerers(lowerers: LowererRegistry): LowererRegistry {
  for (const operator of CUDNN_ON_DESCRIPTORS_OPERATORS) lowerers.register({ target: 'cuda', binding: `operator:${operator}` }, cudnnOnDescriptorsLowerer);
  lowerers.register({ target: 'cuda', binding: 'primitive:descriptor.set' }, cudnnSetterLowerer);
  for (const primitive of OP_DESCRIPTOR_PRIMITIVES) lowerers.register({ target: 'cuda', binding: `primitive:${primitive}` }, opDescriptorsStayLowerer);
  // MACA and T-Head keep cuDNN's calls: the CUDA lowerings serve them spelled their way (the
  // operator lowerings through the registry's reuse, the primitive ones here).
  for (const target of ['maca', 'thead'] as const) {
    lowerers.register({ target, binding: 'primitive:descriptor.set' }, spelledFor(cudnnSetterLowerer, target));
    for (const primitive of OP_DESCRIPTOR_PRIMITIVES) lowerers.register({ target, binding: `primitive:${primitive}` }, opDescriptorsStayLowerer);
  }
  return lowerers;
}
