import { describe, expect, it } from 'vitest';
import { OpError } from '../../../src/errors.js';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectClose } from '../../helpers/expect-close.js';
import { asFloat } from '../../helpers/onnx-oracle.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// float32: the same folded affine map on both sides; golden rounds once where ONNX Runtime
// rounds a, b and X·a + b in float32 (about three ulps of O(1) outputs).
const FP32 = { rtol: 1e-6, atol: 1e-6 };
// float16: both sides compute in float32 or better and round once (float16 defaults).
const FP16 = { rtol: 1e-3, atol: 1e-5 };

function parameters(channels: number, dtype: 'float32' | 'float16' | 'float64', seed: number) {
  return [
    randomTensor([channels], dtype, seed),
    randomTensor([channels], dtype, seed + 1),
    randomTensor([channels], dtype, seed + 2),
    randomTensor([channels], dtype, seed + 3, { low: 0.1, high: 3 }),
  ];
}

describe('BatchNormalization', () => {
  it.each([[[4, 3]], [[2, 3, 5]], [[2, 3, 4, 5]], [[1, 2, 2, 3, 2]]])('matches ONNX Runtime (opset 15, inference) for float32 X %j', async (shape) => {
    const x = randomTensor(shape, 'float32', 51, { low: -4, high: 4 });
    await expectOnnxParity('BatchNormalization', [x, ...parameters(shape[1], 'float32', 52)], { epsilon: asFloat(1e-3) }, { opset: 15, tolerance: FP32 });
  });

  it('matches ONNX Runtime for float16 X with float32 parameters and for float64', async () => {
    // ONNX lets X (T), scale / B (T1) and mean / var (T2) have different types.
    await expectOnnxParity('BatchNormalization', [randomTensor([2, 3, 4], 'float16', 53, { low: -4, high: 4 }), ...parameters(3, 'float32', 54)], {}, {
      opset: 15,
      tolerance: FP16,
    });
    await expectOnnxParity('BatchNormalization', [randomTensor([2, 3, 4], 'float64', 55), ...parameters(3, 'float64', 56)], {}, {
      opset: 15,
      tolerance: { rtol: 1e-14, atol: 1e-14 },
    });
  });

  it('matches ONNX Runtime on NaN, Inf, zero and negative variance (folded form)', async () => {
    const x = tensor([NaN, Infinity, 1, 2], [1, 4]);
    const [y] = await expectOnnxParity(
      'BatchNormalization',
      [x, tensor([1, 2, 3, 0]), tensor([0, 0, 0, 1]), tensor([0, 1, 2, 0]), tensor([1, 2, 0, -1])],
      { epsilon: asFloat(0) },
      { opset: 15, tolerance: FP32 },
    );
    // var + epsilon = 0 makes a = Inf and b = -Inf, so X·a + b is NaN, as ONNX Runtime computes.
    expect(y.toFlatArray()).toEqual([NaN, Infinity, NaN, NaN]);
  });

  it('computes (x - mean) / sqrt(var + epsilon) · scale + B per channel (closed form)', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    const y = runOp('BatchNormalization', [x, tensor([2, -1]), tensor([0.5, 1]), tensor([2, 6]), tensor([4, 0.25])], { epsilon: 0 }, { mode: 'golden' })[0];
    const expected = [1, 2, 3, 4, 5, 6, 7, 8].map((v, i) => {
      const c = Math.floor(i / 2) % 2;
      return c === 0 ? ((v - 2) / 2) * 2 + 0.5 : ((v - 6) / 0.5) * -1 + 1;
    });
    expectClose(y, tensor(expected, [2, 2, 2]), { rtol: 1e-12, atol: 1e-12 });
  });

  it('handles an empty batch', async () => {
    await expectOnnxParity('BatchNormalization', [tensor([], [0, 3, 2]), ...parameters(3, 'float32', 57)], {}, { opset: 15, tolerance: FP32 });
  });

  it('refuses training mode with an OpError that says what to do', () => {
    const args = [randomTensor([2, 3], 'float32', 1), ...parameters(3, 'float32', 2)];
    expect(() => runOp('BatchNormalization', args, { training_mode: 1 })).toThrow(OpError);
    expect(() => runOp('BatchNormalization', args, { training_mode: 1 })).toThrow(/training_mode = 1 is not supported.*inference mode/);
    expect(runOp('BatchNormalization', args, { training_mode: 0, momentum: 0.99 })[0].shape).toEqual([2, 3]);
  });

  it('rejects bad shapes naming X and the parameter', () => {
    const x = randomTensor([2, 3, 4], 'float32', 1);
    const [scale, bias, mean, variance] = parameters(3, 'float32', 2);
    expect(() => runOp('BatchNormalization', [x, tensor([1, 2]), bias, mean, variance])).toThrow(/'scale' has shape \[2\]; X of shape \[2, 3, 4\] has C = 3 channels/);
    expect(() => runOp('BatchNormalization', [x, scale, bias, mean, tensor([1, 1, 1], [1, 3])])).toThrow(/'input_var' has shape \[1, 3\]/);
    expect(() => runOp('BatchNormalization', [tensor([1, 2, 3]), scale, bias, mean, variance])).toThrow(/shape \[3\]; it must be \(N, C, D1, \.\.\.\)/);
    expect(() => runOp('BatchNormalization', [x, scale, tensor([1, 2, 3], [3], 'float16'), mean, variance])).toThrow(/same dtype/);
  });
});
