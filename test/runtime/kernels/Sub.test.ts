import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { exactArithmeticSuite, onnxRuntimeResult } from '../../helpers/elementwise-suite.js';

describe('Sub', () => {
  // One IEEE subtraction: the float64 difference rounded once is the correctly rounded
  // float32 / float16 difference (53 >= 2·24 + 2 makes the double rounding innocuous).
  exactArithmeticSuite('Sub');

  it('wraps integer underflow as two\'s complement, like ONNX Runtime', async () => {
    const a = tensor([-2147483648, 0, 5], [3], 'int32');
    const b = tensor([1, -2147483648, 7], [3], 'int32');
    expect(runOp('Sub', [a, b])[0].toFlatArray()).toEqual((await onnxRuntimeResult('Sub', [a, b])).toFlatArray());
    expect(runOp('Sub', [tensor([0, 3], [2], 'uint8'), tensor([1, 5], [2], 'uint8')])[0].toFlatArray()).toEqual([255, 254]);
  });

  it('gives Inf - Inf = NaN and keeps the sign rules of zero', () => {
    const [y] = runOp('Sub', [tensor([Infinity, -0, 0], [3]), tensor([Infinity, 0, 0], [3])]);
    expect(y.toFlatArray()).toEqual([NaN, -0, 0]);
    expect(Object.is(y.toFlatArray()[1], -0) && Object.is(y.toFlatArray()[2], 0)).toBe(true);
  });
});
