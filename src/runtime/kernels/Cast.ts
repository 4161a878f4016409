/**
 * Cast (ONNX Cast-25): converts `input` to the dtype named by `to` — an ONNX TensorProto
 * data type number (1 = float32, 10 = float16, ...) or an opbridge dtype name.
 *
 * Conversions are the element codec's: float targets round to nearest even from the exact
 * source value (int64 beyond 2^53 included), integer targets truncate toward zero and wrap
 * modulo 2^bits, bool is `x != 0` (NaN is true). `saturate` and `round_mode` only concern
 * float8 targets, which the runtime has no dtype for; they are accepted and validated.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { DTYPES, allocateStorage, type DType } from '../dtype.js';
import { writeElement } from '../element-codec.js';
import { defineKernel } from '../kernel.js';
import { ONNX_DATA_TYPES } from '../onnx-data-types.js';
import { Tensor } from '../tensor.js';
import { ALL_DTYPES, requireDType, requireInput } from './templates/elementwise.js';

/** Precision (significant bits) of the float formats an int64 can round into. */
const SIGNIFICANT_BITS: Partial<Record<DType, number>> = { float32: 24, float16: 11, bfloat16: 8 };

/** `v` rounded to `bits` significant bits, ties to even, as a number (exact). */
function roundBigInt(v: bigint, bits: number): number {
  const negative = v < 0n;
  const a = negative ? -v : v;
  const length = a.toString(2).length;
  if (length <= bits) return Number(v);
  const shift = BigInt(length - bits);
  let q = a >> shift;
  const rest = a - (q << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  const magnitude = Number(q) * 2 ** (length - bits);
  return negative ? -magnitude : magnitude;
}

/**
 * int64 sources are converted from their exact BigInt value: decoding to a float64 first
 * would round values beyond 2^53 once before the target's own rounding or wrapping.
 */
function castInt64(x: Tensor, to: DType): Tensor {
  const src = x.contiguous();
  const values = src.storage as BigInt64Array;
  const start = src.offset;
  const n = x.size;
  const out = allocateStorage(to, n);
  const bits = SIGNIFICANT_BITS[to];
  for (let i = 0; i < n; i++) {
    const v = values[start + i];
    switch (to) {
      case 'int64':
        (out as BigInt64Array)[i] = v;
        break;
      case 'bool':
        (out as Uint8Array)[i] = v !== 0n ? 1 : 0;
        break;
      case 'int32':
        (out as Int32Array)[i] = Number(BigInt.asIntN(32, v));
        break;
      case 'int16':
        (out as Int16Array)[i] = Number(BigInt.asIntN(16, v));
        break;
      case 'int8':
        (out as Int8Array)[i] = Number(BigInt.asIntN(8, v));
        break;
      case 'uint8':
        (out as Uint8Array)[i] = Number(BigInt.asUintN(8, v));
        break;
      default:
        // float64: BigInt -> Number rounds to nearest even; narrower floats round here once.
        writeElement(out, to, i, bits === undefined ? Number(v) : roundBigInt(v, bits));
    }
  }
  return new Tensor(out, to, x.shape);
}

const SUPPORTED_LIST = Object.entries(ONNX_DATA_TYPES)
  .map(([n, d]) => `${n} (${d})`)
  .join(', ');

export interface CastAttributes {
  readonly to: DType;
}

export const Cast = defineKernel<CastAttributes>({
  name: 'Cast',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Cast', raw);
    const to = reader.dtype('to', undefined, DTYPES);
    if (to === undefined) {
      throw new OpError('Cast', `attribute 'to' is required`, {
        fix: `give an ONNX data type number (${SUPPORTED_LIST}) or a dtype name`,
      });
    }
    reader.int('saturate', 1);
    reader.string('round_mode', 'up', ['up', 'down', 'nearest']);
    reader.done();
    return { to };
  },
  run: (inputs, { to }) => {
    const x = requireInput('Cast', inputs, 0, 'input');
    requireDType('Cast', x, 'input', ALL_DTYPES);
    if (x.dtype === to) return [x.clone()];
    if (x.dtype === 'int64') return [castInt64(x, to)];
    return [Tensor.fromNumbers(x.toFloat64(), x.shape, to)];
  },
});
