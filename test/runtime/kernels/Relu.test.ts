import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { EXACT, unaryOracleSuite } from '../../helpers/elementwise-suite.js';

describe('Relu', () => {
  unaryOracleSuite({
    op: 'Relu',
    range: [-10, 10],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    // ONNX Runtime has int8 and int32 Relu kernels only.
    integerDTypes: ['int8', 'int32'],
    rejectedDType: 'bool',
    // The kernel returns +0 for -0 where ONNX Runtime returns -0; both compare equal.
    zeroSigns: false,
  });

  it('propagates NaN and clamps -Inf to 0', () => {
    expect(runOp('Relu', [tensor([NaN, -Infinity, Infinity, -3], [4])])[0].toFlatArray()).toEqual([NaN, 0, Infinity, 0]);
  });
});
