/**
 * muDNN's pooling (torch_musa's C-API path, inferred; docs/backends/musa.md).
 * `mudnnSetPoolingNdDescriptorEx(poolingDesc, mode, divisor, nbDims, windowDimA, paddingA,
 * strideA, dilationA)` sets the pooling descriptor mudnnCreatePoolingDescriptor made (cuDNN's
 * object); `mudnnPoolingForwardEx(handle, poolingDesc, yDesc, y, xDesc, x, indicesDesc,
 * indices)` pools output first, no alpha / beta. MAX and the two AVERAGE modes are cuDNN's 2-D
 * pooling (cudnnSetPooling2dDescriptor / cudnnPoolingForward answer them, NaNs propagated as
 * PyTorch's max pooling does: muDNN has no NaN option); GLOBAL_AVGPOOL runs GlobalAveragePool.
 * Not simulated (MUDNN_STATUS_NOT_SUPPORTED with OB2014): other ranks than 2, dilation other
 * than 1, a divisor override, the adaptive modes, and the indices output (its index convention
 * is not documented; pass NULL).
 */
import { launchStep } from '../cuda/cudnn-launch.js';
import { CudnnPoolingDescriptor } from '../cuda/cudnn-pooling.js';
import { requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand } from '../cuda/cudnn-tensor-descriptors.js';
import { CUDNN_PROPAGATE_NAN, CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { asDeviceWork } from '../cuda/runtime-state.js';
import { DeviceFault } from '../sim/device-fault.js';
import { binding } from './binding.js';
import { mudnnCall, mudnnLaunch, requireIntegers, requireMember } from './mudnn-call.js';
import { modeOperator } from './mudnn-variants.js';
import type { mudnnPoolingMode_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnPoolingDescriptor_t, mudnnTensorDescriptor_t } from './types.js';

/** The muDNN mode set on each pooling descriptor. */
const modes = new WeakMap<CudnnPoolingDescriptor, mudnnPoolingMode_t>();
const TYPE = 'mudnnPoolingStruct*';
const success = (): unknown => binding.fromCuda(0, 'mudnnStatus_t', 'cudnnStatus_t');
const found = (mode: unknown) => modeOperator('mudnnPoolingForwardEx', mode);

export function mudnnSetPoolingNdDescriptorEx(
  poolingDesc: mudnnPoolingDescriptor_t,
  mode: mudnnPoolingMode_t,
  divisor: number,
  nbDims: number,
  windowDimA: ArrayLike<number>,
  paddingA: ArrayLike<number>,
  strideA: ArrayLike<number>,
  dilationA: ArrayLike<number> = [1, 1],
): mudnnStatus_t {
  const symbol = 'mudnnSetPoolingNdDescriptorEx';
  let window: number[] = [];
  let pads: number[] = [];
  let strides: number[] = [];
  const checked = mudnnCall(symbol, (ctx) => {
    const desc = requireDescriptor(poolingDesc, CudnnPoolingDescriptor, TYPE, 'poolingDesc');
    requireMember(mode, 'mudnnPoolingMode_t', 'mode');
    if (!found(mode)) return notSimulated(ctx, `pooling mode ${String(mode)}`);
    if (nbDims !== 2) return notSimulated(ctx, `nbDims ${String(nbDims)}: only 2-D pooling is`);
    if (divisor !== 0) return notSimulated(ctx, `divisor ${String(divisor)} (an average-pool divisor override)`);
    window = requireIntegers(windowDimA, 2, 'windowDimA');
    pads = requireIntegers(paddingA, 2, 'paddingA');
    strides = requireIntegers(strideA, 2, 'strideA');
    const dilations = requireIntegers(dilationA, 2, 'dilationA');
    if (dilations.some((d) => d !== 1)) return notSimulated(ctx, `dilationA [${dilations.join(', ')}]: only dilation 1 is`);
    modes.set(desc, mode);
    return undefined;
  });
  if (checked !== success() || found(mode)?.operator === 'GlobalAveragePool') return checked;
  const cudaMode = binding.toCudaEnum(mode, 'mudnnPoolingMode_t', 'cudnnPoolingMode_t');
  return binding.callCuda(symbol, 'cudnnSetPooling2dDescriptor', [poolingDesc, cudaMode, CUDNN_PROPAGATE_NAN, window[0], window[1], pads[0], pads[1], strides[0], strides[1]]);
}

export function mudnnPoolingForwardEx(
  handle: mudnnHandle_t,
  poolingDesc: mudnnPoolingDescriptor_t,
  yDesc: mudnnTensorDescriptor_t,
  y: unknown,
  xDesc: mudnnTensorDescriptor_t,
  x: unknown,
  indicesDesc: mudnnTensorDescriptor_t | null,
  indices: unknown,
): mudnnStatus_t {
  const symbol = 'mudnnPoolingForwardEx';
  let global = false;
  const checked = mudnnCall(
    symbol,
    (ctx) => {
      const desc = requireDescriptor(poolingDesc, CudnnPoolingDescriptor, TYPE, 'poolingDesc');
      const mode = modes.get(desc);
      if (mode === undefined) throw new DeviceFault('invalid-value', `poolingDesc was created but never set (mudnnSetPoolingNdDescriptorEx)${desc.origin}`);
      if (indices !== null && indices !== undefined) return notSimulated(ctx, 'the indices output (its index convention is not documented; pass NULL)');
      void indicesDesc;
      global = found(mode)?.operator === 'GlobalAveragePool';
      if (!global) return undefined;
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      const expected = [...xl.dims.slice(0, 2), ...xl.dims.slice(2).map(() => 1)];
      if (xl.dims.length < 3 || yl.dims.join() !== expected.join() || xl.dtype !== yl.dtype) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `yDesc ${formatDims(yl.dims)} ${yl.dtype} must be ${formatDims(expected)} ${xl.dtype} for global average pooling of xDesc ${formatDims(xl.dims)}`);
      }
      if (xl.channelsLast) return notSimulated(ctx, 'global average pooling of a channels-last xDesc');
      const env = mudnnLaunch(ctx, handle);
      if (typeof env === 'number') return env;
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        launchStep(env, { op: 'GlobalAveragePool', inputs: [xo], attributes: {} }, [yo]);
      });
      return undefined;
    },
    true,
  );
  if (checked !== success() || global) return checked;
  return binding.callCuda(symbol, 'cudnnPoolingForward', [handle, poolingDesc, 1, xDesc, x, 0, yDesc, y]);
}
