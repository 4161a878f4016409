/**
 * ONNX attributes that name a float dtype by its TensorProto code (`stash_type`,
 * `softmax_precision`): 1 = float32, 10 = float16, 11 = float64, 16 = bfloat16.
 */
import { OpError } from '../../../errors.js';
import type { FloatDType } from '../../dtype.js';

const FLOAT_DTYPE_BY_CODE: Readonly<Record<number, FloatDType>> = {
  1: 'float32',
  10: 'float16',
  11: 'float64',
  16: 'bfloat16',
};

const CODE_BY_FLOAT_DTYPE: Readonly<Record<FloatDType, number>> = {
  float32: 1,
  float16: 10,
  float64: 11,
  bfloat16: 16,
};

/** The dtype of an ONNX TensorProto code, restricted to `allowed`; throws naming the op. */
export function floatDTypeFromCode(op: string, attribute: string, code: number, allowed: readonly FloatDType[]): FloatDType {
  const dtype = FLOAT_DTYPE_BY_CODE[code];
  if (!dtype || !allowed.includes(dtype)) {
    const accepted = allowed.map((d) => `${CODE_BY_FLOAT_DTYPE[d]} (${d})`).join(', ');
    throw new OpError(op, `attribute '${attribute}' must be one of ${accepted}, got ${code}`, {
      fix: `use an ONNX TensorProto code from: ${accepted}`,
    });
  }
  return dtype;
}
