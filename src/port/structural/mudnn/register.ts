/**
 * The muDNN structural modules, registered in src/port/registry.ts: the lifter of cuDNN's legacy
 * compute calls whose muDNN form has another shape, their muDNN lowerings on the source's
 * descriptors, cuDNN's fixed-rank setters as muDNN's Nd setters, the output-shape queries as host
 * arithmetic (muDNN has none), the activation descriptors the unary calls replace, the
 * convolution's default math type, and cudnnTransformTensor as mudnnPermute.
 */
import type { LifterRegistry } from '../../lift/lifter.js';
import type { LowererRegistry } from '../../lower/lowerer.js';
import { outputDimLowererFor } from '../dnn/conv-output-dims.js';
import { absorbedDeclarationDropper, absorbedDescriptorLowerer } from '../dnn/descriptor-absorption.js';
import { ACTIVATION_ABSORPTION } from './activation-descriptors.js';
import { MUDNN_COMPUTE_OPERATORS, mudnnComputeLowerer } from './mudnn-compute.js';
import { MUDNN_FRONTEND_OPERATORS, mudnnFrontendLowerer } from './mudnn-frontend.js';
import { MUDNN_LIFTED, mudnnLifter } from './mudnn-lifter.js';
import { mudnnSetterLowerer } from './mudnn-setters.js';
import { requestedAlgorithmCountLowerer } from './requested-algorithm-count.js';
import { convolutionDefaultMathLowerer } from './convolution-math-type.js';
import { transformTensorLowerer } from './transform-tensor.js';
import { CUDNN_NAMED_BACKENDS } from './cudnn-named-sources.js';
import { successValue } from '../../lower/vanishing-call.js';

export function registerMudnnLifters(lifters: LifterRegistry): LifterRegistry {
  for (const backend of CUDNN_NAMED_BACKENDS) for (const symbol of MUDNN_LIFTED) lifters.register({ backend, symbol }, mudnnLifter);
  return lifters;
}

export function registerMudnnLowerers(lowerers: LowererRegistry): LowererRegistry {
  for (const operator of MUDNN_FRONTEND_OPERATORS) lowerers.register({ target: 'musa', binding: `operator:${operator}` }, mudnnFrontendLowerer);
  for (const operator of MUDNN_COMPUTE_OPERATORS) lowerers.register({ target: 'musa', binding: `operator:${operator}` }, mudnnComputeLowerer);
  lowerers.register({ target: 'musa', binding: 'primitive:descriptor.set' }, mudnnSetterLowerer);
  lowerers.register({ target: 'musa', binding: 'primitive:descriptor.set' }, convolutionDefaultMathLowerer);
  lowerers.register({ target: 'musa', binding: 'operator:Transpose' }, transformTensorLowerer);
  lowerers.register({ target: 'musa', binding: 'primitive:descriptor.get' }, outputDimLowererFor(successValue('MUDNN_STATUS_SUCCESS')));
  lowerers.register({ target: 'musa', binding: 'primitive:algorithm.query' }, requestedAlgorithmCountLowerer);
  const activations = absorbedDescriptorLowerer(ACTIVATION_ABSORPTION);
  for (const primitive of ['descriptor.create', 'descriptor.set', 'descriptor.destroy']) lowerers.register({ target: 'musa', binding: `primitive:${primitive}` }, activations);
  lowerers.registerDeclarationDropper('musa', absorbedDeclarationDropper(ACTIVATION_ABSORPTION));
  return lowerers;
}
