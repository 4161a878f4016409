/**
 * Column-major BLAS operands as device views: a matrix stored column-major with leading
 * dimension ld is the view [rows, cols] with strides [1, ld]; a vector with increment inc is
 * [n] with stride inc. Shared by the ops-blas and blasLt facades.
 */
import type { DType } from '../../runtime/dtype.js';
import { DeviceFault } from '../sim/device-fault.js';
import { deviceTensor } from '../sim/device-tensor.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { SimProcess } from '../sim/sim-process.js';

export function columnMajor(process: SimProcess, ptr: unknown, name: string, dtype: DType, rows: number, cols: number, ld: number): DeviceOperand {
  if (!Number.isInteger(ld) || ld < Math.max(1, rows)) throw new DeviceFault('invalid-value', `ld${name} = ${ld} must be at least max(1, ${rows}) (the stored rows of ${name})`);
  const p = requireDevicePtr(ptr, name);
  return { ptr: p, view: deviceTensor(process, { ptr: p, dtype, shape: [rows, cols], strides: [1, ld] }) };
}

export function strided(process: SimProcess, ptr: unknown, name: string, dtype: DType, shape: readonly number[], strides: readonly number[]): DeviceOperand {
  const p = requireDevicePtr(ptr, name);
  return { ptr: p, view: deviceTensor(process, { ptr: p, dtype, shape, strides }) };
}

export function requireDims(values: Readonly<Record<string, number>>): void {
  for (const [name, v] of Object.entries(values)) {
    if (!Number.isInteger(v) || v < 0) throw new DeviceFault('invalid-value', `${name} must be a non-negative integer, got ${v}`);
  }
}

export function requireIncrement(inc: number, name: string): void {
  if (!Number.isInteger(inc) || inc < 1) throw new DeviceFault('invalid-value', `${name} must be a positive integer (negative increments are not simulated), got ${inc}`);
}
