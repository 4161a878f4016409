/**
 * Memory (acl_rt.h): aclrtMalloc with its allocation policy, host memory, copies with their
 * destination capacity (destMax), 2-D copies and memset with maxCount. Copies and memsets run
 * through the shared simulation (bounds, use after free, host/device confusion, ordering).
 *
 * The header says aclrtMalloc's "real alloc size is aligned to 32 bytes and padded with 32
 * bytes". The simulation allocates exactly `size` bytes, so an overrun that the padding would
 * silently absorb on the device is still reported (OB2001): stricter than the hardware, on
 * purpose, because such a program is wrong.
 */
import { DeviceFault } from '../sim/device-fault.js';
import { isDevicePtr, type DevicePtr } from '../sim/device-memory.js';
import { allocateDevice, copyMemory, freeDevice, isHostMemory, requireDevicePtr, setMemory, type CopyDirection, type HostMemory } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { aclCall, AclStatusError, type AclCallContext } from './acl-call.js';
import { resolveStream, type aclrtStream } from './acl-stream.js';
import {
  ACL_DDR_MEM,
  ACL_DDR_MEM_HUGE,
  ACL_DDR_MEM_NORMAL,
  ACL_DDR_MEM_P2P_HUGE,
  ACL_DDR_MEM_P2P_NORMAL,
  ACL_ERROR_INVALID_PARAM,
  ACL_MEMCPY_DEFAULT,
  ACL_MEMCPY_DEVICE_TO_DEVICE,
  ACL_MEMCPY_DEVICE_TO_HOST,
  ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE,
  ACL_MEMCPY_HOST_TO_DEVICE,
  ACL_MEMCPY_HOST_TO_HOST,
  ACL_MEMCPY_INNER_DEVICE_TO_DEVICE,
  ACL_MEMCPY_INTER_DEVICE_TO_DEVICE,
  ACL_MEM_ACCESS_USER_SPACE_READONLY,
  ACL_MEM_MALLOC_HUGE1G_ONLY_P2P,
  ACL_MEM_MALLOC_HUGE_FIRST,
  ACL_MEM_P2P_HUGE1G,
  ACL_MEM_TYPE_HIGH_BAND_WIDTH,
  ACL_MEM_TYPE_LOW_BAND_WIDTH,
  type aclError,
  type aclrtMemAttr,
  type aclrtMemMallocPolicy,
  type aclrtMemcpyKind,
} from './constants.generated.js';

function requireOut<T>(ref: Ref<T> | null | undefined, what: string): Ref<T> {
  if (ref === null || ref === undefined) throw new DeviceFault('null-pointer', `${what} is null`);
  return ref;
}

function requireSize(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `${what} must be a non-negative integer number of bytes, got ${value}`);
  return value;
}

const POLICY_FLAGS = ACL_MEM_TYPE_LOW_BAND_WIDTH | ACL_MEM_TYPE_HIGH_BAND_WIDTH | ACL_MEM_ACCESS_USER_SPACE_READONLY;

/**
 * A policy is one of the eight allocation policies (0..7), optionally combined with the
 * bandwidth / access bits the header defines as bit values (combining them is inferred from
 * their values). Anything else is rejected.
 */
function requirePolicy(policy: number): void {
  const base = policy & 0xff;
  if (!Number.isInteger(policy) || policy < 0 || (policy & ~(0xff | POLICY_FLAGS)) !== 0 || base > ACL_MEM_MALLOC_HUGE1G_ONLY_P2P) {
    throw new AclStatusError(
      ACL_ERROR_INVALID_PARAM,
      'OB2013',
      `${policy} is not an aclrtMemMallocPolicy: use ACL_MEM_MALLOC_HUGE_FIRST (${ACL_MEM_MALLOC_HUGE_FIRST}) as the vendor samples do`,
    );
  }
}

export function aclrtMalloc(devPtr: Ref<DevicePtr>, size: number, policy: aclrtMemMallocPolicy | number): aclError {
  return aclCall(
    'aclrtMalloc',
    (ctx) => {
      const out = requireOut(devPtr, 'devPtr');
      requireSize(size, 'size');
      if (size === 0) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', 'size must be greater than 0 (unconfirmed whether ACL accepts 0)');
      requirePolicy(policy);
      out.value = allocateDevice(ctx, size);
    },
    { device: true },
  ) as aclError;
}

export function aclrtFree(devPtr: DevicePtr | null): aclError {
  return aclCall('aclrtFree', (ctx) => freeDevice(ctx, devPtr)) as aclError;
}

