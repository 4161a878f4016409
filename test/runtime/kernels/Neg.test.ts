import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { EXACT, unaryOracleSuite } from '../../helpers/elementwise-suite.js';

describe('Neg', () => {
  unaryOracleSuite({
    op: 'Neg',
    range: [-10, 10],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    integerDTypes: ['int8', 'int16', 'int32', 'int64'],
    rejectedDType: 'uint8',
  });

  it('wraps the most negative integer onto itself, as two\'s complement negation does', () => {
    expect(runOp('Neg', [tensor([-128, 127], [2], 'int8')])[0].toFlatArray()).toEqual([-128, -127]);
    expect(runOp('Neg', [tensor([-2147483648], [1], 'int32')])[0].toFlatArray()).toEqual([-2147483648]);
  });
});
