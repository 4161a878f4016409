/**
 * The convolution plan on CANN (conv-workspace-slice.ts): the algorithm and workspace-size
 * queries vanish, and so do the statements that only serve them (the algorithm choice, the
 * workspace allocation and its free), when every convolution that used them ports. Otherwise the
 * query stays as written with OB1019 and the reason (a variable of the plan used elsewhere).
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer, StatementDropper } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { isPlanStatement, PLAN_QUERIES, whyQueryStays } from './conv-workspace-slice.js';

/** The call expression an argument belongs to. */
function callOf(invocation: Invocation): ts.CallExpression | undefined {
  const arg = [...invocation.args.values()].find((e) => e.node);
  for (let n: ts.Node | undefined = arg?.node; n; n = n.parent) if (ts.isCallExpression(n) && n.arguments.some((a) => a.pos <= arg!.node!.pos && arg!.node!.end <= a.end)) return n;
  return undefined;
}

export const convPlanQueryLowerer: Lowerer = {
  name: 'cudnn convolution plan vanishes',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const symbol = invocation.origin.symbol;
    if (invocation.kind !== 'primitive' || !(PLAN_QUERIES as readonly string[]).includes(symbol)) return undefined;
    const node = callOf(invocation);
    const call = node ? ctx.context.resolve(node) : undefined;
    if (!call) return undefined;
    const stays = whyQueryStays(call, ctx.catalog, ctx.target, ctx.context);
    if (stays) {
      const reason = `aclnnConvolutionGetWorkspaceSize chooses the kernel and sizes its own workspace, so the query has no ${ctx.target} counterpart and goes away only with the code that reads its results, but ${stays}`;
      return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
    }
    let success: string | undefined;
    return {
      ok: true,
      lowering: {
        prelude: [],
        get call() {
          success ??= ctx.names.value('ACLNN_SUCCESS', ctx.style, ctx.origin);
          return success;
        },
        targetSymbols: [],
        diagnostics: [],
        vanishes: true,
      },
    };
  },
};

/** Statements of the plan other than the queries' own (those vanish through the lowering above). */
export const dropsPlanStatement: StatementDropper = (statement, ctx) => {
  if (!isPlanStatement(statement, ctx.catalog, ctx.target, ctx.context)) return undefined;
  if (ts.isExpressionStatement(statement)) {
    const e = statement.expression;
    const call = ts.isCallExpression(e) ? [e, ...e.arguments].find((c): c is ts.CallExpression => ts.isCallExpression(c) && (PLAN_QUERIES as readonly string[]).includes(ctx.context.resolve(c)?.entry.spec.symbol ?? '')) : undefined;
    if (call) return undefined;
  }
  // The rewrite list names what went: the statement's first line.
  return statement.getText().split('\n')[0];
};