export function aclrtMallocHost(hostPtr: Ref<ArrayBuffer>, size: number): aclError {
  return aclCall(
    'aclrtMallocHost',
    (ctx) => {
      const out = requireOut(hostPtr, 'hostPtr');
      requireSize(size, 'size');
      if (size === 0) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', 'size must be greater than 0');
      out.value = ctx.process.allocatePinned(size, ctx.site);
    },
    { device: true },
  ) as aclError;
}

export function aclrtFreeHost(hostPtr: ArrayBuffer | ArrayBufferView | null): aclError {
  return aclCall('aclrtFreeHost', (ctx) => {
    if (hostPtr === null || hostPtr === undefined) throw new DeviceFault('null-pointer', 'hostPtr is null');
    if (isDevicePtr(hostPtr)) throw new DeviceFault('device-pointer', 'hostPtr is device memory: free it with aclrtFree');
    if (!isHostMemory(hostPtr)) throw new DeviceFault('invalid-value', 'hostPtr is not host memory');
    const buffer = hostPtr instanceof ArrayBuffer ? hostPtr : hostPtr.buffer;
    if (!(hostPtr instanceof ArrayBuffer) && hostPtr.byteOffset !== 0) {
      throw new DeviceFault('invalid-free', 'hostPtr points into a host allocation: free the pointer aclrtMallocHost returned');
    }
    const result = ctx.process.freePinned(buffer);
    if (result === 'not-pinned') throw new DeviceFault('invalid-free', 'hostPtr was not allocated by aclrtMallocHost');
    if (result === 'double-free') throw new DeviceFault('double-free', 'hostPtr was already freed by aclrtFreeHost');
  }) as aclError;
}

const DDR_ATTRS: readonly number[] = [ACL_DDR_MEM, ACL_DDR_MEM_HUGE, ACL_DDR_MEM_NORMAL, ACL_DDR_MEM_P2P_HUGE, ACL_DDR_MEM_P2P_NORMAL];

/**
 * Device memory (the HBM and generic attributes) reports the simulated device's capacity and
 * what is allocated on it. Atlas A2/A3 devices have no device-side DDR, so the DDR attributes
 * report 0 / 0 (inferred).
 */
export function aclrtGetMemInfo(attr: aclrtMemAttr | number, free: Ref<number>, total: Ref<number>): aclError {
  return aclCall(
    'aclrtGetMemInfo',
    (ctx) => {
      const freeOut = requireOut(free, 'free');
      const totalOut = requireOut(total, 'total');
      if (!Number.isInteger(attr) || attr < 0 || attr > ACL_MEM_P2P_HUGE1G) {
        throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `${attr} is not an aclrtMemAttr`);
      }
      if (DDR_ATTRS.includes(attr)) {
        freeOut.value = 0;
        totalOut.value = 0;
        return;
      }
      const memory = ctx.process.memory(ctx.acl.currentDevice);
      totalOut.value = memory.capacity;
      freeOut.value = memory.capacity - memory.used;
    },
    { device: true },
  ) as aclError;
}

const DIRECTIONS: Readonly<Record<number, CopyDirection>> = {
  [ACL_MEMCPY_HOST_TO_HOST]: 'host-to-host',
  [ACL_MEMCPY_HOST_TO_DEVICE]: 'host-to-device',
  [ACL_MEMCPY_DEVICE_TO_HOST]: 'device-to-host',
  [ACL_MEMCPY_DEVICE_TO_DEVICE]: 'device-to-device',
  [ACL_MEMCPY_DEFAULT]: 'default',
  [ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE]: 'host-to-device',
  [ACL_MEMCPY_INNER_DEVICE_TO_DEVICE]: 'device-to-device',
  [ACL_MEMCPY_INTER_DEVICE_TO_DEVICE]: 'device-to-device',
};

function direction(kind: number): CopyDirection {
  const d = DIRECTIONS[kind];
  if (d === undefined) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `${kind} is not an aclrtMemcpyKind (ACL_MEMCPY_HOST_TO_HOST .. ACL_MEMCPY_INTER_DEVICE_TO_DEVICE)`);
  return d;
}

