/**
 * cudnnTensorDescriptor_t: a data type, dimensions in N, C, H, W (, ...) order and element
 * strides. cudnnSetTensor4dDescriptor derives fully packed strides from the format (NCHW:
 * wStride 1, hStride w; NHWC: cStride 1 — cudnnTensorFormat_t comments);
 * cudnnSetTensorNdDescriptor takes them explicitly. A described tensor is read as a strided,
 * zero-copy view of device memory in N, C, H, W order whatever its memory order, so a
 * descriptor reaching past its allocation faults where a kernel would.
 *
 * Documented limits (cudnnSetTensorNdDescriptor doc text, quoted in third-party bindings):
 * dimensions must be positive (CUDNN_STATUS_BAD_PARAM); nbDims outside [4, CUDNN_DIM_MAX = 8]
 * is CUDNN_STATUS_NOT_SUPPORTED. Strides must be positive here (negative strides are
 * CUDNN_STATUS_NOT_SUPPORTED for the operations that take them; zero strides are refused as
 * BAD_PARAM: a choice, cuDNN does not document them).
 */
import type { DType } from '../../runtime/dtype.js';
import type { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { deviceTensor } from '../sim/device-tensor.js';
import type { CallContext } from '../sim/facade-call.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import type { SimProcess } from '../sim/sim-process.js';
import {
  CUDNN_STATUS_BAD_PARAM,
  CUDNN_STATUS_NOT_SUPPORTED,
  CUDNN_TENSOR_NCHW,
  CUDNN_TENSOR_NHWC,
  type cudnnDataType_t,
  type cudnnStatus_t,
  type cudnnTensorFormat_t,
} from './constants.generated.js';
import { cudnnTypeName, dtypeOfCudnnType, isCudnnDataType } from './cudnn-data-types.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor, requireInt } from './cudnn-descriptor.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { isEnumMember, statusName } from './enum-names.js';
import { boundName } from './backend-binding.js';

/** CUDNN_DIM_MAX (cudnn_graph.h). */
export const CUDNN_DIM_MAX = 8;

export interface TensorLayout {
  readonly dataType: number;
  readonly dtype: DType;
  /** N, C, H, W (, D...) order. */
  readonly dims: readonly number[];
  /** Element strides of the same axes. */
  readonly strides: readonly number[];
  /** Memory order is N, H, W, C (channels last). */
  readonly channelsLast: boolean;
}

export class CudnnTensorDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnTensorDescriptor_t');
  layout: TensorLayout | undefined;
}

/** `typedef struct cudnnTensorStruct *cudnnTensorDescriptor_t`. */
export type cudnnTensorDescriptor_t = CudnnTensorDescriptor;

