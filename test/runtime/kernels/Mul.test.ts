import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { exactArithmeticSuite, onnxRuntimeResult } from '../../helpers/elementwise-suite.js';

describe('Mul', () => {
  // One IEEE multiplication: the float64 product of two float32 values is exact, so its
  // single rounding is the float32 product.
  exactArithmeticSuite('Mul');

  it('wraps int32 products modulo 2^32 exactly, even when the float64 product is inexact', async () => {
    // 2147483647² = 4611686014132420609 needs 62 bits; its low 32 bits are 1.
    const a = tensor([2147483647, 65536, -2147483648, 123456789], [4], 'int32');
    const b = tensor([2147483647, 65536, -1, 987654321], [4], 'int32');
    const expected = await onnxRuntimeResult('Mul', [a, b]);
    expect(expected.toFlatArray()[0]).toBe(1);
    expect(runOp('Mul', [a, b])[0].toFlatArray()).toEqual(expected.toFlatArray());
  });

  it('wraps int64 products modulo 2^64 (within the ±2^53 the runtime holds exactly)', async () => {
    const a = tensor([2 ** 40, -(2 ** 33), 3037000499], [3], 'int64');
    const b = tensor([2 ** 30, 2 ** 31, 3037000499], [3], 'int64');
    const expected = await onnxRuntimeResult('Mul', [a, b]);
    // 2^70 wraps to 0, -(2^64) to 0; 3037000499² = 9223372030926249001 < 2^63 (inexact as a number).
    expect(runOp('Mul', [a, b])[0].toFlatArray()).toEqual(expected.toFlatArray());
  });

  describe('flush-to-zero profiles', () => {
    const ftz = withOverrides(IEEE_PROFILE, { flushToZero: true }, 'test.ftz');
    it('flush subnormal float32 inputs (DAZ) and outputs (FTZ) to zero of the same sign', () => {
      const a = tensor([1e-40, -1e-40, 1e-20, -1e-20, 1e-18], [5]);
      const b = tensor([1, 1, 1e-20, 1e-20, 1e-19], [5]);
      // 1e-20 · 1e-20 = 1e-40 is a float32 subnormal output; 1e-37 is normal.
      const plain = runOp('Mul', [a, b])[0].toFlatArray();
      expect(plain.slice(0, 4).every((v) => v !== 0)).toBe(true);
      const [flushed] = runOp('Mul', [a, b], {}, { profile: ftz });
      const v = flushed.toFlatArray();
      expect(v.slice(0, 4)).toEqual([0, -0, 0, -0]);
      expect([Object.is(v[0], 0), Object.is(v[1], -0), Object.is(v[2], 0), Object.is(v[3], -0)]).toEqual([true, true, true, true]);
      expect(v[4]).toBe(Math.fround(Math.fround(1e-18) * Math.fround(1e-19)));
    });

    it('flush float16 subnormals and leave golden mode alone', () => {
      const a = tensor([6e-8, 1e-3], [2], 'float16');
      const b = tensor([1, 1e-3], [2], 'float16');
      expect(runOp('Mul', [a, b], {}, { profile: ftz })[0].toFlatArray()).toEqual([0, 0]);
      expect(runOp('Mul', [a, b], {}, { mode: 'golden', profile: ftz })[0].toFlatArray().every((v) => v > 0)).toBe(true);
    });
  });
});
