/**
 * The helper parameter an enum reference stands for, and the parameter's uses: a helper such as
 * `linear(lt, epilogue, …)` whose enum parameter a structural module retypes together with the
 * members passed for it and compared with it (cublaslt-epilogue-activation.ts and its inverse,
 * activation-parameter-epilogue.ts).
 */
import { ts } from '../../syntax/typescript.js';
import type { StaticContext } from '../../context/static-context.js';

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** The parameter a plain identifier names in its nearest enclosing function, if any. */
function parameterNamed(identifier: ts.Identifier): ts.ParameterDeclaration | undefined {
  for (let n: ts.Node | undefined = identifier.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) return n.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text);
  }
  return undefined;
}

/** The other operand of an equality comparison `node` is an operand of, if any. */
export function comparedWith(node: ts.Node): ts.Expression | undefined {
  let n: ts.Node = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const parent = n.parent;
  if (!ts.isBinaryExpression(parent) || !EQUALITY.has(parent.operatorToken.kind)) return undefined;
  let other = parent.left === n ? parent.right : parent.left;
  while (ts.isParenthesizedExpression(other)) other = other.expression;
  return other;
}

/**
 * The helper parameter a reference stands for: its type annotation, a member passed for it at a
 * call of a function declared in this file, or (with `comparisons`) a member compared with it.
 */
export function parameterFor(reference: ts.Node, context: StaticContext, comparisons = false): ts.ParameterDeclaration | undefined {
  let n: ts.Node = reference;
  while (ts.isQualifiedName(n.parent) || ts.isPropertyAccessExpression(n.parent)) n = n.parent;
  if (ts.isTypeReferenceNode(n.parent) && ts.isParameter(n.parent.parent) && n.parent.parent.type === n.parent) return n.parent.parent;
  if (comparisons) {
    const other = comparedWith(n);
    if (other && ts.isIdentifier(other)) return parameterNamed(other);
  }
  const call = n.parent;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  const index = call.arguments.indexOf(n as ts.Expression);
  const name = call.expression.text;
  const fn = context.sourceFile.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  return index >= 0 ? fn?.parameters[index] : undefined;
}

/** The uses of a parameter in its function's body. */
export function usesOf(parameter: ts.ParameterDeclaration): ts.Identifier[] {
  const fn = parameter.parent;
  const name = ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) uses.push(node);
    ts.forEachChild(node, visit);
  };
  if (name && ts.isFunctionDeclaration(fn) && fn.body) visit(fn.body);
  return uses;
}
