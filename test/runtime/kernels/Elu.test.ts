import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { asFloat } from '../../helpers/onnx-oracle.js';
import { expectOpError, unaryOracleSuite } from '../../helpers/elementwise-suite.js';

// ONNX Runtime's float32 Elu has an absolute error up to alpha·2^-24 near 0 (measured 5.8e-8
// for alpha = 1), as rounding exp(x) to float32 before subtracting 1 gives; expm1 avoids it.
const EXPM1 = { ulps: 1, atol: 6e-8, why: "ONNX Runtime's float32 Elu cancels in exp(x) - 1 (≤ alpha·2^-24 absolute)" };

describe('Elu', () => {
  describe('default alpha (1)', () => {
    unaryOracleSuite({
      op: 'Elu',
      range: [-10, 10],
      tolerances: { float32: EXPM1, float16: { ...EXPM1, ulps: 1 }, bfloat16: EXPM1 },
      rejectedDType: 'int32',
    });
  });

  describe('alpha = 2', () => {
    unaryOracleSuite({
      op: 'Elu',
      attributes: { alpha: asFloat(2) },
      range: [-1, 1],
      tolerances: { float32: { ...EXPM1, atol: 1.2e-7 } },
      rejectedDType: 'int64',
    });
  });

  it('keeps tiny negative inputs (expm1) and saturates at -alpha', () => {
    const [y] = runOp('Elu', [tensor([-1e-30, -Infinity, -0, 3], [4], 'float64')], { alpha: 0.5 });
    expect(y.toFlatArray()).toEqual([-0.5e-30, -0.5, -0, 3]);
    expect(Object.is(y.toFlatArray()[2], -0)).toBe(true);
  });

  it('is the identity for x >= 0', () => {
    const x = tensor([0, 1, 2.5, 1e30, Infinity], [5]);
    expect(runOp('Elu', [x], { alpha: 3 })[0].toFlatArray()).toEqual(x.toFlatArray());
  });

  it('rejects a non-numeric alpha', () => {
    expectOpError('Elu', () => runOp('Elu', [tensor([1], [1])], { alpha: [1, 2] }), /'alpha' must be a number/);
  });
});
