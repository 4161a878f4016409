/**
 * A strided view over typed-array storage. Views (reshape of contiguous data, permute,
 * slice, expand) share storage and never copy; `contiguous()` copies only when needed.
 */
import { OpError, ShapeError, formatShape } from '../errors.js';
import type { DType, Storage } from './dtype.js';
import { ITEM_SIZE, allocateStorage, isDType, storageMatchesDType } from './dtype.js';
import { decodeToFloat64, encodeFromNumbers, readElement } from './element-codec.js';
import {
  assertValidShape,
  broadcastStrides,
  contiguousStrides,
  normalizeAxis,
  shapeSize,
  stridedIndices,
  type Shape,
} from './shape.js';

export type NestedArray = number | boolean | bigint | NestedArray[];

export class Tensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly storage: Storage;
  readonly size: number;

  constructor(storage: Storage, dtype: DType, shape: Shape, strides?: readonly number[], offset = 0) {
    if (!isDType(dtype)) throw new OpError('Tensor', `unknown dtype ${String(dtype)}`);
    if (!storageMatchesDType(storage, dtype)) {
      throw new OpError('Tensor', `storage ${storage.constructor.name} cannot hold dtype ${dtype}`);
    }
    assertValidShape(shape, 'Tensor');
    this.dtype = dtype;
    this.shape = Object.freeze([...shape]);
    this.strides = Object.freeze(strides ? [...strides] : contiguousStrides(shape));
    if (this.strides.length !== shape.length) {
      throw new ShapeError(`Tensor: ${this.strides.length} strides given for shape ${formatShape(shape)}`);
    }
    this.offset = offset;
    this.storage = storage;
    this.size = shapeSize(shape);
    if (this.size > 0) {
      let max = offset;
      let min = offset;
      shape.forEach((dim, i) => {
        const reach = (dim - 1) * this.strides[i];
        if (reach > 0) max += reach;
        else min += reach;
      });
      if (min < 0 || max >= storage.length) {
        throw new ShapeError(
          `Tensor: view shape ${formatShape(shape)} strides ${formatShape(this.strides)} offset ${offset} ` +
            `reaches outside storage of ${storage.length} elements`,
        );
      }
    }
  }

  static zeros(shape: Shape, dtype: DType = 'float32'): Tensor {
    return new Tensor(allocateStorage(dtype, shapeSize(shape)), dtype, shape);
  }

  /** A contiguous tensor holding `values` converted to `dtype`. */
  static fromNumbers(values: ArrayLike<number>, shape: Shape, dtype: DType): Tensor {
    if (values.length !== shapeSize(shape)) {
      throw new ShapeError(`Tensor: ${values.length} values do not fill shape ${formatShape(shape)} (${shapeSize(shape)} elements)`);
    }
    return new Tensor(encodeFromNumbers(values, dtype), dtype, shape);
  }

  get rank(): number {
    return this.shape.length;
  }

  get itemSize(): number {
    return ITEM_SIZE[this.dtype];
  }

  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.rank - 1; i >= 0; i--) {
      if (this.shape[i] !== 1 && this.strides[i] !== expected) return false;
      expected *= this.shape[i];
    }
    return true;
  }

  /** Storage index of a multi-dimensional index. */
  indexOf(index: readonly number[]): number {
    if (index.length !== this.rank) {
      throw new ShapeError(`Tensor.at: ${index.length} indices for a rank-${this.rank} tensor ${formatShape(this.shape)}`);
    }
    let position = this.offset;
    for (let i = 0; i < index.length; i++) {
      const idx = index[i];
      if (!Number.isInteger(idx) || idx < 0 || idx >= this.shape[i]) {
        throw new ShapeError(`Tensor.at: index ${idx} out of range for dimension ${i} of ${formatShape(this.shape)}`);
      }
      position += idx * this.strides[i];
    }
    return position;
  }

  /** One element as a number. */
  at(...index: number[]): number {
    return readElement(this.storage, this.dtype, this.indexOf(index));
  }

  /** Storage indices of all elements in row-major order. */
  elementIndices(): Int32Array | Float64Array {
    return stridedIndices(this.shape, this.strides, this.offset);
  }

  /** All elements, row-major, decoded to float64. */
  toFloat64(): Float64Array {
    if (this.isContiguous() && this.offset === 0 && this.size === this.storage.length) {
      return decodeToFloat64(this.storage, this.dtype);
    }
    return decodeToFloat64(this.storage, this.dtype, this.elementIndices());
  }

  /** All elements, row-major, as plain numbers. */
  toFlatArray(): number[] {
    return Array.from(this.toFloat64());
  }

  /** Nested arrays in row-major order (a scalar for rank 0); bool becomes boolean. */
  toArray(): NestedArray {
    const flat = this.toFloat64();
    const convert = (v: number): number | boolean => (this.dtype === 'bool' ? v !== 0 : v);
    if (this.rank === 0) return convert(flat[0]);
    let position = 0;
    const build = (dim: number): NestedArray[] => {
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[dim]; i++) {
        out.push(dim === this.rank - 1 ? convert(flat[position++]) : build(dim + 1));
      }
      return out;
    };
    return build(0);
  }

  /** A contiguous copy of this view's storage (encoded, not decoded). */
  contiguous(): Tensor {
    if (this.isContiguous()) {
      if (this.offset === 0 && this.size === this.storage.length) return this;
      return new Tensor(this.storage.slice(this.offset, this.offset + this.size) as Storage, this.dtype, this.shape);
    }
    const out = allocateStorage(this.dtype, this.size);
    const indices = this.elementIndices();
    if (out instanceof BigInt64Array) {
      const src = this.storage as BigInt64Array;
      for (let i = 0; i < indices.length; i++) out[i] = src[indices[i]];
    } else {
      const src = this.storage as Exclude<Storage, BigInt64Array>;
      const dst = out as Exclude<Storage, BigInt64Array>;
      for (let i = 0; i < indices.length; i++) dst[i] = src[indices[i]];
    }
    return new Tensor(out, this.dtype, this.shape);
  }

  clone(): Tensor {
    const c = this.contiguous();
    return c === this ? new Tensor(this.storage.slice() as Storage, this.dtype, this.shape) : c;
  }

  /**
   * Same elements, new shape (one dimension may be -1). A view when the data is contiguous,
   * otherwise a contiguous copy, as in PyTorch's `reshape`.
   */
  reshape(shape: readonly number[]): Tensor {
    const resolved = resolveReshape(this.shape, shape);
    const source = this.contiguous();
    return new Tensor(source.storage, this.dtype, resolved, undefined, source.offset);
  }

  /** Reorders dimensions; `perm[i]` is the source dimension of output dimension i. */
  permute(perm: readonly number[]): Tensor {
    if (perm.length !== this.rank || new Set(perm).size !== perm.length) {
      throw new ShapeError(`Tensor.permute: [${perm.join(', ')}] is not a permutation of ${this.rank} dimensions`);
    }
    const axes = perm.map((p) => normalizeAxis(p, this.rank, 'Tensor.permute'));
    return new Tensor(
      this.storage,
      this.dtype,
      axes.map((a) => this.shape[a]),
      axes.map((a) => this.strides[a]),
      this.offset,
    );
  }

  /** Swaps two dimensions (the last two by default). */
  transpose(dim0 = -2, dim1 = -1): Tensor {
    const a = normalizeAxis(dim0, this.rank, 'Tensor.transpose');
    const b = normalizeAxis(dim1, this.rank, 'Tensor.transpose');
    const perm = this.shape.map((_, i) => i);
    perm[a] = b;
    perm[b] = a;
    return this.permute(perm);
  }

  /** Elements start, start+step, ... below end along `dim` (Python slice semantics, step > 0). */
  slice(dim: number, start: number, end: number = this.shape[normalizeAxis(dim, this.rank, 'Tensor.slice')], step = 1): Tensor {
    const d = normalizeAxis(dim, this.rank, 'Tensor.slice');
    if (!Number.isInteger(step) || step <= 0) throw new ShapeError(`Tensor.slice: step must be a positive integer, got ${step}`);
    const size = this.shape[d];
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
    const s = clamp(start);
    const e = clamp(end);
    const length = e > s ? Math.ceil((e - s) / step) : 0;
    const shape = [...this.shape];
    const strides = [...this.strides];
    shape[d] = length;
    strides[d] = this.strides[d] * step;
    return new Tensor(this.storage, this.dtype, shape, strides, length > 0 ? this.offset + s * this.strides[d] : this.offset);
  }

  /** Broadcasts to `shape` (NumPy rules) without copying: expanded dimensions get stride 0. */
  expand(shape: readonly number[]): Tensor {
    const strides = broadcastStrides(this.shape, this.strides, shape, 'Tensor.expand');
    return new Tensor(this.storage, this.dtype, shape, strides, this.offset);
  }

  /** Inserts a dimension of size 1 at `dim`. */
  unsqueeze(dim: number): Tensor {
    const d = normalizeAxis(dim, this.rank + 1, 'Tensor.unsqueeze');
    const shape = [...this.shape];
    const strides = [...this.strides];
    shape.splice(d, 0, 1);
    strides.splice(d, 0, d < this.rank ? this.strides[d] * this.shape[d] : 1);
    return new Tensor(this.storage, this.dtype, shape, strides, this.offset);
  }

  toString(): string {
    return `Tensor(${this.dtype}, ${formatShape(this.shape)})`;
  }
}

function resolveReshape(from: Shape, to: readonly number[]): number[] {
  const size = shapeSize(from);
  const inferred = to.filter((d) => d === -1).length;
  if (inferred > 1) throw new ShapeError(`Tensor.reshape: at most one -1 allowed in ${formatShape(to)}`);
  const known = to.reduce((acc, d) => (d === -1 ? acc : acc * d), 1);
  const shape = to.map((d) => {
    if (d !== -1) return d;
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`Tensor.reshape: cannot infer -1 reshaping ${formatShape(from)} to ${formatShape(to)}`);
    }
    return size / known;
  });
  assertValidShape(shape, 'Tensor.reshape');
  if (shapeSize(shape) !== size) {
    throw new ShapeError(`Tensor.reshape: cannot reshape ${formatShape(from)} (${size} elements) to ${formatShape(to)} (${shapeSize(shape)} elements)`);
  }
  return shape;
}
