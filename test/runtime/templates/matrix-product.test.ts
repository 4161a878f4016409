/**
 * The matrix unit: the optimised (packed, register-tiled, cache-blocked) products must keep
 * the documented summation semantics bit for bit, and each numeric profile must move results
 * by the amount its arithmetic predicts.
 */
import { describe, expect, it } from 'vitest';
import { rounderFor } from '../../../src/runtime/numerics/accumulate.js';
import { HF32, TF32, exponentOf, pow2, roundToFormat, type FloatFormat } from '../../../src/runtime/numerics/float-format.js';
import { prepareOperand } from '../../../src/runtime/numerics/matrix-operands.js';
import type { AccumulateDType, MatrixUnitNumerics } from '../../../src/runtime/numerics/numeric-profile.js';
import {
  matrixProduct,
  multiplyInto,
  multiplyPrepared,
  rowMajorView,
  transposedView,
  type MatrixValues,
} from '../../../src/runtime/kernels/templates/matrix-product.js';
import { mulberry32 } from '../../helpers/seeded-random.js';

// ---------------------------------------------------------------------------------------------
// References

/** The documented semantics, written as plainly as possible (one output at a time). */
function referenceProduct(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number, accumulate: AccumulateDType, splitK?: number): Float64Array {
  const round = rounderFor(accumulate);
  const block = splitK && splitK < k ? splitK : k;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let k0 = 0; k0 < k; k0 += block) {
        let acc = 0;
        for (let p = k0; p < Math.min(k, k0 + block); p++) acc = round(acc + a[i * k + p] * b[p * n + j]);
        total = k0 === 0 ? acc : round(total + acc);
      }
      out[i * n + j] = total;
    }
  }
  return out;
}

/** Σ a_p·b_p computed exactly (BigInt) and rounded once to float64. Inputs must be finite. */
function exactDot(a: readonly number[], b: readonly number[]): number {
  const terms: { mantissa: bigint; exponent: number }[] = [];
  for (let p = 0; p < a.length; p++) {
    if (a[p] === 0 || b[p] === 0) continue;
    const ea = exponentOf(a[p]) - 52;
    const eb = exponentOf(b[p]) - 52;
    terms.push({ mantissa: BigInt(a[p] * pow2(-ea)) * BigInt(b[p] * pow2(-eb)), exponent: ea + eb });
  }
  if (terms.length === 0) return 0;
  const low = Math.min(...terms.map((t) => t.exponent));
  let sum = 0n;
  for (const t of terms) sum += t.mantissa << BigInt(t.exponent - low);
  // Number(bigint) rounds to nearest even; scaling by a power of two is then exact.
  return Number(sum) * pow2(low);
}

function exactProduct(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const row = Array.from({ length: k }, (_, p) => a[i * k + p]);
      const col = Array.from({ length: k }, (_, p) => b[p * n + j]);
      out[i * n + j] = exactDot(row, col);
    }
  }
  return out;
}

/** Σ_p |a_ip|·|b_pj| for each output: the scale every summation error bound is relative to. */
function absProduct(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) out[i * n + j] += Math.abs(a[i * k + p] * b[p * n + j]);
  return out;
}

/** γ_k = k·u / (1 - k·u): Higham's bound factor for k rounded additions at unit roundoff u. */
function gamma(k: number, u: number): number {
  return (k * u) / (1 - k * u);
}

function randomValues(length: number, seed: number, kind: 'float32' | 'float64' = 'float32', scale = 1): Float64Array {
  const next = mulberry32(seed);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = (next() * 2 - 1) * scale;
    out[i] = kind === 'float32' ? Math.fround(v) : v;
  }
  return out;
}

function expectBitwise(actual: Float64Array, expected: Float64Array, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(`${label}: element ${i} is ${actual[i]}, the reference gives ${expected[i]}`);
    }
  }
}

const numerics = (accumulate: AccumulateDType, extra: Partial<MatrixUnitNumerics> = {}): MatrixUnitNumerics => ({
  format: accumulate === 'float64' ? 'fp64' : 'fp32',
  rounding: 'nearest-even',
  accumulate,
  ...extra,
});

// ---------------------------------------------------------------------------------------------

