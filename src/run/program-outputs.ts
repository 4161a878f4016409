/** Converts what `main()` returned into tensors, with clear errors for anything else. */
import { InputError } from '../errors.js';
import { isDType } from '../runtime/dtype.js';
import { Tensor } from '../runtime/tensor.js';
import type { HostArray } from '../backends/host/program-output.js';
import { dtypeOfHostArray } from '../backends/host/host-array-dtype.js';

function copyOf(data: HostArray): HostArray {
  return data.slice() as HostArray;
}

export function outputTensor(name: string, value: unknown, file: string): Tensor {
  if (value instanceof Tensor) return value.contiguous() === value ? value.clone() : value.contiguous();
  if (ArrayBuffer.isView(value)) {
    const dtype = dtypeOfHostArray(value);
    if (dtype) return new Tensor(copyOf(value as HostArray), dtype, [(value as HostArray).length]);
  }
  if (value && typeof value === 'object' && 'dtype' in value && 'data' in value) {
    const { dtype, data, shape } = value as { dtype: unknown; data: unknown; shape?: number[] };
    if (isDType(dtype) && ArrayBuffer.isView(data)) {
      const arr = copyOf(data as HostArray);
      return new Tensor(arr, dtype, shape ?? [arr.length]);
    }
  }
  throw new InputError(`main() returned an unsupported value for output '${name}'`, {
    location: { file },
    fix: 'return host typed arrays, Tensors, or { dtype, data, shape? } objects by name',
  });
}
