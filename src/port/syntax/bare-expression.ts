/** An expression without what adds nothing to its value: parentheses, `!` and `as`. */
import { ts } from './typescript.js';

export function bareExpression(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}
