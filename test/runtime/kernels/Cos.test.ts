import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { unaryOracleSuite } from '../../helpers/elementwise-suite.js';

const ONE_ULP = { ulps: 1, why: 'ONNX Runtime and float64 Math.cos are both faithful (< 1 ulp)' };
// Measured: ONNX Runtime's float64 cos is off by up to 4.4e-16 absolute near the zeros of cos.
const F64 = { ulps: 1, atol: 5e-16, why: "ONNX Runtime's float64 cos has ~4.4e-16 absolute error near cos's zeros" };

describe('Cos', () => {
  unaryOracleSuite({
    op: 'Cos',
    range: [-10, 10],
    tolerances: { float32: ONE_ULP, float16: ONE_ULP, bfloat16: ONE_ULP, float64: F64 },
    rejectedDType: 'int32',
  });

  it('is 1 at ±0 and NaN at ±Inf', () => {
    expect(runOp('Cos', [tensor([0, -0, Infinity, -Infinity], [4])])[0].toFlatArray()).toEqual([1, 1, NaN, NaN]);
  });
});
