/**
 * The lifters and lowerers `port` uses. The generic role-based pair answers every call the
 * catalog's roles can express; structural modules for other calling conventions are added here,
 * one line each: `lifters.register({ backend: 'cuda', library: 'cublas' }, cublasGemmLifter)`,
 * `lowerers.register({ target: 'cann', binding: 'operator:Gemm' }, aclnnMatmulLowerer)`.
 * Lowerers registered for one binding are tried in order; each declines what is not its own.
 */
import { LifterRegistry } from './lift/lifter.js';
import { roleLifter } from './lift/role-lifter.js';
import { LowererRegistry } from './lower/lowerer.js';
import { roleLowerer } from './lower/role-lowerer.js';
import { aclnnAxpyLowerer, aclnnDotLowerer, aclnnGemmLowerer } from './structural/blas/aclnn-blas-lowerers.js';
import { cublasLifter } from './structural/blas/cublas-lifter.js';
import { cublasLtLifter } from './structural/blas/cublaslt-lifter.js';
import { registerCudnnLifters, registerDnnLowerers } from './structural/dnn/register.js';
import { aclInitLowerer, implicitInitLowerer } from './structural/runtime/acl-init.js';
import { registerXdnnLifters, registerXdnnLowerers } from './structural/xdnn/register.js';

export function defaultLifters(): LifterRegistry {
  const lifters = new LifterRegistry(roleLifter)
    .register({ backend: 'cuda', library: 'cublas' }, cublasLifter)
    .register({ backend: 'cuda', symbol: 'cublasLtMatmul' }, cublasLtLifter);
  registerCudnnLifters(lifters);
  registerXdnnLifters(lifters);
  return lifters;
}

export function defaultLowerers(): LowererRegistry {
  const lowerers = new LowererRegistry(roleLowerer)
    .register({ target: 'cann', binding: 'operator:Gemm' }, aclnnGemmLowerer)
    .register({ target: 'cann', binding: 'operator:Add' }, aclnnAxpyLowerer)
    .register({ target: 'cann', binding: 'operator:MatMul' }, aclnnDotLowerer);
  registerDnnLowerers(lowerers);
  registerXdnnLowerers(lowerers);
  lowerers.register({ target: 'cann', binding: 'primitive:device.set' }, aclInitLowerer);
  lowerers.register({ target: 'cuda', binding: 'primitive:runtime.init' }, implicitInitLowerer);
  return lowerers;
}
