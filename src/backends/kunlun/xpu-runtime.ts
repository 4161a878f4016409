/**
 * The XPU runtime (xpu/runtime.h, xpu/defs.h, xpu_memcpy_async from xpu/runtime_ex.h) on the
 * simulated devices. Every call returns an XPUError_t value (XPU_SUCCESS = 0); copy
 * directions are mapped by their catalog meaning, never by number, because XPU numbers them
 * differently from CUDA (XPU_DEVICE_TO_HOST = 0).
 *
 * Streams made by xpu_stream_create are modelled as not synchronising with the default
 * stream: the public header does not say they do, and xpu_memcpy's documented implicit
 * synchronisation covers the default stream only, so data an XDNN call wrote on a context's
 * stream must be waited for (xpu_wait) before a device-to-host copy reads it.
 */
import { getSystemErrorMap } from 'node:util';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { facadeCall, type CallContext, type StatusCodes } from '../sim/facade-call.js';
import { allocateDevice, copyMemory, freeDevice, isHostMemory, type CopyDirection } from '../sim/memory-ops.js';
import { Ref } from '../sim/ref.js';
import type { SimProcess } from '../sim/sim-process.js';
import { EventObject, StreamObject } from '../sim/sim-object.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { XPU_MEM_MAIN, type XPUMemcpyKind, type XPUMemoryKind } from './constants.generated.js';
import { KUNLUN, meaningOf, memberName } from './kunlun-catalog.js';
import { XPU_DEVICE_STATUS, XPU_STATUS, XPU_STREAM_STATUS } from './status-codes.js';

/** An XPU stream (`typedef void *XPUStream`). */
export class SimXpuStream extends StreamObject {
  readonly kind = 'XPUStream';
}

/** An XPU event (`typedef void *XPUEvent`); XPU events cannot time or be queried (no flags). */
export class SimXpuEvent extends EventObject {
  readonly kind = 'XPUEvent';
}

/** `void *` in C: a stream made by xpu_stream_create, or NULL (0, null, undefined) for the default stream. */
export type XPUStream = SimXpuStream | null | 0 | undefined;
export type XPUEvent = SimXpuEvent;

/** Host memory as programs hold it (`void*` on the host side). */
export type HostPointer = ArrayBufferView | ArrayBuffer;

function xpuCall(symbol: string, body: (ctx: CallContext) => number | void, statuses: StatusCodes<number> = XPU_STATUS): number {
  return facadeCall(KUNLUN, symbol, statuses, body);
}

function requireRef<T>(ref: unknown, what: string): Ref<T> {
  if (ref === null || ref === undefined) throw new DeviceFault('null-pointer', `${what} is null`);
  if (!(ref instanceof Ref)) throw new DeviceFault('invalid-value', `${what} must be a Ref made with ref() (the C out-parameter)`);
  return ref as Ref<T>;
}

/** The simulated stream for an XPUStream argument (NULL = the current device's default stream). */
export function resolveStream(process: SimProcess, stream: unknown, what = 'stream'): SimStream {
  if (stream === null || stream === undefined || stream === 0) return process.ordering.defaultStream(process.currentDevice);
  if (!(stream instanceof SimXpuStream)) throw new DeviceFault('invalid-value', `${what} is not an XPUStream made by xpu_stream_create`);
  if (stream.destroyed) throw new DeviceFault('invalid-handle', `${what} was destroyed by xpu_stream_destroy`);
  return stream.sim;
}

function requireEvent(event: unknown): SimXpuEvent {
  if (event === null || event === undefined) throw new DeviceFault('null-pointer', 'event is null');
  if (!(event instanceof SimXpuEvent)) throw new DeviceFault('invalid-handle', 'event is not an XPUEvent made by xpu_event_create');
  if (event.destroyed) throw new DeviceFault('invalid-handle', 'event was destroyed by xpu_event_destroy');
  return event;
}

const COPY_DIRECTIONS: Readonly<Record<string, CopyDirection>> = {
  'copy.host-to-device': 'host-to-device',
  'copy.device-to-host': 'device-to-host',
  'copy.device-to-device': 'device-to-device',
};

function copyDirection(kind: unknown): CopyDirection {
  const direction = COPY_DIRECTIONS[meaningOf('XPUMemcpyKind', kind) ?? ''];
  if (!direction) {
    throw new DeviceFault(
      'invalid-value',
      `kind ${String(kind)} is not an XPUMemcpyKind (XPU_DEVICE_TO_HOST = 0, XPU_HOST_TO_DEVICE = 1, XPU_DEVICE_TO_DEVICE = 2; there is no host-to-host or default kind)`,
    );
  }
  return direction;
}

