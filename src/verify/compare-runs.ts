/**
 * The comparison engine: given the golden and profiled runs of the original and the port,
 * aligns their operator calls rank by rank, compares every aligned unit, every device-to-host
 * copy and every named output, collects runtime diagnostics, and returns the report.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { TraceRecord } from '../backends/sim/trace.js';
import type { RankRun } from '../run/run-program.js';
import type { DType } from '../runtime/dtype.js';
import { toTensorData, type TensorData } from '../runtime/tensor-transfer.js';
import { alignOps, type AlignItem, type AlignedUnit } from './align-ops.js';
import { chainContainment } from './chain-containment.js';
import { compareValues, elementCount, goldenAgree, type ValueSet } from './compare-values.js';
import { findFirstDivergence } from './first-divergence.js';
import { judgeOp, judgeValue, type PortedCallError } from './judge.js';
import { opClass, opFamily } from './op-equivalence.js';
import { measureOwnError, type OwnError } from './own-error.js';
import { consistentPrefix, splitTrace, type ProgramRuns, type RankTrace } from './program-runs.js';
import type { ToleranceResolver } from './tolerance.js';
import { resolveTraceProfile, type ProfileLookup } from './trace-profile.js';
import { transposedResults, withTransposedResults } from './transposed-results.js';
import { isUnaryElementwise } from './unary-elementwise.js';
import { isTransparent, portOnlyReason } from './value-preserving.js';
import {
  countVerdicts,
  overallVerdict,
  type CallRef,
  type DiagnosticRow,
  type OpRow,
  type OwnErrorReport,
  type ProgramSummary,
  type ValueComparison,
  type ValueRow,
  type VerifyReport,
  type WidenedTolerance,
} from './verify-report.js';

export interface CompareSettings {
  readonly catalog: Catalog;
  readonly tolerances: ToleranceResolver;
  /** Widen tolerances by the target's numeric profile (default true). */
  readonly widen?: boolean;
}

export function callRef(record: TraceRecord): CallRef {
  const out = record.outputs[0];
  return {
    seq: record.seq,
    op: record.op,
    symbol: record.symbol,
    backend: record.backend,
    profile: record.profile,
    site: record.site ?? null,
    dtype: out?.dtype ?? null,
    shape: out ? [...out.shape] : null,
  };
}

/** A shape as an alignment key: size-1 dims dropped (a [32×64] result and a [32×64×1×1] one hold the same elements in the same order). */
function shapeKey(data: TensorData | undefined): string {
  if (!data) return '';
  return data.shape.filter((d) => d !== 1).join('x') || 'scalar';
}

function alignItem(record: TraceRecord, catalog: Catalog): AlignItem {
  const size = record.outputs[0] ? elementCount(record.outputs[0]) : undefined;
  return {
    cls: opClass({ op: record.op, attributes: record.attributes, inputCount: record.inputs.length }),
    family: opFamily(record.op),
    shape: shapeKey(record.outputs[0]),
    transparent: isTransparent(record),
    layout: record.op === 'Transpose',
    elementwise: isUnaryElementwise(catalog, record.op, record.inputs.length),
    size,
    call: record.call !== undefined ? `${record.call}` : record.site ? `${record.symbol}@${JSON.stringify(record.site)}` : undefined,
  };
}

/** The first outputs of several calls, concatenated along a new leading dim (per-batch calls against one batched call). */
function concatenated(records: readonly (TraceRecord | undefined)[]): TensorData | undefined {
  const parts = records.map((r) => r?.outputs[0]);
  if (parts.some((x) => !x)) return undefined;
  const first = parts[0]!;
  const total = parts.reduce((a, x) => a + x!.storage.length, 0);
  const Storage = first.storage.constructor as new (n: number) => TensorData['storage'];
  const storage = new Storage(total);
  let at = 0;
  for (const x of parts) {
    if (x!.dtype !== first.dtype) return undefined;
    (storage as unknown as { set(a: ArrayLike<number>, at: number): void }).set(x!.storage as unknown as ArrayLike<number>, at);
    at += x!.storage.length;
  }
  return { dtype: first.dtype, shape: [parts.length, ...first.shape], storage };
}

