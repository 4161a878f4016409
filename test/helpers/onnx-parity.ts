/**
 * One call that runs an operator in ONNX Runtime and in opbridge (golden and profiled modes by
 * default) and compares every output with a stated tolerance.
 */
import type { DType } from '../../src/runtime/dtype.js';
import type { AttributeValue, RunMode } from '../../src/runtime/kernel.js';
import type { NumericProfile } from '../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../src/runtime/run-op.js';
import type { Tensor } from '../../src/runtime/tensor.js';
import { expectClose, type Tolerance } from './expect-close.js';
import { runOnnxRuntime, type asFloat } from './onnx-oracle.js';

export type OracleAttributes = Readonly<Record<string, AttributeValue | ReturnType<typeof asFloat> | undefined>>;

export interface ParityOptions {
  readonly opset: number;
  /** Outputs to request and compare (default 1). */
  readonly outputs?: number;
  readonly outputDTypes?: readonly DType[];
  /** One tolerance for every output, or one per output. */
  readonly tolerance: Tolerance | readonly Tolerance[];
  readonly modes?: readonly RunMode[];
  readonly profile?: NumericProfile;
}

/** The attributes as opbridge takes them (float wrappers for the ONNX encoder removed). */
export function plainAttributes(attributes: OracleAttributes): Record<string, AttributeValue | undefined> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      value !== null && typeof value === 'object' && 'kind' in value ? (value.kind === 'float' ? value.value : value.values) : value,
    ]),
  );
}

/** Runs `op` in ONNX Runtime and opbridge and expects every output to agree; returns ORT's outputs. */
export async function expectOnnxParity(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: OracleAttributes,
  options: ParityOptions,
): Promise<Tensor[]> {
  const outputs = options.outputs ?? 1;
  const expected = await runOnnxRuntime(op, inputs, attributes, {
    opset: options.opset,
    outputs,
    outputDTypes: options.outputDTypes,
  });
  for (const mode of options.modes ?? (['golden', 'profiled'] as const)) {
    const actual = runOp(op, inputs, plainAttributes(attributes), { mode, profile: options.profile });
    for (let i = 0; i < outputs; i++) {
      const tolerance = Array.isArray(options.tolerance) ? options.tolerance[i] : (options.tolerance as Tolerance);
      expectClose(actual[i], expected[i], tolerance, `${op} ${mode} output ${i}`);
    }
  }
  return expected;
}
