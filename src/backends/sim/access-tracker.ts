/**
 * Records which enqueued operation last wrote each region of device memory and of host
 * buffers, so that a read not ordered after its producer is reported: a cross-stream race on
 * the device (OB2007), or the host reading an async copy's destination before synchronising
 * (OB2006).
 */
import type { CallSite } from './call-site.js';
import type { DevicePtr, Allocation } from './device-memory.js';
import type { OpStamp, SimStream, StreamOrdering } from './stream-ordering.js';

export interface WriteRecord {
  readonly start: number;
  readonly end: number;
  readonly stamp: OpStamp;
  readonly symbol: string;
  readonly site: CallSite | undefined;
}

function addRecord(list: WriteRecord[], record: WriteRecord): void {
  // A newer write fully covering an older one replaces it.
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].start >= record.start && list[i].end <= record.end) list.splice(i, 1);
  }
  list.push(record);
}

function overlapping(list: readonly WriteRecord[] | undefined, start: number, end: number): WriteRecord[] {
  return list ? list.filter((r) => r.start < end && start < r.end) : [];
}

export class AccessTracker {
  private readonly device = new Map<Allocation, WriteRecord[]>();
  private readonly host = new WeakMap<ArrayBufferLike, WriteRecord[]>();

  recordDeviceWrite(ptr: DevicePtr, length: number, stamp: OpStamp, symbol: string, site?: CallSite): void {
    let list = this.device.get(ptr.allocation);
    if (!list) this.device.set(ptr.allocation, (list = []));
    addRecord(list, { start: ptr.byteOffset, end: ptr.byteOffset + length, stamp, symbol, site });
  }

  /** The first write to [ptr, ptr+length) not ordered before the op just enqueued on `reader`. */
  unorderedDeviceWrite(ptr: DevicePtr, length: number, reader: SimStream, ordering: StreamOrdering): WriteRecord | undefined {
    return overlapping(this.device.get(ptr.allocation), ptr.byteOffset, ptr.byteOffset + length).find(
      (r) => !ordering.orderedBeforeStream(r.stamp, reader),
    );
  }

  /** Same check for the host (synchronous calls and program results). */
  unorderedDeviceWriteForHost(ptr: DevicePtr, length: number, ordering: StreamOrdering): WriteRecord | undefined {
    return overlapping(this.device.get(ptr.allocation), ptr.byteOffset, ptr.byteOffset + length).find(
      (r) => !ordering.orderedBeforeHost(r.stamp),
    );
  }

  recordHostWrite(view: ArrayBufferView, stamp: OpStamp, symbol: string, site?: CallSite): void {
    let list = this.host.get(view.buffer);
    if (!list) this.host.set(view.buffer, (list = []));
    addRecord(list, { start: view.byteOffset, end: view.byteOffset + view.byteLength, stamp, symbol, site });
  }

  /** An async write into this host memory that the host has not synchronised with. */
  unsynchronizedHostWrite(view: ArrayBufferView, ordering: StreamOrdering): WriteRecord | undefined {
    return overlapping(this.host.get(view.buffer), view.byteOffset, view.byteOffset + view.byteLength).find(
      (r) => !ordering.orderedBeforeHost(r.stamp),
    );
  }
}