/** The result a unit is compared through on one side: its last call's, or the concatenation of a tiling group's. */
function unitResult(records: readonly TraceRecord[], calls: readonly number[], tiled: boolean): TensorData | undefined {
  return tiled ? concatenated(calls.map((k) => records[k])) : records[calls[calls.length - 1]]?.outputs[0];
}

/** The four traces of one rank, each cut to the calls its golden and profiled runs agree on. */
interface RankRuns {
  readonly rank: number;
  readonly originalGolden: RankTrace;
  readonly originalProfiled: RankTrace;
  readonly portedGolden: RankTrace;
  readonly portedProfiled: RankTrace;
  readonly originalOps: number;
  readonly portedOps: number;
  /**
   * The port's records as traced, before any result is viewed transposed for comparison
   * (transposed-results.ts): a call's own error is recomputed from its inputs, and that
   * recomputation yields the layout the call wrote, not the view aligned with the original.
   */
  readonly portedAsTraced?: { readonly golden: RankTrace; readonly profiled: RankTrace };
}

class Engine {
  private readonly profiles = new Map<string, ProfileLookup>();
  readonly notes: string[] = [];

  constructor(private readonly settings: CompareSettings) {}

  profile(record: TraceRecord): ProfileLookup {
    const key = `${record.backend}\u0000${record.profile}`;
    let lookup = this.profiles.get(key);
    if (!lookup) this.profiles.set(key, (lookup = resolveTraceProfile(this.settings.catalog, record.backend, record.profile)));
    return lookup;
  }

  compareRank(given: RankRuns): OpRow[] {
    // A row-major port of a column-major matrix product records the transposed view (transposed-results.ts).
    const flipped = transposedResults(given.originalGolden.ops.slice(0, given.originalOps), given.portedGolden.ops.slice(0, given.portedOps), this.settings.catalog);
    const runs: RankRuns =
      flipped.size === 0
        ? given
        : {
            ...given,
            portedAsTraced: { golden: given.portedGolden, profiled: given.portedProfiled },
            portedGolden: { ...given.portedGolden, ops: withTransposedResults(given.portedGolden.ops, flipped) },
            portedProfiled: { ...given.portedProfiled, ops: withTransposedResults(given.portedProfiled.ops, flipped) },
          };
    const og = runs.originalGolden.ops.slice(0, runs.originalOps);
    const pg = runs.portedGolden.ops.slice(0, runs.portedOps);
    const item = (record: TraceRecord) => alignItem(record, this.settings.catalog);
    const units = alignOps(og.map(item), pg.map(item), {
      agree: (i, j) => goldenAgree(og[i].outputs[0], pg[j].outputs[0]),
      agreeTiled: (is, js) => goldenAgree(unitResult(og, is, is.length > 1), unitResult(pg, js, js.length > 1)),
      chain: (side, from, to) =>
        side === 'original' ? chainContainment(runs.originalGolden.all, og.slice(from, to)) : chainContainment(runs.portedGolden.all, pg.slice(from, to)),
    });
    const rows: OpRow[] = [];
    const grouped = units.reduce((n, u) => n + (u.absorbed ? u.absorbed.original.length + u.absorbed.ported.length : 0), 0);
    if (grouped) {
      this.notes.push(`rank ${runs.rank}: ${grouped} call(s) are shown with a neighbouring call and not compared on their own: steps that cannot change a value (a Mul by 1, a widening Cast) and further launches of the same vendor call`);
    }
    let failed = false;
    for (const unit of units) {
      const row = this.compareUnit(runs, unit, rows.length + 1, failed);
      if (row.verdict === 'fail') failed = true;
      rows.push(row);
    }
    return rows;
  }

  /** The values of a unit whose calls on one side tile the other side's one result. */
  private tiledSet(runs: RankRuns, unit: AlignedUnit): ValueSet {
    const byOriginal = unit.tiled === 'original';
    return {
      reference: unitResult(runs.originalGolden.ops, unit.original, byOriginal)!,
      original: unitResult(runs.originalProfiled.ops, unit.original, byOriginal),
      ported: unitResult(runs.portedProfiled.ops, unit.ported, !byOriginal)!,
      portedGolden: unitResult(runs.portedGolden.ops, unit.ported, !byOriginal)!,
    };
  }

