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
import { registerCudnnLifters, registerDnnLowerers } from './structural/dnn/register.js';
import { aclInitLowerer, implicitInitLowerer } from './structural/runtime/acl-init.js';

export function defaultLifters(): LifterRegistry {
  const lifters = new LifterRegistry(roleLifter);
  registerCudnnLifters(lifters);
  return lifters;
}

export function defaultLowerers(): LowererRegistry {
  const lowerers = new LowererRegistry(roleLowerer);
  registerDnnLowerers(lowerers);
  lowerers.register({ target: 'cann', binding: 'primitive:device.set' }, aclInitLowerer);
  lowerers.register({ target: 'cuda', binding: 'primitive:runtime.init' }, implicitInitLowerer);
  return lowerers;
}
