/**
 * Gemm (ONNX Gemm-13): Y = alpha·op(A)·op(B) + beta·C with op = transpose when transA /
 * transB is set, C optional and unidirectionally broadcast to (M, N). Float inputs run on the
 * matrix unit under the profile's matmul numerics (`matrixNumerics`); the alpha/beta epilogue
 * is computed in float64 and rounded once to the accumulation dtype, as a fused BLAS epilogue
 * would be. alpha and beta are float32 (ONNX FLOAT) except for float64 data, where cublasDgemm's
 * double scalars are kept (`floatAttributeFor`). With beta = 0, C is not read (BLAS convention:
 * NaN or Inf in C do not propagate).
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { rounderFor } from '../numerics/accumulate.js';
import { floatAttributeFor, matrixNumerics } from './templates/compute-precision.js';
import { readBroadcast, requireDType, requireInput, requireSameDType } from './templates/elementwise.js';
import {
  multiplyInto,
  prepareTensor,
  resultBuffer,
  resultTensor,
  rowMajorView,
  scaleInPlace,
  transposedView,
} from './templates/matrix-product.js';
import { MATRIX_DTYPES } from './MatMul.js';

interface GemmAttributes {
  readonly alpha: number;
  readonly beta: number;
  readonly transA: boolean;
  readonly transB: boolean;
}

export const Gemm = defineKernel<GemmAttributes>({
  name: 'Gemm',
  inputs: { min: 2, max: 3 },
  parseAttributes: (raw) => {
    const r = new AttributeReader('Gemm', raw);
    const attrs = { alpha: r.float('alpha', 1), beta: r.float('beta', 1), transA: r.bool('transA', false), transB: r.bool('transB', false) };
    r.done();
    return attrs;
  },
  run: (inputs, attrs, ctx) => {
    const a = requireInput('Gemm', inputs, 0, 'A');
    const b = requireInput('Gemm', inputs, 1, 'B');
    const c = inputs[2];
    requireSameDType('Gemm', c ? [a, b, c] : [a, b], ['A', 'B', 'C']);
    requireDType('Gemm', a, 'A', MATRIX_DTYPES);
    if (a.rank !== 2 || b.rank !== 2) {
      throw new OpError('Gemm', `A and B must be 2-D, got A ${formatShape(a.shape)} and B ${formatShape(b.shape)}`, {
        fix: 'use MatMul for batched or 1-D products',
      });
    }
    const [m, k] = attrs.transA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
    const [kb, n] = attrs.transB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
    if (k !== kb) {
      throw new OpError(
        'Gemm',
        `op(A) is ${m}×${k} (A ${formatShape(a.shape)}, transA=${Number(attrs.transA)}) but op(B) is ${kb}×${n} ` +
          `(B ${formatShape(b.shape)}, transB=${Number(attrs.transB)}); the inner dimensions must match`,
      );
    }
    if (c && (c.rank > 2 || c.shape.some((d, i) => d !== 1 && d !== [m, n][i + 2 - c.rank]))) {
      throw new OpError('Gemm', `C ${formatShape(c.shape)} cannot be broadcast to (M, N) = ${formatShape([m, n])}`);
    }
    const numerics = matrixNumerics(a.dtype, ctx);
    const values = resultBuffer(m * n, numerics, a.dtype);
    if (values.length === 0) return [resultTensor(values, [m, n], a.dtype)];
    const pa = prepareTensor(a, numerics);
    const pb = prepareTensor(b, numerics);
    const aView = attrs.transA ? transposedView(pa.values, m) : rowMajorView(pa.values, k);
    const bView = attrs.transB ? transposedView(pb.values, k) : rowMajorView(pb.values, n);
    multiplyInto(aView, bView, m, k, n, numerics, values, 0);
    scaleInPlace(values, 0, values.length, pa.scale * pb.scale);
    const alpha = floatAttributeFor(attrs.alpha, a.dtype);
    const beta = floatAttributeFor(attrs.beta, a.dtype);
    const useC = c !== undefined && beta !== 0;
    if (alpha !== 1 || useC) {
      const cValues = useC ? readBroadcast(c, [m, n], 'Gemm') : undefined;
      const round = rounderFor(numerics.accumulate);
      for (let i = 0; i < values.length; i++) {
        const scaled = alpha * values[i];
        values[i] = round(cValues ? scaled + beta * cValues[i] : scaled);
      }
    }
    return [resultTensor(values, [m, n], a.dtype)];
  },
});
