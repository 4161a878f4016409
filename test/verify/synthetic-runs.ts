/**
 * Program runs built in-process for fast engine tests: a "program" is a function making
 * operator calls through `api.op`, which runs each call with the real runtime (runOp) in
 * golden mode and again under the program's profile, recording trace records exactly as
 * launchOp does (inputs, outputs, profile id, call site). No workers are started.
 */
import type { RuntimeDiagnostic } from '../../src/backends/sim/diagnostics.js';
import type { MemoryRange, TraceRecord } from '../../src/backends/sim/trace.js';
import type { RawAttributes } from '../../src/runtime/kernel.js';
import type { NumericProfile } from '../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../src/runtime/run-op.js';
import type { Tensor } from '../../src/runtime/tensor.js';
import { toTensorData } from '../../src/runtime/tensor-transfer.js';
import type { ProgramRuns, ProgramRole } from '../../src/verify/program-runs.js';
import type { ProgramRun } from '../../src/run/run-program.js';

export interface CallOptions {
  /** Run this call under another profile than the program's (a knob, or a facade bug). */
  readonly profile?: NumericProfile;
  /** Record this profile id instead of the one the call ran under. */
  readonly recordedProfile?: string;
  readonly symbol?: string;
  /** Post-process the result after the operator (a fused epilogue applied outside it). */
  readonly finish?: (t: Tensor) => Tensor;
  /**
   * Named device buffers (one whole allocation each) the call reads and writes, traced as
   * launchOp traces them; without either, the call's memory accesses are not traced.
   */
  readonly reads?: readonly string[];
  readonly writes?: readonly string[];
  /** Trace no result (a step the vendor call does not store, e.g. cuBLAS axpy's alpha·x). */
  readonly unstored?: boolean;
  /** The facade call number to trace (launches of one vendor call share one; see TraceRecord.call). */
  readonly call?: number;
}

export interface ProgramApi {
  readonly mode: 'golden' | 'profiled';
  readonly rank: number;
  op(op: string, inputs: readonly Tensor[], attributes: RawAttributes, line: number, options?: CallOptions): Tensor[];
  /** A device-to-host copy of `value`, read from the named buffer when given. */
  copy(value: Tensor, line: number, symbol?: string, from?: string): void;
}

export interface SyntheticProgram {
  readonly file: string;
  readonly backend: string;
  readonly profile: NumericProfile;
  /** Symbol prefix (ref, low, ...). */
  readonly prefix?: string;
  readonly ranks?: number;
  /** Diagnostics the profiled run reports (as if the facades had raised them). */
  readonly diagnostics?: (rank: number) => Omit<RuntimeDiagnostic, 'rank'>[];
  body(api: ProgramApi): Record<string, Tensor>;
}

function runOnce(program: SyntheticProgram, mode: 'golden' | 'profiled'): ProgramRun {
  const ranks = Array.from({ length: program.ranks ?? 1 }, (_, rank) => {
    const trace: TraceRecord[] = [];
    const add = (record: Omit<TraceRecord, 'seq' | 'rank'>): void => void trace.push({ ...record, seq: trace.length, rank });
    const site = (line: number) => ({ file: program.file, line, column: 3 });
    const buffers = new Map<string, number>();
    const range = (name: string): MemoryRange => {
      if (!buffers.has(name)) buffers.set(name, buffers.size + 1);
      return { device: 0, allocation: buffers.get(name)!, start: 0, end: 1 << 20 };
    };
    const accesses = (options: CallOptions) =>
      options.reads || options.writes ? { reads: (options.reads ?? []).map(range), writes: (options.writes ?? []).map(range) } : {};
    const api: ProgramApi = {
      mode,
      rank,
      op(op, inputs, attributes, line, options = {}) {
        const profile = options.profile ?? program.profile;
        const computed = runOp(op, inputs, attributes, { mode, profile });
        const results = options.finish ? computed.map((t, i) => (i === 0 ? options.finish!(t) : t)) : computed;
        add({
          kind: 'op',
          backend: program.backend,
          symbol: options.symbol ?? `${program.prefix ?? ''}${op}`,
          op,
          attributes: { ...attributes },
          inputs: inputs.map(toTensorData),
          outputs: options.unstored ? [] : results.map(toTensorData),
          profile: mode === 'golden' ? 'golden' : (options.recordedProfile ?? profile.id),
          site: site(line),
          stream: 1,
          ...(options.call !== undefined ? { call: options.call } : {}),
          ...accesses(options),
        });
        return results;
      },
      copy(value, line, symbol, from) {
        const read = from ? { reads: [range(from)], writes: [], writesHost: true } : {};
        add({ kind: 'copy-to-host', backend: program.backend, symbol: symbol ?? `${program.prefix ?? ''}Memcpy`, op: 'Copy', attributes: {}, inputs: [], outputs: [toTensorData(value)], profile: 'exact', site: site(line), stream: 1, ...read });
      },
    };
    const outputs = new Map(Object.entries(program.body(api)));
    const diagnostics = mode === 'profiled' ? (program.diagnostics?.(rank) ?? []).map((d) => ({ ...d, rank })) : [];
    return { rank, outputs, trace, diagnostics, simulatedTimeUs: 0 };
  });
  return { file: program.file, mode, ranks };
}

export function syntheticRuns(role: ProgramRole, program: SyntheticProgram): ProgramRuns {
  return { role, file: program.file, golden: runOnce(program, 'golden'), profiled: runOnce(program, 'profiled') };
}
