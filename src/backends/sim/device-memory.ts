/**
 * Simulated device memory. Each allocation owns an ArrayBuffer; a DevicePtr is an opaque
 * (allocation, byte offset) pair with a fake address for display. Every access is checked:
 * bounds, use after free, double free, misalignment; leaks are reported at exit.
 */
import type { DType, Storage } from '../../runtime/dtype.js';
import { ITEM_SIZE } from '../../runtime/dtype.js';
import type { CallSite } from './call-site.js';
import { DeviceFault } from './device-fault.js';

export type MemoryKind = 'device' | 'host-pinned';

export interface Allocation {
  readonly id: number;
  readonly device: number;
  readonly kind: MemoryKind;
  readonly size: number;
  readonly address: bigint;
  readonly buffer: ArrayBuffer;
  readonly site: CallSite | undefined;
  freed: boolean;
  freedAt: CallSite | undefined;
}

const ADDRESS_BASE = 0x7f00_0000_0000n;
const ALIGNMENT = 512n;

export class DevicePtr {
  constructor(
    readonly allocation: Allocation,
    readonly byteOffset: number,
  ) {}

  /** `p + bytes` in C. The result may point anywhere; accesses are checked, not arithmetic. */
  plus(bytes: number): DevicePtr {
    if (!Number.isInteger(bytes)) throw new TypeError(`DevicePtr.plus: byte offset must be an integer, got ${bytes}`);
    return new DevicePtr(this.allocation, this.byteOffset + bytes);
  }

  get address(): bigint {
    return this.allocation.address + BigInt(this.byteOffset);
  }

  toString(): string {
    return `0x${this.address.toString(16)}`;
  }
}

export function isDevicePtr(value: unknown): value is DevicePtr {
  return value instanceof DevicePtr;
}

export class DeviceMemory {
  private readonly allocations = new Map<number, Allocation>();
  private nextId = 1;
  private nextAddress = ADDRESS_BASE;
  private bytesInUse = 0;

  constructor(
    readonly device: number,
    readonly capacity: number,
  ) {}

  get used(): number {
    return this.bytesInUse;
  }

  allocate(size: number, kind: MemoryKind, site?: CallSite): DevicePtr {
    if (!Number.isInteger(size) || size < 0) throw new DeviceFault('invalid-value', `allocation size must be a non-negative integer, got ${size}`);
    if (this.bytesInUse + size > this.capacity) {
      throw new DeviceFault('out-of-memory', `out of device memory: ${size} bytes requested, ${this.capacity - this.bytesInUse} free`);
    }
    const allocation: Allocation = {
      id: this.nextId++,
      device: this.device,
      kind,
      size,
      address: this.nextAddress,
      buffer: new ArrayBuffer(size),
      site,
      freed: false,
      freedAt: undefined,
    };
    this.nextAddress += ((BigInt(size) + ALIGNMENT - 1n) / ALIGNMENT + 1n) * ALIGNMENT;
    this.allocations.set(allocation.id, allocation);
    this.bytesInUse += size;
    return new DevicePtr(allocation, 0);
  }

  free(ptr: DevicePtr, kind: MemoryKind, site?: CallSite): void {
    const a = ptr.allocation;
    if (this.allocations.get(a.id) !== a) throw new DeviceFault('invalid-free', `${ptr} was not allocated on device ${this.device}`);
    if (a.freed) throw new DeviceFault('double-free', `double free of ${ptr} (allocated${at(a.site)}, first freed${at(a.freedAt)})`);
    if (ptr.byteOffset !== 0) throw new DeviceFault('invalid-free', `${ptr} is ${ptr.byteOffset} bytes into an allocation; free the pointer the allocator returned`);
    if (a.kind !== kind) {
      throw new DeviceFault('invalid-free', `${ptr} is ${a.kind === 'device' ? 'device' : 'pinned host'} memory; free it with the matching call`);
    }
    a.freed = true;
    a.freedAt = site;
    this.bytesInUse -= a.size;
  }

  /** A checked byte view of [ptr, ptr + length). */
  bytes(ptr: DevicePtr, length: number): Uint8Array {
    this.check(ptr, length);
    return new Uint8Array(ptr.allocation.buffer, ptr.byteOffset, length);
  }

  /**
   * A checked typed view of `count` elements of `dtype` starting at `ptr`, shared with device
   * memory (writes through the view change device memory).
   */
  typed(ptr: DevicePtr, dtype: DType, count: number): Storage {
    const item = ITEM_SIZE[dtype];
    if (ptr.byteOffset % item !== 0) throw new DeviceFault('misaligned', `${ptr} is not aligned to ${item} bytes for ${dtype}`);
    this.check(ptr, count * item);
    const buffer = ptr.allocation.buffer;
    const offset = ptr.byteOffset;
    switch (dtype) {
      case 'float64':
        return new Float64Array(buffer, offset, count);
      case 'float32':
        return new Float32Array(buffer, offset, count);
      case 'float16':
      case 'bfloat16':
        return new Uint16Array(buffer, offset, count);
      case 'int64':
        return new BigInt64Array(buffer, offset, count);
      case 'int32':
        return new Int32Array(buffer, offset, count);
      case 'int16':
        return new Int16Array(buffer, offset, count);
      case 'int8':
        return new Int8Array(buffer, offset, count);
      case 'uint8':
      case 'bool':
        return new Uint8Array(buffer, offset, count);
    }
  }

  check(ptr: DevicePtr, length: number): void {
    const a = ptr.allocation;
    if (this.allocations.get(a.id) !== a) throw new DeviceFault('invalid-value', `${ptr} belongs to device ${a.device}, not device ${this.device}`);
    if (a.freed) throw new DeviceFault('use-after-free', `use of ${ptr} after it was freed${at(a.freedAt)} (allocated${at(a.site)})`);
    if (ptr.byteOffset < 0 || ptr.byteOffset + length > a.size) {
      throw new DeviceFault(
        'out-of-bounds',
        `access of ${length} bytes at ${ptr} is out of bounds: the allocation${at(a.site)} holds ${a.size} bytes, the access ends at byte ${ptr.byteOffset + length}`,
      );
    }
  }

  /** Allocations never freed. */
  leaks(): Allocation[] {
    return [...this.allocations.values()].filter((a) => !a.freed);
  }
}

function at(site: CallSite | undefined): string {
  return site ? ` at ${site.file}:${site.line}` : '';
}
