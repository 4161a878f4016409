/**
 * Where the port first goes wrong: the earliest failing row or runtime error, in the port's
 * own execution order (trace sequence numbers). A runtime error the port raised at a call that
 * left a trace record sits at that record; a fault that stopped a call (no record) is taken as
 * the root cause and comes first; end-of-program findings (unsynchronised results, leaks) and
 * failing named outputs come last.
 */
import type { CallSite } from '../backends/sim/call-site.js';
import type { ProgramRuns } from './program-runs.js';
import type { CallRef, DiagnosticRow, DivergenceSide, FirstDivergence, OpRow, ValueRow } from './verify-report.js';

interface Candidate {
  readonly position: number;
  readonly rank: number;
  /** Diagnostics win ties: they name the cause, a failing value its effect. */
  readonly tieBreak: number;
  readonly build: () => FirstDivergence;
}

function side(calls: readonly CallRef[]): DivergenceSide {
  const first = calls[0];
  return first ? { op: calls.map((c) => c.op).join('+'), symbol: calls.map((c) => c.symbol).join(', '), site: first.site } : { op: null, symbol: null, site: null };
}

function sameSite(a: CallSite | null | undefined, b: CallSite | null | undefined): boolean {
  return Boolean(a && b && a.file === b.file && a.line === b.line && a.column === b.column);
}

function describeCall(c: CallRef): string {
  return `${c.op} (${c.symbol}${c.site ? ` at ${c.site.file}:${c.site.line}` : ''})`;
}

/** Rows of calls with no counterpart (unmatched, or port-only calls reported as information) directly before `row` in its rank. */
function precededBy(ops: readonly OpRow[], row: OpRow): string[] {
  const out: string[] = [];
  const rankRows = ops.filter((r) => r.rank === row.rank);
  for (let k = rankRows.indexOf(row) - 1; k >= 0 && rankRows[k].kind === 'unmatched'; k--) {
    const r = rankRows[k];
    const calls = r.original.length ? r.original : r.ported;
    out.unshift(`${r.original.length ? 'original' : 'port'}-only ${calls.map(describeCall).join(', ')}`);
  }
  return out;
}

export function findFirstDivergence(
  ops: readonly OpRow[],
  copies: readonly ValueRow[],
  outputs: readonly ValueRow[],
  diagnostics: readonly DiagnosticRow[],
  ported: ProgramRuns,
): FirstDivergence | null {
  const candidates: Candidate[] = [];
  for (const row of ops) {
    if (row.verdict !== 'fail') continue;
    candidates.push({
      position: row.ported[0]?.seq ?? Infinity,
      rank: row.rank,
      tieBreak: 1,
      build: () => ({
        kind: 'op',
        rank: row.rank,
        at: `#${row.index}`,
        reason: row.reason,
        original: side(row.original),
        ported: side(row.ported),
        metrics: row.comparison?.metrics ?? null,
        precededBy: precededBy(ops, row),
      }),
    });
  }
  for (const row of [...copies, ...outputs]) {
    if (row.verdict !== 'fail') continue;
    candidates.push({
      position: row.kind === 'copy' ? (row.ported?.seq ?? Infinity) : Infinity,
      rank: row.rank,
      tieBreak: row.kind === 'copy' ? 1 : 2,
      build: () => ({
        kind: row.kind,
        rank: row.rank,
        at: row.name,
        reason: row.reason,
        original: row.original ? side([row.original]) : { op: null, symbol: null, site: null },
        ported: row.ported ? side([row.ported]) : { op: null, symbol: null, site: null },
        metrics: row.comparison?.metrics ?? null,
        precededBy: [],
      }),
    });
  }
  for (const d of diagnostics) {
    if (d.program !== 'ported' || d.severity !== 'error') continue;
    const trace = ported.profiled.ranks[d.rank]?.trace ?? [];
    const record = trace.find((r) => r.symbol === d.symbol && sameSite(r.site, d.site));
    const endOfProgram = d.backend === 'host';
    const position = record ? record.seq : endOfProgram ? Infinity : -1;
    // The original's counterpart: the op or copy row holding that ported record.
    const opRow = record ? ops.find((r) => r.rank === d.rank && r.ported.some((c) => c.seq === record.seq)) : undefined;
    const copyRow = record ? copies.find((r) => r.rank === d.rank && r.ported?.seq === record.seq) : undefined;
    const originalCalls: readonly CallRef[] = opRow ? opRow.original : copyRow?.original ? [copyRow.original] : [];
    candidates.push({
      position,
      rank: d.rank,
      tieBreak: 0,
      build: () => ({
        kind: 'diagnostic',
        rank: d.rank,
        at: d.id,
        reason: d.message,
        original: side(originalCalls),
        ported: { op: record?.op ?? null, symbol: d.symbol, site: d.site ?? null },
        metrics: null,
        precededBy: [],
      }),
    });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.position - b.position || a.tieBreak - b.tieBreak || a.rank - b.rank);
  return candidates[0].build();
}
