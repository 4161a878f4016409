/**
 * CNRT memory: device and pinned host allocation, copies and memset. Copy directions are
 * numbered differently from CUDA (cnrtMemcpyHostToDev is 0) and are mapped onto the shared
 * copy by their catalog meaning. cnrtMemcpyAsync takes the queue BEFORE the direction.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import type { CallContext } from '../sim/facade-call.js';
import {
  allocateDevice,
  copyMemory,
  freeDevice,
  isHostMemory,
  setMemory,
  type CopyDirection,
  type HostMemory,
} from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { enumMeaning } from './catalog-enums.js';
import { cnrtErrorMemcpyDirectionInvalid, type cnrtMemTransDir_t, type cnrtRet_t } from './constants.generated.js';
import { cnrtCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { CNRT_STATUS, withFaults } from './status-codes.js';
import { queueStream, type cnrtQueue_t } from './cnrt-queue.js';

/** Device memory (DevicePtr) or host memory (a typed array or ArrayBuffer). */
export type CnrtPointer = DevicePtr | HostMemory;

const DIRECTION_BY_MEANING: Readonly<Record<string, CopyDirection>> = {
  'copy.host-to-device': 'host-to-device',
  'copy.device-to-host': 'device-to-host',
  'copy.device-to-device': 'device-to-device',
  'copy.host-to-host': 'host-to-host',
  // Between two devices' memories: the simulated heaps are all reachable, so a device copy.
  'copy.peer-to-peer': 'device-to-device',
  'copy.default': 'default',
};

function directionOf(dir: unknown): CopyDirection | undefined {
  const meaning = enumMeaning('cnrtMemTransDir_t', dir);
  return meaning === undefined ? undefined : DIRECTION_BY_MEANING[meaning];
}

/** An unknown direction value returns cnrtErrorMemcpyDirectionInvalid; other argument faults cnrtErrorArgsInvalid. */
function copyCall(symbol: string, dir: unknown, body: (ctx: CallContext, direction: CopyDirection) => void): cnrtRet_t {
  const direction = directionOf(dir);
  if (direction === undefined) {
    return cnrtCall(
      symbol,
      () => {
        throw new DeviceFault('invalid-value', `${String(dir)} is not a cnrtMemTransDir_t value (cnrtMemcpyHostToDev = 0 ... cnrtMemcpyNoDirection = 5)`);
      },
      withFaults(CNRT_STATUS, { 'invalid-value': cnrtErrorMemcpyDirectionInvalid }),
    );
  }
  return cnrtCall(symbol, (ctx) => body(ctx, direction));
}

export function cnrtMalloc(pPtr: Ref<DevicePtr>, bytes: number): cnrtRet_t {
  return cnrtCall('cnrtMalloc', (ctx) => {
    const out = requireOutRef(pPtr, 'pPtr');
    out.value = allocateDevice(ctx, bytes);
  });
}

export function cnrtFree(ptr: DevicePtr | null): cnrtRet_t {
  return cnrtCall('cnrtFree', (ctx) => freeDevice(ctx, ptr));
}

/** Page-locked host memory as an ArrayBuffer (view it with a typed array). */
export function cnrtHostMalloc(pPtr: Ref<ArrayBuffer>, bytes: number): cnrtRet_t {
  return cnrtCall('cnrtHostMalloc', ({ process, site }) => {
    const out = requireOutRef(pPtr, 'pPtr');
    if (!Number.isInteger(bytes) || bytes < 0) throw new DeviceFault('invalid-value', `bytes must be a non-negative integer, got ${bytes}`);
    out.value = process.allocatePinned(bytes, site);
  });
}

export function cnrtFreeHost(ptr: ArrayBuffer | ArrayBufferView | null): cnrtRet_t {
  return cnrtCall('cnrtFreeHost', ({ process }) => {
    if (ptr === null || ptr === undefined) return;
    if (!isHostMemory(ptr)) throw new DeviceFault('device-pointer', 'cnrtFreeHost was given device memory: free it with cnrtFree');
    if (ArrayBuffer.isView(ptr) && ptr.byteOffset !== 0) {
      throw new DeviceFault('invalid-free', `the pointer is ${ptr.byteOffset} bytes into its allocation; free the pointer cnrtHostMalloc returned`);
    }
    const result = process.freePinned(ArrayBuffer.isView(ptr) ? ptr.buffer : ptr);
    if (result === 'not-pinned') throw new DeviceFault('invalid-free', 'the memory was not allocated with cnrtHostMalloc');
    if (result === 'double-free') throw new DeviceFault('double-free', 'double free of pinned host memory');
  });
}

/**
 * Synchronous for host <-> device copies. A copy within one device is asynchronous with
 * respect to the host (Cambricon developer guide, "asynchronous concurrent execution"), so it
 * is enqueued on the default queue without waiting for it.
 */
export function cnrtMemcpy(dst: CnrtPointer, src: CnrtPointer, bytes: number, dir: cnrtMemTransDir_t): cnrtRet_t {
  return copyCall('cnrtMemcpy', dir, (ctx, direction) => {
    const withinDevice = dir !== undefined && enumMeaning('cnrtMemTransDir_t', dir) === 'copy.device-to-device';
    copyMemory(ctx, {
      dst,
      src,
      bytes,
      direction,
      stream: withinDevice ? ctx.process.ordering.defaultStream(ctx.process.currentDevice) : undefined,
    });
  });
}

/** Note the order: the queue comes BEFORE the direction (cudaMemcpyAsync has them the other way). */
export function cnrtMemcpyAsync(dst: CnrtPointer, src: CnrtPointer, bytes: number, queue: cnrtQueue_t, dir: cnrtMemTransDir_t): cnrtRet_t {
  return copyCall('cnrtMemcpyAsync', dir, (ctx, direction) => {
    copyMemory(ctx, { dst, src, bytes, direction, stream: queueStream(ctx.process, queue) });
  });
}

/** The replacement cnrt.h 6.14 recommends for cnrtMemcpyAsync; same arguments and semantics here. */
export function cnrtMemcpyAsync_V3(dst: CnrtPointer, src: CnrtPointer, bytes: number, queue: cnrtQueue_t, dir: cnrtMemTransDir_t): cnrtRet_t {
  return copyCall('cnrtMemcpyAsync_V3', dir, (ctx, direction) => {
    copyMemory(ctx, { dst, src, bytes, direction, stream: queueStream(ctx.process, queue) });
  });
}

/** Sets each byte to `value` (its low 8 bits); synchronous. */
export function cnrtMemset(ptr: DevicePtr, value: number, bytes: number): cnrtRet_t {
  return cnrtCall('cnrtMemset', (ctx) => {
    checkMemsetArgs(value, bytes);
    setMemory(ctx, { ptr, value, bytes });
  });
}

export function cnrtMemsetAsync(ptr: DevicePtr, value: number, bytes: number, queue: cnrtQueue_t): cnrtRet_t {
  return cnrtCall('cnrtMemsetAsync', (ctx) => {
    checkMemsetArgs(value, bytes);
    setMemory(ctx, { ptr, value, bytes, stream: queueStream(ctx.process, queue) });
  });
}

function checkMemsetArgs(value: number, bytes: number): void {
  if (!Number.isInteger(value)) throw new DeviceFault('invalid-value', `value must be an integer, got ${value}`);
  if (!Number.isInteger(bytes) || bytes < 0) throw new DeviceFault('invalid-value', `bytes must be a non-negative integer, got ${bytes}`);
}
