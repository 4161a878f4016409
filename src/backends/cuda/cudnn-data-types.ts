/**
 * cudnnDataType_t members the reference runtime can hold, as runtime dtypes. The vectorised
 * int8 types, fp8, fp4, 4-bit integers, uint32 and complex types have no runtime dtype and
 * are refused where a tensor of them would be read (CUDNN_STATUS_NOT_SUPPORTED, OB2014).
 */
import type { DType } from '../../runtime/dtype.js';
import {
  CUDNN_DATA_BFLOAT16,
  CUDNN_DATA_BOOLEAN,
  CUDNN_DATA_DOUBLE,
  CUDNN_DATA_FLOAT,
  CUDNN_DATA_HALF,
  CUDNN_DATA_INT32,
  CUDNN_DATA_INT64,
  CUDNN_DATA_INT8,
  CUDNN_DATA_UINT8,
} from './constants.generated.js';
import { isEnumMember, statusName } from './enum-names.js';

const DTYPES: ReadonlyMap<number, DType> = new Map([
  [CUDNN_DATA_FLOAT, 'float32'],
  [CUDNN_DATA_DOUBLE, 'float64'],
  [CUDNN_DATA_HALF, 'float16'],
  [CUDNN_DATA_BFLOAT16, 'bfloat16'],
  [CUDNN_DATA_INT8, 'int8'],
  [CUDNN_DATA_UINT8, 'uint8'],
  [CUDNN_DATA_INT32, 'int32'],
  [CUDNN_DATA_INT64, 'int64'],
  [CUDNN_DATA_BOOLEAN, 'bool'],
]);

export function dtypeOfCudnnType(type: unknown): DType | undefined {
  return typeof type === 'number' ? DTYPES.get(type) : undefined;
}

export function isCudnnDataType(type: unknown): type is number {
  return isEnumMember('cudnnDataType_t', type);
}

/** The member name of a cudnnDataType_t value, for messages. */
export function cudnnTypeName(type: unknown): string {
  return typeof type === 'number' ? statusName('cudnnDataType_t', type) : String(type);
}

/**
 * The dtype host scalars (alpha, beta) and blending are computed in: "float for float and
 * half data, double for double data" (standard cuDNN doc text, unconfirmed in the sources
 * read; catalog notes).
 */
export function scalingDType(data: DType): 'float32' | 'float64' {
  return data === 'float64' ? 'float64' : 'float32';
}
