/**
 * Float64 reference math that carries, for every value, an estimate of how far a computation
 * in lower precision strays from it: the tolerances of the sample tests.
 *
 * An `Estimate` holds the exact (float64) result of exact math on the program's inputs, `v`,
 * and `sd`, the standard deviation of the computed result's error under the probabilistic
 * rounding model of Higham & Mary ("A New Approach to Probabilistic Rounding Error Analysis",
 * SIAM J. Sci. Comput. 41(5), 2019): every rounding to a format with unit roundoff u is
 * x(1 + δ) with independent, mean-zero |δ| ≤ u (we take sd(δ) = u, above the uniform case's
 * u/√3). Worst-case bounds (γ(n) = n·u) grow with every dimension and, through a block of
 * layers, exceed bfloat16 results themselves; the model's errors grow like √n, as measured
 * errors do. Its rules:
 *
 * - a sum of n terms t: u·√n·(|Σt| + ‖t‖₂) — each partial sum is at most its drift toward Σt
 *   plus a random walk of the terms, whatever the summation order;
 * - independent errors combine as the root of the sum of squares; errors that may share a
 *   source (an operand and a function of it, as in a residual add) add linearly;
 * - an operation's input errors propagate through its first derivatives.
 *
 * Tests accept |computed − v| ≤ LAMBDA·sd. LAMBDA = 6: a Gaussian error exceeds 6 sd with
 * probability 2·10⁻⁹, so across the ~10⁵ values of all sample outputs a correct program fails
 * with probability under 10⁻³ — and the result is deterministic (seeded inputs, a fixed
 * summation order), so a passing test cannot start failing without a change in the code.
 *
 * Nothing here calls opbridge's runtime: the references are independent of the kernels.
 */

/** Unit roundoff (half an ulp of 1) per storage format. */
export const UNIT = {
  float32: 2 ** -24,
  tf32: 2 ** -11,
  float16: 2 ** -11,
  bfloat16: 2 ** -8,
} as const;

export const LAMBDA = 6;

export interface Estimate {
  readonly v: Float64Array;
  readonly sd: Float64Array;
}

function build(n: number, f: (i: number) => [number, number]): Estimate {
  const v = new Float64Array(n);
  const sd = new Float64Array(n);
  for (let i = 0; i < n; i++) [v[i], sd[i]] = f(i);
  return { v, sd };
}

/** Values the program holds exactly (already in their storage format). */
export function exact(values: ArrayLike<number>): Estimate {
  return { v: Float64Array.from(values), sd: new Float64Array(values.length) };
}

/** The value rounded into a format with unit roundoff `u` (stored between operations). */
export function rounded(x: Estimate, u: number): Estimate {
  return build(x.v.length, (i) => [x.v[i], Math.hypot(x.sd[i], u * x.v[i])]);
}

/** Elements `pick(i)` of `x`: reshapes, transposes, slices and broadcasts are exact. */
export function gather(x: Estimate, n: number, pick: (i: number) => number): Estimate {
  return build(n, (i) => [x.v[pick(i)], x.sd[pick(i)]]);
}

/** Row-major transpose of a [rows, cols] matrix. */
export function transpose(x: Estimate, rows: number, cols: number): Estimate {
  return gather(x, rows * cols, (i) => (i % rows) * cols + Math.floor(i / rows));
}

/** a + b (before rounding); the errors may be correlated, so they add. */
export function add(a: Estimate, b: Estimate): Estimate {
  return build(a.v.length, (i) => [a.v[i] + b.v[i], a.sd[i] + b.sd[i]]);
}

/** a·b elementwise (before rounding). */
export function mul(a: Estimate, b: Estimate): Estimate {
  return build(a.v.length, (i) => [a.v[i] * b.v[i], Math.abs(b.v[i]) * a.sd[i] + Math.abs(a.v[i]) * b.sd[i]]);
}

/** s·a for an exact scalar s (before rounding). */
export function scale(a: Estimate, s: number): Estimate {
  return build(a.v.length, (i) => [s * a.v[i], Math.abs(s) * a.sd[i]]);
}

