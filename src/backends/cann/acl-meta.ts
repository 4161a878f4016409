/**
 * aclCreateTensor and friends (acl_meta.h). Creation validates what the simulation can know:
 * dims, element strides and offset (non-negative, as the doc requires), that the view stays
 * inside its storage shape and the storage inside the device allocation, and the 32-byte
 * alignment of tensorData the CANN 9.0 doc requires. A failed create returns null, as the C
 * API returns nullptr, with a diagnostic naming the problem.
 */
import { Tensor } from '../../runtime/tensor.js';
import { contiguousStrides } from '../../runtime/shape.js';
import { DeviceFault } from '../sim/device-fault.js';
import { isDevicePtr, type DevicePtr } from '../sim/device-memory.js';
import { isHostMemory } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { cannCall, type AclCallContext } from './acl-call.js';
import { dtypeOf, isKnownFormat, isPlainFormat } from './acl-dtype.js';
import {
  AclBoolArray,
  AclFloatArray,
  AclIntArray,
  AclScalar,
  AclScalarList,
  AclTensor,
  AclTensorList,
} from './acl-tensor.js';
import type { aclDataType, aclFormat, aclnnStatus } from './constants.generated.js';
import { ACLNN_STATUS } from './status-codes.js';

type IntList = readonly number[] | ArrayLike<number> | BigInt64Array;

/** Runs a creator; null (nullptr) when it faults. */
function create<T>(symbol: string, body: (ctx: AclCallContext) => T): T | null {
  let created: T | null = null;
  cannCall(symbol, ACLNN_STATUS, (ctx) => {
    created = body(ctx);
  });
  return created;
}

/** The first `count` entries of a host int64 array, as C reads them. */
function readInts(values: IntList | null | undefined, count: number, what: string): number[] {
  if (!Number.isInteger(count) || count < 0) throw new DeviceFault('invalid-value', `${what} count must be a non-negative integer, got ${count}`);
  if (count === 0) return [];
  if (values === null || values === undefined) throw new DeviceFault('null-pointer', `${what} is null but its count is ${count}`);
  if (values.length < count) throw new DeviceFault('out-of-bounds', `${what} holds ${values.length} values but ${count} are read`);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = Number((values as ArrayLike<number | bigint>)[i]);
    if (!Number.isSafeInteger(v)) throw new DeviceFault('invalid-value', `${what}[${i}] = ${String(v)} is not an integer`);
    out.push(v);
  }
  return out;
}

function requireNonNegative(values: readonly number[], what: string): void {
  const bad = values.findIndex((v) => v < 0);
  if (bad >= 0) throw new DeviceFault('invalid-value', `${what}[${bad}] = ${values[bad]} is negative; ${what} must be non-negative`);
}

export function aclCreateTensor(
  viewDims: IntList | null,
  viewDimsNum: number,
  dataType: aclDataType | number,
  stride: IntList | null,
  offset: number,
  format: aclFormat | number,
  storageDims: IntList | null,
  storageDimsNum: number,
  tensorData: DevicePtr | null,
): AclTensor | null {
  return create('aclCreateTensor', (ctx) => {
    const dims = readInts(viewDims, viewDimsNum, 'viewDims');
    requireNonNegative(dims, 'viewDims');
    const dtype = dtypeOf(dataType);
    // The doc samples pass nullptr strides for contiguous tensors.
    const strides = stride === null || stride === undefined ? contiguousStrides(dims) : readInts(stride, viewDimsNum, 'stride');
    requireNonNegative(strides, 'stride');
    if (!Number.isSafeInteger(offset) || offset < 0) throw new DeviceFault('invalid-value', `offset must be a non-negative number of elements, got ${offset}`);
    if (!isKnownFormat(format)) throw new DeviceFault('invalid-value', `${format} is not an aclFormat`);
    const storage = readInts(storageDims, storageDimsNum, 'storageDims');
    requireNonNegative(storage, 'storageDims');
    let data: DevicePtr | null = null;
    if (tensorData !== null && tensorData !== undefined) {
      if (isHostMemory(tensorData)) throw new DeviceFault('host-pointer', 'tensorData is host memory; aclCreateTensor takes a device address (aclrtMalloc)');
      if (!isDevicePtr(tensorData)) throw new DeviceFault('invalid-value', 'tensorData is not a device pointer');
      if (tensorData.address % 32n !== 0n) {
        throw new DeviceFault('misaligned', `tensorData ${tensorData} is not 32-byte aligned (the aclCreateTensor doc: undefined behaviour otherwise); describe sub-tensors with the element offset instead`);
      }
      data = tensorData;
    }
    const tensor = new AclTensor(dims, dataType, dtype, strides, offset, format, storage, data, ctx.site);
    if (isPlainFormat(format)) checkExtent(ctx, tensor);
    return ctx.process.track(tensor);
  });
}

