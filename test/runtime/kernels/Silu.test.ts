import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { FP16, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { expectOpError } from '../../helpers/elementwise-suite.js';
import { randomTensor } from '../../helpers/seeded-random.js';
import { expectWithinUlps } from '../../helpers/ulp-distance.js';

/** x·sigmoid(x) = x / (1 + e^-x), the PyTorch definition, in float64. */
const closedForm = (x: number): number => x / (1 + Math.exp(-x));

// Silu is not an ONNX operator: checked against its closed form instead of ONNX Runtime.
describe('Silu', () => {
  it('equals x / (1 + e^-x) on seeded random float32 inputs within 1 ulp', () => {
    // Both sides are float64 evaluations rounded once to float32; they differ only by float64
    // rounding in the formula, so at most one float32 rounding step.
    const x = randomTensor([1024], 'float32', 5, { low: -30, high: 30 });
    expectWithinUlps(runOp('Silu', [x])[0], tensor(x.toFlatArray().map(closedForm), [1024], 'float32'), 1, 'Silu float32', x);
  });

  it('equals the closed form in float16, rounded through float32 like the IEEE profile', () => {
    const x = randomTensor([512], 'float16', 6, { low: -10, high: 10 });
    const expected = tensor(x.toFlatArray().map((v) => roundToFormat(Math.fround(closedForm(v)), FP16)), [512], 'float16');
    expectWithinUlps(runOp('Silu', [x])[0], expected, 1, 'Silu float16', x);
  });

  it('keeps the relative precision of the left tail and never overflows', () => {
    // Silu(-100) = -100·e^-100/(1 + e^-100) = -3.7200759760208359629597e-42 (mpmath).
    const [y] = runOp('Silu', [tensor([-100, -800, 800, 0, -0, Infinity, NaN], [7], 'float64')]);
    const v = y.toFlatArray();
    expect(v[0] / -3.7200759760208359629597e-42).toBeCloseTo(1, 14);
    expect(v[1]).toBe(-0); // -800·e^-800 underflows
    expect(v[2]).toBe(800);
    expect(Object.is(v[3], 0) && Object.is(v[4], -0)).toBe(true);
    expect(v.slice(5)).toEqual([Infinity, NaN]);
  });

  it('gives NaN at -Inf, as the defining product -Inf · 0 does in IEEE arithmetic', () => {
    expect(runOp('Silu', [tensor([-Infinity], [1])])[0].toFlatArray()).toEqual([NaN]);
  });

  it('rejects integer inputs, a missing input and attributes', () => {
    expectOpError('Silu', () => runOp('Silu', [tensor([1], [1], 'int32')]), /dtype/);
    expectOpError('Silu', () => runOp('Silu', [undefined]), /required/);
    expectOpError('Silu', () => runOp('Silu', [tensor([1], [1])], { beta: 1 }), /unknown attribute 'beta'/);
  });
});
