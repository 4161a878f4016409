/**
 * Which causal mask an aclnnFusedInferAttentionScoreV2 attenMask holds, read from the statements
 * that build it (as the CANN attention lowering and CANN samples write it): a host
 * `new Uint8Array(rows * cols)` filled by `for (let i = a; i < b; i++) host.fill(value, start, end)`
 * loops, copied whole to the device buffer the mask tensor views. The loops are run at port time
 * on the constant sizes, and the result compared with CANN's causal conventions (1 masks key j out
 * for query i): top-left (j > i) or bottom-right (j > i + cols − rows). Anything else — a mask
 * computed elsewhere, non-constant sizes, other writes — is not a causal mask this port knows.
 */
import { arithmetic } from '../../context/constant-value.js';
import type { StaticContext } from '../../context/static-context.js';
import { variableName } from '../../context/static-context.js';
import { ts } from '../../syntax/typescript.js';

const MAX_ELEMENTS = 1 << 22;

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** A numeric expression of literals, constants and `env`'s variables. */
function evaluate(node: ts.Expression, env: ReadonlyMap<string, number>, context: StaticContext): number | undefined {
  const e = unwrap(node);
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isIdentifier(e) && env.has(e.text)) return env.get(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
    const v = evaluate(e.operand, env, context);
    return v === undefined ? undefined : -v;
  }
  if (ts.isBinaryExpression(e)) {
    const [l, r] = [evaluate(e.left, env, context), evaluate(e.right, env, context)];
    if (l === undefined || r === undefined) return undefined;
    return arithmetic(e.operatorToken.kind, l, r);
  }
  const value = context.constant(e);
  return value?.kind === 'number' ? value.value : undefined;
}

/** Runs `for (let i = a; i < b; i++) host.fill(v, start, end)` on `mask`; false when it is not one. */
function runFill(statement: ts.Statement, host: string, mask: Uint8Array, context: StaticContext): boolean {
  if (!ts.isForStatement(statement) || !statement.initializer || !ts.isVariableDeclarationList(statement.initializer)) return false;
  const [declaration] = statement.initializer.declarations;
  if (statement.initializer.declarations.length !== 1 || !ts.isIdentifier(declaration.name) || !declaration.initializer) return false;
  const index = declaration.name.text;
  const from = evaluate(declaration.initializer, new Map(), context);
  const test = statement.condition && unwrap(statement.condition);
  if (!test || !ts.isBinaryExpression(test) || test.operatorToken.kind !== ts.SyntaxKind.LessThanToken || !ts.isIdentifier(test.left) || test.left.text !== index) return false;
  const to = evaluate(test.right, new Map(), context);
  const step = statement.incrementor && unwrap(statement.incrementor);
  if (!step || !ts.isPostfixUnaryExpression(step) || step.operator !== ts.SyntaxKind.PlusPlusToken || !ts.isIdentifier(step.operand) || step.operand.text !== index) return false;
  const body = ts.isBlock(statement.statement) && statement.statement.statements.length === 1 ? statement.statement.statements[0] : statement.statement;
  const call = ts.isExpressionStatement(body) ? unwrap(body.expression) : undefined;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'fill' || variableName(call.expression.expression) !== host || call.arguments.length !== 3) return false;
  if (from === undefined || to === undefined || to - from > MAX_ELEMENTS) return false;
  for (let i = from; i < to; i++) {
    const env = new Map([[index, i]]);
    const [value, start, end] = call.arguments.map((a) => evaluate(a, env, context));
    if (value === undefined || start === undefined || end === undefined || start < 0 || end > mask.length) return false;
    mask.fill(value, start, Math.max(start, end));
  }
  return true;
}

/** Whether `statement` only reads the host array's size (`host.byteLength` for the device allocation). */
function readsSizeOnly(statement: ts.Statement, host: string): boolean {
  let only = true;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === host) {
      const p = n.parent;
      if (!(ts.isPropertyAccessExpression(p) && p.expression === n && ['byteLength', 'length'].includes(p.name.text))) only = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(statement);
  return only;
}

/**
 * The causal alignment of the [rows, cols] bool mask in `buffer` (the device variable its tensor
 * views), read from the statements before `before` in `block`; or why it is not known.
 */
export function causalMaskOf(buffer: string, rows: number, cols: number, block: readonly ts.Statement[], before: ts.Node, context: StaticContext): 'top-left' | 'bottom-right' | string {
  if (rows * cols > MAX_ELEMENTS) return `the attention mask has ${rows * cols} elements, more than this port evaluates`;
  const earlier = block.filter((s) => s.end <= before.getStart());
  // The copy of the host mask into the buffer: `…Memcpy(buffer.value, n, host, n, HOST_TO_DEVICE)`.
  let host: string | undefined;
  let copy: ts.Statement | undefined;
  for (const s of earlier) {
    const call = ts.isExpressionStatement(s) ? unwrap(s.expression) : undefined;
    if (!call || !ts.isCallExpression(call)) continue;
    const resolved = context.resolve(call);
    const binds = resolved?.entry.spec.binds;
    if (!resolved || !binds || !('primitive' in binds) || !binds.primitive.startsWith('copy')) continue;
    const dst = context.argumentFor(resolved, 'dst');
    const src = context.argumentFor(resolved, 'src');
    if (dst && variableName(dst) === buffer && src && ts.isIdentifier(unwrap(src))) {
      host = (unwrap(src) as ts.Identifier).text;
      copy = s;
    }
  }
  if (!host || !copy) return `no copy from a host array into \`${buffer}\` before the attention`;
  const declaration = earlier.find((s) => ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === host));
  const init = declaration && ts.isVariableStatement(declaration) ? declaration.declarationList.declarations[0].initializer : undefined;
  const created = init && unwrap(init);
  if (!created || !ts.isNewExpression(created) || created.expression.getText() !== 'Uint8Array' || created.arguments?.length !== 1) return `the host mask \`${host}\` is not a \`new Uint8Array(n)\``;
  const size = evaluate(created.arguments[0], new Map(), context);
  if (size !== rows * cols) return `the host mask \`${host}\` does not have ${rows} × ${cols} constant elements`;
  const mask = new Uint8Array(size);
  const writes = earlier.filter((s) => s.pos >= declaration!.end && s.end <= copy!.pos && s.getText().includes(host!));
  for (const s of writes) if (!readsSizeOnly(s, host!) && !runFill(s, host, mask, context)) return `\`${s.getText().split('\n')[0].slice(0, 80)}\` writes the host mask in a way this port does not evaluate`;
  const matches = (shift: number) => mask.every((m, k) => m === (k % cols > Math.floor(k / cols) + shift ? 1 : 0));
  if (matches(0)) return 'top-left';
  if (matches(cols - rows)) return 'bottom-right';
  return 'the attention mask is not a causal mask';
}