/**
 * f applied elementwise, |f'| ≤ lipschitz; `own(x, y)` bounds the error of evaluating y = f(x)
 * in the kernel's precision (its intermediate values may exceed |y|).
 */
export function unary(a: Estimate, f: (x: number) => number, lipschitz: number, own: (x: number, y: number) => number): Estimate {
  return build(a.v.length, (i) => {
    const y = f(a.v[i]);
    return [y, lipschitz * a.sd[i] + own(a.v[i], y)];
  });
}

/** Error of summing n terms whose sum is `sum` and sum of squares `squares`, in precision u. */
export function summationError(n: number, sum: number, squares: number, u: number): number {
  return u * Math.sqrt(n) * (Math.abs(sum) + Math.sqrt(squares));
}

/** The elementwise sum of `terms` in precision u, in any order (an all-reduce). */
export function sumOf(terms: readonly Estimate[], u: number): Estimate {
  return build(terms[0].v.length, (i) => {
    let sum = 0;
    let squares = 0;
    let propagated = 0;
    for (const t of terms) {
      sum += t.v[i];
      squares += t.v[i] ** 2;
      propagated += t.sd[i];
    }
    return [sum, propagated + summationError(terms.length, sum, squares, u)];
  });
}

export interface MatmulPrecision {
  /** Unit roundoff of the products and the accumulation. */
  readonly accumulate: number;
  /** Unit roundoff the operands are reduced to before multiplying (TF32), if any. */
  readonly operands?: number;
  /** Scale of the product, applied once in the accumulation precision. */
  readonly alpha?: number;
}

/** alpha·A·B for row-major A [m, k] and B [k, n] (before the result is stored). */
export function matmul(a: Estimate, b: Estimate, m: number, k: number, n: number, p: MatmulPrecision): Estimate {
  const alpha = p.alpha ?? 1;
  const u = p.accumulate;
  const uOp = p.operands ?? 0;
  const v = new Float64Array(m * n);
  const sd = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let squares = 0;
      let propagated = 0;
      for (let l = 0; l < k; l++) {
        const x = a.v[i * k + l];
        const y = b.v[l * n + j];
        sum += x * y;
        squares += (x * y) ** 2;
        propagated += (y * a.sd[i * k + l]) ** 2 + (x * b.sd[l * n + j]) ** 2;
      }
      // Operand reduction (two roundings per product), the products' roundings, the sum.
      const own = Math.hypot(Math.SQRT2 * uOp * Math.sqrt(squares), u * Math.sqrt(squares), summationError(k, sum, squares, u));
      v[i * n + j] = alpha * sum;
      sd[i * n + j] = Math.abs(alpha) * Math.hypot(Math.sqrt(propagated), own) + u * Math.abs(alpha * sum);
    }
  }
  return { v, sd };
}

/**
 * Softmax over each row of [rows, cols] in precision u, as a max-subtracting kernel computes
 * it: x − max, exp, the sum, the quotient. Entries equal to −∞ (masked) are exactly 0.
 * Input errors propagate as δp_i = p_i·(δx_i − Σ_j p_j·δx_j).
 */
export function softmaxRows(x: Estimate, rows: number, cols: number, u: number): Estimate {
  const v = new Float64Array(rows * cols);
  const sd = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, x.v[o + c]);
    let sum = 0;
    let count = 0;
    for (let c = 0; c < cols; c++) {
      if (x.v[o + c] === -Infinity) continue;
      sum += Math.exp(x.v[o + c] - max);
      count++;
    }
    // Relative error of one exponential: the rounding of x − max (scaled by exp's slope), exp's own.
    const termError = (c: number) => u * (Math.abs(x.v[o + c] - max) + 1);
    let meanInput = 0;
    let meanTerm = 0;
    for (let c = 0; c < cols; c++) {
      if (x.v[o + c] === -Infinity) continue;
      const p = Math.exp(x.v[o + c] - max) / sum;
      meanInput += p * x.sd[o + c];
      meanTerm += p * termError(c);
    }
    for (let c = 0; c < cols; c++) {
      if (x.v[o + c] === -Infinity) continue;
      const p = Math.exp(x.v[o + c] - max) / sum;
      v[o + c] = p;
      const own = termError(c) + meanTerm + u * Math.sqrt(count) + u;
      sd[o + c] = p * (x.sd[o + c] + meanInput + own);
    }
  }
  return { v, sd };
}

