import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { ORT_MOVE_DTYPES, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';

// Concat moves stored elements only: every comparison is bit-for-bit.
const OPSET = { opset: 13 };

describe('Concat', () => {
  const cases: [number[][], number][] = [
    [[[2, 3], [4, 3]], 0],
    [[[2, 3], [2, 1], [2, 5]], 1],
    [[[2, 3, 4], [2, 2, 4], [2, 0, 4]], -2],
    [[[2, 3, 4], [2, 3, 1]], -1],
    [[[0, 3], [2, 3]], 0],
    [[[5]], 0],
  ];

  it.each(ORT_MOVE_DTYPES)('matches ONNX Runtime bit for bit for %s', async (dtype) => {
    for (const [i, [shapes, axis]] of cases.entries()) {
      const inputs = shapes.map((s, j) => randomStored(s, dtype, 100 * i + j));
      await expectOrtParity('Concat', inputs, { axis }, OPSET, `${dtype} ${JSON.stringify(shapes)} axis ${axis}`);
    }
  });

  it('copies long blocks and strided inputs exactly', async () => {
    const a = randomStored([3, 700], 'float16', 1);
    const b = randomStored([300, 3], 'float16', 2).transpose();
    await expectOrtParity('Concat', [a, b, a], { axis: 1 }, OPSET);
  });

  it('keeps bfloat16 bits', () => {
    const a = randomStored([2, 3], 'float16', 3);
    const b = randomStored([2, 4], 'float16', 4);
    const [h] = runOp('Concat', [a, b], { axis: 1 });
    const [bf] = runOp('Concat', [reinterpret16(a, 'bfloat16'), reinterpret16(b, 'bfloat16')], { axis: 1 });
    expectIdentical(bf, reinterpret16(h, 'bfloat16'));
  });

  it('names both shapes when dimensions other than axis differ', () => {
    expect(() => runOp('Concat', [tensor([1, 2, 3, 4, 5, 6], [2, 3]), tensor([1, 2, 3, 4], [2, 2])], { axis: 0 })).toThrow(
      /inputs\[0\] \[2, 3\] and inputs\[1\] \[2, 2\] must match in every dimension except axis 0/,
    );
    expect(() => runOp('Concat', [tensor([1, 2], [2]), tensor([1, 2], [1, 2])], { axis: 0 })).toThrow(/\[2\] and inputs\[1\] \[1, 2\]/);
  });

  it('rejects mixed dtypes, a missing axis, an axis out of range and scalars', () => {
    const f = tensor([1, 2], [2]);
    expect(() => runOp('Concat', [f, tensor([1], [1], 'int32')], { axis: 0 })).toThrow(/same dtype/);
    expect(() => runOp('Concat', [f, f])).toThrow(/attribute 'axis' is required/);
    expect(() => runOp('Concat', [f, f], { axis: 1 })).toThrow(/axis 1 is out of range for data of shape \[2\]/);
    expect(() => runOp('Concat', [tensor(1), tensor(2)], { axis: 0 })).toThrow(/data is a scalar/);
  });
});
