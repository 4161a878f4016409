/**
 * The XDNN (Kunlunxin) structural modules, registered in src/port/registry.ts: library handles
 * as xpu::Context, canonical operators with tensor views as XDNN calls, and the cuDNN / cuBLASLt
 * descriptor life cycles that vanish on Kunlun.
 */
import type { LifterRegistry } from '../../lift/lifter.js';
import type { LowererRegistry } from '../../lower/lowerer.js';
import { cublasScalLifter } from './cublas-scal-lifter.js';
import { dropsXdnnConvPlanStatement, xdnnConvPlanQueryLowerer, xdnnOutputDimLowerer } from './conv-queries.js';
import { CONTEXT_PRIMITIVES, xdnnContextLowerer } from './xdnn-context.js';
import { DESCRIPTOR_PRIMITIVES, dropsDescriptorDeclaration, xdnnDescriptorLifecycleLowerer } from './xdnn-lifecycle.js';
import { xdnnLowerer } from './xdnn-lowerer.js';
import { XDNN_OPERATORS } from './xdnn-plan.js';

export function registerXdnnLowerers(lowerers: LowererRegistry): LowererRegistry {
  for (const primitive of CONTEXT_PRIMITIVES) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, xdnnContextLowerer);
  // Before the descriptor life cycle, which also answers algorithm queries (cuBLASLt's heuristic).
  for (const primitive of ['algorithm.query', 'workspace.query']) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, xdnnConvPlanQueryLowerer);
  lowerers.register({ target: 'kunlun', binding: 'primitive:descriptor.get' }, xdnnOutputDimLowerer);
  lowerers.registerStatementDropper('kunlun', dropsXdnnConvPlanStatement);
  for (const operator of XDNN_OPERATORS) lowerers.register({ target: 'kunlun', binding: `operator:${operator}` }, xdnnLowerer);
  for (const primitive of DESCRIPTOR_PRIMITIVES) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, xdnnDescriptorLifecycleLowerer);
  lowerers.registerDeclarationDropper('kunlun', dropsDescriptorDeclaration);
  return lowerers;
}

export function registerXdnnLifters(lifters: LifterRegistry): LifterRegistry {
  return lifters.register({ backend: 'cuda', symbol: 'cublasSscal' }, cublasScalLifter);
}
