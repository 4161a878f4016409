/**
 * Parametrised ONNX Runtime cross-checks shared by the elementwise kernel tests: seeded
 * random inputs per dtype, broadcasting, edge values (NaN, ±Inf, ±0, huge, tiny and
 * subnormal), empty and strided tensors, and the validation errors every kernel owes its
 * callers. Each operator's test file states its tolerances (and why) and adds what is
 * specific to it.
 *
 * ONNX Runtime's JavaScript API has no bfloat16 tensors: bfloat16 cases feed ONNX Runtime
 * the same values as float32 and round its float32 result to bfloat16, which is what a
 * device computing bfloat16 in float32 does.
 */
import { expect, it } from 'vitest';
import { OpError } from '../../src/errors.js';
import type { DType } from '../../src/runtime/dtype.js';
import { runOp } from '../../src/runtime/run-op.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { runOnnxRuntime } from './onnx-oracle.js';
import { plainAttributes } from './onnx-parity.js';
import { randomTensor } from './seeded-random.js';
import { expectSameZeroSigns, expectWithinUlps, type UlpTolerance } from './ulp-distance.js';

export type OracleAttributes = Parameters<typeof runOnnxRuntime>[2];
export type FloatDTypeName = 'float64' | 'float32' | 'float16' | 'bfloat16';

/** A tolerance against ONNX Runtime and the reason it is what it is. */
export interface OracleTolerance extends UlpTolerance {
  readonly why: string;
}

/** Exact agreement: one correctly rounded IEEE operation on both sides. */
export const EXACT: OracleTolerance = { ulps: 0, why: 'a single IEEE operation, correctly rounded on both sides' };

/**
 * Runs `op` in ONNX Runtime. bfloat16 inputs go in as float32 and a bfloat16 output is
 * rounded from ONNX Runtime's float32 result (see the file comment).
 */
export async function onnxRuntimeResult(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attributes: OracleAttributes = {},
  options: { readonly outputDType?: DType; readonly opset?: number } = {},
): Promise<Tensor> {
  const asOrt = (t: Tensor | undefined): Tensor | undefined =>
    t && t.dtype === 'bfloat16' ? Tensor.fromNumbers(t.toFloat64(), t.shape, 'float32') : t;
  const outputDType = options.outputDType ?? inputs.find((t) => t)?.dtype ?? 'float32';
  const [result] = await runOnnxRuntime(op, inputs.map(asOrt), attributes, {
    opset: options.opset,
    outputDTypes: [outputDType === 'bfloat16' ? 'float32' : outputDType],
  });
  return outputDType === 'bfloat16' ? Tensor.fromNumbers(result.toFloat64(), result.shape, 'bfloat16') : result;
}

/** Special values of each float format: NaN, ±Inf, ±0, extremes, tiny normals and subnormals. */
export const EDGE_VALUES: Readonly<Record<FloatDTypeName, readonly number[]>> = {
  float32: [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.5, 3.4e38, -3.4e38, 1.1754944e-38, -1.1754944e-38, 1e-40, -1e-40, 1.4e-45, -1.4e-45, 88.7, -88.7, 100, -100, 1e10, -1e10],
  float16: [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.5, 65504, -65504, 6.1035e-5, -6.1035e-5, 1e-6, -1e-6, 6e-8, -6e-8, 11, -11, 100, -100, 1000, -1000],
  bfloat16: [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.5, 3.38e38, -3.38e38, 1.18e-38, -1.18e-38, 1e-39, -1e-39, 9.2e-41, -9.2e-41, 88.5, -88.5, 100, -100, 1e10, -1e10],
  float64: [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.5, 1.7e308, -1.7e308, 2.2250738585072014e-308, -2.2250738585072014e-308, 1e-310, -1e-310, 5e-324, -5e-324, 709, -709, 745, -745, 1e10, -1e10],
};

