/**
 * cudnnConvolutionDescriptor_t (cudnn_cnn.h): symmetric zero padding, filter strides u / v,
 * dilations, mode (CUDNN_CROSS_CORRELATION is ONNX Conv; CUDNN_CONVOLUTION flips the filter),
 * compute type, group count and math type, plus cudnnGetConvolution2dForwardOutputDim.
 *
 * A fresh descriptor has group count 1 and CUDNN_DEFAULT_MATH (the math-type default is
 * unconfirmed: not in the 9.x header; catalog). The output size is the cuDNN doc formula
 * out = 1 + (in + 2·pad − ((filter − 1)·dilation + 1)) / stride with integer division
 * (cuda.md §5.3; not in the header: unconfirmed), ONNX Conv's floor rule for symmetric pads.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import {
  CUDNN_DEFAULT_MATH,
  CUDNN_STATUS_BAD_PARAM,
  type cudnnConvolutionMode_t,
  type cudnnDataType_t,
  type cudnnMathType_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { isCudnnDataType } from './cudnn-data-types.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor, requireInt } from './cudnn-descriptor.js';
import { requireFilterLayout, type FilterLayout, type cudnnFilterDescriptor_t } from './cudnn-filter-descriptors.js';
import { cudnnCall, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, type TensorLayout, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { isEnumMember } from './enum-names.js';
import { writeOut, requireOut } from './out-param.js';
import { boundName } from './backend-binding.js';

export interface ConvolutionSettings {
  readonly pads: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly dilations: readonly [number, number];
  readonly mode: number;
  readonly computeType: number;
}

export class CudnnConvolutionDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnConvolutionDescriptor_t');
  settings: ConvolutionSettings | undefined;
  groupCount = 1;
  mathType: number = CUDNN_DEFAULT_MATH;
}

/** `typedef struct cudnnConvolutionStruct *cudnnConvolutionDescriptor_t`. */
export type cudnnConvolutionDescriptor_t = CudnnConvolutionDescriptor;

export function requireConvolution(desc: unknown, what = 'convDesc'): CudnnConvolutionDescriptor & { settings: ConvolutionSettings } {
  const d = requireDescriptor(desc, CudnnConvolutionDescriptor, 'cudnnConvolutionDescriptor_t', what);
  if (!d.settings) throw new DeviceFault('invalid-value', `${what} was created but never set (cudnnSetConvolution2dDescriptor)${d.origin}`);
  return d as CudnnConvolutionDescriptor & { settings: ConvolutionSettings };
}

/** A checked 2-D convolution problem: x, w and the output dims the descriptors imply. */
export interface ConvolutionProblem {
  readonly x: TensorLayout;
  readonly w: FilterLayout;
  readonly conv: CudnnConvolutionDescriptor & { settings: ConvolutionSettings };
  /** N, K, P, Q. */
  readonly output: readonly number[];
}

/**
 * Validates x and w against the descriptor as cudnnConvolutionForward's docs list
 * CUDNN_STATUS_BAD_PARAM: 4-D tensors, x's channels = w's input channels · group count,
 * output channels a multiple of the group count, the dilated filter no larger than the
 * padded input.
 */
export function convolutionProblem(xDesc: unknown, wDesc: unknown, convDesc: unknown, names = { x: 'xDesc', w: 'wDesc' }): ConvolutionProblem {
  const conv = requireConvolution(convDesc);
  const x = requireTensorLayout(xDesc, names.x);
  const w = requireFilterLayout(wDesc, names.w);
  if (x.dims.length !== 4) throw new DeviceFault('invalid-value', `${names.x} has ${x.dims.length} dimensions; a 2-D convolution takes 4-D N, C, H, W tensors`);
  const [n, c, h, wd] = x.dims;
  const [k, cg, r, s] = w.dims;
  const g = conv.groupCount;
  if (cg * g !== c) {
    throw new DeviceFault('invalid-value', `${names.x} has ${c} feature maps but ${names.w} takes ${cg} per group × group count ${g} = ${cg * g}`);
  }
  if (k % g !== 0) throw new DeviceFault('invalid-value', `${names.w} has ${k} output feature maps, not a multiple of the group count ${g}`);
  const { pads, strides, dilations } = conv.settings;
  const out = [h, wd].map((size, i) => {
    const extent = ([r, s][i] - 1) * dilations[i] + 1;
    const span = size + 2 * pads[i] - extent;
    if (span < 0) {
      throw new DeviceFault('invalid-value', `the ${i === 0 ? 'vertical' : 'horizontal'} filter extent ${extent} exceeds the padded input ${size + 2 * pads[i]} (${names.x} ${formatDims(x.dims)}, ${names.w} ${formatDims(w.dims)})`);
    }
    return 1 + Math.floor(span / strides[i]);
  });
  return { x, w, conv, output: [n, k, out[0], out[1]] };
}

