import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int32, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity, expectOrtRejects } from '../../helpers/ort-parity.js';

// Pad moves stored elements only: every comparison is bit-for-bit. ONNX Runtime's float16 Pad
// quiets signalling NaNs and sometimes drops NaN payloads, so float16 parity inputs hold no
// NaNs (randomStored's `nans: 'none'`); that opbridge keeps every NaN pattern is checked separately.
const OPSET = { opset: 25 };
const MODES = ['constant', 'reflect', 'edge', 'wrap'] as const;

describe('Pad', () => {
  // Pads within the limits every mode shares with ONNX Runtime (reflect: at most dim-1 per side;
  // wrap: at most dim, beyond which ONNX Runtime reads zeros), including crops.
  const cases: { shape: number[]; pads: number[]; axes?: number[] }[] = [
    { shape: [3, 4], pads: [1, 2, 2, 3] },
    { shape: [3, 4], pads: [0, -1, 2, 1] },
    { shape: [3, 3, 5], pads: [1, 4, -1, 2], axes: [0, -1] },
    { shape: [4, 5], pads: [-1, 2], axes: [1] },
    { shape: [6], pads: [3, -2] },
    { shape: [2, 3], pads: [0, 0, 0, 0] },
  ];

  for (const mode of MODES) {
    it.each(ORT_MOVE_DTYPES)(`matches ONNX Runtime bit for bit in ${mode} mode for %s`, async (dtype) => {
      for (const [i, { shape, pads, axes }] of cases.entries()) {
        const data = randomStored(shape, dtype, 70 + i, { nans: 'none' });
        await expectOrtParity('Pad', [data, int64(pads), undefined, axes ? int64(axes) : undefined], { mode }, OPSET, `${dtype} ${mode} ${JSON.stringify(shape)} pads ${pads}`);
      }
    });
  }

  it('fills with the stored constant_value exactly (float16 NaN payload, huge int64)', async () => {
    const half = randomStored([3, 3], 'float16', 77, { nans: 'none' });
    const nanPayload = new Tensor(Uint16Array.of(0x7e5a), 'float16', []);
    await expectOrtParity('Pad', [half, int64([1, 0, 2, 1]), nanPayload], {}, OPSET);
    const big = randomStored([2, 2], 'int64', 78);
    await expectOrtParity('Pad', [big, int64([1, 1, 1, 1]), int64([2n ** 62n + 7n], [1])], {}, OPSET);
  });

  it('takes int32 axes and pads a strided view', async () => {
    const data = randomStored([5, 4], 'int32', 79).transpose();
    await expectOrtParity('Pad', [data, int64([2, 1]), undefined, int32([-1])], { mode: 'reflect' }, OPSET);
    await expectOrtParity('Pad', [tensor([], [0, 2]), int64([1, 0, 2, 0])], {}, OPSET);
  });

  it('wraps around the axis as a torus for pads longer than the axis (NumPy "wrap")', () => {
    // np.pad([1, 2, 3], (5, 4), mode='wrap') — ONNX Runtime 1.30 writes zeros here instead.
    const [out] = runOp('Pad', [tensor([1, 2, 3]), int64([5, 4])], { mode: 'wrap' });
    expect(out.toFlatArray()).toEqual([2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1]);
  });

  it('keeps signalling NaN bits that ONNX Runtime would quiet', () => {
    const data = new Tensor(Uint16Array.of(0x7c01, 0xfd78, 0x3c00), 'float16', [3]);
    const [out] = runOp('Pad', [data, int64([2, 2])], { mode: 'reflect' });
    expect(Array.from(out.storage as Uint16Array)).toEqual([0x3c00, 0xfd78, 0x7c01, 0xfd78, 0x3c00, 0xfd78, 0x7c01]);
  });

  it('keeps bfloat16 bits in every mode', () => {
    const half = randomStored([3, 4], 'float16', 80);
    for (const mode of MODES) {
      const [h] = runOp('Pad', [half, int64([1, 2, 2, 1])], { mode });
      const [b] = runOp('Pad', [reinterpret16(half, 'bfloat16'), int64([1, 2, 2, 1])], { mode });
      expectIdentical(b, reinterpret16(h, 'bfloat16'), mode);
    }
  });

  it('rejects reflect pads beyond dim-1 and edge padding of an empty axis, as ONNX Runtime does', async () => {
    const data = tensor([1, 2, 3]);
    expect(() => runOp('Pad', [data, int64([3, 1])], { mode: 'reflect' })).toThrow(/reflect pads \(3, 1\) exceed the maximum 2 per side for axis 0 of data \[3\]/);
    await expectOrtRejects('Pad', [data, int64([3, 1])], { mode: 'reflect' }, OPSET);
    expect(() => runOp('Pad', [data, int64([-2, 1])], { mode: 'reflect' })).toThrow(/needs at least 2 element\(s\) of axis 0 of data \[3\] after cropping, found 1/);
    await expectOrtRejects('Pad', [data, int64([-2, 1])], { mode: 'reflect' }, OPSET);
    const empty = tensor([], [0]);
    expect(() => runOp('Pad', [empty, int64([1, 1])], { mode: 'edge' })).toThrow(/edge padding needs at least 1 element/);
    await expectOrtRejects('Pad', [empty, int64([1, 1])], { mode: 'edge' }, OPSET);
  });

  it('names the data shape when pads do not fit', () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => runOp('Pad', [data, int64([1, 1])])).toThrow(/pads \[1, 1\] must hold 4 values .* data \[2, 3\]/);
    expect(() => runOp('Pad', [data, int64([0, -3, 0, -1])])).toThrow(/axis 1 of data \[2, 3\] a negative size -1/);
    expect(() => runOp('Pad', [data, int64([1, 1]), tensor([0], [], 'float64'), int64([0])])).toThrow(/'constant_value' must have the data's dtype float32, got float64/);
    expect(() => runOp('Pad', [data, int64([1, 1])], { mode: 'mirror' })).toThrow(/'mode' must be one of 'constant', 'reflect', 'edge', 'wrap'/);
  });
});
