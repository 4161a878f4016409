/**
 * The `--json` contract: `{ "verdict": "pass|warn|fail", "ops": [...], "outputs": [...],
 * "firstDivergence": ... }` plus copies, diagnostics, programs, summary and notes. Numbers
 * JSON cannot hold (NaN, ±Infinity) are written as strings; file paths are relative to the
 * working directory when under it.
 */
import type { CallSite } from '../backends/sim/call-site.js';
import type { TensorMetrics } from './metrics.js';
import { reportPath } from './report-paths.js';
import type { CallRef, DivergenceSide, OpRow, ValueComparison, ValueRow, VerifyReport } from './verify-report.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function num(x: number): number | string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return x;
}

function site(s: CallSite | null, base?: string): Json {
  return s ? { file: reportPath(s.file, base), line: s.line, column: s.column } : null;
}

function metrics(m: TensorMetrics | null): Json {
  if (!m) return null;
  return {
    count: m.count,
    maxAbsError: num(m.maxAbsError),
    maxRelError: num(m.maxRelError),
    meanAbsError: num(m.meanAbsError),
    rmse: num(m.rmse),
    cosine: num(m.cosine),
    maxUlp: num(m.maxUlp),
    ulpDType: m.ulpDType,
    shareRelAbove1e3: m.shareRelAbove1e3,
    shareRelAbove5e3: m.shareRelAbove5e3,
    worstIndex: m.worstIndex,
    nonFinite: { nan: m.nonFinite.nan, inf: m.nonFinite.inf, firstIndex: m.nonFinite.firstIndex },
  };
}

function call(c: CallRef, base?: string): Json {
  return { op: c.op, symbol: c.symbol, backend: c.backend, profile: c.profile, seq: c.seq, site: site(c.site, base), dtype: c.dtype, shape: c.shape ? [...c.shape] : null };
}

function comparison(c: ValueComparison | null): Record<string, Json> {
  if (!c) return { dtype: null, shape: null, metrics: null, semantic: null, originalMetrics: null, tolerance: null };
  return {
    dtype: c.dtype,
    referenceDType: c.referenceDType,
    shape: [...c.shape],
    metrics: metrics(c.metrics),
    semantic: metrics(c.semantic),
    originalMetrics: metrics(c.original),
    tolerance: { rtol: c.tolerance.rtol, atol: c.tolerance.atol, dtype: c.tolerance.dtype, source: c.tolerance.source },
  };
}

function opJson(row: OpRow, base?: string): Json {
  return {
    index: row.index,
    rank: row.rank,
    kind: row.kind,
    verdict: row.verdict,
    reason: row.reason,
    original: row.original.map((c) => call(c, base)),
    ported: row.ported.map((c) => call(c, base)),
    ...comparison(row.comparison),
    widened: row.widened
      ? {
          profile: row.widened.profile,
          rtol: num(row.widened.rtol),
          atol: num(row.widened.atol),
          magnitude: row.widened.magnitude ? { coefficient: num(row.widened.magnitude.coefficient), basis: row.widened.magnitude.basis } : null,
          reasons: [...row.widened.reasons],
        }
      : null,
    ownError: row.ownError
      ? {
          status: row.ownError.status,
          metrics: metrics(row.ownError.metrics),
          withinStrict: row.ownError.withinStrict,
          withinWidened: row.ownError.withinWidened,
          worstRatio: row.ownError.worstRatio === null ? null : num(row.ownError.worstRatio),
          reason: row.ownError.reason,
        }
      : null,
    afterDivergence: row.afterDivergence,
  };
}

function valueJson(row: ValueRow, base?: string): Json {
  return {
    name: row.name,
    rank: row.rank,
    verdict: row.verdict,
    reason: row.reason,
    original: row.original ? call(row.original, base) : null,
    ported: row.ported ? call(row.ported, base) : null,
    ...comparison(row.comparison),
  };
}

function side(s: DivergenceSide, base?: string): Json {
  return { op: s.op, symbol: s.symbol, site: site(s.site, base) };
}

export function reportJson(report: VerifyReport, base?: string): Json {
  const d = report.firstDivergence;
  return {
    verdict: report.verdict,
    original: { file: reportPath(report.original.file, base), backends: [...report.original.backends], profiles: [...report.original.profiles] },
    ported: { file: reportPath(report.ported.file, base), backends: [...report.ported.backends], profiles: [...report.ported.profiles] },
    ranks: report.ranks,
    summary: JSON.parse(JSON.stringify(report.summary)) as Json,
    firstDivergence: d
      ? { kind: d.kind, rank: d.rank, at: d.at, reason: d.reason, original: side(d.original, base), ported: side(d.ported, base), metrics: metrics(d.metrics), precededBy: [...d.precededBy] }
      : null,
    ops: report.ops.map((r) => opJson(r, base)),
    copies: report.copies.map((r) => valueJson(r, base)),
    outputs: report.outputs.map((r) => valueJson(r, base)),
    diagnostics: report.diagnostics.map((x) => ({
      program: x.program,
      id: x.id,
      severity: x.severity,
      message: x.message,
      backend: x.backend,
      symbol: x.symbol,
      status: x.status ?? null,
      rank: x.rank,
      site: site(x.site ?? null, base),
    })),
    notes: [...report.notes],
  };
}
