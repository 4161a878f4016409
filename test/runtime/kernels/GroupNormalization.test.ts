import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// ONNX Runtime 1.30 runs GroupNormalization-21 by expanding the ONNX function body (its shape
// errors come from the Reshape inside), an implementation independent of opbridge's.
// float32: O(1) outputs from float32 group statistics; summation order and the variance
// formula (ONNX Runtime: E[x²] - E[x]²; opbridge: two passes) differ by a few ulps.
const FP32 = { rtol: 1e-5, atol: 1e-6 };
// float16: both sides compute in float32 or better and round once (float16 defaults).
const FP16 = { rtol: 1e-3, atol: 1e-5 };

describe('GroupNormalization', () => {
  it.each([
    [[2, 6, 4], 3],
    [[2, 6, 4], 1],
    [[2, 6, 4], 6],
    [[1, 4, 3, 3], 2],
    [[3, 4], 2],
    [[1, 8, 2, 2, 2], 4],
  ] as const)('matches ONNX Runtime (opset 21, per-channel scale) for float32 X %j with %i groups', async (shape, numGroups) => {
    const x = randomTensor(shape, 'float32', 41, { low: -3, high: 3 });
    const channels = shape[1];
    await expectOnnxParity('GroupNormalization', [x, randomTensor([channels], 'float32', 42), randomTensor([channels], 'float32', 43)], { num_groups: numGroups }, {
      opset: 21,
      tolerance: FP32,
    });
  });

  it('matches ONNX Runtime for float16 and for a float64 stash type', async () => {
    await expectOnnxParity('GroupNormalization', [randomTensor([2, 4, 5], 'float16', 44, { low: -3, high: 3 }), randomTensor([4], 'float16', 45), randomTensor([4], 'float16', 46)], { num_groups: 2 }, {
      opset: 21,
      tolerance: FP16,
    });
    await expectOnnxParity('GroupNormalization', [randomTensor([2, 4, 5], 'float32', 47), randomTensor([4], 'float32', 48), randomTensor([4], 'float32', 49)], { num_groups: 2, stash_type: 11 }, {
      opset: 21,
      tolerance: FP32,
    });
  });

  it('applies one scale and bias per channel (closed form)', () => {
    // Group 0 = channels 0, 1 = {1, 2, 3, 5}: mean 2.75, variance 2.1875.
    // Group 1 = channels 2, 3 = {7, 11, 13, 17}: mean 12, variance 13.
    const x = tensor([1, 2, 3, 5, 7, 11, 13, 17], [1, 4, 2]);
    const y = runOp('GroupNormalization', [x, tensor([1, 2, 3, 4]), tensor([0, 0, 0, 10])], { num_groups: 2, epsilon: 0 }, { mode: 'golden' })[0];
    const z0 = (v: number): number => (v - 2.75) / Math.sqrt(2.1875);
    const z1 = (v: number): number => (v - 12) / Math.sqrt(13);
    const expected = [z0(1), z0(2), 2 * z0(3), 2 * z0(5), 3 * z1(7), 3 * z1(11), 4 * z1(13) + 10, 4 * z1(17) + 10];
    expectClose(y, tensor(expected, [1, 4, 2]), { rtol: 1e-7, atol: 1e-7 });
  });

  it('keeps NaN inside its group and matches ONNX Runtime on it', async () => {
    const x = tensor([1, NaN, 3, 5, 7, 11, 13, 17], [1, 4, 2]);
    const [y] = await expectOnnxParity('GroupNormalization', [x, tensor([1, 1, 1, 1]), tensor([0, 0, 0, 0])], { num_groups: 2 }, {
      opset: 21,
      tolerance: FP32,
    });
    expect(y.toFlatArray().slice(0, 4).every(Number.isNaN)).toBe(true);
    expect(y.toFlatArray().slice(4).some(Number.isNaN)).toBe(false);
  });

  it('handles an empty batch and empty spatial dimensions', () => {
    expect(runOp('GroupNormalization', [tensor([], [0, 4, 3]), tensor([1, 1, 1, 1]), tensor([0, 0, 0, 0])], { num_groups: 2 })[0].shape).toEqual([0, 4, 3]);
    expect(runOp('GroupNormalization', [tensor([], [2, 4, 0]), tensor([1, 1, 1, 1]), tensor([0, 0, 0, 0])], { num_groups: 4 })[0].shape).toEqual([2, 4, 0]);
  });

  it('keeps golden statistics accurate where profiled float32 statistics lose the small spread', () => {
    // Values 4096 + small offsets: float32 spacing at 4096 is 2^-11, so the deviations keep
    // only a few bits in float32 and the normalised values move visibly.
    const offsets = [0.00011, 0.00037, -0.00023, 0.00071, -0.00052, 0.00019];
    const x = tensor(offsets.map((o) => 4096 + o), [1, 2, 3], 'float64');
    const attrs = { num_groups: 1, epsilon: 0, stash_type: 1 };
    const golden = runOp('GroupNormalization', [x, tensor([1, 1], [2], 'float64'), tensor([0, 0], [2], 'float64')], attrs, { mode: 'golden' })[0];
    const mean = offsets.reduce((a, b) => a + b, 0) / 6;
    const std = Math.sqrt(offsets.reduce((a, b) => a + (b - mean) ** 2, 0) / 6);
    expectClose(golden, tensor(offsets.map((o) => (o - mean) / std), [1, 2, 3], 'float64'), { rtol: 1e-6, atol: 1e-6 });
    const profiled = runOp('GroupNormalization', [x, tensor([1, 1], [2], 'float64'), tensor([0, 0], [2], 'float64')], attrs)[0];
    expect(() => expectClose(profiled, golden, { rtol: 1e-2, atol: 1e-2 })).toThrow();
  });

  it('rejects bad inputs with messages naming the shapes and the opset 18 pitfall', () => {
    const x = randomTensor([2, 4, 3], 'float32', 1);
    const ones = (n: number) => tensor(new Array(n).fill(1));
    expect(() => runOp('GroupNormalization', [x, ones(4), ones(4)], { num_groups: 3 })).toThrow(/C = 4 channels, not divisible by num_groups = 3/);
    expect(() => runOp('GroupNormalization', [x, ones(2), ones(2)], { num_groups: 2 })).toThrow(/one value per group.*shape \[4\]/);
    expect(() => runOp('GroupNormalization', [x, ones(3), ones(4)], { num_groups: 2 })).toThrow(/'scale' has shape \[3\].*C = 4 channels/);
    expect(() => runOp('GroupNormalization', [x, ones(4), ones(4)])).toThrow(/'num_groups' is required/);
    expect(() => runOp('GroupNormalization', [tensor([1, 2, 3]), ones(3), ones(3)], { num_groups: 1 })).toThrow(/rank >= 2/);
    expect(() => runOp('GroupNormalization', [x, ones(4), ones(4)], { num_groups: 0 })).toThrow(/positive integer/);
  });
});
