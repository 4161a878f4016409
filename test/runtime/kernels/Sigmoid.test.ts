import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { unaryOracleSuite } from '../../helpers/elementwise-suite.js';

// ONNX Runtime's float32 logistic is accurate in absolute terms only (measured ≤ 2^-23 =
// 1.2e-7): its left tail below x ≈ -16, where the true value is ~1e-7, is 0 or noise.
const ABSOLUTE = { ulps: 2, atol: 2 ** -23, why: "ONNX Runtime's float32 logistic has ≤ 2^-23 absolute error and flushes its left tail" };
const F64 = { ulps: 2, atol: 2.5e-16, why: "ONNX Runtime's float64 logistic is off by up to 1.6e-16 absolute (measured)" };

describe('Sigmoid', () => {
  unaryOracleSuite({
    op: 'Sigmoid',
    range: [-20, 20],
    tolerances: { float32: ABSOLUTE, float16: { ...ABSOLUTE, ulps: 1 }, bfloat16: { ...ABSOLUTE, ulps: 1 }, float64: F64 },
    rejectedDType: 'int32',
  });

  it('keeps the relative precision of its tails and never overflows', () => {
    const x = tensor([-100, -745, 40, 710, -Infinity, Infinity], [6], 'float64');
    const [y] = runOp('Sigmoid', [x]);
    // sigmoid(-100) = 3.7200759760208359629596e-44 (mpmath, 40 digits)
    expect(y.toFlatArray()[0] / 3.7200759760208359629596e-44).toBeCloseTo(1, 14);
    expect(y.toFlatArray().slice(1)).toEqual([Math.exp(-745), 1, 1, 0, 1]);
  });
});
