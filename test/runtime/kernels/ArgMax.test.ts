import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { int64 } from '../../helpers/exact-tensors.js';
import { itMatchesOrtArg } from '../../helpers/extreme-cases.js';

// ArgMax returns int64 indices: every comparison is exact.
describe('ArgMax', () => {
  itMatchesOrtArg('ArgMax', ['float32', 'float16', 'float64', 'int64', 'int32', 'int8', 'uint8']);

  it('follows ONNX Runtime on NaN: first NaN wins, unless select_last_index', () => {
    const data = tensor([1, NaN, 2, NaN]);
    expect(runOp('ArgMax', [data], { keepdims: 0 })[0].toFlatArray()).toEqual([1]);
    // select_last_index runs `>=` from element 0, which a NaN never satisfies.
    expect(runOp('ArgMax', [data], { keepdims: 0, select_last_index: 1 })[0].toFlatArray()).toEqual([2]);
  });

  it('compares int64 beyond 2^53 exactly and bfloat16 by value', () => {
    expect(runOp('ArgMax', [int64([2n ** 60n, 2n ** 60n + 1n, 2n ** 60n])])[0].toFlatArray()).toEqual([1]);
    expect(runOp('ArgMax', [tensor([1, 3, 3, -2], [4], 'bfloat16')], { select_last_index: 1 })[0].toFlatArray()).toEqual([2]);
  });

  it('names the axis and the shape when the axis is empty or out of range', () => {
    expect(() => runOp('ArgMax', [tensor([], [2, 0])], { axis: 1 })).toThrow(/axis 1 of data \[2, 0\] is empty, so there is no max to index/);
    expect(() => runOp('ArgMax', [tensor([1, 2])], { axis: 1 })).toThrow(/axis 1 is out of range for data of shape \[2\]/);
    expect(() => runOp('ArgMax', [tensor([1, 0], [2], 'bool')])).toThrow(/dtype bool; supported/);
  });
});
