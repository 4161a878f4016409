/**
 * Device memory seen as tensors: a strided, zero-copy Tensor view over an allocation
 * (bounds-checked, so a wrong leading dimension or shape is caught), and writing a result
 * back through such a view.
 */
import type { DType } from '../../runtime/dtype.js';
import { ITEM_SIZE } from '../../runtime/dtype.js';
import { contiguousStrides } from '../../runtime/shape.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from './device-fault.js';
import type { DevicePtr } from './device-memory.js';
import type { SimProcess } from './sim-process.js';

export interface DeviceTensorDesc {
  readonly ptr: DevicePtr;
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** Element strides; row-major contiguous when omitted. */
  readonly strides?: readonly number[];
}

/** Elements spanned from the first to the last element of the view (0 for an empty view). */
export function extentElements(shape: readonly number[], strides: readonly number[]): number {
  if (shape.some((d) => d === 0)) return 0;
  let last = 0;
  shape.forEach((dim, i) => {
    if (strides[i] < 0) throw new DeviceFault('invalid-value', `negative stride ${strides[i]} is not supported`);
    last += (dim - 1) * strides[i];
  });
  return last + 1;
}

export function extentBytes(desc: DeviceTensorDesc): number {
  return extentElements(desc.shape, desc.strides ?? contiguousStrides(desc.shape)) * ITEM_SIZE[desc.dtype];
}

/** A Tensor view sharing device memory; throws DeviceFault when it reaches outside the allocation. */
export function deviceTensor(process: SimProcess, desc: DeviceTensorDesc): Tensor {
  const strides = desc.strides ?? contiguousStrides(desc.shape);
  const count = extentElements(desc.shape, strides);
  const storage = process.memory(desc.ptr.allocation.device).typed(desc.ptr, desc.dtype, count);
  return new Tensor(storage, desc.dtype, desc.shape, strides, 0);
}

/** Writes `value` (same shape and dtype) into the `target` view element by element. */
export function storeInto(target: Tensor, value: Tensor): void {
  if (target.dtype !== value.dtype) {
    throw new DeviceFault('invalid-value', `cannot store ${value.dtype} data into a ${target.dtype} tensor`);
  }
  if (target.shape.length !== value.shape.length || target.shape.some((d, i) => d !== value.shape[i])) {
    throw new DeviceFault('invalid-value', `result shape [${value.shape.join(', ')}] does not match the output view [${target.shape.join(', ')}]`);
  }
  const src = value.contiguous();
  const indices = target.elementIndices();
  const dst = target.storage as unknown as { [i: number]: number | bigint };
  const from = src.storage as unknown as ArrayLike<number | bigint>;
  const base = src.offset;
  for (let i = 0; i < indices.length; i++) dst[indices[i]] = from[base + i];
}
