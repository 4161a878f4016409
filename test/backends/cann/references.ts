/**
 * Float64 references for the CANN facade tests, written from the operators' definitions and
 * independent of the runtime kernels, plus the error bounds the tests use.
 */
export const FP32_UNIT_ROUNDOFF = 2 ** -24;

/** C = A (m x k) B (k x n), row-major, in float64; also the sum of |a b| per element (for error bounds). */
export function matmul64(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number, bStrides: [number, number] = [n, 1]): { c: Float64Array; abs: Float64Array } {
  const c = new Float64Array(m * n);
  const abs = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let t = 0;
      for (let p = 0; p < k; p++) {
        const prod = a[i * k + p] * b[p * bStrides[0] + j * bStrides[1]];
        s += prod;
        t += Math.abs(prod);
      }
      c[i * n + j] = s;
      abs[i * n + j] = t;
    }
  }
  return { c, abs };
}

/** The classic bound for a float32 dot product of length k accumulated in float32: k u sum|a b|. */
export function dotBound(k: number, absSum: number): number {
  return k * FP32_UNIT_ROUNDOFF * absSum + 2 ** -149;
}

export function softmaxRows64(x: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, x[r * cols + c]);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += Math.exp(x[r * cols + c] - max);
    for (let c = 0; c < cols; c++) out[r * cols + c] = Math.exp(x[r * cols + c] - max) / sum;
  }
  return out;
}

export function layerNormRows64(x: ArrayLike<number>, rows: number, cols: number, w: ArrayLike<number>, b: ArrayLike<number>, eps: number) {
  const y = new Float64Array(rows * cols);
  const mean = new Float64Array(rows);
  const rstd = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let m = 0;
    for (let c = 0; c < cols; c++) m += x[r * cols + c];
    m /= cols;
    let v = 0;
    for (let c = 0; c < cols; c++) v += (x[r * cols + c] - m) ** 2;
    v /= cols;
    mean[r] = m;
    rstd[r] = 1 / Math.sqrt(v + eps);
    for (let c = 0; c < cols; c++) y[r * cols + c] = (x[r * cols + c] - m) * rstd[r] * w[c] + b[c];
  }
  return { y, mean, rstd };
}

export function rmsNormRows64(x: ArrayLike<number>, rows: number, cols: number, gamma: ArrayLike<number>, eps: number) {
  const y = new Float64Array(rows * cols);
  const rstd = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += x[r * cols + c] ** 2;
    rstd[r] = 1 / Math.sqrt(s / cols + eps);
    for (let c = 0; c < cols; c++) y[r * cols + c] = x[r * cols + c] * rstd[r] * gamma[c];
  }
  return { y, rstd };
}

/** erf by its Maclaurin series (|x| <= 3) or continued fraction (|x| > 3): ~1e-15 absolute. */
export function erf64(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc continued fraction (Lentz) for large |x|.
  let f = ax;
  for (let n = 60; n >= 1; n--) f = ax + n / 2 / f;
  const erfc = Math.exp(-ax * ax) / (Math.sqrt(Math.PI) * f);
  return Math.sign(x) * (1 - erfc);
}

export function geluErf64(x: number): number {
  return 0.5 * x * (1 + erf64(x / Math.SQRT2));
}

export function geluTanh64(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

/**
 * Attention over (B, N, S, D) heads given as accessors, with an optional keep mask over (i, j);
 * also the per-row max and sum of exp of the scaled, masked scores.
 */
export function attention64(
  q: (b: number, n: number, s: number, d: number) => number,
  k: (b: number, n: number, s: number, d: number) => number,
  v: (b: number, n: number, s: number, d: number) => number,
  dims: { B: number; N: number; Sq: number; Skv: number; D: number },
  scale: number,
  keep: (i: number, j: number) => boolean,
) {
  const { B, N, Sq, Skv, D } = dims;
  const out = new Float64Array(B * N * Sq * D);
  const max = new Float64Array(B * N * Sq);
  const sum = new Float64Array(B * N * Sq);
  for (let b = 0; b < B; b++) {
    for (let n = 0; n < N; n++) {
      for (let i = 0; i < Sq; i++) {
        const scores = new Float64Array(Skv);
        let m = -Infinity;
        for (let j = 0; j < Skv; j++) {
          let s = 0;
          for (let d = 0; d < D; d++) s += q(b, n, i, d) * k(b, n, j, d);
          scores[j] = keep(i, j) ? scale * s : -Infinity;
          m = Math.max(m, scores[j]);
        }
        let z = 0;
        for (let j = 0; j < Skv; j++) z += Math.exp(scores[j] - m);
        const row = (b * N + n) * Sq + i;
        max[row] = m;
        sum[row] = z;
        for (let d = 0; d < D; d++) {
          let acc = 0;
          for (let j = 0; j < Skv; j++) acc += (Math.exp(scores[j] - m) / z) * v(b, n, j, d);
          out[row * D + d] = acc;
        }
      }
    }
  }
  return { out, max, sum };
}

/** max |actual - expected| - (atol + rtol |expected|) over all elements: <= 0 when within tolerance. */
export function worstExcess(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number): number {
  let worst = -Infinity;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) - (atol + rtol * Math.abs(expected[i])));
  return worst;
}
