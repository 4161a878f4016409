/**
 * What `verify` returns and every reporter renders: an overall verdict, one row per aligned
 * operator unit, one per device-to-host copy and named output, the runtime diagnostics, and
 * the first divergence with its call site in both programs.
 */
import type { CallSite } from '../backends/sim/call-site.js';
import type { RuntimeDiagnostic } from '../backends/sim/diagnostics.js';
import type { DType } from '../runtime/dtype.js';
import type { UnitKind } from './align-ops.js';
import type { TensorMetrics } from './metrics.js';
import type { StrictTolerance } from './tolerance.js';

export type Verdict = 'pass' | 'warn' | 'fail';
/**
 * A row's verdict. `info`: nothing to compare and nothing wrong (a device-to-host copy only the
 * port makes, or a call only the port makes that cannot change a value, such as a layout
 * transpose: the values they carry are checked where they are used); it never changes the
 * overall verdict.
 */
export type RowVerdict = Verdict | 'unmatched' | 'info';

/** One traced call on one side of a row. */
export interface CallRef {
  readonly seq: number;
  readonly op: string;
  readonly symbol: string;
  readonly backend: string;
  readonly profile: string;
  readonly site: CallSite | null;
  readonly dtype: DType | null;
  readonly shape: readonly number[] | null;
}

/** The widened ("warn") tolerance of a call: strict + what its profile documents. */
export interface WidenedTolerance {
  readonly profile: string;
  readonly rtol: number;
  readonly atol: number;
  /** Element-wise bound term: coefficient × basis (e.g. 1.2e-3 × Σ|a||b|). */
  readonly magnitude: { readonly coefficient: number; readonly basis: string } | null;
  readonly reasons: readonly string[];
}

export interface OwnErrorReport {
  readonly status: 'measured' | 'unavailable';
  readonly metrics: TensorMetrics | null;
  readonly withinStrict: boolean | null;
  readonly withinWidened: boolean | null;
  readonly worstRatio: number | null;
  readonly reason: string | null;
}

/** One compared value: the port against the golden reference of the original. */
export interface ValueComparison {
  readonly dtype: DType;
  readonly referenceDType: DType;
  readonly shape: readonly number[];
  /** Ported (profiled) against the original's golden run: the deviation a user sees. */
  readonly metrics: TensorMetrics;
  /** Ported golden run against the original's golden run: semantics only, precision removed. */
  readonly semantic: TensorMetrics;
  /** The original's own deviation from its golden run (its backend's precision), when known. */
  readonly original: TensorMetrics | null;
  readonly tolerance: StrictTolerance;
  readonly withinStrict: boolean;
  readonly semanticWithinStrict: boolean;
  readonly originalWithinStrict: boolean | null;
}

export interface OpRow {
  /** 1-based row number within its rank. */
  readonly index: number;
  readonly rank: number;
  readonly kind: UnitKind;
  readonly verdict: RowVerdict;
  readonly reason: string;
  readonly original: readonly CallRef[];
  readonly ported: readonly CallRef[];
  /** Present unless unmatched. */
  readonly comparison: ValueComparison | null;
  /** Widened tolerance and own error of the ported call(s) (the last call for fused units). */
  readonly widened: WidenedTolerance | null;
  readonly ownError: OwnErrorReport | null;
  /** A failure that follows an earlier failing row of the same rank (likely inherited). */
  readonly afterDivergence: boolean;
}

export interface ValueRow {
  readonly kind: 'output' | 'copy';
  /** Output name, or the copy's position ("copy 3"). */
  readonly name: string;
  readonly rank: number;
  readonly verdict: RowVerdict;
  readonly reason: string;
  readonly original: CallRef | null;
  readonly ported: CallRef | null;
  readonly comparison: ValueComparison | null;
}

export interface DiagnosticRow extends RuntimeDiagnostic {
  readonly program: 'original' | 'ported';
}

export interface DivergenceSide {
  readonly op: string | null;
  readonly symbol: string | null;
  readonly site: CallSite | null;
}

export interface FirstDivergence {
  readonly kind: 'op' | 'copy' | 'output' | 'diagnostic';
  readonly rank: number;
  /** Row index (ops) or name (outputs, copies) or diagnostic id. */
  readonly at: string;
  readonly reason: string;
  readonly original: DivergenceSide;
  readonly ported: DivergenceSide;
  readonly metrics: TensorMetrics | null;
  /** Unmatched calls just before it, which may be the real cause (an op the port dropped). */
  readonly precededBy: readonly string[];
}

export interface ProgramSummary {
  readonly file: string;
  readonly backends: readonly string[];
  readonly profiles: readonly string[];
}

export interface VerifyReport {
  readonly verdict: Verdict;
  readonly original: ProgramSummary;
  readonly ported: ProgramSummary;
  readonly ranks: number;
  readonly ops: readonly OpRow[];
  readonly copies: readonly ValueRow[];
  readonly outputs: readonly ValueRow[];
  readonly diagnostics: readonly DiagnosticRow[];
  readonly firstDivergence: FirstDivergence | null;
  readonly notes: readonly string[];
  readonly summary: {
    readonly ops: Readonly<Record<RowVerdict, number>>;
    readonly copies: Readonly<Record<RowVerdict, number>>;
    readonly outputs: Readonly<Record<RowVerdict, number>>;
    readonly diagnostics: { readonly errors: number; readonly warnings: number };
  };
}

export function countVerdicts(rows: readonly { verdict: RowVerdict }[]): Record<RowVerdict, number> {
  const counts: Record<RowVerdict, number> = { pass: 0, warn: 0, fail: 0, unmatched: 0, info: 0 };
  for (const r of rows) counts[r.verdict]++;
  return counts;
}

/** fail if anything fails or the port raised an error diagnostic; warn if anything warns or is unmatched; else pass (info rows count as passing). */
export function overallVerdict(rows: readonly { verdict: RowVerdict }[], portErrors: number): Verdict {
  if (portErrors > 0 || rows.some((r) => r.verdict === 'fail')) return 'fail';
  if (rows.some((r) => r.verdict === 'warn' || r.verdict === 'unmatched')) return 'warn';
  return 'pass';
}
