/**
 * `runOp(op, inputs, attributes, options)`: the programmatic entry point every other part
 * of opbridge (facades, verifier, scripts) uses to execute one operator.
 */
import { OpError } from '../errors.js';
import type { RawAttributes, RunMode } from './kernel.js';
import { KernelRegistry } from './kernel-registry.js';
import { ALL_KERNELS } from './kernels/all-kernels.js';
import { FP32, FP16, BF16, flushSubnormal, type FloatFormat } from './numerics/float-format.js';
import { GOLDEN_PROFILE, IEEE_PROFILE, type NumericProfile } from './numerics/numeric-profile.js';
import { Tensor } from './tensor.js';
import { closestName } from '../text/closest-name.js';

export interface RunOpOptions {
  /** 'golden' (float64 reference) or 'profiled' (default). */
  readonly mode?: RunMode;
  /** Numeric profile for profiled mode; IEEE_PROFILE when omitted. */
  readonly profile?: NumericProfile;
  /** Seed for random kernels without a `seed` attribute (default 0). */
  readonly seed?: number;
  readonly registry?: KernelRegistry;
}

let defaultRegistry: KernelRegistry | undefined;

/** The registry holding every built-in kernel. */
export function kernelRegistry(): KernelRegistry {
  if (!defaultRegistry) {
    defaultRegistry = new KernelRegistry();
    for (const kernel of ALL_KERNELS) defaultRegistry.register(kernel);
  }
  return defaultRegistry;
}

export function runOp(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: RawAttributes = {},
  options: RunOpOptions = {},
): Tensor[] {
  const registry = options.registry ?? kernelRegistry();
  const kernel = registry.get(op);
  if (!kernel) {
    const suggestion = closestName(op, registry.names());
    throw new OpError(op, `unknown operator`, {
      fix: suggestion ? `did you mean '${suggestion}'?` : 'run `opbridge catalog list` to see the operators',
    });
  }
  if (inputs.length < kernel.inputs.min || inputs.length > kernel.inputs.max) {
    const expected = kernel.inputs.min === kernel.inputs.max ? `${kernel.inputs.min}` : `${kernel.inputs.min} to ${kernel.inputs.max}`;
    throw new OpError(op, `expects ${expected} inputs, got ${inputs.length}`);
  }
  inputs.forEach((input, i) => {
    if (input !== undefined && !(input instanceof Tensor)) {
      throw new OpError(op, `input ${i} is not a Tensor (got ${typeof input})`);
    }
  });
  const mode = options.mode ?? 'profiled';
  const profile = mode === 'golden' ? GOLDEN_PROFILE : (options.profile ?? IEEE_PROFILE);
  const parsed = kernel.parseAttributes(attributes);
  const ftz = mode === 'profiled' && profile.flushToZero;
  const effectiveInputs = ftz ? inputs.map((t) => (t ? flushTensor(t) : t)) : inputs;
  const outputs = kernel.run(effectiveInputs, parsed, { op, mode, profile, seed: options.seed ?? 0 });
  return ftz ? outputs.map(flushTensor) : outputs;
}

const SUBNORMAL_FORMAT: Partial<Record<string, FloatFormat>> = { float32: FP32, float16: FP16, bfloat16: BF16 };

/** Flush-to-zero applied at kernel boundaries (inputs as DAZ, outputs as FTZ). */
function flushTensor(t: Tensor): Tensor {
  const format = SUBNORMAL_FORMAT[t.dtype];
  if (!format) return t;
  const values = t.toFloat64();
  let changed = false;
  for (let i = 0; i < values.length; i++) {
    const flushed = flushSubnormal(values[i], format);
    if (flushed !== values[i] || Object.is(flushed, -0) !== Object.is(values[i], -0)) {
      values[i] = flushed;
      changed = true;
    }
  }
  return changed ? Tensor.fromNumbers(values, t.shape, t.dtype) : t;
}
