/**
 * ONNX TensorProto.DataType codes (onnx/onnx.proto3) of the runtime's dtypes, and the names of
 * the codes it cannot hold. Attributes that name a dtype (Cast `to`, RandomNormal / RandomUniform
 * `dtype`, `stash_type`, `softmax_precision`) take these codes; `AttributeReader.dtype` reads them.
 */
import type { DType } from './dtype.js';

export const ONNX_DATA_TYPES: Readonly<Record<number, DType>> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  16: 'bfloat16',
};

/** ONNX data types the runtime has no dtype for, named for error messages. */
export const UNSUPPORTED_ONNX_DATA_TYPES: Readonly<Record<number, string>> = {
  0: 'UNDEFINED',
  4: 'UINT16',
  8: 'STRING',
  12: 'UINT32',
  13: 'UINT64',
  14: 'COMPLEX64',
  15: 'COMPLEX128',
  17: 'FLOAT8E4M3FN',
  18: 'FLOAT8E4M3FNUZ',
  19: 'FLOAT8E5M2',
  20: 'FLOAT8E5M2FNUZ',
  21: 'UINT4',
  22: 'INT4',
  23: 'FLOAT4E2M1',
  24: 'FLOAT8E8M0',
};

const CODE_OF: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(ONNX_DATA_TYPES).map(([code, d]) => [d, Number(code)]));

/** The ONNX TensorProto code of a dtype. */
export function onnxDataTypeCode(dtype: DType): number {
  return CODE_OF[dtype];
}