describe('matrix unit: optimised products keep the naive summation semantics bit for bit', () => {
  // Shapes exercise edge tiles (m, n not multiples of 4), several depth blocks (k > 256), several
  // row blocks (m above the A-block height) and several column blocks (n above the B-block width).
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 7],
    [4, 4, 4],
    [5, 300, 9],
    [17, 513, 6],
    [130, 70, 131],
    [3, 300, 520],
  ];
  const accumulates: AccumulateDType[] = ['float32', 'float64', 'float16', 'bfloat16'];

  for (const [m, k, n] of shapes) {
    for (const accumulate of accumulates) {
      if ((accumulate === 'float16' || accumulate === 'bfloat16') && m * k * n > 200_000) continue;
      for (const splitK of [undefined, 1, 7, 64, 300]) {
        it(`${m}×${k}×${n}, ${accumulate} accumulation, splitK ${splitK ?? 'off'}`, () => {
          const a = randomValues(m * k, m * 7 + k);
          const b = randomValues(k * n, n * 13 + k);
          const nx = numerics(accumulate, { splitK });
          const expected = referenceProduct(a, b, m, k, n, accumulate, splitK);
          expectBitwise(multiplyPrepared(a, b, m, k, n, nx), expected, 'Float64Array operands');
          expectBitwise(multiplyPrepared(Float32Array.from(a), Float32Array.from(b), m, k, n, nx), expected, 'Float32Array operands');
        });
      }
    }
  }

  it('propagates NaN and Inf and rounds float32 overflow to Inf exactly as the reference', () => {
    const m = 6;
    const k = 270;
    const n = 5;
    const a = randomValues(m * k, 1, 'float32', 1e19);
    const b = randomValues(k * n, 2, 'float32', 1e19);
    a[3] = NaN;
    a[k + 10] = Infinity;
    b[7 * n + 2] = -Infinity;
    a[2 * k + 5] = -0;
    b[1] = 1e-45; // float32 subnormal
    for (const accumulate of ['float32', 'float64'] as const) {
      const out = multiplyPrepared(a, b, m, k, n, numerics(accumulate));
      expectBitwise(out, referenceProduct(a, b, m, k, n, accumulate), accumulate);
      expect(out.some((v) => Number.isNaN(v))).toBe(true);
    }
    // Products near 1e38 overflow a float32 running sum but not a float64 one.
    expect(multiplyPrepared(a, b, m, k, n, numerics('float32')).some((v) => !Number.isFinite(v) && !Number.isNaN(v))).toBe(true);
  });

  it('reads strided (transposed) views and writes only its own output region', () => {
    const m = 9;
    const k = 33;
    const n = 11;
    const a = randomValues(m * k, 3);
    const b = randomValues(k * n, 4);
    const aT = new Float64Array(k * m);
    const bT = new Float64Array(n * k);
    for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) aT[p * m + i] = a[i * k + p];
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bT[j * k + p] = b[p * n + j];
    const out = new Float64Array(m * n + 10).fill(-7);
    multiplyInto(transposedView(aT, m), transposedView(bT, k), m, k, n, numerics('float32'), out, 5);
    expect(Array.from(out.subarray(0, 5))).toEqual([-7, -7, -7, -7, -7]);
    expect(Array.from(out.subarray(5 + m * n))).toEqual([-7, -7, -7, -7, -7]);
    expectBitwise(out.subarray(5, 5 + m * n), referenceProduct(a, b, m, k, n, 'float32'), 'transposed views');
    // Offsets into a larger buffer.
    const padded = new Float32Array(3 + a.length);
    padded.set(a, 3);
    const out2 = new Float64Array(m * n);
    multiplyInto(rowMajorView(padded, k, 3), rowMajorView(b, n), m, k, n, numerics('float64'), out2, 0);
    expectBitwise(out2, referenceProduct(a, b, m, k, n, 'float64'), 'offset view');
  });

  it('writes float32 storage exactly when every running sum is a float32 value', () => {
    const m = 7;
    const k = 300;
    const n = 9;
    const a = randomValues(m * k, 5);
    const b = randomValues(k * n, 6);
    for (const nx of [numerics('float32'), numerics('float32', { splitK: 50 }), numerics('float16'), { ...numerics('float32'), format: 'tf32' as const }]) {
      const out32 = new Float32Array(m * n);
      multiplyInto(rowMajorView(a, k), rowMajorView(b, n), m, k, n, nx, out32, 0);
      expectBitwise(Float64Array.from(out32), multiplyPrepared(a, b, m, k, n, nx), `${nx.format}/${nx.accumulate}/${nx.splitK ?? '-'}`);
    }
    const out32 = new Float32Array(m * n);
    expect(() => multiplyInto(rowMajorView(a, k), rowMajorView(b, n), m, k, n, numerics('float64'), out32, 0)).toThrow(/need a Float64Array output/);
    const int16: MatrixUnitNumerics = { format: 'int16', rounding: 'nearest-even', accumulate: 'float32' };
    expect(() => multiplyInto(rowMajorView(a, k), rowMajorView(b, n), m, k, n, int16, out32, 0)).toThrow(/need a Float64Array output/);
  });

  it('returns zeros for k = 0 and nothing for m = 0 or n = 0', () => {
    expect(Array.from(multiplyPrepared(new Float64Array(0), new Float64Array(0), 2, 0, 3, numerics('float32')))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(multiplyPrepared(new Float64Array(0), new Float64Array(12), 0, 4, 3, numerics('float32')).length).toBe(0);
  });

  it('rejects a split-K that is not a positive integer', () => {
    expect(() => multiplyPrepared(new Float64Array(4), new Float64Array(4), 2, 2, 2, numerics('float32', { splitK: 1.5 }))).toThrow(/splitK/);
  });
});

