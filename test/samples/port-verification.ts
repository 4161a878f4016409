/**
 * Verifies ported samples the way `opbridge verify` does (verifySettings → runForVerify for
 * both programs → compareRuns, the body of src/verify/verify.ts), but runs each original once
 * for all of its ports (and only if one of them runs), a few programs at a time. Also judges
 * a report against the samples' bar: pass, or warn only where the catalog documents precision.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { RunFailure, runProgramModes } from '../../src/run/run-program.js';
import { compareRuns } from '../../src/verify/compare-runs.js';
import { runForVerify, type ProgramRuns } from '../../src/verify/program-runs.js';
import { verifySettings } from '../../src/verify/verify.js';
import type { OpRow, ValueRow, VerifyReport } from '../../src/verify/verify-report.js';

/** Ranks each sample runs with (as samples/README.md shows for `opbridge run`). */
export const SAMPLE_RANKS: Readonly<Record<string, number>> = { 'data-parallel-step': 4 };

export interface PortPair {
  readonly sample: string;
  readonly backend: string;
  /** Repository-relative paths. */
  readonly original: string;
  readonly ported: string;
  readonly ranks: number;
}

export type PortVerdict = { readonly kind: 'report'; readonly report: VerifyReport } | { readonly kind: 'error'; readonly message: string };

/** Runs `tasks` with at most `limit` in flight; results in task order. */
async function limited<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const k = next++;
      results[k] = await tasks[k]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A program run, or the message verify would print for it. */
type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** `program` names the program for the message, as verify does (runForVerify names its own). */
async function attempt<T>(work: () => Promise<T>, program?: string): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const message = (error as Error).message;
    if (!program) return { ok: false, message };
    return { ok: false, message: `${program}${error instanceof RunFailure ? ` (${error.mode} run)` : ''}: ${message}` };
  }
}

export async function verifyPorts(root: string, pairs: readonly PortPair[], options: { readonly timeoutMs?: number } = {}): Promise<Map<PortPair, PortVerdict>> {
  const settings = verifySettings();
  const timeoutMs = options.timeoutMs;
  const parallel = availableParallelism();
  // A port that cannot run fails whatever else happens, and most unfinished ports throw early,
  // so each port runs profiled (with the full trace verify needs of it) first, then golden in
  // the same workers, one rank set per core. The originals run only when some port ran.
  const portedRuns = await limited(
    pairs.map((p) => async (): Promise<Outcome<ProgramRuns>> => {
      const runs = await attempt(
        () => runProgramModes(join(root, p.ported), [{ mode: 'profiled', traceLevel: 'full' }, { mode: 'golden', traceLevel: 'full' }], { ranks: p.ranks, timeoutMs }),
        'the ported program',
      );
      if (!runs.ok) return runs;
      const [profiled, golden] = runs.value;
      return { ok: true, value: { role: 'ported', file: golden.file, golden, profiled } };
    }),
    parallel,
  );
  const needed = [...new Map(pairs.filter((_, k) => portedRuns[k].ok).map((p) => [p.original, p])).values()];
  const originalResults = await limited(
    needed.map((p) => () => attempt(() => runForVerify(join(root, p.original), 'original', { ranks: p.ranks, timeoutMs }))),
    parallel,
  );
  const originalRuns = new Map(needed.map((p, k) => [p.original, originalResults[k]]));
  const verdicts = new Map<PortPair, PortVerdict>();
  pairs.forEach((pair, k) => {
    const ported = portedRuns[k];
    const original = originalRuns.get(pair.original);
    if (!ported.ok) verdicts.set(pair, { kind: 'error', message: ported.message });
    else if (!original?.ok) verdicts.set(pair, { kind: 'error', message: original?.message ?? 'the original was not run' });
    else verdicts.set(pair, { kind: 'report', report: compareRuns(original.value, ported.value, { catalog: settings.catalog, tolerances: settings.tolerances, widen: settings.config.widen }) });
  });
  return verdicts;
}

function opIsDocumented(row: OpRow): boolean {
  const c = row.comparison;
  if (!c || !c.semanticWithinStrict || c.dtype !== c.referenceDType) return false;
  if (c.withinStrict) return true;
  const own = row.ownError;
  // Measured and within the bound its profile documents, or within strict (the deviation is
  // inherited from earlier calls, which are judged in their own rows). Unmeasurable own error
  // is attributed to the profiles by verify, but nothing documents it, so it does not count.
  return own !== null && own.status === 'measured' && (own.withinStrict === true || own.withinWidened === true);
}

function valueIsDocumented(row: ValueRow): boolean {
  const c = row.comparison;
  // A copy or output has no call of its own: its deviation is what the calls before it left.
  return c !== null && c.semanticWithinStrict && c.dtype === c.referenceDType;
}

/**
 * Why a verdict falls short of "pass, or warn only where the catalog documents precision":
 * one line per offending row, program error or error diagnostic; empty when it meets the bar.
 */
export function shortfalls(verdict: PortVerdict): string[] {
  if (verdict.kind === 'error') return [`could not run: ${verdict.message}`];
  const r = verdict.report;
  const out: string[] = [];
  for (const d of r.diagnostics) if (d.severity === 'error') out.push(`${d.program} program diagnostic ${d.id}: ${d.message}`);
  for (const row of r.ops) {
    // info: a call only the port makes that cannot change a value (compare-runs.ts), as for copies below.
    if (row.verdict === 'pass' || row.verdict === 'info' || (row.verdict === 'warn' && opIsDocumented(row))) continue;
    const calls = [...row.original, ...row.ported].map((c) => c.symbol).join(', ');
    out.push(`rank ${row.rank} op ${row.index} (${calls}): ${row.verdict}: ${row.reason}`);
  }
  for (const row of [...r.copies, ...r.outputs]) {
    if (row.verdict === 'pass' || row.verdict === 'info' || (row.verdict === 'warn' && valueIsDocumented(row))) continue;
    out.push(`rank ${row.rank} ${row.kind} ${row.name}: ${row.verdict}: ${row.reason}`);
  }
  if (out.length === 0 && r.verdict === 'fail') out.push(`verdict fail: ${r.firstDivergence?.reason ?? 'see the report'}`);
  return out;
}
