/**
 * CNNL tensor descriptors: layout, dtype, dims (in the order the layout names them, dims[0]
 * outermost: NHWC is {n, h, w, c}) and strides (contiguous unless set with the Ex forms).
 * Ops read device memory through a descriptor as a strided, bounds-checked view, so a
 * descriptor larger than its allocation is caught (OB2001).
 */
import type { DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import { contiguousStrides } from '../../runtime/shape.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { deviceTensor } from '../sim/device-tensor.js';
import { requireLive } from '../sim/facade-call.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import type { SimProcess } from '../sim/sim-process.js';
import { SimObject } from '../sim/sim-object.js';
import { dtypeOfMeaning, enumMeaning, enumName } from './catalog-enums.js';
import type { cnnlDataType_t, cnnlTensorLayout_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';

/** CNNL_DIM_MAX in cnnl.h. */
export const CNNL_DIM_MAX = 8;

export class CnnlTensorDescriptor extends SimObject {
  readonly kind = 'cnnlTensorDescriptor_t';
  isSet = false;
  layout = 0;
  dtypeCode = 0;
  dtype: DType = 'float32';
  dims: readonly number[] = [];
  strides: readonly number[] = [];
  /** On-chip compute dtype (cnnlSetTensorDescriptorOnchipDataType), when set. */
  onchipDtype: number | undefined;

  /** The catalog meaning of the layout (`layout.nhwc`, `layout.nd`, ...). */
  get layoutMeaning(): string {
    return enumMeaning('cnnlTensorLayout_t', this.layout) ?? 'layout.unknown';
  }

  get layoutName(): string {
    return enumName('cnnlTensorLayout_t', this.layout);
  }

  get elementCount(): number {
    return this.dims.reduce((n, d) => n * d, 1);
  }

  describe(): string {
    return `${this.layoutName} ${enumName('cnnlDataType_t', this.dtypeCode)} [${this.dims.join(', ')}]`;
  }
}

export type cnnlTensorDescriptor_t = CnnlTensorDescriptor;

function isDescriptor(value: unknown): value is CnnlTensorDescriptor {
  return value instanceof CnnlTensorDescriptor;
}

/** A live descriptor that has been set (what every op needs). */
export function requireTensorDescriptor(value: unknown, what: string): CnnlTensorDescriptor {
  const desc = requireLive(value, `cnnlTensorDescriptor_t (${what})`, isDescriptor);
  if (!desc.isSet) throw new DeviceFault('invalid-value', `${what} was created but never set with cnnlSetTensorDescriptor`);
  return desc;
}

/** A strided view of device memory through a descriptor. */
export function tensorOperand(process: SimProcess, descArg: unknown, ptr: unknown, what: string): DeviceOperand {
  const desc = requireTensorDescriptor(descArg, `${what}_desc`);
  const devicePtr: DevicePtr = requireDevicePtr(ptr, what);
  const view = deviceTensor(process, { ptr: devicePtr, dtype: desc.dtype, shape: desc.dims, strides: desc.strides });
  return { ptr: devicePtr, view };
}

/** Dims each layout names; ARRAY (and unlisted layouts) take any rank. */
const LAYOUT_RANK: Readonly<Record<string, number>> = {
  'layout.nchw': 4,
  'layout.nhwc': 4,
  'layout.hwcn': 4,
  'layout.ndhwc': 5,
  'layout.ncdhw': 5,
  'layout.tnc': 3,
  'layout.ntc': 3,
  'layout.nc': 2,
  'layout.nlc': 3,
};

function readInts(values: unknown, count: number, name: string): number[] {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new DeviceFault('null-pointer', `${name} must be an array of ${count} integers`);
  const list = Array.from(values as ArrayLike<number | bigint>, Number);
  if (list.length < count) throw new DeviceFault('invalid-value', `${name} has ${list.length} entries, dimNb is ${count}`);
  const used = list.slice(0, count);
  if (used.some((v) => !Number.isSafeInteger(v) || v < 0)) throw new DeviceFault('invalid-value', `${name} must hold non-negative integers, got [${used.join(', ')}]`);
  return used;
}

function setDescriptor(
  descArg: unknown,
  layout: unknown,
  dtypeCode: unknown,
  dimNb: unknown,
  dimSize: unknown,
  dimStride: unknown | undefined,
): void {
  const desc = requireLive(descArg, 'cnnlTensorDescriptor_t', isDescriptor);
  const layoutMeaning = enumMeaning('cnnlTensorLayout_t', layout);
  if (layoutMeaning === undefined) throw new DeviceFault('invalid-value', `${String(layout)} is not a cnnlTensorLayout_t value`);
  const dtypeMeaning = enumMeaning('cnnlDataType_t', dtypeCode);
  if (dtypeMeaning === undefined || dtypeMeaning === 'dtype.invalid') {
    throw new DeviceFault('invalid-value', `${String(dtypeCode)} is not a valid cnnlDataType_t (CNNL_DTYPE_INVALID or unknown)`);
  }
  const dtype = dtypeOfMeaning(dtypeMeaning);
  if (!dtype) {
    throw new DeviceFault('not-supported', `${enumName('cnnlDataType_t', dtypeCode)} has no storage type in opbridge's runtime (it holds float64/32/16, bfloat16, int64/32/16/8, uint8, bool)`);
  }
  if (typeof dimNb !== 'number' || !Number.isInteger(dimNb) || dimNb < 1 || dimNb > CNNL_DIM_MAX) {
    throw new DeviceFault('invalid-value', `dimNb must be an integer in 1..${CNNL_DIM_MAX} (CNNL_DIM_MAX), got ${String(dimNb)}`);
  }
  const expected = LAYOUT_RANK[layoutMeaning];
  if (expected !== undefined && expected !== dimNb) {
    throw new DeviceFault('invalid-value', `${enumName('cnnlTensorLayout_t', layout)} describes ${expected} dims, got dimNb ${dimNb}`);
  }
  const dims = readInts(dimSize, dimNb, 'dimSize');
  const strides = dimStride === undefined ? contiguousStrides(dims) : readInts(dimStride, dimNb, 'dimStride');
  desc.layout = layout as number;
  desc.dtypeCode = dtypeCode as number;
  desc.dtype = dtype;
  desc.dims = dims;
  desc.strides = strides;
  desc.isSet = true;
}

export function cnnlCreateTensorDescriptor(desc: Ref<cnnlTensorDescriptor_t>): cnnlStatus_t {
  return cnnlCall('cnnlCreateTensorDescriptor', ({ process, site }) => {
    requireOutRef(desc, 'desc').value = process.track(new CnnlTensorDescriptor(site));
  });
}

export function cnnlSetTensorDescriptor(
  desc: cnnlTensorDescriptor_t,
  layout: cnnlTensorLayout_t,
  dtype: cnnlDataType_t,
  dimNb: number,
  dimSize: readonly number[],
): cnnlStatus_t {
  return cnnlCall('cnnlSetTensorDescriptor', () => setDescriptor(desc, layout, dtype, dimNb, dimSize, undefined));
}

export function cnnlSetTensorDescriptorEx(
  desc: cnnlTensorDescriptor_t,
  layout: cnnlTensorLayout_t,
  dtype: cnnlDataType_t,
  dimNb: number,
  dimSize: readonly number[],
  dimStride: readonly number[],
): cnnlStatus_t {
  return cnnlCall('cnnlSetTensorDescriptorEx', () => setDescriptor(desc, layout, dtype, dimNb, dimSize, dimStride ?? null));
}

/** int64_t dims (number[] or BigInt64Array in TypeScript). */
export function cnnlSetTensorDescriptor_v2(
  desc: cnnlTensorDescriptor_t,
  layout: cnnlTensorLayout_t,
  dtype: cnnlDataType_t,
  dimNb: number,
  dimSize: readonly number[] | BigInt64Array,
): cnnlStatus_t {
  return cnnlCall('cnnlSetTensorDescriptor_v2', () => setDescriptor(desc, layout, dtype, dimNb, dimSize, undefined));
}

export function cnnlSetTensorDescriptorEx_v2(
  desc: cnnlTensorDescriptor_t,
  layout: cnnlTensorLayout_t,
  dtype: cnnlDataType_t,
  dimNb: number,
  dimSize: readonly number[] | BigInt64Array,
  dimStride: readonly number[] | BigInt64Array,
): cnnlStatus_t {
  return cnnlCall('cnnlSetTensorDescriptorEx_v2', () => setDescriptor(desc, layout, dtype, dimNb, dimSize, dimStride ?? null));
}

/**
 * The on-chip compute dtype (e.g. CNNL_DTYPE_INT16 for quantised convolution). Recorded on
 * the descriptor; quantised on-chip arithmetic is not simulated, so an op given a descriptor
 * whose on-chip dtype differs from its storage dtype returns CNNL_STATUS_NOT_SUPPORTED.
 */
export function cnnlSetTensorDescriptorOnchipDataType(desc: cnnlTensorDescriptor_t, onchip_dtype: cnnlDataType_t): cnnlStatus_t {
  return cnnlCall('cnnlSetTensorDescriptorOnchipDataType', () => {
    const d = requireLive(desc, 'cnnlTensorDescriptor_t', isDescriptor);
    if (enumMeaning('cnnlDataType_t', onchip_dtype) === undefined) throw new DeviceFault('invalid-value', `${String(onchip_dtype)} is not a cnnlDataType_t value`);
    d.onchipDtype = onchip_dtype;
  });
}

/** Clears a descriptor so it can be set again (cnnl.h asks for this before re-setting). */
export function cnnlResetTensorDescriptor(desc: cnnlTensorDescriptor_t): cnnlStatus_t {
  return cnnlCall('cnnlResetTensorDescriptor', () => {
    const d = requireLive(desc, 'cnnlTensorDescriptor_t', isDescriptor);
    d.isSet = false;
    d.dims = [];
    d.strides = [];
    d.onchipDtype = undefined;
  });
}

/** Number of elements the descriptor describes (returns size_t, not a status). */
export function cnnlGetTensorElementNum(desc: cnnlTensorDescriptor_t): number {
  return desc instanceof CnnlTensorDescriptor && !desc.destroyed && desc.isSet ? desc.elementCount : 0;
}

export function cnnlDestroyTensorDescriptor(desc: cnnlTensorDescriptor_t): cnnlStatus_t {
  return cnnlCall('cnnlDestroyTensorDescriptor', ({ process }) => {
    process.release(requireLive(desc, 'cnnlTensorDescriptor_t', isDescriptor));
  });
}

/** Rejects descriptors whose on-chip dtype asks for quantised arithmetic the simulation lacks. */
export function requirePlainOnchip(desc: CnnlTensorDescriptor, what: string): void {
  if (desc.onchipDtype !== undefined && desc.onchipDtype !== desc.dtypeCode) {
    throw new DeviceFault(
      'not-supported',
      `${what} has on-chip dtype ${enumName('cnnlDataType_t', desc.onchipDtype)} for ${enumName('cnnlDataType_t', desc.dtypeCode)} data: quantised on-chip arithmetic is not simulated`,
    );
  }
}

/**
 * The same device memory seen with another shape of the same element count. Only a dense
 * row-major view can be reshaped in place (an output view must keep writing device memory).
 */
export function reshapeOperand(operand: DeviceOperand, shape: readonly number[], what: string): DeviceOperand {
  const view = operand.view;
  const count = shape.reduce((n, d) => n * d, 1);
  if (count !== view.size) throw new DeviceFault('invalid-value', `${what} has ${view.size} elements, expected ${count}`);
  if (!view.isContiguous()) throw new DeviceFault('invalid-value', `${what} must be a dense (contiguous) tensor here`);
  return { ptr: operand.ptr, view: new Tensor(view.storage, view.dtype, shape, undefined, view.offset) };
}
