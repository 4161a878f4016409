/**
 * The matrix-unit core shared by MatMul, Gemm, Conv (via im2col) and Attention:
 * C[m×n] = Σ_k A[m×k]·B[k×n] with the operands prepared for the profile's compute format and
 * the running sums kept in its accumulation dtype, summed over k in increasing order (split
 * into blocks of `splitK` when set). Results are float64 and not yet rounded to the output
 * dtype.
 *
 * A float32 accumulator emulates fp32 fused multiply-add: products of fp32-representable
 * operands are exact in float64, so each step is the exact sum rounded to float64 and then to
 * float32 (this double rounding differs from a true FMA in rare ties).
 */
import type { MatrixUnitNumerics } from '../../numerics/numeric-profile.js';
import { prepareOperand } from '../../numerics/matrix-operands.js';
import { rounderFor } from '../../numerics/accumulate.js';

export interface MatrixOperand {
  /** Row-major values. */
  readonly values: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Prepares A (m×k) and B (k×n) once; use `multiplyPrepared` for several products. */
export function matrixProduct(a: MatrixOperand, b: MatrixOperand, numerics: MatrixUnitNumerics): Float64Array {
  if (a.cols !== b.rows) throw new Error(`matrixProduct: inner dimensions ${a.cols} and ${b.rows} differ`);
  const pa = prepareOperand(a.values, numerics.format, numerics.rounding);
  const pb = prepareOperand(b.values, numerics.format, numerics.rounding);
  const out = multiplyPrepared(pa.values, pb.values, a.rows, a.cols, b.cols, numerics);
  const scale = pa.scale * pb.scale;
  if (scale !== 1) for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
}

/**
 * Products of operands already in the compute format. Quantised (integer-valued) operands
 * are summed exactly, as an integer accumulator would.
 */
export function multiplyPrepared(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  numerics: MatrixUnitNumerics,
): Float64Array {
  const quantised = numerics.format === 'int16' || numerics.format === 'int31';
  const accumulate = quantised ? 'float64' : numerics.accumulate;
  const splitK = numerics.splitK && numerics.splitK < k ? numerics.splitK : k;
  const out = new Float64Array(m * n);
  if (k === 0) return out;
  if (accumulate === 'float64' || accumulate === 'float32') {
    const row = accumulate === 'float64' ? new Float64Array(n) : new Float32Array(n);
    const partial = splitK < k ? (accumulate === 'float64' ? new Float64Array(n) : new Float32Array(n)) : undefined;
    for (let i = 0; i < m; i++) {
      const aBase = i * k;
      if (!partial) {
        row.fill(0);
        for (let p = 0; p < k; p++) {
          const aip = a[aBase + p];
          const bBase = p * n;
          for (let j = 0; j < n; j++) row[j] += aip * b[bBase + j];
        }
      } else {
        row.fill(0);
        for (let k0 = 0; k0 < k; k0 += splitK) {
          const k1 = Math.min(k, k0 + splitK);
          partial.fill(0);
          for (let p = k0; p < k1; p++) {
            const aip = a[aBase + p];
            const bBase = p * n;
            for (let j = 0; j < n; j++) partial[j] += aip * b[bBase + j];
          }
          for (let j = 0; j < n; j++) row[j] += partial[j];
        }
      }
      out.set(row, i * n);
    }
    return out;
  }
  // Narrow accumulators (fp16 / bf16): round after every step.
  const round = rounderFor(accumulate);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let k0 = 0; k0 < k; k0 += splitK) {
        let acc = 0;
        const k1 = Math.min(k, k0 + splitK);
        for (let p = k0; p < k1; p++) acc = round(acc + a[i * k + p] * b[p * n + j]);
        total = k0 === 0 ? acc : round(total + acc);
      }
      out[i * n + j] = total;
    }
  }
  return out;
}
