/**
 * aclDataType and aclFormat as the simulation understands them: the element types the
 * reference runtime can hold, and which formats are plain strided layouts. Ascend-private
 * tiled formats (NC1HWC0, FRACTAL_Z, FRACTAL_NZ, ...) store data in blocks whose order the
 * simulation does not model, so operators reject them.
 */
import type { DType } from '../../runtime/dtype.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { DeviceFault } from '../sim/device-fault.js';
import {
  ACL_BF16,
  ACL_BOOL,
  ACL_DOUBLE,
  ACL_FLOAT,
  ACL_FLOAT16,
  ACL_FORMAT_HWCN,
  ACL_FORMAT_NC,
  ACL_FORMAT_NCDHW,
  ACL_FORMAT_NCHW,
  ACL_FORMAT_NCL,
  ACL_FORMAT_ND,
  ACL_FORMAT_NDHWC,
  ACL_FORMAT_NHWC,
  ACL_INT16,
  ACL_INT32,
  ACL_INT64,
  ACL_INT8,
  ACL_UINT8,
} from './constants.generated.js';

const TO_DTYPE: ReadonlyMap<number, DType> = new Map<number, DType>([
  [ACL_FLOAT, 'float32'],
  [ACL_FLOAT16, 'float16'],
  [ACL_BF16, 'bfloat16'],
  [ACL_DOUBLE, 'float64'],
  [ACL_INT8, 'int8'],
  [ACL_INT16, 'int16'],
  [ACL_INT32, 'int32'],
  [ACL_INT64, 'int64'],
  [ACL_UINT8, 'uint8'],
  [ACL_BOOL, 'bool'],
]);

const FROM_DTYPE: ReadonlyMap<DType, number> = new Map([...TO_DTYPE].map(([k, v]) => [v, k]));

function memberName(enumName: string, value: number): string | undefined {
  return loadCatalog().backend('cann').enums.get(enumName)?.spec.members.find((m) => m.value === value)?.name;
}

export function dataTypeName(dataType: number): string {
  return memberName('aclDataType', dataType) ?? `aclDataType(${dataType})`;
}

export function formatName(format: number): string {
  return memberName('aclFormat', format) ?? `aclFormat(${format})`;
}

/** The runtime dtype of an aclDataType; faults for unknown values and types the runtime cannot hold. */
export function dtypeOf(dataType: number): DType {
  const dtype = TO_DTYPE.get(dataType);
  if (dtype) return dtype;
  const name = memberName('aclDataType', dataType);
  if (!name) throw new DeviceFault('invalid-value', `${dataType} is not an aclDataType`);
  throw new DeviceFault('not-supported', `${name} is not simulated: the reference runtime holds ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE, ACL_INT8/16/32/64, ACL_UINT8 and ACL_BOOL`);
}

export function aclDataTypeOf(dtype: DType): number {
  return FROM_DTYPE.get(dtype) as number;
}

const PLAIN_FORMATS: ReadonlySet<number> = new Set([
  ACL_FORMAT_ND,
  ACL_FORMAT_NCHW,
  ACL_FORMAT_NHWC,
  ACL_FORMAT_HWCN,
  ACL_FORMAT_NDHWC,
  ACL_FORMAT_NCDHW,
  ACL_FORMAT_NC,
  ACL_FORMAT_NCL,
]);

export function isKnownFormat(format: number): boolean {
  return memberName('aclFormat', format) !== undefined;
}

export function isPlainFormat(format: number): boolean {
  return PLAIN_FORMATS.has(format);
}