export interface UnarySuite {
  readonly op: string;
  /** Attributes as ONNX Runtime takes them (wrap integer-valued floats with asFloat). */
  readonly attributes?: OracleAttributes;
  /** Range of the seeded random inputs. */
  readonly range: readonly [number, number];
  /** Tolerance against ONNX Runtime per float dtype (absent: not cross-checked in that dtype). */
  readonly tolerances: Partial<Record<FloatDTypeName, OracleTolerance>>;
  /** Tolerances for the edge values where they differ from the random-input ones. */
  readonly edgeTolerances?: Partial<Record<FloatDTypeName, OracleTolerance>>;
  /** Integer dtypes compared exactly with ONNX Runtime (values around 0 plus each type's extremes). */
  readonly integerDTypes?: readonly DType[];
  /** A dtype the operator must reject. */
  readonly rejectedDType: DType;
  /** Compare the sign of zero results too (default true). */
  readonly zeroSigns?: boolean;
}

const INTEGER_EXTREMES: Partial<Record<DType, readonly number[]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  int64: [-(2 ** 53), 2 ** 53],
};

/** Registers the ONNX Runtime cross-checks and validation tests of a one-input operator. */
export function unaryOracleSuite(suite: UnarySuite): void {
  const { op, attributes = {}, range, tolerances } = suite;
  const raw = plainAttributes(attributes);

  for (const [dtype, tolerance] of Object.entries(tolerances) as [FloatDTypeName, OracleTolerance][]) {
    it(`matches ONNX Runtime on seeded random ${dtype} inputs in [${range[0]}, ${range[1]}] (${describeTolerance(tolerance)})`, async () => {
      const x = randomTensor([4, 8, 32], dtype, seedOf(op, dtype), { low: range[0], high: range[1] });
      const expected = await onnxRuntimeResult(op, [x], attributes);
      expectWithinUlps(runOp(op, [x], raw)[0], expected, tolerance, `${op} ${dtype} (${tolerance.why})`, x);
    });

    const edgeTolerance = suite.edgeTolerances?.[dtype] ?? tolerance;
    it(`matches ONNX Runtime on ${dtype} NaN, ±Inf, ±0, huge, tiny and subnormal inputs`, async () => {
      const x = Tensor.fromNumbers(EDGE_VALUES[dtype], [EDGE_VALUES[dtype].length], dtype);
      const expected = await onnxRuntimeResult(op, [x], attributes);
      const [actual] = runOp(op, [x], raw);
      expectWithinUlps(actual, expected, edgeTolerance, `${op} ${dtype} edges (${edgeTolerance.why})`, x);
      if (suite.zeroSigns ?? true) expectSameZeroSigns(actual, expected, `${op} ${dtype} edges`);
    });
  }

  for (const dtype of suite.integerDTypes ?? []) {
    it(`matches ONNX Runtime exactly on ${dtype}, including the type's extremes`, async () => {
      const random = randomTensor([40], dtype, seedOf(op, dtype), { low: -100, high: 100 }).toFlatArray();
      const x = Tensor.fromNumbers([...random, ...(INTEGER_EXTREMES[dtype] ?? [])], [random.length + 2], dtype);
      const expected = await onnxRuntimeResult(op, [x], attributes);
      expect(runOp(op, [x], raw)[0].toFlatArray()).toEqual(expected.toFlatArray());
    });
  }

  it('keeps an empty shape and reads strided views like contiguous ones', () => {
    const empty = Tensor.zeros([0, 3], 'float32');
    const [y] = runOp(op, [empty], raw);
    expect([y.dtype, ...y.shape]).toEqual(['float32', 0, 3]);
    const x = randomTensor([6, 5], 'float32', 7, { low: range[0], high: range[1] }).transpose();
    expect(runOp(op, [x], raw)[0].toFlatArray()).toEqual(runOp(op, [x.contiguous()], raw)[0].toFlatArray());
  });

  it(`rejects ${suite.rejectedDType} inputs, a missing input and unknown attributes with an OpError naming ${op}`, () => {
    expectOpError(op, () => runOp(op, [Tensor.zeros([2], suite.rejectedDType)], raw), /dtype/);
    expectOpError(op, () => runOp(op, [undefined], raw), /required/);
    expectOpError(op, () => runOp(op, [Tensor.zeros([2], 'float32')], { ...raw, bogus: 1 }), /unknown attribute 'bogus'/);
  });
}

