import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { asFloat } from '../../helpers/onnx-oracle.js';
import { EXACT, expectOpError, unaryOracleSuite } from '../../helpers/elementwise-suite.js';

// alpha is an ONNX FLOAT (32-bit) attribute: with alpha rounded to float32 the product is
// one IEEE multiplication on both sides.
describe('LeakyRelu', () => {
  describe('default alpha (0.01)', () => {
    unaryOracleSuite({
      op: 'LeakyRelu',
      range: [-10, 10],
      tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT },
      rejectedDType: 'int32',
    });
  });

  describe('alpha = 2 (an integer-valued float attribute)', () => {
    unaryOracleSuite({
      op: 'LeakyRelu',
      attributes: { alpha: asFloat(2) },
      range: [-10, 10],
      tolerances: { float32: EXACT, float16: EXACT },
      rejectedDType: 'int8',
    });
  });

  it('uses alpha as the float32 an ONNX model stores', () => {
    // fround(0.1) = 0.100000001490116..., so float64 outputs show the float32 alpha.
    const [y] = runOp('LeakyRelu', [tensor([-1], [1], 'float64')], { alpha: 0.1 });
    expect(y.toFlatArray()).toEqual([-Math.fround(0.1)]);
  });

  it('rejects a non-numeric alpha', () => {
    expectOpError('LeakyRelu', () => runOp('LeakyRelu', [tensor([1], [1])], { alpha: 'steep' }), /'alpha' must be a number/);
  });
});