export function cudnnCreateConvolutionDescriptor(convDesc: Ref<cudnnConvolutionDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreateConvolutionDescriptor', convDesc, 'convDesc', (site) => new CudnnConvolutionDescriptor(site));
}

export function cudnnSetConvolution2dDescriptor(
  convDesc: cudnnConvolutionDescriptor_t,
  pad_h: number,
  pad_w: number,
  u: number,
  v: number,
  dilation_h: number,
  dilation_w: number,
  mode: cudnnConvolutionMode_t,
  computeType: cudnnDataType_t,
): cudnnStatus_t {
  return cudnnCall('cudnnSetConvolution2dDescriptor', (ctx) => {
    const desc = requireDescriptor(convDesc, CudnnConvolutionDescriptor, 'cudnnConvolutionDescriptor_t', 'convDesc');
    const pads = [requireInt(pad_h, 'pad_h', 0), requireInt(pad_w, 'pad_w', 0)] as const;
    const strides = [requireInt(u, 'u', 1), requireInt(v, 'v', 1)] as const;
    const dilations = [requireInt(dilation_h, 'dilation_h', 1), requireInt(dilation_w, 'dilation_w', 1)] as const;
    if (!isEnumMember('cudnnConvolutionMode_t', mode)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `mode ${String(mode)} is not a cudnnConvolutionMode_t`);
    if (!isCudnnDataType(computeType)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `computeType ${String(computeType)} is not a cudnnDataType_t`);
    desc.settings = { pads, strides, dilations, mode, computeType };
  });
}

export function cudnnSetConvolutionGroupCount(convDesc: cudnnConvolutionDescriptor_t, groupCount: number): cudnnStatus_t {
  return cudnnCall('cudnnSetConvolutionGroupCount', () => {
    const desc = requireDescriptor(convDesc, CudnnConvolutionDescriptor, 'cudnnConvolutionDescriptor_t', 'convDesc');
    desc.groupCount = requireInt(groupCount, 'groupCount', 1);
  });
}

/** The convolution's numeric knob (profiles/cuda.yaml cudnnSetConvolutionMathType.mathType). */
export function cudnnSetConvolutionMathType(convDesc: cudnnConvolutionDescriptor_t, mathType: cudnnMathType_t): cudnnStatus_t {
  return cudnnCall('cudnnSetConvolutionMathType', (ctx) => {
    const desc = requireDescriptor(convDesc, CudnnConvolutionDescriptor, 'cudnnConvolutionDescriptor_t', 'convDesc');
    if (!isEnumMember('cudnnMathType_t', mathType)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `mathType ${String(mathType)} is not a cudnnMathType_t`);
    desc.mathType = mathType;
  });
}

export function cudnnDestroyConvolutionDescriptor(convDesc: cudnnConvolutionDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyConvolutionDescriptor', convDesc, CudnnConvolutionDescriptor, 'cudnnConvolutionDescriptor_t', 'convDesc');
}

/** N, C, H, W of the convolution's output (the doc formula above). */
export function cudnnGetConvolution2dForwardOutputDim(
  convDesc: cudnnConvolutionDescriptor_t,
  inputTensorDesc: cudnnTensorDescriptor_t,
  filterDesc: cudnnFilterDescriptor_t,
  n: Ref<number>,
  c: Ref<number>,
  h: Ref<number>,
  w: Ref<number>,
): cudnnStatus_t {
  return cudnnCall('cudnnGetConvolution2dForwardOutputDim', () => {
    for (const [out, what] of [[n, 'n'], [c, 'c'], [h, 'h'], [w, 'w']] as const) requireOut(out, what);
    const problem = convolutionProblem(inputTensorDesc, filterDesc, convDesc, { x: 'inputTensorDesc', w: 'filterDesc' });
    const [on, oc, oh, ow] = problem.output;
    writeOut(n, on, 'n');
    writeOut(c, oc, 'c');
    writeOut(h, oh, 'h');
    writeOut(w, ow, 'w');
  });
}
