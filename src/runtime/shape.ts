/** Shape arithmetic: sizes, contiguous strides, axis normalisation and NumPy broadcasting. */
import { ShapeError, formatShape } from '../errors.js';

export type Shape = readonly number[];

export function shapeSize(shape: Shape): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

/** Row-major (C order) strides in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i];
  }
  return strides;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}

export function assertValidShape(shape: Shape, context: string): void {
  for (const dim of shape) {
    if (!Number.isInteger(dim) || dim < 0) {
      throw new ShapeError(`${context}: invalid shape ${formatShape(shape)}; dimensions must be non-negative integers`);
    }
  }
}

/** Maps a possibly negative axis into [0, rank); throws naming the op when out of range. */
export function normalizeAxis(axis: number, rank: number, context: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new ShapeError(`${context}: axis ${axis} is out of range for rank ${rank} (valid: ${-rank}..${Math.max(rank - 1, 0)})`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** NumPy broadcasting of any number of shapes. */
export function broadcastShapes(shapes: readonly Shape[], context: string): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (let i = 0; i < rank; i++) {
    let dim = 1;
    for (const shape of shapes) {
      const d = shape[shape.length - rank + i] ?? 1;
      if (d === dim || d === 1) continue;
      if (dim === 1) {
        dim = d;
        continue;
      }
      throw new ShapeError(
        `${context}: shapes ${shapes.map(formatShape).join(' and ')} cannot be broadcast: ` +
          `at dimension ${i - rank} sizes ${dim} and ${d} differ and neither is 1`,
      );
    }
    out[i] = dim;
  }
  return out;
}

/**
 * Strides that read a tensor of `shape` (with `strides`) as if it had `outShape`:
 * broadcast dimensions get stride 0. `shape` must broadcast to `outShape`.
 */
export function broadcastStrides(shape: Shape, strides: readonly number[], outShape: Shape, context: string): number[] {
  const rank = outShape.length;
  if (shape.length > rank) {
    throw new ShapeError(`${context}: cannot broadcast shape ${formatShape(shape)} to lower-rank ${formatShape(outShape)}`);
  }
  const out = new Array<number>(rank).fill(0);
  for (let i = 0; i < rank; i++) {
    const j = i - (rank - shape.length);
    if (j < 0) continue;
    if (shape[j] === outShape[i]) out[i] = shape[j] === 1 ? 0 : strides[j];
    else if (shape[j] === 1) out[i] = 0;
    else {
      throw new ShapeError(
        `${context}: shape ${formatShape(shape)} cannot be broadcast to ${formatShape(outShape)} ` +
          `(dimension ${i} is ${shape[j]}, target ${outShape[i]})`,
      );
    }
  }
  return out;
}

/**
 * For every element of `outShape` in row-major order, the storage index reached through
 * `strides` starting at `offset`. Used to gather strided or broadcast inputs in one pass.
 */
export function stridedIndices(outShape: Shape, strides: readonly number[], offset: number): Int32Array | Float64Array {
  const size = shapeSize(outShape);
  // Float64Array only when an index could exceed int32 (storage of > 2^31 elements).
  const indices = size < 2 ** 31 ? new Int32Array(size) : new Float64Array(size);
  const rank = outShape.length;
  if (size === 0) return indices;
  if (rank === 0) {
    indices[0] = offset;
    return indices;
  }
  const inner = outShape[rank - 1];
  const innerStride = strides[rank - 1];
  const counter = new Array<number>(rank).fill(0);
  let base = offset;
  for (let pos = 0; pos < size; pos += inner) {
    let index = base;
    for (let k = 0; k < inner; k++) {
      indices[pos + k] = index;
      index += innerStride;
    }
    // advance the odometer over the outer dimensions
    for (let d = rank - 2; d >= 0; d--) {
      counter[d]++;
      base += strides[d];
      if (counter[d] < outShape[d]) break;
      base -= strides[d] * outShape[d];
      counter[d] = 0;
    }
  }
  return indices;
}
