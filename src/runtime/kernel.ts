/**
 * The kernel contract. A kernel is data (name, arity) plus two pure functions: one that
 * parses attributes (ONNX names and defaults) and one that validates inputs before any math
 * and computes the outputs. Faster implementations replace a kernel in the registry under
 * the same name without touching callers.
 */
import type { Tensor } from './tensor.js';
import type { NumericProfile } from './numerics/numeric-profile.js';

export type AttributeValue = number | string | boolean | readonly number[] | readonly string[] | Tensor;
export type RawAttributes = Readonly<Record<string, AttributeValue | undefined>>;

export type RunMode = 'golden' | 'profiled';

export interface KernelContext {
  readonly op: string;
  readonly mode: RunMode;
  /** GOLDEN_PROFILE in golden mode. */
  readonly profile: NumericProfile;
  /** Seed used by random kernels whose `seed` attribute is absent. */
  readonly seed: number;
}

export interface KernelArity {
  readonly min: number;
  readonly max: number;
}

export interface Kernel<A = unknown> {
  /** Canonical operator id (the ONNX name where ONNX has the operator). */
  readonly name: string;
  readonly inputs: KernelArity;
  parseAttributes(raw: RawAttributes): A;
  run(inputs: readonly (Tensor | undefined)[], attributes: A, ctx: KernelContext): Tensor[];
}

/** Identity helper that keeps the attribute type of a kernel definition. */
export function defineKernel<A>(kernel: Kernel<A>): Kernel<A> {
  return kernel;
}
