/**
 * Attributes shared by the random operators: ONNX `seed` (a float in RandomNormal /
 * RandomUniform, an int in Dropout) to a 64-bit Philox key, and the output description
 * (`dtype`, `seed`, `shape`) of the generators.
 */
import { OpError } from '../../errors.js';
import type { AttributeReader } from '../attribute-reader.js';
import { FLOAT_DTYPES, type FloatDType } from '../dtype.js';
import { assertValidShape } from '../shape.js';

const FLOAT64_BITS = new Float64Array(1);
const FLOAT64_WORDS = new BigUint64Array(FLOAT64_BITS.buffer);

/**
 * The Philox key for a seed. Integer seeds map to themselves modulo 2^64 (so seed 42 is the
 * stream `curand_init(42, 0, 0, ...)` gives); other finite seeds use their float64 bit pattern,
 * so distinct fractional seeds give distinct streams.
 */
export function philoxKeyFromSeed(op: string, seed: number): bigint {
  if (!Number.isFinite(seed)) throw new OpError(op, `seed must be a finite number, got ${seed}`);
  if (Number.isInteger(seed)) return BigInt.asUintN(64, BigInt(seed));
  FLOAT64_BITS[0] = seed;
  return FLOAT64_WORDS[0];
}

export interface RandomTensorAttributes {
  /** Output dtype: ONNX `dtype` (a TensorProto code or a dtype name), float32 by default. */
  readonly dtype: FloatDType;
  readonly seed: number | undefined;
  readonly shape: readonly number[];
}

/** `dtype`, `seed` and the required `shape` of RandomNormal / RandomUniform. */
export function readRandomTensorAttributes(op: string, reader: AttributeReader): RandomTensorAttributes {
  const dtype = reader.dtype('dtype', 'float32', FLOAT_DTYPES);
  const seed = reader.float('seed');
  const shape = reader.ints('shape');
  if (!shape) throw new OpError(op, `attribute 'shape' is required`, { fix: 'pass shape, e.g. [2, 3]' });
  assertValidShape(shape, op);
  return { dtype, seed, shape };
}
