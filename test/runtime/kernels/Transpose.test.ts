import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';

// Data movement is exact: every comparison is bit-for-bit (expectIdentical).
const OPSET = { opset: 25 };

describe('Transpose', () => {
  const cases: [number[], number[] | undefined][] = [
    [[2, 3, 4], [1, 0, 2]],
    [[2, 3, 4], [2, 0, 1]],
    [[2, 3, 4], undefined],
    [[2, 3, 4], [0, 1, 2]],
    [[2, 1, 3, 2], [3, 1, 0, 2]],
    [[7], undefined],
    [[], undefined],
    [[0, 3], [1, 0]],
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, [shape, perm]] of cases.entries()) {
      const data = randomStored(shape, dtype, 10 + i);
      await expectOrtParity('Transpose', [data], { perm }, OPSET, `${dtype} ${JSON.stringify(shape)} perm ${JSON.stringify(perm)}`);
    }
  });

  it('moves a large tensor exactly (float16 bit patterns with NaN payloads)', async () => {
    const data = randomStored([48, 37, 9], 'float16', 3);
    await expectOrtParity('Transpose', [data], { perm: [2, 0, 1] }, OPSET);
  });

  it('moves bfloat16 bit patterns exactly as float16 ones (no decoding)', () => {
    const half = randomStored([5, 6, 7], 'float16', 4);
    const [h] = runOp('Transpose', [half], { perm: [1, 2, 0] });
    const [b] = runOp('Transpose', [reinterpret16(half, 'bfloat16')], { perm: [1, 2, 0] });
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('returns fresh storage even for the identity permutation', () => {
    const data = tensor([1, 2, 3, 4], [2, 2]);
    const [out] = runOp('Transpose', [data], { perm: [0, 1] });
    expect(out.storage).not.toBe(data.storage);
    expectIdentical(out, data);
  });

  it('names perm and the data shape when perm is not a permutation', () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('Transpose', [data], { perm: [0, 0] })).toThrow(/perm \[0, 0\].*2 axes of data \[2, 3\]/);
    expect(() => runOp('Transpose', [data], { perm: [1, 0, 2] })).toThrow(/perm \[1, 0, 2\]/);
    expect(() => runOp('Transpose', [data], { perm: [-1, 0] })).toThrow(/not a permutation/);
  });
});
