/**
 * `portSource(text, { to })`: ports the text of one TypeScript file. Decides the source backend
 * (the facade the file imports other than the target, or `from`), refuses files that do not
 * parse (nothing is rewritten, as hipify-clang does), and reruns once with aliases when a
 * target name would collide with a source name kept for unported code. Between two backends other
 * than CUDA it also tries the route through CUDA (hub-route.ts) and keeps it when it leaves less
 * work.
 */
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { BackendId } from '../catalog/vocabulary.js';
import { pending, placeDiagnostic, type PortDiagnostic } from './diagnostics/port-diagnostics.js';
import { shareLibraryHandles } from './emit/shared-handles.js';
import { FilePorter } from './file-porter.js';
import { hubRouteApplies, portThroughHub, workLeft, type HubRoute, type LegResult } from './hub-route.js';
import type { LifterRegistry } from './lift/lifter.js';
import type { LowererRegistry } from './lower/lowerer.js';
import type { PortOutcome, PortRewrite } from './port-result.js';
import { defaultLifters, defaultLowerers } from './registry.js';
import { collectFacadeBindings } from './syntax/facade-bindings.js';
import { parseSource, positionOf } from './syntax/typescript.js';

export interface PortSourceOptions {
  readonly to: BackendId;
  /** The facade to port from (default: the one the file imports other than `to`). */
  readonly from?: BackendId;
  /** Used to pick the parser (`.tsx`) and in messages. */
  readonly fileName?: string;
  /** Write error and warning diagnostics as comments above the code (default true). */
  readonly comments?: boolean;
  readonly catalog?: Catalog;
  readonly lifters?: LifterRegistry;
  readonly lowerers?: LowererRegistry;
}

export interface SourcePortResult {
  readonly outcome: PortOutcome;
  readonly from?: BackendId;
  readonly reason?: string;
  readonly output: string;
  readonly rewrites: readonly PortRewrite[];
  readonly diagnostics: readonly PortDiagnostic[];
  /** Set when the file went through CUDA rather than straight to the target. */
  readonly route?: HubRoute;
}

let lifters: LifterRegistry | undefined;
let lowerers: LowererRegistry | undefined;

export function portSource(text: string, options: PortSourceOptions): SourcePortResult {
  const fileName = options.fileName ?? 'input.ts';
  const { sourceFile, syntaxErrors } = parseSource(fileName, text);
  const unchanged = (outcome: PortOutcome, reason: string, diagnostics: PortDiagnostic[] = [], from?: BackendId): SourcePortResult => ({
    outcome,
    reason,
    output: text,
    rewrites: [],
    diagnostics,
    ...(from ? { from } : {}),
  });
  if (syntaxErrors.length > 0) {
    const first = syntaxErrors[0];
    const reason = `${first.line}:${first.column} ${first.message}`;
    return unchanged('error', `does not parse: ${reason}`, [placeDiagnostic(pending('OB1016', { reason }), first.line, first.column)]);
  }
  const bindings = collectFacadeBindings(sourceFile);
  const to = options.to;
  let from = options.from;
  if (from !== undefined) {
    if (from === to) return unchanged('nochange', `source and target are both ${to}`, [], from);
    if (!bindings.backends.includes(from)) return unchanged('skip', `no import from opbridge/${from}`);
  } else {
    const candidates = bindings.backends.filter((b) => b !== to);
    if (candidates.length === 0) {
      return bindings.backends.includes(to) ? unchanged('nochange', `already uses opbridge/${to}`, [], to) : unchanged('skip', 'no opbridge facade import');
    }
    if (candidates.length > 1) {
      const second = bindings.imports.find((i) => i.backend === candidates[1]) ?? bindings.imports[0];
      const { line, column } = positionOf(sourceFile, second.declaration);
      const diagnostic = placeDiagnostic(pending('OB1013', { backends: candidates.map((c) => `opbridge/${c}`).join(' and ') }), line, column);
      return unchanged('skip', `imports ${candidates.join(' and ')}; pass --from`, [diagnostic]);
    }
    from = candidates[0];
  }
  const catalog = options.catalog ?? loadCatalog();
  const porters = {
    catalog,
    lifters: options.lifters ?? (lifters ??= defaultLifters()),
    lowerers: options.lowerers ?? (lowerers ??= defaultLowerers()),
  };
  const leg = (legText: string, legFrom: BackendId, legTo: BackendId, comments: boolean): LegResult => {
    const parsed = legText === text ? sourceFile : parseSource(fileName, legText).sourceFile;
    const legBindings = legText === text ? bindings : collectFacadeBindings(parsed);
    const porterOptions = { ...porters, from: legFrom, to: legTo, comments };
    const run = new FilePorter(parsed, legBindings, { ...porterOptions, forcedAliases: new Set() }).run();
    if (run.conflicts.length === 0) return shareLibraryHandles(run, legTo, fileName);
    return shareLibraryHandles(new FilePorter(parseSource(fileName, legText).sourceFile, legBindings, { ...porterOptions, forcedAliases: new Set(run.conflicts) }).run(), legTo, fileName);
  };
  const comments = options.comments ?? true;
  const direct = leg(text, from, to, comments);
  const directWork = workLeft(direct.diagnostics);
  const routed = hubRouteApplies(from, to, directWork) ? portThroughHub(text, from, to, comments, leg, directWork) : undefined;
  const chosen = routed ?? direct;
  return {
    outcome: chosen.output === text ? 'nochange' : 'ok',
    from,
    output: chosen.output,
    rewrites: chosen.rewrites,
    diagnostics: chosen.diagnostics,
    ...(routed ? { route: routed.route } : {}),
  };
}
