/**
 * muDNN's dropout (torch_musa's Dropout::RunDropout, inferred; docs/backends/musa.md).
 * `mudnnSetDropoutDescriptorEx(dropoutDesc, dropout, scale, seedType, seed, offsetType, offset,
 * subOffset)` replaces cuDNN's RNG state buffer with a counter-based seed and offset;
 * `mudnnDropoutForwardEx(handle, dropoutDesc, xDesc, x, yDesc, y, maskDesc, mask)` runs
 * training-mode Dropout, input first, the mask a tensor with its own descriptor.
 *
 * Simulated: the canonical Dropout (kept elements scaled by 1 / (1 - ratio)), so `scale` must
 * be that value (torch_musa passes it; other scales are not simulated); the seed and offset are
 * host values (MUDNN_PARAM_DATA_UINT64 / INT64; a POINTER seed in device memory is not
 * simulated) folded into the runtime generator's seed, so masks are reproducible per (seed,
 * offset, subOffset) but never match the hardware's positions (the catalog: compare
 * statistics). The mask must be a MUDNN_DATA_BOOLEAN tensor shaped like x.
 */
import { CudnnDropoutDescriptor } from '../cuda/cudnn-dropout.js';
import { requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { launchStep } from '../cuda/cudnn-launch.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand } from '../cuda/cudnn-tensor-descriptors.js';
import { sameDims } from '../cuda/cudnn-views.js';
import { CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { asDeviceWork } from '../cuda/runtime-state.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import { mudnnCall, mudnnLaunch, requireMember } from './mudnn-call.js';
import type { mudnnParamDataType_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnDropoutDescriptor_t, mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

interface MudnnDropoutSettings {
  readonly ratio: number;
  readonly seed: number;
}

const settingsOf = new WeakMap<CudnnDropoutDescriptor, MudnnDropoutSettings>();
const TYPE = 'mudnnDropoutStruct*';
const HOST_VALUE_TYPES = new Set<unknown>(['MUDNN_PARAM_DATA_UINT64', 'MUDNN_PARAM_DATA_INT64']);

/** A host integer passed by value (number or bigint). */
function hostInteger(value: unknown, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  throw new DeviceFault('invalid-value', `${what} must be an integer value, got ${typeof value}`);
}

/** The runtime generator's seed for a muDNN (seed, offset, subOffset) triple: a fixed mix into 31 bits. */
function runtimeSeed(seed: bigint, offset: bigint, subOffset: bigint): number {
  const mixed = (seed * 1_000_003n + offset * 1_009n + subOffset) % 2_147_483_647n;
  return Number(mixed < 0n ? mixed + 2_147_483_647n : mixed);
}

export function mudnnSetDropoutDescriptorEx(
  dropoutDesc: mudnnDropoutDescriptor_t,
  dropout: number,
  scale: number,
  seedType: mudnnParamDataType_t,
  seed: unknown,
  offsetType: mudnnParamDataType_t,
  offset: unknown,
  subOffset: number | bigint = 0,
): mudnnStatus_t {
  return mudnnCall('mudnnSetDropoutDescriptorEx', (ctx) => {
    const desc = requireDescriptor(dropoutDesc, CudnnDropoutDescriptor, TYPE, 'dropoutDesc');
    requireMember(seedType, 'mudnnParamDataType_t', 'seedType');
    requireMember(offsetType, 'mudnnParamDataType_t', 'offsetType');
    if (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1)) throw new DeviceFault('invalid-value', `dropout must be a probability in [0, 1), got ${String(dropout)}`);
    const keep = 1 / (1 - dropout);
    if (typeof scale !== 'number' || Math.abs(scale - keep) > 1e-6 * keep) return notSimulated(ctx, `scale ${String(scale)} (kept elements are scaled by 1 / (1 - dropout) = ${keep})`);
    if (!HOST_VALUE_TYPES.has(seedType)) return notSimulated(ctx, `seedType ${String(seedType)}: only a seed passed by value (MUDNN_PARAM_DATA_UINT64 / INT64) is`);
    if (offsetType !== 'MUDNN_PARAM_DATA_NONE' && !HOST_VALUE_TYPES.has(offsetType)) return notSimulated(ctx, `offsetType ${String(offsetType)}: only an offset passed by value is`);
    const off = offsetType === 'MUDNN_PARAM_DATA_NONE' ? 0n : hostInteger(offset, 'offset');
    settingsOf.set(desc, { ratio: dropout, seed: runtimeSeed(hostInteger(seed, 'seed'), off, hostInteger(subOffset, 'subOffset')) });
    return undefined;
  });
}

export function mudnnDropoutForwardEx(
  handle: mudnnHandle_t,
  dropoutDesc: mudnnDropoutDescriptor_t,
  xDesc: mudnnTensorDescriptor_t,
  x: unknown,
  yDesc: mudnnTensorDescriptor_t,
  y: unknown,
  maskDesc: mudnnTensorDescriptor_t,
  mask: unknown,
): mudnnStatus_t {
  return mudnnCall(
    'mudnnDropoutForwardEx',
    (ctx) => {
      const desc = requireDescriptor(dropoutDesc, CudnnDropoutDescriptor, TYPE, 'dropoutDesc');
      const settings = settingsOf.get(desc);
      if (!settings) throw new DeviceFault('invalid-value', `dropoutDesc was created but never set (mudnnSetDropoutDescriptorEx)${desc.origin}`);
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      const ml = requireTensorLayout(maskDesc, 'maskDesc');
      if (!sameDims(xl.dims, yl.dims) || xl.dtype !== yl.dtype) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(xl.dims)} ${xl.dtype} and yDesc ${formatDims(yl.dims)} ${yl.dtype} differ`);
      if (!sameDims(ml.dims, xl.dims)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `maskDesc ${formatDims(ml.dims)} is not shaped like xDesc ${formatDims(xl.dims)}`);
      if (ml.dtype !== 'bool') return notSimulated(ctx, `a ${ml.dtype} mask (describe it as MUDNN_DATA_BOOLEAN)`);
      const env = mudnnLaunch(ctx, handle);
      if (typeof env === 'number') return env;
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        const mo = tensorOperand(ctx.process, ml, mask, 'mask');
        const inputs = [xo, Tensor.fromNumbers([settings.ratio], [], 'float32'), Tensor.fromNumbers([1], [], 'bool')];
        launchStep(env, { op: 'Dropout', inputs, attributes: { seed: settings.seed } }, [yo, mo]);
      });
      return undefined;
    },
    true,
  );
}
