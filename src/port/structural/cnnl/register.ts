/**
 * The CNNL structural modules, registered in src/port/registry.ts: row-major matmuls and axpy
 * from the cuBLAS / cuBLASLt lifters, scal and dot (cnnlOpTensor MUL, then cnnlReduce ADD for dot), the cuDNN operators the descriptor lifter lifts, the cuDNN
 * descriptors that the self-contained CNNL calls replace, the cuBLASLt set-up that goes
 * (blas/cublaslt-setup.ts) and a cuBLASLt epilogue parameter as an activation mode.
 */
import type { LowererRegistry } from '../../lower/lowerer.js';
import { ABSORBED_PRIMITIVES, absorbedDescriptorLowerer, dropsAbsorbedDeclaration } from './absorbed-descriptors.js';
import { CNNL_DNN_OPERATORS, cnnlDnnLowerer } from './cnnl-dnn.js';
import { cnnlAxpyLowerer } from './cnnl-axpy.js';
import { cnnlDotLowerer } from './cnnl-dot.js';
import { cnnlScalLowerer } from './cnnl-scal.js';
import { CNNL_FRONTEND_BINDINGS, cnnlFrontendLowerer } from './cnnl-frontend.js';
import { cnnlMatMulLowerer, planCnnlMatMul } from './cnnl-matmul.js';
import { cnnlConvPlanQueryLowerer, cnnlOutputDimLowerer, dropsCnnlConvPlanStatement } from './conv-queries.js';
import { CUBLASLT_SETUP_PRIMITIVES, cublasLtSetup } from '../blas/cublaslt-setup.js';
import { epilogueAsActivation } from '../blas/cublaslt-epilogue-activation.js';

export function registerCnnlLowerers(lowerers: LowererRegistry): LowererRegistry {
  lowerers.register({ target: 'cambricon', binding: 'operator:Gemm' }, cnnlMatMulLowerer);
  lowerers.register({ target: 'cambricon', binding: 'operator:Add' }, cnnlAxpyLowerer);
  // cuBLAS's vector calls before the graph and descriptor operators, which also bind Mul / MatMul.
  lowerers.register({ target: 'cambricon', binding: 'operator:Mul' }, cnnlScalLowerer);
  lowerers.register({ target: 'cambricon', binding: 'operator:MatMul' }, cnnlDotLowerer);
  lowerers.registerEnumSubstitute('cambricon', epilogueAsActivation);
  // Graph nodes first: their float32 chains mix element types, which the descriptor plans decline.
  for (const operator of CNNL_FRONTEND_BINDINGS) lowerers.register({ target: 'cambricon', binding: `operator:${operator}` }, cnnlFrontendLowerer);
  for (const operator of CNNL_DNN_OPERATORS) lowerers.register({ target: 'cambricon', binding: `operator:${operator}` }, cnnlDnnLowerer);
  // cuDNN's convolution plan before the cuBLASLt set-up, which also answers algorithm queries.
  for (const primitive of ['algorithm.query', 'workspace.query']) lowerers.register({ target: 'cambricon', binding: `primitive:${primitive}` }, cnnlConvPlanQueryLowerer);
  lowerers.register({ target: 'cambricon', binding: 'primitive:descriptor.get' }, cnnlOutputDimLowerer);
  lowerers.registerStatementDropper('cambricon', dropsCnnlConvPlanStatement);
  for (const primitive of ABSORBED_PRIMITIVES) lowerers.register({ target: 'cambricon', binding: `primitive:${primitive}` }, absorbedDescriptorLowerer);
  lowerers.registerDeclarationDropper('cambricon', dropsAbsorbedDeclaration);
  // cnnlMatMul_v2 queries its own algorithm: the cuBLASLt set-up goes; the handle is the cnnlHandle_t.
  const setup = cublasLtSetup({ matmulPorts: (invocation) => planCnnlMatMul(invocation)?.ok === true, handleGoes: false });
  lowerers.registerStatementDropper('cambricon', setup.dropper);
  for (const primitive of CUBLASLT_SETUP_PRIMITIVES) lowerers.register({ target: 'cambricon', binding: `primitive:${primitive}` }, setup.staying);
  return lowerers;
}
