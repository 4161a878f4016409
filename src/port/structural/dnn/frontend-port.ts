/**
 * Ports the cudnn-frontend graphs of a file (read by frontend-graph.ts) to a target through the
 * Invocation IR: each execute becomes its nodes' lowerings in node order, the virtual
 * intermediates allocated before them and freed after; when every execute of a walked function
 * lowers, the graph code is removed, numbers computed by it (workspace sizes) are written as
 * their values, and the local helpers and type aliases that only graph code used go too. The
 * frontend's error_t helper (`check(g.execute(...), 'what')`) cannot take the target's statuses,
 * so each status is checked in place and a failure throws with the same message and the
 * target's last error text. When something does not port, the function's graph code stays as
 * written, with OB1019 (or the lowerer's diagnostic) at each graph's creation.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import type { StaticContext } from '../../context/static-context.js';
import { pending, type PendingDiagnostic } from '../../diagnostics/port-diagnostics.js';
import { lineIndent, newlineOf, terminated } from '../../emit/statement-placement.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { LowerContext, LowererRegistry, Lowering } from '../../lower/lowerer.js';
import { memberByMeaning, statusEnumOf } from '../../mapping/enum-mapping.js';
import { ts } from '../../syntax/typescript.js';
import type { TensorModel } from './frontend-eval.js';
import { readGraphs, type GraphStatement } from './frontend-graph.js';
import { temporaryMemory } from './frontend-temporaries.js';

export interface GraphEdit {
  readonly statement: ts.Statement;
  /** Replacement text; '' removes the statement with its line. */
  readonly text: string;
  /** Removal takes the comments written above the statement (a removed helper's doc comment). */
  readonly withLeadingComments?: boolean;
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

/** The lowering as statements, each status checked in place (or, for a stored status, assigned to `binding` while it is success). */
function loweringLines(lowering: Lowering, what: string, input: FrontendPortInput, binding?: { readonly name: string; readonly declare: boolean }): string[] | undefined {
  const { catalog, target, lowerContext: ctx } = input;
  const runSymbol = lowering.targetSymbols[lowering.targetSymbols.length - 1];
  const runEntry = runSymbol ? catalog.entry(target, runSymbol) : undefined;
  const statusEnum = runEntry ? statusEnumOf(catalog, runEntry) : undefined;
  const success = statusEnum ? memberByMeaning(statusEnum, 'status.success') : undefined;
  const recent = catalog.entry(target, 'aclGetRecentErrMsg');
  const detail = recent && recent.spec.params.length === 0 ? `\${${ctx.names.value('aclGetRecentErrMsg', ctx.style, ctx.origin)}()}` : 'failed';
  const successText = success ? ctx.names.member(statusEnum!.spec.name, success.name, ctx.style, ctx.origin) : undefined;
  if (binding && !successText) return undefined;
  const check = (call: string) =>
    binding ? `if (${binding.name} === ${successText}) ${binding.name} = ${call};` : successText ? `if (${call} !== ${successText}) throw new Error(\`${escapeTemplate(what)}: ${detail}\`);` : `${call};`;
  // Typed: a status enum exported as a frozen object (XDNN's Error_t) would narrow an untyped `let` to its success member.
  const declaration = binding?.declare ? [`let ${binding.name}: ${ctx.names.type(statusEnum!.spec.name, ctx.style, undefined)} = ${successText};`] : [];
  return [...declaration, ...lowering.prelude.map((p) => (p.status ? check(p.text) : terminated(p.text))), check(lowering.call), ...(lowering.epilogue ?? []).map((p) => terminated(p.text))];
}

type Execute = Extract<GraphStatement, { kind: 'execute' }>;

