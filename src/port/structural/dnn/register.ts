/**
 * The cuDNN structural modules, registered in src/port/registry.ts: the descriptor lifter for
 * legacy cuDNN compute calls, the aclnn lowerers for the operators it lifts, and the handle and
 * descriptor life cycle that vanishes on CANN.
 */
import type { LifterRegistry } from '../../lift/lifter.js';
import type { LowererRegistry } from '../../lower/lowerer.js';
import { aclnnConvLowerer } from './aclnn-conv-lowerer.js';
import { ACLNN_OPERATORS, aclnnLowerer } from './aclnn-lowerers.js';
import { outputDimLowerer } from './conv-output-dims.js';
import { convPlanQueryLowerer, dropsPlanStatement } from './conv-plan-lowerer.js';
import { cudnnLifecycleLowerer, dropsDeclaration, LIFECYCLE_PRIMITIVES } from './cudnn-lifecycle.js';
import { recentErrorMessageLowerer } from './cudnn-error-string.js';
import { CUDNN_LIFTED, cudnnLifter } from './cudnn-lifter.js';
import { fusedInferAttentionLowerer } from './frontend-attention.js';
import { aclnnCastLowerer } from './frontend-cast.js';

export function registerCudnnLifters(lifters: LifterRegistry): LifterRegistry {
  for (const symbol of CUDNN_LIFTED) lifters.register({ backend: 'cuda', symbol }, cudnnLifter);
  return lifters;
}

export function registerDnnLowerers(lowerers: LowererRegistry): LowererRegistry {
  for (const operator of ACLNN_OPERATORS) lowerers.register({ target: 'cann', binding: `operator:${operator}` }, aclnnLowerer);
  for (const primitive of LIFECYCLE_PRIMITIVES) lowerers.register({ target: 'cann', binding: `primitive:${primitive}` }, cudnnLifecycleLowerer);
  lowerers.register({ target: 'cann', binding: 'primitive:error.string' }, recentErrorMessageLowerer);
  lowerers.register({ target: 'cann', binding: 'operator:Conv' }, aclnnConvLowerer);
  lowerers.register({ target: 'cann', binding: 'primitive:descriptor.get' }, outputDimLowerer);
  for (const primitive of ['algorithm.query', 'workspace.query']) lowerers.register({ target: 'cann', binding: `primitive:${primitive}` }, convPlanQueryLowerer);
  lowerers.registerStatementDropper('cann', dropsPlanStatement);
  lowerers.register({ target: 'cann', binding: 'operator:Attention' }, fusedInferAttentionLowerer);
  lowerers.register({ target: 'cann', binding: 'operator:Cast' }, aclnnCastLowerer);
  lowerers.registerDeclarationDropper('cann', dropsDeclaration);
  return lowerers;
}
