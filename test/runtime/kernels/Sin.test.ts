import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { unaryOracleSuite } from '../../helpers/elementwise-suite.js';

const ONE_ULP = { ulps: 1, why: 'ONNX Runtime and float64 Math.sin are both faithful (< 1 ulp)' };
// Measured: ONNX Runtime's float64 sin is off by up to 4.4e-16 absolute near the zeros of sin.
const F64 = { ulps: 1, atol: 5e-16, why: "ONNX Runtime's float64 sin has ~4.4e-16 absolute error near sin's zeros" };

describe('Sin', () => {
  unaryOracleSuite({
    op: 'Sin',
    range: [-10, 10],
    tolerances: { float32: ONE_ULP, float16: ONE_ULP, bfloat16: ONE_ULP, float64: F64 },
    rejectedDType: 'int32',
  });

  describe('large arguments', () => {
    unaryOracleSuite({
      op: 'Sin',
      range: [-1e4, 1e4],
      tolerances: { float32: { ulps: 2, why: 'argument reduction of |x| <= 1e4 costs ONNX Runtime up to 1 more ulp (measured)' } },
      rejectedDType: 'bool',
    });
  });

  it('reduces huge arguments exactly (sin(2^100) from the exact float64 value)', () => {
    // 2^100 mod 2π is only right with exact argument reduction.
    // sin(2^100) = -0.87218360541826730978071977821 (mpmath, 40 digits)
    expect(runOp('Sin', [tensor([2 ** 100], [1], 'float64')])[0].toFlatArray()[0]).toBeCloseTo(-0.8721836054182673, 15);
  });
});
