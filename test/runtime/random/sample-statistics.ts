/**
 * Sample statistics for sanity checks of the random generators. The thresholds used with
 * these are five standard errors (means, variances) or the Kolmogorov-Smirnov critical value
 * at alpha = 0.001: a correct generator fails such a check with probability < 1e-3, and the
 * seeds are fixed, so the tests are deterministic.
 */

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Population variance (divides by n). */
export function variance(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] - m) ** 2;
  return sum / values.length;
}

/** Kolmogorov-Smirnov statistic sup |F_n(x) - F(x)| of the sample against `cdf`. */
export function ksStatistic(values: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Critical value of the KS statistic for n samples at alpha = 0.001 (asymptotic 1.9495 / sqrt(n)). */
export function ksCritical(n: number): number {
  return 1.9495 / Math.sqrt(n);
}

/** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, far below the KS thresholds used). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

export function normalCdf(x: number, mu = 0, sigma = 1): number {
  return 0.5 * (1 + erf((x - mu) / (sigma * Math.SQRT2)));
}

export function uniformCdf(x: number, low = 0, high = 1): number {
  return Math.min(1, Math.max(0, (x - low) / (high - low)));
}
