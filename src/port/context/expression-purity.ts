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

/** `Math` functions whose result depends on their arguments only (not `random`). */
const COMPUTING_MATH = new Set(['abs', 'ceil', 'floor', 'round', 'trunc', 'sign', 'min', 'max', 'sqrt', 'cbrt', 'pow', 'exp', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'tanh', 'hypot', 'fround', 'imul', 'clz32']);

/**
 * Pure, or also built with calls of the global `Math`'s computing functions on such values
 * (`Math.floor((h - 2) / 2) + 1`, the output size our CUDA lowerings write into descriptors):
 * evaluating it again gives the same value and does nothing else. (A file that declares its own
 * `Math` is not told apart.)
 */
export function isPureComputation(node: ts.Expression): boolean {
  if (isPure(node)) return true;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return isPureComputation(node.expression);
  if (ts.isPrefixUnaryExpression(node)) {
    return node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken && isPureComputation(node.operand);
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
    if (op === ts.SyntaxKind.InKeyword || op === ts.SyntaxKind.InstanceOfKeyword) return false;
    return isPureComputation(node.left) && isPureComputation(node.right);
  }
  if (ts.isConditionalExpression(node)) return isPureComputation(node.condition) && isPureComputation(node.whenTrue) && isPureComputation(node.whenFalse);
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'Math' &&
    COMPUTING_MATH.has(node.expression.name.text) &&
    node.arguments.every((a) => !ts.isSpreadElement(a) && isPureComputation(a))
  );
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
