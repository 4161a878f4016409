import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';

// Tile moves stored elements only: every comparison is bit-for-bit. ONNX Runtime's float16 Tile
// quiets signalling NaNs, so float16 parity inputs hold quiet NaNs only (randomStored's `nans`).
const OPSET = { opset: 13 };

describe('Tile', () => {
  const cases: [number[], number[]][] = [
    [[2, 3], [2, 3]],
    [[2, 3], [1, 1]],
    [[3, 1], [0, 2]],
    [[2, 3, 4], [3, 1, 2]],
    [[5], [4]],
    [[0, 2], [3, 2]],
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, [shape, repeats]] of cases.entries()) {
      await expectOrtParity('Tile', [randomStored(shape, dtype, 90 + i, { nans: 'quiet' }), int64(repeats)], {}, OPSET, `${dtype} ${JSON.stringify(shape)} x ${repeats}`);
    }
  });

  it('tiles long rows and strided views exactly', async () => {
    await expectOrtParity('Tile', [randomStored([3, 200], 'float16', 96, { nans: 'quiet' }), int64([2, 3])], {}, OPSET);
    await expectOrtParity('Tile', [randomStored([4, 3], 'int64', 97).transpose(), int64([2, 2])], {}, OPSET);
  });

  it('keeps bfloat16 bits', () => {
    const half = randomStored([2, 3], 'float16', 98);
    const [h] = runOp('Tile', [half, int64([2, 2])]);
    const [b] = runOp('Tile', [reinterpret16(half, 'bfloat16'), int64([2, 2])]);
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('needs one non-negative repeat per axis', () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('Tile', [data, int64([2])])).toThrow(/repeats \[2\] needs one entry per axis of input \[2, 3\] \(2\)/);
    expect(() => runOp('Tile', [data, int64([2, -1])])).toThrow(/dimension -1 at position 1/);
  });
});
