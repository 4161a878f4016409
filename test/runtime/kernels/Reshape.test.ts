import { describe, expect, it } from 'vitest';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity, expectOrtRejects } from '../../helpers/ort-parity.js';

// Reshape moves stored elements only: every comparison is bit-for-bit.
const OPSET = { opset: 25 };

describe('Reshape', () => {
  const cases: [number[], number[], number][] = [
    [[2, 3, 4], [4, -1], 0],
    [[2, 3, 4], [0, -1], 0],
    [[2, 3, 4], [0, 0, 2, 2], 0],
    [[2, 3, 4], [24], 0],
    [[1], [], 0],
    [[], [1, 1], 0],
    [[0, 3], [-1, 0], 0],
    [[0, 3], [3, 0], 1],
    [[2, 3], [3, 2], 1],
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, [from, to, allowzero]] of cases.entries()) {
      const data = randomStored(from, dtype, 20 + i);
      await expectOrtParity('Reshape', [data, int64(to)], { allowzero }, OPSET, `${dtype} ${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
    }
  });

  it('reads a strided view in row-major order', async () => {
    const data = randomStored([4, 6], 'int64', 5).transpose();
    await expectOrtParity('Reshape', [data, int64([2, 12])], {}, OPSET);
  });

  it('keeps bfloat16 bits', () => {
    const half = randomStored([6, 4], 'float16', 6);
    const [b] = runOp('Reshape', [reinterpret16(half, 'bfloat16'), int64([3, 8])]);
    expectIdentical(b, reinterpret16(runOp('Reshape', [half, int64([3, 8])])[0], 'bfloat16'));
  });

  it('rejects shapes ONNX Runtime rejects, naming both shapes', async () => {
    const data = randomStored([2, 3], 'float32', 7);
    const bad: [number[], number, RegExp][] = [
      [[5], 0, /\[2, 3\] to \[5\].*6 elements/],
      [[-1, -1], 0, /at most one dimension may be -1/],
      [[0, -1], 1, /allowzero = 1, 0 and -1/],
      [[-2, 3], 0, /dimension -2 at position 0/],
      [[4, -1], 0, /6 elements cannot fill/],
    ];
    for (const [shape, allowzero, message] of bad) {
      expect(() => runOp('Reshape', [data, int64(shape)], { allowzero })).toThrow(message);
      await expectOrtRejects('Reshape', [data, int64(shape)], { allowzero }, OPSET);
    }
  });

  it('rejects a 0 that would copy a dimension the data does not have', async () => {
    const data = randomStored([6], 'float32', 9);
    expect(() => runOp('Reshape', [data, int64([2, 0, 3])])).toThrow(/0 at position 1 copies an input dimension, but the data has rank 1/);
    await expectOrtRejects('Reshape', [data, int64([2, 0, 3])], {}, OPSET);
  });

  it('requires an int64 1-D shape', () => {
    const data = randomStored([2, 3], 'float32', 8);
    expect(() => runOp('Reshape', [data, int64([6], [])])).toThrow(/'shape' must be a 1-D tensor, got shape \[\]/);
    expect(() => runOp('Reshape', [data, randomStored([1], 'int32', 1)])).toThrow(/'shape' must be int64, got int32/);
  });
});