function copy(ctx: AclCallContext, dst: unknown, destMax: number, src: unknown, count: number, kind: number, stream?: unknown): void {
  requireSize(destMax, 'destMax');
  requireSize(count, 'count');
  if (count > destMax) {
    throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2001', `count (${count} bytes) exceeds destMax (${destMax} bytes): the destination cannot hold the copy`);
  }
  copyMemory(ctx, {
    dst,
    src,
    bytes: count,
    direction: direction(kind),
    dstCapacity: destMax,
    stream: stream === undefined ? undefined : resolveStream(ctx, stream),
  });
}

export function aclrtMemcpy(dst: DevicePtr | HostMemory, destMax: number, src: DevicePtr | HostMemory, count: number, kind: aclrtMemcpyKind | number): aclError {
  return aclCall('aclrtMemcpy', (ctx) => copy(ctx, dst, destMax, src, count, kind), { device: true }) as aclError;
}

export function aclrtMemcpyAsync(
  dst: DevicePtr | HostMemory,
  destMax: number,
  src: DevicePtr | HostMemory,
  count: number,
  kind: aclrtMemcpyKind | number,
  stream: aclrtStream,
): aclError {
  return aclCall('aclrtMemcpyAsync', (ctx) => copy(ctx, dst, destMax, src, count, kind, stream ?? null), { device: true }) as aclError;
}

function rowOf(memory: unknown, offset: number, width: number): unknown {
  if (isDevicePtr(memory)) return memory.plus(offset);
  if (memory instanceof ArrayBuffer) return new Uint8Array(memory, offset, Math.max(0, Math.min(width, memory.byteLength - offset)));
  if (ArrayBuffer.isView(memory)) {
    const start = memory.byteOffset + offset;
    return new Uint8Array(memory.buffer, start, Math.max(0, Math.min(width, memory.byteOffset + memory.byteLength - start)));
  }
  return memory;
}

/** Row by row, each row a checked copy of `width` bytes (same argument order as cudaMemcpy2D). */
export function aclrtMemcpy2d(
  dst: DevicePtr | HostMemory,
  dpitch: number,
  src: DevicePtr | HostMemory,
  spitch: number,
  width: number,
  height: number,
  kind: aclrtMemcpyKind | number,
): aclError {
  return aclCall(
    'aclrtMemcpy2d',
    (ctx) => {
      for (const [name, v] of [['dpitch', dpitch], ['spitch', spitch], ['width', width], ['height', height]] as const) requireSize(v, name);
      if (width > dpitch || width > spitch) {
        throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `width (${width} bytes) must not exceed dpitch (${dpitch}) or spitch (${spitch})`);
      }
      const dir = direction(kind);
      for (let row = 0; row < height; row++) {
        copyMemory(ctx, { dst: rowOf(dst, row * dpitch, width), src: rowOf(src, row * spitch, width), bytes: width, direction: dir });
      }
    },
    { device: true },
  ) as aclError;
}

function memset(ctx: AclCallContext, devPtr: unknown, maxCount: number, value: number, count: number, stream?: unknown): void {
  requireSize(maxCount, 'maxCount');
  requireSize(count, 'count');
  if (count > maxCount) {
    throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2001', `count (${count} bytes) exceeds maxCount (${maxCount} bytes)`);
  }
  if (!Number.isInteger(value)) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `value must be an integer (its low byte is written), got ${value}`);
  // The header: host or device memory, the runtime decides from the address.
  if (isHostMemory(devPtr) && stream === undefined) {
    const bytes = devPtr instanceof ArrayBuffer ? new Uint8Array(devPtr) : new Uint8Array(devPtr.buffer, devPtr.byteOffset, devPtr.byteLength);
    if (count > bytes.length) throw new DeviceFault('out-of-bounds', `host buffer holds ${bytes.length} bytes but the memset writes ${count}`);
    bytes.fill(value & 0xff, 0, count);
    return;
  }
  setMemory(ctx, { ptr: requireDevicePtr(devPtr, 'devPtr'), value, bytes: count, capacity: maxCount, stream: stream === undefined ? undefined : resolveStream(ctx, stream) });
}

export function aclrtMemset(devPtr: DevicePtr | HostMemory, maxCount: number, value: number, count: number): aclError {
  return aclCall('aclrtMemset', (ctx) => memset(ctx, devPtr, maxCount, value, count), { device: true }) as aclError;
}

export function aclrtMemsetAsync(devPtr: DevicePtr, maxCount: number, value: number, count: number, stream: aclrtStream): aclError {
  return aclCall('aclrtMemsetAsync', (ctx) => memset(ctx, devPtr, maxCount, value, count, stream ?? null), { device: true }) as aclError;
}
