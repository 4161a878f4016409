/**
 * Per-call trace records for the verifier: every operator call made through a facade
 * (backend, symbol, canonical operator, attributes, inputs, outputs, call site) and every
 * device-to-host copy, in program order, with the device memory each one read and wrote (so
 * the verifier can tell which results later calls consume); device-side copies are recorded
 * for their memory accesses only.
 */
import type { TensorData } from '../../runtime/tensor-transfer.js';
import type { CallSite } from './call-site.js';
import type { DevicePtr } from './device-memory.js';

export type TraceLevel = 'full' | 'outputs' | 'none';

/** Bytes [start, end) of one device allocation. */
export interface MemoryRange {
  readonly device: number;
  readonly allocation: number;
  readonly start: number;
  readonly end: number;
}

/** The `bytes` bytes at `ptr`, as a trace records an access. */
export function memoryRange(ptr: DevicePtr, bytes: number): MemoryRange {
  return { device: ptr.allocation.device, allocation: ptr.allocation.id, start: ptr.byteOffset, end: ptr.byteOffset + bytes };
}

export interface TraceRecord {
  readonly seq: number;
  readonly rank: number;
  /** 'copy-on-device': a host-to-device or device-to-device copy, traced for its accesses only. */
  readonly kind: 'op' | 'copy-to-host' | 'copy-on-device';
  readonly backend: string;
  readonly symbol: string;
  /** Canonical operator id (or 'Copy' for device-to-host copies). */
  readonly op: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly inputs: readonly TensorData[];
  readonly outputs: readonly TensorData[];
  readonly profile: string;
  readonly site: CallSite | undefined;
  /**
   * The facade call that made the record, numbered in call order per process: one vendor call
   * may run as several launches, and a loop calls one function at one site many times.
   */
  readonly call?: number;
  readonly stream: number | undefined;
  /** Device memory the call read (operands and any extra reads); absent when not known. */
  readonly reads?: readonly MemoryRange[];
  /** Device memory the call wrote; absent when not known. */
  readonly writes?: readonly MemoryRange[];
  /** The call wrote a result into host memory, where the program can read it. */
  readonly writesHost?: boolean;
}

export class Tracer {
  readonly records: TraceRecord[] = [];
  private calls = 0;
  private current: number | undefined;

  constructor(
    readonly level: TraceLevel,
    readonly rank: number,
  ) {}

  /**
   * Runs one facade call: its records carry one call number. A facade function that calls
   * another stays one call (the program made one).
   */
  call<T>(body: () => T): T {
    if (this.current !== undefined) return body();
    this.current = ++this.calls;
    try {
      return body();
    } finally {
      this.current = undefined;
    }
  }

  add(record: Omit<TraceRecord, 'seq' | 'rank' | 'call'>): void {
    if (this.level === 'none') return;
    this.records.push({
      ...record,
      ...(this.current !== undefined ? { call: this.current } : {}),
      inputs: this.level === 'full' ? record.inputs : [],
      seq: this.records.length,
      rank: this.rank,
    });
  }
}
