import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// float32: x - max - log(sum) differs from ONNX Runtime's by the log() and summation
// rounding, a few ulps of the largest term in the lane (logits up to |12|).
const FP32 = { rtol: 1e-6, atol: 4e-6 };
// float16: both sides round a float32 or float64 value once (torch.testing float16 defaults).
const FP16 = { rtol: 1e-3, atol: 1e-5 };
const NAIVE = withOverrides(IEEE_PROFILE, { softmax: 'no-max-subtract' }, 'naive-softmax');

describe('LogSoftmax', () => {
  it.each([
    [[3, 7], -1],
    [[2, 3, 4, 5], 1],
    [[2, 3, 4, 5], -4],
    [[6], 0],
  ])('matches ONNX Runtime for float32 %j along axis %i', async (shape, axis) => {
    const x = randomTensor(shape, 'float32', 21, { low: -12, high: 12 });
    await expectOnnxParity('LogSoftmax', [x], { axis }, { opset: 13, tolerance: FP32 });
  });

  it('matches ONNX Runtime for float64 and float16', async () => {
    await expectOnnxParity('LogSoftmax', [randomTensor([3, 5], 'float64', 5, { low: -40, high: 40 })], {}, {
      opset: 13,
      tolerance: { rtol: 1e-14, atol: 1e-13 },
    });
    await expectOnnxParity('LogSoftmax', [randomTensor([3, 5], 'float16', 6, { low: -6, high: 6 })], {}, { opset: 13, tolerance: FP16 });
  });

  it('keeps the large negative values of huge logits finite and matches ONNX Runtime on NaN / ±Inf', async () => {
    const x = tensor(
      [
        [0, -1000, -2000],
        [-Infinity, -Infinity, -Infinity],
        [1, Infinity, 2],
        [1, NaN, 2],
        [-Infinity, 0, 0],
      ],
      [5, 3],
    );
    await expectOnnxParity('LogSoftmax', [x], {}, { opset: 13, tolerance: FP32 });
    // log(softmax(x)) would give -Inf for the tiny probabilities; x - max - log(sum) does not.
    expect(runOp('LogSoftmax', [x])[0].toFlatArray().slice(0, 3)).toEqual([0, -1000, -2000]);
    expect(runOp('LogSoftmax', [x])[0].toFlatArray().slice(12)).toEqual([-Infinity, -Math.fround(Math.LN2), -Math.fround(Math.LN2)]);
  });

  it('matches ONNX Runtime on empty tensors', async () => {
    await expectOnnxParity('LogSoftmax', [randomTensor([0, 4], 'float32', 1)], {}, { opset: 13, tolerance: FP32 });
    await expectOnnxParity('LogSoftmax', [randomTensor([2, 0], 'float32', 1)], {}, { opset: 13, tolerance: FP32 });
  });

  it('rounds bfloat16 once in golden mode (closed form; ONNX Runtime JS has no bfloat16)', () => {
    const logits = [1.5, -0.75, 3, 0.125];
    const logSum = Math.log(logits.reduce((acc, v) => acc + Math.exp(v), 0));
    const expected = tensor(logits.map((v) => v - logSum), [4], 'bfloat16');
    expectClose(runOp('LogSoftmax', [tensor(logits, [4], 'bfloat16')], {}, { mode: 'golden' })[0], expected, { rtol: 0, atol: 0 });
  });

  it('profiled no-max-subtract overflows float32 where max-subtract does not', () => {
    const x = tensor([100, 0], [2]);
    expect(runOp('LogSoftmax', [x])[0].toFlatArray()).toEqual([0, -100]);
    // exp(100) overflows float32: log(Inf) = Inf, so the naive kernel returns x - Inf.
    expect(runOp('LogSoftmax', [x], {}, { profile: NAIVE })[0].toFlatArray()).toEqual([-Infinity, -Infinity]);
    const moderate = randomTensor([4, 6], 'float32', 8, { low: -10, high: 10 });
    expectClose(runOp('LogSoftmax', [moderate], {}, { profile: NAIVE })[0], runOp('LogSoftmax', [moderate])[0], FP32);
  });

  it('rejects bad axes and integer inputs, naming the rank and dtype', () => {
    expect(() => runOp('LogSoftmax', [tensor([1, 2, 3, 4], [2, 2])], { axis: -3 })).toThrow(/axis -3 is out of range for rank 2/);
    expect(() => runOp('LogSoftmax', [tensor([1, 2], [2], 'int64')])).toThrow(/dtype int64/);
  });
});
