/**
 * Host scalars passed by pointer (cuBLAS alpha / beta in the default host pointer mode,
 * cuBLASLt alpha / beta): a plain number, or a one-element host array as C's `&alpha`. The
 * value is read as the call's scale type, as the library reads it.
 */
import { BF16, FP16, roundToFormat } from '../../runtime/numerics/float-format.js';
import { bfloat16BitsToNumber, float16BitsToNumber } from '../../runtime/numerics/half-bits.js';
import { DeviceFault } from '../sim/device-fault.js';
import { isDevicePtr } from '../sim/device-memory.js';

export type ScaleType = 'float64' | 'float32' | 'float16' | 'bfloat16' | 'int32';

export function readHostScalar(value: unknown, what: string, scale: ScaleType): number {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${what} is NULL`);
  if (isDevicePtr(value)) {
    throw new DeviceFault('device-pointer', `${what} is a device pointer, but the pointer mode is host (CUBLAS_POINTER_MODE_HOST): pass the value`);
  }
  let raw: number;
  if (typeof value === 'number') raw = value;
  else if (ArrayBuffer.isView(value) && !(value instanceof DataView) && (value as unknown as ArrayLike<unknown>).length > 0) {
    const first = (value as unknown as ArrayLike<number | bigint>)[0];
    if (value instanceof Uint16Array && (scale === 'float16' || scale === 'bfloat16')) {
      raw = scale === 'float16' ? float16BitsToNumber(first as number) : bfloat16BitsToNumber(first as number);
    } else raw = Number(first);
  } else throw new DeviceFault('invalid-value', `${what} must be a number (or a one-element host array), got ${typeof value}`);
  switch (scale) {
    case 'float64':
      return raw;
    case 'float32':
      return Math.fround(raw);
    case 'float16':
      return roundToFormat(raw, FP16);
    case 'bfloat16':
      return roundToFormat(raw, BF16);
    case 'int32':
      if (!Number.isInteger(raw)) throw new DeviceFault('invalid-value', `${what} must be an integer for an int32 scale type, got ${raw}`);
      return raw | 0;
  }
}
