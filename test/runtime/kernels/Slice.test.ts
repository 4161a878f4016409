import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, int32, int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity, expectOrtRejects } from '../../helpers/ort-parity.js';
import { mulberry32 } from '../../helpers/seeded-random.js';

// Slice moves stored elements only: every comparison is bit-for-bit.
const OPSET = { opset: 13 };
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

type SliceCase = { starts: (number | bigint)[]; ends: (number | bigint)[]; axes?: number[]; steps?: number[] };

function sliceInputs(data: ReturnType<typeof randomStored>, c: SliceCase) {
  return [data, int64(c.starts), int64(c.ends), c.axes ? int64(c.axes) : undefined, c.steps ? int64(c.steps) : undefined];
}

describe('Slice', () => {
  const shape = [5, 6, 7];
  const cases: SliceCase[] = [
    { starts: [1, 0, 2], ends: [4, 6, 5] },
    { starts: [-1], ends: [INT64_MIN], axes: [2], steps: [-1] },
    { starts: [4, 5], ends: [-100, 0], axes: [0, -2], steps: [-2, -3] },
    { starts: [0], ends: [INT64_MAX], axes: [1], steps: [2] },
    { starts: [-3], ends: [-1], axes: [-1] },
    { starts: [10], ends: [20], axes: [0] },
    { starts: [3], ends: [3], axes: [1] },
    { starts: [2, INT64_MIN], ends: [INT64_MAX, INT64_MAX], axes: [2, 0], steps: [3, 4] },
    { starts: [6], ends: [-8], axes: [1], steps: [-1] },
    { starts: [INT64_MAX], ends: [0], axes: [2], steps: [-7] },
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    const data = randomStored(shape, dtype, 40);
    for (const c of cases) await expectOrtParity('Slice', sliceInputs(data, c), {}, OPSET, `${dtype} ${JSON.stringify(c, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
  });

  it('matches ONNX Runtime on 60 seeded random slices, including negative steps and out-of-range bounds', async () => {
    const next = mulberry32(41);
    const int = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
    const data = randomStored(shape, 'float16', 42);
    for (let n = 0; n < 60; n++) {
      const axes = [0, 1, 2].filter(() => next() < 0.7);
      if (axes.length === 0) axes.push(int(0, 2));
      const c: SliceCase = {
        starts: axes.map((a) => int(-shape[a] - 2, shape[a] + 2)),
        ends: axes.map((a) => int(-shape[a] - 2, shape[a] + 2)),
        axes: axes.map((a) => (next() < 0.5 ? a - 3 : a)),
        steps: axes.map(() => (next() < 0.5 ? -1 : 1) * int(1, 3)),
      };
      await expectOrtParity('Slice', sliceInputs(data, c), {}, OPSET, `random slice ${JSON.stringify(c)}`);
    }
  });

  it('accepts int32 index inputs and steps without axes', async () => {
    const data = randomStored([4, 5], 'int64', 43);
    await expectOrtParity('Slice', [data, int32([3, 4]), int32([0, 1]), undefined, int32([-1, -2])], {}, OPSET);
  });

  it('slices a strided view and an empty tensor', async () => {
    await expectOrtParity('Slice', [randomStored([6, 4], 'int32', 44).transpose(), int64([1]), int64([5]), int64([1]), int64([2])], {}, OPSET);
    await expectOrtParity('Slice', [randomStored([0, 3], 'float32', 45), int64([-1]), int64([INT64_MIN]), int64([0]), int64([-1])], {}, OPSET);
  });

  it('keeps bfloat16 bits under a negative step', () => {
    const half = randomStored([9], 'float16', 46);
    const args = [int64([7]), int64([0]), int64([0]), int64([-2])];
    const [h] = runOp('Slice', [half, ...args]);
    const [b] = runOp('Slice', [reinterpret16(half, 'bfloat16'), ...args]);
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
    expect(h.shape).toEqual([4]);
  });

  it('rejects a zero step, repeated axes and mismatched lengths, as ONNX Runtime does', async () => {
    const data = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const zeroStep = [data, int64([0]), int64([2]), int64([1]), int64([0])];
    expect(() => runOp('Slice', zeroStep)).toThrow(/steps\[0\] is 0 for axis 1 of data \[2, 3\]/);
    await expectOrtRejects('Slice', zeroStep, {}, OPSET);
    const repeated = [data, int64([0, 1]), int64([1, 2]), int64([1, -1])];
    expect(() => runOp('Slice', repeated)).toThrow(/axes \[1, -1\] name axis 1 more than once \(data shape \[2, 3\]\)/);
    await expectOrtRejects('Slice', repeated, {}, OPSET);
    expect(() => runOp('Slice', [data, int64([0, 1]), int64([1])])).toThrow(/starts \(2\), ends \(1\)/);
    expect(() => runOp('Slice', [data, int64([0]), int64([1]), int64([2])])).toThrow(/axes entry 2 is out of range for data of shape \[2, 3\]/);
  });
});
