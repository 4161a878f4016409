/**
 * Clip (ONNX Clip-13): min(max(input, min), max) with optional scalar bounds. Absent bounds
 * are the dtype's lowest and largest finite values (numeric_limits::lowest() / max(), as
 * ONNX specifies), so ±Inf inputs of a float dtype clip to its finite extremes. As in ONNX
 * Runtime: a NaN input stays NaN, a NaN bound is ignored, and when min > max every element
 * becomes max.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import type { DType } from '../dtype.js';
import { BF16, FP16, FP32, maxFinite } from '../numerics/float-format.js';
import type { Tensor } from '../tensor.js';
import { NUMERIC_DTYPES, requireInput, requireSameDType, unaryMap } from './templates/elementwise.js';

/** The largest finite value of a float dtype; integers cannot exceed their range anyway. */
const LARGEST: Partial<Record<DType, number>> = {
  float64: Number.MAX_VALUE,
  float32: maxFinite(FP32),
  float16: maxFinite(FP16),
  bfloat16: maxFinite(BF16),
};

/** A bound's value; ONNX asks for a scalar, ONNX Runtime also takes shape [1]. */
function boundValue(bound: Tensor | undefined, name: string, fallback: number): number {
  if (!bound) return fallback;
  if (!(bound.rank === 0 || (bound.rank === 1 && bound.shape[0] === 1))) {
    throw new OpError('Clip', `input '${name}' must be a scalar (shape [] or [1]), got shape ${formatShape(bound.shape)}`);
  }
  return bound.toFloat64()[0];
}

export const Clip = defineKernel({
  name: 'Clip',
  inputs: { min: 1, max: 3 },
  parseAttributes: (raw) => new AttributeReader('Clip', raw).done(),
  run: (inputs, _attrs, ctx) => {
    const input = requireInput('Clip', inputs, 0, 'input');
    const [, min, max] = inputs;
    if (min) requireSameDType('Clip', [input, min], ['input', 'min']);
    if (max) requireSameDType('Clip', [input, max], ['input', 'max']);
    const largest = LARGEST[input.dtype] ?? Infinity;
    const lo = boundValue(min, 'min', -largest);
    const hi = boundValue(max, 'max', largest);
    const clip = (x: number): number => {
      let v = x;
      if (v < lo) v = lo;
      if (v > hi) v = hi;
      return v;
    };
    return [unaryMap('Clip', inputs, ctx, clip, { dtypes: NUMERIC_DTYPES, inputName: 'input' })];
  },
});