export interface NormPrecision {
  /** Unit roundoff of the statistics (mean, variance, reciprocal square root). */
  readonly statistics: number;
  /** Unit roundoff of the data's format (the normalised value's cast, the scale and shift). */
  readonly output: number;
}

/**
 * LayerNorm of each row of [rows, n]: y = (x − μ)·r·γ + β with r = 1/√(σ² + ε) (population
 * variance). With x̃ = (x − μ)·r, ∂y_i/∂x_j = γ_i·r·(δ_ij − 1/n − x̃_i·x̃_j/n).
 */
export function layerNormRows(x: Estimate, rows: number, n: number, g: ArrayLike<number>, b: ArrayLike<number>, epsilon: number, p: NormPrecision): Estimate {
  return normalizeRows(x, rows, n, g, b, epsilon, p, true);
}

/** RMSNorm of each row: y = x·r·γ with r = 1/√(mean(x²) + ε); ∂y_i/∂x_j = γ_i·r·(δ_ij − x̃_i·x̃_j/n). */
export function rmsNormRows(x: Estimate, rows: number, n: number, g: ArrayLike<number>, epsilon: number, p: NormPrecision): Estimate {
  return normalizeRows(x, rows, n, g, undefined, epsilon, p, false);
}

function normalizeRows(
  x: Estimate,
  rows: number,
  n: number,
  g: ArrayLike<number>,
  b: ArrayLike<number> | undefined,
  epsilon: number,
  p: NormPrecision,
  centre: boolean,
): Estimate {
  const v = new Float64Array(rows * n);
  const sd = new Float64Array(rows * n);
  const us = p.statistics;
  const normalized = new Float64Array(n);
  for (let row = 0; row < rows; row++) {
    const o = row * n;
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < n; j++) {
      sum += x.v[o + j];
      squares += x.v[o + j] ** 2;
    }
    const mean = centre ? sum / n : 0;
    let second = 0;
    for (let j = 0; j < n; j++) second += (x.v[o + j] - mean) ** 2 / n;
    const r = 1 / Math.sqrt(second + epsilon);
    for (let j = 0; j < n; j++) normalized[j] = (x.v[o + j] - mean) * r;
    // Statistics: the mean's sum (shifts every deviation), the deviations, squares and their
    // positive sum, ε's addition, then 1/√ (half the relative error of its argument, plus its own).
    const meanError = centre ? summationError(n, sum, squares, us) / n : 0;
    const secondError = second * us * (Math.sqrt(n) + 3) + us * (second + epsilon);
    const rRelative = secondError / (2 * (second + epsilon)) + 2 * us;
    for (let i = 0; i < n; i++) {
      const y = normalized[i] * g[i] + (b ? b[i] : 0);
      v[o + i] = y;
      let propagated = 0;
      for (let j = 0; j < n; j++) {
        const c = (i === j ? 1 : 0) - (centre ? 1 / n : 0) - (normalized[i] * normalized[j]) / n;
        propagated += (c * x.sd[o + j]) ** 2;
      }
      propagated = Math.abs(g[i]) * r * Math.sqrt(propagated);
      // Own: the mean's error, r's, the normalised value's rounding and cast, the scale, the shift.
      const own =
        Math.abs(g[i]) * r * meanError + Math.abs(g[i] * normalized[i]) * (rRelative + us + 2 * p.output) + (b ? p.output * Math.abs(y) : 0);
      sd[o + i] = propagated + own;
    }
  }
  return { v, sd };
}
