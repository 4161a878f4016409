/**
 * Allocation, copies and memset shared by every backend's runtime facade (cudaMemcpy,
 * aclrtMemcpy, xpu_memcpy, cnrtMemcpy, musaMemcpy, mcMemcpy): pointer-kind checks against
 * the copy direction, bounds, stream ordering and host synchronisation. Facades translate
 * their argument order and enums, then call these.
 */
import { ITEM_SIZE, allocateStorage, type DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import { toTensorData } from '../../runtime/tensor-transfer.js';
import type { CallContext } from './facade-call.js';
import { dtypeOfHostArray } from '../host/host-array-dtype.js';
import { DeviceFault } from './device-fault.js';
import { DevicePtr, isDevicePtr } from './device-memory.js';
import { SIMULATED_DEVICE, type SimStream } from './stream-ordering.js';
import { memoryRange } from './trace.js';

/** Host memory as TypeScript programs hold it. */
export type HostMemory = ArrayBufferView | ArrayBuffer;

export type CopyDirection = 'host-to-host' | 'host-to-device' | 'device-to-host' | 'device-to-device' | 'default';

export function isHostMemory(value: unknown): value is HostMemory {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}

/** Host memory as a view; pinned allocations (cudaMallocHost, ...) arrive as bare ArrayBuffers. */
function hostView(memory: HostMemory): ArrayBufferView {
  return memory instanceof ArrayBuffer ? new Uint8Array(memory) : memory;
}

function hostBytes(memory: HostMemory): Uint8Array {
  return memory instanceof ArrayBuffer ? new Uint8Array(memory) : new Uint8Array(memory.buffer, memory.byteOffset, memory.byteLength);
}

function describeKind(value: unknown): string {
  if (isDevicePtr(value)) return 'device memory';
  if (isHostMemory(value)) return 'host memory';
  if (value === null || value === undefined) return 'null';
  return typeof value;
}

export function requireDevicePtr(value: unknown, what: string): DevicePtr {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${what} is null`);
  if (isHostMemory(value)) throw new DeviceFault('host-pointer', `${what} is host memory where device memory is required`);
  if (!isDevicePtr(value)) throw new DeviceFault('invalid-value', `${what} is not a device pointer (got ${describeKind(value)})`);
  return value;
}

export function requireHostMemory(value: unknown, what: string): HostMemory {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${what} is null`);
  if (isDevicePtr(value)) throw new DeviceFault('device-pointer', `${what} is device memory where host memory is required`);
  if (!isHostMemory(value)) throw new DeviceFault('invalid-value', `${what} is not host memory (got ${describeKind(value)})`);
  return value;
}

export function allocateDevice(ctx: CallContext, bytes: number): DevicePtr {
  return ctx.process.memory().allocate(bytes, 'device', ctx.site);
}

export function freeDevice(ctx: CallContext, ptr: unknown): void {
  if (ptr === null || ptr === undefined) return; // freeing NULL is a no-op, as in CUDA and ACL
  const p = requireDevicePtr(ptr, 'the pointer to free');
  ctx.process.memory(p.allocation.device).free(p, 'device', ctx.site);
}

export interface CopyRequest {
  readonly dst: unknown;
  readonly src: unknown;
  readonly bytes: number;
  readonly direction: CopyDirection;
  /** Omitted for synchronous copies (run on the default stream, host waits). */
  readonly stream?: SimStream;
  /** aclrtMemcpy's destMax: capacity of the destination in bytes. */
  readonly dstCapacity?: number;
}

/** How a copy's host destination is typed in traces: by the program's view type (raw bytes: uint8). */
function hostDType(memory: HostMemory): DType {
  return (memory instanceof ArrayBuffer ? undefined : dtypeOfHostArray(memory)) ?? 'uint8';
}

export function copyMemory(ctx: CallContext, request: CopyRequest): void {
  const { bytes } = request;
  if (!Number.isInteger(bytes) || bytes < 0) throw new DeviceFault('invalid-value', `copy size must be a non-negative integer, got ${bytes}`);
  if (request.dstCapacity !== undefined && request.dstCapacity < bytes) {
    throw new DeviceFault('invalid-value', `copy of ${bytes} bytes exceeds the destination capacity of ${request.dstCapacity} bytes`);
  }
  const direction = request.direction === 'default' ? inferDirection(request.dst, request.src) : request.direction;
  const dstIsDevice = direction === 'host-to-device' || direction === 'device-to-device';
  const srcIsDevice = direction === 'device-to-host' || direction === 'device-to-device';
  const dst = dstIsDevice ? requireDevicePtr(request.dst, 'destination') : requireHostMemory(request.dst, 'destination');
  const src = srcIsDevice ? requireDevicePtr(request.src, 'source') : requireHostMemory(request.src, 'source');
  const { process } = ctx;
  const dstBytes = isDevicePtr(dst) ? process.memory(dst.allocation.device).bytes(dst, bytes) : hostRange(dst, bytes, 'destination');
  const srcBytes = isDevicePtr(src) ? process.memory(src.allocation.device).bytes(src, bytes) : hostRange(src, bytes, 'source');

  const stream = request.stream ?? process.ordering.defaultStream(process.currentDevice);
  const linkBytesPerUs = direction === 'device-to-device' ? SIMULATED_DEVICE.deviceBytesPerUs : SIMULATED_DEVICE.hostLinkBytesPerUs;
  const stamp = process.ordering.enqueue(stream, bytes / linkBytesPerUs);

  if (isDevicePtr(src)) {
    const race = process.access.unorderedDeviceWrite(src, bytes, stream, process.ordering);
    if (race) {
      process.diagnostics.add({
        id: 'OB2007',
        message: `${ctx.symbol} copies memory written by ${race.symbol}${race.site ? ` (${race.site.file}:${race.site.line})` : ''} on another stream without an event wait or synchronisation`,
        backend: ctx.backend,
        symbol: ctx.symbol,
        site: ctx.site,
        rank: process.rank,
      });
    }
  } else {
    const pending = process.access.unsynchronizedHostWrite(hostView(src as HostMemory), process.ordering);
    if (pending) reportUnsynchronizedHostRead(ctx, pending.symbol, pending.site);
  }

  dstBytes.set(srcBytes);

  if (isDevicePtr(dst)) process.access.recordDeviceWrite(dst, bytes, stamp, ctx.symbol, ctx.site);
  else if (request.stream) process.access.recordHostWrite(hostView(dst as HostMemory), stamp, ctx.symbol, ctx.site);

  if (!request.stream) process.ordering.synchronizeStream(stream);

  if (direction === 'device-to-host') traceCopyToHost(ctx, dst as HostMemory, src as DevicePtr, bytes, stream.id);
  else if (isDevicePtr(dst)) traceCopyOnDevice(ctx, dst, isDevicePtr(src) ? src : undefined, bytes, stream.id);
}

