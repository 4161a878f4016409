/**
 * Plain-data form of a tensor for postMessage / JSON: dtype, shape and contiguous stored
 * elements (structured clone copies typed arrays; JSON gets numbers).
 */
import type { DType, Storage } from './dtype.js';
import { Tensor } from './tensor.js';

export interface TensorData {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly storage: Storage;
}

export function toTensorData(t: Tensor): TensorData {
  const c = t.contiguous();
  const storage = c.storage === t.storage && c.storage.length === c.size ? (c.storage.slice() as Storage) : c.storage;
  return { dtype: t.dtype, shape: [...t.shape], storage };
}

export function fromTensorData(d: TensorData): Tensor {
  return new Tensor(d.storage, d.dtype, d.shape);
}
