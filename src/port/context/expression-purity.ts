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

/**
 * Whether an expression computes the same value when evaluated again: pure, or built with the
 * functions of `Math` other than `random` (`Math.floor((h - 2) / 2) + 1` in a dimension). Kept
 * apart from `isPure`, which decides when the porter hoists an argument into a constant.
 */
export function isRepeatable(node: ts.Expression): boolean {
  if (isPure(node)) return true;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return isRepeatable(node.expression);
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const mathFunction = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && callee.name.text !== 'random';
    return mathFunction && node.arguments.every((a) => !ts.isSpreadElement(a) && isRepeatable(a));
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
    if (op === ts.SyntaxKind.InKeyword || op === ts.SyntaxKind.InstanceOfKeyword) return false;
    return isRepeatable(node.left) && isRepeatable(node.right);
  }
  if (ts.isPrefixUnaryExpression(node)) {
    return node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken && isRepeatable(node.operand);
  }
  if (ts.isConditionalExpression(node)) return isRepeatable(node.condition) && isRepeatable(node.whenTrue) && isRepeatable(node.whenFalse);
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