/** A copy into device memory, traced for what it reads and overwrites (the verifier follows values through buffers). */
function traceCopyOnDevice(ctx: CallContext, dst: DevicePtr, src: DevicePtr | undefined, bytes: number, streamId: number): void {
  ctx.process.tracer.add({
    kind: 'copy-on-device',
    backend: ctx.backend,
    symbol: ctx.symbol,
    op: 'Copy',
    attributes: { bytes },
    inputs: [],
    outputs: [],
    profile: 'exact',
    site: ctx.site,
    stream: streamId,
    reads: src ? [memoryRange(src, bytes)] : [],
    writes: [memoryRange(dst, bytes)],
  });
}

/** Records what a device-to-host copy delivered, typed by the program's host view. */
function traceCopyToHost(ctx: CallContext, host: HostMemory, src: DevicePtr, bytes: number, streamId: number): void {
  const dtype = hostDType(host);
  const count = Math.floor(bytes / ITEM_SIZE[dtype]);
  const storage = allocateStorage(dtype, count);
  new Uint8Array(storage.buffer).set(hostBytes(host).subarray(0, count * ITEM_SIZE[dtype]));
  ctx.process.tracer.add({
    kind: 'copy-to-host',
    backend: ctx.backend,
    symbol: ctx.symbol,
    op: 'Copy',
    attributes: { bytes },
    inputs: [],
    outputs: [toTensorData(new Tensor(storage, dtype, [count]))],
    profile: 'exact',
    site: ctx.site,
    stream: streamId,
    reads: [memoryRange(src, bytes)],
    writes: [],
    writesHost: true,
  });
}

function hostRange(memory: HostMemory, bytes: number, what: string): Uint8Array {
  const all = hostBytes(memory);
  if (bytes > all.length) {
    throw new DeviceFault('out-of-bounds', `${what} host buffer holds ${all.length} bytes but the copy moves ${bytes}`);
  }
  return all.subarray(0, bytes);
}

function inferDirection(dst: unknown, src: unknown): CopyDirection {
  const d = isDevicePtr(dst);
  const s = isDevicePtr(src);
  if (d && s) return 'device-to-device';
  if (d) return 'host-to-device';
  if (s) return 'device-to-host';
  return 'host-to-host';
}

export function reportUnsynchronizedHostRead(ctx: CallContext, producer: string, producerSite?: { file: string; line: number }): void {
  ctx.process.diagnostics.add({
    id: 'OB2006',
    message: `host memory is read while ${producer}${producerSite ? ` (${producerSite.file}:${producerSite.line})` : ''} may still be writing it: synchronise its stream first`,
    backend: ctx.backend,
    symbol: ctx.symbol,
    site: ctx.site,
    rank: ctx.process.rank,
  });
}

export interface MemsetRequest {
  readonly ptr: unknown;
  readonly value: number;
  readonly bytes: number;
  readonly stream?: SimStream;
  /** aclrtMemset's maxCount. */
  readonly capacity?: number;
}

export function setMemory(ctx: CallContext, request: MemsetRequest): void {
  if (request.capacity !== undefined && request.capacity < request.bytes) {
    throw new DeviceFault('invalid-value', `memset of ${request.bytes} bytes exceeds the capacity of ${request.capacity} bytes`);
  }
  const ptr = requireDevicePtr(request.ptr, 'destination');
  const { process } = ctx;
  const target = process.memory(ptr.allocation.device).bytes(ptr, request.bytes);
  const stream = request.stream ?? process.ordering.defaultStream(process.currentDevice);
  const stamp = process.ordering.enqueue(stream, request.bytes / SIMULATED_DEVICE.deviceBytesPerUs);
  target.fill(request.value & 0xff);
  process.access.recordDeviceWrite(ptr, request.bytes, stamp, ctx.symbol, ctx.site);
  if (!request.stream) process.ordering.synchronizeStream(stream);
}
