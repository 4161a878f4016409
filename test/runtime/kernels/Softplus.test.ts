import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { unaryOracleSuite } from '../../helpers/elementwise-suite.js';

// ONNX Runtime's float32 Softplus is within 3 ulp of the float64 result rounded to float32
// (measured); half types absorb that in their own rounding but for one step.
const F32 = { ulps: 4, why: "ONNX Runtime's float32 Softplus (measured ≤ 3 ulp)" };
const HALF = { ulps: 1, why: 'a ≤ 3 ulp float32 error can move a half-precision rounding by one step' };

describe('Softplus', () => {
  unaryOracleSuite({
    op: 'Softplus',
    range: [-20, 20],
    tolerances: { float32: F32, float16: HALF, bfloat16: HALF },
    rejectedDType: 'int32',
  });

  it('neither overflows nor loses the left tail in float64 (ONNX Runtime has no float64 Softplus)', () => {
    const [y] = runOp('Softplus', [tensor([1000, -1000, -40, 40, 0, -Infinity, Infinity, NaN], [8], 'float64')]);
    const v = y.toFlatArray();
    expect(v[0]).toBe(1000);
    expect(v[1]).toBe(0); // e^-1000 underflows float64
    expect(v[2] / Math.exp(-40)).toBeCloseTo(1, 15); // log1p(e^-40) = e^-40 to double precision
    expect(v[3]).toBe(40);
    expect(v[4]).toBe(Math.LN2);
    expect(v.slice(5)).toEqual([0, Infinity, NaN]);
  });
});