/** An execute: temporaries allocated, each node lowered, temporaries freed. */
function lowerExecute(s: Execute, input: FrontendPortInput): { text: string; symbols: string[] } | { failed: PendingDiagnostic[] } {
  const ctx = input.lowerContext;
  const v = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
  const names = new Map<TensorModel, string>();
  const before: string[] = [];
  const symbols: string[] = [];
  const memory = temporaryMemory(input.target);
  const decline = (reason: string) => ({ failed: [pending('OB1019', { symbol: GRAPH_SYMBOL, target: input.target, reason }, GRAPH_SYMBOL)] });
  for (const t of s.temporaries) {
    const name = ctx.fresh.fresh(t.stem);
    names.set(t.tensor, name);
    const count = t.dims.filter((d) => d.text !== '1').map((d) => d.text).join(' * ') || '1';
    before.push(`const ${name} = ${v('ref')}<${ctx.names.type('DevicePtr', ctx.style, undefined)}>();`);
    if (memory) before.push(`${memory.allocate(v, name, `${count} * ${t.elementBytes}`)};`);
  }
  if (memory && s.temporaries.length > 0) symbols.push(memory.symbols[0]);
  const pointer = (t: TensorModel): Expr => generated(`${names.get(t)}.value`);
  const invocations = s.invocations(pointer);
  // The release is written before the nodes so the target's free call is imported where CANN's
  // aclrtFree always was (right after its aclrtMalloc).
  const released = memory && s.temporaries.length > 0 ? memory.release(v, [...names.values()], invocations[0]?.args.get('handle')?.text) : [];
  if (memory && s.temporaries.length > 0) symbols.push(memory.symbols[1]);
  const lines: string[] = [];
  for (const [i, invocation] of invocations.entries()) {
    const lowered = input.lowerers.lower(invocation, ctx);
    if (!lowered.ok) return { failed: [...lowered.diagnostics] };
    const written = loweringLines(lowered.lowering, s.what ?? invocation.operator, input, s.binding ? { name: s.binding, declare: i === 0 } : undefined);
    if (!written) return decline(`the status stored in \`${s.binding}\` has no success value on ${input.target}`);
    lines.push(...written);
    symbols.push(...lowered.lowering.targetSymbols);
  }
  // The nodes first: what they cannot express says more than the buffers around them.
  if (s.temporaries.length > 0 && !memory) return decline(`the graph's intermediates need device buffers, which are not written for ${input.target} yet`);
  if (!released) return decline(`the graph has no handle whose stream the intermediates' release waits for`);
  const after = released.map((l) => `${l};`);
  const sf = input.sourceFile;
  // A statement that shares its line with others (a function written on one line) stays on that line.
  const start = s.statement.getStart(sf);
  const alone = /^[ \t]*$/.test(sf.text.slice(sf.text.lastIndexOf('\n', start - 1) + 1, start));
  return { text: [...before, ...lines, ...after].join(alone ? `${newlineOf(sf.text)}${lineIndent(sf.text, start)}` : ' '), symbols };
}

export function portFrontendGraphs(input: FrontendPortInput): FrontendPortResult {
  const edits: GraphEdit[] = [];
  const diagnostics: { node: ts.Node; diagnostic: PendingDiagnostic }[] = [];
  const rewrites: { node: ts.Node; from: string; to: readonly string[] }[] = [];
  const { catalog, target, context, sourceFile } = input;
  const ported: ts.Node[] = [];
  const followed = new Set<ts.Node>();
  for (const reading of readGraphs({ sourceFile, fe: input.fe, catalog, context })) {
    if (!reading.result.ok) {
      for (const at of reading.origins) diagnostics.push({ node: declarationOf(at), diagnostic: pending('OB1019', { symbol: GRAPH_SYMBOL, target, reason: reading.result.reason }, GRAPH_SYMBOL) });
      continue;
    }
    const mark = input.lowerContext.names.mark();
    const graphEdits: GraphEdit[] = [];
    const graphRewrites: typeof rewrites = [];
    let failed: PendingDiagnostic[] | undefined;
    for (const s of reading.result.value) {
      if (s.kind === 'absorbed') graphEdits.push({ statement: s.statement, text: '' });
      else if (s.kind === 'replaced') graphEdits.push({ statement: s.statement, text: s.text });
      else {
        const lowered = lowerExecute(s, input);
        if ('failed' in lowered) {
          failed = lowered.failed;
          break;
        }
        graphEdits.push({ statement: s.statement, text: lowered.text });
        graphRewrites.push({ node: s.statement, from: `${GRAPH_SYMBOL}::execute`, to: lowered.symbols });
      }
    }
    if (failed) {
      input.lowerContext.names.rollback(mark);
      for (const at of reading.origins) for (const d of failed) diagnostics.push({ node: declarationOf(at), diagnostic: d });
      continue;
    }
    edits.push(...graphEdits);
    rewrites.push(...graphRewrites);
    ported.push(...graphEdits.map((e) => e.statement));
    for (const f of reading.inlined) followed.add(f);
  }
  const helpers = unusedHelpers(sourceFile, input.fe, ported, followed);
  edits.push(...helpers.map((statement) => ({ statement, text: '', withLeadingComments: true })));
  context.absorb([...ported, ...helpers]);
  return { edits, diagnostics, rewrites };
}

