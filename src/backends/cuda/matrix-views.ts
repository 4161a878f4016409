/**
 * BLAS-style operands as zero-copy views over device memory: a rows×cols matrix stored
 * column-major (element (i, j) at i + j·ld, cuBLAS's layout) or row-major (i·ld + j, a
 * cuBLASLt CUBLASLT_ORDER_ROW layout), and a strided vector. The views are bounds-checked,
 * so a leading dimension that reaches past the allocation is an out-of-bounds access.
 */
import type { DType } from '../../runtime/dtype.js';
import { ITEM_SIZE } from '../../runtime/dtype.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { deviceTensor } from '../sim/device-tensor.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { SimProcess } from '../sim/sim-process.js';

export type MatrixOrder = 'column' | 'row';

export interface MatrixSpec {
  /** The argument's name, for messages ("A", "B", "C"). */
  readonly what: string;
  readonly ptr: DevicePtr;
  readonly dtype: DType;
  readonly rows: number;
  readonly cols: number;
  readonly ld: number;
  readonly order: MatrixOrder;
}

/** The matrix as a [rows, cols] tensor view. */
export function matrixOperand(process: SimProcess, spec: MatrixSpec): DeviceOperand {
  const strides = spec.order === 'column' ? [1, spec.ld] : [spec.ld, 1];
  return {
    ptr: spec.ptr,
    view: described(`${spec.what} (${spec.rows}×${spec.cols} ${spec.dtype}, ${spec.order}-major, leading dimension ${spec.ld})`, () =>
      deviceTensor(process, { ptr: spec.ptr, dtype: spec.dtype, shape: [spec.rows, spec.cols], strides }),
    ),
  };
}

/** n elements `inc` apart, as an [n] view (or [n, 1] for a one-column matrix). */
export function vectorOperand(process: SimProcess, what: string, ptr: DevicePtr, dtype: DType, n: number, inc: number, asColumn = false): DeviceOperand {
  const shape = asColumn ? [n, 1] : [n];
  const strides = asColumn ? [inc, 1] : [inc];
  return { ptr, view: described(`${what} (${n} ${dtype} elements, increment ${inc})`, () => deviceTensor(process, { ptr, dtype, shape, strides })) };
}

/** Prefixes a memory fault with the operand it happened in. */
function described<T>(operand: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof DeviceFault) throw new DeviceFault(error.kind, `${operand}: ${error.message}`);
    throw error;
  }
}

/** `ptr + index * stride` elements (a batch member's matrix). */
export function offsetElements(ptr: DevicePtr, dtype: DType, elements: number): DevicePtr {
  return ptr.plus(elements * ITEM_SIZE[dtype]);
}
