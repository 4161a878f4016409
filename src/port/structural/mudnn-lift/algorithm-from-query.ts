/**
 * A convolution algorithm that is not a constant but the result of the file's own algorithm query
 * (`choice.algo` with `const choice = perf.slice(0, n).find(…)` and `perf` the `perfResults` of
 * `mudnnGetConvolutionForwardAlgorithm_v7`): the query is ported too, so on the target the value is
 * already the target's algorithm and passes unchanged. The generic role path cannot follow that
 * (it warns with OB1007 that the enums number their values differently); this lowerer proves the
 * flow from the syntax and lets the role path port the call without the warning.
 *
 * The flow is followed through `const` declarations, `.value`, indexing and the reading array
 * methods (slice, find, filter, at); the array must only be read elsewhere. Anything else keeps
 * the warning.
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { variableName } from '../../context/static-context.js';
import type { Invocation } from '../../ir/invocation.js';
import { roleView } from '../../ir/role-view.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { declarationOf, usesOf } from '../aclnn-lift/aclnn-group.js';

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

export const algorithmFromQueryLowerer: Lowerer = {
  name: 'an algorithm read from the ported algorithm query',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const algorithm = roleView(invocation).get('algorithm');
    if (!algorithm?.node || algorithm.value || invocation.enums.has('algorithm')) return undefined;
    const origin = invocation.origin.entry;
    const index = origin.spec.params.findIndex((p) => p.role === 'algorithm');
    if (index < 0 || !queryOf(algorithm.node, algorithm.node, ctx.context)) return undefined;
    const result = roleLowerer.lower(invocation, ctx);
    if (!result?.ok) return result;
    const param = origin.spec.params[index].name;
    const diagnostics = result.lowering.diagnostics.filter((d) => !(d.id === 'OB1007' && d.values.param === param));
    return { ok: true, lowering: { ...result.lowering, diagnostics } };
  },
};
