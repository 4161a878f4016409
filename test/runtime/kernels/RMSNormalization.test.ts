import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectClose } from '../../helpers/expect-close.js';
import { asFloat } from '../../helpers/onnx-oracle.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// float32: Y = X / rms · scale is O(1); the float32 mean of squares differs by summation
// order between ONNX Runtime and opbridge, a few ulps.
const FP32 = { rtol: 2e-6, atol: 1e-7 };
// float16: both sides compute in float32 or better and round once (float16 defaults).
const FP16 = { rtol: 1e-3, atol: 1e-5 };

describe('RMSNormalization', () => {
  it.each([
    [[4, 3, 16], -1, [16]],
    [[2, 3, 4, 5], 1, [3, 4, 5]],
    [[2, 3, 4], 1, [3, 1]],
    [[2, 3, 4], -1, [2, 1, 4]],
    [[5], 0, [5]],
  ] as const)('matches ONNX Runtime (opset 23) for float32 X %j, axis %i, scale %j', async (shape, axis, scaleShape) => {
    const x = randomTensor(shape, 'float32', 31, { low: -3, high: 3 });
    await expectOnnxParity('RMSNormalization', [x, randomTensor(scaleShape, 'float32', 32)], { axis }, { opset: 23, tolerance: FP32 });
  });

  it('matches ONNX Runtime for float16 and for a float64 stash type', async () => {
    await expectOnnxParity('RMSNormalization', [randomTensor([3, 24], 'float16', 33, { low: -3, high: 3 }), randomTensor([24], 'float16', 34)], {}, {
      opset: 23,
      tolerance: FP16,
    });
    await expectOnnxParity('RMSNormalization', [randomTensor([3, 24], 'float32', 35), randomTensor([24], 'float32', 36)], { stash_type: 11, epsilon: asFloat(1e-6) }, {
      opset: 23,
      tolerance: FP32,
    });
  });

  it('matches ONNX Runtime on NaN / ±Inf rows and on an all-zero row', async () => {
    const x = tensor([1, NaN, 2, 3, 1, -Infinity, 2, 3, 0, 0, 0, 0], [3, 4]);
    const [y] = await expectOnnxParity('RMSNormalization', [x, tensor([1, 2, 3, 4])], {}, { opset: 23, tolerance: FP32 });
    expect(y.toFlatArray().slice(0, 4).every(Number.isNaN)).toBe(true);
    // rms = Inf: finite entries become 0, the infinite one Inf/Inf = NaN.
    expect(y.toFlatArray().slice(4)).toEqual([0, NaN, 0, 0, 0, 0, 0, 0]);
  });

  it('normalises tiny values exactly (scale invariance) with epsilon = 0', async () => {
    // In float32 the squares (1e-40) are subnormal and keep only ~17 significant bits: ONNX
    // Runtime and profiled mode land within float32 tolerance of sqrt(2); golden is exact.
    const x = tensor([1e-20, -1e-20, 0, 0], [1, 4]);
    const golden = runOp('RMSNormalization', [x, tensor([1, 1, 1, 1])], { epsilon: 0 }, { mode: 'golden' })[0];
    expectClose(golden, tensor([Math.SQRT2, -Math.SQRT2, 0, 0], [1, 4]), { rtol: 1e-7, atol: 0 });
    await expectOnnxParity('RMSNormalization', [x, tensor([1, 1, 1, 1])], { epsilon: asFloat(0) }, {
      opset: 23,
      tolerance: FP32,
      modes: ['profiled'],
    });
  });

  it('gives Y the dtype of scale (ONNX type V) when it differs from X', () => {
    // ONNX Runtime's function body cannot mix the types: closed form in float64.
    const xs = [0.5, -1.5, 2.25, 3];
    const rms = Math.sqrt(xs.reduce((a, v) => a + v * v, 0) / 4 + Math.fround(1e-5));
    const scale = [1, 2, 0.5, -1];
    const y = runOp('RMSNormalization', [tensor(xs, [4], 'float16'), tensor(scale, [4], 'float32')], {}, { mode: 'golden' })[0];
    expect(y.dtype).toBe('float32');
    expectClose(y, tensor(xs.map((v, i) => (v / rms) * scale[i]), [4]), { rtol: 1e-7, atol: 0 });
  });

  it('holds statistics in the stash type in profiled mode only', () => {
    const x = randomTensor([4, 64], 'float32', 37, { low: -2, high: 2 });
    const scale = tensor(new Array(64).fill(1));
    const golden = runOp('RMSNormalization', [x, scale], { stash_type: 10 }, { mode: 'golden' })[0];
    expectClose(golden, runOp('RMSNormalization', [x, scale], {}, { mode: 'golden' })[0], { rtol: 0, atol: 0 });
    // float16 statistics and normalised values carry 11 significant bits: ~5e-4 relative.
    const profiled = runOp('RMSNormalization', [x, scale], { stash_type: 10 })[0];
    expectClose(profiled, golden, { rtol: 2e-3, atol: 1e-3 });
    expect(() => expectClose(profiled, golden, { rtol: 1e-5, atol: 1e-6 })).toThrow();
  });

  it('handles empty inputs', () => {
    expect(runOp('RMSNormalization', [tensor([], [0, 3]), tensor([1, 2, 3])])[0].shape).toEqual([0, 3]);
  });

  it('rejects bad inputs with messages naming the shapes', () => {
    const x = randomTensor([2, 3], 'float32', 1);
    expect(() => runOp('RMSNormalization', [x, tensor([1, 2])])).toThrow(/'scale' has shape \[2\], which does not broadcast to X's shape \[2, 3\]/);
    expect(() => runOp('RMSNormalization', [x, tensor([1, 2, 3])], { axis: -3 })).toThrow(/axis -3 is out of range for rank 2/);
    expect(() => runOp('RMSNormalization', [x, tensor([1, 2, 3])], { stash_type: 7 })).toThrow(/stash_type/);
    expect(() => runOp('RMSNormalization', [tensor([1, 2], [2], 'int32'), tensor([1, 2])])).toThrow(/dtype int32/);
  });
});
