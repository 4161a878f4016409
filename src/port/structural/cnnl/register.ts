/**
 * The CNNL structural modules, registered in src/port/registry.ts: row-major matmuls from the
 * cuBLAS / cuBLASLt lifters, the cuDNN operators the descriptor lifter lifts, and the cuDNN and
 * cuBLASLt descriptors that the self-contained CNNL calls replace.
 */
import type { LowererRegistry } from '../../lower/lowerer.js';
import { ABSORBED_PRIMITIVES, absorbedDescriptorLowerer, dropsAbsorbedDeclaration } from './absorbed-descriptors.js';
import { CNNL_DNN_OPERATORS, cnnlDnnLowerer } from './cnnl-dnn.js';
import { cnnlMatMulLowerer } from './cnnl-matmul.js';
import { cnnlMatMulHeuristicLowerer } from './cnnl-matmul-heuristic.js';
import { cnnlConvPlanQueryLowerer, cnnlOutputDimLowerer, dropsCnnlConvPlanStatement } from './conv-queries.js';

export function registerCnnlLowerers(lowerers: LowererRegistry): LowererRegistry {
  lowerers.register({ target: 'cambricon', binding: 'operator:Gemm' }, cnnlMatMulLowerer);
  for (const operator of CNNL_DNN_OPERATORS) lowerers.register({ target: 'cambricon', binding: `operator:${operator}` }, cnnlDnnLowerer);
  // cuDNN's convolution plan first: the matmul heuristic lowerer answers algorithm queries too.
  for (const primitive of ['algorithm.query', 'workspace.query']) lowerers.register({ target: 'cambricon', binding: `primitive:${primitive}` }, cnnlConvPlanQueryLowerer);
  lowerers.register({ target: 'cambricon', binding: 'primitive:descriptor.get' }, cnnlOutputDimLowerer);
  lowerers.registerStatementDropper('cambricon', dropsCnnlConvPlanStatement);
  lowerers.register({ target: 'cambricon', binding: 'primitive:algorithm.query' }, cnnlMatMulHeuristicLowerer);
  for (const primitive of ABSORBED_PRIMITIVES) lowerers.register({ target: 'cambricon', binding: `primitive:${primitive}` }, absorbedDescriptorLowerer);
  lowerers.registerDeclarationDropper('cambricon', dropsAbsorbedDeclaration);
  return lowerers;
}
