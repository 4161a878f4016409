import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import type { DType } from '../../../src/runtime/dtype.js';
import { runOp } from '../../../src/runtime/run-op.js';
import type { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// TopK selects stored elements and their int64 indices: every comparison is bit-for-bit.
const OPSET = 24;
const oracle = (dtype: DType) => ({ opset: OPSET, outputs: 2, outputDTypes: [dtype, 'int64'] as DType[] });

/** NaN-free data with many ties, so the lower-index-first rule is exercised. */
function tied(shape: number[], dtype: DType, seed: number): Tensor {
  if (dtype === 'float16') return randomStored(shape, dtype, seed, { nans: 'none' });
  if (dtype === 'int64' && seed % 2 === 1) return randomStored(shape, dtype, seed);
  return randomTensor(shape, dtype, seed, { low: 0, high: 5, integers: true });
}

describe('TopK', () => {
  const cases: { shape: number[]; k: number; axis?: number }[] = [
    { shape: [4, 9], k: 3 },
    { shape: [4, 9], k: 9, axis: -1 },
    { shape: [6, 3, 5], k: 2, axis: 0 },
    { shape: [6, 3, 5], k: 0, axis: 1 },
    { shape: [7], k: 7 },
  ];

  it.each(['float32', 'float16', 'float64', 'int64', 'int32', 'int8', 'uint8'] as const)('matches ONNX Runtime bit for bit for %s, ties lower index first', async (dtype) => {
    for (const [i, { shape, k, axis }] of cases.entries()) {
      for (const largest of [1, 0]) {
        const data = tied(shape, dtype, 800 + i);
        await expectOrtParity('TopK', [data, int64([k])], { axis, largest }, oracle(dtype), `${dtype} ${JSON.stringify(shape)} k ${k} axis ${axis} largest ${largest}`);
      }
    }
  });

  it('returns the same elements as ONNX Runtime when sorted = 0 (order unspecified; ours is sorted)', async () => {
    const data = tied([5, 12], 'float32', 820);
    const [values, indices] = await runOnnxRuntime('TopK', [data, int64([4])], { sorted: 0 }, oracle('float32'));
    const [ourValues, ourIndices] = runOp('TopK', [data, int64([4])], { sorted: 0 });
    const [sortedValues] = runOp('TopK', [data, int64([4])]);
    expectIdentical(ourValues, sortedValues);
    const rows = (v: Tensor, ix: Tensor) =>
      Array.from({ length: 5 }, (_, r) =>
        Array.from({ length: 4 }, (_, j) => `${ix.toFlatArray()[r * 4 + j]}:${v.toFlatArray()[r * 4 + j]}`).sort(),
      );
    expect(rows(ourValues, ourIndices)).toEqual(rows(values, indices));
  });

  it('handles an empty batch (ONNX Runtime 1.30 dies with SIGFPE on this input)', () => {
    const [values, indices] = runOp('TopK', [tensor([], [0, 4]), int64([2])]);
    expect(values.shape).toEqual([0, 2]);
    expect(indices.shape).toEqual([0, 2]);
    expect(indices.dtype).toBe('int64');
  });

  it('ranks NaN above every number (first for largest, last for smallest)', () => {
    // ONNX Runtime's order with NaN is undefined (its comparator is not a strict weak order).
    const data = tensor([3, NaN, 1, Infinity, NaN, -Infinity]);
    const [v, i] = runOp('TopK', [data, int64([3])]);
    expect(v.toFlatArray()).toEqual([NaN, NaN, Infinity]);
    expect(i.toFlatArray()).toEqual([1, 4, 3]);
    const [vs, is] = runOp('TopK', [data, int64([4])], { largest: 0 });
    expect(vs.toFlatArray()).toEqual([-Infinity, 1, 3, Infinity]);
    expect(is.toFlatArray()).toEqual([5, 2, 0, 3]);
  });

  it('keeps int64 beyond 2^53 and bfloat16 bits exact', () => {
    const [big, where] = runOp('TopK', [int64([2n ** 60n, 2n ** 60n + 2n, 2n ** 60n + 1n]), int64([2])]);
    expect(Array.from(big.storage as BigInt64Array)).toEqual([2n ** 60n + 2n, 2n ** 60n + 1n]);
    expect(where.toFlatArray()).toEqual([1, 2]);
    const half = randomStored([3, 8], 'float16', 830, { nans: 'none' });
    const [h] = runOp('TopK', [half, int64([3])]);
    const [b] = runOp('TopK', [reinterpret16(half, 'bfloat16'), int64([3])]);
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('names K, the axis and the shape when K does not fit', () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('TopK', [data, int64([4])])).toThrow(/K = 4 is outside \[0, 3\] for axis -1 of X \[2, 3\]/);
    expect(() => runOp('TopK', [data, int64([1], [])])).toThrow(/'K' must be a 1-D tensor, got shape \[\]/);
    expect(() => runOp('TopK', [data, int64([1, 2])])).toThrow(/'K' must hold exactly one value, got \[1, 2\]/);
    expect(() => runOp('TopK', [data, int64([1])], { axis: 2 })).toThrow(/axis 2 is out of range for data of shape \[2, 3\]/);
  });
});
