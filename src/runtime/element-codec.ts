/**
 * Conversion between stored elements and float64 numbers, the lingua franca of kernels.
 *
 * Encoding follows the conversions a device performs: float targets round to nearest even,
 * integer targets truncate toward zero and wrap modulo 2^bits (C casts on two's complement),
 * bool is `value != 0`. NaN and ±Inf into an integer type become 0 for int8..int32 and
 * INT64_MIN for int64 (x86 "integer indefinite"), a documented choice for undefined behaviour.
 */
import type { DType, Storage } from './dtype.js';
import { allocateStorage } from './dtype.js';
import {
  bfloat16BitsToNumber,
  float16DecodeTable,
  numberToBfloat16Bits,
  numberToFloat16Bits,
} from './numerics/half-bits.js';

const INT64_MIN = -(2n ** 63n);

/** Reads element `index` of `storage` as a number. */
export function readElement(storage: Storage, dtype: DType, index: number): number {
  switch (dtype) {
    case 'float16':
      return float16DecodeTable()[(storage as Uint16Array)[index]];
    case 'bfloat16':
      return bfloat16BitsToNumber((storage as Uint16Array)[index]);
    case 'int64':
      return Number((storage as BigInt64Array)[index]);
    default:
      return (storage as Exclude<Storage, BigInt64Array>)[index];
  }
}

/** Writes `value` into element `index`, converting as the dtype requires. */
export function writeElement(storage: Storage, dtype: DType, index: number, value: number): void {
  switch (dtype) {
    case 'float64':
    case 'float32':
      (storage as Float64Array | Float32Array)[index] = value;
      return;
    case 'float16':
      (storage as Uint16Array)[index] = numberToFloat16Bits(value);
      return;
    case 'bfloat16':
      (storage as Uint16Array)[index] = numberToBfloat16Bits(value);
      return;
    case 'int64':
      (storage as BigInt64Array)[index] = toInt64(value);
      return;
    case 'bool':
      (storage as Uint8Array)[index] = value !== 0 ? 1 : 0;
      return;
    default:
      // Typed-array stores apply ToInt32-style wrapping; truncate first so 2.7 -> 2, -2.7 -> -2.
      (storage as Int32Array)[index] = Number.isFinite(value) ? Math.trunc(value) : 0;
  }
}

export function toInt64(value: number): bigint {
  if (!Number.isFinite(value)) return INT64_MIN;
  const truncated = BigInt(Math.trunc(value));
  return BigInt.asIntN(64, truncated);
}

/** Decodes `indices` of `storage` (or all of it) into a new Float64Array. */
export function decodeToFloat64(storage: Storage, dtype: DType, indices?: ArrayLike<number>): Float64Array {
  const n = indices ? indices.length : storage.length;
  const out = new Float64Array(n);
  if (dtype === 'float16') {
    const table = float16DecodeTable();
    const bits = storage as Uint16Array;
    if (indices) for (let i = 0; i < n; i++) out[i] = table[bits[indices[i]]];
    else for (let i = 0; i < n; i++) out[i] = table[bits[i]];
    return out;
  }
  if (dtype === 'bfloat16' || dtype === 'int64') {
    if (indices) for (let i = 0; i < n; i++) out[i] = readElement(storage, dtype, indices[i]);
    else for (let i = 0; i < n; i++) out[i] = readElement(storage, dtype, i);
    return out;
  }
  const plain = storage as Exclude<Storage, BigInt64Array>;
  if (indices) for (let i = 0; i < n; i++) out[i] = plain[indices[i]];
  else out.set(plain);
  return out;
}

/** Encodes numbers into new storage of `dtype`. */
export function encodeFromNumbers(values: ArrayLike<number>, dtype: DType): Storage {
  const n = values.length;
  const storage = allocateStorage(dtype, n);
  if (dtype === 'float64' || dtype === 'float32') {
    // Native stores round float64 -> float32 to nearest even.
    (storage as Float64Array | Float32Array).set(values);
    return storage;
  }
  for (let i = 0; i < n; i++) writeElement(storage, dtype, i, values[i]);
  return storage;
}

/** Rounds a number to what `dtype` can hold, without storing it. */
export function roundToDType(value: number, dtype: DType): number {
  const storage = allocateStorage(dtype, 1);
  writeElement(storage, dtype, 0, value);
  return readElement(storage, dtype, 0);
}
