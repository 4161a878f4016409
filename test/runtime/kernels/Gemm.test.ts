import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose, expectIdentical } from '../../helpers/expect-close.js';
import { asFloat, runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// ONNX Runtime (MLAS) sums in another order with FMA; K <= 40 unit-range sums differ by far
// less than 1e-5 (see MatMul.test.ts for the bound).
const FP32_VS_ORT = { rtol: 1e-5, atol: 1e-5 };

describe('Gemm', () => {
  const m = 5;
  const k = 40;
  const n = 7;
  const cases: [string, number, number, number[] | null, number, number][] = [
    ['plain, no C', 0, 0, null, 1, 1],
    ['C (M, N)', 0, 0, [m, n], 1, 1],
    ['C (N) broadcast', 1, 0, [n], 0.5, 2],
    ['C (1, N) broadcast', 0, 1, [1, n], -1.5, 0.25],
    ['C (M, 1) broadcast', 1, 1, [m, 1], 2, -1],
    ['C scalar', 0, 0, [], 1, 3],
    ['C (1)', 1, 1, [1], 0.75, 1],
  ];
  it.each(cases)('matches ONNX Runtime for float32: %s (transA=%d, transB=%d)', async (_label, transA, transB, cShape, alpha, beta) => {
    const a = randomTensor(transA ? [k, m] : [m, k], 'float32', 1);
    const b = randomTensor(transB ? [n, k] : [k, n], 'float32', 2);
    const inputs = cShape ? [a, b, randomTensor(cShape, 'float32', 3)] : [a, b];
    const attributes = { transA, transB, alpha: asFloat(alpha), beta: asFloat(beta) };
    const [expected] = await runOnnxRuntime('Gemm', inputs, attributes);
    expectClose(runOp('Gemm', inputs, { transA, transB, alpha, beta })[0], expected, FP32_VS_ORT);
  });

  it('golden mode matches ONNX Runtime float64 to float64 rounding', async () => {
    const a = randomTensor([40, 6], 'float64', 4);
    const b = randomTensor([9, 40], 'float64', 5);
    const c = randomTensor([9], 'float64', 6);
    // ONNX float attributes are float32: use values float32 holds exactly.
    const attributes = { transA: 1, transB: 1, alpha: 0.375, beta: 1.75 };
    const [expected] = await runOnnxRuntime('Gemm', [a, b, c], attributes);
    expectClose(runOp('Gemm', [a, b, c], attributes, { mode: 'golden' })[0], expected, { rtol: 1e-12, atol: 1e-12 });
  });

  it('matches ONNX Runtime for float16 within one float16 rounding', async () => {
    const a = randomTensor([4, 24], 'float16', 7);
    const b = randomTensor([24, 3], 'float16', 8);
    const c = randomTensor([3], 'float16', 9);
    const [expected] = await runOnnxRuntime('Gemm', [a, b, c]);
    // Both accumulate in float32 and round once to float16: at most one ulp apart.
    expectClose(runOp('Gemm', [a, b, c])[0], expected, { rtol: 2 ** -10, atol: 2 ** -14 });
  });

  it('does not read C when beta is 0, like ONNX Runtime (BLAS convention)', async () => {
    const a = tensor([1, 2, 3, 4], [2, 2]);
    const b = tensor([1, 0, 0, 1], [2, 2]);
    const c = tensor([NaN, Infinity], [2]);
    const [expected] = await runOnnxRuntime('Gemm', [a, b, c], { beta: asFloat(0) });
    expectClose(runOp('Gemm', [a, b, c], { beta: 0 })[0], expected, { rtol: 0, atol: 0 });
    expect(runOp('Gemm', [a, b, c], { beta: 0 })[0].toFlatArray()).toEqual([1, 2, 3, 4]);
  });

  it('propagates NaN and Inf from A, B and C like ONNX Runtime', async () => {
    const a = tensor([Infinity, 2, 3, NaN], [2, 2]);
    const b = tensor([1, 0, 0, 1], [2, 2]);
    const c = tensor([1, -Infinity], [1, 2]);
    for (const alpha of [0, 1]) {
      const [expected] = await runOnnxRuntime('Gemm', [a, b, c], { alpha: asFloat(alpha) });
      expectClose(runOp('Gemm', [a, b, c], { alpha })[0], expected, { rtol: 0, atol: 0 }, `alpha ${alpha}`);
    }
  });

  it('handles empty M and N like ONNX Runtime', async () => {
    for (const [sa, sb, sc] of [
      [[0, 3], [3, 4], [4]],
      [[2, 3], [3, 0], [1]],
    ]) {
      const inputs = [randomTensor(sa, 'float32', 1), randomTensor(sb, 'float32', 2), randomTensor(sc, 'float32', 3)];
      const [expected] = await runOnnxRuntime('Gemm', inputs, { beta: asFloat(2) });
      expectClose(runOp('Gemm', inputs, { beta: 2 })[0], expected, { rtol: 0, atol: 0 }, JSON.stringify([sa, sb, sc]));
    }
  });

  it('gives beta·C for K = 0, as the ONNX formula says', () => {
    // ONNX Runtime 1.30 returns C unscaled here; Y = alpha·A·B + beta·C with an empty sum is beta·C.
    const c = tensor([1, -2, 3, 4.5, 0, -1, 8, 2], [2, 4]);
    const [y] = runOp('Gemm', [Tensor.zeros([2, 0]), Tensor.zeros([0, 4]), c], { beta: 2, alpha: 3 });
    expect(y.toFlatArray()).toEqual([2, -4, 6, 9, 0, -2, 16, 4]);
  });

  it('rounds the epilogue once into the accumulation dtype of the profile', () => {
    const a = tensor([1, 2 ** -20], [1, 2]);
    const b = tensor([1, 1], [2, 1]);
    const c = tensor([2 ** -11 + 2 ** -12], [1]);
    // float16 running sums: 1 + 2^-20 rounds to 1; the epilogue adds 0.75 ulp of float16 and
    // rounds to float16 (1 + 2^-10) before the float32 output stores it.
    const fp16Sums = withOverrides(IEEE_PROFILE, { matmul: { accumulate: 'float16' } }, 'test.fp16-accumulate');
    const [narrow] = runOp('Gemm', [a, b, c], {}, { profile: fp16Sums });
    expect(narrow.toFlatArray()).toEqual([1 + 2 ** -10]);
    const [golden] = runOp('Gemm', [a, b, c], {}, { mode: 'golden' });
    expect(golden.toFlatArray()).toEqual([Math.fround(1 + 2 ** -20 + 2 ** -11 + 2 ** -12)]);
  });

  it('keeps float64 data in float64 under a float32-accumulating profile (the epilogue too)', () => {
    const a = tensor([1, 2 ** -20], [1, 2], 'float64');
    const b = tensor([1, 1], [2, 1], 'float64');
    const c = tensor([2 ** -30], [1], 'float64');
    const [ieee] = runOp('Gemm', [a, b, c], {}, { profile: IEEE_PROFILE });
    expect(ieee.toFlatArray()).toEqual([1 + 2 ** -20 + 2 ** -30]);
    const [golden] = runOp('Gemm', [a, b, c], {}, { mode: 'golden' });
    expect(golden.toFlatArray()).toEqual([1 + 2 ** -20 + 2 ** -30]);
  });

  it('runs op(A)·op(B) under the profile matmul numerics', () => {
    const a = randomTensor([30, 6], 'float32', 10);
    const b = randomTensor([5, 30], 'float32', 11);
    const profile = withOverrides(IEEE_PROFILE, { matmul: { format: 'int16' } }, 'test.int16');
    const [viaGemm] = runOp('Gemm', [a, b], { transA: 1, transB: 1 }, { profile });
    const at = a.transpose().contiguous();
    const bt = b.transpose().contiguous();
    expectIdentical(viaGemm, runOp('MatMul', [at, bt], {}, { profile })[0], 'Gemm with transposes = MatMul on transposed copies');
    expect(viaGemm.toFlatArray()).not.toEqual(runOp('Gemm', [a, b], { transA: 1, transB: 1 })[0].toFlatArray());
  });

  it('computes integer Gemm exactly', () => {
    const a = tensor([1, 2, 3, 4], [2, 2], 'int32');
    const b = tensor([5, 6, 7, 8], [2, 2], 'int32');
    const c = tensor([100], [1], 'int32');
    expect(runOp('Gemm', [a, b, c], { alpha: 2 })[0].toFlatArray()).toEqual([138, 144, 186, 200]);
  });

  it('explains shape errors with the shapes and transposes involved', () => {
    const a = Tensor.zeros([2, 3]);
    expect(() => runOp('Gemm', [a, Tensor.zeros([2, 4])])).toThrow(/op\(A\) is 2×3 .* op\(B\) is 2×4/);
    expect(() => runOp('Gemm', [a, Tensor.zeros([4, 3]), Tensor.zeros([3])], { transB: 1 })).toThrow(/C \[3\] cannot be broadcast to \(M, N\) = \[2, 4\]/);
    expect(() => runOp('Gemm', [Tensor.zeros([2, 3, 1]), Tensor.zeros([1, 4])])).toThrow(/must be 2-D/);
    expect(() => runOp('Gemm', [a, Tensor.zeros([3, 2])], { transC: 1 })).toThrow(/unknown attribute 'transC'/);
  });
});
