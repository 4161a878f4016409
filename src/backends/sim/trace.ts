/**
 * Per-call trace records for the verifier: every operator call made through a facade
 * (backend, symbol, canonical operator, attributes, inputs, outputs, call site) and every
 * device-to-host copy, in program order.
 */
import type { TensorData } from '../../runtime/tensor-transfer.js';
import type { CallSite } from './call-site.js';

export type TraceLevel = 'full' | 'outputs' | 'none';

export interface TraceRecord {
  readonly seq: number;
  readonly rank: number;
  readonly kind: 'op' | 'copy-to-host';
  readonly backend: string;
  readonly symbol: string;
  /** Canonical operator id (or 'Copy' for device-to-host copies). */
  readonly op: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly inputs: readonly TensorData[];
  readonly outputs: readonly TensorData[];
  readonly profile: string;
  readonly site: CallSite | undefined;
  readonly stream: number | undefined;
}

export class Tracer {
  readonly records: TraceRecord[] = [];

  constructor(
    readonly level: TraceLevel,
    readonly rank: number,
  ) {}

  add(record: Omit<TraceRecord, 'seq' | 'rank'>): void {
    if (this.level === 'none') return;
    this.records.push({
      ...record,
      inputs: this.level === 'full' ? record.inputs : [],
      seq: this.records.length,
      rank: this.rank,
    });
  }
}
