import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import type { DType } from '../../../src/runtime/dtype.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { EDGE_VALUES, expectOpError, onnxRuntimeResult, unaryOracleSuite } from '../../helpers/elementwise-suite.js';
import { randomTensor } from '../../helpers/seeded-random.js';

const scalar = (v: number, dtype: DType = 'float32'): Tensor => tensor([v], [], dtype);

describe('Clip', () => {
  describe('without bounds (the dtype\'s finite range)', () => {
    unaryOracleSuite({
      op: 'Clip',
      range: [-10, 10],
      tolerances: {
        float32: { ulps: 0, why: 'selection only' },
        float16: { ulps: 0, why: 'selection only' },
        float64: { ulps: 0, why: 'selection only' },
      },
      integerDTypes: ['int8', 'int32', 'int64', 'uint8'],
      rejectedDType: 'bool',
    });
  });

  it.each<[DType, number, number]>([
    ['float32', -0.5, 0.25],
    ['float16', -0.5, 0.25],
    ['float64', -0.5, 0.25],
    ['int8', -20, 40],
    ['uint8', 5, 200],
    ['int32', -20, 40],
    ['int64', -20, 40],
  ])('matches ONNX Runtime exactly on %s with bounds [%d, %d]', async (dtype, lo, hi) => {
    const x = dtype === 'uint8' ? randomTensor([64], dtype, 3, { low: 0, high: 255 }) : randomTensor([64], dtype, 3, { low: -100, high: 100 });
    for (const bounds of [[scalar(lo, dtype), scalar(hi, dtype)], [scalar(lo, dtype)], [undefined, scalar(hi, dtype)]]) {
      const inputs = [x, ...bounds];
      expect(runOp('Clip', inputs)[0].toFlatArray()).toEqual((await onnxRuntimeResult('Clip', inputs)).toFlatArray());
    }
  });

  it('keeps NaN inputs, ignores NaN bounds and sets every element to max when min > max, like ONNX Runtime', async () => {
    const x = Tensor.fromNumbers(EDGE_VALUES.float32, [EDGE_VALUES.float32.length], 'float32');
    for (const [lo, hi] of [
      [-1, 1],
      [NaN, 1],
      [-1, NaN],
      [2, 1],
      [-0, 0],
    ]) {
      const inputs = [x, scalar(lo), scalar(hi)];
      const [y] = runOp('Clip', inputs);
      const expected = await onnxRuntimeResult('Clip', inputs);
      expect(y.toFlatArray(), `bounds [${lo}, ${hi}]`).toEqual(expected.toFlatArray());
    }
    expect(runOp('Clip', [tensor([NaN, 5, -5], [3]), scalar(2), scalar(1)])[0].toFlatArray()).toEqual([NaN, 1, 1]);
  });

  it("clips ±Inf to the dtype's finite extremes when a bound is absent (numeric_limits::lowest / max)", () => {
    expect(runOp('Clip', [tensor([Infinity, -Infinity], [2], 'float16')])[0].toFlatArray()).toEqual([65504, -65504]);
    expect(runOp('Clip', [tensor([Infinity, -Infinity], [2], 'float64'), tensor([0], [], 'float64')])[0].toFlatArray()).toEqual([Number.MAX_VALUE, 0]);
    expect(runOp('Clip', [tensor([Infinity], [1], 'bfloat16')])[0].toFlatArray()).toEqual([3.3895313892515355e38]);
  });

  it('accepts bounds of shape [1] as ONNX Runtime does, and rejects other shapes', () => {
    expect(runOp('Clip', [tensor([-3, 3], [2]), tensor([-1], [1]), tensor([1], [1])])[0].toFlatArray()).toEqual([-1, 1]);
    expectOpError('Clip', () => runOp('Clip', [tensor([1, 2], [2]), tensor([0, 1], [2])]), /'min' must be a scalar \(shape \[\] or \[1\]\), got shape \[2\]/);
  });

  it('rejects bounds of another dtype, a missing input and unknown attributes', () => {
    expectOpError('Clip', () => runOp('Clip', [tensor([1], [1]), scalar(0, 'float64')]), /'input' \(float32\) and 'min' \(float64\)/);
    expectOpError('Clip', () => runOp('Clip', [undefined, scalar(0)]), /input 0 \('input'\) is required/);
    expectOpError('Clip', () => runOp('Clip', [tensor([1], [1])], { min: 0 }), /unknown attribute 'min'/);
  });
});