/** Packed strides of N, C, H, W dims stored NCHW or NHWC. */
export function packedStrides(dims: readonly number[], channelsLast: boolean): number[] {
  const order = channelsLast ? [0, ...dims.map((_, i) => i).slice(2), 1] : dims.map((_, i) => i);
  const strides = new Array<number>(dims.length).fill(0);
  let step = 1;
  for (let i = order.length - 1; i >= 0; i--) {
    strides[order[i]] = step;
    step *= dims[order[i]];
  }
  return strides;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The layout of a set descriptor; an unset one is CUDNN_STATUS_BAD_PARAM. */
export function requireTensorLayout(desc: unknown, what: string): TensorLayout {
  const d = requireDescriptor(desc, CudnnTensorDescriptor, 'cudnnTensorDescriptor_t', what);
  if (!d.layout) throw new DeviceFault('invalid-value', `${what} was created but never set (cudnnSetTensor4dDescriptor / cudnnSetTensorNdDescriptor)${d.origin}`);
  return d.layout;
}

/** The described tensor at `ptr` as a view (faults when it reaches outside the allocation). */
export function tensorOperand(process: SimProcess, layout: TensorLayout, ptr: unknown, what: string): DeviceOperand {
  const p: DevicePtr = requireDevicePtr(ptr, what);
  return { ptr: p, view: deviceTensor(process, { ptr: p, dtype: layout.dtype, shape: layout.dims, strides: layout.strides }) };
}

/** A view of the same tensor with another shape and strides (a reshape or broadcast of the described one). */
export function reshapedOperand(operand: DeviceOperand, view: Tensor): DeviceOperand {
  return { ptr: operand.ptr, view };
}

export function formatDims(dims: readonly number[]): string {
  return `[${dims.join(', ')}]`;
}

/**
 * The data type of a descriptor being set: a cudnnDataType_t member the runtime has. A value
 * that is no member is CUDNN_STATUS_BAD_PARAM; a member without a runtime dtype is not simulated.
 */
export function resolveDataType(ctx: CallContext, dataType: unknown): DType | number {
  if (!isCudnnDataType(dataType)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `dataType ${String(dataType)} is not a cudnnDataType_t`);
  const dtype = dtypeOfCudnnType(dataType);
  return dtype ?? notSimulated(ctx, `${cudnnTypeName(dataType)} has no dtype in the reference runtime`);
}

export function cudnnCreateTensorDescriptor(tensorDesc: Ref<cudnnTensorDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreateTensorDescriptor', tensorDesc, 'tensorDesc', (site) => new CudnnTensorDescriptor(site));
}

/** A fully packed 4-D tensor; dimensions always in N, C, H, W order, the format gives the memory order. */
export function cudnnSetTensor4dDescriptor(
  tensorDesc: cudnnTensorDescriptor_t,
  format: cudnnTensorFormat_t,
  dataType: cudnnDataType_t,
  n: number,
  c: number,
  h: number,
  w: number,
): cudnnStatus_t {
  return cudnnCall('cudnnSetTensor4dDescriptor', (ctx) => {
    const desc = requireDescriptor(tensorDesc, CudnnTensorDescriptor, 'cudnnTensorDescriptor_t', 'tensorDesc');
    if (!isEnumMember('cudnnTensorFormat_t', format)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `format ${String(format)} is not a cudnnTensorFormat_t`);
    if (format !== CUDNN_TENSOR_NCHW && format !== CUDNN_TENSOR_NHWC) return notSimulated(ctx, `${statusName('cudnnTensorFormat_t', format)} (vectorised int8 layout)`);
    const dtype = resolveDataType(ctx, dataType);
    if (typeof dtype === 'number') return dtype;
    const dims = [requireInt(n, 'n', 1), requireInt(c, 'c', 1), requireInt(h, 'h', 1), requireInt(w, 'w', 1)];
    const channelsLast = format === CUDNN_TENSOR_NHWC;
    desc.layout = { dataType: dataType as number, dtype, dims, strides: packedStrides(dims, channelsLast), channelsLast };
  });
}

/** Explicit dimensions and element strides (3-D / 5-D tensors, padded or non-packed views). */
export function cudnnSetTensorNdDescriptor(
  tensorDesc: cudnnTensorDescriptor_t,
  dataType: cudnnDataType_t,
  nbDims: number,
  dimA: readonly number[],
  strideA: readonly number[],
): cudnnStatus_t {
  return cudnnCall('cudnnSetTensorNdDescriptor', (ctx) => {
    const desc = requireDescriptor(tensorDesc, CudnnTensorDescriptor, 'cudnnTensorDescriptor_t', 'tensorDesc');
    const dtype = resolveDataType(ctx, dataType);
    if (typeof dtype === 'number') return dtype;
    if (typeof nbDims !== 'number' || !Number.isInteger(nbDims) || nbDims < 4 || nbDims > CUDNN_DIM_MAX) {
      return rejectCudnn(ctx, CUDNN_STATUS_NOT_SUPPORTED, `nbDims = ${String(nbDims)} is outside [4, CUDNN_DIM_MAX = ${CUDNN_DIM_MAX}]: describe lower-rank data as 4-D with unit dimensions`);
    }
    if (dimA === null || dimA === undefined) throw new DeviceFault('null-pointer', 'dimA is NULL');
    if (strideA === null || strideA === undefined) throw new DeviceFault('null-pointer', 'strideA is NULL');
    if (dimA.length < nbDims || strideA.length < nbDims) throw new DeviceFault('invalid-value', `dimA and strideA must hold nbDims = ${nbDims} values (got ${dimA.length} and ${strideA.length})`);
    const dims = dimA.slice(0, nbDims).map((d, i) => requireInt(d, `dimA[${i}]`, 1));
    const strides = strideA.slice(0, nbDims).map((s, i) => requireInt(s, `strideA[${i}]`, 1));
    const channelsLast = sameList(strides, packedStrides(dims, true)) && !sameList(strides, packedStrides(dims, false));
    desc.layout = { dataType: dataType as number, dtype, dims, strides, channelsLast };
  });
}

export function cudnnDestroyTensorDescriptor(tensorDesc: cudnnTensorDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyTensorDescriptor', tensorDesc, CudnnTensorDescriptor, 'cudnnTensorDescriptor_t', 'tensorDesc');
}
