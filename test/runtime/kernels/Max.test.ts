import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { EXACT, binaryOracleSuite, expectOpError, onnxRuntimeResult } from '../../helpers/elementwise-suite.js';
import { randomTensor } from '../../helpers/seeded-random.js';

describe('Max', () => {
  // Selection, no rounding: exact. NaN propagates (ONNX Runtime does so too; the sign of a
  // zero chosen from ±0 is not compared, ONNX Runtime's float32 and float16 kernels differ).
  binaryOracleSuite({
    op: 'Max',
    ranges: [
      [-10, 10],
      [-10, 10],
    ],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    integerDTypes: ['int8', 'int32', 'int64', 'uint8'],
    rejectedDType: 'bool',
  });

  it('takes one to many inputs, broadcast together, like ONNX Runtime', async () => {
    const a = randomTensor([2, 1, 4], 'float32', 1);
    const b = randomTensor([3, 1], 'float32', 2);
    const c = randomTensor([4], 'float32', 3);
    const d = randomTensor([2, 3, 4], 'float32', 4);
    for (const inputs of [[a], [a, b, c], [a, b, c, d]]) {
      expect(runOp('Max', inputs)[0].toArray()).toEqual((await onnxRuntimeResult('Max', inputs)).toArray());
    }
  });

  it('propagates a NaN from any input position', async () => {
    const a = tensor([NaN, 1, 1, -Infinity], [4]);
    const b = tensor([1, NaN, 2, -Infinity], [4]);
    const c = tensor([0, 0, NaN, -Infinity], [4]);
    const [y] = runOp('Max', [a, b, c]);
    expect(y.toFlatArray()).toEqual([NaN, NaN, NaN, -Infinity]);
    expect(y.toFlatArray()).toEqual((await onnxRuntimeResult('Max', [a, b, c])).toFlatArray());
  });

  it('rejects no inputs, a missing or mixed-dtype input', () => {
    expectOpError('Max', () => runOp('Max', [], {}, {}), /expects 1 to 2147483647 inputs/);
    expectOpError('Max', () => runOp('Max', [tensor([1], [1]), undefined]), /input 1 \('data_0\[1\]'\) is required/);
    expectOpError('Max', () => runOp('Max', [tensor([1], [1]), tensor([1], [1], 'float16')]), /same dtype/);
  });
});
