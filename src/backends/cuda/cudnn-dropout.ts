/**
 * cudnnDropoutDescriptor_t and cudnnDropoutForward as the canonical Dropout in training mode
 * (ratio = the descriptor's probability, seed = its seed): elements are kept when the
 * float32 Philox4x32-10 uniform of their position is below 1 − ratio and scaled by
 * 1 / (1 − ratio) (the catalog's note: cuDNN's usual behaviour, not confirmed in the sources
 * read). cuDNN's own generator is not reproduced: the mask matches cuDNN in distribution, not
 * bit for bit.
 *
 * Models (docs/backends/cuda.md):
 * - RNG states: 16 bytes (the Philox key and counter), written into `states` by
 *   cudnnSetDropoutDescriptor and read by every forward call. Whether cuDNN advances its
 *   states between forward calls is not documented in the sources read: each call draws from
 *   the start of the stream, so equal calls give equal masks.
 * - Reserve space: the keep mask, one byte per element (ONNX Dropout's bool mask), in x's
 *   element order. A smaller states or reserve buffer is
 *   CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT with OB2011.
 * - x and y have the same dimensions and data type (CUDNN_STATUS_BAD_PARAM otherwise).
 */
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { deviceTensor } from '../sim/device-tensor.js';
import type { CallContext } from '../sim/facade-call.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { CUDNN_STATUS_BAD_PARAM, CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT, type cudnnStatus_t } from './constants.generated.js';
import { cudnnTypeName } from './cudnn-data-types.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor } from './cudnn-descriptor.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { launchStep } from './cudnn-launch.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { sameDims } from './cudnn-views.js';
import { requireOut, writeOut } from './out-param.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile, boundName } from './backend-binding.js';

/** Bytes of simulated RNG state: a 64-bit Philox key (the seed) and a 64-bit counter. */
export const DROPOUT_STATE_BYTES = 16;

interface DropoutSettings {
  readonly dropout: number;
  readonly seed: number;
  readonly states: DevicePtr;
}

export class CudnnDropoutDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnDropoutDescriptor_t');
  settings: DropoutSettings | undefined;
}

/** `typedef struct cudnnDropoutStruct *cudnnDropoutDescriptor_t`. */
export type cudnnDropoutDescriptor_t = CudnnDropoutDescriptor;

export function cudnnCreateDropoutDescriptor(dropoutDesc: Ref<cudnnDropoutDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreateDropoutDescriptor', dropoutDesc, 'dropoutDesc', (site) => new CudnnDropoutDescriptor(site));
}

export function cudnnDestroyDropoutDescriptor(dropoutDesc: cudnnDropoutDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyDropoutDescriptor', dropoutDesc, CudnnDropoutDescriptor, 'cudnnDropoutDescriptor_t', 'dropoutDesc');
}

export function cudnnDropoutGetStatesSize(handle: cudnnHandle_t, sizeInBytes: Ref<number>): cudnnStatus_t {
  return cudnnCall('cudnnDropoutGetStatesSize', () => {
    requireCudnnHandle(handle);
    writeOut(sizeInBytes, DROPOUT_STATE_BYTES, 'sizeInBytes');
  });
}

function elementCount(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}

export function cudnnDropoutGetReserveSpaceSize(xdesc: cudnnTensorDescriptor_t, sizeInBytes: Ref<number>): cudnnStatus_t {
  return cudnnCall('cudnnDropoutGetReserveSpaceSize', () => {
    requireOut(sizeInBytes, 'sizeInBytes');
    writeOut(sizeInBytes, elementCount(requireTensorLayout(xdesc, 'xdesc').dims), 'sizeInBytes');
  });
}

function requireSeed(seed: unknown): number {
  const value = typeof seed === 'bigint' && seed <= BigInt(Number.MAX_SAFE_INTEGER) && seed >= 0n ? Number(seed) : seed;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DeviceFault('not-supported', `seed ${String(seed)}: the simulator takes unsigned seeds up to 2^53 - 1 (the Dropout operator's seed attribute)`);
  }
  return value;
}