/** The view must stay inside the storage shape, and the storage inside the device allocation. */
function checkExtent(ctx: AclCallContext, t: AclTensor): void {
  const storageElements = t.storageDims.reduce((a, b) => a * b, 1);
  if (t.numel > 0) {
    const last = t.offset + t.viewDims.reduce((acc, d, i) => acc + (d - 1) * t.strides[i], 0);
    if (last >= storageElements) {
      throw new DeviceFault(
        'out-of-bounds',
        `the view [${t.viewDims.join(', ')}] with strides [${t.strides.join(', ')}] and offset ${t.offset} reaches element ${last}, ` +
          `but the storage [${t.storageDims.join(', ')}] holds ${storageElements} elements`,
      );
    }
  }
  if (t.data && storageElements > 0) {
    ctx.process.memory(t.data.allocation.device).check(t.data, storageElements * t.itemSize);
  }
}

function isType<T>(cls: abstract new (...args: never[]) => T): (x: unknown) => x is T {
  return (x: unknown): x is T => x instanceof cls;
}

function destroy(symbol: string, object: unknown, cls: abstract new (...args: never[]) => AclTensor | AclScalar | AclIntArray | AclFloatArray | AclBoolArray | AclTensorList | AclScalarList): aclnnStatus {
  return cannCall(symbol, ACLNN_STATUS, (ctx) => {
    if (object === null || object === undefined) return; // destroying nullptr does nothing
    if (!(object instanceof cls)) throw new DeviceFault('invalid-handle', `${symbol} expects a ${cls.name.replace(/^Acl/, 'acl')}`);
    if (object.destroyed) {
      const at = object.destroyedAt ? ` at ${object.destroyedAt.file}:${object.destroyedAt.line}` : '';
      throw new DeviceFault('invalid-handle', `${object.kind}${object.site ? ` created at ${object.site.file}:${object.site.line}` : ''} was already destroyed${at}`);
    }
    if (object instanceof AclTensor && object.ownedBy) {
      throw new DeviceFault('invalid-handle', 'this aclTensor belongs to an aclTensorList, which destroys it: destroy only the list');
    }
    const release = (o: AclTensor | AclScalar | AclIntArray | AclFloatArray | AclBoolArray | AclTensorList | AclScalarList): void => {
      o.destroyedAt = ctx.site;
      ctx.process.release(o);
    };
    if (object instanceof AclTensorList) for (const t of object.tensors) if (!t.destroyed) release(t);
    release(object);
  }) as aclnnStatus;
}

export function aclDestroyTensor(tensor: AclTensor | null): aclnnStatus {
  return destroy('aclDestroyTensor', tensor, AclTensor);
}

export function aclCreateScalar(value: number | bigint | boolean | ArrayBufferView | null, dataType: aclDataType | number): AclScalar | null {
  return create('aclCreateScalar', (ctx) => {
    if (value === null || value === undefined) throw new DeviceFault('null-pointer', 'value is null');
    const dtype = dtypeOf(dataType);
    let tensor: Tensor;
    if (ArrayBuffer.isView(value)) {
      const elements = value as unknown as ArrayLike<number | bigint>;
      if (elements.length === undefined || elements.length < 1) throw new DeviceFault('out-of-bounds', 'value points to an empty host buffer');
      // A Uint16Array holds half-precision bits, as host code keeps them.
      if (value instanceof Uint16Array && (dtype === 'float16' || dtype === 'bfloat16')) {
        tensor = new Tensor(Uint16Array.of(value[0]), dtype, []);
      } else {
        tensor = Tensor.fromNumbers([Number(elements[0])], [], dtype);
      }
    } else {
      tensor = Tensor.fromNumbers([typeof value === 'boolean' ? (value ? 1 : 0) : Number(value)], [], dtype);
    }
    return ctx.process.track(new AclScalar(tensor, dataType, ctx.site));
  });
}

