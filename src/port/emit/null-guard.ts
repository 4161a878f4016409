/**
 * The null guard the source wrote for a call that may return null (`aclGetRecentErrMsg() ?? ''`,
 * catalog `returnsNull`). When the port writes a function that always returns a value
 * (`cudnnGetErrorString(status)`), the guard and its fallback say nothing any more: the call
 * takes the place of the whole `call ?? fallback`, and of the parentheses around it (`${(call ??
 * '')}`), which then only wrap a call.
 */
import { isPure } from '../context/expression-purity.js';
import type { EditList } from '../edits/edit-list.js';
import { ts } from '../syntax/typescript.js';

/** The `call ?? fallback` whose left side is the call (parentheses allowed), with the parentheses around it. */
function guardAround(call: ts.CallExpression): { readonly guard: ts.BinaryExpression; readonly whole: ts.Expression } | undefined {
  let left: ts.Expression = call;
  while (ts.isParenthesizedExpression(left.parent) && left.parent.expression === left) left = left.parent;
  const guard = left.parent;
  if (!ts.isBinaryExpression(guard) || guard.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken || guard.left !== left) return undefined;
  let whole: ts.Expression = guard;
  // `new (f() ?? g)()` keeps its parentheses: `new f()()` would construct something else.
  while (ts.isParenthesizedExpression(whole.parent) && !ts.isNewExpression(whole.parent.parent)) whole = whole.parent;
  return { guard, whole };
}

/**
 * Replaces `call ?? fallback` by the ported call, whose replacement is already in `edits`. Only
 * a fallback that is a pure expression goes (it never ran for its effects); a guard inside a
 * replaced statement (the call was hoisted or rewritten with its statement) is left alone.
 * Returns whether it dropped one.
 */
export function dropNullGuard(call: ts.CallExpression, edits: EditList, sourceFile: ts.SourceFile): boolean {
  const found = guardAround(call);
  if (!found || !isPure(found.guard.right)) return false;
  const start = found.whole.getStart(sourceFile);
  const fallback = found.guard.right;
  if (edits.overlaps(start, found.whole.end) || edits.touches(fallback.getStart(sourceFile), fallback.end)) return false;
  edits.replace(start, found.whole.end, edits.textOf(call.getStart(sourceFile), call.end));
  return true;
}
