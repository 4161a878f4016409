/**
 * The XDNN (Kunlunxin) structural modules, registered in src/port/registry.ts: library handles
 * as xpu::Context, canonical operators with tensor views as XDNN calls, the cuDNN descriptor
 * life cycles and the cuBLASLt set-up (blas/cublaslt-setup.ts) that vanish on Kunlun, a
 * cuBLASLt epilogue parameter as an activation, and cudaDeviceSynchronize as waits on the streams.
 */
import type { LowererRegistry } from '../../lower/lowerer.js';
import { epilogueAsActivation } from '../blas/cublaslt-epilogue-activation.js';
import { dropsXdnnConvPlanStatement, xdnnConvPlanQueryLowerer, xdnnOutputDimLowerer } from './conv-queries.js';
import { CONTEXT_PRIMITIVES, xdnnContextLowerer } from './xdnn-context.js';
import { DESCRIPTOR_PRIMITIVES, dropsDescriptorDeclaration, xdnnDescriptorLifecycleLowerer } from './xdnn-lifecycle.js';
import { XDNN_FRONTEND_BINDINGS, xdnnFrontendLowerer } from './xdnn-frontend.js';
import { xdnnLowerer } from './xdnn-lowerer.js';
import { deviceSynchronizeRewriter } from './device-synchronize.js';
import { defaultStreamOrder } from './default-stream-order.js';
import { planXdnn, XDNN_OPERATORS } from './xdnn-plan.js';
import { CUBLASLT_SETUP_PRIMITIVES, cublasLtSetup } from '../blas/cublaslt-setup.js';

export function registerXdnnLowerers(lowerers: LowererRegistry): LowererRegistry {
  for (const primitive of CONTEXT_PRIMITIVES) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, xdnnContextLowerer);
  // Graph nodes first: the general plans decline mixed element types, which a graph's float32 chain has.
  for (const operator of XDNN_FRONTEND_BINDINGS) lowerers.register({ target: 'kunlun', binding: `operator:${operator}` }, xdnnFrontendLowerer);
  // Before the descriptor life cycle, which also answers algorithm queries (cuBLASLt's heuristic).
  for (const primitive of ['algorithm.query', 'workspace.query']) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, xdnnConvPlanQueryLowerer);
  lowerers.register({ target: 'kunlun', binding: 'primitive:descriptor.get' }, xdnnOutputDimLowerer);
  lowerers.registerStatementDropper('kunlun', dropsXdnnConvPlanStatement);
  for (const operator of XDNN_OPERATORS) lowerers.register({ target: 'kunlun', binding: `operator:${operator}` }, xdnnLowerer);
  for (const primitive of DESCRIPTOR_PRIMITIVES) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, xdnnDescriptorLifecycleLowerer);
  lowerers.registerDeclarationDropper('kunlun', dropsDescriptorDeclaration);
  // No device-wide synchronize: the default stream and each stream the program created.
  lowerers.registerStatementRewriter('kunlun', deviceSynchronizeRewriter);
  // Created streams do not synchronise with the default stream: a synchronous copy waits on them.
  lowerers.registerStatementPrelude('kunlun', defaultStreamOrder);
  lowerers.registerEnumSubstitute('kunlun', epilogueAsActivation);
  // XDNN calls take shapes and transposes as arguments and pick their kernel: the cuBLASLt set-up goes; the handle is the xpu::Context.
  const setup = cublasLtSetup({ matmulPorts: (invocation) => planXdnn(invocation)?.ok === true, handleGoes: false });
  lowerers.registerStatementDropper('kunlun', setup.dropper);
  for (const primitive of CUBLASLT_SETUP_PRIMITIVES) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, setup.staying);
  return lowerers;
}