export function aclCreateIntArray(value: IntList | null, size: number): AclIntArray | null {
  return create('aclCreateIntArray', (ctx) => ctx.process.track(new AclIntArray(readInts(value, size, 'value'), ctx.site)));
}

export function aclCreateFloatArray(value: ArrayLike<number> | null, size: number): AclFloatArray | null {
  return create('aclCreateFloatArray', (ctx) => {
    if (!Number.isInteger(size) || size < 0) throw new DeviceFault('invalid-value', `size must be a non-negative integer, got ${size}`);
    if (size > 0 && (value === null || value === undefined)) throw new DeviceFault('null-pointer', 'value is null');
    if (size > 0 && (value as ArrayLike<number>).length < size) throw new DeviceFault('out-of-bounds', `value holds ${(value as ArrayLike<number>).length} floats but ${size} are read`);
    const values = Array.from({ length: size }, (_, i) => Math.fround((value as ArrayLike<number>)[i]));
    return ctx.process.track(new AclFloatArray(values, ctx.site));
  });
}

export function aclCreateBoolArray(value: ArrayLike<boolean | number> | null, size: number): AclBoolArray | null {
  return create('aclCreateBoolArray', (ctx) => {
    if (!Number.isInteger(size) || size < 0) throw new DeviceFault('invalid-value', `size must be a non-negative integer, got ${size}`);
    if (size > 0 && (value === null || value === undefined)) throw new DeviceFault('null-pointer', 'value is null');
    if (size > 0 && (value as ArrayLike<boolean>).length < size) throw new DeviceFault('out-of-bounds', `value holds ${(value as ArrayLike<boolean>).length} bools but ${size} are read`);
    const values = Array.from({ length: size }, (_, i) => Boolean((value as ArrayLike<boolean | number>)[i]));
    return ctx.process.track(new AclBoolArray(values, ctx.site));
  });
}

export function aclCreateTensorList(value: readonly (AclTensor | null)[] | null, size: number): AclTensorList | null {
  return create('aclCreateTensorList', (ctx) => {
    if (!Number.isInteger(size) || size < 0) throw new DeviceFault('invalid-value', `size must be a non-negative integer, got ${size}`);
    if (size > 0 && (value === null || value === undefined)) throw new DeviceFault('null-pointer', 'value is null');
    if (size > 0 && (value as readonly unknown[]).length < size) throw new DeviceFault('out-of-bounds', `value holds ${(value as readonly unknown[]).length} tensors but ${size} are read`);
    const tensors = Array.from({ length: size }, (_, i) => {
      const t = (value as readonly unknown[])[i];
      if (t === null || t === undefined) throw new DeviceFault('null-pointer', `value[${i}] is null`);
      if (!(t instanceof AclTensor)) throw new DeviceFault('invalid-handle', `value[${i}] is not an aclTensor`);
      if (t.destroyed) throw new DeviceFault('invalid-handle', `value[${i}] was already destroyed`);
      if (t.ownedBy) throw new DeviceFault('invalid-value', `value[${i}] already belongs to another aclTensorList`);
      return t;
    });
    const list = ctx.process.track(new AclTensorList(tensors, ctx.site));
    for (const t of tensors) t.ownedBy = list;
    return list;
  });
}

