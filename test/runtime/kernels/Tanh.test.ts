import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { unaryOracleSuite } from '../../helpers/elementwise-suite.js';

// ONNX Runtime's float32 tanh is measured up to 4 ulp from the correctly rounded value, which
// float64 Math.tanh rounded to float32 nearly always is.
const F32 = { ulps: 4, why: "ONNX Runtime's float32 tanh (measured ≤ 4 ulp)" };
const HALF = { ulps: 1, why: 'a ≤ 4 ulp float32 error can move a half-precision rounding by one step' };
const F64 = { ulps: 2, atol: 1e-15, why: "ONNX Runtime's float64 tanh is off by up to 5.6e-16 absolute (measured)" };

describe('Tanh', () => {
  unaryOracleSuite({
    op: 'Tanh',
    range: [-10, 10],
    tolerances: { float32: F32, float16: HALF, bfloat16: HALF, float64: F64 },
    edgeTolerances: {
      float32: { ...F32, atol: 1e-42, why: "ONNX Runtime's float32 tanh loses relative precision on subnormals (6e-44 absolute at 1e-40)" },
    },
    rejectedDType: 'int32',
  });

  it('saturates to ±1 and keeps tiny arguments (tanh(x) = x below 2^-12 in float32)', () => {
    expect(runOp('Tanh', [tensor([20, -20, 1e-20, -1e-40], [4])])[0].toFlatArray()).toEqual([1, -1, Math.fround(1e-20), Math.fround(-1e-40)]);
  });
});
