/**
 * cudnnFilterDescriptor_t: convolution weights [K, C/group, kH, kW] (ONNX Conv W
 * [M, C/group, kH, kW]). The format gives the memory order: CUDNN_TENSOR_NCHW is K, C, H, W,
 * CUDNN_TENSOR_NHWC is K, H, W, C (catalog). Note the argument order dataType, format —
 * the opposite of cudnnSetTensor4dDescriptor. Weights are read as a strided view in K, C,
 * H, W order.
 */
import type { DType } from '../../runtime/dtype.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import {
  CUDNN_STATUS_BAD_PARAM,
  CUDNN_TENSOR_NCHW,
  CUDNN_TENSOR_NHWC,
  type cudnnDataType_t,
  type cudnnStatus_t,
  type cudnnTensorFormat_t,
} from './constants.generated.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor, requireInt } from './cudnn-descriptor.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { packedStrides, resolveDataType } from './cudnn-tensor-descriptors.js';
import { isEnumMember, statusName } from './enum-names.js';
import { boundName } from './backend-binding.js';

export interface FilterLayout {
  readonly dataType: number;
  readonly dtype: DType;
  /** K, C, H, W. */
  readonly dims: readonly number[];
  /** Element strides of K, C, H, W. */
  readonly strides: readonly number[];
  readonly format: number;
}

export class CudnnFilterDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnFilterDescriptor_t');
  layout: FilterLayout | undefined;
}

/** `typedef struct cudnnFilterStruct *cudnnFilterDescriptor_t`. */
export type cudnnFilterDescriptor_t = CudnnFilterDescriptor;

export function requireFilterLayout(desc: unknown, what: string): FilterLayout {
  const d = requireDescriptor(desc, CudnnFilterDescriptor, 'cudnnFilterDescriptor_t', what);
  if (!d.layout) throw new DeviceFault('invalid-value', `${what} was created but never set (cudnnSetFilter4dDescriptor)${d.origin}`);
  return d.layout;
}

export function cudnnCreateFilterDescriptor(filterDesc: Ref<cudnnFilterDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreateFilterDescriptor', filterDesc, 'filterDesc', (site) => new CudnnFilterDescriptor(site));
}

export function cudnnSetFilter4dDescriptor(
  filterDesc: cudnnFilterDescriptor_t,
  dataType: cudnnDataType_t,
  format: cudnnTensorFormat_t,
  k: number,
  c: number,
  h: number,
  w: number,
): cudnnStatus_t {
  return cudnnCall('cudnnSetFilter4dDescriptor', (ctx) => {
    const desc = requireDescriptor(filterDesc, CudnnFilterDescriptor, 'cudnnFilterDescriptor_t', 'filterDesc');
    const dtype = resolveDataType(ctx, dataType);
    if (typeof dtype === 'number') return dtype;
    if (!isEnumMember('cudnnTensorFormat_t', format)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `format ${String(format)} is not a cudnnTensorFormat_t`);
    if (format !== CUDNN_TENSOR_NCHW && format !== CUDNN_TENSOR_NHWC) return notSimulated(ctx, `${statusName('cudnnTensorFormat_t', format)} filters`);
    const dims = [requireInt(k, 'k', 1), requireInt(c, 'c', 1), requireInt(h, 'h', 1), requireInt(w, 'w', 1)];
    desc.layout = { dataType: dataType as number, dtype, dims, strides: packedStrides(dims, format === CUDNN_TENSOR_NHWC), format };
  });
}

export function cudnnDestroyFilterDescriptor(filterDesc: cudnnFilterDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyFilterDescriptor', filterDesc, CudnnFilterDescriptor, 'cudnnFilterDescriptor_t', 'filterDesc');
}
