import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int32, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity, expectOrtRejects } from '../../helpers/ort-parity.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// Gather moves stored elements only: every comparison is bit-for-bit.
const OPSET = { opset: 13 };

describe('Gather', () => {
  const cases: { shape: number[]; indices: number[]; indicesShape: number[]; axis: number }[] = [
    { shape: [5, 3], indices: [4, 0, -1, 2], indicesShape: [4], axis: 0 },
    { shape: [5, 3], indices: [2, -3, 1, 1, 0, 2], indicesShape: [2, 3], axis: 1 },
    { shape: [2, 4, 3], indices: [3], indicesShape: [], axis: -2 },
    { shape: [2, 4, 3], indices: [], indicesShape: [0], axis: 1 },
    { shape: [6], indices: [5, 5, -6], indicesShape: [3, 1], axis: 0 },
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, { shape, indices, indicesShape, axis }] of cases.entries()) {
      const data = randomStored(shape, dtype, 50 + i);
      await expectOrtParity('Gather', [data, int64(indices, indicesShape)], { axis }, OPSET, `${dtype} ${JSON.stringify(shape)} axis ${axis}`);
    }
  });

  it('looks up embeddings: a [1000, 64] float16 table with [4, 16] token ids', async () => {
    const table = randomStored([1000, 64], 'float16', 55);
    const ids = randomTensor([4, 16], 'int64', 56, { low: -1000, high: 1000 });
    const [out] = await expectOrtParity('Gather', [table, ids], { axis: 0 }, OPSET);
    expect(out.shape).toEqual([4, 16, 64]);
  });

  it('accepts int32 indices and strided data', async () => {
    await expectOrtParity('Gather', [randomStored([4, 5], 'int64', 57).transpose(), int32([0, 3, -1])], { axis: 1 }, OPSET);
  });

  it('keeps bfloat16 bits', () => {
    const half = randomStored([7, 3], 'float16', 58);
    const idx = int64([6, 0, 3]);
    const [h] = runOp('Gather', [half, idx]);
    const [b] = runOp('Gather', [reinterpret16(half, 'bfloat16'), idx]);
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('names the bad index, the valid range and the data shape, like ONNX Runtime rejects it', async () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('Gather', [data, int64([0, 3])], { axis: 1 })).toThrow(/indices element 1 is 3, outside \[-3, 2\] for axis 1 of data \[2, 3\]/);
    await expectOrtRejects('Gather', [data, int64([0, 3])], { axis: 1 }, OPSET);
    expect(() => runOp('Gather', [data, int64([-3])], { axis: 0 })).toThrow(/outside \[-2, 1\]/);
    expect(() => runOp('Gather', [data, int64([0])], { axis: 2 })).toThrow(/axis 2 is out of range for data of shape \[2, 3\]/);
    expect(() => runOp('Gather', [data, tensor([0], [1], 'float32')])).toThrow(/'indices' must be int64 or int32, got float32/);
  });
});
