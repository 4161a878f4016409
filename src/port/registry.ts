/**
 * The lifters and lowerers `port` uses. The generic role-based pair answers every call the
 * catalog's roles can express; structural modules for other calling conventions are added here,
 * one line each: `lifters.register({ backend: 'cuda', library: 'cublas' }, cublasGemmLifter)`,
 * `lowerers.register({ target: 'cann', binding: 'operator:Gemm' }, aclnnMatmulLowerer)`.
 */
import { LifterRegistry } from './lift/lifter.js';
import { roleLifter } from './lift/role-lifter.js';
import { LowererRegistry } from './lower/lowerer.js';
import { roleLowerer } from './lower/role-lowerer.js';
import { aclnnAxpyLowerer, aclnnDotLowerer, aclnnGemmLowerer } from './structural/blas/aclnn-blas-lowerers.js';
import { cublasLifter } from './structural/blas/cublas-lifter.js';
import { cublasLtLifter } from './structural/blas/cublaslt-lifter.js';
import { aclInitLowerer, runtimeInitVanishes } from './structural/runtime/acl-init-lowerer.js';

export function defaultLifters(): LifterRegistry {
  return new LifterRegistry(roleLifter)
    .register({ backend: 'cuda', library: 'cublas' }, cublasLifter)
    .register({ backend: 'cuda', symbol: 'cublasLtMatmul' }, cublasLtLifter);
}

export function defaultLowerers(): LowererRegistry {
  return new LowererRegistry(roleLowerer)
    .register({ target: 'cann', binding: 'operator:Gemm' }, aclnnGemmLowerer)
    .register({ target: 'cann', binding: 'operator:Add' }, aclnnAxpyLowerer)
    .register({ target: 'cann', binding: 'operator:MatMul' }, aclnnDotLowerer)
    .register({ target: 'cann', binding: 'primitive:device.set' }, aclInitLowerer)
    .register({ target: 'cuda', binding: 'primitive:runtime.init' }, runtimeInitVanishes);
}
