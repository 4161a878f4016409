/**
 * Whether a non-constant enum argument is the result of the file's own algorithm query
 * (`choice.algo` with `const choice = perf.slice(0, n).find(…)` and `perf` the `perfResults` of
 * `cudnnGetConvolutionForwardAlgorithm_v7`): the query is ported too, so on the target the value is
 * already the target's algorithm and passes unchanged, however the two enums number their values.
 * The role lowerer asks this before warning (OB1007).
 *
 * The flow is followed through `const` declarations, `.value`, indexing and the reading array
 * methods (slice, find, filter, at); the array must only be read elsewhere. Anything else keeps
 * the warning.
 */
import type { ResolvedCall, StaticContext } from '../context/static-context.js';
import { variableName } from '../context/static-context.js';
import { declarationOf, usesOf } from '../syntax/named-variables.js';
import { ts } from '../syntax/typescript.js';

const READERS = new Set(['slice', 'find', 'filter', 'at']);

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** Whether every use of the array `name` other than `query`'s argument only reads it. */
function onlyRead(name: string, declaration: ts.Node, query: ResolvedCall): boolean {
  return usesOf(name, declaration.parent).every((use) => {
    const p = use.parent;
    if (ts.isCallExpression(p) && p === query.node) return true;
    if (ts.isElementAccessExpression(p) && p.expression === use) return !(ts.isBinaryExpression(p.parent) && p.parent.left === p);
    if (ts.isPropertyAccessExpression(p) && p.expression === use) return READERS.has(p.name.text) || p.name.text === 'length';
    return false;
  });
}

/** The algorithm query whose results `expr` is read from, or undefined when that is not shown. */
function queryOf(expr: ts.Expression, before: ts.Node, context: StaticContext, depth = 0): ResolvedCall | undefined {
  if (depth > 8) return undefined;
  let e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && e.name.text !== 'value') e = unwrap(e.expression); // `choice.algo` → `choice`
  for (;;) {
    if (ts.isElementAccessExpression(e)) e = unwrap(e.expression);
    else if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && READERS.has(e.expression.name.text)) e = unwrap(e.expression.expression);
    else break;
  }
  const name = variableName(e);
  if (!name || name.includes('.')) return undefined;
  const declared = declarationOf(name, before);
  const flags = declared?.statement.declarationList.flags ?? 0;
  if (!declared || !(flags & ts.NodeFlags.Const)) return undefined;
  const init = declared.init ? unwrap(declared.init) : undefined;
  if (init && !(ts.isArrayLiteralExpression(init) && init.elements.length === 0)) return queryOf(init, before, context, depth + 1);
  // An array declared empty: the query fills it.
  const query = context
    .allCalls()
    .filter((c) => c.node.end <= before.getStart() && 'primitive' in c.entry.spec.binds && c.entry.spec.binds.primitive === 'algorithm.query')
    .find((c) => {
      const out = context.argumentFor(c, 'out-algorithm');
      return out !== undefined && variableName(out) === name;
    });
  return query && onlyRead(name, declared.statement, query) ? query : undefined;
}

/** Whether `expr` is read from the results of an algorithm query earlier in the file (ported with it). */
export function readFromAlgorithmQuery(expr: ts.Expression, context: StaticContext): boolean {
  return queryOf(expr, expr, context) !== undefined;
}
