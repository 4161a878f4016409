/**
 * Attributes shared by the random operators: ONNX `seed` (a float in RandomNormal /
 * RandomUniform, an int in Dropout) to a 64-bit Philox key, the opbridge `offset` (where in
 * the stream the first draw comes from), and the output description (`dtype`, `seed`, `shape`)
 * of the generators.
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

/**
 * The `offset` attribute: the Philox counter offset in 32-bit draws, the unit of
 * `curand_init(seed, subsequence, offset, ...)` (its `skipahead(offset)` skips that many
 * elements) and of PyTorch's philox offset, which PyTorch passes to curand_init unchanged.
 * 0 by default. Attributes are JavaScript numbers, so offsets stop at 2^53 - 1.
 */
export function readPhiloxOffset(op: string, reader: AttributeReader): number {
  const offset = reader.int('offset', 0);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new OpError(op, `attribute 'offset' must be an integer in [0, 2^53), got ${offset}`, {
      fix: 'pass the Philox counter offset in 32-bit draws (0 starts at the beginning of the stream)',
    });
  }
  return offset;
}

export interface RandomTensorAttributes {
  /** Output dtype: ONNX `dtype` (a TensorProto code or a dtype name), float32 by default. */
  readonly dtype: FloatDType;
  readonly seed: number | undefined;
  /** Philox counter offset in 32-bit draws ({@link readPhiloxOffset}). */
  readonly offset: number;
  readonly shape: readonly number[];
}

/** `dtype`, `seed`, `offset` and the required `shape` of RandomNormal / RandomUniform. */
export function readRandomTensorAttributes(op: string, reader: AttributeReader): RandomTensorAttributes {
  const dtype = reader.dtype('dtype', 'float32', FLOAT_DTYPES);
  const seed = reader.float('seed');
  const offset = readPhiloxOffset(op, reader);
  const shape = reader.ints('shape');
  if (!shape) throw new OpError(op, `attribute 'shape' is required`, { fix: 'pass shape, e.g. [2, 3]' });
  assertValidShape(shape, op);
  return { dtype, seed, offset, shape };
}
