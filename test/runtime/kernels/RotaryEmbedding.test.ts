import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import type { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { expectOnnxParity } from '../../helpers/onnx-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// float32: two products and one sum per element; ONNX Runtime may fuse them (FMA), so up to
// two float32 ulps of the O(1) result apart.
const FP32 = { rtol: 1e-6, atol: 2.5e-7 };
// float16: both sides compute in float32 or better and round once (float16 defaults).
const FP16 = { rtol: 1e-3, atol: 1e-5 };

/** RoPE caches for positions 0..positions-1: angle p · 10000^(-2i/dim). */
function ropeCaches(positions: number, half: number, dtype: 'float32' | 'float16' | 'bfloat16' = 'float32'): [Tensor, Tensor] {
  const cos: number[] = [];
  const sin: number[] = [];
  for (let p = 0; p < positions; p++) {
    for (let i = 0; i < half; i++) {
      const angle = p * 10000 ** (-i / half);
      cos.push(Math.cos(angle));
      sin.push(Math.sin(angle));
    }
  }
  return [tensor(cos, [positions, half], dtype), tensor(sin, [positions, half], dtype)];
}

describe('RotaryEmbedding', () => {
  it.each([false, true])('matches ONNX Runtime (opset 23) for 4-D X with per-batch caches, interleaved = %s', async (interleaved) => {
    const x = randomTensor([2, 3, 4, 8], 'float32', 61, { low: -2, high: 2 });
    const cos = randomTensor([2, 4, 4], 'float32', 62);
    const sin = randomTensor([2, 4, 4], 'float32', 63);
    await expectOnnxParity('RotaryEmbedding', [x, cos, sin], { interleaved: interleaved ? 1 : 0 }, { opset: 23, tolerance: FP32 });
  });

  it.each([false, true])('matches ONNX Runtime for 3-D X with num_heads and position_ids, interleaved = %s', async (interleaved) => {
    const x = randomTensor([2, 5, 3 * 16], 'float32', 64, { low: -2, high: 2 });
    const [cos, sin] = ropeCaches(32, 8);
    const positionIds = tensor([0, 1, 2, 3, 4, 17, 9, 31, 0, 5], [2, 5], 'int64');
    await expectOnnxParity('RotaryEmbedding', [x, cos, sin, positionIds], { interleaved: interleaved ? 1 : 0, num_heads: 3 }, { opset: 23, tolerance: FP32 });
  });

  it.each([false, true])('matches ONNX Runtime for partial rotation (rotary_embedding_dim 6 of head_size 10), interleaved = %s', async (interleaved) => {
    const x = randomTensor([1, 2, 3, 10], 'float32', 65, { low: -2, high: 2 });
    const [cos, sin] = ropeCaches(8, 3);
    const positionIds = tensor([5, 6, 7], [1, 3], 'int64');
    const attrs = { interleaved: interleaved ? 1 : 0, rotary_embedding_dim: 6 };
    await expectOnnxParity('RotaryEmbedding', [x, cos, sin, positionIds], attrs, { opset: 23, tolerance: FP32 });
    // Features from rotary_embedding_dim on pass through untouched.
    const y = runOp('RotaryEmbedding', [x, cos, sin, positionIds], attrs)[0].toFlatArray();
    const xs = x.toFlatArray();
    for (let row = 0; row < 6; row++) expect(y.slice(row * 10 + 6, row * 10 + 10)).toEqual(xs.slice(row * 10 + 6, row * 10 + 10));
  });

  it('matches ONNX Runtime for float16', async () => {
    const x = randomTensor([1, 2, 4, 16], 'float16', 66, { low: -2, high: 2 });
    const [cos, sin] = ropeCaches(4, 8, 'float16');
    await expectOnnxParity('RotaryEmbedding', [x, cos, sin, tensor([0, 1, 2, 3], [1, 4], 'int64')], {}, { opset: 23, tolerance: FP16 });
  });

  it('broadcasts position_ids and caches with a batch dimension of 1 like the ONNX function body', async () => {
    const x = randomTensor([3, 2, 4, 8], 'float32', 67);
    const [cos, sin] = ropeCaches(6, 4);
    const shared = tensor([2, 3, 4, 5], [1, 4], 'int64');
    const explicit = tensor([2, 3, 4, 5, 2, 3, 4, 5, 2, 3, 4, 5], [3, 4], 'int64');
    const [expected] = await runOnnxRuntime('RotaryEmbedding', [x, cos, sin, explicit], {}, { opset: 23 });
    expectClose(runOp('RotaryEmbedding', [x, cos, sin, shared])[0], expected, FP32);
    const batchCos = tensor(cos.toFlatArray().slice(8), [1, 4, 4]);
    const batchSin = tensor(sin.toFlatArray().slice(8), [1, 4, 4]);
    expectClose(runOp('RotaryEmbedding', [x, batchCos, batchSin])[0], expected, FP32);
  });

  it('rotates each pair by its angle: a quarter turn maps (x1, x2) to (-x2, x1) exactly, in bfloat16 too', () => {
    // ONNX Runtime's JS API has no bfloat16 tensors: closed form.
    const x = tensor([1.5, -2, 0.25, 3, 5, 6], [1, 1, 1, 6], 'bfloat16');
    const cos = tensor([0, 1, -1], [1, 1, 3], 'bfloat16');
    const sin = tensor([1, 0, 0], [1, 1, 3], 'bfloat16');
    // rotate-half pairs: (x0, x3), (x1, x4), (x2, x5) with angles 90°, 0°, 180°.
    expect(runOp('RotaryEmbedding', [x, cos, sin])[0].toFlatArray()).toEqual([-3, -2, -0.25, 1.5, 5, -6]);
    // interleaved pairs: (x0, x1), (x2, x3), (x4, x5).
    expect(runOp('RotaryEmbedding', [x, cos, sin], { interleaved: 1 })[0].toFlatArray()).toEqual([2, 1.5, 0.25, 3, -5, -6]);
  });

  it('preserves the norm of every rotated pair (golden, float32 RoPE angles)', () => {
    const x = randomTensor([1, 1, 3, 8], 'float32', 68, { low: -5, high: 5 });
    const [cos, sin] = ropeCaches(3, 4);
    const y = runOp('RotaryEmbedding', [x, cos, sin, tensor([0, 1, 2], [1, 3], 'int64')], { interleaved: 1 }, { mode: 'golden' })[0].toFlatArray();
    const xs = x.toFlatArray();
    for (let k = 0; k < xs.length; k += 2) {
      // cos² + sin² of float32-rounded angles is 1 within ~1e-7.
      expect(Math.hypot(y[k], y[k + 1])).toBeCloseTo(Math.hypot(xs[k], xs[k + 1]), 5);
    }
  });

  it('keeps NaN and Inf inside their pair and handles an empty sequence', () => {
    const x = tensor([NaN, 1, 2, 3, Infinity, 1, 2, 3], [1, 1, 2, 4]);
    const cos = tensor([1, 1, 1, 1], [1, 2, 2]);
    const sin = tensor([0, 0, 0, 0], [1, 2, 2]);
    const y = runOp('RotaryEmbedding', [x, cos, sin])[0].toFlatArray();
    // Pair (x0, x2) holds NaN: both become NaN (0·NaN); pair (x1, x3) is untouched by it.
    expect(y.slice(0, 4)).toEqual([NaN, 1, NaN, 3]);
    expect(y.slice(4)).toEqual([Infinity, 1, NaN, 3]);
    expect(runOp('RotaryEmbedding', [tensor([], [1, 2, 0, 4]), tensor([], [1, 0, 2]), tensor([], [1, 0, 2])])[0].shape).toEqual([1, 2, 0, 4]);
  });

  it('rejects bad inputs with messages naming the shapes', () => {
    const x = randomTensor([1, 2, 3, 8], 'float32', 1);
    const [cos, sin] = ropeCaches(4, 4);
    const ids = tensor([0, 1, 2], [1, 3], 'int64');
    expect(() => runOp('RotaryEmbedding', [x, cos, sin, ids], { rotary_embedding_dim: 5 })).toThrow(/rotary dimension 5 must be even/);
    expect(() => runOp('RotaryEmbedding', [x, cos, sin, ids], { rotary_embedding_dim: 4 })).toThrow(/cos_cache has shape \[4, 4\]: its last dimension must be rotary dimension \/ 2 = 2/);
    expect(() => runOp('RotaryEmbedding', [x, cos, sin, tensor([0, 1, 7], [1, 3], 'int64')])).toThrow(/position_ids\[2\] = 7 is outside the caches' 4 positions/);
    expect(() => runOp('RotaryEmbedding', [x, cos, sin, tensor([0, 1, 2], [1, 3], 'int32')])).toThrow(/must be int64/);
    expect(() => runOp('RotaryEmbedding', [x, cos, sin])).toThrow(/without position_ids, cos_cache must be \(batch, seq, 4\)/);
    expect(() => runOp('RotaryEmbedding', [randomTensor([1, 3, 8], 'float32', 2), cos, sin, ids])).toThrow(/num_heads attribute is required/);
    expect(() => runOp('RotaryEmbedding', [randomTensor([1, 3, 9], 'float32', 2), cos, sin, ids], { num_heads: 2 })).toThrow(/hidden size 9.*not divisible by num_heads = 2/);
    expect(() => runOp('RotaryEmbedding', [x, cos, sin, ids], { num_heads: 3 })).toThrow(/num_heads = 3 but 4-D X/);
    expect(() => runOp('RotaryEmbedding', [tensor([1, 2], [1, 2]), cos, sin])).toThrow(/must be 4-D/);
    expect(() => runOp('RotaryEmbedding', [randomTensor([1, 2, 3, 8], 'float64', 3), cos, sin, ids])).toThrow(/dtype float64/);
  });
});
