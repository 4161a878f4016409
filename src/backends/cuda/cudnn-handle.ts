/**
 * cudnnHandle_t and the calls that manage it (cudnn_graph.h): create, destroy, set/get stream,
 * and cudnnGetErrorString. The handle belongs to the device current at cudnnCreate and
 * queues its work on the legacy default stream until cudnnSetStream.
 */
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import type { LiveObject } from '../sim/sim-process.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { CUDNN_STATUS_EXECUTION_FAILED, type cudnnStatus_t } from './constants.generated.js';
import { cudnnCall } from './cudnn-status.js';
import { enumMemberNames } from './enum-names.js';
import { launchStream } from './library-streams.js';
import { requireOut, writeOut } from './out-param.js';
import { CudaStream, type cudaStream_t } from './streams.js';
import { boundName } from './backend-binding.js';

export class CudnnHandle implements LiveObject {
  readonly kind = boundName('cudnnHandle_t');
  destroyed = false;
  stream: cudaStream_t = 0;

  constructor(
    readonly device: number,
    readonly site: CallSite | undefined,
  ) {}
}

/** `typedef struct cudnnContext *cudnnHandle_t`. */
export type cudnnHandle_t = CudnnHandle;

function describe(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `host memory (${value.constructor.name})`;
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'an object';
  return typeof value;
}

/** A live handle; NULL is a null-pointer fault, a foreign or destroyed one OB2008. */
export function requireCudnnHandle(handle: unknown): CudnnHandle {
  if (handle === null || handle === undefined) throw new DeviceFault('null-pointer', 'handle is NULL: create one with cudnnCreate');
  if (!(handle instanceof CudnnHandle)) throw new DeviceFault('invalid-handle', `handle is not a cudnnHandle_t (got ${describe(handle)})`);
  if (handle.destroyed) {
    throw new DeviceFault('invalid-handle', `handle was destroyed with cudnnDestroy${handle.site ? ` (created at ${handle.site.file}:${handle.site.line})` : ''}`);
  }
  return handle;
}

/** The stream a handle's kernels go to; a destroyed stream fails the launch (OB2008). */
export function cudnnLaunchStream(ctx: CallContext, handle: CudnnHandle): SimStream | number {
  return launchStream(ctx, handle.stream, CUDNN_STATUS_EXECUTION_FAILED, 'CUDNN_STATUS_EXECUTION_FAILED', 'the handle stream');
}

export function cudnnCreate(handle: Ref<cudnnHandle_t>): cudnnStatus_t {
  return cudnnCall('cudnnCreate', (ctx) => {
    requireOut(handle, 'handle');
    writeOut(handle, ctx.process.track(new CudnnHandle(ctx.process.currentDevice, ctx.site)), 'handle');
  });
}

export function cudnnDestroy(handle: cudnnHandle_t): cudnnStatus_t {
  return cudnnCall('cudnnDestroy', (ctx) => ctx.process.release(requireCudnnHandle(handle)));
}

/** Later calls on the handle are queued on streamId (0 / NULL: the legacy default stream). */
export function cudnnSetStream(handle: cudnnHandle_t, streamId: cudaStream_t): cudnnStatus_t {
  return cudnnCall('cudnnSetStream', () => {
    const h = requireCudnnHandle(handle);
    if (streamId !== 0 && streamId !== null && streamId !== undefined && !(streamId instanceof CudaStream)) {
      throw new DeviceFault('invalid-value', `streamId is not a cudaStream_t (got ${describe(streamId)})`);
    }
    h.stream = streamId ?? 0;
  });
}

/** The stream later calls on the handle are queued on (0: the legacy default stream). */
export function cudnnGetStream(handle: cudnnHandle_t, streamId: Ref<cudaStream_t>): cudnnStatus_t {
  return cudnnCall('cudnnGetStream', () => {
    const h = requireCudnnHandle(handle);
    writeOut(streamId, h.stream, 'streamId');
  });
}

/**
 * The status's enumerator name ("CUDNN_STATUS_BAD_PARAM"), as cuDNN's strings read in the
 * messages frameworks print ("cuDNN error: CUDNN_STATUS_NOT_SUPPORTED"): inferred, the
 * library's string table was not read. A value that is no status gives
 * "CUDNN_UNKNOWN_STATUS" (the text of older releases; unconfirmed for cuDNN 9).
 */
export function cudnnGetErrorString(status: cudnnStatus_t): string {
  return (typeof status === 'number' ? enumMemberNames('cudnnStatus_t').get(status) : undefined) ?? 'CUDNN_UNKNOWN_STATUS';
}
