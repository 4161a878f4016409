/**
 * The runs `opbridge verify` needs of one program: a golden run (float64 everywhere) and a
 * profiled run (each call under its backend's numeric profile, as the facades apply it),
 * each rank in an isolated worker with time and memory limits. Every run of a program uses
 * the same seeds: host data comes from the program's own seeded generators, and device
 * random streams from the seeds the program passes.
 */
import { InputError, OpbridgeError, UsageError } from '../errors.js';
import type { TraceRecord } from '../backends/sim/trace.js';
import { ProgramError, RunFailure, runProgramModes, type RunRequest, type ProgramRun, type RankRun } from '../run/run-program.js';

export type ProgramRole = 'original' | 'ported';

export interface ProgramRuns {
  readonly role: ProgramRole;
  readonly file: string;
  readonly golden: ProgramRun;
  readonly profiled: ProgramRun;
}

export interface RunLimits {
  readonly ranks?: number;
  readonly timeoutMs?: number;
  readonly maxHeapMb?: number;
}

/**
 * Runs `file` golden, then profiled, in the same rank workers (opbridge loads once per rank;
 * each run still starts from a fresh process and freshly evaluated program modules). The
 * profiled run of the port and both golden runs keep operator inputs (alignment reads Gemm's
 * C, the own-error check recomputes calls); the original's profiled run only needs results.
 */
export async function runForVerify(file: string, role: ProgramRole, limits: RunLimits = {}): Promise<ProgramRuns> {
  const requests: RunRequest[] = [
    { mode: 'golden', traceLevel: 'full' },
    { mode: 'profiled', traceLevel: role === 'ported' ? 'full' : 'outputs' },
  ];
  const [golden, profiled] = await runProgramModes(file, requests, { ranks: limits.ranks, timeoutMs: limits.timeoutMs, maxHeapMb: limits.maxHeapMb }).catch((error: unknown) => {
    throw relabel(error, role);
  });
  return { role, file: golden.file, golden, profiled };
}

/** Names the program (and the run, when known) an error came from. */
function relabel(error: unknown, role: ProgramRole): unknown {
  if (!(error instanceof OpbridgeError)) return error;
  const what = error instanceof RunFailure ? `the ${role} program (${error.mode} run)` : `the ${role} program`;
  const Kind = error instanceof InputError ? InputError : error instanceof UsageError ? UsageError : ProgramError;
  return new Kind(`${what}: ${error.message}`, { location: error.location, fix: error.fix, cause: error });
}

/** One rank's trace split into operator calls and device-to-host copies, in program order. */
export interface RankTrace {
  readonly ops: readonly TraceRecord[];
  readonly copies: readonly TraceRecord[];
  /** Every record, device-side copies included (what reads and writes which memory). */
  readonly all: readonly TraceRecord[];
}

export function splitTrace(rank: RankRun): RankTrace {
  return { ops: rank.trace.filter((r) => r.kind === 'op'), copies: rank.trace.filter((r) => r.kind === 'copy-to-host'), all: rank.trace };
}

/**
 * Golden and profiled runs of one program make the same calls unless its control flow depends
 * on computed values. Returns how many leading records agree (symbol and operator).
 */
export function consistentPrefix(golden: readonly TraceRecord[], profiled: readonly TraceRecord[]): number {
  const n = Math.min(golden.length, profiled.length);
  for (let k = 0; k < n; k++) if (golden[k].symbol !== profiled[k].symbol || golden[k].op !== profiled[k].op) return k;
  return n;
}
