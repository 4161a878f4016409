import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { GOLDEN_PROFILE, IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { int32, int64 } from '../../helpers/exact-tensors.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

const OPSET = 13;
const GOLDEN = { mode: 'golden' } as const;

// Golden sums are exact, rounded once; ONNX Runtime sums in float32 in its own order. For at most
// 60 terms of magnitude < 1 any float32 order is within 60 · 60 · 2^-24 ≈ 2.2e-4 of the exact sum
// (the recursive-summation bound n·u·Σ|x|), so that is the float32 tolerance.
const FLOAT32_SUM = { rtol: 0, atol: 2.2e-4 };
// float16 outputs: one float16 rounding (2^-10 relative) on top of the float32 bound.
const FLOAT16_SUM = { rtol: 2 ** -10, atol: 2.2e-4 };
// float64: ONNX Runtime sums in double; 60 terms differ from the exact sum by < 60·60·2^-53.
const FLOAT64_SUM = { rtol: 0, atol: 1e-12 };

describe('ReduceSum', () => {
  const cases: { shape: number[]; axes?: number[]; keepdims?: number; noop_with_empty_axes?: number }[] = [
    { shape: [3, 4, 5], axes: [1] },
    { shape: [3, 4, 5], axes: [0, 2], keepdims: 0 },
    { shape: [3, 4, 5], axes: [-1] },
    { shape: [3, 4, 5], axes: [2, -1, 0] },
    { shape: [3, 4, 5] },
    { shape: [3, 4, 5], keepdims: 0 },
    { shape: [3, 4, 5], axes: [], noop_with_empty_axes: 1 },
    { shape: [3, 4, 5], noop_with_empty_axes: 1 },
    { shape: [3, 4, 5], axes: [] },
    { shape: [7], axes: [0], keepdims: 0 },
    { shape: [] },
    { shape: [2, 0, 3], axes: [1] },
    { shape: [2, 0, 3], axes: [0], keepdims: 0 },
  ];
  const inputsOf = (data: Tensor, axes?: number[]) => (axes ? [data, int64(axes)] : [data]);
  const attrs = (c: (typeof cases)[number]) => ({ keepdims: c.keepdims, noop_with_empty_axes: c.noop_with_empty_axes });

  it('matches ONNX Runtime for float32, float16 and float64 in golden mode', async () => {
    for (const [i, c] of cases.entries()) {
      for (const [dtype, tolerance] of [['float32', FLOAT32_SUM], ['float16', FLOAT16_SUM], ['float64', FLOAT64_SUM]] as const) {
        const data = randomTensor(c.shape, dtype, 200 + i);
        await expectOrtParity('ReduceSum', inputsOf(data, c.axes), attrs(c), { opset: OPSET, tolerance, run: GOLDEN }, `${dtype} ${JSON.stringify(c)}`);
      }
    }
  });

  it('matches ONNX Runtime exactly for int32 and int64', async () => {
    for (const [i, c] of cases.entries()) {
      await expectOrtParity('ReduceSum', inputsOf(randomTensor(c.shape, 'int32', 220 + i, { low: -1e6, high: 1e6 }), c.axes), attrs(c), { opset: OPSET }, `int32 ${JSON.stringify(c)}`);
      await expectOrtParity('ReduceSum', inputsOf(randomTensor(c.shape, 'int64', 240 + i, { low: -1e12, high: 1e12 }), c.axes), attrs(c), { opset: OPSET }, `int64 ${JSON.stringify(c)}`);
    }
  });

  it('matches ONNX Runtime on NaN, infinities, overflow to infinity and strided input', async () => {
    const special = tensor([NaN, 1, Infinity, 1, -Infinity, Infinity, 3e38, 3e38, -0, -0, 1e-45, 1e-45], [6, 2]);
    await expectOrtParity('ReduceSum', [special, int64([1])], {}, { opset: OPSET, tolerance: { rtol: 0, atol: 0 }, run: GOLDEN });
    const strided = randomTensor([5, 6], 'float32', 260).transpose();
    await expectOrtParity('ReduceSum', [strided, int64([0])], {}, { opset: OPSET, tolerance: FLOAT32_SUM, run: GOLDEN });
  });

  it('follows the profile: sequential, blocked and pairwise float32 sums of an ill-conditioned input', () => {
    // 1 followed by 1024 copies of 2^-24 (half an ulp of 1 in float32): exactly 1 + 2^-14.
    const data = tensor([1, ...new Array<number>(1024).fill(2 ** -24)], [1025], 'float32');
    const sum = (profile = IEEE_PROFILE, mode: 'golden' | 'profiled' = 'profiled') => runOp('ReduceSum', [data], { keepdims: 0 }, { mode, profile }).at(0)!.at();
    const golden = sum(GOLDEN_PROFILE, 'golden');
    expect(golden).toBe(1 + 2 ** -14);
    // Left to right, every 1 + 2^-24 ties back to 1 (round half to even): all small terms are lost.
    expect(sum()).toBe(1);
    // Blocks of 256: the first block (1 and 255 small terms) rounds to 1, the other sums are exact.
    expect(sum(withOverrides(IEEE_PROFILE, { reduce: { order: 'blocked', blockSize: 256 } }))).toBe(1 + 3 * 2 ** -16);
    // A balanced tree adds the small terms to each other first and recovers the exact sum.
    expect(sum(withOverrides(IEEE_PROFILE, { reduce: { order: 'pairwise' } }))).toBe(golden);
    // A float64 accumulator, as a golden-like profile would have it, is exact here too.
    expect(sum(withOverrides(IEEE_PROFILE, { reduce: { accumulate: 'float64' } }))).toBe(golden);
  });

  it('sums bfloat16 in golden mode as the exact sum rounded once to bfloat16', () => {
    // ONNX Runtime's JS API has no bfloat16; the golden result is the float64 sum of the decoded
    // elements (exact here: 24 values with 8-bit mantissas) rounded once.
    const data = randomTensor([4, 6], 'bfloat16', 270, { low: -100, high: 100 });
    const [out] = runOp('ReduceSum', [data, int64([1])], { keepdims: 0 }, GOLDEN);
    const values = data.toFloat64();
    const exact = [0, 1, 2, 3].map((r) => values.slice(r * 6, r * 6 + 6).reduce((a, b) => a + b, 0));
    expectIdentical(out, Tensor.fromNumbers(exact, [4], 'bfloat16'));
  });

  it('accumulates float64 data in float64 even under a float32 profile', () => {
    const data = tensor([1e8, 1, -1e8], [3], 'float64');
    expect(runOp('ReduceSum', [data], { keepdims: 0 })[0].at()).toBe(1);
    const single = tensor([1e8, 1, -1e8], [3], 'float32');
    expect(runOp('ReduceSum', [single], { keepdims: 0 })[0].at()).toBe(0);
  });

  it('adds int64 exactly beyond 2^53 and wraps int32 like device integer addition', () => {
    const [big] = runOp('ReduceSum', [int64([2n ** 60n + 1n, 2n ** 60n + 3n, -5n])], { keepdims: 0 });
    expect((big.storage as BigInt64Array)[0]).toBe(2n ** 61n - 1n);
    const [wrapped] = runOp('ReduceSum', [int64([2n ** 62n, 2n ** 62n])], { keepdims: 0 });
    expect((wrapped.storage as BigInt64Array)[0]).toBe(-(2n ** 63n));
    // ONNX Runtime 1.30 returns 2147483647 here (it does not wrap); device int32 adds wrap.
    expect(runOp('ReduceSum', [int32([2147483647, 5])], { keepdims: 0 })[0].at()).toBe(-2147483644);
  });

  it('names the axes and the data shape when an axis is out of range', () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('ReduceSum', [data, int64([3])])).toThrow(/axes entry 3 is out of range for data of shape \[2, 3\] \(valid: -2\.\.1\)/);
    expect(() => runOp('ReduceSum', [data, int32([1])])).toThrow(/'axes' must be int64, got int32/);
    expect(() => runOp('ReduceSum', [data, int64([1], [])])).toThrow(/'axes' must be a 1-D tensor/);
    expect(() => runOp('ReduceSum', [tensor([1, 0], [2], 'bool')])).toThrow(/dtype bool; supported: float64, float32, float16, bfloat16, int64, int32/);
    expect(() => runOp('ReduceSum', [data], { keepdim: 0 })).toThrow(/unknown attribute 'keepdim'/);
  });
});
