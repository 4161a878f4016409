/**
 * The route through CUDA. Every backend's catalog is written against CUDA's (an entry names its
 * `cuda:` counterpart) and every backend has lifters to CUDA and lowerers from it, so a file
 * ported from X to Y (neither CUDA) can also go X → CUDA → Y. `portSource` takes that route when
 * the first leg ports every call (it leaves CUDA no error; its warnings stay in the report) and
 * the route leaves less work than the direct port: fewer errors, then fewer estimated hours. The findings of the second
 * leg are reported at the lines of the file the user gave, naming the source call they stem from,
 * and each rewrite goes from the source symbol straight to the target symbols.
 */
import type { BackendId } from '../catalog/vocabulary.js';
import type { PortDiagnostic } from './diagnostics/port-diagnostics.js';
import type { Edit } from './edits/edit-list.js';
import { TextOrigins } from './edits/text-origins.js';
import type { PortRewrite } from './port-result.js';

export const HUB_BACKEND: BackendId = 'cuda';

/** One port of one text, with the edits that made its output. */
export interface LegResult {
  readonly output: string;
  readonly rewrites: readonly PortRewrite[];
  readonly diagnostics: readonly PortDiagnostic[];
  readonly edits: readonly Edit[];
}

export type PortLeg = (text: string, from: BackendId, to: BackendId, comments: boolean) => LegResult;

/** What a port leaves to do by hand. */
export interface WorkLeft {
  readonly error: number;
  readonly warning: number;
  readonly effortHours: number;
}

/** How a routed file went, for reports: the hub, and what the direct port would have left. */
export interface HubRoute {
  readonly via: BackendId;
  readonly direct: WorkLeft;
}

export interface RoutedPort {
  readonly output: string;
  readonly rewrites: readonly PortRewrite[];
  readonly diagnostics: readonly PortDiagnostic[];
  readonly route: HubRoute;
}

export function workLeft(diagnostics: readonly PortDiagnostic[]): WorkLeft {
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  const effort = diagnostics.reduce((sum, d) => sum + d.effortHours, 0);
  return { error: count('error'), warning: count('warning'), effortHours: Math.round(effort * 100) / 100 };
}

function leavesLessWork(a: WorkLeft, b: WorkLeft): boolean {
  return a.error !== b.error ? a.error < b.error : a.effortHours < b.effortHours;
}

/**
 * Whether the route is worth a try: neither end is the hub, and the direct port left work. CUDA
 * calls already in the file (left by an earlier port) are ported on the second leg too: they
 * cannot run on the source backend either, and the file is going to the target.
 */
export function hubRouteApplies(from: BackendId, to: BackendId, direct: WorkLeft): boolean {
  if (from === HUB_BACKEND || to === HUB_BACKEND) return false;
  return direct.error > 0 || direct.warning > 0;
}

/** The port through the hub, when it leaves less work than `direct`; otherwise undefined. */
export function portThroughHub(text: string, from: BackendId, to: BackendId, comments: boolean, leg: PortLeg, direct: WorkLeft): RoutedPort | undefined {
  const first = leg(text, from, HUB_BACKEND, comments);
  if (first.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const second = leg(first.output, HUB_BACKEND, to, comments);
  const firstFindings = first.diagnostics.map((d) => (d.severity === 'info' ? d : { ...d, message: `${d.message} (on the way through ${HUB_BACKEND})` }));
  if (!leavesLessWork(workLeft([...firstFindings, ...second.diagnostics]), direct)) return undefined;
  const origins = new TextOrigins(text, first.output, first.edits);
  const byPosition = <T extends { line: number; column: number }>(a: T, b: T) => a.line - b.line || a.column - b.column;
  return {
    output: second.output,
    rewrites: composeRewrites(first.rewrites, second.rewrites, origins, first.output, second.output).sort(byPosition),
    diagnostics: [...firstFindings, ...second.diagnostics.map((d) => traceBack(d, first.rewrites, origins))].sort(byPosition),
    route: { via: HUB_BACKEND, direct },
  };
}

/** The first-leg rewrites made by the edit that wrote this position of the hub text. */
function sourcesAt(position: { line: number; column: number }, firstRewrites: readonly PortRewrite[], origins: TextOrigins): PortRewrite[] {
  const edit = origins.editAt(position);
  return edit ? firstRewrites.filter((r) => origins.editReplacing(r) === edit) : [];
}

function traceBack(d: PortDiagnostic, firstRewrites: readonly PortRewrite[], origins: TextOrigins): PortDiagnostic {
  const sources = [...new Set(sourcesAt(d, firstRewrites, origins).map((r) => r.from))];
  const through = sources.length > 0 ? ` (in the ${HUB_BACKEND} port of ${sources.map((s) => `\`${s}\``).join(', ')})` : '';
  return { ...d, ...origins.originOf(d), message: `${d.message}${through}`, ...(sources.length > 0 ? { symbol: sources[0] } : {}) };
}

/**
 * Source symbol → target symbols: each hub symbol a first-leg rewrite wrote becomes what the
 * second leg wrote for it inside the same edit; a hub symbol the second leg did not rewrite is
 * listed only if the output still has it (T-Head keeps CUDA's names; a call left as written keeps
 * its CUDA name; a call a structural lowering absorbed is gone). Second-leg rewrites of other
 * symbols in the same edit belong to its first source rewrite.
 */
function composeRewrites(firstRewrites: readonly PortRewrite[], secondRewrites: readonly PortRewrite[], origins: TextOrigins, hubText: string, output: string): PortRewrite[] {
  const remaining = new Set(output.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const hubSymbols = new Set(firstRewrites.flatMap((r1) => r1.to));
  const secondByEdit = new Map<Edit | undefined, PortRewrite[]>();
  for (const r2 of secondRewrites) {
    // A statement the second leg rewrote as a whole starts before the hub name the first leg wrote in it.
    const edit = origins.editAt(r2) ?? (hubSymbols.has(r2.from) ? origins.editWritingNext(r2.from, r2, hubText) : undefined);
    secondByEdit.set(edit, [...(secondByEdit.get(edit) ?? []), r2]);
  }
  const firstByEdit = new Map<Edit | undefined, PortRewrite[]>();
  for (const r1 of firstRewrites) {
    const edit = origins.editReplacing(r1);
    firstByEdit.set(edit, [...(firstByEdit.get(edit) ?? []), r1]);
  }
  const composed: PortRewrite[] = [];
  for (const [edit, firsts] of firstByEdit) {
    const seconds = edit ? (secondByEdit.get(edit) ?? []) : [];
    const claimed = new Set<PortRewrite>();
    const targets = firsts.map((r1) =>
      r1.to.flatMap((hubSymbol) => {
        const written = seconds.filter((r2) => r2.from === hubSymbol);
        for (const r2 of written) claimed.add(r2);
        return written.length > 0 ? written.flatMap((r2) => r2.to) : remaining.has(hubSymbol) ? [hubSymbol] : [];
      }),
    );
    targets[0].push(...seconds.filter((r2) => !claimed.has(r2)).flatMap((r2) => r2.to));
    firsts.forEach((r1, i) => composed.push({ ...r1, to: [...new Set(targets[i])] }));
  }
  // Second-leg rewrites of code no first-leg rewrite wrote: reported where that code is.
  const outside = [...secondByEdit].filter(([edit]) => !edit || !firstByEdit.has(edit)).flatMap(([, r2s]) => r2s);
  return [...composed, ...outside.map((r2) => ({ ...r2, ...origins.originOf(r2) }))];
}
