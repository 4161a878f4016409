/**
 * The CNNL structural modules, registered in src/port/registry.ts: row-major matmuls from the
 * cuBLAS / cuBLASLt lifters, the cuDNN operators the descriptor lifter lifts, and the cuDNN and
 * cuBLASLt descriptors that the self-contained CNNL calls replace.
 */
import type { LowererRegistry } from '../../lower/lowerer.js';
import { ABSORBED_PRIMITIVES, absorbedDescriptorLowerer, dropsAbsorbedDeclaration } from './absorbed-descriptors.js';
import { CNNL_DNN_OPERATORS, cnnlDnnLowerer } from './cnnl-dnn.js';
import { CNNL_FRONTEND_OPERATORS, cnnlFrontendLowerer } from './cnnl-frontend.js';
import { cnnlMatMulLowerer } from './cnnl-matmul.js';
import { cnnlMatMulHeuristicLowerer } from './cnnl-matmul-heuristic.js';

export function registerCnnlLowerers(lowerers: LowererRegistry): LowererRegistry {
  lowerers.register({ target: 'cambricon', binding: 'operator:Gemm' }, cnnlMatMulLowerer);
  // Graph nodes first: their float32 chains mix element types, which the descriptor plans decline.
  for (const operator of CNNL_FRONTEND_OPERATORS) lowerers.register({ target: 'cambricon', binding: `operator:${operator}` }, cnnlFrontendLowerer);
  for (const operator of CNNL_DNN_OPERATORS) lowerers.register({ target: 'cambricon', binding: `operator:${operator}` }, cnnlDnnLowerer);
  lowerers.register({ target: 'cambricon', binding: 'primitive:algorithm.query' }, cnnlMatMulHeuristicLowerer);
  for (const primitive of ABSORBED_PRIMITIVES) lowerers.register({ target: 'cambricon', binding: `primitive:${primitive}` }, absorbedDescriptorLowerer);
  lowerers.registerDeclarationDropper('cambricon', dropsAbsorbedDeclaration);
  return lowerers;
}
