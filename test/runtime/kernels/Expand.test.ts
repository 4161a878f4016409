import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity, expectOrtRejects } from '../../helpers/ort-parity.js';

// Expand moves stored elements only: every comparison is bit-for-bit.
const OPSET = { opset: 13 };

describe('Expand', () => {
  const cases: [number[], number[]][] = [
    [[3, 1], [2, 1, 6]],
    [[2, 3], [3]],
    [[2, 1, 4], [1, 5, 1]],
    [[], [2, 3]],
    [[1, 3], [0, 3]],
    [[4], [1]],
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, [from, shape]] of cases.entries()) {
      await expectOrtParity('Expand', [randomStored(from, dtype, 60 + i), int64(shape)], {}, OPSET, `${dtype} ${JSON.stringify(from)} to ${JSON.stringify(shape)}`);
    }
  });

  it('broadcasts a strided view and keeps bfloat16 bits', async () => {
    await expectOrtParity('Expand', [randomStored([3, 1], 'int64', 66).transpose(), int64([4, 3])], {}, OPSET);
    const half = randomStored([1, 5], 'float16', 67);
    const [h] = runOp('Expand', [half, int64([3, 5])]);
    const [b] = runOp('Expand', [reinterpret16(half, 'bfloat16'), int64([3, 5])]);
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('names both shapes when they cannot broadcast, as ONNX Runtime rejects them', async () => {
    const data = tensor([1, 2, 3]);
    expect(() => runOp('Expand', [data, int64([2, 4])])).toThrow(/\[3\] and \[2, 4\] cannot be broadcast/);
    await expectOrtRejects('Expand', [data, int64([2, 4])], {}, OPSET);
    expect(() => runOp('Expand', [data, int64([-1, 3])])).toThrow(/dimension -1 at position 0/);
  });
});
