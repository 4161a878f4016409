import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import type { DType } from '../../../src/runtime/dtype.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { binaryOracleSuite, expectOpError, onnxRuntimeResult } from '../../helpers/elementwise-suite.js';
import { randomTensor } from '../../helpers/seeded-random.js';
import { expectWithinUlps } from '../../helpers/ulp-distance.js';

// ONNX Runtime's float32 powf and float64 Math.pow rounded to float32 are both within 1 ulp
// of x^y; float64 pows (glibc / V8) are each faithful.
const ONE_ULP = { ulps: 1, why: 'ONNX Runtime and float64 Math.pow are both faithful (< 1 ulp)' };

describe('Pow', () => {
  binaryOracleSuite({
    op: 'Pow',
    ranges: [
      [0, 10],
      [-5, 5],
    ],
    tolerances: { float32: ONE_ULP, float16: ONE_ULP, bfloat16: ONE_ULP, float64: ONE_ULP },
    // In-range integer powers are exact on both sides (ONNX Runtime has int32 / int64 bases).
    integerDTypes: ['int32', 'int64'],
    integerRanges: [
      [-10, 10],
      [0, 8],
    ],
    rejectedDType: 'int8',
  });

  it('follows C pow where Math.pow differs: pow(1, NaN) = pow(1, ±Inf) = pow(-1, ±Inf) = 1', async () => {
    const x = tensor([1, 1, 1, -1, -1, NaN, -8, -0, -0, 0, -2], [11]);
    const y = tensor([NaN, Infinity, -Infinity, Infinity, -Infinity, 0, 1 / 3, -1, -2, -3, 3], [11]);
    const expected = await onnxRuntimeResult('Pow', [x, y]);
    expect(expected.toFlatArray().slice(0, 6)).toEqual([1, 1, 1, 1, 1, 1]);
    expectWithinUlps(runOp('Pow', [x, y])[0], expected, 0, 'Pow special cases');
  });

  it.each<[DType, DType, number, number]>([
    ['float32', 'int32', 1, 0],
    ['float32', 'int64', 1, 0],
    ['float16', 'int32', 1, 0],
    ['float32', 'float16', 1, 0],
    ['int32', 'float32', 0, 0],
    ['int64', 'float32', 0, 0],
  ])('matches ONNX Runtime for a %s base and %s exponent (%d ulp)', async (baseType, expType, ulps) => {
    const x = randomTensor([4, 6], baseType, 21, { low: 1, high: 8 });
    const y = randomTensor([6], expType, 22, { low: -3, high: 4, integers: true });
    const expected = await onnxRuntimeResult('Pow', [x, y]);
    const [actual] = runOp('Pow', [x, y]);
    if (baseType.startsWith('int')) expect(actual.toFlatArray()).toEqual(expected.toFlatArray());
    else expectWithinUlps(actual, expected, { ulps }, `${baseType}^${expType}`);
  });

  it('truncates integer bases with fractional exponents, like ONNX Runtime', async () => {
    const x = tensor([2, 2, -3, 3, 10], [5], 'int32');
    const y = tensor([0.5, 2.5, 3, -1, 0.3], [5], 'float32');
    const expected = await onnxRuntimeResult('Pow', [x, y]);
    expect(expected.toFlatArray()).toEqual([1, 5, -27, 0, 1]);
    expect(runOp('Pow', [x, y])[0].toFlatArray()).toEqual(expected.toFlatArray());
  });

  it('wraps integer powers that overflow modulo 2^bits, as repeated C multiplication does', () => {
    // ONNX Runtime casts the double result instead (INT_MIN on x86); C leaves it undefined.
    const x = tensor([3, 2, -2, 7], [4], 'int32');
    const y = tensor([40, 31, 33, 20], [4], 'int32');
    const wrap = (b: bigint, e: bigint): number => Number(BigInt.asIntN(32, b ** e));
    expect(runOp('Pow', [x, y])[0].toFlatArray()).toEqual([wrap(3n, 40n), wrap(2n, 31n), wrap(-2n, 33n), wrap(7n, 20n)]);
    const big = runOp('Pow', [tensor([3], [1], 'int64'), tensor([45], [1], 'int64')])[0];
    expect(big.toFlatArray()).toEqual([Number(BigInt.asIntN(64, 3n ** 45n))]);
  });

  it('gives trunc(x^-n) for negative integer exponents, and 0 for 0^-n (a division by zero in C)', () => {
    const x = tensor([1, -1, -1, 2, -5, 0], [6], 'int64');
    const y = tensor([-7, -2, -3, -1, -1, -2], [6], 'int64');
    expect(runOp('Pow', [x, y])[0].toFlatArray()).toEqual([1, 1, -1, 0, 0, 0]);
  });

  it('rejects bases ONNX does not allow and exponents that are not numbers', () => {
    expectOpError('Pow', () => runOp('Pow', [tensor([2], [1], 'int16'), tensor([2], [1], 'int16')]), /'X' has dtype int16/);
    expectOpError('Pow', () => runOp('Pow', [tensor([2], [1]), tensor([1], [1], 'bool')]), /'Y' has dtype bool/);
  });
});
