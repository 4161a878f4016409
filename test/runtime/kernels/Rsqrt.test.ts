import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { BF16, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { expectOpError } from '../../helpers/elementwise-suite.js';
import { randomTensor } from '../../helpers/seeded-random.js';
import { expectWithinUlps } from '../../helpers/ulp-distance.js';

// Rsqrt is not an ONNX operator (torch.rsqrt): checked against 1/sqrt(x) in closed form.
describe('Rsqrt', () => {
  it('equals 1/√x on seeded random float32 inputs within 1 ulp', () => {
    // 1/√x in float64 carries two float64 roundings (< 2^-52 relative), so the float32
    // result is the correctly rounded one or its neighbour.
    const x = randomTensor([1024], 'float32', 9, { low: 1e-6, high: 1e6 });
    const exact = tensor(x.toFlatArray().map((v) => 1 / Math.sqrt(v)), [1024], 'float32');
    expectWithinUlps(runOp('Rsqrt', [x])[0], exact, 1, 'Rsqrt float32', x);
  });

  it('is exact on powers of four and in bfloat16 through float32', () => {
    expect(runOp('Rsqrt', [tensor([4, 16, 0.25, 1], [4])])[0].toFlatArray()).toEqual([0.5, 0.25, 2, 1]);
    const x = randomTensor([256], 'bfloat16', 10, { low: 0.01, high: 100 });
    const expected = tensor(x.toFlatArray().map((v) => roundToFormat(Math.fround(1 / Math.sqrt(v)), BF16)), [256], 'bfloat16');
    expectWithinUlps(runOp('Rsqrt', [x])[0], expected, 0, 'Rsqrt bfloat16', x);
  });

  it('maps ±0 to ±Inf, +Inf to 0, negatives to NaN and stays finite on the smallest subnormal', () => {
    const [y] = runOp('Rsqrt', [tensor([0, -0, Infinity, -1, NaN, 1e-45], [6])]);
    expect(y.toFlatArray()).toEqual([Infinity, -Infinity, 0, NaN, NaN, Math.fround(1 / Math.sqrt(Math.fround(1e-45)))]);
  });

  it('rejects integer inputs, a missing input and attributes', () => {
    expectOpError('Rsqrt', () => runOp('Rsqrt', [tensor([4], [1], 'int64')]), /dtype/);
    expectOpError('Rsqrt', () => runOp('Rsqrt', [undefined]), /required/);
    expectOpError('Rsqrt', () => runOp('Rsqrt', [tensor([4], [1])], { eps: 1e-6 }), /unknown attribute 'eps'/);
  });
});
