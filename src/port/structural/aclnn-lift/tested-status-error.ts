/**
 * `aclGetRecentErrMsg()` under the test of a status (`if (status !== ACLNN_SUCCESS) throw new
 * Error(`… ${aclGetRecentErrMsg()}`)`), the way the CANN lowering of `cudnnGetErrorString(status)` /
 * `cudaGetErrorString(status)` writes it: the message describes the status that test found
 * failing, so it lifts to `error.string` of that status. The compared success member says which
 * status family it is (`enums.error`), so a lowerer can name the function of that family
 * (cuda-lower/status-error-string.ts). A status that is not a pure expression (a call tested in
 * place) cannot be read twice: it lifts as `tested` instead of `error`, so a lowerer can name the
 * variable the port keeps that call's status in (the file porter keeps it when such a message is
 * in the `if`). A message read outside such a test has no status: it lifts without either, the
 * thread's most recent error, as aclGetRecentErrMsg itself is.
 */
import { isPure } from '../../context/expression-purity.js';
import type { StaticContext } from '../../context/static-context.js';
import type { Expr } from '../../ir/expr.js';
import type { EnumArgument } from '../../ir/invocation.js';
import type { LiftResult, Lifter } from '../../lift/lifter.js';
import { ts } from '../../syntax/typescript.js';

const TARGETS: ReadonlySet<string> = new Set(['cuda']);

/** The status an enclosing `if (status !== SUCCESS)` tests, with its success member. */
export function testedStatus(node: ts.Node, context: StaticContext): { status: ts.Expression; success: EnumArgument } | undefined {
  for (let child: ts.Node = node, parent = node.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    if (!ts.isIfStatement(parent) || parent.thenStatement !== child) continue;
    const test = parent.expression;
    if (!ts.isBinaryExpression(test) || ![ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(test.operatorToken.kind)) return undefined;
    for (const [status, other] of [[test.left, test.right], [test.right, test.left]] as const) {
      const value = context.constant(other);
      if (value?.kind === 'enum' && value.meaning === 'status.success' && context.constant(status) === undefined) {
        return { status, success: { meaning: value.meaning, member: value.member, enumName: value.enumName, direct: true } };
      }
    }
    return undefined;
  }
  return undefined;
}

export const testedStatusErrorLifter: Lifter = {
  name: 'the recent error message of a tested status',
  lift(call, ctx): LiftResult | undefined {
    if (!TARGETS.has(ctx.target) || call.args.length !== 0) return undefined;
    const tested = testedStatus(call.node, ctx.context);
    const origin = { backend: call.backend, entry: call.entry, symbol: call.entry.spec.symbol };
    if (!tested) return { ok: true, invocation: { kind: 'primitive', primitive: 'error.string', args: new Map(), enums: new Map(), origin } };
    if (!isPure(tested.status)) {
      // The call tested in place: `tested`, for a lowerer that finds its status held in the output (LowerContext.heldStatus).
      const call: Expr = { text: tested.status.getText(ctx.context.sourceFile), node: tested.status, pure: false };
      return { ok: true, invocation: { kind: 'primitive', primitive: 'error.string', args: new Map([['tested', call]]), enums: new Map([['error', tested.success]]), origin } };
    }
    const status: Expr = { text: tested.status.getText(ctx.context.sourceFile), node: tested.status, pure: true };
    return { ok: true, invocation: { kind: 'primitive', primitive: 'error.string', args: new Map([['error', status]]), enums: new Map([['error', tested.success]]), origin } };
  },
};
