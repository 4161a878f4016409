/**
 * Distances in units in the last place (ULP) of a tensor's own float format, and a test
 * expectation built on them. ULPs state the error of a transcendental function without
 * choosing a magnitude-dependent rtol/atol: "within 2 ulp" means at most two representable
 * values apart. ±0 are the same value; NaN matches only NaN.
 */
import { expect } from 'vitest';
import { formatShape } from '../../src/errors.js';
import type { DType } from '../../src/runtime/dtype.js';
import type { Tensor } from '../../src/runtime/tensor.js';

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Integer position of a float on the number line of its format (monotonic, -0 == +0). */
function ordinal(value: number, dtype: DType, bits16?: number): bigint {
  switch (dtype) {
    case 'float16':
    case 'bfloat16': {
      const b = bits16 ?? 0;
      return BigInt(b & 0x8000 ? -(b & 0x7fff) : b);
    }
    case 'float32': {
      f32[0] = value;
      const b = i32[0];
      return BigInt(b < 0 ? -(b & 0x7fffffff) : b);
    }
    case 'float64': {
      f64[0] = value;
      const b = i64[0];
      return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
    }
    default:
      throw new Error(`ulpDistance: ${dtype} is not a float dtype`);
  }
}

/** ULPs between element i of two same-dtype tensors (Infinity when one side is NaN). */
function elementDistance(a: Tensor, b: Tensor, ai: number, bi: number, av: number, bv: number): number {
  if (Number.isNaN(av) || Number.isNaN(bv)) return Number.isNaN(av) && Number.isNaN(bv) ? 0 : Infinity;
  const half = a.dtype === 'float16' || a.dtype === 'bfloat16';
  const oa = ordinal(av, a.dtype, half ? (a.storage as Uint16Array)[ai] : undefined);
  const ob = ordinal(bv, b.dtype, half ? (b.storage as Uint16Array)[bi] : undefined);
  const d = oa > ob ? oa - ob : ob - oa;
  return Number(d);
}

/** Per-element ULP distances between two float tensors of one dtype and shape. */
export function ulpDistances(actual: Tensor, expected: Tensor): Float64Array {
  const ai = actual.elementIndices();
  const ei = expected.elementIndices();
  const av = actual.toFloat64();
  const ev = expected.toFloat64();
  const out = new Float64Array(ev.length);
  for (let i = 0; i < ev.length; i++) out[i] = elementDistance(actual, expected, ai[i], ei[i], av[i], ev[i]);
  return out;
}

/** The largest ULP distance (0 for empty tensors). */
export function maxUlpDistance(actual: Tensor, expected: Tensor): number {
  return ulpDistances(actual, expected).reduce((m, d) => Math.max(m, d), 0);
}

/**
 * How far apart two results may be: `ulps` units in the last place of the dtype, or, for
 * elements farther apart than that, at most `atol` in absolute terms (for oracles whose
 * error is absolute, e.g. 1 + tanh(u) cancelling near 0).
 */
export interface UlpTolerance {
  readonly ulps: number;
  readonly atol?: number;
}

/**
 * Every element within the tolerance of the expected one, in the tensors' own format.
 * The failure names the worst element, both values and the input value when given.
 */
export function expectWithinUlps(
  actual: Tensor,
  expected: Tensor,
  tolerance: number | UlpTolerance,
  label = '',
  input?: Tensor,
): void {
  const { ulps, atol = 0 } = typeof tolerance === 'number' ? { ulps: tolerance } : tolerance;
  const prefix = label ? `${label}: ` : '';
  expect(formatShape(actual.shape), `${prefix}shape`).toBe(formatShape(expected.shape));
  expect(actual.dtype, `${prefix}dtype`).toBe(expected.dtype);
  const d = ulpDistances(actual, expected);
  const a = actual.toFloat64();
  const e = expected.toFloat64();
  let worst = -1;
  for (let i = 0; i < d.length; i++) {
    const outside = d[i] > ulps && !(Math.abs(a[i] - e[i]) <= atol);
    if (outside && (worst < 0 || d[i] > d[worst])) worst = i;
  }
  if (worst >= 0) {
    const x = input && input.size === d.length ? ` for input ${input.toFloat64()[worst]}` : '';
    expect.fail(
      `${prefix}element ${worst}${x}: got ${a[worst]}, expected ${e[worst]} ` +
        `(${d[worst]} ulp apart; allowed ${ulps} ulp${atol ? ` or ${atol} absolute` : ''}, ${actual.dtype})`,
    );
  }
}

/** Zeros carry the expected sign (-0 vs +0), which ULP distances deliberately ignore. */
export function expectSameZeroSigns(actual: Tensor, expected: Tensor, label = ''): void {
  const a = actual.toFloat64();
  const e = expected.toFloat64();
  for (let i = 0; i < e.length; i++) {
    if (a[i] === 0 && e[i] === 0 && Object.is(a[i], -0) !== Object.is(e[i], -0)) {
      expect.fail(`${label ? `${label}: ` : ''}element ${i}: got ${Object.is(a[i], -0) ? '-0' : '+0'}, expected ${Object.is(e[i], -0) ? '-0' : '+0'}`);
    }
  }
}
