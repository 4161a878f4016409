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

export function defaultLifters(): LifterRegistry {
  return new LifterRegistry(roleLifter);
}

export function defaultLowerers(): LowererRegistry {
  return new LowererRegistry(roleLowerer);
}
