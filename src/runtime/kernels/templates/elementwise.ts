/**
 * Templates for elementwise kernels, so that a simple operator is a few lines: validation,
 * NumPy broadcasting, decoding, the scalar function and profile-aware output rounding live
 * here once.
 */
import { OpError } from '../../../errors.js';
import type { DType } from '../../dtype.js';
import { DTYPES, FLOAT_DTYPES, NUMERIC_DTYPES, isFloatDType } from '../../dtype.js';
import type { KernelContext } from '../../kernel.js';
import { broadcastShapes, broadcastStrides, shapesEqual, stridedIndices } from '../../shape.js';
import { Tensor } from '../../tensor.js';
import { decodeToFloat64 } from '../../element-codec.js';
import { finishValues } from './compute-precision.js';

/** Decodes `t` as if broadcast to `shape` (row-major), without materialising a copy of storage. */
export function readBroadcast(t: Tensor, shape: readonly number[], op: string): Float64Array {
  if (t.size === 0 || shape.some((d) => d === 0)) return new Float64Array(0);
  if (shapesEqual(t.shape, shape)) return t.toFloat64();
  const strides = broadcastStrides(t.shape, t.strides, shape, op);
  return decodeToFloat64(t.storage, t.dtype, stridedIndices(shape, strides, t.offset));
}

export interface BroadcastOperands {
  /** The NumPy-broadcast shape of all operands. */
  readonly shape: number[];
  /** Each operand decoded to float64 as if broadcast to `shape`. */
  readonly values: Float64Array[];
}

/** Broadcasts any number of tensors to their common shape and decodes them. */
export function broadcastOperands(op: string, tensors: readonly Tensor[]): BroadcastOperands {
  const shape = broadcastShapes(
    tensors.map((t) => t.shape),
    op,
  );
  return { shape, values: tensors.map((t) => readBroadcast(t, shape, op)) };
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

export { NUMERIC_DTYPES };
/** The float dtypes (unaryMap's default). */
export const FLOAT_ONLY: readonly DType[] = FLOAT_DTYPES;
/** Numeric dtypes that can hold a negative value (ONNX Neg, Relu, Sign). */
export const SIGNED_DTYPES: readonly DType[] = NUMERIC_DTYPES.filter((d) => d !== 'uint8');
/** Every dtype, bool included (Where, Cast). */
export const ALL_DTYPES: readonly DType[] = DTYPES;

export interface UnaryOptions {
  readonly dtypes?: readonly DType[];
  /** The ONNX name of the input, for error messages ('X' unless the spec says 'input'). */
  readonly inputName?: string;
}

/** out[i] = fn(x[i]) with x's dtype. */
export function unaryMap(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  ctx: KernelContext,
  fn: (x: number) => number,
  options: UnaryOptions = {},
): Tensor {
  const name = options.inputName ?? 'X';
  const x = requireInput(op, inputs, 0, name);
  requireDType(op, x, name, options.dtypes ?? FLOAT_ONLY);
  const values = x.toFloat64();
  for (let i = 0; i < values.length; i++) values[i] = fn(values[i]);
  return Tensor.fromNumbers(finishValues(values, x.dtype, ctx), x.shape, x.dtype);
}

export interface BinaryOptions {
  /** Dtypes of the first input (and of the second unless `dtypesB` is given). */
  readonly dtypes?: readonly DType[];
  /**
   * Dtypes of the second input when it may differ from the first (ONNX Pow's exponent);
   * without it both inputs must share one dtype.
   */
  readonly dtypesB?: readonly DType[];
  /** ONNX input names for error messages (default A, B). */
  readonly inputNames?: readonly [string, string];
  /** Output dtype when it differs from the first input's (comparisons produce bool). */
  readonly outputDType?: DType;
  /** Integer semantics when the first input is an integer (e.g. truncating division). */
  readonly intFn?: (a: number, b: number) => number;
}

/** out = fn(a, b) with NumPy broadcasting; the output takes the first input's dtype. */
export function binaryMap(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  ctx: KernelContext,
  fn: (a: number, b: number) => number,
  options: BinaryOptions = {},
): Tensor {
  const [nameA, nameB] = options.inputNames ?? ['A', 'B'];
  const a = requireInput(op, inputs, 0, nameA);
  const b = requireInput(op, inputs, 1, nameB);
  requireDType(op, a, nameA, options.dtypes ?? NUMERIC_DTYPES);
  if (options.dtypesB) requireDType(op, b, nameB, options.dtypesB);
  else requireSameDType(op, [a, b], [nameA, nameB]);
  const {
    shape,
    values: [av, bv],
  } = broadcastOperands(op, [a, b]);
  const f = !isFloatDType(a.dtype) && options.intFn ? options.intFn : fn;
  const out = new Float64Array(av.length);
  for (let i = 0; i < out.length; i++) out[i] = f(av[i], bv[i]);
  const dtype = options.outputDType ?? a.dtype;
  return Tensor.fromNumbers(finishValues(out, dtype, ctx), shape, dtype);
}

export interface VariadicOptions {
  readonly dtypes?: readonly DType[];
  /** ONNX name of the variadic input (Max / Min / Sum / Mean call it data_0). */
  readonly inputName?: string;
}

/**
 * Folds one or more same-dtype tensors, broadcast together, left to right:
 * out = combine(...combine(combine(x0, x1), x2)...). A single input is returned unchanged
 * in value (re-encoded).
 */
export function variadicMap(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  ctx: KernelContext,
  combine: (acc: number, x: number) => number,
  options: VariadicOptions = {},
): Tensor {
  const name = options.inputName ?? 'data_0';
  if (inputs.length === 0) throw new OpError(op, `needs at least one input '${name}'`);
  const tensors = inputs.map((t, i) => requireInput(op, inputs, i, `${name}[${i}]`));
  tensors.forEach((t, i) => requireDType(op, t, `${name}[${i}]`, options.dtypes ?? NUMERIC_DTYPES));
  requireSameDType(
    op,
    tensors,
    tensors.map((_, i) => `${name}[${i}]`),
  );
  const { shape, values } = broadcastOperands(op, tensors);
  const out = values[0];
  for (let k = 1; k < values.length; k++) {
    const next = values[k];
    for (let i = 0; i < out.length; i++) out[i] = combine(out[i], next[i]);
  }
  const dtype = tensors[0].dtype;
  return Tensor.fromNumbers(finishValues(out, dtype, ctx), shape, dtype);
}