  private compareUnit(runs: RankRuns, unit: AlignedUnit, index: number, afterFailure: boolean): OpRow {
    const inOrder = (core: readonly number[], extra: readonly number[] | undefined): number[] => [...core, ...(extra ?? [])].sort((a, b) => a - b);
    const original = inOrder(unit.original, unit.absorbed?.original).map((i) => callRef(runs.originalProfiled.ops[i] ?? runs.originalGolden.ops[i]));
    const ported = inOrder(unit.ported, unit.absorbed?.ported).map((j) => callRef(runs.portedProfiled.ops[j]));
    const base = { index, rank: runs.rank, kind: unit.kind, original, ported, widened: null, ownError: null, afterDivergence: false };
    if (unit.kind === 'unmatched') {
      const traced = runs.portedAsTraced ?? { golden: runs.portedGolden, profiled: runs.portedProfiled };
      const reasons = unit.original.length ? [] : unit.ported.map((j) => portOnlyReason(traced.golden.ops[j], traced.profiled.ops[j], this.settings.catalog));
      if (reasons.length && reasons.every((r) => r !== undefined)) return { ...base, verdict: 'info', reason: reasons.join('; '), comparison: null };
      const side = unit.original.length ? 'original' : 'port';
      const other = side === 'original' ? 'port' : 'original';
      return { ...base, verdict: 'unmatched', reason: `no counterpart in the ${other} (this ${side} call is checked only through later results)`, comparison: null };
    }
    const o = unit.original[unit.original.length - 1];
    const p = unit.ported[unit.ported.length - 1];
    const og = runs.originalGolden.ops[o];
    const op = runs.originalProfiled.ops[o];
    const pg = runs.portedGolden.ops[p];
    const pp = runs.portedProfiled.ops[p];
    const outputs = unit.kind === 'match' || unit.kind === 'reordered' ? Math.min(og.outputs.length, pg.outputs.length, pp.outputs.length) : Math.min(1, og.outputs.length, pp.outputs.length);
    const opIds = [og.op, pp.op];
    const values: ValueComparison[] = [];
    for (let k = 0; k < outputs; k++) {
      const set: ValueSet = unit.tiled ? this.tiledSet(runs, unit) : { reference: og.outputs[k], ported: pp.outputs[k], portedGolden: pg.outputs[k], original: op?.outputs[k] };
      if (!set.reference || !set.ported || !set.portedGolden) return { ...base, verdict: 'fail', reason: 'the per-batch results cannot be concatenated (a call traced no result, or the dtypes differ)', comparison: null };
      const result = compareValues(set, (dtype: DType) => this.settings.tolerances.forOperators(opIds, dtype));
      if (typeof result === 'string') return { ...base, verdict: 'fail', reason: result, comparison: null };
      values.push(result);
    }
    // Own errors only matter when semantics agree but the result is outside the strict tolerance.
    const needOwn = values.length > 0 && values.every((c) => c.semanticWithinStrict) && values.some((c) => !c.withinStrict);
    const traced = runs.portedAsTraced ?? { golden: runs.portedGolden, profiled: runs.portedProfiled };
    const calls: PortedCallError[] = needOwn
      ? unit.ported.map((j) => {
          const record = traced.profiled.ops[j];
          const lookup = this.profile(record);
          const strict = this.settings.tolerances.forOperator(record.op, record.outputs[0]?.dtype ?? 'float32');
          return { symbol: record.symbol, own: measureOwnError(record, traced.golden.ops[j], lookup, strict, this.settings.widen ?? true), profile: lookup, profileId: record.profile };
        })
      : [];
    const judgement = judgeOp(values, calls);
    const last = calls[calls.length - 1];
    return {
      ...base,
      verdict: judgement.verdict,
      reason: judgement.reason,
      comparison: values[0] ?? null,
      widened: last ? widenedOf(last.own, values[0]) : null,
      ownError: last ? ownReport(last.own) : null,
      afterDivergence: judgement.verdict === 'fail' && afterFailure,
    };
  }
}

function widenedOf(own: OwnError, value: ValueComparison | undefined): WidenedTolerance | null {
  if (own.status !== 'measured' || !own.widening || !value) return null;
  const w = own.widening;
  return {
    profile: w.profile,
    rtol: value.tolerance.rtol + w.rtol,
    atol: value.tolerance.atol + w.atol,
    magnitude: w.magnitude ? { coefficient: w.magnitude.coefficient, basis: w.magnitude.basis } : null,
    reasons: w.reasons,
  };
}

