import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectClose } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

describe('Add', () => {
  it.each([
    [[3, 4], [3, 4]],
    [[2, 3, 4], [4]],
    [[2, 1, 4], [3, 1]],
    [[0, 4], [4]],
  ])('matches ONNX Runtime for float32 %j + %j', async (sa, sb) => {
    const a = randomTensor(sa, 'float32', 1);
    const b = randomTensor(sb, 'float32', 2);
    const [expected] = await runOnnxRuntime('Add', [a, b]);
    // Exact: one IEEE addition, rounded once.
    expectClose(runOp('Add', [a, b])[0], expected, { rtol: 0, atol: 0 });
  });

  it('matches ONNX Runtime on NaN, infinities and huge values', async () => {
    const a = tensor([NaN, Infinity, -Infinity, 3e38, 1e-45, -0], [6]);
    const b = tensor([1, -Infinity, -Infinity, 3e38, 1e-45, -0], [6]);
    const [expected] = await runOnnxRuntime('Add', [a, b]);
    expectClose(runOp('Add', [a, b])[0], expected, { rtol: 0, atol: 0 });
  });

  it('wraps int32 overflow as two\'s complement, like ONNX Runtime', async () => {
    const a = tensor([2147483647, -5], [2], 'int32');
    const b = tensor([1, 3], [2], 'int32');
    const [expected] = await runOnnxRuntime('Add', [a, b]);
    expect(runOp('Add', [a, b])[0].toFlatArray()).toEqual(expected.toFlatArray());
  });

  it('matches ONNX Runtime for float16 within one rounding', async () => {
    const a = randomTensor([5, 7], 'float16', 3, { low: -100, high: 100 });
    const b = randomTensor([7], 'float16', 4, { low: -100, high: 100 });
    const [expected] = await runOnnxRuntime('Add', [a, b]);
    expectClose(runOp('Add', [a, b])[0], expected, { rtol: 0, atol: 0 });
  });

  it('names both shapes when they cannot broadcast', () => {
    expect(() => runOp('Add', [tensor([1, 2, 3]), tensor([1, 2])])).toThrow(/\[3\] and \[2\]/);
  });

  it('rejects mixed dtypes before computing', () => {
    expect(() => runOp('Add', [tensor([1], [1], 'float32'), tensor([1], [1], 'int32')])).toThrow(/same dtype/);
  });
});
