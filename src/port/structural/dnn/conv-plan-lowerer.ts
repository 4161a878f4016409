/**
 * The convolution plan on a target whose convolution call chooses its own kernel
 * (conv-workspace-slice.ts): the algorithm and workspace-size queries vanish, and so do the
 * statements that only serve them (the algorithm choice, the workspace allocation and its free),
 * when every convolution that used them ports. Otherwise the query stays as written with OB1019
 * and the reason (a variable of the plan used elsewhere). One factory serves every target: it
 * is given the target's answer to "does this convolution port", what stands in for the plan
 * there (for the diagnostic) and the target's success status (what a vanished query returns).
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer, StatementDropper } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { aclnnConvPorts, isPlanStatement, PLAN_QUERIES, whyQueryStays, type ConvPorts } from './conv-workspace-slice.js';
import { successValue, vanishingCall } from '../../lower/vanishing-call.js';

export interface PlanTarget {
  readonly convPorts: ConvPorts;
  /** What replaces the plan on the target, a sentence (`aclnnConvolutionGetWorkspaceSize chooses …`). */
  readonly replacement: string;
  /** The target's success status, as written in the port. */
  readonly success: (ctx: LowerContext) => string;
}

/** The call expression an argument belongs to. */
function callOf(invocation: Invocation): ts.CallExpression | undefined {
  const arg = [...invocation.args.values()].find((e) => e.node);
  for (let n: ts.Node | undefined = arg?.node; n; n = n.parent) if (ts.isCallExpression(n) && n.arguments.some((a) => a.pos <= arg!.node!.pos && arg!.node!.end <= a.end)) return n;
  return undefined;
}

export function planQueryLowerer(target: PlanTarget): Lowerer {
  return {
    name: 'cudnn convolution plan vanishes',
    lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
      const symbol = invocation.origin.symbol;
      if (invocation.kind !== 'primitive' || !(PLAN_QUERIES as readonly string[]).includes(symbol)) return undefined;
      const node = callOf(invocation);
      const call = node ? ctx.context.resolve(node) : undefined;
      if (!call) return undefined;
      const stays = whyQueryStays(call, ctx.catalog, ctx.target, ctx.context, target.convPorts);
      if (stays) {
        const reason = `${target.replacement}, so the query has no ${ctx.target} counterpart and goes away only with the code that reads its results, but ${stays}`;
        return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
      }
      return vanishingCall(ctx, target.success);
    },
  };
}

/** Statements of the plan other than the queries' own (those vanish through the lowering above). */
export function planStatementDropper(convPorts: ConvPorts): StatementDropper {
  return (statement, ctx) => {
    if (!isPlanStatement(statement, ctx.catalog, ctx.target, ctx.context, convPorts)) return undefined;
    if (ts.isExpressionStatement(statement)) {
      const e = statement.expression;
      const call = ts.isCallExpression(e) ? [e, ...e.arguments].find((c): c is ts.CallExpression => ts.isCallExpression(c) && (PLAN_QUERIES as readonly string[]).includes(ctx.context.resolve(c)?.entry.spec.symbol ?? '')) : undefined;
      if (call) return undefined;
    }
    // The rewrite list names what went: the statement's first line.
    return statement.getText().split('\n')[0];
  };
}

/** CANN: aclnnConvolution's two-phase call sizes its own workspace. */
export const convPlanQueryLowerer = planQueryLowerer({
  convPorts: aclnnConvPorts,
  replacement: 'aclnnConvolutionGetWorkspaceSize chooses the kernel and sizes its own workspace',
  success: successValue('ACLNN_SUCCESS'),
});

export const dropsPlanStatement = planStatementDropper(aclnnConvPorts);
