import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { int32, int64 } from '../../helpers/exact-tensors.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

const OPSET = 18;
const GOLDEN = { mode: 'golden' } as const;

// Golden means are exact, rounded once; ONNX Runtime sums in float32 in its own order. Sums of at
// most 60 terms of magnitude < 1 are within 60 · 60 · 2^-24 ≈ 2.2e-4 of the exact sum; dividing by
// the group size (≥ 1) keeps that bound, plus one rounding of the quotient (2^-24 relative).
const FLOAT32_MEAN = { rtol: 2 ** -24, atol: 2.2e-4 };
const FLOAT16_MEAN = { rtol: 2 ** -10, atol: 2.2e-4 };
const FLOAT64_MEAN = { rtol: 0, atol: 1e-12 };

describe('ReduceMean', () => {
  const cases: { shape: number[]; axes?: number[]; keepdims?: number; noop_with_empty_axes?: number }[] = [
    { shape: [3, 4, 5], axes: [1] },
    { shape: [3, 4, 5], axes: [0, -1], keepdims: 0 },
    { shape: [3, 4, 5] },
    { shape: [3, 4, 5], axes: [], noop_with_empty_axes: 1 },
    { shape: [3, 4, 5], axes: [1, 1] },
    { shape: [6], axes: [0], keepdims: 0 },
    { shape: [] },
  ];
  const inputsOf = (data: Tensor, axes?: number[]) => (axes ? [data, int64(axes)] : [data]);
  const attrs = (c: (typeof cases)[number]) => ({ keepdims: c.keepdims, noop_with_empty_axes: c.noop_with_empty_axes });

  it('matches ONNX Runtime for float32, float16 and float64 in golden mode', async () => {
    for (const [i, c] of cases.entries()) {
      for (const [dtype, tolerance] of [['float32', FLOAT32_MEAN], ['float16', FLOAT16_MEAN], ['float64', FLOAT64_MEAN]] as const) {
        const data = randomTensor(c.shape, dtype, 300 + i);
        await expectOrtParity('ReduceMean', inputsOf(data, c.axes), attrs(c), { opset: OPSET, tolerance, run: GOLDEN }, `${dtype} ${JSON.stringify(c)}`);
      }
    }
  });

  it('truncates integer means toward zero exactly as ONNX Runtime does', async () => {
    for (const [i, c] of cases.entries()) {
      await expectOrtParity('ReduceMean', inputsOf(randomTensor(c.shape, 'int32', 320 + i, { low: -50, high: 50 }), c.axes), attrs(c), { opset: OPSET }, `int32 ${JSON.stringify(c)}`);
      await expectOrtParity('ReduceMean', inputsOf(randomTensor(c.shape, 'int64', 340 + i, { low: -50, high: 50 }), c.axes), attrs(c), { opset: OPSET }, `int64 ${JSON.stringify(c)}`);
    }
    expect(runOp('ReduceMean', [int32([-1, -2, 5, 6], [2, 2])], { keepdims: 0 })[0].at()).toBe(2);
    expect(runOp('ReduceMean', [int64([-3n, -2n], [2])], { keepdims: 0 })[0].toFlatArray()).toEqual([-2]);
  });

  it('matches ONNX Runtime on NaN, infinities and float32 overflow under the IEEE profile', async () => {
    // The float32 running sum of 3e38 + 3e38 overflows to Inf, in ONNX Runtime and in the IEEE
    // profile alike; the golden mean is the exact 3e38.
    const special = tensor([NaN, 1, Infinity, 1, -Infinity, Infinity, 3e38, 3e38], [4, 2]);
    await expectOrtParity('ReduceMean', [special, int64([1])], {}, { opset: OPSET, tolerance: { rtol: 0, atol: 0 } });
    expect(runOp('ReduceMean', [special, int64([1])], {}, GOLDEN)[0].toFlatArray()).toEqual([NaN, Infinity, NaN, 3e38].map(Math.fround));
  });

  it('averages bfloat16 in golden mode as the exact mean rounded once to bfloat16', () => {
    const data = randomTensor([5, 4], 'bfloat16', 360, { low: -100, high: 100 });
    const [out] = runOp('ReduceMean', [data, int64([0])], { keepdims: 0 }, GOLDEN);
    const values = data.toFloat64();
    const exact = [0, 1, 2, 3].map((c) => [0, 1, 2, 3, 4].reduce((sum, r) => sum + values[r * 4 + c], 0) / 5);
    expectIdentical(out, Tensor.fromNumbers(exact, [4], 'bfloat16'));
  });

  it('divides in the accumulation dtype of the profile', () => {
    const data = tensor([1, ...new Array<number>(1024).fill(2 ** -24)], [1025], 'float32');
    const mean = (mode: 'golden' | 'profiled', profile = IEEE_PROFILE) => runOp('ReduceMean', [data], { keepdims: 0 }, { mode, profile })[0].at();
    expect(mean('golden')).toBe(Math.fround((1 + 2 ** -14) / 1025));
    expect(mean('profiled')).toBe(Math.fround(1 / 1025));
    expect(mean('profiled', withOverrides(IEEE_PROFILE, { reduce: { order: 'pairwise' } }))).toBe(Math.fround((1 + 2 ** -14) / 1025));
  });

  it('gives NaN for the mean of an empty float set and rejects an empty integer mean', () => {
    // ONNX leaves the empty mean undefined; 0/0 = NaN as in NumPy and PyTorch (ONNX Runtime gives 0).
    const [out] = runOp('ReduceMean', [tensor([], [2, 0]), int64([1])]);
    expect(out.shape).toEqual([2, 1]);
    expect(out.toFlatArray()).toEqual([NaN, NaN]);
    expect(() => runOp('ReduceMean', [int32([], [2, 0]), int64([1])])).toThrow(/cannot reduce over axes \[1\] of data \[2, 0\]: the mean of an empty set is undefined for int32/);
  });

  it('names the axes and the data shape when an axis is out of range', () => {
    expect(() => runOp('ReduceMean', [tensor([1, 2, 3]), int64([-2])])).toThrow(/axes entry -2 is out of range for data of shape \[3\]/);
  });
});
