/**
 * The XDNN (Kunlunxin) structural modules, registered in src/port/registry.ts: library handles
 * as xpu::Context, canonical operators with tensor views as XDNN calls, and the cuDNN / cuBLASLt
 * descriptor life cycles that vanish on Kunlun.
 */
import type { LowererRegistry } from '../../lower/lowerer.js';
import { CONTEXT_PRIMITIVES, xdnnContextLowerer } from './xdnn-context.js';

export function registerXdnnLowerers(lowerers: LowererRegistry): LowererRegistry {
  for (const primitive of CONTEXT_PRIMITIVES) lowerers.register({ target: 'kunlun', binding: `primitive:${primitive}` }, xdnnContextLowerer);
  return lowerers;
}
