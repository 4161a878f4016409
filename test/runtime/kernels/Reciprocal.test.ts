import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { EXACT, unaryOracleSuite } from '../../helpers/elementwise-suite.js';

describe('Reciprocal', () => {
  unaryOracleSuite({
    op: 'Reciprocal',
    range: [-100, 100],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    rejectedDType: 'int32',
  });

  it('maps ±0 to ±Inf and overflows the reciprocal of a subnormal', () => {
    expect(runOp('Reciprocal', [tensor([0, -0, 1e-40, 4], [4])])[0].toFlatArray()).toEqual([Infinity, -Infinity, Infinity, 0.25]);
  });
});
