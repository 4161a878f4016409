/**
 * cudaDeviceSynchronize on Kunlun. The XPU runtime has no device-wide synchronize: `xpu_wait()`
 * waits for the default stream only, so the wait CUDA means is the default stream's and that of
 * every stream the program created (the catalog's gap, after INFINIRT). That is written when those
 * streams are known where the call is:
 *
 *   cudaDeviceSynchronize();   →   xpu_wait(); xpu_wait(s.value); …
 *
 * for each stream-create call of the file, which must fill a `ref` variable the synchronize sees
 * (the same declaration), run before it in the same function, once (not under a branch or in a
 * loop: one stream per variable, surely made), and not be destroyed before it there. A stream
 * made anywhere else, or a status that is read (`check(cudaDeviceSynchronize())`), leaves the
 * call to the catalog, which says it does not port (OB1002).
 */
import type { Catalog } from '../../../catalog/catalog.js';
import { BACKENDS } from '../../../catalog/vocabulary.js';
import type { ResolvedCall } from '../../context/static-context.js';
import { variableName } from '../../context/static-context.js';
import type { LowerContext, StatementRewriter } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { declarationOf } from '../../syntax/named-variables.js';

function primitiveOf(call: ResolvedCall): string | undefined {
  const binds = call.entry.spec.binds;
  return 'primitive' in binds ? binds.primitive : undefined;
}

/**
 * Whether `node` runs once, whenever its function does: it sits in a statement of the function's
 * body (or of the file), perhaps as the argument of a status check, not under a branch or a loop.
 */
function runsOnce(node: ts.Node, scope: ts.Node): boolean {
  for (let n = node.parent; n && n !== scope; n = n.parent) {
    if (ts.isBlock(n) ? n.parent !== scope : !(ts.isCallExpression(n) || ts.isExpressionStatement(n) || ts.isVariableDeclaration(n) || ts.isVariableDeclarationList(n) || ts.isVariableStatement(n) || ts.isParenthesizedExpression(n))) return false;
  }
  return true;
}

interface StreamCall {
  readonly node: ts.CallExpression;
  /** The argument of `role` (the created stream's out-variable, the destroyed stream). */
  readonly argument: ts.Expression | undefined;
}

/**
 * The calls of the file that bind `primitive` in any backend's catalog, read by name: a file
 * ported before may make its streams with the target's calls, which the source context does not
 * resolve.
 */
function callsOf(primitive: string, role: string, sourceFile: ts.SourceFile, catalog: Catalog): StreamCall[] {
  const found: StreamCall[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = ts.isIdentifier(n.expression) ? n.expression.text : ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : undefined;
      for (const backend of callee ? BACKENDS : []) {
        const spec = catalog.entry(backend, callee!)?.spec;
        if (!spec || !('primitive' in spec.binds) || spec.binds.primitive !== primitive) continue;
        const index = spec.params.findIndex((p) => p.role === role);
        found.push({ node: n, argument: index < 0 ? undefined : n.arguments[index] });
        break;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  return found;
}

/** The variables of the streams the program created, as the synchronize at `sync` sees them, or undefined when one is not known there. */
function createdStreams(sync: ts.CallExpression, ctx: LowerContext): string[] | undefined {
  const context = ctx.context;
  const scope = context.enclosingScope(sync);
  const start = sync.getStart(context.sourceFile);
  const streams: string[] = [];
  for (const create of callsOf('stream.create', 'out-stream', context.sourceFile, ctx.catalog)) {
    const name = create.argument && ts.isIdentifier(create.argument) ? create.argument.text : undefined;
    if (!name || context.enclosingScope(create.node) !== scope || create.node.end > start || !runsOnce(create.node, scope)) return undefined;
    const declared = declarationOf(name, sync);
    if (!declared || declared.statement !== declarationOf(name, create.node)?.statement) return undefined;
    if (!streams.includes(name)) streams.push(name);
  }
  const destroyedBefore = callsOf('stream.destroy', 'stream', context.sourceFile, ctx.catalog).some(
    (d) => d.node.end <= start && context.enclosingScope(d.node) === scope && d.argument !== undefined && streams.includes(variableName(d.argument) ?? ''),
  );
  return destroyedBefore ? undefined : streams;
}

export const deviceSynchronizeRewriter: StatementRewriter = (statement: ts.Statement, ctx: LowerContext) => {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return undefined;
  const call = statement.expression;
  const resolved = ctx.context.resolve(call);
  if (!resolved || resolved.backend !== 'cuda' || primitiveOf(resolved) !== 'device.synchronize') return undefined;
  const streams = createdStreams(call, ctx);
  if (!streams) return undefined;
  const wait = ctx.names.value('xpu_wait', ctx.style, ctx.origin);
  const lines = [`${wait}();`, ...streams.map((s) => `${wait}(${s}.value);`)];
  return { from: resolved.entry.spec.symbol, text: lines.join('\n'), to: ['xpu_wait'] };
};
