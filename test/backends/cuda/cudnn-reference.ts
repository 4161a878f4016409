/**
 * Independent float64 references for the cuDNN tests: written from the operations'
 * definitions (cuDNN headers and docs, ONNX), not through the runtime. Each returns values and,
 * where a tolerance needs it, the magnitude of the summed terms.
 */

/** erf(x) to ~1e-15: Taylor series near 0, a continued fraction for erfc in the tails. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 2.5) {
    // erf(x) = 2/sqrt(pi) · Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = a;
    let sum = a;
    for (let n = 1; n < 80; n++) {
      term *= (-a * a) / n;
      sum += term / (2 * n + 1);
      if (Math.abs(term) < 1e-17) break;
    }
    return Math.sign(x) * ((2 / Math.sqrt(Math.PI)) * sum);
  }
  // erfc(a) = exp(-a²)/sqrt(pi) · 1/(a + 1/2/(a + 1/(a + 3/2/(a + ...)))) (Lentz-free backward evaluation)
  let f = a;
  for (let k = 60; k >= 1; k--) f = a + k / 2 / f;
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

export const geluErf = (x: number): number => 0.5 * x * (1 + erf(x / Math.SQRT2));
export const geluTanhRef = (x: number): number => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export interface Conv2dProblem {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly k: number;
  readonly r: number;
  readonly s: number;
  readonly pad: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly group: number;
  /** Flip the filter (cuDNN CUDNN_CONVOLUTION) instead of cross-correlating. */
  readonly flip?: boolean;
}

export function convOutputDims(p: Conv2dProblem): [number, number, number, number] {
  const out = (i: 0 | 1, size: number, f: number) => 1 + Math.floor((size + 2 * p.pad[i] - ((f - 1) * p.dilation[i] + 1)) / p.stride[i]);
  return [p.n, p.k, out(0, p.h, p.r), out(1, p.w, p.s)];
}

/**
 * NCHW conv with KCRS weights: y[n,k,p,q] = Σ x[n, g·C/g + c, p·u − pad + r·d, ...] · w[k, c, r, s]
 * (w[k, c, R−1−r, S−1−s] when flipped). `round` maps operands first (TF32 rounding).
 */
export function conv2d(p: Conv2dProblem, x: ArrayLike<number>, w: ArrayLike<number>, round: (v: number) => number = (v) => v): { values: Float64Array; magnitude: Float64Array } {
  const [, , P, Q] = convOutputDims(p);
  const cg = p.c / p.group;
  const kg = p.k / p.group;
  const values = new Float64Array(p.n * p.k * P * Q);
  const magnitude = new Float64Array(values.length);
  for (let n = 0; n < p.n; n++)
    for (let k = 0; k < p.k; k++) {
      const g = Math.floor(k / kg);
      for (let oy = 0; oy < P; oy++)
        for (let ox = 0; ox < Q; ox++) {
          let sum = 0;
          let mag = 0;
          for (let c = 0; c < cg; c++)
            for (let r = 0; r < p.r; r++)
              for (let s = 0; s < p.s; s++) {
                const iy = oy * p.stride[0] - p.pad[0] + r * p.dilation[0];
                const ix = ox * p.stride[1] - p.pad[1] + s * p.dilation[1];
                if (iy < 0 || iy >= p.h || ix < 0 || ix >= p.w) continue;
                const [rr, ss] = p.flip ? [p.r - 1 - r, p.s - 1 - s] : [r, s];
                const xv = round(x[((n * p.c + g * cg + c) * p.h + iy) * p.w + ix]);
                const wv = round(w[((k * cg + c) * p.r + rr) * p.s + ss]);
                sum += xv * wv;
                mag += Math.abs(xv * wv);
              }
          const i = ((n * p.k + k) * P + oy) * Q + ox;
          values[i] = sum;
          magnitude[i] = mag;
        }
    }
  return { values, magnitude };
}

