/**
 * MatMul (ONNX MatMul-13): NumPy matrix product — 1-D operands promoted to a row (A) or column
 * (B) vector and the added axis removed, leading batch dimensions broadcast. Float inputs run
 * on the matrix unit under the profile's matmul numerics (float64 kept for float64 operands,
 * `matrixNumerics`); integer inputs are summed exactly (within ±2^53) and wrap into their dtype.
 */
import { AttributeReader } from '../attribute-reader.js';
import type { DType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { matrixNumerics } from './templates/compute-precision.js';
import { requireDType, requireInput, requireSameDType } from './templates/elementwise.js';
import { numpyMatmul, resultTensor } from './templates/matrix-product.js';

export const MATRIX_DTYPES: readonly DType[] = ['float64', 'float32', 'float16', 'bfloat16', 'int64', 'int32'];

export const MatMul = defineKernel({
  name: 'MatMul',
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => new AttributeReader('MatMul', raw).done(),
  run: (inputs, _attrs, ctx) => {
    const a = requireInput('MatMul', inputs, 0, 'A');
    const b = requireInput('MatMul', inputs, 1, 'B');
    requireSameDType('MatMul', [a, b], ['A', 'B']);
    requireDType('MatMul', a, 'A', MATRIX_DTYPES);
    const numerics = matrixNumerics(a.dtype, ctx);
    const { values, shape } = numpyMatmul('MatMul', a, b, numerics, a.dtype);
    return [resultTensor(values, shape, a.dtype)];
  },
});
