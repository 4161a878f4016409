/**
 * The CUDA runtime API (cuda_runtime_api.h, CUDA 13.0) on the simulated devices: devices,
 * device and pinned host memory, copies, memset, streams, events and errors. Every call
 * returns cudaError_t as C does; failures set the last error, and a lost context (an illegal
 * address in a kernel) makes every later device call return cudaErrorIllegalAddress.
 */
import { DeviceFault } from '../sim/device-fault.js';
import { DevicePtr, isDevicePtr } from '../sim/device-memory.js';
import type { CallContext } from '../sim/facade-call.js';
import { allocateDevice, copyMemory, freeDevice, isHostMemory, setMemory, type CopyDirection } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { currentProcess } from '../sim/sim-process.js';
import { SIMULATED_DEVICE } from '../sim/stream-ordering.js';
import {
  cudaErrorInvalidDevice,
  cudaErrorInvalidMemcpyDirection,
  cudaErrorInvalidResourceHandle,
  cudaErrorNotReady,
  cudaEventBlockingSync,
  cudaEventDisableTiming,
  cudaEventInterprocess,
  cudaHostAllocMapped,
  cudaHostAllocPortable,
  cudaHostAllocWriteCombined,
  cudaMemcpyDefault,
  cudaMemcpyDeviceToDevice,
  cudaMemcpyDeviceToHost,
  cudaMemcpyHostToDevice,
  cudaMemcpyHostToHost,
  cudaStreamDefault,
  cudaStreamNonBlocking,
  cudaSuccess,
  type cudaError_t,
  type cudaMemcpyKind,
} from './constants.generated.js';
import { CUDA_ERRORS, errorString, isErrorStatus, UNRECOGNIZED_ERROR } from './cuda-errors.js';
import { enumMemberNames, statusName } from './enum-names.js';
import { requireOut, writeOut } from './out-param.js';
import { reject } from './rejection.js';
import { cudaRuntimeState } from './runtime-state.js';
import { CudaEvent, CudaStream, requireEvent, resolveStream, type cudaEvent_t, type cudaStream_t } from './streams.js';
import { boundFacadeCall } from './backend-binding.js';

/** Runs a runtime call: sticky errors first, then the body; a failure becomes the last error. */
function runtimeCall(symbol: string, body: (ctx: CallContext) => number | void, touchesDevice = true): cudaError_t {
  const state = cudaRuntimeState(currentProcess());
  const status = boundFacadeCall(symbol, CUDA_ERRORS, (ctx) => {
    if (touchesDevice && state.sticky !== cudaSuccess) return state.sticky;
    return body(ctx);
  });
  if (isErrorStatus(status)) state.lastError = status;
  return status as cudaError_t;
}

function rejectRuntime(ctx: CallContext, status: number, message: string): number {
  return reject(ctx, status, statusName('cudaError_t', status), message);
}

function requireFlags(flags: unknown, allowed: number, what: string): number {
  if (typeof flags !== 'number' || !Number.isInteger(flags) || flags < 0 || (flags & ~allowed) !== 0) {
    throw new DeviceFault('invalid-value', `${what} ${String(flags)} has bits outside the documented flags (0x${allowed.toString(16)})`);
  }
  return flags;
}

// ---- devices --------------------------------------------------------------------------------

export function cudaGetDeviceCount(count: Ref<number>): cudaError_t {
  return runtimeCall('cudaGetDeviceCount', (ctx) => writeOut(count, ctx.process.deviceCount, 'count'), false);
}

export function cudaSetDevice(device: number): cudaError_t {
  return runtimeCall(
    'cudaSetDevice',
    (ctx) => {
      if (!Number.isInteger(device) || device < 0 || device >= ctx.process.deviceCount) {
        return rejectRuntime(ctx, cudaErrorInvalidDevice, `device ${device} is not a device of this process (0..${ctx.process.deviceCount - 1})`);
      }
      ctx.process.currentDevice = device;
    },
    false,
  );
}

export function cudaGetDevice(device: Ref<number>): cudaError_t {
  return runtimeCall('cudaGetDevice', (ctx) => writeOut(device, ctx.process.currentDevice, 'device'), false);
}

export function cudaDeviceSynchronize(): cudaError_t {
  return runtimeCall('cudaDeviceSynchronize', (ctx) => ctx.process.ordering.synchronizeDevice(ctx.process.currentDevice));
}

/**
 * Frees every allocation and destroys every stream and event of the current device. The
 * sticky error of a lost context survives: the header says the process must be restarted.
 */
