/**
 * The cumulative offsets of B sequences of S tokens each — a dense batch written as a varlen
 * batch — as the ports of dense Attention to varlen attention write them on the host:
 * `<from>({ length: B + 1 }, (_, i) => i * S)`, `from` being `Array.from` (XDNN's VectorParam)
 * or `Int32Array.from` (CNNL's copied offsets). The varlen lifters read B and S back from it;
 * offsets of any other form are not equal lengths, which is all dense Attention expresses.
 */
import { isPure } from '../../context/expression-purity.js';
import { ts } from '../../syntax/typescript.js';
import { bareExpression } from '../../syntax/bare-expression.js';

export interface EqualLengthOffsets {
  /** B, the number of sequences. */
  readonly batch: ts.Expression;
  /** S, the tokens of each sequence. */
  readonly length: ts.Expression;
  /** `B + 1` as written: the number of offsets. */
  readonly count: ts.Expression;
}


/** B and S of `from({ length: B + 1 }, (_, i) => i * S)` (S not mentioning i, both pure), or undefined. */
export function equalLengthOffsets(offsets: ts.Expression, from: string): EqualLengthOffsets | undefined {
  const e = bareExpression(offsets);
  if (!ts.isCallExpression(e) || e.expression.getText() !== from || e.arguments.length !== 2) return undefined;
  const [shape, fn] = e.arguments;
  const length = ts.isObjectLiteralExpression(shape) && shape.properties.length === 1 ? shape.properties[0] : undefined;
  if (!length || !ts.isPropertyAssignment(length) || length.name.getText() !== 'length') return undefined;
  const count = bareExpression(length.initializer);
  if (!ts.isBinaryExpression(count) || count.operatorToken.kind !== ts.SyntaxKind.PlusToken || count.right.getText() !== '1') return undefined;
  if (!ts.isArrowFunction(fn) || fn.parameters.length !== 2 || !ts.isIdentifier(fn.parameters[1].name)) return undefined;
  const body = ts.isExpression(fn.body) ? bareExpression(fn.body) : undefined;
  if (!body || !ts.isBinaryExpression(body) || body.operatorToken.kind !== ts.SyntaxKind.AsteriskToken) return undefined;
  const index = fn.parameters[1].name.text;
  const mentionsIndex = (n: ts.Node): boolean => (ts.isIdentifier(n) && n.text === index) || ts.forEachChild(n, mentionsIndex) === true;
  const size = body.left.getText() === index ? body.right : body.right.getText() === index ? body.left : undefined;
  if (!size || mentionsIndex(size) || !isPure(size) || !isPure(count.left)) return undefined;
  return { batch: count.left, length: size, count: length.initializer };
}
