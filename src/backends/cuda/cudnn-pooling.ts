/**
 * cudnnPoolingDescriptor_t, cudnnGetPooling2dForwardOutputDim and cudnnPoolingForward:
 * y = alpha·pool(x) + beta·y as MaxPool or AveragePool (catalog variants): MAX and
 * MAX_DETERMINISTIC are MaxPool, AVERAGE_COUNT_INCLUDE_PADDING / EXCLUDE_PADDING are
 * AveragePool with count_include_pad 1 / 0. Windows, symmetric pads and strides come from
 * the descriptor (no dilation, floor rounding: ONNX ceil_mode 0); NHWC tensors run with
 * data_format NHWC.
 *
 * Output size: out = 1 + (in + 2·pad − window) / stride, integer division (the rule is not
 * in the header: unconfirmed, catalog; it is ONNX's floor rule). Window, padding and stride
 * must be positive / non-negative (CUDNN_STATUS_BAD_PARAM); the runtime also requires each
 * pad to be smaller than its window, or some window could lie wholly in padding.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import {
  CUDNN_NOT_PROPAGATE_NAN,
  CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING,
  CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING,
  CUDNN_STATUS_BAD_PARAM,
  type cudnnNanPropagation_t,
  type cudnnPoolingMode_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { cudnnTypeName } from './cudnn-data-types.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor, requireInt } from './cudnn-descriptor.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { launchBlended, readScalingFactor } from './cudnn-launch.js';
import { warnNanNotPropagated } from './cudnn-nan.js';
import { cudnnCall, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type TensorLayout, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { isEnumMember } from './enum-names.js';
import { requireOut, writeOut } from './out-param.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile, boundName } from './backend-binding.js';

interface PoolingSettings {
  readonly mode: number;
  readonly nanOpt: number;
  readonly window: readonly [number, number];
  readonly pads: readonly [number, number];
  readonly strides: readonly [number, number];
}

export class CudnnPoolingDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnPoolingDescriptor_t');
  settings: PoolingSettings | undefined;
}

/** `typedef struct cudnnPoolingStruct *cudnnPoolingDescriptor_t`. */
export type cudnnPoolingDescriptor_t = CudnnPoolingDescriptor;

function requirePooling(desc: unknown): PoolingSettings {
  const d = requireDescriptor(desc, CudnnPoolingDescriptor, 'cudnnPoolingDescriptor_t', 'poolingDesc');
  if (!d.settings) throw new DeviceFault('invalid-value', `poolingDesc was created but never set (cudnnSetPooling2dDescriptor)${d.origin}`);
  return d.settings;
}

function poolingOutput(settings: PoolingSettings, x: TensorLayout, what: string): number[] {
  if (x.dims.length !== 4) throw new DeviceFault('invalid-value', `${what} has ${x.dims.length} dimensions; 2-D pooling takes 4-D N, C, H, W tensors`);
  const [n, c, h, w] = x.dims;
  const out = [h, w].map((size, i) => {
    const span = size + 2 * settings.pads[i] - settings.window[i];
    if (span < 0) throw new DeviceFault('invalid-value', `the pooling window ${settings.window[i]} exceeds the padded input ${size + 2 * settings.pads[i]} (${what} ${formatDims(x.dims)})`);
    return 1 + Math.floor(span / settings.strides[i]);
  });
  return [n, c, out[0], out[1]];
}

export function cudnnCreatePoolingDescriptor(poolingDesc: Ref<cudnnPoolingDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreatePoolingDescriptor', poolingDesc, 'poolingDesc', (site) => new CudnnPoolingDescriptor(site));
}

