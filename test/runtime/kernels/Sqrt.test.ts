import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { EXACT, unaryOracleSuite } from '../../helpers/elementwise-suite.js';

describe('Sqrt', () => {
  // Square root is correctly rounded in IEEE arithmetic; rounding float64 to float32 (or
  // float32 to float16) after it is innocuous (53 >= 2·24 + 2), so results agree bit for bit.
  unaryOracleSuite({
    op: 'Sqrt',
    range: [0, 1e4],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    rejectedDType: 'int32',
  });

  it('keeps -0, gives NaN below zero and is exact on perfect squares', () => {
    const [y] = runOp('Sqrt', [tensor([-0, -4, 16, 2.25, Infinity], [5])]);
    expect(y.toFlatArray()).toEqual([-0, NaN, 4, 1.5, Infinity]);
    expect(Object.is(y.toFlatArray()[0], -0)).toBe(true);
  });
});
