/**
 * The dtype a host typed array holds, by its type. Uint16Array is read as float16 — the usual
 * meaning in model code; programs holding bfloat16 bits say so explicitly.
 */
import type { DType } from '../../runtime/dtype.js';

export function dtypeOfHostArray(value: ArrayBufferView): DType | undefined {
  if (value instanceof Float32Array) return 'float32';
  if (value instanceof Float64Array) return 'float64';
  if (value instanceof Uint16Array) return 'float16';
  if (value instanceof BigInt64Array) return 'int64';
  if (value instanceof Int32Array) return 'int32';
  if (value instanceof Int16Array) return 'int16';
  if (value instanceof Int8Array) return 'int8';
  if (value instanceof Uint8Array) return 'uint8';
  return undefined;
}
