/**
 * Ordering between host and streams (queues), modelled with vector clocks, plus a simulated
 * clock for event timing. Execution is eager, but the model knows what a real device would
 * guarantee: an operation may only rely on work that happens-before it (same stream, an
 * event wait, a synchronisation, or the legacy default stream's implicit barriers). Reads of
 * data whose producer is not ordered before the reader are reported as races.
 */

/** Identifies one enqueued operation: the stream and its sequence number on that stream. */
export interface OpStamp {
  readonly stream: number;
  readonly seq: number;
}

export type Knowledge = Map<number, number>;

export class SimStream {
  seq = 0;
  /** For every other stream, the highest sequence number known to have completed before our next op. */
  readonly knows: Knowledge = new Map();
  /** Simulated completion time (µs) of the last enqueued op. */
  time = 0;
  destroyed = false;

  constructor(
    readonly id: number,
    readonly device: number,
    readonly isDefault: boolean,
    /** Non-blocking streams do not synchronise with the legacy default stream. */
    readonly nonBlocking: boolean,
  ) {}
}

export class SimEvent {
  snapshot: Knowledge | undefined;
  time: number | undefined;
  destroyed = false;

  constructor(
    readonly id: number,
    readonly timing: boolean,
  ) {}
}

/** Simulated device speeds; documented as a model, not a performance prediction. */
export const SIMULATED_DEVICE = {
  launchUs: 5,
  apiCallUs: 1,
  flopsPerUs: 100e6, // 100 TFLOP/s
  deviceBytesPerUs: 1e6, // 1 TB/s
  hostLinkBytesPerUs: 25e3, // 25 GB/s
} as const;

function merge(into: Knowledge, from: Knowledge): void {
  for (const [stream, seq] of from) if ((into.get(stream) ?? 0) < seq) into.set(stream, seq);
}

export class StreamOrdering {
  private readonly streams = new Map<number, SimStream>();
  private readonly defaults = new Map<number, SimStream>();
  private nextStreamId = 1;
  private nextEventId = 1;
  /** What the host thread knows to have completed. */
  readonly hostKnows: Knowledge = new Map();
  hostTime = 0;

  defaultStream(device: number): SimStream {
    let s = this.defaults.get(device);
    if (!s) {
      s = new SimStream(this.nextStreamId++, device, true, false);
      this.streams.set(s.id, s);
      this.defaults.set(device, s);
    }
    return s;
  }

  createStream(device: number, nonBlocking = false): SimStream {
    const s = new SimStream(this.nextStreamId++, device, false, nonBlocking);
    this.streams.set(s.id, s);
    return s;
  }

  destroyStream(stream: SimStream): void {
    stream.destroyed = true;
  }

  createEvent(timing = true): SimEvent {
    return new SimEvent(this.nextEventId++, timing);
  }

  /** Enqueues an op of the given simulated duration; returns its stamp. */
  enqueue(stream: SimStream, durationUs: number): OpStamp {
    this.hostTime += SIMULATED_DEVICE.apiCallUs;
    // Work the host issues after it has waited for other work is ordered after that work.
    merge(stream.knows, this.hostKnows);
    if (stream.isDefault) {
      // Legacy default stream: waits for all prior work on blocking streams of its device.
      for (const other of this.streams.values()) {
        if (other !== stream && other.device === stream.device && !other.nonBlocking && !other.isDefault) {
          this.absorb(stream, other);
        }
      }
    } else if (!stream.nonBlocking) {
      this.absorb(stream, this.defaultStream(stream.device));
    }
    stream.seq += 1;
    stream.time = Math.max(stream.time, this.hostTime) + SIMULATED_DEVICE.launchUs + durationUs;
    return { stream: stream.id, seq: stream.seq };
  }

  private absorb(waiter: SimStream, producer: SimStream): void {
    merge(waiter.knows, producer.knows);
    if ((waiter.knows.get(producer.id) ?? 0) < producer.seq) waiter.knows.set(producer.id, producer.seq);
    waiter.time = Math.max(waiter.time, producer.time);
  }

  private snapshotOf(stream: SimStream): Knowledge {
    const k = new Map(stream.knows);
    k.set(stream.id, stream.seq);
    return k;
  }

  record(event: SimEvent, stream: SimStream): void {
    this.hostTime += SIMULATED_DEVICE.apiCallUs;
    merge(stream.knows, this.hostKnows);
    event.snapshot = this.snapshotOf(stream);
    event.time = Math.max(stream.time, this.hostTime);
  }

  waitEvent(stream: SimStream, event: SimEvent): void {
    if (!event.snapshot) return; // waiting on an unrecorded event is a no-op, as in CUDA
    merge(stream.knows, event.snapshot);
    stream.time = Math.max(stream.time, event.time ?? 0);
  }

  synchronizeStream(stream: SimStream): void {
    merge(this.hostKnows, this.snapshotOf(stream));
    this.hostTime = Math.max(this.hostTime, stream.time);
  }

  synchronizeEvent(event: SimEvent): void {
    if (!event.snapshot) return;
    merge(this.hostKnows, event.snapshot);
    this.hostTime = Math.max(this.hostTime, event.time ?? 0);
  }

  synchronizeDevice(device: number): void {
    for (const s of this.streams.values()) if (s.device === device) this.synchronizeStream(s);
  }

  /**
   * Whether the op `write` is ordered before the op most recently enqueued on `reader`
   * (check reads after `enqueue`, which has applied the default stream's implicit barriers).
   */
  orderedBeforeStream(write: OpStamp, reader: SimStream): boolean {
    return write.stream === reader.id || (reader.knows.get(write.stream) ?? 0) >= write.seq;
  }

  /** Whether the host has synchronised with `write`. */
  orderedBeforeHost(write: OpStamp): boolean {
    return (this.hostKnows.get(write.stream) ?? 0) >= write.seq;
  }

  /** ms between two recorded events (cudaEventElapsedTime semantics). */
  elapsedMs(start: SimEvent, end: SimEvent): number {
    return ((end.time ?? 0) - (start.time ?? 0)) / 1000;
  }

  stream(id: number): SimStream | undefined {
    return this.streams.get(id);
  }
}