/** NCHW ↔ NHWC index helpers for packed buffers. */
export function nchwToNhwc(values: ArrayLike<number>, [n, c, h, w]: readonly number[]): Float64Array {
  const out = new Float64Array(n * c * h * w);
  for (let a = 0; a < n; a++) for (let b = 0; b < c; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[((a * h + y) * w + x) * c + b] = values[((a * c + b) * h + y) * w + x];
  return out;
}

export function kcrsToKrsc(values: ArrayLike<number>, dims: readonly number[]): Float64Array {
  return nchwToNhwc(values, dims);
}

/** Softmax over contiguous groups of `size` elements (row softmax of a [rows, size] matrix). */
export function softmaxRows(x: ArrayLike<number>, size: number, log = false): Float64Array {
  const out = new Float64Array(x.length);
  for (let base = 0; base < x.length; base += size) {
    let max = -Infinity;
    for (let i = 0; i < size; i++) max = Math.max(max, x[base + i]);
    let sum = 0;
    for (let i = 0; i < size; i++) sum += Math.exp(x[base + i] - max);
    for (let i = 0; i < size; i++) out[base + i] = log ? x[base + i] - max - Math.log(sum) : Math.exp(x[base + i] - max) / sum;
  }
  return out;
}

/** 2-D pooling of NCHW data, symmetric padding, floor output size. */
export function pool2d(
  x: ArrayLike<number>,
  [n, c, h, w]: readonly number[],
  window: readonly [number, number],
  pad: readonly [number, number],
  stride: readonly [number, number],
  mode: 'max' | 'avg-include' | 'avg-exclude',
): { values: Float64Array; dims: number[] } {
  const P = 1 + Math.floor((h + 2 * pad[0] - window[0]) / stride[0]);
  const Q = 1 + Math.floor((w + 2 * pad[1] - window[1]) / stride[1]);
  const values = new Float64Array(n * c * P * Q);
  for (let a = 0; a < n * c; a++)
    for (let oy = 0; oy < P; oy++)
      for (let ox = 0; ox < Q; ox++) {
        let max = -Infinity;
        let sum = 0;
        let count = 0;
        for (let r = 0; r < window[0]; r++)
          for (let s = 0; s < window[1]; s++) {
            const iy = oy * stride[0] - pad[0] + r;
            const ix = ox * stride[1] - pad[1] + s;
            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
            const v = x[(a * h + iy) * w + ix];
            max = Math.max(max, v);
            sum += v;
            count++;
          }
        values[(a * P + oy) * Q + ox] = mode === 'max' ? max : sum / (mode === 'avg-include' ? window[0] * window[1] : count);
      }
  return { values, dims: [n, c, P, Q] };
}

/** Layer / RMS normalisation of rows of `size` elements. */
export function normalizeRows(
  x: ArrayLike<number>,
  size: number,
  scale: ArrayLike<number>,
  bias: ArrayLike<number> | undefined,
  epsilon: number,
  kind: 'layer' | 'rms',
): { y: Float64Array; mean: Float64Array; inv: Float64Array } {
  const rows = x.length / size;
  const y = new Float64Array(x.length);
  const mean = new Float64Array(rows);
  const inv = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let m = 0;
    if (kind === 'layer') {
      for (let i = 0; i < size; i++) m += x[r * size + i];
      m /= size;
    }
    let v = 0;
    for (let i = 0; i < size; i++) v += (x[r * size + i] - m) ** 2;
    v /= size;
    const is = 1 / Math.sqrt(v + epsilon);
    mean[r] = m;
    inv[r] = is;
    for (let i = 0; i < size; i++) y[r * size + i] = (x[r * size + i] - m) * is * scale[i] + (bias ? bias[i] : 0);
  }
  return { y, mean, inv };
}

/**
 * Attention of [b, h, s, d] row-major Q / K / V (K and V with hk heads, query head h reading
 * hk = h / (hq / hk)), top-left causal when `causal` (key j visible to query i iff j <= i +
 * offset), scaled by `scale`. Returns O [b, hq, sq, dv] and the log-sum-exp of each row.
 */
export function attention(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  dims: { b: number; hq: number; hk: number; sq: number; skv: number; d: number; dv: number },
  scale: number,
  causalOffset: number | undefined,
): { o: Float64Array; lse: Float64Array } {
  const { b, hq, hk, sq, skv, d, dv } = dims;
  const group = hq / hk;
  const o = new Float64Array(b * hq * sq * dv);
  const lse = new Float64Array(b * hq * sq);
  for (let bi = 0; bi < b; bi++)
    for (let h = 0; h < hq; h++) {
      const kh = Math.floor(h / group);
      for (let i = 0; i < sq; i++) {
        const scores = new Float64Array(skv);
        let max = -Infinity;
        for (let j = 0; j < skv; j++) {
          if (causalOffset !== undefined && j > i + causalOffset) {
            scores[j] = -Infinity;
            continue;
          }
          let dot = 0;
          for (let e = 0; e < d; e++) dot += q[((bi * hq + h) * sq + i) * d + e] * k[((bi * hk + kh) * skv + j) * d + e];
          scores[j] = dot * scale;
          max = Math.max(max, scores[j]);
        }
        let sum = 0;
        for (let j = 0; j < skv; j++) sum += Math.exp(scores[j] - max);
        lse[(bi * hq + h) * sq + i] = max + Math.log(sum);
        for (let e = 0; e < dv; e++) {
          let acc = 0;
          for (let j = 0; j < skv; j++) acc += (Math.exp(scores[j] - max) / sum) * v[((bi * hk + kh) * skv + j) * dv + e];
          o[((bi * hq + h) * sq + i) * dv + e] = acc;
        }
      }
    }
  return { o, lse };
}

/** Largest |a − b| over the elements. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
