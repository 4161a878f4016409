import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// float32: ONNX Runtime (MLAS) and opbridge differ in exp() implementation and summation
// order, a few float32 ulps of each probability.
const FP32 = { rtol: 2e-6, atol: 1e-8 };
// float16: opbridge rounds once from float32/float64; ONNX Runtime computes in float32 and
// rounds once too, so at most one float16 ulp apart (2^-10 relative).
const FP16 = { rtol: 1e-3, atol: 1e-7 };
const NAIVE = withOverrides(IEEE_PROFILE, { softmax: 'no-max-subtract' }, 'naive-softmax');

describe('Softmax', () => {
  it.each([
    [[3, 7], -1],
    [[2, 3, 4, 5], 1],
    [[2, 3, 4, 5], 0],
    [[2, 3, 4, 5], -1],
    [[2, 3, 4], -3],
    [[9], 0],
  ])('matches ONNX Runtime for float32 %j along axis %i', async (shape, axis) => {
    const x = randomTensor(shape, 'float32', 11, { low: -12, high: 12 });
    await expectOnnxParity('Softmax', [x], { axis }, { opset: 13, tolerance: FP32 });
  });

  it('matches ONNX Runtime for float64 and float16', async () => {
    await expectOnnxParity('Softmax', [randomTensor([4, 6], 'float64', 3, { low: -30, high: 30 })], {}, {
      opset: 13,
      tolerance: { rtol: 1e-14, atol: 1e-300 },
    });
    await expectOnnxParity('Softmax', [randomTensor([4, 6], 'float16', 4, { low: -8, high: 8 })], { axis: 0 }, { opset: 13, tolerance: FP16 });
  });

  it('matches ONNX Runtime on NaN, ±Inf, all -Inf rows and huge logits', async () => {
    const x = tensor(
      [
        [-Infinity, -Infinity, -Infinity],
        [1, Infinity, 2],
        [1, NaN, 2],
        [1000, 0, -1000],
        [-Infinity, 0, 1],
        [3e38, -3e38, 0],
      ],
      [6, 3],
    );
    const [expected] = await expectOnnxParity('Softmax', [x], {}, { opset: 13, tolerance: FP32 });
    // The all -Inf row is 0/0 = NaN (Attention, not Softmax, turns fully masked rows into zeros).
    expect(expected.toFlatArray().slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(runOp('Softmax', [x])[0].toFlatArray().slice(9, 15)).toEqual([1, 0, 0, 0, expect.closeTo(0.2689414, 6), expect.closeTo(0.7310586, 6)]);
  });

  it('matches ONNX Runtime on empty tensors', async () => {
    await expectOnnxParity('Softmax', [randomTensor([0, 3], 'float32', 1)], {}, { opset: 13, tolerance: FP32 });
    await expectOnnxParity('Softmax', [randomTensor([3, 0], 'float32', 1)], {}, { opset: 13, tolerance: FP32 });
  });

  it('rounds bfloat16 once from the float64 value in golden mode', () => {
    // ONNX Runtime's JS API has no bfloat16 tensors: closed form in float64 instead.
    const logits = [0.5, -1.25, 2, 0];
    const x = tensor(logits, [4], 'bfloat16');
    const exps = logits.map(Math.exp);
    const sum = exps.reduce((a, b) => a + b, 0);
    const expected = tensor(exps.map((e) => e / sum), [4], 'bfloat16');
    expectClose(runOp('Softmax', [x], {}, { mode: 'golden' })[0], expected, { rtol: 0, atol: 0 });
  });

  it('profiled no-max-subtract overflows float32 where max-subtract does not', () => {
    const x = tensor([100, 0, -5], [3]);
    const careful = runOp('Softmax', [x])[0].toFlatArray();
    expect(careful[0]).toBe(1);
    expect(careful[1]).toBe(Math.fround(Math.exp(-100)));
    // exp(100) is +Inf in float32, so the naive kernel divides Inf by Inf.
    const naive = runOp('Softmax', [x], {}, { profile: NAIVE })[0].toFlatArray();
    expect(naive[0]).toBeNaN();
    expect(naive.slice(1)).toEqual([0, 0]);
    // Golden mode always subtracts the maximum.
    expect(runOp('Softmax', [x], {}, { mode: 'golden', profile: NAIVE })[0].toFlatArray()[0]).toBe(1);
  });

  it('profiled no-max-subtract agrees with max-subtract while exp() stays finite', () => {
    const x = randomTensor([5, 8], 'float32', 9, { low: -20, high: 20 });
    expectClose(runOp('Softmax', [x], {}, { profile: NAIVE })[0], runOp('Softmax', [x])[0], FP32);
  });

  it('sums the denominator under the profile reduction numerics', () => {
    // 4097 equal logits: each term is exactly 1, so a float16 accumulator stalls at 2048
    // (2048 + 1 rounds back to 2048) while the golden sum is 4097.
    const x = tensor(new Array(4097).fill(0.25), [4097]);
    const golden = runOp('Softmax', [x], {}, { mode: 'golden' })[0].toFlatArray()[0];
    const half = runOp('Softmax', [x], {}, { profile: withOverrides(IEEE_PROFILE, { reduce: { accumulate: 'float16' } }) })[0].toFlatArray()[0];
    expect(golden).toBeCloseTo(1 / 4097, 10);
    expect(half).toBe(Math.fround(1 / 2048));
  });

  it('names the rank when the axis is out of range and rejects integer inputs', () => {
    expect(() => runOp('Softmax', [tensor([1, 2, 3], [3])], { axis: 1 })).toThrow(/axis 1 is out of range for rank 1/);
    expect(() => runOp('Softmax', [tensor([1, 2], [2], 'int32')])).toThrow(/dtype int32/);
    expect(() => runOp('Softmax', [tensor(1, [])])).toThrow(/scalar/);
    expect(() => runOp('Softmax', [tensor([1], [1])], { axes: 0 })).toThrow(/unknown attribute 'axes'/);
  });
});