export function aclCreateScalarList(value: readonly (AclScalar | null)[] | null, size: number): AclScalarList | null {
  return create('aclCreateScalarList', (ctx) => {
    if (!Number.isInteger(size) || size < 0) throw new DeviceFault('invalid-value', `size must be a non-negative integer, got ${size}`);
    if (size > 0 && (value === null || value === undefined)) throw new DeviceFault('null-pointer', 'value is null');
    if (size > 0 && (value as readonly unknown[]).length < size) throw new DeviceFault('out-of-bounds', `value holds ${(value as readonly unknown[]).length} scalars but ${size} are read`);
    const scalars = Array.from({ length: size }, (_, i) => {
      const s = (value as readonly unknown[])[i];
      if (s === null || s === undefined) throw new DeviceFault('null-pointer', `value[${i}] is null`);
      if (!(s instanceof AclScalar) || s.destroyed) throw new DeviceFault('invalid-handle', `value[${i}] is not a live aclScalar`);
      return s;
    });
    return ctx.process.track(new AclScalarList(scalars, ctx.site));
  });
}

export function aclDestroyScalar(scalar: AclScalar | null): aclnnStatus {
  return destroy('aclDestroyScalar', scalar, AclScalar);
}

export function aclDestroyIntArray(array: AclIntArray | null): aclnnStatus {
  return destroy('aclDestroyIntArray', array, AclIntArray);
}

export function aclDestroyFloatArray(array: AclFloatArray | null): aclnnStatus {
  return destroy('aclDestroyFloatArray', array, AclFloatArray);
}

export function aclDestroyBoolArray(array: AclBoolArray | null): aclnnStatus {
  return destroy('aclDestroyBoolArray', array, AclBoolArray);
}

/** Destroys the list and the aclTensors in it (the doc: they must not be released again). */
export function aclDestroyTensorList(array: AclTensorList | null): aclnnStatus {
  return destroy('aclDestroyTensorList', array, AclTensorList);
}

export function aclDestroyScalarList(array: AclScalarList | null): aclnnStatus {
  return destroy('aclDestroyScalarList', array, AclScalarList);
}

// ---- getters: each returns a fresh copy, as the C API allocates the arrays it hands out ----

function getter(symbol: string, tensor: unknown, outs: readonly unknown[], body: (t: AclTensor) => void): aclnnStatus {
  return cannCall(symbol, ACLNN_STATUS, () => {
    if (tensor === null || tensor === undefined) throw new DeviceFault('null-pointer', 'tensor is null');
    for (const o of outs) if (o === null || o === undefined) throw new DeviceFault('null-pointer', 'an output pointer is null');
    if (!isType(AclTensor)(tensor)) throw new DeviceFault('invalid-handle', 'tensor is not an aclTensor');
    if (tensor.destroyed) throw new DeviceFault('invalid-handle', `${tensor.describe()} was already destroyed`);
    body(tensor);
  }) as aclnnStatus;
}

export function aclGetViewShape(tensor: AclTensor, viewDims: Ref<number[]>, viewDimsNum: Ref<number>): aclnnStatus {
  return getter('aclGetViewShape', tensor, [viewDims, viewDimsNum], (t) => {
    viewDims.value = [...t.viewDims];
    viewDimsNum.value = t.viewDims.length;
  });
}

export function aclGetStorageShape(tensor: AclTensor, storageDims: Ref<number[]>, storageDimsNum: Ref<number>): aclnnStatus {
  return getter('aclGetStorageShape', tensor, [storageDims, storageDimsNum], (t) => {
    storageDims.value = [...t.storageDims];
    storageDimsNum.value = t.storageDims.length;
  });
}

export function aclGetViewStrides(tensor: AclTensor, stridesValue: Ref<number[]>, stridesNum: Ref<number>): aclnnStatus {
  return getter('aclGetViewStrides', tensor, [stridesValue, stridesNum], (t) => {
    stridesValue.value = [...t.strides];
    stridesNum.value = t.strides.length;
  });
}

export function aclGetViewOffset(tensor: AclTensor, offset: Ref<number>): aclnnStatus {
  return getter('aclGetViewOffset', tensor, [offset], (t) => {
    offset.value = t.offset;
  });
}

export function aclGetFormat(tensor: AclTensor, format: Ref<aclFormat>): aclnnStatus {
  return getter('aclGetFormat', tensor, [format], (t) => {
    format.value = t.format as aclFormat;
  });
}

export function aclGetDataType(tensor: AclTensor, dataType: Ref<aclDataType>): aclnnStatus {
  return getter('aclGetDataType', tensor, [dataType], (t) => {
    dataType.value = t.dataType as aclDataType;
  });
}

