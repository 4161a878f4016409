import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { int32, int64 } from '../../helpers/exact-tensors.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

const OPSET = 14;
const GOLDEN = { mode: 'golden' } as const;

// Golden partial sums are exact, each rounded once; ONNX Runtime keeps a float32 running sum.
// A prefix of at most 7 terms of magnitude < 1 is within 7 · 7 · 2^-24 ≈ 3e-6 of the exact sum.
const FLOAT32_SCAN = { rtol: 0, atol: 3e-6 };
// float16: one float16 rounding (2^-10 relative) of a value that may itself be off by the float32 bound.
const FLOAT16_SCAN = { rtol: 2 ** -10, atol: 3e-6 };
const FLOAT64_SCAN = { rtol: 0, atol: 1e-14 };

describe('CumSum', () => {
  const shapes = [[4, 5, 6], [7], [3, 0, 2]];
  const axesFor = (rank: number) => Array.from({ length: 2 * rank }, (_, i) => i - rank);

  it('matches ONNX Runtime for every axis, exclusive and reverse', async () => {
    for (const [s, shape] of shapes.entries()) {
      for (const axis of axesFor(shape.length)) {
        for (const exclusive of [0, 1]) {
          for (const reverse of [0, 1]) {
            const attrs = { exclusive, reverse };
            const label = `${JSON.stringify(shape)} axis ${axis} exclusive ${exclusive} reverse ${reverse}`;
            const axisInput = int64([axis], []);
            const seed = 700 + 10 * s;
            await expectOrtParity('CumSum', [randomTensor(shape, 'float32', seed), axisInput], attrs, { opset: OPSET, tolerance: FLOAT32_SCAN, run: GOLDEN }, `float32 ${label}`);
            await expectOrtParity('CumSum', [randomTensor(shape, 'float16', seed + 1), axisInput], attrs, { opset: OPSET, tolerance: FLOAT16_SCAN, run: GOLDEN }, `float16 ${label}`);
            await expectOrtParity('CumSum', [randomTensor(shape, 'float64', seed + 2), axisInput], attrs, { opset: OPSET, tolerance: FLOAT64_SCAN, run: GOLDEN }, `float64 ${label}`);
            await expectOrtParity('CumSum', [randomTensor(shape, 'int32', seed + 3, { low: -1e9, high: 1e9 }), axisInput], attrs, { opset: OPSET }, `int32 ${label}`);
            await expectOrtParity('CumSum', [randomTensor(shape, 'int64', seed + 4, { low: -1e15, high: 1e15 }), axisInput], attrs, { opset: OPSET }, `int64 ${label}`);
          }
        }
      }
    }
  });

  it('wraps int32 and int64 on overflow exactly as ONNX Runtime does', async () => {
    await expectOrtParity('CumSum', [int32([2147483647, 5, -10, 2147483647]), int32([0], [])], {}, { opset: OPSET });
    await expectOrtParity('CumSum', [int64([2n ** 62n, 2n ** 62n, 2n ** 62n + 9n]), int64([0])], { reverse: 1 }, { opset: OPSET });
  });

  it('matches ONNX Runtime on NaN, infinities and a strided input', async () => {
    const special = tensor([1, NaN, 2, Infinity, -Infinity, 3e38, 3e38, -0], [8]);
    await expectOrtParity('CumSum', [special, int64([0], [])], {}, { opset: OPSET, tolerance: { rtol: 0, atol: 0 } });
    await expectOrtParity('CumSum', [randomTensor([5, 4], 'float32', 790).transpose(), int64([-1], [])], { exclusive: 1 }, { opset: OPSET, tolerance: FLOAT32_SCAN, run: GOLDEN });
  });

  it('rounds each exact bfloat16 running sum once in golden mode', () => {
    // ONNX Runtime's JS API has no bfloat16; partial sums of 6 bfloat16 values are exact in float64.
    const data = randomTensor([3, 6], 'bfloat16', 795, { low: -100, high: 100 });
    const [out] = runOp('CumSum', [data, int64([1], [])], { reverse: 1 }, GOLDEN);
    const values = data.toFloat64();
    const exact = values.map((_, p) => {
      let sum = 0;
      for (let q = p; q < Math.floor(p / 6) * 6 + 6; q++) sum += values[q];
      return sum;
    });
    expectIdentical(out, Tensor.fromNumbers(exact, [3, 6], 'bfloat16'));
  });

  it('rounds every partial sum to the accumulation dtype when profiled', () => {
    const data = tensor([1, ...new Array<number>(8).fill(2 ** -24)], [9], 'float32');
    const scan = (mode: 'golden' | 'profiled', profile = IEEE_PROFILE) => runOp('CumSum', [data, int64([0], [])], {}, { mode, profile })[0].toFlatArray();
    // Exact partial sums 1 + k·2^-24, each rounded once to float32 (ties to even).
    expect(scan('golden')).toEqual(Array.from({ length: 9 }, (_, k) => Math.fround(1 + k * 2 ** -24)));
    // A float32 running sum never leaves 1: every 1 + 2^-24 ties back to 1.
    expect(scan('profiled')).toEqual(new Array<number>(9).fill(1));
    const bf16 = withOverrides(IEEE_PROFILE, { reduce: { accumulate: 'bfloat16' } });
    expect(runOp('CumSum', [tensor([256, 1, 1, 1], [4]), int64([0], [])], {}, { profile: bf16 })[0].toFlatArray()).toEqual([256, 256, 256, 256]);
  });

  it('names the axis and the shape when the axis is out of range or not a single value', () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('CumSum', [data, int64([2], [])])).toThrow(/axis 2 is out of range for data of shape \[2, 3\] \(valid: -2\.\.1\)/);
    expect(() => runOp('CumSum', [data, int64([0, 1])])).toThrow(/'axis' must hold a single value \(0-D\), got shape \[2\]/);
    expect(() => runOp('CumSum', [data, tensor([0], [], 'float32')])).toThrow(/'axis' must be int64 or int32, got float32/);
    expect(() => runOp('CumSum', [tensor([1, 2], [2], 'int8'), int64([0], [])])).toThrow(/dtype int8; supported/);
  });
});