export function cudnnSetPooling2dDescriptor(
  poolingDesc: cudnnPoolingDescriptor_t,
  mode: cudnnPoolingMode_t,
  maxpoolingNanOpt: cudnnNanPropagation_t,
  windowHeight: number,
  windowWidth: number,
  verticalPadding: number,
  horizontalPadding: number,
  verticalStride: number,
  horizontalStride: number,
): cudnnStatus_t {
  return cudnnCall('cudnnSetPooling2dDescriptor', (ctx) => {
    const desc = requireDescriptor(poolingDesc, CudnnPoolingDescriptor, 'cudnnPoolingDescriptor_t', 'poolingDesc');
    if (!isEnumMember('cudnnPoolingMode_t', mode)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `mode ${String(mode)} is not a cudnnPoolingMode_t`);
    if (!isEnumMember('cudnnNanPropagation_t', maxpoolingNanOpt)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `maxpoolingNanOpt ${String(maxpoolingNanOpt)} is not a cudnnNanPropagation_t`);
    desc.settings = {
      mode,
      nanOpt: maxpoolingNanOpt,
      window: [requireInt(windowHeight, 'windowHeight', 1), requireInt(windowWidth, 'windowWidth', 1)],
      pads: [requireInt(verticalPadding, 'verticalPadding', 0), requireInt(horizontalPadding, 'horizontalPadding', 0)],
      strides: [requireInt(verticalStride, 'verticalStride', 1), requireInt(horizontalStride, 'horizontalStride', 1)],
    };
  });
}

export function cudnnDestroyPoolingDescriptor(poolingDesc: cudnnPoolingDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyPoolingDescriptor', poolingDesc, CudnnPoolingDescriptor, 'cudnnPoolingDescriptor_t', 'poolingDesc');
}

export function cudnnGetPooling2dForwardOutputDim(
  poolingDesc: cudnnPoolingDescriptor_t,
  inputTensorDesc: cudnnTensorDescriptor_t,
  n: Ref<number>,
  c: Ref<number>,
  h: Ref<number>,
  w: Ref<number>,
): cudnnStatus_t {
  return cudnnCall('cudnnGetPooling2dForwardOutputDim', () => {
    for (const [out, what] of [[n, 'n'], [c, 'c'], [h, 'h'], [w, 'w']] as const) requireOut(out, what);
    const dims = poolingOutput(requirePooling(poolingDesc), requireTensorLayout(inputTensorDesc, 'inputTensorDesc'), 'inputTensorDesc');
    writeOut(n, dims[0], 'n');
    writeOut(c, dims[1], 'c');
    writeOut(h, dims[2], 'h');
    writeOut(w, dims[3], 'w');
  });
}

const CHANNELS_LAST = [0, 2, 3, 1];

export function cudnnPoolingForward(
  handle: cudnnHandle_t,
  poolingDesc: cudnnPoolingDescriptor_t,
  alpha: unknown,
  xDesc: cudnnTensorDescriptor_t,
  x: unknown,
  beta: unknown,
  yDesc: cudnnTensorDescriptor_t,
  y: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnPoolingForward',
    (ctx) => {
      const h = requireCudnnHandle(handle);
      const settings = requirePooling(poolingDesc);
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      if (xl.dtype !== yl.dtype) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc is ${cudnnTypeName(xl.dataType)} but yDesc is ${cudnnTypeName(yl.dataType)}`);
      const expected = poolingOutput(settings, xl, 'xDesc');
      if (yl.dims.length !== 4 || yl.dims.some((d, i) => d !== expected[i])) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `yDesc ${formatDims(yl.dims)} does not match the pooling output ${formatDims(expected)} (cudnnGetPooling2dForwardOutputDim)`);
      }
      const a = readScalingFactor(alpha, 'alpha', yl.dtype);
      const b = readScalingFactor(beta, 'beta', yl.dtype);
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      const average = settings.mode === CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING || settings.mode === CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING;
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        if (!average && settings.nanOpt === CUDNN_NOT_PROPAGATE_NAN) warnNanNotPropagated(ctx, xo.view, 'maxpoolingNanOpt');
        const nhwc = xl.channelsLast;
        const view = (o: typeof xo) => (nhwc ? { ptr: o.ptr, view: o.view.permute(CHANNELS_LAST) } : o);
        const { window, pads, strides } = settings;
        launchBlended(
          { ctx, stream, profile: boundEntryProfile(ctx.symbol) },
          {
            op: average ? 'AveragePool' : 'MaxPool',
            inputs: [view(xo)],
            attributes: {
              kernel_shape: [...window],
              pads: [pads[0], pads[1], pads[0], pads[1]],
              strides: [...strides],
              ...(average ? { count_include_pad: settings.mode === CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING ? 1 : 0 } : {}),
              ...(nhwc ? { data_format: 'NHWC' } : {}),
            },
            moreOutputs: average ? [] : [undefined],
          },
          view(yo),
          a,
          b,
        );
      });
    },
    true,
  );
}
