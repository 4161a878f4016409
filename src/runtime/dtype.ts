/**
 * Element types of the reference runtime and their storage.
 *
 * float16 and bfloat16 are stored as raw 16-bit patterns (Uint16Array) so that a tensor
 * holds exactly the bits a device would; int64 uses BigInt64Array so no value is lost.
 */
const FLOAT_TUPLE = ['float64', 'float32', 'float16', 'bfloat16'] as const;
const INT_TUPLE = ['int64', 'int32', 'int16', 'int8', 'uint8'] as const;

/** Every dtype: the floats, the integers, then bool (the order error messages list them in). */
export const DTYPES = [...FLOAT_TUPLE, ...INT_TUPLE, 'bool'] as const;

export type DType = (typeof DTYPES)[number];
export type FloatDType = (typeof FLOAT_TUPLE)[number];
export type IntDType = (typeof INT_TUPLE)[number];

export type Storage =
  | Float64Array
  | Float32Array
  | Uint16Array
  | BigInt64Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint8Array;

export const FLOAT_DTYPES: readonly FloatDType[] = FLOAT_TUPLE;
export const INT_DTYPES: readonly IntDType[] = INT_TUPLE;
/** Every dtype that holds numbers (bool excluded). */
export const NUMERIC_DTYPES: readonly DType[] = [...FLOAT_TUPLE, ...INT_TUPLE];

/** Size of one element in bytes, as on a device. */
export const ITEM_SIZE: Readonly<Record<DType, number>> = {
  float64: 8,
  float32: 4,
  float16: 2,
  bfloat16: 2,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
};

export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && (DTYPES as readonly string[]).includes(value);
}

export function isFloatDType(dtype: DType): dtype is FloatDType {
  return dtype === 'float64' || dtype === 'float32' || dtype === 'float16' || dtype === 'bfloat16';
}

export function isIntDType(dtype: DType): dtype is IntDType {
  return (INT_DTYPES as readonly string[]).includes(dtype);
}

export function allocateStorage(dtype: DType, length: number): Storage {
  switch (dtype) {
    case 'float64':
      return new Float64Array(length);
    case 'float32':
      return new Float32Array(length);
    case 'float16':
    case 'bfloat16':
      return new Uint16Array(length);
    case 'int64':
      return new BigInt64Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'int16':
      return new Int16Array(length);
    case 'int8':
      return new Int8Array(length);
    case 'uint8':
    case 'bool':
      return new Uint8Array(length);
  }
}

/** The storage class a dtype must use; tensors reject mismatched storage at construction. */
export function storageMatchesDType(storage: Storage, dtype: DType): boolean {
  switch (dtype) {
    case 'float64':
      return storage instanceof Float64Array;
    case 'float32':
      return storage instanceof Float32Array;
    case 'float16':
    case 'bfloat16':
      return storage instanceof Uint16Array;
    case 'int64':
      return storage instanceof BigInt64Array;
    case 'int32':
      return storage instanceof Int32Array;
    case 'int16':
      return storage instanceof Int16Array;
    case 'int8':
      return storage instanceof Int8Array;
    case 'uint8':
    case 'bool':
      return storage instanceof Uint8Array;
  }
}
