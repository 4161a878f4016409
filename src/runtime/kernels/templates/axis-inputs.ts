/**
 * Integer control inputs — axes, shapes, pads, starts/ends/steps, K, repeats, split sizes —
 * and axis normalisation for the reduction and data-movement kernels. Errors name the
 * operator, the input, the data shape and the accepted range, so the user knows what to change.
 */
import { OpError, formatShape } from '../../../errors.js';
import type { DType } from '../../dtype.js';
import type { Tensor } from '../../tensor.js';

export type IndexDType = 'int64' | 'int32';

export interface IntegerInputOptions {
  /** Accepted element types (ONNX uses int64 for most control inputs). */
  readonly dtypes?: readonly IndexDType[];
  /**
   * Accept magnitudes beyond 2^53 (rounded to the nearest double). Only for inputs that are
   * clamped anyway, such as Slice's INT64_MAX "to the end" idiom.
   */
  readonly allowHuge?: boolean;
}

function checkIndexDType(op: string, t: Tensor, name: string, dtypes: readonly IndexDType[]): void {
  if (!(dtypes as readonly DType[]).includes(t.dtype)) {
    throw new OpError(op, `input '${name}' must be ${dtypes.join(' or ')}, got ${t.dtype}`);
  }
}

function readElements(op: string, t: Tensor, name: string, allowHuge: boolean): number[] {
  const indices = t.elementIndices();
  const out = new Array<number>(indices.length);
  const storage = t.storage;
  for (let i = 0; i < indices.length; i++) {
    const raw = storage[indices[i]];
    const value = typeof raw === 'bigint' ? Number(raw) : raw;
    if (!allowHuge && !Number.isSafeInteger(value)) {
      throw new OpError(op, `input '${name}' holds ${String(raw)}, beyond the exactly representable range ±2^53`);
    }
    out[i] = value;
  }
  return out;
}

/** All values of an integer tensor of any shape, in row-major order (Gather's indices). */
export function readIntegers(op: string, t: Tensor, name: string, options: IntegerInputOptions = {}): number[] {
  checkIndexDType(op, t, name, options.dtypes ?? ['int64']);
  return readElements(op, t, name, options.allowHuge ?? false);
}

/** The values of a 1-D integer tensor. */
export function readIntegerVector(op: string, t: Tensor, name: string, options: IntegerInputOptions = {}): number[] {
  checkIndexDType(op, t, name, options.dtypes ?? ['int64']);
  if (t.rank !== 1) {
    throw new OpError(op, `input '${name}' must be a 1-D tensor, got shape ${formatShape(t.shape)}`);
  }
  return readElements(op, t, name, options.allowHuge ?? false);
}

/**
 * The value of a single-element integer tensor: 0-D as ONNX specifies, or a one-element
 * 1-D tensor, which exporters commonly emit and ONNX Runtime accepts.
 */
export function readIntegerScalar(op: string, t: Tensor, name: string, options: IntegerInputOptions = {}): number {
  checkIndexDType(op, t, name, options.dtypes ?? ['int64']);
  if (t.size !== 1 || t.rank > 1) {
    throw new OpError(op, `input '${name}' must hold a single value (0-D), got shape ${formatShape(t.shape)}`);
  }
  return readElements(op, t, name, options.allowHuge ?? false)[0];
}

/** Maps `axis` in [-rank, rank-1] to [0, rank-1]. */
export function normalizeAxisOf(op: string, axis: number, shape: readonly number[], what = 'axis'): number {
  const rank = shape.length;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    const range = rank === 0 ? 'none: the data is a scalar' : `${-rank}..${rank - 1}`;
    throw new OpError(op, `${what} ${axis} is out of range for data of shape ${formatShape(shape)} (valid: ${range})`);
  }
  return axis < 0 ? axis + rank : axis;
}

export interface AxesOptions {
  readonly what?: string;
  /** ONNX reductions treat repeated axes as a set; Slice and Pad reject them. */
  readonly allowDuplicates?: boolean;
}

/** Normalises a list of axes; the result keeps the given order (duplicates removed if allowed). */
export function normalizeAxesOf(op: string, axes: readonly number[], shape: readonly number[], options: AxesOptions = {}): number[] {
  const what = options.what ?? 'axes';
  const out: number[] = [];
  for (const axis of axes) {
    const a = normalizeAxisOf(op, axis, shape, `${what} entry`);
    if (out.includes(a)) {
      if (options.allowDuplicates) continue;
      throw new OpError(op, `${what} [${axes.join(', ')}] name axis ${a} more than once (data shape ${formatShape(shape)})`);
    }
    out.push(a);
  }
  return out;
}

/** Output dimensions must be non-negative integers; names the input that produced them. */
export function assertDimensions(op: string, dims: readonly number[], name: string): void {
  const bad = dims.findIndex((d) => !Number.isInteger(d) || d < 0);
  if (bad >= 0) {
    throw new OpError(op, `input '${name}' gives dimension ${dims[bad]} at position ${bad} of ${formatShape(dims)}; dimensions must be >= 0`);
  }
}
