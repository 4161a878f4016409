/**
 * Templates for elementwise kernels, so that a simple operator is a few lines: validation,
 * NumPy broadcasting, decoding, the scalar function and profile-aware output rounding live
 * here once.
 */
import { OpError } from '../../../errors.js';
import type { DType } from '../../dtype.js';
import { isFloatDType } from '../../dtype.js';
import type { KernelContext } from '../../kernel.js';
import { broadcastShapes, broadcastStrides, stridedIndices } from '../../shape.js';
import { Tensor } from '../../tensor.js';
import { decodeToFloat64 } from '../../element-codec.js';

/** Decodes `t` as if broadcast to `shape` (row-major), without materialising a copy of storage. */
export function readBroadcast(t: Tensor, shape: readonly number[], op: string): Float64Array {
  if (t.size === 0 || shape.some((d) => d === 0)) return new Float64Array(0);
  const strides = broadcastStrides(t.shape, t.strides, shape, op);
  return decodeToFloat64(t.storage, t.dtype, stridedIndices(shape, strides, t.offset));
}

/**
 * Rounds freshly computed float64 results the way the profile's half compute does before
 * they are stored as `dtype`: half types computed in float32 first round to float32.
 */
export function finishValues(values: Float64Array, dtype: DType, ctx: KernelContext): Float64Array {
  if ((dtype === 'float16' || dtype === 'bfloat16') && ctx.profile.halfCompute === 'float32') {
    for (let i = 0; i < values.length; i++) values[i] = Math.fround(values[i]);
  }
  return values;
}

export function requireInput(op: string, inputs: readonly (Tensor | undefined)[], index: number, name: string): Tensor {
  const t = inputs[index];
  if (!t) throw new OpError(op, `input ${index} ('${name}') is required`);
  return t;
}

export function requireDType(op: string, t: Tensor, name: string, allowed: readonly DType[]): void {
  if (!allowed.includes(t.dtype)) {
    throw new OpError(op, `input '${name}' has dtype ${t.dtype}; supported: ${allowed.join(', ')}`);
  }
}

export function requireSameDType(op: string, tensors: readonly Tensor[], names: readonly string[]): void {
  const first = tensors[0];
  tensors.forEach((t, i) => {
    if (t.dtype !== first.dtype) {
      throw new OpError(op, `inputs '${names[0]}' (${first.dtype}) and '${names[i]}' (${t.dtype}) must have the same dtype`);
    }
  });
}

export const NUMERIC_DTYPES: readonly DType[] = [
  'float64',
  'float32',
  'float16',
  'bfloat16',
  'int64',
  'int32',
  'int16',
  'int8',
  'uint8',
];
export const FLOAT_ONLY: readonly DType[] = ['float64', 'float32', 'float16', 'bfloat16'];

export interface UnaryOptions {
  readonly dtypes?: readonly DType[];
}

/** out[i] = fn(x[i]) with x's dtype. */
export function unaryMap(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  ctx: KernelContext,
  fn: (x: number) => number,
  options: UnaryOptions = {},
): Tensor {
  const x = requireInput(op, inputs, 0, 'X');
  requireDType(op, x, 'X', options.dtypes ?? FLOAT_ONLY);
  const values = x.toFloat64();
  for (let i = 0; i < values.length; i++) values[i] = fn(values[i]);
  return Tensor.fromNumbers(finishValues(values, x.dtype, ctx), x.shape, x.dtype);
}

export interface BinaryOptions {
  readonly dtypes?: readonly DType[];
  /** Output dtype when it differs from the inputs' (comparisons produce bool). */
  readonly outputDType?: DType;
  /** Integer semantics when inputs are integers (e.g. truncating division). */
  readonly intFn?: (a: number, b: number) => number;
}

/** out = fn(a, b) with NumPy broadcasting; both inputs share one dtype. */
export function binaryMap(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  ctx: KernelContext,
  fn: (a: number, b: number) => number,
  options: BinaryOptions = {},
): Tensor {
  const a = requireInput(op, inputs, 0, 'A');
  const b = requireInput(op, inputs, 1, 'B');
  requireSameDType(op, [a, b], ['A', 'B']);
  requireDType(op, a, 'A', options.dtypes ?? NUMERIC_DTYPES);
  const shape = broadcastShapes([a.shape, b.shape], op);
  const av = readBroadcast(a, shape, op);
  const bv = readBroadcast(b, shape, op);
  const f = !isFloatDType(a.dtype) && options.intFn ? options.intFn : fn;
  const out = new Float64Array(av.length);
  for (let i = 0; i < out.length; i++) out[i] = f(av[i], bv[i]);
  const dtype = options.outputDType ?? a.dtype;
  return Tensor.fromNumbers(finishValues(out, dtype, ctx), shape, dtype);
}
