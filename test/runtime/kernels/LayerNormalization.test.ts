import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectClose } from '../../helpers/expect-close.js';
import { asFloat } from '../../helpers/onnx-oracle.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// float32: Y is O(1); float32 statistics on either side differ by summation order and the
// variance formula (ONNX Runtime accumulates E[x²] - E[x]², we use two passes): a few ulps.
const FP32 = { rtol: 1e-5, atol: 1e-6 };
// float16 Y: both sides compute in float32 or better and round once (float16 defaults).
const FP16 = { rtol: 1e-3, atol: 1e-5 };
const STATS = { rtol: 2e-6, atol: 1e-7 };

describe('LayerNormalization', () => {
  it.each([
    [[4, 3, 16], -1, [16], [16]],
    [[2, 3, 4, 5], 2, [4, 5], [5]],
    [[2, 3, 4, 5], -3, [1, 4, 1], undefined],
    [[2, 3, 4], 0, [2, 3, 4], [2, 3, 4]],
    // Scale broadcast over a batch dimension (unidirectional broadcasting to X).
    [[2, 3, 4], -1, [2, 1, 4], [3, 1]],
  ] as const)('matches ONNX Runtime for float32 X %j, axis %i, Scale %j, B %j', async (shape, axis, scaleShape, biasShape) => {
    const x = randomTensor(shape, 'float32', 1, { low: -4, high: 4 });
    const scale = randomTensor(scaleShape, 'float32', 2);
    const bias = biasShape ? randomTensor(biasShape, 'float32', 3) : undefined;
    await expectOnnxParity('LayerNormalization', bias ? [x, scale, bias] : [x, scale], { axis }, {
      opset: 17,
      outputs: 3,
      tolerance: [FP32, STATS, STATS],
    });
  });

  it('matches ONNX Runtime for float16 X with float32 statistics', async () => {
    const x = randomTensor([4, 3, 16], 'float16', 4, { low: -4, high: 4 });
    await expectOnnxParity('LayerNormalization', [x, randomTensor([16], 'float16', 5), randomTensor([16], 'float16', 6)], {}, {
      opset: 17,
      outputs: 3,
      outputDTypes: ['float16', 'float32', 'float32'],
      tolerance: [FP16, STATS, STATS],
    });
  });

  it('matches ONNX Runtime for float64 X (statistics in the float32 stash type)', async () => {
    const x = randomTensor([3, 8], 'float64', 7, { low: -4, high: 4 });
    await expectOnnxParity('LayerNormalization', [x, randomTensor([8], 'float64', 8)], { epsilon: asFloat(1e-3) }, {
      opset: 17,
      outputs: 3,
      outputDTypes: ['float64', 'float32', 'float32'],
      // Profiled mode computes in float32 as stash_type = 1 asks, like ONNX Runtime.
      tolerance: [FP32, STATS, STATS],
    });
  });

  it('matches ONNX Runtime on NaN, ±Inf and float32-overflowing rows, and on constant and empty inputs', async () => {
    const x = tensor([1, NaN, 2, 3, 1, Infinity, 2, 3, 3e38, 3e38, -3e38, 0, 5, 5, 5, 5], [4, 4]);
    const scale = tensor([1, 1, 1, 1]);
    // Y only, profiled only: golden mode does not overflow on the 3e38 row (checked below), and
    // ONNX Runtime reports NaN for Mean whenever the row is not finite, where Mean = +Inf is exact.
    const [y] = await expectOnnxParity('LayerNormalization', [x, scale], {}, { opset: 17, tolerance: FP32, modes: ['profiled'] });
    expect(y.toFlatArray().slice(0, 12).every(Number.isNaN)).toBe(true);
    // A constant row has zero variance: Y = 0 · 1/sqrt(epsilon) = 0.
    expect(y.toFlatArray().slice(12)).toEqual([0, 0, 0, 0]);
    const [golden, mean] = runOp('LayerNormalization', [x, scale], {}, { mode: 'golden' });
    // Deviations are proportional to (3, 3, -5, -1), so Y = (3, 3, -5, -1)/sqrt(11).
    expect(golden.toFlatArray().slice(8, 12)).toEqual([3, 3, -5, -1].map((k) => expect.closeTo(k / Math.sqrt(11), 6)));
    expect(mean.toFlatArray()).toEqual([NaN, Infinity, 7.5e37, 5].map(Math.fround));
    await expectOnnxParity('LayerNormalization', [randomTensor([0, 4], 'float32', 1), tensor([1, 2, 3, 4])], {}, {
      opset: 17,
      outputs: 3,
      tolerance: FP32,
    });
  });

  it('keeps golden statistics exact at tiny variance where profiled float32 statistics drift', () => {
    // Four float32 values 1e4 + k·2^-10: the variance (~1.2e-6) is 1e-14 of the mean squared.
    const values = [10000, 10000.0009765625, 10000.001953125, 10000.0029296875];
    const x = tensor(values, [1, 4]);
    const attrs = { epsilon: 0 };
    const golden = runOp('LayerNormalization', [x, tensor([1, 1, 1, 1])], attrs, { mode: 'golden' });
    // Closed form: deviations are (-3, -1, 1, 3)·2^-11, so Y = (-3, -1, 1, 3)/sqrt(5).
    expectClose(golden[0], tensor([-3, -1, 1, 3].map((k) => k / Math.sqrt(5)), [1, 4]), { rtol: 1e-7, atol: 0 });
    expect(golden[1].toFlatArray()).toEqual([Math.fround(10000.00146484375)]);

    // Profiled float32: replay the float32 walk by hand (sequential float32 sum, float32 stash).
    let sum = 0;
    for (const v of values) sum = Math.fround(sum + v);
    const mean = Math.fround(sum / 4);
    const deviations = values.map((v) => Math.fround(v - mean));
    let squares = 0;
    for (const d of deviations) squares = Math.fround(squares + Math.fround(d * d));
    const std = Math.fround(Math.sqrt(Math.fround(squares / 4)));
    const expected = deviations.map((d) => Math.fround(d / std));
    const profiled = runOp('LayerNormalization', [x, tensor([1, 1, 1, 1])], attrs);
    expect(profiled[0].toFlatArray()).toEqual(expected);
    expect(profiled[1].toFlatArray()).toEqual([mean]);
    // The float32 mean is off by half a unit in the last place, which moves Y by ~0.5.
    expect(Math.abs(expected[0] - golden[0].toFlatArray()[0])).toBeGreaterThan(0.3);
  });

  it('rounds statistics into a bfloat16 stash type in profiled mode only', () => {
    const x = randomTensor([3, 32], 'float32', 12, { low: -2, high: 2 });
    const scale = tensor(new Array(32).fill(1));
    const attrs = { stash_type: 16 };
    const golden = runOp('LayerNormalization', [x, scale], attrs, { mode: 'golden' });
    expect(golden[1].dtype).toBe('bfloat16');
    expectClose(golden[0], runOp('LayerNormalization', [x, scale], {}, { mode: 'golden' })[0], { rtol: 0, atol: 0 });
    const profiled = runOp('LayerNormalization', [x, scale], attrs);
    const drift = maxAbsDifference(profiled[0].toFlatArray(), golden[0].toFlatArray());
    // bfloat16 keeps 8 significant bits: normalised values of magnitude ~2 move by up to ~2^-7.
    expect(drift).toBeGreaterThan(1e-3);
    expect(drift).toBeLessThan(3e-2);
  });

  it('accumulates the statistics under the profile reduction numerics', () => {
    const x = randomTensor([2, 4096], 'float32', 13, { low: 1, high: 2 });
    const scale = tensor(new Array(4096).fill(1));
    const golden = runOp('LayerNormalization', [x, scale], {}, { mode: 'golden' })[1].toFlatArray();
    const halfSums = withOverrides(IEEE_PROFILE, { reduce: { accumulate: 'float16' } });
    const profiled = runOp('LayerNormalization', [x, scale], {}, { profile: halfSums })[1].toFlatArray();
    // A float16 running sum of values in [1, 2) stalls at 4096, where its spacing is 4: the
    // mean comes out near 1.0 instead of 1.5.
    expect(golden[0]).toBeCloseTo(1.5, 1);
    expect(profiled[0]).toBeCloseTo(1.0, 1);
  });

  it('returns NaN statistics for an empty normalised axis', () => {
    const [y, mean, invStdDev] = runOp('LayerNormalization', [tensor([], [3, 0]), tensor([], [0])]);
    expect(y.shape).toEqual([3, 0]);
    expect(mean.toFlatArray().every(Number.isNaN)).toBe(true);
    expect(invStdDev.shape).toEqual([3, 1]);
  });

  it('rejects bad inputs with messages naming the shapes', () => {
    const x = randomTensor([2, 3, 4], 'float32', 1);
    expect(() => runOp('LayerNormalization', [x, tensor([1, 2, 3])])).toThrow(/'Scale' has shape \[3\], which does not broadcast to X's shape \[2, 3, 4\]/);
    expect(() => runOp('LayerNormalization', [x, tensor([1, 2, 3, 4]), tensor([1, 2], [2])])).toThrow(/'B' has shape \[2\]/);
    expect(() => runOp('LayerNormalization', [x, tensor([1, 2, 3, 4])], { axis: 3 })).toThrow(/axis 3 is out of range for rank 3/);
    expect(() => runOp('LayerNormalization', [x, tensor([1, 2, 3, 4])], { stash_type: 11 })).toThrow(/'stash_type' selects float64; supported: float32, bfloat16 \(ONNX codes 1, 16\)/);
    expect(() => runOp('LayerNormalization', [x, tensor([1, 2, 3, 4], [4], 'float16')])).toThrow(/same dtype/);
    expect(() => runOp('LayerNormalization', [tensor(2, []), tensor(1, [])])).toThrow(/scalar/);
  });
});

function maxAbsDifference(a: readonly number[], b: readonly number[]): number {
  return a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);
}
