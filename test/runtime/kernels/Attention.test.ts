import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import type { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose } from '../../helpers/expect-close.js';
import { asFloat, runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// float32: two float32 matrix products and a softmax; ONNX Runtime's SGEMM blocks its sums
// differently and folds the scale into the GEMM, so outputs (|Y| < 1) agree to a few ulps.
const FP32 = { rtol: 1e-5, atol: 5e-7 };
// present_key / present_value are copies: exact.
const EXACT = { rtol: 0, atol: 0 };
// float16 golden vs ONNX Runtime: ONNX Runtime's CPU kernel stores the scores and the
// probabilities as float16 between its steps, two float16 roundings of O(1) values that
// move |Y| < 1 by up to ~4 float16 ulps at 0.5 (2^-11 each).
const FP16_GOLDEN = { rtol: 1e-3, atol: 2e-3 };
// Profiled with halfCompute 'native' (float16 intermediates, as that kernel keeps them):
// within two float16 ulps at 0.5.
const FP16_NATIVE = { rtol: 1e-3, atol: 1e-3 };
const OPSET = { opset: 23 } as const;

function qkv(
  qShape: readonly number[],
  kShape: readonly number[],
  vShape: readonly number[],
  seed: number,
  dtype: 'float32' | 'float16' = 'float32',
  range = 2,
): [Tensor, Tensor, Tensor] {
  return [
    randomTensor(qShape, dtype, seed, { low: -range, high: range }),
    randomTensor(kShape, dtype, seed + 1, { low: -range, high: range }),
    randomTensor(vShape, dtype, seed + 2),
  ];
}

/** The mask broadcast to its full (batch, q_heads, q_seq, total_seq) shape, materialised. */
function expandMask(mask: Tensor, shape: readonly number[]): Tensor {
  return mask.expand(shape).contiguous();
}

describe('Attention', () => {
  it('matches ONNX Runtime (opset 23) for 4-D multi-head attention', async () => {
    await expectOnnxParity('Attention', qkv([2, 3, 4, 8], [2, 3, 6, 8], [2, 3, 6, 8], 71), {}, { ...OPSET, tolerance: FP32 });
  });

  it.each([
    [4, 2, 8, 8],
    [4, 1, 8, 5],
    [6, 3, 4, 6],
  ])('matches ONNX Runtime for 3-D inputs with q_num_heads %i, kv_num_heads %i (head_size %i, v_head_size %i)', async (qHeads, kvHeads, d, dv) => {
    const inputs = qkv([2, 5, qHeads * d], [2, 7, kvHeads * d], [2, 7, kvHeads * dv], 72);
    await expectOnnxParity('Attention', inputs, { q_num_heads: qHeads, kv_num_heads: kvHeads }, { ...OPSET, outputs: 3, tolerance: [FP32, EXACT, EXACT] });
  });

  it.each([
    ['q_seq = kv_seq', [1, 2, 5, 4], [1, 2, 5, 4], 0],
    ['q_seq < kv_seq (upper-left alignment)', [1, 2, 3, 4], [1, 2, 6, 4], 0],
    ['q_seq > kv_seq', [1, 2, 6, 4], [1, 2, 3, 4], 0],
    ['with a past of 4', [1, 2, 3, 4], [1, 2, 3, 4], 4],
  ] as const)('matches ONNX Runtime for is_causal, %s', async (_label, qShape, kShape, past) => {
    const [q, k, v] = qkv(qShape, kShape, kShape, 73);
    const pastKey = past ? randomTensor([1, 2, past, 4], 'float32', 76) : undefined;
    const pastValue = past ? randomTensor([1, 2, past, 4], 'float32', 77) : undefined;
    const [y] = await expectOnnxParity('Attention', [q, k, v, undefined, pastKey, pastValue], { is_causal: 1 }, {
      ...OPSET,
      outputs: past ? 3 : 1,
      tolerance: [FP32, EXACT, EXACT],
    });
    if (qShape[2] > kShape[2]) {
      // Upper-left alignment: query 0 sees key 0 only, so its output is V's first row.
      expect(y.toFlatArray().slice(0, 4)).toEqual(v.toFlatArray().slice(0, 4).map(Math.fround));
    }
  });

  it.each([
    ['bool (q_seq, total_seq)', [4, 6], 'bool'],
    ['float (q_heads, q_seq, total_seq)', [3, 4, 6], 'float32'],
    ['float (batch, 1, q_seq, total_seq)', [2, 1, 4, 6], 'float32'],
    ['bool (1, q_heads, q_seq, total_seq)', [1, 3, 4, 6], 'bool'],
    ['float (batch, q_heads, q_seq, total_seq)', [2, 3, 4, 6], 'float32'],
  ] as const)('matches ONNX Runtime with a %s mask, with and without is_causal', async (_label, maskShape, dtype) => {
    const inputs = qkv([2, 3, 4, 8], [2, 3, 6, 8], [2, 3, 6, 8], 74);
    const mask =
      dtype === 'bool'
        ? randomTensor(maskShape, 'float32', 75).toFlatArray().map((v) => v > -0.6)
        : randomTensor(maskShape, 'float32', 75, { low: -3, high: 1 }).toFlatArray();
    const maskTensor = tensor(mask as number[], maskShape, dtype);
    for (const isCausal of [0, 1]) {
      await expectOnnxParity('Attention', [...inputs, maskTensor], { is_causal: isCausal }, { ...OPSET, tolerance: FP32 });
    }
  });

  it.each([
    [[6]],
    [[1, 1, 1, 6]],
    [[2, 3, 1, 6]],
    [[2, 1, 1, 6]],
    [[4, 1]],
  ])('broadcasts a %j mask as NumPy does (ONNX Runtime checked on the expanded mask)', async (maskShape) => {
    const inputs = qkv([2, 3, 4, 8], [2, 3, 6, 8], [2, 3, 6, 8], 78);
    const mask = randomTensor(maskShape, 'float32', 79, { low: -4, high: 1 });
    const [expected] = await runOnnxRuntime('Attention', [...inputs, expandMask(mask, [2, 3, 4, 6])], {}, OPSET);
    for (const mode of ['golden', 'profiled'] as const) {
      expectClose(runOp('Attention', [...inputs, mask], {}, { mode })[0], expected, FP32, mode);
    }
  });

  it('matches ONNX Runtime with past_key / past_value, grouped heads and present outputs', async () => {
    const [q, k, v] = qkv([2, 3, 16], [2, 3, 8], [2, 3, 6], 80);
    const pastKey = randomTensor([2, 2, 5, 4], 'float32', 83);
    const pastValue = randomTensor([2, 2, 5, 3], 'float32', 84);
    const mask = randomTensor([3, 8], 'float32', 85, { low: -2, high: 0 });
    const [, presentKey] = await expectOnnxParity(
      'Attention',
      [q, k, v, mask, pastKey, pastValue],
      { q_num_heads: 4, kv_num_heads: 2, is_causal: 1 },
      { ...OPSET, outputs: 3, tolerance: [FP32, EXACT, EXACT] },
    );
    expect(presentKey.shape).toEqual([2, 2, 8, 4]);
  });

  it.each([0, 1, 2, 3])('matches ONNX Runtime with softcap, a float mask and qk_matmul_output_mode %i', async (mode) => {
    const inputs = qkv([1, 2, 4, 8], [1, 2, 5, 8], [1, 2, 5, 8], 86, 'float32', 4);
    const mask = randomTensor([4, 5], 'float32', 89, { low: -3, high: 0 });
    await expectOnnxParity('Attention', [...inputs, mask], { softcap: asFloat(2.5), qk_matmul_output_mode: mode, scale: asFloat(0.7) }, {
      ...OPSET,
      outputs: 4,
      // Softcap's tanh: ONNX Runtime's MLAS tanh is accurate to a few float32 ulps.
      tolerance: [FP32, EXACT, EXACT, { rtol: 1e-5, atol: 1e-6 }],
    });
  });

  it('applies softcap before the mask, so masked scores stay -Inf (mode 2 output)', () => {
    const q = tensor([3, 0], [1, 1, 1, 2]);
    const k = tensor([1, 0, 0, 1], [1, 1, 2, 2]);
    const v = tensor([1, 0, 0, 1], [1, 1, 2, 2]);
    const mask = tensor([true, false], [1, 2], 'bool');
    const [y, , , qk] = runOp('Attention', [q, k, v, mask], { softcap: 2, scale: 1, qk_matmul_output_mode: 2 }, { mode: 'golden' });
    expect(qk.toFlatArray()).toEqual([Math.fround(2 * Math.tanh(1.5)), -Infinity]);
    expect(y.toFlatArray()).toEqual([1, 0]);
  });

  it('gives fully masked query rows zero output, as ONNX Runtime does', async () => {
    const inputs = qkv([1, 1, 3, 4], [1, 1, 3, 4], [1, 1, 3, 4], 90);
    const boolMask = tensor([true, false, true, false, false, false, true, true, true], [3, 3], 'bool');
    const [y] = await expectOnnxParity('Attention', [...inputs, boolMask], {}, { ...OPSET, tolerance: FP32 });
    expect(y.toFlatArray().slice(4, 8)).toEqual([0, 0, 0, 0]);
    const floatMask = tensor([0, 0, 0, -Infinity, -Infinity, -Infinity, 0, -1, 0], [3, 3]);
    const [z] = await expectOnnxParity('Attention', [...inputs, floatMask], {}, { ...OPSET, tolerance: FP32 });
    expect(z.toFlatArray().slice(4, 8)).toEqual([0, 0, 0, 0]);
  });

  it('aligns is_causal to the past when one query follows several new keys (ONNX definition)', async () => {
    // ONNX Runtime skips the causal mask when q_seq = 1 and a past exists; the ONNX definition
    // masks key j > i + past_seq. Checked against ONNX Runtime given that mask explicitly.
    const [q, k, v] = qkv([1, 2, 1, 4], [1, 2, 3, 4], [1, 2, 3, 4], 91);
    const pastKey = randomTensor([1, 2, 2, 4], 'float32', 94);
    const pastValue = randomTensor([1, 2, 2, 4], 'float32', 95);
    const causalAsMask = tensor([0, 0, 0, -Infinity, -Infinity], [1, 5]);
    const [expected] = await runOnnxRuntime('Attention', [q, k, v, causalAsMask, pastKey, pastValue], {}, { ...OPSET, outputs: 3 });
    expectClose(runOp('Attention', [q, k, v, undefined, pastKey, pastValue], { is_causal: 1 })[0], expected, FP32);
  });

  it('matches ONNX Runtime for float16 inputs', async () => {
    const inputs = qkv([2, 4, 5, 16], [2, 2, 7, 16], [2, 2, 7, 16], 96, 'float16', 3);
    const [expected] = await runOnnxRuntime('Attention', inputs, {}, OPSET);
    expectClose(runOp('Attention', inputs, {}, { mode: 'golden' })[0], expected, FP16_GOLDEN, 'golden');
    const native = withOverrides(IEEE_PROFILE, { halfCompute: 'native' }, 'float16-intermediates');
    expectClose(runOp('Attention', inputs, {}, { profile: native })[0], expected, FP16_NATIVE, 'profiled native');
  });

  it('stays finite for huge logits with max-subtract and overflows with the naive softmax profile', async () => {
    // Scores up to ~1e4: exp() overflows float32 unless the row maximum is subtracted.
    const inputs = qkv([1, 2, 3, 8], [1, 2, 4, 8], [1, 2, 4, 8], 97, 'float32', 40);
    const [y] = await expectOnnxParity('Attention', inputs, {}, { ...OPSET, tolerance: FP32 });
    expect(y.toFlatArray().every(Number.isFinite)).toBe(true);
    const naive = withOverrides(IEEE_PROFILE, { softmax: 'no-max-subtract' }, 'naive-softmax');
    expect(runOp('Attention', inputs, {}, { profile: naive })[0].toFlatArray().some(Number.isNaN)).toBe(true);
  });

  it('propagates NaN only into the query row that holds it', async () => {
    const [q, k, v] = qkv([1, 1, 3, 4], [1, 1, 4, 4], [1, 1, 4, 4], 98);
    const qValues = q.toFlatArray();
    qValues[5] = NaN;
    const [y] = await expectOnnxParity('Attention', [tensor(qValues, [1, 1, 3, 4]), k, v], {}, { ...OPSET, tolerance: FP32 });
    const ys = y.toFlatArray();
    expect(ys.slice(4, 8).every(Number.isNaN)).toBe(true);
    expect([...ys.slice(0, 4), ...ys.slice(8)].some(Number.isNaN)).toBe(false);
  });

  it('computes both products on the profile matrix unit', () => {
    const inputs = qkv([1, 2, 8, 32], [1, 2, 8, 32], [1, 2, 8, 32], 99);
    const golden = runOp('Attention', inputs, {}, { mode: 'golden' })[0];
    const error = (t: Tensor): number => Math.max(...t.toFlatArray().map((v, i) => Math.abs(v - golden.toFlatArray()[i])));
    const ieee = error(runOp('Attention', inputs)[0]);
    const bf16 = error(runOp('Attention', inputs, {}, { profile: withOverrides(IEEE_PROFILE, { matmul: { format: 'bf16' } }) })[0]);
    // bfloat16 operands keep 8 significant bits; float32 keeps 24.
    expect(ieee).toBeLessThan(1e-6);
    expect(bf16).toBeGreaterThan(1e-3);
    expect(runOp('Attention', inputs, {}, { mode: 'golden', profile: withOverrides(IEEE_PROFILE, { matmul: { format: 'bf16' } }) })[0]).toEqual(golden);
  });

  it('holds scores in softmax_precision in profiled mode only', async () => {
    const inputs = qkv([1, 2, 4, 8], [1, 2, 6, 8], [1, 2, 6, 8], 100);
    await expectOnnxParity('Attention', inputs, { softmax_precision: 1 }, { ...OPSET, tolerance: FP32 });
    const golden = runOp('Attention', inputs, { softmax_precision: 16 }, { mode: 'golden' })[0];
    expectClose(golden, runOp('Attention', inputs, {}, { mode: 'golden' })[0], EXACT);
    const bf16 = runOp('Attention', inputs, { softmax_precision: 16 })[0];
    // bfloat16 scores and probabilities: ~2^-8 relative.
    expectClose(bf16, golden, { rtol: 2e-2, atol: 2e-2 });
    expect(() => expectClose(bf16, golden, FP32)).toThrow();
  });

  it('handles empty batch, query and key sequences', () => {
    const y0 = runOp('Attention', qkv([0, 2, 3, 4], [0, 2, 5, 4], [0, 2, 5, 4], 1));
    expect(y0.map((t) => t.shape)).toEqual([[0, 2, 3, 4], [0, 2, 5, 4], [0, 2, 5, 4], [0, 2, 3, 5]]);
    expect(runOp('Attention', qkv([1, 2, 0, 4], [1, 2, 5, 4], [1, 2, 5, 4], 1))[0].shape).toEqual([1, 2, 0, 4]);
    // No keys at all: every query attends to nothing, so Y is zero (as for fully masked rows).
    const [y, presentKey] = runOp('Attention', qkv([1, 3, 8], [1, 0, 4], [1, 0, 4], 1), { q_num_heads: 2, kv_num_heads: 1 });
    expect(y.shape).toEqual([1, 3, 8]);
    expect(y.toFlatArray().every((value) => value === 0)).toBe(true);
    expect(presentKey.shape).toEqual([1, 1, 0, 4]);
  });

  it('rejects bad inputs with messages naming the shapes', () => {
    const [q, k, v] = qkv([1, 4, 3, 8], [1, 2, 5, 8], [1, 2, 5, 8], 1);
    expect(() => runOp('Attention', qkv([1, 3, 16], [1, 5, 8], [1, 5, 8], 1))).toThrow(/3-D inputs \(Q \[1, 3, 16\].*need the q_num_heads and kv_num_heads/);
    expect(() => runOp('Attention', qkv([1, 3, 4, 8], [1, 2, 5, 8], [1, 2, 5, 8], 1))).toThrow(/q_num_heads \(3\) must be a multiple of kv_num_heads \(2\)/);
    expect(() => runOp('Attention', [q, k, v, tensor(new Array(12).fill(0), [3, 4])])).toThrow(/attn_mask of shape \[3, 4\] does not broadcast to .* \[1, 4, 3, 5\]/);
    expect(() => runOp('Attention', [q, k, v, tensor(new Array(15).fill(0), [3, 5], 'int32')])).toThrow(/attn_mask has dtype int32/);
    expect(() => runOp('Attention', [q, k, v, undefined, randomTensor([1, 2, 2, 8], 'float32', 2)])).toThrow(/past_key and past_value must be given together/);
    expect(() => runOp('Attention', [q, k, v, undefined, randomTensor([1, 3, 2, 8], 'float32', 2), randomTensor([1, 3, 2, 8], 'float32', 3)])).toThrow(
      /past_key \[1, 3, 2, 8\] and past_value \[1, 3, 2, 8\] must be .* \[1, 2, 2, 8\]/,
    );
    expect(() => runOp('Attention', [q, randomTensor([1, 2, 5, 6], 'float32', 4), v])).toThrow(/disagree on head_size \(8 vs 6\)/);
    expect(() => runOp('Attention', [q, k, v], { qk_matmul_output_mode: 4 })).toThrow(/qk_matmul_output_mode' must be 0, 1, 2 or 3/);
    expect(() => runOp('Attention', [q, k, v], { scale: -1 })).toThrow(/'scale' must be a positive/);
    expect(() => runOp('Attention', [q, k, v], { softmax_precision: 7 })).toThrow(/softmax_precision/);
    expect(() => runOp('Attention', [q, k, v], { kv_num_heads: 4 })).toThrow(/kv_num_heads = 4 but K and V have 2 heads/);
    expect(() => runOp('Attention', [q.reshape([1, 4, 24]), k, v])).toThrow(/must all be 4-D .* or all 3-D/);
  });
});
