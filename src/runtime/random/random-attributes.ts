/**
 * Attribute handling shared by the random operators: ONNX `seed` (a float in RandomNormal /
 * RandomUniform, an int in Dropout) to a 64-bit Philox key, and ONNX `dtype` codes.
 */
import { OpError } from '../../errors.js';
import type { AttributeReader } from '../attribute-reader.js';
import type { DType } from '../dtype.js';
import type { RawAttributes } from '../kernel.js';

/** ONNX TensorProto.DataType codes of the dtypes the runtime has (onnx/onnx.proto3). */
export const ONNX_DATA_TYPE: Readonly<Record<number, DType>> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  16: 'bfloat16',
};

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
 * Reads an output `dtype` attribute given as an ONNX TensorProto code (1 = float) or as an
 * opbridge dtype name ('float32'), and checks it against `allowed`.
 */
export function readDTypeAttribute(
  op: string,
  reader: AttributeReader,
  raw: RawAttributes,
  fallback: DType,
  allowed: readonly DType[],
): DType {
  const given = raw.dtype;
  let dtype: DType | undefined;
  if (typeof given === 'string') {
    dtype = reader.string<DType>('dtype', fallback, allowed);
  } else {
    const code = reader.int('dtype');
    dtype = code === undefined ? fallback : ONNX_DATA_TYPE[code];
    if (dtype === undefined) {
      throw new OpError(op, `attribute 'dtype' is ONNX data type ${code}, which the runtime does not have`, {
        fix: `use one of ${allowed.map((d) => `${onnxCode(d)} (${d})`).join(', ')}`,
      });
    }
  }
  if (!allowed.includes(dtype)) {
    throw new OpError(op, `attribute 'dtype' selects ${dtype}; supported: ${allowed.join(', ')}`);
  }
  return dtype;
}

function onnxCode(dtype: DType): string {
  return Object.entries(ONNX_DATA_TYPE).find(([, d]) => d === dtype)?.[0] ?? '?';
}
