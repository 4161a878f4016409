/**
 * Whether evaluating an expression twice, or at another point, is unobservable: literals,
 * identifiers, property reads and arithmetic on those. Calls, `new`, assignments, increments,
 * `await`, `yield` and `delete` are not. The porter hoists impure arguments into constants
 * before it duplicates or reorders them. Property reads count as pure although a getter could
 * run code: facade code reads `ref.value`, whose getter has no side effect.
 */
import { ts } from '../syntax/typescript.js';

export function isPure(node: ts.Expression): boolean {
  if (ts.isIdentifier(node) || ts.isLiteralExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.UndefinedKeyword:
      return true;
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
    return isPure(node.expression);
  }
  if (ts.isPropertyAccessExpression(node)) return isPure(node.expression);
  if (ts.isElementAccessExpression(node)) return isPure(node.expression) && isPure(node.argumentExpression);
  if (ts.isPrefixUnaryExpression(node)) {
    return node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken && isPure(node.operand);
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
    if (op === ts.SyntaxKind.InKeyword || op === ts.SyntaxKind.InstanceOfKeyword) return false;
    return isPure(node.left) && isPure(node.right);
  }
  if (ts.isConditionalExpression(node)) return isPure(node.condition) && isPure(node.whenTrue) && isPure(node.whenFalse);
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((s) => isPure(s.expression));
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => !ts.isSpreadElement(e) && isPure(e));
  return false;
}

/** Whether a subtree contains `await` or `yield`, which cannot move into a wrapper function. */
export function containsSuspension(node: ts.Node): 'await' | 'yield' | undefined {
  let found: 'await' | 'yield' | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isAwaitExpression(n)) found = 'await';
    else if (ts.isYieldExpression(n)) found = 'yield';
    else if (ts.isFunctionLike(n)) return;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}