export function cudaDeviceReset(): cudaError_t {
  return runtimeCall(
    'cudaDeviceReset',
    (ctx) => {
      const { process } = ctx;
      const device = process.currentDevice;
      process.ordering.synchronizeDevice(device);
      const memory = process.memory(device);
      for (const allocation of memory.leaks()) memory.free(new DevicePtr(allocation, 0), allocation.kind, ctx.site);
      for (const object of process.liveObjects()) {
        if ((object instanceof CudaStream || object instanceof CudaEvent) && object.device === device) {
          if (object instanceof CudaStream) process.ordering.destroyStream(object.sim);
          else object.sim.destroyed = true;
          process.release(object);
        }
      }
    },
    false,
  );
}

// ---- memory ---------------------------------------------------------------------------------

export function cudaMalloc(devPtr: Ref<DevicePtr>, size: number): cudaError_t {
  return runtimeCall('cudaMalloc', (ctx) => {
    requireOut(devPtr, 'devPtr');
    writeOut(devPtr, allocateDevice(ctx, size), 'devPtr');
  });
}

export function cudaFree(devPtr: DevicePtr | null | undefined | 0): cudaError_t {
  return runtimeCall('cudaFree', (ctx) => freeDevice(ctx, devPtr === 0 ? null : devPtr));
}

function allocatePinned(ctx: CallContext, out: unknown, size: number): void {
  requireOut(out, 'ptr');
  if (!Number.isInteger(size) || size < 0) throw new DeviceFault('invalid-value', `size must be a non-negative integer, got ${size}`);
  writeOut(out, ctx.process.allocatePinned(size, ctx.site), 'ptr');
}

/** Page-locked host memory, returned as an ArrayBuffer (view it with `new Float32Array(p.value)`). */
export function cudaMallocHost(ptr: Ref<ArrayBuffer>, size: number): cudaError_t {
  return runtimeCall('cudaMallocHost', (ctx) => allocatePinned(ctx, ptr, size));
}

export function cudaHostAlloc(pHost: Ref<ArrayBuffer>, size: number, flags: number): cudaError_t {
  return runtimeCall('cudaHostAlloc', (ctx) => {
    requireFlags(flags, cudaHostAllocPortable | cudaHostAllocMapped | cudaHostAllocWriteCombined, 'flags');
    allocatePinned(ctx, pHost, size);
  });
}

export function cudaFreeHost(ptr: ArrayBuffer | ArrayBufferView | null | undefined | 0): cudaError_t {
  return runtimeCall('cudaFreeHost', (ctx) => {
    if (ptr === null || ptr === undefined || ptr === 0) return;
    if (isDevicePtr(ptr)) throw new DeviceFault('device-pointer', `${String(ptr)} is device memory; free it with cudaFree`);
    if (!isHostMemory(ptr)) throw new DeviceFault('invalid-value', `ptr is not host memory (got ${typeof ptr})`);
    if (ArrayBuffer.isView(ptr) && ptr.byteOffset !== 0) {
      throw new DeviceFault('invalid-free', `ptr is ${ptr.byteOffset} bytes into a pinned allocation; free the pointer cudaMallocHost returned`);
    }
    const buffer = ptr instanceof ArrayBuffer ? ptr : ptr.buffer;
    const outcome = ctx.process.freePinned(buffer);
    if (outcome === 'double-free') throw new DeviceFault('double-free', 'double free of pinned host memory');
    if (outcome === 'not-pinned') throw new DeviceFault('invalid-free', 'ptr was not allocated with cudaMallocHost or cudaHostAlloc');
  });
}

export function cudaMemGetInfo(free: Ref<number>, total: Ref<number>): cudaError_t {
  return runtimeCall('cudaMemGetInfo', (ctx) => {
    requireOut(free, 'free');
    requireOut(total, 'total');
    const memory = ctx.process.memory();
    writeOut(free, memory.capacity - memory.used, 'free');
    writeOut(total, memory.capacity, 'total');
  });
}

// ---- copies and memset ----------------------------------------------------------------------

const COPY_DIRECTIONS: ReadonlyMap<number, CopyDirection> = new Map([
  [cudaMemcpyHostToHost, 'host-to-host'],
  [cudaMemcpyHostToDevice, 'host-to-device'],
  [cudaMemcpyDeviceToHost, 'device-to-host'],
  [cudaMemcpyDeviceToDevice, 'device-to-device'],
  [cudaMemcpyDefault, 'default'],
]);

function copy(ctx: CallContext, dst: unknown, src: unknown, count: number, kind: unknown, stream?: unknown): number | void {
  const direction = typeof kind === 'number' ? COPY_DIRECTIONS.get(kind) : undefined;
  if (!direction) {
    return rejectRuntime(ctx, cudaErrorInvalidMemcpyDirection, `kind ${String(kind)} is not a cudaMemcpyKind (${[...enumMemberNames('cudaMemcpyKind').values()].join(', ')})`);
  }
  const sim = stream === undefined ? undefined : resolveStream(ctx.process, stream);
  copyMemory(ctx, { dst, src, bytes: count, direction, stream: sim });
}

