/**
 * Reading described tensors in the shapes the canonical operators take, without copying:
 * the trailing axes of a view flattened into one (INSTANCE softmax over C·H·W,
 * PER_ACTIVATION batch norm over C·H·W), and the memory order of a descriptor (transforms).
 */
import { Tensor } from '../../runtime/tensor.js';

/** The axes `from`.. of a view in memory order, outermost first (NHWC data: H, W, C). */
export function trailingMemoryOrder(view: Tensor, from: number): number[] {
  const axes = Array.from({ length: view.rank - from }, (_, i) => from + i);
  return axes.sort((a, b) => view.strides[b] - view.strides[a] || a - b);
}

/** The natural order of the axes `from`.. (C, H, W). */
export function trailingAxes(view: Tensor, from: number): number[] {
  return Array.from({ length: view.rank - from }, (_, i) => from + i);
}

/**
 * Axes `from`.. of `view`, visited in `order`, as one axis — when the memory allows it as a
 * view (those axes are packed in that order); undefined otherwise.
 */
export function flattenAxes(view: Tensor, from: number, order: readonly number[]): Tensor | undefined {
  const perm = [...Array.from({ length: from }, (_, i) => i), ...order];
  const p = view.permute(perm);
  let expected = 1;
  for (let i = view.rank - 1; i >= from; i--) {
    if (p.shape[i] !== 1 && p.strides[i] !== expected) return undefined;
    expected *= p.shape[i];
  }
  return new Tensor(p.storage, p.dtype, [...p.shape.slice(0, from), expected], [...p.strides.slice(0, from), 1], p.offset);
}

/** A contiguous result of a flattened shape back in the original shape and axis order. */
export function unflatten(result: Tensor, shape: readonly number[], from: number, order: readonly number[]): Tensor {
  const perm = [...Array.from({ length: from }, (_, i) => i), ...order];
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return result.reshape([...shape.slice(0, from), ...order.map((a) => shape[a])]).permute(inverse);
}

/** The axes in memory order, outermost first (largest stride first; ties keep axis order). */
export function memoryOrder(strides: readonly number[]): number[] {
  return strides.map((_, i) => i).sort((a, b) => strides[b] - strides[a] || a - b);
}

export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
