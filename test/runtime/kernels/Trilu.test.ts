import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';

// Trilu copies kept elements and writes zero bits elsewhere: every comparison is bit-for-bit.
// ONNX Runtime's float16 Trilu quiets signalling NaNs, so float16 parity inputs hold quiet NaNs
// only (randomStored's `nans`); it has no int8/uint8 Trilu, so those are checked against its int32 result.
const OPSET = { opset: 14 };

describe('Trilu', () => {
  const shapes = [[4, 5], [2, 3, 3], [5, 2], [1, 0, 3]];
  const ks = [undefined, -3, -1, 0, 1, 2, 6];

  it.each(ORT_MOVE_DTYPES.filter((d) => d !== 'int8' && d !== 'uint8'))('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, shape] of shapes.entries()) {
      const data = randomStored(shape, dtype, 110 + i, { nans: 'quiet' });
      for (const upper of [1, 0]) {
        for (const k of ks) {
          await expectOrtParity('Trilu', [data, k === undefined ? undefined : int64([k], [])], { upper }, OPSET, `${dtype} ${JSON.stringify(shape)} upper ${upper} k ${k}`);
        }
      }
    }
  });

  it.each(['int8', 'uint8'] as const)('gives for %s the values ONNX Runtime gives for int32', async (dtype) => {
    const data = randomStored([3, 4, 5], dtype, 121);
    const wide = tensor(data.toFlatArray(), data.shape, 'int32');
    for (const upper of [1, 0]) {
      for (const k of [-2, 0, 3]) {
        const [expected] = await runOnnxRuntime('Trilu', [wide, int64([k], [])], { upper }, OPSET);
        const [actual] = runOp('Trilu', [data, int64([k], [])], { upper });
        expect(actual.dtype).toBe(dtype);
        expect(actual.toFlatArray(), `upper ${upper} k ${k}`).toEqual(expected.toFlatArray());
      }
    }
  });

  it('keeps bfloat16 bits', () => {
    const half = randomStored([3, 4], 'float16', 120);
    const [h] = runOp('Trilu', [half, int64([1], [])], { upper: 0 });
    const [b] = runOp('Trilu', [reinterpret16(half, 'bfloat16'), int64([1], [])], { upper: 0 });
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('needs a batch of matrices and a single k', () => {
    expect(() => runOp('Trilu', [tensor([1, 2, 3])])).toThrow(/rank >= 2 .* got shape \[3\]/);
    expect(() => runOp('Trilu', [tensor([1, 2, 3, 4], [2, 2]), int64([1, 2])])).toThrow(/'k' must hold a single value/);
  });
});