/** Synchronous copy of `count` bytes; the host waits for it (and for the legacy default stream). */
export function cudaMemcpy(dst: unknown, src: unknown, count: number, kind: cudaMemcpyKind): cudaError_t {
  return runtimeCall('cudaMemcpy', (ctx) => copy(ctx, dst, src, count, kind));
}

/** Asynchronous copy on `stream`; a device-to-host destination may be read only after synchronising. */
export function cudaMemcpyAsync(dst: unknown, src: unknown, count: number, kind: cudaMemcpyKind, stream: cudaStream_t = 0): cudaError_t {
  return runtimeCall('cudaMemcpyAsync', (ctx) => copy(ctx, dst, src, count, kind, stream ?? 0));
}

export function cudaMemset(devPtr: DevicePtr, value: number, count: number): cudaError_t {
  return runtimeCall('cudaMemset', (ctx) => setMemory(ctx, { ptr: devPtr, value, bytes: count }));
}

export function cudaMemsetAsync(devPtr: DevicePtr, value: number, count: number, stream: cudaStream_t = 0): cudaError_t {
  return runtimeCall('cudaMemsetAsync', (ctx) => setMemory(ctx, { ptr: devPtr, value, bytes: count, stream: resolveStream(ctx.process, stream ?? 0) }));
}

// ---- streams --------------------------------------------------------------------------------

function createStream(ctx: CallContext, pStream: unknown, flags: number): void {
  requireOut(pStream, 'pStream');
  requireFlags(flags, cudaStreamNonBlocking, 'flags');
  const { process } = ctx;
  const sim = process.ordering.createStream(process.currentDevice, (flags & cudaStreamNonBlocking) !== 0);
  writeOut(pStream, process.track(new CudaStream(sim, flags, ctx.site)), 'pStream');
}

export function cudaStreamCreate(pStream: Ref<cudaStream_t>): cudaError_t {
  return runtimeCall('cudaStreamCreate', (ctx) => createStream(ctx, pStream, cudaStreamDefault));
}

export function cudaStreamCreateWithFlags(pStream: Ref<cudaStream_t>, flags: number): cudaError_t {
  return runtimeCall('cudaStreamCreateWithFlags', (ctx) => createStream(ctx, pStream, flags));
}

/** Pending work still completes; only the handle becomes invalid. */
export function cudaStreamDestroy(stream: cudaStream_t): cudaError_t {
  return runtimeCall('cudaStreamDestroy', (ctx) => {
    if (!(stream instanceof CudaStream)) {
      return rejectRuntime(ctx, cudaErrorInvalidResourceHandle, `stream ${String(stream)} is not a stream created by cudaStreamCreate (the default stream cannot be destroyed)`);
    }
    resolveStream(ctx.process, stream);
    ctx.process.ordering.destroyStream(stream.sim);
    ctx.process.release(stream);
  });
}

export function cudaStreamSynchronize(stream: cudaStream_t): cudaError_t {
  return runtimeCall('cudaStreamSynchronize', (ctx) => ctx.process.ordering.synchronizeStream(resolveStream(ctx.process, stream)));
}

export function cudaStreamWaitEvent(stream: cudaStream_t, event: cudaEvent_t, flags: number = 0): cudaError_t {
  return runtimeCall('cudaStreamWaitEvent', (ctx) => {
    const sim = resolveStream(ctx.process, stream);
    const e = requireEvent(event);
    // Outside stream capture only cudaEventWaitDefault (0) applies.
    if (flags !== 0) throw new DeviceFault('invalid-value', `flags must be 0 (cudaEventWaitDefault), got ${flags}`);
    ctx.process.ordering.waitEvent(sim, e.sim);
  });
}

/**
 * cudaSuccess once all work queued on the stream has finished by the simulated clock,
 * cudaErrorNotReady before. Each query costs the host one API call of simulated time, so a
 * polling loop terminates; a successful query orders the host after that work.
 */
export function cudaStreamQuery(stream: cudaStream_t): cudaError_t {
  return runtimeCall('cudaStreamQuery', (ctx) => {
    const sim = resolveStream(ctx.process, stream);
    const ordering = ctx.process.ordering;
    ordering.hostTime += SIMULATED_DEVICE.apiCallUs;
    if (ordering.hostTime < sim.time) return cudaErrorNotReady;
    ordering.synchronizeStream(sim);
  });
}

// ---- events ---------------------------------------------------------------------------------