/** The statement that declares a graph (diagnostics point there), or the creation itself. */
function declarationOf(node: ts.Node): ts.Node {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (ts.isVariableStatement(n) || ts.isExpressionStatement(n) || ts.isReturnStatement(n)) return n;
  return node;
}

/**
 * Module-level functions and type aliases of graph code (they mention `fe`, or the port followed
 * them), and local arrow functions the port followed, that nothing but removed code uses any more.
 */
function unusedHelpers(sf: ts.SourceFile, fe: string, removed: readonly ts.Node[], followed: ReadonlySet<ts.Node>): ts.Statement[] {
  if (removed.length === 0) return [];
  // Type aliases of fe types (`type error_t = InstanceType<typeof fe.error_t>`) count as fe.
  const feNames = new Set([fe, ...sf.statements.filter((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.getText(sf).includes(`${fe}.`)).map((s) => s.name.text)]);
  const mentionsFe = (n: ts.Node): boolean => {
    let found = false;
    const visit = (c: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(c) && feNames.has(c.text) && !(ts.isTypeAliasDeclaration(c.parent) && c.parent.name === c)) found = true;
      else ts.forEachChild(c, visit);
    };
    visit(n);
    return found;
  };
  const candidates = new Map<ts.Statement, string>();
  const visit = (n: ts.Node): void => {
    const exported = ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(n) && n.name && ts.isSourceFile(n.parent) && !exported && (followed.has(n) || mentionsFe(n))) candidates.set(n, n.name.text);
    if (ts.isTypeAliasDeclaration(n) && ts.isSourceFile(n.parent) && mentionsFe(n)) candidates.set(n, n.name.text);
    if (ts.isVariableStatement(n) && n.declarationList.declarations.length === 1) {
      const d = n.declarationList.declarations[0];
      if (ts.isIdentifier(d.name) && d.initializer && followed.has(d.initializer)) candidates.set(n, d.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const references = new Map<string, ts.Identifier[]>();
  const collect = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const list = references.get(n.text) ?? [];
      list.push(n);
      references.set(n.text, list);
    }
    ts.forEachChild(n, collect);
  };
  collect(sf);
  const within = (id: ts.Node, nodes: Iterable<ts.Node>) => [...nodes].some((n) => id.getStart(sf) >= n.getStart(sf) && id.end <= n.end);
  // Greatest fixed point: drop candidates used outside removed code and the other candidates.
  // Only what is used somewhere (a helper nothing calls is not the port's to remove).
  const live = new Set([...candidates.keys()].filter((c) => (references.get(candidates.get(c)!) ?? []).some((id) => !within(id, [c]))));
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of [...live]) {
      const name = candidates.get(c)!;
      const outside = (references.get(name) ?? []).some((id) => !within(id, [c]) && !within(id, removed) && !within(id, live));
      if (outside) {
        live.delete(c);
        changed = true;
      }
    }
  }
  return [...live];
}