/** Copies, naming the XPU kind when pointers contradict it (the classic CUDA-numbering port bug). */
function copyWithKind(ctx: CallContext, dst: unknown, src: unknown, sz: number, kind: unknown, stream?: SimStream): void {
  const direction = copyDirection(kind);
  try {
    copyMemory(ctx, { dst, src, bytes: sz, direction, stream });
  } catch (error) {
    if (error instanceof DeviceFault && (error.kind === 'host-pointer' || error.kind === 'device-pointer')) {
      throw new DeviceFault(
        error.kind,
        `${error.message}: kind ${String(kind)} is ${memberName('XPUMemcpyKind', kind)} (XPU numbers D2H = 0, H2D = 1, D2D = 2, unlike CUDA's H2D = 1, D2H = 2)`,
      );
    }
    throw error;
  }
}

export function xpu_device_count(dev_count: Ref<number>): number {
  return xpuCall('xpu_device_count', ({ process }) => {
    requireRef<number>(dev_count, 'dev_count').value = process.deviceCount;
  });
}

export function xpu_set_device(devid: number): number {
  return xpuCall(
    'xpu_set_device',
    ({ process }) => {
      if (!Number.isInteger(devid) || devid < 0 || devid >= process.deviceCount) {
        throw new DeviceFault('invalid-value', `device ${devid} does not exist: ${process.deviceCount} devices are visible (0..${process.deviceCount - 1})`);
      }
      process.currentDevice = devid;
    },
    XPU_DEVICE_STATUS,
  );
}

export function xpu_current_device(devid: Ref<number>): number {
  return xpuCall('xpu_current_device', ({ process }) => {
    requireRef<number>(devid, 'devid').value = process.currentDevice;
  });
}

/** `kind` XPU_MEM_L3 allocates on-chip L3 scratch on hardware; simulated as ordinary device memory. */
export function xpu_malloc(pdevptr: Ref<DevicePtr>, sz: number, kind: XPUMemoryKind = XPU_MEM_MAIN): number {
  return xpuCall('xpu_malloc', (ctx) => {
    const out = requireRef<DevicePtr>(pdevptr, 'pdevptr');
    const meaning = meaningOf('XPUMemoryKind', kind);
    if (!meaning) throw new DeviceFault('invalid-value', `kind ${String(kind)} is not an XPUMemoryKind (XPU_MEM_MAIN = 0, XPU_MEM_L3 = 1)`);
    out.value = allocateDevice(ctx, sz);
  });
}

export function xpu_free(devptr: DevicePtr | null): number {
  return xpuCall('xpu_free', (ctx) => freeDevice(ctx, devptr));
}

/** Pinned host memory, returned as an ArrayBuffer (wrap it in a typed array). */
export function xpu_host_alloc(ptr: Ref<ArrayBuffer>, sz: number, flags = 0): number {
  return xpuCall('xpu_host_alloc', ({ process, site }) => {
    const out = requireRef<ArrayBuffer>(ptr, 'ptr');
    if (flags !== 0) throw new DeviceFault('invalid-value', `flags is ${flags}; the header says it is a placeholder that must be 0`);
    if (!Number.isInteger(sz) || sz < 0) throw new DeviceFault('invalid-value', `sz must be a non-negative integer, got ${sz}`);
    out.value = process.allocatePinned(sz, site);
  });
}

export function xpu_host_free(ptr: HostPointer | null): number {
  return xpuCall('xpu_host_free', ({ process }) => {
    if (ptr === null || ptr === undefined) throw new DeviceFault('null-pointer', 'ptr is null');
    if (!isHostMemory(ptr)) throw new DeviceFault('device-pointer', 'ptr is not host memory from xpu_host_alloc (free device memory with xpu_free)');
    const buffer = ptr instanceof ArrayBuffer ? ptr : ptr.buffer;
    const outcome = process.freePinned(buffer);
    if (outcome === 'double-free') throw new DeviceFault('double-free', 'ptr was already freed by xpu_host_free');
    if (outcome === 'not-pinned') throw new DeviceFault('invalid-free', 'ptr was not allocated by xpu_host_alloc');
  });
}

/** Synchronous copy: the host waits for it (and for earlier work on the default stream). */
export function xpu_memcpy(dst: DevicePtr | HostPointer, src: DevicePtr | HostPointer, sz: number, kind: XPUMemcpyKind): number {
  return xpuCall('xpu_memcpy', (ctx) => copyWithKind(ctx, dst, src, sz, kind));
}

/** Copy ordered on `stream`; the host must xpu_wait before reading or reusing host memory. */
export function xpu_memcpy_async(
  dst: DevicePtr | HostPointer,
  src: DevicePtr | HostPointer,
  sz: number,
  kind: XPUMemcpyKind,
  stream: XPUStream,
): number {
  return xpuCall('xpu_memcpy_async', (ctx) => copyWithKind(ctx, dst, src, sz, kind, resolveStream(ctx.process, stream)), XPU_STREAM_STATUS);
}

