/**
 * Tensor builders for exactness tests: int64 values beyond 2^53, raw float16 bit patterns
 * (NaN payloads, -0, subnormals, ±Inf), bfloat16 views of the same bits, and seeded random
 * tensors of every dtype for data-movement kernels, which must copy stored elements exactly.
 */
import type { DType } from '../../src/runtime/dtype.js';
import { shapeSize } from '../../src/runtime/shape.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { mulberry32, randomTensor } from './seeded-random.js';

export function int64(values: readonly (number | bigint)[], shape: readonly number[] = [values.length]): Tensor {
  return new Tensor(BigInt64Array.from(values, (v) => BigInt(v)), 'int64', shape);
}

export function int32(values: readonly number[], shape: readonly number[] = [values.length]): Tensor {
  return new Tensor(Int32Array.from(values), 'int32', shape);
}

/** The same 16-bit patterns seen as the other 16-bit float type (shares storage). */
export function reinterpret16(t: Tensor, dtype: 'float16' | 'bfloat16'): Tensor {
  return new Tensor(t.storage, dtype, t.shape, t.strides, t.offset);
}

/** Uniformly random 16-bit patterns as float16: about 3% NaNs with assorted payloads. */
export function randomBits16(shape: readonly number[], seed: number): Tensor {
  const next = mulberry32(seed);
  return new Tensor(Uint16Array.from({ length: shapeSize(shape) }, () => Math.floor(next() * 65536)), 'float16', shape);
}

/** Float16 patterns whose NaNs are all quiet (quiet bit 0x0200 set) or replaced by ±Inf. */
export function tameNaNs16(t: Tensor, nans: 'quiet' | 'none'): Tensor {
  const isNaN16 = (b: number): boolean => (b & 0x7c00) === 0x7c00 && (b & 0x03ff) !== 0;
  const tame = (b: number): number => (!isNaN16(b) ? b : nans === 'quiet' ? b | 0x0200 : b & 0xfc00);
  return new Tensor(Uint16Array.from(t.contiguous().storage as Uint16Array, tame), t.dtype, t.shape);
}

/** int64 values spread over the whole range, most beyond ±2^53. */
export function randomInt64(shape: readonly number[], seed: number): Tensor {
  const next = mulberry32(seed);
  const word = (): bigint => BigInt(Math.floor(next() * 2 ** 32));
  return new Tensor(
    BigInt64Array.from({ length: shapeSize(shape) }, () => BigInt.asIntN(64, (word() << 32n) | word())),
    'int64',
    shape,
  );
}

export interface StoredOptions {
  /**
   * Float16 NaNs: any pattern (default), quiet ones only, or none. ONNX Runtime moves float16
   * through float32 in some kernels (Tile, Trilu: signalling NaNs come out quiet; Pad: NaN
   * payloads are lost); opbridge keeps every pattern, so parity with those kernels is checked
   * on the patterns they preserve and exactness is tested separately.
   */
  readonly nans?: 'any' | 'quiet' | 'none';
}

/** A seeded tensor whose stored elements exercise every bit of `dtype`. */
export function randomStored(shape: readonly number[], dtype: DType, seed: number, options: StoredOptions = {}): Tensor {
  switch (dtype) {
    case 'float16':
      return options.nans && options.nans !== 'any' ? tameNaNs16(randomBits16(shape, seed), options.nans) : randomBits16(shape, seed);
    case 'bfloat16':
      return reinterpret16(randomBits16(shape, seed), 'bfloat16');
    case 'int64':
      return randomInt64(shape, seed);
    case 'int32':
      return randomTensor(shape, dtype, seed, { low: -(2 ** 31), high: 2 ** 31 });
    case 'int16':
      return randomTensor(shape, dtype, seed, { low: -(2 ** 15), high: 2 ** 15 });
    case 'int8':
      return randomTensor(shape, dtype, seed, { low: -128, high: 128 });
    case 'uint8':
      return randomTensor(shape, dtype, seed, { low: 0, high: 256 });
    case 'bool':
      return randomTensor(shape, dtype, seed, { low: 0, high: 2 });
    default:
      return randomTensor(shape, dtype, seed, { low: -1e6, high: 1e6 });
  }
}

/** Data-movement dtypes ONNX Runtime's JS API can carry (bfloat16 is checked via reinterpret16). */
export const ORT_MOVE_DTYPES: readonly DType[] = ['float32', 'float16', 'float64', 'int64', 'int32', 'int8', 'uint8', 'bool'];
