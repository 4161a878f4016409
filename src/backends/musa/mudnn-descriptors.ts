/**
 * muDNN's own descriptor setters (torch_musa's TORCH_MUSA_USE_MUDNN_C_API path; inferred
 * entries, docs/backends/musa.md): each is answered by the cuDNN setter it generalises, with
 * the arguments rearranged. The simulation covers what the CUDA implementation covers: 2-D
 * filters and convolutions, and float tensors (scale 1.0; quantised scales are not modelled).
 * Tensors may have 1 to 8 dims (cuDNN's Nd setter takes 4 to 8; torch_musa describes lower ranks).
 */
import { requireDescriptor, requireInt } from '../cuda/cudnn-descriptor.js';
import { CudnnTensorDescriptor, resolveDataType } from '../cuda/cudnn-tensor-descriptors.js';
import { DeviceFault } from '../sim/device-fault.js';
import { binding } from './binding.js';
import { mudnnCall } from './mudnn-call.js';
import type { mudnnConvolutionMode_t, mudnnDataType_t, mudnnStatus_t, mudnnTensorFormat_t } from './constants.generated.js';
import type { mudnnConvolutionDescriptor_t, mudnnFilterDescriptor_t, mudnnTensorDescriptor_t } from './types.js';

const cudnnDataType = (value: unknown): unknown => binding.toCudaEnum(value, 'mudnnDataType_t', 'cudnnDataType_t');

/** Reads `count` integers (number or bigint elements); undefined when the array is missing or short. */
function integers(values: ArrayLike<number | bigint> | null | undefined, count: number): number[] | undefined {
  if (!values || typeof values.length !== 'number' || values.length < count) return undefined;
  return Array.from({ length: count }, (_, i) => Number(values[i]));
}

function rejectScale(symbol: string, scale: number): mudnnStatus_t | undefined {
  if (scale === 1) return undefined;
  return binding.reject(symbol, 'status.not-supported', `scale ${scale} describes a quantised tensor; only float tensors (scale 1.0) are simulated`);
}

/**
 * cudnnSetTensorNdDescriptor with muDNN's argument order and 64-bit dims and strides. The
 * strides fix the layout; `format` must be a muDNN format (torch_musa passes it next to
 * explicit strides).
 */
export function mudnnSetTensorNdDescriptorWithScale(
  tensorDesc: mudnnTensorDescriptor_t,
  format: mudnnTensorFormat_t,
  dataType: mudnnDataType_t,
  nbDims: number,
  dimA: ArrayLike<number | bigint>,
  strideA: ArrayLike<number | bigint>,
  scale = 1,
): mudnnStatus_t {
  const symbol = 'mudnnSetTensorNdDescriptorWithScale';
  if (!binding.isMember(format, 'mudnnTensorFormat_t')) return binding.reject(symbol, 'status.not-supported', `format ${String(format)} is not a mudnnTensorFormat_t`);
  const bad = rejectScale(symbol, scale);
  if (bad !== undefined) return bad;
  const dims = integers(dimA, nbDims) ?? dimA;
  const strides = integers(strideA, nbDims) ?? strideA;
  if (typeof nbDims === 'number' && nbDims >= 1 && nbDims < 4) return setLowRankLayout(symbol, tensorDesc, cudnnDataType(dataType), nbDims, dims, strides);
  return binding.callCuda(symbol, 'cudnnSetTensorNdDescriptor', [tensorDesc, cudnnDataType(dataType), nbDims, dims, strides]);
}

/**
 * 1- to 3-D tensors, which cuDNN's Nd setter refuses (it takes 4 to 8 dims) and torch_musa
 * describes directly (biases, rows of a softmax): the same checks, the layout as given.
 */
function setLowRankLayout(symbol: string, tensorDesc: unknown, dataType: unknown, nbDims: number, dimA: unknown, strideA: unknown): mudnnStatus_t {
  return mudnnCall(symbol, (ctx) => {
    const desc = requireDescriptor(tensorDesc, CudnnTensorDescriptor, 'mudnnTensorDescriptor_t', 'tensorDesc');
    const dtype = resolveDataType(ctx, dataType);
    if (typeof dtype === 'number') return dtype;
    if (!Array.isArray(dimA) || !Array.isArray(strideA)) throw new DeviceFault('null-pointer', 'dimA and strideA must hold nbDims integers');
    // A dim may be 0: torch_musa describes empty tensors ({0}) for absent masks and dropout masks.
    const dims = dimA.map((d: unknown, i) => requireInt(d, `dimA[${i}]`, 0));
    const strides = strideA.map((v: unknown, i) => requireInt(v, `strideA[${i}]`, 1));
    desc.layout = { dataType: dataType as number, dtype, dims, strides, channelsLast: false };
    void nbDims;
    return undefined;
  });
}

/** cudnnSetFilter4dDescriptor for nbDims = 4 ({K, C/group, H, W}); other ranks are not simulated. */
export function mudnnSetFilterNdDescriptorWithScale(
  filterDesc: mudnnFilterDescriptor_t,
  dataType: mudnnDataType_t,
  format: mudnnTensorFormat_t,
  nbDims: number,
  filterDimA: ArrayLike<number>,
  scale = 1,
): mudnnStatus_t {
  const symbol = 'mudnnSetFilterNdDescriptorWithScale';
  if (nbDims !== 4) return binding.reject(symbol, 'status.not-supported', `nbDims ${nbDims}: only 4-D filters (K, C, H, W) are simulated`);
  const dims = integers(filterDimA, 4);
  if (!dims) return binding.reject(symbol, 'status.invalid-value', 'filterDimA must hold nbDims (4) integers');
  const bad = rejectScale(symbol, scale);
  if (bad !== undefined) return bad;
  const cudnnFormat = binding.toCudaEnum(format, 'mudnnTensorFormat_t', 'cudnnTensorFormat_t');
  return binding.callCuda(symbol, 'cudnnSetFilter4dDescriptor', [filterDesc, cudnnDataType(dataType), cudnnFormat, ...dims]);
}

/** cudnnSetConvolution2dDescriptor for arrayLength = 2 (symmetric pads per spatial dim). */
export function mudnnSetConvolutionNdDescriptor(
  convDesc: mudnnConvolutionDescriptor_t,
  arrayLength: number,
  padA: ArrayLike<number>,
  filterStrideA: ArrayLike<number>,
  dilationA: ArrayLike<number>,
  mode: mudnnConvolutionMode_t,
  computeType: mudnnDataType_t,
): mudnnStatus_t {
  const symbol = 'mudnnSetConvolutionNdDescriptor';
  if (arrayLength !== 2) return binding.reject(symbol, 'status.not-supported', `arrayLength ${arrayLength}: only 2-D convolutions are simulated`);
  const pads = integers(padA, 2);
  const strides = integers(filterStrideA, 2);
  const dilations = integers(dilationA, 2);
  if (!pads || !strides || !dilations) return binding.reject(symbol, 'status.invalid-value', 'padA, filterStrideA and dilationA must each hold arrayLength (2) integers');
  const cudnnMode = binding.toCudaEnum(mode, 'mudnnConvolutionMode_t', 'cudnnConvolutionMode_t');
  return binding.callCuda(symbol, 'cudnnSetConvolution2dDescriptor', [convDesc, ...pads, ...strides, ...dilations, cudnnMode, cudnnDataType(computeType)]);
}
