/**
 * Runs one operator in opbridge and in ONNX Runtime on the same inputs and compares every
 * output: bit-for-bit by default (data movement, selections, integer results), or within a
 * stated tolerance.
 */
import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import type { RawAttributes } from '../../src/runtime/kernel.js';
import { runOp, type RunOpOptions } from '../../src/runtime/run-op.js';
import type { Tensor } from '../../src/runtime/tensor.js';
import { expectClose, expectIdentical, type Tolerance } from './expect-close.js';
import { runOnnxRuntime, type OracleOptions } from './onnx-oracle.js';

// Failures still reach the tests as exceptions; this only keeps ONNX Runtime from also printing
// the expected ones (it reads the level when its environment starts, i.e. at the first session).
ort.env.logLevel = 'fatal';

export interface ParityOptions extends OracleOptions {
  /** Omitted: outputs must be identical element for element. */
  readonly tolerance?: Tolerance;
  /** How opbridge runs the operator (default: profiled under the IEEE profile). */
  readonly run?: RunOpOptions;
}

export async function expectOrtParity(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: RawAttributes = {},
  options: ParityOptions = {},
  label = op,
): Promise<Tensor[]> {
  const expected = await runOnnxRuntime(op, inputs, attributes, options);
  const actual = runOp(op, inputs, attributes, options.run);
  expect(actual.length, `${label}: number of outputs`).toBe(expected.length);
  actual.forEach((t, i) => {
    if (options.tolerance) expectClose(t, expected[i], options.tolerance, `${label} output ${i}`);
    else expectIdentical(t, expected[i], `${label} output ${i}`);
  });
  return actual;
}

/** ONNX Runtime rejects the node too (our error is not stricter than the reference). */
export async function expectOrtRejects(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: RawAttributes = {},
  options: OracleOptions = {},
): Promise<void> {
  await expect(runOnnxRuntime(op, inputs, attributes, options)).rejects.toThrow();
}