function ownReport(own: OwnError): OwnErrorReport {
  if (own.status === 'unavailable') return { status: 'unavailable', metrics: null, withinStrict: null, withinWidened: null, worstRatio: null, reason: own.reason };
  return {
    status: 'measured',
    metrics: own.metrics,
    withinStrict: own.strict.ok,
    withinWidened: own.widened ? own.widened.ok : null,
    worstRatio: own.widened ? own.widened.worstRatio : own.strict.worstRatio,
    reason: null,
  };
}

function rankRuns(original: ProgramRuns, ported: ProgramRuns, rank: number, notes: string[]): RankRuns {
  const get = (runs: ProgramRuns, which: 'golden' | 'profiled'): RankRun => runs[which].ranks[rank];
  const originalGolden = splitTrace(get(original, 'golden'));
  const originalProfiled = splitTrace(get(original, 'profiled'));
  const portedGolden = splitTrace(get(ported, 'golden'));
  const portedProfiled = splitTrace(get(ported, 'profiled'));
  const originalOps = consistentPrefix(originalGolden.ops, originalProfiled.ops);
  const portedOps = consistentPrefix(portedGolden.ops, portedProfiled.ops);
  for (const [role, n, g] of [['original', originalOps, originalGolden], ['ported', portedOps, portedGolden]] as const) {
    if (n < g.ops.length) {
      notes.push(`rank ${rank}: the ${role} program's golden and profiled runs make different calls after call ${n + 1} (its control flow depends on computed values); later calls are not compared`);
    }
  }
  return { rank, originalGolden, originalProfiled, portedGolden, portedProfiled, originalOps, portedOps };
}

/**
 * Pairs the device-to-host copies of the two programs in order by shape, preferring copies
 * whose golden contents agree (the same aligner as the calls, one to one only), so a copy only
 * one program makes does not shift every later pair. A copy only the port makes (e.g. a BLAS
 * result the target writes to device memory and the port copies back) is information, not a
 * failure: the values it carries are checked where they are used. A copy only the original
 * makes stays unmatched.
 */
function compareCopies(runs: RankRuns, tolerances: ToleranceResolver): ValueRow[] {
  const og = runs.originalGolden.copies;
  const op = runs.originalProfiled.copies;
  const pg = runs.portedGolden.copies;
  const pp = runs.portedProfiled.copies;
  const item = (r: TraceRecord): AlignItem => ({ cls: 'Copy', family: 'Copy', shape: shapeKey(r.outputs[0]) || 'none' });
  const n = Math.min(pg.length, pp.length);
  // Every copy has the one class, so copies of one shape always pair one to one and no region forms.
  const units = alignOps(og.map(item), pg.slice(0, n).map(item), { agree: (i, j) => goldenAgree(og[i].outputs[0], pg[j].outputs[0]), maxFusion: 1 });
  const rows: ValueRow[] = [];
  for (const unit of units) {
    const k = unit.original[0];
    const j = unit.ported[0];
    const name = k === undefined ? `port copy ${j + 1}` : j === undefined || j === k ? `copy ${k + 1}` : `copy ${k + 1} (port copy ${j + 1})`;
    const original = k !== undefined ? callRef(og[k]) : null;
    const ported = j !== undefined ? callRef(pp[j]) : null;
    if (k === undefined) {
      rows.push({ kind: 'copy', name, rank: runs.rank, verdict: 'info', reason: `port-only copy: the original makes no such device-to-host copy; the value it carries is checked where it is used`, original, ported, comparison: null });
      continue;
    }
    if (j === undefined) {
      rows.push({ kind: 'copy', name, rank: runs.rank, verdict: 'unmatched', reason: `the port makes no device-to-host copy of this size (${og[k].outputs[0]?.shape.join('×') ?? '?'})`, original, ported: null, comparison: null });
      continue;
    }
    const result = compareValues({ reference: og[k].outputs[0], ported: pp[j].outputs[0], portedGolden: pg[j].outputs[0], original: op[k]?.outputs[0] }, (dtype) => tolerances.forValue(dtype));
    if (typeof result === 'string') {
      rows.push({ kind: 'copy', name, rank: runs.rank, verdict: 'unmatched', reason: `copies differ in size: ${result}`, original, ported, comparison: null });
      continue;
    }
    rows.push({ kind: 'copy', name, rank: runs.rank, ...judgeValue(result), original, ported, comparison: result });
  }
  return rows;
}