export interface BinarySuite {
  readonly op: string;
  /** Range of the seeded random inputs (A, B). */
  readonly ranges: readonly [readonly [number, number], readonly [number, number]];
  readonly tolerances: Partial<Record<FloatDTypeName, OracleTolerance>>;
  /** Integer dtypes compared exactly on random values in `integerRange`. */
  readonly integerDTypes?: readonly DType[];
  readonly integerRanges?: readonly [readonly [number, number], readonly [number, number]];
  /** Edge values of B; all pairs with the edge values of A are checked (default: all edges). */
  readonly edgeValuesB?: (dtype: FloatDTypeName) => readonly number[];
  readonly rejectedDType: DType;
}

/** Broadcast shape pairs: equal, trailing, both-sided, scalar and empty. */
export const BROADCAST_CASES: readonly (readonly [readonly number[], readonly number[]])[] = [
  [[3, 4], [3, 4]],
  [[2, 3, 4], [4]],
  [[2, 1, 4], [3, 1]],
  [[], [2, 3]],
  [[0, 4], [4]],
];

/** Registers the ONNX Runtime cross-checks and validation tests of a two-input operator. */
export function binaryOracleSuite(suite: BinarySuite): void {
  const { op, ranges, tolerances } = suite;
  for (const [dtype, tolerance] of Object.entries(tolerances) as [FloatDTypeName, OracleTolerance][]) {
    it.each(BROADCAST_CASES)(`matches ONNX Runtime on ${dtype} %j with %j (${describeTolerance(tolerance)})`, async (sa, sb) => {
      const a = randomTensor(sa, dtype, seedOf(op, dtype), { low: ranges[0][0], high: ranges[0][1] });
      const b = randomTensor(sb, dtype, seedOf(op, dtype) + 1, { low: ranges[1][0], high: ranges[1][1] });
      const expected = await onnxRuntimeResult(op, [a, b]);
      expectWithinUlps(runOp(op, [a, b])[0], expected, tolerance, `${op} ${dtype} (${tolerance.why})`);
    });

    it(`matches ONNX Runtime on every pair of ${dtype} edge values`, async () => {
      const edges = EDGE_VALUES[dtype];
      const edgesB = suite.edgeValuesB?.(dtype) ?? edges;
      const a = Tensor.fromNumbers(edges, [edges.length, 1], dtype);
      const b = Tensor.fromNumbers(edgesB, [1, edgesB.length], dtype);
      const expected = await onnxRuntimeResult(op, [a, b]);
      expectWithinUlps(runOp(op, [a, b])[0], expected, tolerance, `${op} ${dtype} edges (${tolerance.why})`);
    });
  }

  for (const dtype of suite.integerDTypes ?? []) {
    it(`matches ONNX Runtime exactly on ${dtype} with broadcasting`, async () => {
      const [ra, rb] = suite.integerRanges ?? [
        [-100, 100],
        [-100, 100],
      ];
      const a = randomTensor([3, 1, 5], dtype, seedOf(op, dtype), { low: ra[0], high: ra[1] });
      const b = randomTensor([4, 1], dtype, seedOf(op, dtype) + 1, { low: rb[0], high: rb[1] });
      const expected = await onnxRuntimeResult(op, [a, b]);
      expect(runOp(op, [a, b])[0].toFlatArray()).toEqual(expected.toFlatArray());
    });
  }

  it('names both shapes when they cannot broadcast', () => {
    expect(() => runOp(op, [Tensor.zeros([3], 'float32'), Tensor.zeros([2], 'float32')])).toThrow(/\[3\] and \[2\]/);
  });

  it(`rejects ${suite.rejectedDType} inputs, a missing input and unknown attributes with an OpError naming ${op}`, () => {
    const f = Tensor.zeros([2], 'float32');
    const bad = Tensor.zeros([2], suite.rejectedDType);
    expectOpError(op, () => runOp(op, [bad, bad]), /dtype/);
    expectOpError(op, () => runOp(op, [f, undefined]), /required/);
    expectOpError(op, () => runOp(op, [f, f], { bogus: 1 }), /unknown attribute 'bogus'/);
  });
}

