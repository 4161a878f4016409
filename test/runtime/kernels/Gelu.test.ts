import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { erf } from '../../../src/runtime/kernels/Erf.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { expectOpError, onnxRuntimeResult, unaryOracleSuite } from '../../helpers/elementwise-suite.js';
import { randomTensor } from '../../helpers/seeded-random.js';
import { expectWithinUlps } from '../../helpers/ulp-distance.js';

// For x < 0 ONNX Runtime's float32 Gelu has an absolute error (measured 7.5e-8 on [-5, 0]),
// as evaluating 1 + erf(x/√2) in float32 cancels; we use erfc. Positive side: ≤ 1 ulp.
const ERF_F32 = { ulps: 1, atol: 2 ** -23, why: "ONNX Runtime's float32 Gelu cancels for x < 0 (absolute error ≤ 2^-23 on [-5, 5])" };
// The tanh form: measured 5.5e-7 absolute on [-5, 0] (as 1 + tanh(u) cancels); positive side ≤ 2 ulp.
const TANH_F32 = { ulps: 2, atol: 2 ** -20, why: "ONNX Runtime's float32 tanh-form Gelu cancels for x < 0 (absolute error ≤ 2^-20 on [-5, 5])" };
// ONNX Runtime's float64 tanh form is 5.8e-9 absolute from the float64 formula on [-5, 5]
// (measured; cause not identified — neither float32 constants nor a sigmoid rewrite reproduce it).
const TANH_F64 = { ulps: 2, atol: 1e-8, why: "ONNX Runtime's float64 tanh-form Gelu is 5.8e-9 from the formula (measured)" };

describe('Gelu', () => {
  describe("approximate = 'none' (erf)", () => {
    unaryOracleSuite({
      op: 'Gelu',
      range: [-5, 5],
      tolerances: { float32: ERF_F32, float16: { ...ERF_F32, ulps: 1 }, bfloat16: ERF_F32 },
      rejectedDType: 'int32',
    });
  });

  describe("approximate = 'tanh'", () => {
    unaryOracleSuite({
      op: 'Gelu',
      attributes: { approximate: 'tanh' },
      range: [-5, 5],
      tolerances: { float32: TANH_F32, float16: { ...TANH_F32, ulps: 1 }, bfloat16: TANH_F32, float64: TANH_F64 },
      rejectedDType: 'int64',
    });
  });

  it('keeps the left tail of the erf form: Gelu(x) = x·Φ(x) with Φ from erfc', () => {
    // Φ(-10) = 7.619853024160526066e-24 (mpmath, 40 digits), so Gelu(-10) = -7.619853024160526066e-23.
    const [y] = runOp('Gelu', [tensor([-10, 10, 0, -0], [4], 'float64')]);
    const v = y.toFlatArray();
    expect(v[0] / -7.619853024160526066e-23).toBeCloseTo(1, 14);
    expect(v[1]).toBe(10);
    expect(Object.is(v[3], -0)).toBe(true);
    expect(0.5 * 1 * (1 + erf(Math.SQRT1_2))).toBeCloseTo(runOp('Gelu', [tensor([1], [1], 'float64')])[0].toFlatArray()[0], 15);
  });

  it('gives NaN at -Inf, as the ONNX function body and ONNX Runtime do, and Inf at +Inf', () => {
    for (const approximate of ['none', 'tanh']) {
      expect(runOp('Gelu', [tensor([-Infinity, Infinity, NaN], [3])], { approximate })[0].toFlatArray()).toEqual([NaN, Infinity, NaN]);
    }
  });

  it("follows a profile that forces a form: gelu = 'tanh' turns an erf request into the tanh form", async () => {
    const x = randomTensor([256], 'float32', 42, { low: -4, high: 4 });
    const forcedTanh = withOverrides(IEEE_PROFILE, { gelu: 'tanh' }, 'test.gelu-tanh');
    const [forced] = runOp('Gelu', [x], { approximate: 'none' }, { profile: forcedTanh });
    expectWithinUlps(forced, await onnxRuntimeResult('Gelu', [x], { approximate: 'tanh' }), TANH_F32, 'forced tanh');
    expect(forced.toFlatArray()).toEqual(runOp('Gelu', [x], { approximate: 'tanh' })[0].toFlatArray());
    expect(forced.toFlatArray()).not.toEqual(runOp('Gelu', [x], { approximate: 'none' })[0].toFlatArray());

    const forcedErf = withOverrides(IEEE_PROFILE, { gelu: 'erf' }, 'test.gelu-erf');
    const [erfForm] = runOp('Gelu', [x], { approximate: 'tanh' }, { profile: forcedErf });
    expect(erfForm.toFlatArray()).toEqual(runOp('Gelu', [x])[0].toFlatArray());

    // Golden mode computes what was asked for, whatever the profile.
    const [golden] = runOp('Gelu', [x], { approximate: 'none' }, { mode: 'golden', profile: forcedTanh });
    expect(golden.toFlatArray()).toEqual(runOp('Gelu', [x])[0].toFlatArray());
  });

  it('rejects an unknown approximation', () => {
    expectOpError('Gelu', () => runOp('Gelu', [tensor([1], [1])], { approximate: 'fast' }), /'approximate' must be one of 'none', 'tanh'/);
  });
});
