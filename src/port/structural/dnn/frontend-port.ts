/**
 * Ports the cudnn-frontend graphs of a file (read by frontend-graph.ts) to a target through the
 * Invocation IR: each execute is lowered by the registered lowerers; when every execute of a
 * graph lowers, the graph's construction and build statements are removed, get_workspace_size
 * becomes 0 (the target calls size their own workspaces) and each execute statement becomes the
 * lowering. The frontend's error_t helper (`check(g.execute(...), 'what')`) cannot take the
 * target's statuses, so each status is checked in place and a failure throws with the same
 * message and the target's last error text. When something does not port, the whole graph stays
 * as written, with OB1019 (or the lowerer's diagnostic) at its declaration.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { StaticContext } from '../../context/static-context.js';
import { pending, type PendingDiagnostic } from '../../diagnostics/port-diagnostics.js';
import { lineIndent, newlineOf } from '../../emit/statement-placement.js';
import type { LowerContext, LowererRegistry, Lowering } from '../../lower/lowerer.js';
import { memberByMeaning, statusEnumOf } from '../../mapping/enum-mapping.js';
import type { ts } from '../../syntax/typescript.js';
import { readGraphs } from './frontend-graph.js';

export interface GraphEdit {
  readonly statement: ts.Statement;
  /** Replacement text; '' removes the statement with its line. */
  readonly text: string;
}

export interface FrontendPortResult {
  readonly edits: readonly GraphEdit[];
  readonly diagnostics: readonly { readonly node: ts.Node; readonly diagnostic: PendingDiagnostic }[];
  readonly rewrites: readonly { readonly node: ts.Node; readonly from: string; readonly to: readonly string[] }[];
}

export interface FrontendPortInput {
  readonly sourceFile: ts.SourceFile;
  readonly fe: string;
  readonly catalog: Catalog;
  readonly target: BackendId;
  readonly context: StaticContext;
  readonly lowerers: LowererRegistry;
  readonly lowerContext: LowerContext;
}

const GRAPH_SYMBOL = 'cudnn_frontend::graph::Graph';

function escapeTemplate(text: string): string {
  return text.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${');
}

/** The lowering as statements, each status checked in place. */
function executeText(lowering: Lowering, what: string, statement: ts.Statement, input: FrontendPortInput): string {
  const { catalog, target, lowerContext: ctx, sourceFile } = input;
  const runSymbol = lowering.targetSymbols[lowering.targetSymbols.length - 1];
  const runEntry = runSymbol ? catalog.entry(target, runSymbol) : undefined;
  const statusEnum = runEntry ? statusEnumOf(catalog, runEntry) : undefined;
  const success = statusEnum ? memberByMeaning(statusEnum, 'status.success') : undefined;
  const recent = catalog.entry(target, 'aclGetRecentErrMsg');
  const detail = recent && recent.spec.params.length === 0 ? `\${${ctx.names.value('aclGetRecentErrMsg', ctx.style, ctx.origin)}()}` : 'failed';
  const check = (call: string) =>
    success ? `if (${call} !== ${ctx.names.member(statusEnum!.spec.name, success.name, ctx.style, ctx.origin)}) throw new Error(\`${escapeTemplate(what)}: ${detail}\`);` : `${call};`;
  const lines = [...lowering.prelude.map((p) => (p.status ? check(p.text) : `${p.text};`)), check(lowering.call), ...(lowering.epilogue ?? []).map((p) => `${p.text};`)];
  return lines.join(`${newlineOf(sourceFile.text)}${lineIndent(sourceFile.text, statement.getStart(sourceFile))}`);
}

export function portFrontendGraphs(input: FrontendPortInput): FrontendPortResult {
  const edits: GraphEdit[] = [];
  const diagnostics: { node: ts.Node; diagnostic: PendingDiagnostic }[] = [];
  const rewrites: { node: ts.Node; from: string; to: readonly string[] }[] = [];
  const { catalog, target, context, sourceFile } = input;
  for (const reading of readGraphs({ sourceFile, fe: input.fe, catalog, context })) {
    const at = reading.declaration;
    if (!reading.result.ok) {
      diagnostics.push({ node: at, diagnostic: pending('OB1019', { symbol: GRAPH_SYMBOL, target, reason: reading.result.reason }, GRAPH_SYMBOL) });
      continue;
    }
    const mark = input.lowerContext.names.mark();
    const graphEdits: GraphEdit[] = [];
    const graphRewrites: typeof rewrites = [];
    let failed: PendingDiagnostic[] | undefined;
    for (const s of reading.result.value) {
      if (s.kind === 'absorbed') graphEdits.push({ statement: s.statement, text: '' });
      else if (s.kind === 'workspace-size') graphEdits.push({ statement: s.statement, text: `${s.target}.value = 0;` });
      else {
        const lowered = input.lowerers.lower(s.invocation, input.lowerContext);
        if (!lowered.ok) {
          failed = [...lowered.diagnostics];
          break;
        }
        graphEdits.push({ statement: s.statement, text: executeText(lowered.lowering, s.what ?? s.invocation.operator, s.statement, input) });
        graphRewrites.push({ node: s.statement, from: `${GRAPH_SYMBOL}::execute`, to: lowered.lowering.targetSymbols });
      }
    }
    if (failed) {
      input.lowerContext.names.rollback(mark);
      for (const d of failed) diagnostics.push({ node: at, diagnostic: d });
      continue;
    }
    edits.push(...graphEdits);
    rewrites.push(...graphRewrites);
    context.absorb(graphEdits.map((e) => e.statement));
  }
  return { edits, diagnostics, rewrites };
}
