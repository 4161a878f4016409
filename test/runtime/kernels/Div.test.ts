import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { EXACT, binaryOracleSuite, onnxRuntimeResult } from '../../helpers/elementwise-suite.js';

describe('Div', () => {
  // One IEEE division, correctly rounded on both sides (53 >= 2·24 + 2).
  binaryOracleSuite({
    op: 'Div',
    ranges: [
      [-100, 100],
      [-100, 100],
    ],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    // Divisors stay non-zero: integer division by zero crashes ONNX Runtime (SIGFPE).
    integerDTypes: ['int8', 'int16', 'int32', 'int64', 'uint8'],
    integerRanges: [
      [-100, 100],
      [1, 30],
    ],
    rejectedDType: 'bool',
  });

  it('truncates integer quotients toward zero for every sign combination, like ONNX Runtime', async () => {
    const a = tensor([7, -7, 7, -7, 1, -1, 2147483647, -2147483648], [8], 'int32');
    const b = tensor([2, 2, -2, -2, 3, 3, -2, 7], [8], 'int32');
    const expected = await onnxRuntimeResult('Div', [a, b]);
    expect(expected.toFlatArray().slice(0, 4)).toEqual([3, -3, -3, 3]);
    expect(runOp('Div', [a, b])[0].toFlatArray()).toEqual(expected.toFlatArray());
  });

  it('divides int64 exactly beyond 2^52, where a float quotient could round across an integer', () => {
    const a = tensor([2 ** 53 - 1, -(2 ** 53 - 1)], [2], 'int64');
    const b = tensor([2 ** 53 - 2, 3], [2], 'int64');
    expect(runOp('Div', [a, b])[0].toFlatArray()).toEqual([1, -3002399751580330]);
  });

  it('gives 0 for integer division by zero (undefined in C; NumPy also gives 0) and wraps INT_MIN / -1', () => {
    expect(runOp('Div', [tensor([5, -5, 0], [3], 'int32'), tensor([0, 0, 0], [3], 'int32')])[0].toFlatArray()).toEqual([0, 0, 0]);
    expect(runOp('Div', [tensor([-128], [1], 'int8'), tensor([-1], [1], 'int8')])[0].toFlatArray()).toEqual([-128]);
  });

  it('follows IEEE for float division by zero', () => {
    const [y] = runOp('Div', [tensor([1, -1, 0, 1], [4]), tensor([0, 0, 0, -0], [4])]);
    expect(y.toFlatArray()).toEqual([Infinity, -Infinity, NaN, -Infinity]);
  });
});