function compareOutputs(original: ProgramRuns, ported: ProgramRuns, rank: number, tolerances: ToleranceResolver): ValueRow[] {
  const og = original.golden.ranks[rank].outputs;
  const op = original.profiled.ranks[rank].outputs;
  const pg = ported.golden.ranks[rank].outputs;
  const pp = ported.profiled.ranks[rank].outputs;
  const rows: ValueRow[] = [];
  const data = (t: ReturnType<typeof og.get>): TensorData | undefined => (t ? toTensorData(t) : undefined);
  for (const name of new Set([...og.keys(), ...pp.keys()])) {
    const reference = data(og.get(name));
    const value = data(pp.get(name));
    const golden = data(pg.get(name));
    const base = { kind: 'output' as const, name, rank, original: null, ported: null };
    if (!reference) {
      rows.push({ ...base, verdict: 'unmatched', reason: `the port returns '${name}', which the original does not`, comparison: null });
      continue;
    }
    if (!value || !golden) {
      rows.push({ ...base, verdict: 'fail', reason: `the port does not return '${name}'`, comparison: null });
      continue;
    }
    const result = compareValues({ reference, ported: value, portedGolden: golden, original: data(op.get(name)) }, (dtype) => tolerances.forValue(dtype, name));
    if (typeof result === 'string') {
      rows.push({ ...base, verdict: 'fail', reason: result, comparison: null });
      continue;
    }
    rows.push({ ...base, ...judgeValue(result), comparison: result });
  }
  return rows;
}

function summarize(runs: ProgramRuns): ProgramSummary {
  const records = runs.profiled.ranks.flatMap((r) => r.trace);
  return {
    file: runs.file,
    backends: [...new Set(records.map((r) => r.backend))],
    profiles: [...new Set(records.filter((r) => r.kind === 'op').map((r) => r.profile))],
  };
}

/** Compares the runs of an original program and its port (both run with the same ranks). */
export function compareRuns(original: ProgramRuns, ported: ProgramRuns, settings: CompareSettings): VerifyReport {
  const engine = new Engine(settings);
  const ranks = Math.min(original.golden.ranks.length, ported.golden.ranks.length);
  const ops: OpRow[] = [];
  const copies: ValueRow[] = [];
  const outputs: ValueRow[] = [];
  for (let rank = 0; rank < ranks; rank++) {
    const runs = rankRuns(original, ported, rank, engine.notes);
    ops.push(...engine.compareRank(runs));
    copies.push(...compareCopies(runs, settings.tolerances));
    outputs.push(...compareOutputs(original, ported, rank, settings.tolerances));
  }
  const diagnostics: DiagnosticRow[] = [
    ...ported.profiled.ranks.flatMap((r) => r.diagnostics.map((d) => ({ ...d, program: 'ported' as const }))),
    ...original.profiled.ranks.flatMap((r) => r.diagnostics.map((d) => ({ ...d, program: 'original' as const }))),
  ];
  const portErrors = diagnostics.filter((d) => d.program === 'ported' && d.severity === 'error').length;
  if (diagnostics.some((d) => d.program === 'original' && d.severity === 'error')) {
    engine.notes.push('the original program itself raised runtime errors (listed under diagnostics); its results are a questionable reference');
  }
  const unmatchedOps = ops.filter((r) => r.verdict === 'unmatched').length;
  if (unmatchedOps) engine.notes.push(`${unmatchedOps} call(s) have no counterpart and are checked only through later results`);
  return {
    verdict: overallVerdict([...ops, ...copies, ...outputs], portErrors),
    original: summarize(original),
    ported: summarize(ported),
    ranks,
    ops,
    copies,
    outputs,
    diagnostics,
    firstDivergence: findFirstDivergence(ops, copies, outputs, diagnostics, ported),
    notes: engine.notes,
    summary: {
      ops: countVerdicts(ops),
      copies: countVerdicts(copies),
      outputs: countVerdicts(outputs),
      diagnostics: { errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length },
    },
  };
}
