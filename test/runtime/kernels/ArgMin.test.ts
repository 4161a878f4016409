import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { int64 } from '../../helpers/exact-tensors.js';
import { itMatchesOrtArg } from '../../helpers/extreme-cases.js';

// ArgMin returns int64 indices: every comparison is exact.
describe('ArgMin', () => {
  itMatchesOrtArg('ArgMin', ['float32', 'float16', 'float64', 'int64', 'int32', 'int8', 'uint8']);

  it('follows ONNX Runtime on NaN: first NaN wins, unless select_last_index', () => {
    const data = tensor([2, 1, NaN, 1]);
    expect(runOp('ArgMin', [data], { keepdims: 0 })[0].toFlatArray()).toEqual([2]);
    expect(runOp('ArgMin', [data], { keepdims: 0, select_last_index: 1 })[0].toFlatArray()).toEqual([3]);
  });

  it('compares int64 beyond 2^53 exactly', () => {
    expect(runOp('ArgMin', [int64([2n ** 60n + 1n, 2n ** 60n, 2n ** 60n + 1n])])[0].toFlatArray()).toEqual([1]);
  });

  it('names the axis and the shape when the axis is empty', () => {
    expect(() => runOp('ArgMin', [tensor([], [0, 3])], { axis: 0 })).toThrow(/axis 0 of data \[0, 3\] is empty, so there is no min to index/);
  });
});
