/** `tensor(data, shape, dtype)`: the friendly constructor exported from the package root. */
import { ShapeError, formatShape } from '../errors.js';
import type { DType } from './dtype.js';
import { Tensor, type NestedArray } from './tensor.js';
import { shapeSize } from './shape.js';

type FlatData = ArrayLike<number> | readonly boolean[] | readonly bigint[] | BigInt64Array;

/**
 * Builds a tensor from nested arrays, a flat array or a typed array (values are converted
 * to `dtype`; float16/bfloat16 round to nearest even). Without `shape`, nested data gives
 * its own shape and flat data is 1-D.
 */
export function tensor(data: NestedArray | FlatData, shape?: readonly number[], dtype: DType = 'float32'): Tensor {
  const { values, inferredShape } = flatten(data);
  const finalShape = shape ?? inferredShape;
  if (values.length !== shapeSize(finalShape)) {
    throw new ShapeError(
      `tensor: ${values.length} values do not match shape ${formatShape(finalShape)} (${shapeSize(finalShape)} elements)`,
    );
  }
  return Tensor.fromNumbers(values, finalShape, dtype);
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  throw new ShapeError(`tensor: unsupported element ${String(v)} (${typeof v})`);
}

function flatten(data: NestedArray | FlatData): { values: ArrayLike<number>; inferredShape: number[] } {
  if (ArrayBuffer.isView(data)) {
    const typed = data as ArrayLike<number | bigint>;
    const values = typed instanceof BigInt64Array ? Array.from(typed, Number) : (typed as ArrayLike<number>);
    return { values, inferredShape: [typed.length] };
  }
  if (!Array.isArray(data)) return { values: [toNumber(data)], inferredShape: [] };
  const inferredShape: number[] = [];
  let level: unknown = data;
  while (Array.isArray(level)) {
    inferredShape.push(level.length);
    level = level[0];
  }
  const values: number[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth === inferredShape.length) {
      values.push(toNumber(node));
      return;
    }
    if (!Array.isArray(node) || node.length !== inferredShape[depth]) {
      throw new ShapeError(`tensor: ragged nested array at depth ${depth} (expected length ${inferredShape[depth]})`);
    }
    for (const child of node) walk(child, depth + 1);
  };
  walk(data, 0);
  return { values, inferredShape };
}
