import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

describe('GlobalAveragePool', () => {
  it.each([
    [[2, 3, 7]],
    [[2, 3, 5, 6]],
    [[1, 2, 3, 4, 5]],
    [[1, 4, 56, 56]],
    [[0, 3, 4, 4]],
  ])('matches ONNX Runtime for float32 %j', async (shape) => {
    const x = randomTensor(shape, 'float32', 1);
    const [expected] = await runOnnxRuntime('GlobalAveragePool', [x]);
    // Means of up to 3136 unit-range values: float32 sums in different orders differ by
    // ~sqrt(n)·2^-24·|partial sum| / n, below 1e-6 for these sizes.
    expectClose(runOp('GlobalAveragePool', [x])[0], expected, { rtol: 1e-5, atol: 1e-6 });
  });

  it('matches ONNX Runtime for float16 within one float16 rounding', async () => {
    const x = randomTensor([2, 3, 9, 9], 'float16', 2);
    const [expected] = await runOnnxRuntime('GlobalAveragePool', [x]);
    expectClose(runOp('GlobalAveragePool', [x])[0], expected, { rtol: 2 ** -10, atol: 2 ** -14 });
  });

  it('propagates NaN and Inf like ONNX Runtime', async () => {
    const x = tensor([1, NaN, 3, 4, Infinity, 6, -Infinity, Infinity, 2, 5, 5, 5], [3, 1, 2, 2]);
    const [expected] = await runOnnxRuntime('GlobalAveragePool', [x]);
    expectClose(runOp('GlobalAveragePool', [x])[0], expected, { rtol: 0, atol: 0 });
  });

  it('sums under the profile reduce numerics (order and dtype); golden is float64', () => {
    const x = tensor([1, 2 ** -24, 2 ** -24, 2 ** -24], [1, 1, 4]);
    // Sequential float32: 1 + 2^-24 ties back to 1 each step -> mean 1/4.
    expect(runOp('GlobalAveragePool', [x])[0].toFlatArray()).toEqual([0.25]);
    // Pairwise float32: (1 + 2^-24) + (2^-24 + 2^-24) = 1 + 2^-23 exactly.
    const pairwise = withOverrides(IEEE_PROFILE, { reduce: { order: 'pairwise' } }, 'test.pairwise');
    expect(runOp('GlobalAveragePool', [x], {}, { profile: pairwise })[0].toFlatArray()).toEqual([(1 + 2 ** -23) / 4]);
    expect(runOp('GlobalAveragePool', [x], {}, { mode: 'golden' })[0].toFlatArray()).toEqual([Math.fround((1 + 3 * 2 ** -24) / 4)]);
    // float64 data keeps float64 sums under a float32-accumulating profile.
    const x64 = tensor([1, 2 ** -24, 2 ** -24, 2 ** -24], [1, 1, 4], 'float64');
    expect(runOp('GlobalAveragePool', [x64])[0].toFlatArray()).toEqual([(1 + 3 * 2 ** -24) / 4]);
  });

  it('rejects empty spatial axes (no mean exists), like ONNX Runtime, and bad inputs', () => {
    expect(() => runOp('GlobalAveragePool', [Tensor.zeros([1, 2, 0])])).toThrow(/empty spatial axis/);
    expect(() => runOp('GlobalAveragePool', [Tensor.zeros([2, 3])])).toThrow(/rank >= 3/);
    expect(() => runOp('GlobalAveragePool', [Tensor.zeros([1, 1, 2])], { axis: 1 })).toThrow(/unknown attribute 'axis'/);
  });
});
