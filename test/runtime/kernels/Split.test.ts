import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity, expectOrtRejects } from '../../helpers/ort-parity.js';

// Split moves stored elements only: every comparison is bit-for-bit.
describe('Split', () => {
  const cases: { shape: number[]; axis: number; split?: number[]; num_outputs?: number }[] = [
    { shape: [6, 4], axis: 0, split: [1, 2, 3] },
    { shape: [3, 7], axis: -1, split: [0, 7] },
    { shape: [3, 6, 2], axis: 1, num_outputs: 3 },
    { shape: [10, 2], axis: 0, num_outputs: 4 },
    { shape: [5], axis: 0, num_outputs: 2 },
    { shape: [2, 5], axis: 1, num_outputs: 1 },
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, { shape, axis, split, num_outputs }] of cases.entries()) {
      const data = randomStored(shape, dtype, 30 + i);
      const outputs = split ? split.length : num_outputs!;
      await expectOrtParity(
        'Split',
        split ? [data, int64(split)] : [data],
        { axis, num_outputs },
        { opset: 18, outputs },
        `${dtype} ${JSON.stringify(shape)} axis ${axis} ${split ? `split ${split}` : `num_outputs ${num_outputs}`}`,
      );
    }
  });

  it('splits 10 into 4 as ceil-sized pieces with a smaller last one', () => {
    const pieces = runOp('Split', [tensor(Array.from({ length: 10 }, (_, i) => i))], { num_outputs: 4 });
    expect(pieces.map((p) => p.toFlatArray())).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
  });

  it('keeps bfloat16 bits', () => {
    const half = randomStored([4, 3], 'float16', 5);
    const h = runOp('Split', [half], { num_outputs: 2 });
    const b = runOp('Split', [reinterpret16(half, 'bfloat16')], { num_outputs: 2 });
    b.forEach((t, i) => expectIdentical(t, reinterpret16(h[i], 'bfloat16')));
  });

  it('rejects splits whose last piece would be empty, as ONNX Runtime does', async () => {
    const data = tensor(Array.from({ length: 9 }, (_, i) => i));
    expect(() => runOp('Split', [data], { num_outputs: 4 })).toThrow(/axis 0 \(size 9\) of input \[9\] cannot be split into 4 pieces of 3/);
    await expectOrtRejects('Split', [data], { num_outputs: 4 }, { opset: 18, outputs: 4 });
  });

  it('names the axis size when split sizes do not add up', () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('Split', [data, int64([1, 1])], { axis: 1 })).toThrow(/split \[1, 1\] must be non-negative sizes summing to 3/);
    expect(() => runOp('Split', [data, int64([4, -1])], { axis: 1 })).toThrow(/summing to 3/);
  });

  it('needs exactly one of split and num_outputs', () => {
    const data = tensor([1, 2, 3, 4]);
    expect(() => runOp('Split', [data])).toThrow(/give the 'split' input or the 'num_outputs' attribute/);
    expect(() => runOp('Split', [data, int64([2, 2])], { num_outputs: 2 })).toThrow(/not both/);
    expect(() => runOp('Split', [data], { num_outputs: 0 })).toThrow(/at least 1/);
  });
});
