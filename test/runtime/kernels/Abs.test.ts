import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { EXACT, unaryOracleSuite } from '../../helpers/elementwise-suite.js';

describe('Abs', () => {
  unaryOracleSuite({
    op: 'Abs',
    range: [-10, 10],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    integerDTypes: ['int8', 'int16', 'int32', 'int64', 'uint8'],
    rejectedDType: 'bool',
  });

  it('keeps |INT_MIN| = INT_MIN and clears the sign of -0 and NaN-free negatives', () => {
    expect(runOp('Abs', [tensor([-128, -1], [2], 'int8')])[0].toFlatArray()).toEqual([-128, 1]);
    const [y] = runOp('Abs', [tensor([-0, -Infinity], [2])]);
    expect(Object.is(y.toFlatArray()[0], 0)).toBe(true);
    expect(y.toFlatArray()[1]).toBe(Infinity);
  });
});
