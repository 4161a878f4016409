/**
 * Reading aclnn arguments in the first phase: null checks (ACLNN_ERR_PARAM_NULLPTR), live
 * handles, formats the simulation can lay out, dtypes and shapes (ACLNN_ERR_PARAM_INVALID),
 * each failure naming the argument and what was expected.
 */
import type { DType } from '../../runtime/dtype.js';
import { broadcastShapes } from '../../runtime/shape.js';
import { DeviceFault } from '../sim/device-fault.js';
import { dataTypeName, formatName, isPlainFormat } from './acl-dtype.js';
import { AclBoolArray, AclFloatArray, AclIntArray, AclScalar, AclTensor, AclTensorList } from './acl-tensor.js';

function at(site: { file: string; line: number } | undefined): string {
  return site ? ` at ${site.file}:${site.line}` : '';
}

function live<T extends { destroyed: boolean; destroyedAt?: { file: string; line: number }; site?: { file: string; line: number } }>(
  value: unknown,
  name: string,
  cls: abstract new (...args: never[]) => T,
  kind: string,
): T {
  if (!(value instanceof cls)) throw new DeviceFault('invalid-handle', `${name} is not an ${kind}`);
  if (value.destroyed) throw new DeviceFault('invalid-handle', `${name} (${kind} created${at(value.site)}) was destroyed${at(value.destroyedAt)}`);
  return value;
}

/** A required aclTensor argument in a plain (non-tiled) format. */
export function tensorArg(value: unknown, name: string): AclTensor {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${name} is null`);
  const t = live(value, name, AclTensor, 'aclTensor');
  if (!isPlainFormat(t.format)) {
    throw new DeviceFault(
      'not-supported',
      `${name} has format ${formatName(t.format)}: the simulation has no tiled layouts (NC1HWC0, FRACTAL_Z, FRACTAL_NZ, ...); pass the data in ACL_FORMAT_ND`,
    );
  }
  return t;
}

export function optionalTensorArg(value: unknown, name: string): AclTensor | undefined {
  return value === null || value === undefined ? undefined : tensorArg(value, name);
}

export function scalarArg(value: unknown, name: string): AclScalar {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${name} is null`);
  return live(value, name, AclScalar, 'aclScalar');
}

export function intArrayArg(value: unknown, name: string): readonly number[] {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${name} is null`);
  return live(value, name, AclIntArray, 'aclIntArray').values;
}

export function optionalIntArrayArg(value: unknown, name: string): readonly number[] | undefined {
  return value === null || value === undefined ? undefined : intArrayArg(value, name);
}

export function floatArrayArg(value: unknown, name: string): readonly number[] {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${name} is null`);
  return live(value, name, AclFloatArray, 'aclFloatArray').values;
}

export function boolArrayArg(value: unknown, name: string): readonly boolean[] {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${name} is null`);
  return live(value, name, AclBoolArray, 'aclBoolArray').values;
}

export function tensorListArg(value: unknown, name: string): AclTensorList {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${name} is null`);
  const list = live(value, name, AclTensorList, 'aclTensorList');
  list.tensors.forEach((t, i) => tensorArg(t, `${name}[${i}]`));
  return list;
}

export function requireDType(t: AclTensor, name: string, allowed: readonly DType[]): void {
  if (!allowed.includes(t.dtype)) {
    throw new DeviceFault('invalid-value', `${name} is ${dataTypeName(t.dataType)}; supported: ${allowed.join(', ')}`);
  }
}

export function requireSameDType(a: AclTensor, aName: string, b: AclTensor, bName: string): void {
  if (a.dtype !== b.dtype) {
    throw new DeviceFault('invalid-value', `${bName} is ${dataTypeName(b.dataType)} but ${aName} is ${dataTypeName(a.dataType)}: they must match`);
  }
}

export function requireShape(t: AclTensor, name: string, expected: readonly number[]): void {
  if (t.viewDims.length !== expected.length || t.viewDims.some((d, i) => d !== expected[i])) {
    throw new DeviceFault('invalid-value', `${name} has shape [${t.viewDims.join(', ')}] but the result is [${expected.join(', ')}]`);
  }
}

export function requireRank(t: AclTensor, name: string, ranks: readonly number[]): void {
  if (!ranks.includes(t.rank)) throw new DeviceFault('invalid-value', `${name} has ${t.rank} dimensions; expected ${ranks.join(' or ')}`);
}

export function broadcastOf(shapes: readonly (readonly number[])[], what: string): number[] {
  try {
    return broadcastShapes(shapes, what);
  } catch {
    throw new DeviceFault('invalid-value', `${what}: shapes ${shapes.map((s) => `[${s.join(', ')}]`).join(' and ')} do not broadcast`);
  }
}

/** Normalises a dim in [-rank, rank); faults otherwise. */
export function dimArg(dim: number, rank: number, name: string): number {
  const lo = rank === 0 ? -1 : -rank;
  const hi = rank === 0 ? 0 : rank - 1;
  if (!Number.isInteger(dim) || dim < lo || dim > hi) throw new DeviceFault('invalid-value', `${name} = ${dim} is outside [${lo}, ${hi}] for a ${rank}-D tensor`);
  return dim < 0 ? dim + Math.max(rank, 1) : dim;
}

export function finiteArg(value: number, name: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new DeviceFault('invalid-value', `${name} must be a number, got ${String(value)}`);
  return value;
}

export const FLOATS: readonly DType[] = ['float32', 'float16', 'bfloat16'];
export const FLOATS_AND_DOUBLE: readonly DType[] = ['float32', 'float16', 'bfloat16', 'float64'];