function createEvent(ctx: CallContext, event: unknown, flags: number): void {
  requireOut(event, 'event');
  requireFlags(flags, cudaEventBlockingSync | cudaEventDisableTiming | cudaEventInterprocess, 'flags');
  if ((flags & cudaEventInterprocess) !== 0 && (flags & cudaEventDisableTiming) === 0) {
    throw new DeviceFault('invalid-value', 'cudaEventInterprocess must be combined with cudaEventDisableTiming');
  }
  const { process } = ctx;
  const sim = process.ordering.createEvent((flags & cudaEventDisableTiming) === 0);
  writeOut(event, process.track(new CudaEvent(sim, flags, process.currentDevice, ctx.site)), 'event');
}

export function cudaEventCreate(event: Ref<cudaEvent_t>): cudaError_t {
  return runtimeCall('cudaEventCreate', (ctx) => createEvent(ctx, event, 0));
}

export function cudaEventCreateWithFlags(event: Ref<cudaEvent_t>, flags: number): cudaError_t {
  return runtimeCall('cudaEventCreateWithFlags', (ctx) => createEvent(ctx, event, flags));
}

export function cudaEventRecord(event: cudaEvent_t, stream: cudaStream_t = 0): cudaError_t {
  return runtimeCall('cudaEventRecord', (ctx) => {
    const e = requireEvent(event);
    ctx.process.ordering.record(e.sim, resolveStream(ctx.process, stream ?? 0));
  });
}

/** Waits for the recorded work; an event never recorded returns at once. */
export function cudaEventSynchronize(event: cudaEvent_t): cudaError_t {
  return runtimeCall('cudaEventSynchronize', (ctx) => ctx.process.ordering.synchronizeEvent(requireEvent(event).sim));
}

function eventComplete(ctx: CallContext, event: CudaEvent): boolean {
  return event.sim.time === undefined || ctx.process.ordering.hostTime >= event.sim.time;
}

/** cudaSuccess when the captured work is done (or the event was never recorded), cudaErrorNotReady before. */
export function cudaEventQuery(event: cudaEvent_t): cudaError_t {
  return runtimeCall('cudaEventQuery', (ctx) => {
    const e = requireEvent(event);
    ctx.process.ordering.hostTime += SIMULATED_DEVICE.apiCallUs;
    if (!eventComplete(ctx, e)) return cudaErrorNotReady;
    ctx.process.ordering.synchronizeEvent(e.sim);
  });
}

/**
 * Milliseconds between two recorded, completed events on the simulated clock (a nominal
 * device, not a performance prediction). As documented: an event created with
 * cudaEventDisableTiming, or never recorded, gives cudaErrorInvalidResourceHandle; one not
 * yet complete gives cudaErrorNotReady.
 */
export function cudaEventElapsedTime(ms: Ref<number>, start: cudaEvent_t, end: cudaEvent_t): cudaError_t {
  return runtimeCall('cudaEventElapsedTime', (ctx) => {
    requireOut(ms, 'ms');
    const first = requireEvent(start, 'start');
    const last = requireEvent(end, 'end');
    for (const [name, e] of [['start', first], ['end', last]] as const) {
      if (!e.sim.timing) return rejectRuntime(ctx, cudaErrorInvalidResourceHandle, `${name} event was created with cudaEventDisableTiming`);
      if (e.sim.time === undefined) return rejectRuntime(ctx, cudaErrorInvalidResourceHandle, `${name} event was never recorded`);
    }
    if (!eventComplete(ctx, first) || !eventComplete(ctx, last)) return cudaErrorNotReady;
    writeOut(ms, Math.fround(ctx.process.ordering.elapsedMs(first.sim, last.sim)), 'ms');
  });
}

export function cudaEventDestroy(event: cudaEvent_t): cudaError_t {
  return runtimeCall('cudaEventDestroy', (ctx) => {
    const e = requireEvent(event);
    e.sim.destroyed = true;
    ctx.process.release(e);
  });
}

// ---- errors ---------------------------------------------------------------------------------

/** Returns the last error of a runtime call and resets it to cudaSuccess, unless the error is sticky. */
export function cudaGetLastError(): cudaError_t {
  const state = cudaRuntimeState(currentProcess());
  const error = state.sticky !== cudaSuccess ? state.sticky : state.lastError;
  if (state.sticky === cudaSuccess) state.lastError = cudaSuccess;
  return error as cudaError_t;
}

/** Like cudaGetLastError, without resetting. */
export function cudaPeekAtLastError(): cudaError_t {
  const state = cudaRuntimeState(currentProcess());
  return (state.sticky !== cudaSuccess ? state.sticky : state.lastError) as cudaError_t;
}

export function cudaGetErrorString(error: cudaError_t): string {
  return errorString(error);
}

/** The enum member's name ("cudaErrorInvalidValue"), or "unrecognized error code". */
export function cudaGetErrorName(error: cudaError_t): string {
  return enumMemberNames('cudaError_t').get(error) ?? UNRECOGNIZED_ERROR;
}
