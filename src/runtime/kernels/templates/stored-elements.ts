/**
 * Moving stored elements without decoding them. Data movement must be exact for every dtype:
 * int64 beyond 2^53 (BigInt64Array), float16/bfloat16 bit patterns including NaN payloads and
 * -0, bool. Copying storage cells of one typed-array class into another of the same class
 * guarantees that; decoding to float64 and re-encoding would not.
 */
import { OpError, formatShape } from '../../../errors.js';
import type { DType, Storage } from '../../dtype.js';
import { encodeFromNumbers } from '../../element-codec.js';
import type { Tensor } from '../../tensor.js';

/** One stored element: a bigint for int64, a number (bits for float16/bfloat16) otherwise. */
export type StoredValue = number | bigint;

/** Storage seen as plain cells, so code can move elements of any dtype. */
type Cells = { [index: number]: StoredValue };

export function cells(storage: Storage): Cells {
  return storage as unknown as Cells;
}

/** Below this length an element loop beats creating a subarray for `set`. */
const BULK_COPY_MIN = 32;

/** dst[dstStart .. dstStart+length) = src[srcStart .. srcStart+length); both of one dtype. */
export function copyRun(dst: Storage, dstStart: number, src: Storage, srcStart: number, length: number): void {
  if (length >= BULK_COPY_MIN) {
    // Both arrays have the same class at run time; the cast only satisfies the type checker.
    (dst as Float64Array).set((src as Float64Array).subarray(srcStart, srcStart + length), dstStart);
    return;
  }
  const d = cells(dst);
  const s = cells(src);
  for (let i = 0; i < length; i++) d[dstStart + i] = s[srcStart + i];
}

/** dst[start .. end) = value. */
export function fillRun(dst: Storage, start: number, end: number, value: StoredValue): void {
  (dst as unknown as { fill(v: StoredValue, start: number, end: number): void }).fill(value, start, end);
}

/** The stored form of `value` in `dtype`, rounded or wrapped as the element codec does. */
export function encodeStored(value: number, dtype: DType): StoredValue {
  return cells(encodeFromNumbers([value], dtype))[0];
}

/** Zero in every dtype is the all-zero bit pattern (+0.0 for the float formats, false for bool). */
export function zeroOf(dtype: DType): StoredValue {
  return dtype === 'int64' ? 0n : 0;
}

/** The stored element of a one-element tensor of `dtype` (e.g. Pad's constant_value). */
export function readStoredScalar(op: string, t: Tensor, name: string, dtype: DType): StoredValue {
  if (t.dtype !== dtype) throw new OpError(op, `input '${name}' must have the data's dtype ${dtype}, got ${t.dtype}`);
  if (t.size !== 1 || t.rank > 1) {
    throw new OpError(op, `input '${name}' must hold a single value, got shape ${formatShape(t.shape)}`);
  }
  return cells(t.storage)[t.offset];
}