describe('matrix unit: numeric profiles change results by the amount their arithmetic predicts', () => {
  const m = 8;
  const k = 384;
  const n = 8;
  const a = randomValues(m * k, 11);
  const b = randomValues(k * n, 12);
  const exact = exactProduct(a, b, m, k, n);
  const scale = absProduct(a, b, m, k, n);
  const maxError = (out: Float64Array): number => Math.max(...out.map((v, i) => Math.abs(v - exact[i])));
  const withinBound = (out: Float64Array, bound: (i: number) => number, label: string): void => {
    out.forEach((v, i) => {
      const error = Math.abs(v - exact[i]);
      if (!(error <= bound(i))) expect.fail(`${label}: element ${i} error ${error} exceeds the bound ${bound(i)}`);
    });
  };

  it('golden (fp64 operands, float64 sums) is float64-accurate against the exact sum', () => {
    const golden = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, numerics('float64'));
    // Sequential float64 summation: |error| <= γ_k(2^-53) Σ|a·b| (products of float32 values are exact).
    withinBound(golden, (i) => gamma(k, 2 ** -53) * scale[i], 'golden');
    // And float64 operands (inexact products) stay within γ_{k+1}.
    const a64 = randomValues(m * k, 21, 'float64');
    const b64 = randomValues(k * n, 22, 'float64');
    const exact64 = exactProduct(a64, b64, m, k, n);
    const scale64 = absProduct(a64, b64, m, k, n);
    const golden64 = matrixProduct({ values: a64, rows: m, cols: k }, { values: b64, rows: k, cols: n }, numerics('float64'));
    golden64.forEach((v, i) => expect(Math.abs(v - exact64[i])).toBeLessThanOrEqual(gamma(k + 1, 2 ** -53) * scale64[i]));
  });

  it('fp32 accumulation stays within the float32 summation bound and is far less accurate than golden', () => {
    const ieee = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, numerics('float32'));
    const golden = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, numerics('float64'));
    withinBound(ieee, (i) => gamma(k, 2 ** -24) * scale[i], 'fp32 accumulate');
    expect(maxError(ieee)).toBeGreaterThan(1000 * maxError(golden));
  });

  const reducedFormats: [string, FloatFormat, 'tf32' | 'hf32'][] = [
    ['TF32', TF32, 'tf32'],
    ['HF32', HF32, 'hf32'],
  ];
  for (const [name, format, id] of reducedFormats) {
    it(`${name} operand rounding equals pre-rounded fp32 and moves results within (1+u)²-1 plus the fp32 sum bound`, () => {
      const nx: MatrixUnitNumerics = { format: id, rounding: 'nearest-even', accumulate: 'float32' };
      const out = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, nx);
      const ra = a.map((v) => roundToFormat(v, format));
      const rb = b.map((v) => roundToFormat(v, format));
      expectBitwise(out, referenceProduct(ra, rb, m, k, n, 'float32'), `${name} vs pre-rounded operands`);
      const u = 2 ** -(format.mantissaBits + 1);
      withinBound(out, (i) => ((1 + u) ** 2 - 1 + gamma(k, 2 ** -24) * (1 + u) ** 2) * scale[i], name);
      const ieee = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, numerics('float32'));
      // The operand rounding, not the accumulation, dominates: errors grow by orders of magnitude.
      expect(maxError(out)).toBeGreaterThan(10 * maxError(ieee));
    });
  }

  it('truncating TF32 rounding is biased toward zero and within one TF32 ulp per operand', () => {
    const nx: MatrixUnitNumerics = { format: 'tf32', rounding: 'truncate', accumulate: 'float32' };
    const out = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, nx);
    const u = 2 ** -10;
    withinBound(out, (i) => ((1 + u) ** 2 - 1 + gamma(k, 2 ** -24) * (1 + u) ** 2) * scale[i], 'tf32 truncate');
    const ra = a.map((v) => roundToFormat(v, TF32, 'truncate'));
    const rb = b.map((v) => roundToFormat(v, TF32, 'truncate'));
    expectBitwise(out, referenceProduct(ra, rb, m, k, n, 'float32'), 'tf32 truncate vs reference');
  });

  for (const [format, levels] of [
    ['int16', 32767],
    ['int31', 2 ** 31 - 1],
  ] as const) {
    it(`${format} max-abs quantisation error stays within the analytic bound`, () => {
      const nx: MatrixUnitNumerics = { format, rounding: 'nearest-even', accumulate: 'float32' };
      const out = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, nx);
      // Each operand moves by at most half a step (absmax / levels / 2):
      // |ab - a'b'| <= |a|·δb + |b|·δa + δa·δb.
      const absMax = (v: Float64Array): number => Math.max(...v.map(Math.abs));
      const da = absMax(a) / levels / 2;
      const db = absMax(b) / levels / 2;
      const bound = (i: number): number => {
        const row = Math.floor(i / n);
        const col = i % n;
        let total = 0;
        for (let p = 0; p < k; p++) total += Math.abs(a[row * k + p]) * db + Math.abs(b[p * n + col]) * da + da * db;
        // float64 arithmetic on the integer sums and the rescale: a few ulps of the result scale.
        return total * (1 + 1e-12) + 4 * 2 ** -53 * scale[i];
      };
      withinBound(out, bound, format);
      // The integer sums themselves are exact: compare with quantising by hand.
      const qa = prepareOperand(a, format, 'nearest-even');
      const qb = prepareOperand(b, format, 'nearest-even');
      const manual = exactProduct(qa.values, qb.values, m, k, n).map((v) => v * (qa.scale * qb.scale));
      if (format === 'int16') expectBitwise(out, manual, 'int16 exact integer sums');
      else out.forEach((v, i) => expect(Math.abs(v - manual[i])).toBeLessThanOrEqual(2 ** -50 * scale[i]));
    });
  }

  it('split-K changes the summation order: equal to the blocked reference, different from sequential', () => {
    for (const accumulate of ['float32', 'float64'] as const) {
      const sequential = multiplyPrepared(a, b, m, k, n, numerics(accumulate));
      const split = multiplyPrepared(a, b, m, k, n, numerics(accumulate, { splitK: 64 }));
      expectBitwise(split, referenceProduct(a, b, m, k, n, accumulate, 64), `${accumulate} split-K`);
      expect(split.some((v, i) => v !== sequential[i]), `${accumulate}: split-K should round differently somewhere`).toBe(true);
      const bound = accumulate === 'float32' ? 2 ** -24 : 2 ** -53;
      split.forEach((v, i) => expect(Math.abs(v - exact[i])).toBeLessThanOrEqual(gamma(k, bound) * scale[i]));
    }
  });

  it('a split-K at least K is the plain sequential sum', () => {
    const plain = multiplyPrepared(a, b, m, k, n, numerics('float32'));
    expectBitwise(multiplyPrepared(a, b, m, k, n, numerics('float32', { splitK: k })), plain, 'splitK = K');
    expectBitwise(multiplyPrepared(a, b, m, k, n, numerics('float32', { splitK: 10 * k })), plain, 'splitK > K');
  });

  it('fp16 operands with fp16 accumulation lose far more than fp32 accumulation', () => {
    const half: MatrixUnitNumerics = { format: 'fp16', rounding: 'nearest-even', accumulate: 'float16' };
    const halfIn32: MatrixUnitNumerics = { format: 'fp16', rounding: 'nearest-even', accumulate: 'float32' };
    const h16 = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, half);
    const h32 = matrixProduct({ values: a, rows: m, cols: k }, { values: b, rows: k, cols: n }, halfIn32);
    expect(maxError(h16)).toBeGreaterThan(maxError(h32));
    withinBound(h16, (i) => ((1 + 2 ** -11) ** 2 - 1 + gamma(k, 2 ** -11) * (1 + 2 ** -11) ** 2) * scale[i], 'fp16 accumulate');
  });
});

describe('matrix unit: operand storage', () => {
  it('keeps fp32-format operands in Float32Array and golden operands untouched', async () => {
    const { prepareMatrix } = await import('../../../src/runtime/kernels/templates/matrix-product.js');
    const values = Float64Array.from([1 / 3, 2 / 3]);
    const fp32 = prepareMatrix(values, numerics('float32')).values as MatrixValues;
    expect(fp32).toBeInstanceOf(Float32Array);
    expect(Array.from(fp32)).toEqual([Math.fround(1 / 3), Math.fround(2 / 3)]);
    expect(prepareMatrix(values, numerics('float64')).values).toBe(values);
  });
});
