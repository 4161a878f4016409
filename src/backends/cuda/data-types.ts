/**
 * cudaDataType_t (library_types.h) members the runtime can hold, as runtime dtypes. The
 * others (complex, 4-bit, fp8, unsigned 16/32/64-bit) have no runtime dtype.
 */
import type { DType } from '../../runtime/dtype.js';
import {
  CUDA_R_16BF,
  CUDA_R_16F,
  CUDA_R_16I,
  CUDA_R_32F,
  CUDA_R_32I,
  CUDA_R_64F,
  CUDA_R_64I,
  CUDA_R_8I,
  CUDA_R_8U,
} from './constants.generated.js';
import { statusName } from './enum-names.js';

const DTYPES: ReadonlyMap<number, DType> = new Map([
  [CUDA_R_32F, 'float32'],
  [CUDA_R_64F, 'float64'],
  [CUDA_R_16F, 'float16'],
  [CUDA_R_16BF, 'bfloat16'],
  [CUDA_R_8I, 'int8'],
  [CUDA_R_8U, 'uint8'],
  [CUDA_R_16I, 'int16'],
  [CUDA_R_32I, 'int32'],
  [CUDA_R_64I, 'int64'],
]);

export function dtypeOfCudaType(type: unknown): DType | undefined {
  return typeof type === 'number' ? DTYPES.get(type) : undefined;
}

/** The member name of a cudaDataType_t value, for messages. */
export function cudaTypeName(type: unknown): string {
  return typeof type === 'number' ? statusName('cudaDataType_t', type) : String(type);
}