/** Initialises the RNG states in `states` from `seed` (a kernel on the handle's stream in cuDNN). */
export function cudnnSetDropoutDescriptor(
  dropoutDesc: cudnnDropoutDescriptor_t,
  handle: cudnnHandle_t,
  dropout: number,
  states: unknown,
  stateSizeInBytes: number,
  seed: number | bigint,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnSetDropoutDescriptor',
    (ctx) => {
      const desc = requireDescriptor(dropoutDesc, CudnnDropoutDescriptor, 'cudnnDropoutDescriptor_t', 'dropoutDesc');
      const h = requireCudnnHandle(handle);
      if (typeof dropout !== 'number' || !(dropout >= 0 && dropout <= 1)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `dropout = ${String(dropout)} is not a probability in [0, 1]`);
      if (typeof stateSizeInBytes !== 'number' || stateSizeInBytes < DROPOUT_STATE_BYTES) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT, `stateSizeInBytes = ${String(stateSizeInBytes)} is less than cudnnDropoutGetStatesSize (${DROPOUT_STATE_BYTES})`, 'OB2011');
      }
      const seedValue = requireSeed(seed);
      const ptr = requireDevicePtr(states, 'states');
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      asDeviceWork(ctx, () => writeStates(ctx, ptr, seedValue, stream));
      // cuDNN reads dropout as a float.
      desc.settings = { dropout: Math.fround(dropout), seed: seedValue, states: ptr };
    },
    true,
  );
}

function writeStates(ctx: CallContext, ptr: DevicePtr, seed: number, stream: SimStream): void {
  const bytes = ctx.process.memory(ptr.allocation.device).bytes(ptr, DROPOUT_STATE_BYTES);
  const words = new DataView(bytes.buffer, bytes.byteOffset, DROPOUT_STATE_BYTES);
  words.setBigUint64(0, BigInt(seed), true);
  words.setBigUint64(8, 0n, true);
  const stamp = ctx.process.ordering.enqueue(stream, 0);
  ctx.process.access.recordDeviceWrite(ptr, DROPOUT_STATE_BYTES, stamp, ctx.symbol, ctx.site);
}

export function cudnnDropoutForward(
  handle: cudnnHandle_t,
  dropoutDesc: cudnnDropoutDescriptor_t,
  xdesc: cudnnTensorDescriptor_t,
  x: unknown,
  ydesc: cudnnTensorDescriptor_t,
  y: unknown,
  reserveSpace: unknown,
  reserveSpaceSizeInBytes: number,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnDropoutForward',
    (ctx) => {
      const h = requireCudnnHandle(handle);
      const desc = requireDescriptor(dropoutDesc, CudnnDropoutDescriptor, 'cudnnDropoutDescriptor_t', 'dropoutDesc');
      if (!desc.settings) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `dropoutDesc was created but never set (cudnnSetDropoutDescriptor)${desc.origin}`);
      const settings = desc.settings;
      const xl = requireTensorLayout(xdesc, 'xdesc');
      const yl = requireTensorLayout(ydesc, 'ydesc');
      if (!sameDims(xl.dims, yl.dims) || xl.dtype !== yl.dtype) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xdesc ${formatDims(xl.dims)} ${cudnnTypeName(xl.dataType)} and ydesc ${formatDims(yl.dims)} ${cudnnTypeName(yl.dataType)} differ`);
      }
      if (xl.dtype !== 'float32' && xl.dtype !== 'float16' && xl.dtype !== 'bfloat16' && xl.dtype !== 'float64') return notSimulated(ctx, `dropout of ${cudnnTypeName(xl.dataType)} data`);
      const reserve = elementCount(xl.dims);
      if (typeof reserveSpaceSizeInBytes !== 'number' || reserveSpaceSizeInBytes < reserve) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT, `reserveSpaceSizeInBytes = ${String(reserveSpaceSizeInBytes)} is less than cudnnDropoutGetReserveSpaceSize (${reserve})`, 'OB2011');
      }
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      asDeviceWork(ctx, () => {
        // The kernel reads its RNG states: freed or out-of-bounds state memory faults here.
        ctx.process.memory(settings.states.allocation.device).check(settings.states, DROPOUT_STATE_BYTES);
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        const rp = requireDevicePtr(reserveSpace, 'reserveSpace');
        const mask = { ptr: rp, view: deviceTensor(ctx.process, { ptr: rp, dtype: 'bool', shape: xl.dims }) };
        launchStep(
          { ctx, stream, profile: boundEntryProfile(ctx.symbol) },
          {
            op: 'Dropout',
            inputs: [xo, Tensor.fromNumbers([settings.dropout], [], 'float32'), Tensor.fromNumbers([1], [], 'bool')],
            attributes: { seed: settings.seed },
          },
          [yo, mask],
        );
      });
    },
    true,
  );
}
