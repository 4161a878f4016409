import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { unaryOracleSuite } from '../../helpers/elementwise-suite.js';

const ONE_ULP = { ulps: 1, why: 'ONNX Runtime and float64 Math.log are both faithful (< 1 ulp)' };

describe('Log', () => {
  unaryOracleSuite({
    op: 'Log',
    range: [1e-3, 1e4],
    tolerances: { float32: ONE_ULP, float16: ONE_ULP, bfloat16: ONE_ULP, float64: ONE_ULP },
    rejectedDType: 'int64',
  });

  it('gives -Inf at ±0, NaN below 0 and exact logs of subnormals', () => {
    const x = tensor([0, -0, -1, 1e-45, 1], [5]);
    expect(runOp('Log', [x])[0].toFlatArray()).toEqual([-Infinity, -Infinity, NaN, Math.fround(Math.log(x.toFlatArray()[3])), 0]);
  });
});