/**
 * The suite of an operator that is one correctly rounded IEEE operation on floats and wraps on
 * integers (Sub, Mul): exact agreement with ONNX Runtime on values in [-100, 100] in every
 * float dtype and every integer dtype; bool is rejected.
 */
export function exactArithmeticSuite(op: string): void {
  binaryOracleSuite({
    op,
    ranges: [
      [-100, 100],
      [-100, 100],
    ],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    integerDTypes: ['int8', 'int16', 'int32', 'int64', 'uint8'],
    rejectedDType: 'bool',
  });
}

/**
 * The tests of Max and Min (variadic, broadcast, NaN-propagating selections): exact agreement
 * with ONNX Runtime (no rounding; the sign of a zero chosen from ±0 is not compared, as ONNX
 * Runtime's float32 and float16 kernels differ there), one to many inputs, NaN from any
 * position, and the input errors.
 */
export function variadicExtremeSuite(op: 'Max' | 'Min'): void {
  binaryOracleSuite({
    op,
    ranges: [
      [-10, 10],
      [-10, 10],
    ],
    tolerances: { float32: EXACT, float16: EXACT, bfloat16: EXACT, float64: EXACT },
    integerDTypes: ['int8', 'int32', 'int64', 'uint8'],
    rejectedDType: 'bool',
  });

  it('takes one to many inputs, broadcast together, like ONNX Runtime', async () => {
    const a = randomTensor([2, 1, 4], 'float32', 1);
    const b = randomTensor([3, 1], 'float32', 2);
    const c = randomTensor([4], 'float32', 3);
    const d = randomTensor([2, 3, 4], 'float32', 4);
    for (const inputs of [[a], [a, b, c], [a, b, c, d]]) {
      expect(runOp(op, inputs)[0].toArray()).toEqual((await onnxRuntimeResult(op, inputs)).toArray());
    }
  });

  it('propagates a NaN from any input position', async () => {
    const a = Tensor.fromNumbers([NaN, 1, 1, -Infinity], [4], 'float32');
    const b = Tensor.fromNumbers([1, NaN, 2, -Infinity], [4], 'float32');
    const c = Tensor.fromNumbers([0, 0, NaN, -Infinity], [4], 'float32');
    const [y] = runOp(op, [a, b, c]);
    expect(y.toFlatArray()).toEqual([NaN, NaN, NaN, -Infinity]);
    expect(y.toFlatArray()).toEqual((await onnxRuntimeResult(op, [a, b, c])).toFlatArray());
  });

  it('rejects no inputs, a missing or mixed-dtype input', () => {
    const one = (dtype: 'float32' | 'float16' = 'float32') => Tensor.fromNumbers([1], [1], dtype);
    expectOpError(op, () => runOp(op, [], {}, {}), /expects 1 to 2147483647 inputs/);
    expectOpError(op, () => runOp(op, [one(), undefined]), /input 1 \('data_0\[1\]'\) is required/);
    expectOpError(op, () => runOp(op, [one(), one('float16')]), /same dtype/);
  });
}

/** The call throws an OpError for `op` whose message matches `pattern`. */
export function expectOpError(op: string, call: () => unknown, pattern: RegExp): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${op} should have thrown`).toBeInstanceOf(OpError);
  const error = thrown as OpError;
  expect(error.op).toBe(op);
  expect(error.message).toMatch(new RegExp(`^${op}: `));
  expect(error.message).toMatch(pattern);
}

function describeTolerance(t: OracleTolerance): string {
  const ulps = t.ulps === 0 ? 'exact' : `≤ ${t.ulps} ulp`;
  return t.atol ? `${ulps} or ≤ ${t.atol} absolute` : ulps;
}

/** A stable seed per operator and dtype, so cases differ but never change between runs. */
function seedOf(op: string, dtype: string): number {
  let h = 2166136261;
  for (const c of `${op}/${dtype}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}