export function xpu_stream_create(pstream: Ref<XPUStream>): number {
  return xpuCall('xpu_stream_create', ({ process, site }) => {
    const out = requireRef<XPUStream>(pstream, 'pstream');
    out.value = process.track(new SimXpuStream(process.ordering.createStream(process.currentDevice, true), site));
  });
}

export function xpu_stream_destroy(stream: XPUStream): number {
  return xpuCall(
    'xpu_stream_destroy',
    ({ process }) => {
      if (stream === null || stream === undefined || stream === 0) throw new DeviceFault('null-pointer', 'stream is null (the default stream cannot be destroyed)');
      const sim = resolveStream(process, stream);
      process.ordering.destroyStream(sim);
      process.release(stream);
    },
    XPU_STREAM_STATUS,
  );
}

/** cudaStreamSynchronize: waits for `stream` (the default stream when NULL) only. */
export function xpu_wait(stream: XPUStream = null): number {
  return xpuCall('xpu_wait', ({ process }) => process.ordering.synchronizeStream(resolveStream(process, stream)), XPU_STREAM_STATUS);
}

export function xpu_stream_wait_event(stream: XPUStream, event: XPUEvent): number {
  return xpuCall('xpu_stream_wait_event', ({ process }) => {
    const sim = resolveStream(process, stream);
    process.ordering.waitEvent(sim, requireEvent(event).sim);
  });
}

export function xpu_event_create(pevent: Ref<XPUEvent>): number {
  return xpuCall('xpu_event_create', ({ process, site }) => {
    const out = requireRef<XPUEvent>(pevent, 'pevent');
    out.value = process.track(new SimXpuEvent(process.ordering.createEvent(false), process.currentDevice, 0, site));
  });
}

export function xpu_event_record(event: XPUEvent, stream: XPUStream = null): number {
  return xpuCall('xpu_event_record', ({ process }) => {
    const e = requireEvent(event);
    process.ordering.record(e.sim, resolveStream(process, stream));
  });
}

/** The host waits until the event has fired (cudaEventSynchronize). */
export function xpu_event_wait(event: XPUEvent): number {
  return xpuCall('xpu_event_wait', ({ process }) => process.ordering.synchronizeEvent(requireEvent(event).sim));
}

export function xpu_event_destroy(event: XPUEvent): number {
  return xpuCall('xpu_event_destroy', ({ process }) => process.release(requireEvent(event)));
}

/**
 * The static inline of xpu/defs.h: takes |e|; codes below XPU_ERRNO_BASE (700) go to the C
 * library's strerror (simulated with libuv's descriptions); XPU codes get the header's text.
 */
export function xpu_strerror(e: number): string {
  const code = Math.abs(e);
  if (code < 700) {
    if (code === 0) return 'Success';
    return getSystemErrorMap().get(-code)?.[1] ?? `Unknown error ${code}`;
  }
  return XPU_ERROR_TEXT[code] ?? 'Unknown error';
}

/** The descriptions xpu_strerror returns, by XPUError_t value (xpu/defs.h). */
const XPU_ERROR_TEXT: Readonly<Record<number, string>> = {
  701: 'Invalid XPU device',
  702: 'XPU runtime not properly inited',
  705: 'Device memory not enough',
  706: 'CPU memory not enough',
  707: 'Invalid parameter',
  708: 'Cannot get XPU func',
  709: 'Error loading dynamic library',
  710: 'Error loading func from dynamic library',
  711: 'Error from XPU Simulator',
  712: 'Operation not supported',
  713: 'Device abnormal due to previous error',
  714: 'Exception in kernel execution',
  715: 'Kernel execution timed out',
  716: 'Resource busy',
  717: 'Use a stream after closed',
  718: 'Uncorrectable ECC',
  719: 'Overheat',
  800: 'Execution error, reach unexpected control flow',
  801: 'Device is being reset, try again later',
  802: 'Hardware module exception',
  803: 'Error init HBM',
  804: 'Error init device',
  805: 'Device is being reset, try again later',
  806: 'Device count exceed limit',
  807: 'Unknown IOCTL command',
  808: 'DMA timed out, a reboot maybe needed',
  809: 'DMA aborted due to error, possibly wrong address or hardware state',
  810: 'Firmware not initialized',
  811: 'Firmware version too old (<15), please update.',
  812: 'Error in PCIe',
  813: 'Error copy between kernel and user space',
  814: 'Execution interrupted by user',
  816: 'Host memory is already registered',
  817: 'Tracer subsystem error',
};
