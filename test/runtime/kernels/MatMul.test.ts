import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { tensor } from '../../../src/runtime/create-tensor.js';
import type { DType } from '../../../src/runtime/dtype.js';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose, expectIdentical } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// ONNX Runtime's float32 MatMul (MLAS) sums in its own blocked order with FMA; ours sums in
// increasing k with float32 rounding per step. For the K <= 64 unit-range cases here both
// differ from the exact sum by at most γ_K·Σ|ab| ≈ 64·6e-8·16 ≈ 6e-5 in the very worst case and
// by ~1e-6 in practice, so atol 1e-5 / rtol 1e-5 separates rounding from real bugs.
const FP32_VS_ORT = { rtol: 1e-5, atol: 1e-5 };

describe('MatMul', () => {
  it.each([
    [[3, 4], [4, 5]],
    [[4], [4]],
    [[4], [4, 5]],
    [[3, 4], [4]],
    [[4], [2, 4, 5]],
    [[2, 3, 4], [4]],
    [[2, 3, 4], [2, 4, 5]],
    [[2, 1, 3, 4], [5, 4, 6]],
    [[3, 4], [2, 4, 5]],
    [[2, 3, 7, 33], [33, 9]],
    [[1, 64], [64, 1]],
    [[0, 4], [4, 5]],
    [[3, 0], [0, 5]],
    [[3, 4], [4, 0]],
    [[0, 3, 4], [4, 2]],
  ])('matches ONNX Runtime for float32 %j × %j', async (sa, sb) => {
    const a = randomTensor(sa, 'float32', 1);
    const b = randomTensor(sb, 'float32', 2);
    const [expected] = await runOnnxRuntime('MatMul', [a, b]);
    expectClose(runOp('MatMul', [a, b])[0], expected, FP32_VS_ORT);
  });

  it('golden mode matches ONNX Runtime float64 to float64 rounding', async () => {
    const a = randomTensor([2, 5, 40], 'float64', 3);
    const b = randomTensor([40, 6], 'float64', 4);
    const [expected] = await runOnnxRuntime('MatMul', [a, b]);
    // Two float64 summation orders of 40 terms of magnitude <= 1: |diff| <= 2·γ_40·40 ≈ 2e-13.
    expectClose(runOp('MatMul', [a, b], {}, { mode: 'golden' })[0], expected, { rtol: 1e-12, atol: 1e-12 });
  });

  it.each(['int32', 'int64'] as const)('multiplies %s exactly and wraps like ONNX Runtime', async (dtype) => {
    const a = randomTensor([2, 3, 5], dtype, 5, { low: -1000, high: 1000 });
    const b = randomTensor([5, 4], dtype, 6, { low: -1000, high: 1000 });
    const [expected] = await runOnnxRuntime('MatMul', [a, b]);
    expectIdentical(runOp('MatMul', [a, b])[0], expected);
    const big = tensor([2147483647, 1], [1, 2], 'int32');
    const [wrapped] = await runOnnxRuntime('MatMul', [big, tensor([2, 3], [2, 1], 'int32')]);
    expectIdentical(runOp('MatMul', [big, tensor([2, 3], [2, 1], 'int32')])[0], wrapped);
  });

  it('matches ONNX Runtime for float16 within one float16 rounding', async () => {
    const a = randomTensor([4, 32], 'float16', 7);
    const b = randomTensor([32, 5], 'float16', 8);
    const [expected] = await runOnnxRuntime('MatMul', [a, b]);
    // Both accumulate in float32 and round once to float16 (half an ulp, 2^-11 relative);
    // different summation orders can move a result across a rounding boundary: one ulp.
    expectClose(runOp('MatMul', [a, b])[0], expected, { rtol: 2 ** -10, atol: 2 ** -14 });
  });

  it('propagates NaN and Inf like ONNX Runtime', async () => {
    const a = tensor([NaN, 1, 0, 1, Infinity, 2], [3, 2]);
    const b = tensor([Infinity, 0, 1, 1], [2, 2]);
    const [expected] = await runOnnxRuntime('MatMul', [a, b]);
    expectClose(runOp('MatMul', [a, b])[0], expected, { rtol: 0, atol: 0 });
  });

  it('applies the profile matmul numerics (TF32 operands) and not the conv numerics', () => {
    const a = randomTensor([5, 64], 'float32', 9);
    const b = randomTensor([64, 7], 'float32', 10);
    const tf32 = withOverrides(IEEE_PROFILE, { matmul: { format: 'tf32' } }, 'test.tf32');
    const rounded = (t: Tensor): Tensor => Tensor.fromNumbers(t.toFloat64().map((v) => roundToFormat(v, TF32)), t.shape, 'float32');
    const [viaProfile] = runOp('MatMul', [a, b], {}, { profile: tf32 });
    expectIdentical(viaProfile, runOp('MatMul', [rounded(a), rounded(b)])[0], 'TF32 = IEEE on pre-rounded operands');
    expect(viaProfile.toFlatArray()).not.toEqual(runOp('MatMul', [a, b])[0].toFlatArray());
    const convOnly = withOverrides(IEEE_PROFILE, { conv: { format: 'tf32' } }, 'test.conv-tf32');
    expectIdentical(runOp('MatMul', [a, b], {}, { profile: convOnly })[0], runOp('MatMul', [a, b])[0], 'conv profile ignored');
  });

  it('golden mode ignores the profile and sums in float64', () => {
    const a = randomTensor([3, 300], 'float32', 11);
    const b = randomTensor([300, 2], 'float32', 12);
    const golden = runOp('MatMul', [a, b], {}, { mode: 'golden', profile: withOverrides(IEEE_PROFILE, { matmul: { format: 'int16' } }) })[0];
    const a64 = Tensor.fromNumbers(a.toFloat64(), a.shape, 'float64');
    const b64 = Tensor.fromNumbers(b.toFloat64(), b.shape, 'float64');
    const reference = Tensor.fromNumbers(runOp('MatMul', [a64, b64], {}, { mode: 'golden' })[0].toFloat64(), [3, 2], 'float32');
    expectIdentical(golden, reference);
  });

  it.each(['float32', 'float16', 'bfloat16'] as const)(
    'needs the catalog %s tolerance, not the assert_close default, for K = 4096 sums that cancel',
    (dtype) => {
      const tolerance = loadCatalog().operator('MatMul')?.spec.tolerances[dtype as DType];
      expect(tolerance, `operators/MatMul.yaml states a ${dtype} tolerance`).toBeDefined();
      // Row i of A is [x_i, x_i] and column j of B is [y_j, -y_j]: every exact sum is 0, but a
      // float32 running sum of 4096 products keeps the rounding residue of its first half.
      const half = 2048;
      const x = randomTensor([8, half], dtype, 13).toFloat64();
      const y = randomTensor([half, 8], dtype, 14).toFloat64();
      const a = new Float64Array(8 * 2 * half);
      const b = new Float64Array(2 * half * 8);
      for (let i = 0; i < 8; i++) for (let p = 0; p < half; p++) a[i * 2 * half + p] = a[i * 2 * half + half + p] = x[i * half + p];
      for (let p = 0; p < half; p++) for (let j = 0; j < 8; j++) [b[p * 8 + j], b[(half + p) * 8 + j]] = [y[p * 8 + j], -y[p * 8 + j]];
      const at = Tensor.fromNumbers(a, [8, 2 * half], dtype);
      const bt = Tensor.fromNumbers(b, [2 * half, 8], dtype);
      const golden = runOp('MatMul', [at, bt], {}, { mode: 'golden' })[0];
      // Exact sums are 0; float64 accumulation leaves at most ~1e-14.
      expect(Math.max(...golden.toFloat64().map(Math.abs))).toBeLessThan(1e-12);
      const ieee = runOp('MatMul', [at, bt])[0];
      const residue = Math.max(...ieee.toFloat64().map(Math.abs));
      expect(residue, 'float32 accumulation leaves a residue beyond the default atol 1e-5').toBeGreaterThan(1e-5);
      expectClose(ieee, golden, tolerance!, 'IEEE profile vs golden within the catalog tolerance');
    },
  );

  it('names both shapes when the inner dimensions differ', () => {
    expect(() => runOp('MatMul', [tensor([1, 2, 3, 4, 5, 6], [2, 3]), tensor([1, 2, 3, 4], [2, 2])])).toThrow(
      /A \[2, 3\] has 3 columns but B \[2, 2\] has 2 rows/,
    );
  });

  it('names the batch shapes that cannot broadcast', () => {
    expect(() => runOp('MatMul', [Tensor.zeros([2, 3, 4]), Tensor.zeros([3, 4, 5])])).toThrow(/batch dimensions \[2\] of A \[2, 3, 4\] and \[3\] of B/);
  });

  it('rejects scalars, mixed dtypes and booleans', () => {
    expect(() => runOp('MatMul', [tensor(2, []), tensor([1, 2])])).toThrow(/rank >= 1/);
    expect(() => runOp('MatMul', [tensor([1], [1, 1], 'float32'), tensor([1], [1, 1], 'float64')])).toThrow(/same dtype/);
    expect(() => runOp('MatMul', [tensor([1], [1, 1], 'bool'), tensor([1], [1, 1], 'bool')])).toThrow(/dtype bool/);
  });
});
