import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import type { DType } from '../../../src/runtime/dtype.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectOpError, onnxRuntimeResult } from '../../helpers/elementwise-suite.js';
import { mulberry32, randomTensor } from '../../helpers/seeded-random.js';
import { expectIdentical } from '../../helpers/expect-close.js';

function randomCondition(shape: readonly number[], seed: number): Tensor {
  const next = mulberry32(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return Tensor.fromNumbers(Array.from({ length: size }, () => (next() < 0.5 ? 1 : 0)), shape, 'bool');
}

const SHAPES: readonly (readonly [readonly number[], readonly number[], readonly number[]])[] = [
  [[3, 4], [3, 4], [3, 4]],
  [[2, 1, 4], [3, 1], [4]],
  [[4], [2, 3, 1], []],
  [[], [2, 2], [2, 1]],
  [[0, 3], [3], [1]],
];

describe('Where', () => {
  // Selection copies stored elements: results must be bit-identical (exact).
  it.each(SHAPES)('matches ONNX Runtime bit for bit on float32 with condition %j, X %j, Y %j', async (sc, sx, sy) => {
    const inputs = [randomCondition(sc, 1), randomTensor(sx, 'float32', 2), randomTensor(sy, 'float32', 3)];
    expectIdentical(runOp('Where', inputs)[0], await onnxRuntimeResult('Where', inputs, {}, { outputDType: 'float32' }));
  });

  // ONNX Runtime's Where covers these dtypes (not bool, int8 or int16).
  it.each<DType>(['float16', 'float64', 'int32', 'int64', 'uint8'])('matches ONNX Runtime bit for bit on %s with broadcasting', async (dtype) => {
    const inputs = [randomCondition([2, 1, 4], 4), randomTensor([3, 1], dtype, 5, { low: -50, high: 50 }), randomTensor([4], dtype, 6, { low: -50, high: 50 })];
    expectIdentical(runOp('Where', inputs)[0], await onnxRuntimeResult('Where', inputs, {}, { outputDType: dtype }));
  });

  it('copies every dtype exactly: NaN payloads, -0, int64 beyond 2^53, bool, bfloat16', () => {
    const big = new Tensor(new BigInt64Array([2n ** 62n + 1n, -(2n ** 60n) - 3n]), 'int64', [2]);
    const [y] = runOp('Where', [tensor([1, 0], [2], 'bool'), big, new Tensor(new BigInt64Array([7n, -(2n ** 60n) - 3n]), 'int64', [2])]);
    expect(Array.from(y.storage as BigInt64Array)).toEqual([2n ** 62n + 1n, -(2n ** 60n) - 3n]);
    const payload = new Tensor(new Uint16Array([0x7e01, 0x8000]), 'float16', [2]);
    expect(Array.from(runOp('Where', [tensor([1], [1], 'bool'), payload, tensor([1, 1], [2], 'float16')])[0].storage as Uint16Array)).toEqual([0x7e01, 0x8000]);
    const b = runOp('Where', [tensor([1, 0, 1], [3], 'bool'), tensor([1, 1, 0], [3], 'bool'), tensor([0, 0, 1], [3], 'bool')])[0];
    expect(b.toArray()).toEqual([true, false, false]);
    expect(runOp('Where', [tensor([0, 1], [2], 'bool'), tensor([1.5, 2.5], [2], 'bfloat16'), tensor([-1], [1], 'bfloat16')])[0].toFlatArray()).toEqual([-1, 2.5]);
  });

  it('reads strided views', () => {
    const x = randomTensor([4, 3], 'float32', 8).transpose();
    const c = randomCondition([3, 4], 9);
    expect(runOp('Where', [c, x, tensor([0], [])])[0].toFlatArray()).toEqual(runOp('Where', [c, x.contiguous(), tensor([0], [])])[0].toFlatArray());
  });

  it('rejects a non-bool condition, mixed X/Y dtypes, missing inputs and shapes that do not broadcast', () => {
    expectOpError('Where', () => runOp('Where', [tensor([1], [1], 'uint8'), tensor([1], [1]), tensor([2], [1])]), /'condition' must be bool, got uint8/);
    expectOpError('Where', () => runOp('Where', [tensor([1], [1], 'bool'), tensor([1], [1]), tensor([2], [1], 'float64')]), /same dtype/);
    expectOpError('Where', () => runOp('Where', [tensor([1], [1], 'bool'), undefined, tensor([2], [1])]), /'X'\) is required/);
    expectOpError('Where', () => runOp('Where', [tensor([1], [1], 'bool'), tensor([1], [1])], { x: 1 }), /expects 3 inputs/);
    expect(() => runOp('Where', [tensor([1, 0, 1], [3], 'bool'), tensor([1, 2], [2]), tensor([1], [1])])).toThrow(/\[3\] and \[2\] and \[1\]/);
  });
});
