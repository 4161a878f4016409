/**
 * XDNN call chains over scratch buffers that spell one BLAS-1 operation (what the XDNN lowerers
 * write for cuBLAS axpy and dot, and how Paddle code composes them by hand), read from the
 * statements:
 *
 * - axpy, y := alpha·x + y:
 *     const s = ref<DevicePtr>(); xpu_malloc(s, bytes, XPU_MEM_MAIN);
 *     xpu.scale([T], ctx, x, s.value, n, true, alpha, 0);
 *     xpu.add([T], ctx, s.value, y, y, n);          ← the anchor (either operand order)
 *     [xpu_wait(ctx.xpu_stream);] xpu_free(s.value);
 * - dot, host[0] = Σ x·y:
 *     const p = ref<DevicePtr>(); xpu_malloc(p, …); const r = ref<DevicePtr>(); xpu_malloc(r, …);
 *     xpu.mul([T], ctx, x, y, p.value, n);
 *     xpu.reduce_sum([T], ctx, p.value, r.value, [n], [0]);   ← the anchor
 *     [xpu_wait(ctx.xpu_stream);] xpu_memcpy(host, r.value, bytes, XPU_DEVICE_TO_HOST);
 *     xpu_free(p.value); xpu_free(r.value);
 *
 * - tanh GELU in place, y := y·sigmoid(2√(2/π)·(y + 0.044715·y³)) (xdnn-plan.ts's tanhGelu):
 *     const g = ref<DevicePtr>(); xpu_malloc(g, …);
 *     xpu.mul(y, y → g); xpu.scale(g → g, 2√(2/π)·0.044715, bias 2√(2/π)); xpu.mul(g, y → g);
 *     xpu.sigmoid(g → g); xpu.mul(y, g → y)   ← the anchor
 *     [xpu_wait(ctx.xpu_stream);] xpu_free(g.value);
 *   the two constants are checked by value (within 1e-6 relative), however they are written.
 * - erf GELU, y := x·(0.5 + 0.5·erf(x/√2)) (xdnn-frontend.ts), y in place or not (erfGeluChain).
 *
 * - flash attention: mha_varlen_fwd's softmax_lse written to a scratch buffer nothing else reads
 *   (allocated before, freed after the wait): the buffer goes with the call.
 *
 * Every statement must be in the anchor's block and each scratch buffer used by nothing else.
 * The group reader removes the other statements when the anchor ports (lift/statement-groups.ts);
 * the lifter lifts the anchor as the whole chain (`Add` with `alpha`, `MatMul` into a host result).
 */
import { arithmetic } from '../../context/constant-value.js';
import type { StaticContext } from '../../context/static-context.js';
import type { StatementGroupInput, StatementGroupReader } from '../../lift/statement-groups.js';
import { ts } from '../../syntax/typescript.js';
import { statementIn, statementOf } from '../aclnn-lift/aclnn-group.js';
import { declarationOf, usesOf } from '../../syntax/named-variables.js';
import { XDNN_LIFT_TARGETS } from './xdnn-lift-targets.js';

export type Chain =
  | { readonly kind: 'attention'; readonly statements: readonly ts.Statement[] }
  | { readonly kind: 'gelu'; readonly approximate: 'tanh' | 'none'; readonly x: ts.Expression; readonly y: ts.Expression; readonly statements: readonly ts.Statement[] }
  | { readonly kind: 'axpy'; readonly alpha: ts.Expression; readonly x: ts.Expression; readonly statements: readonly ts.Statement[] }
  | { readonly kind: 'dot'; readonly x: ts.Expression; readonly y: ts.Expression; readonly host: ts.Expression; readonly statements: readonly ts.Statement[] };

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** `s.value` → `s`. */
function scratchName(e: ts.Expression | undefined): string | undefined {
  const u = e ? unwrap(e) : undefined;
  return u && ts.isPropertyAccessExpression(u) && u.name.text === 'value' && ts.isIdentifier(u.expression) ? u.expression.text : undefined;
}

function symbolOf(call: ts.CallExpression, context: StaticContext): string | undefined {
  const r = context.resolve(call);
  return r?.backend === 'kunlun' ? r.entry.spec.symbol : undefined;
}

/** `if (…) throw …;` (no else): how the CUDA → Kunlun lowerings check a status in place. */
function isThrowingCheck(statement: ts.Statement): statement is ts.IfStatement {
  if (!ts.isIfStatement(statement) || statement.elseStatement) return false;
  const then = statement.thenStatement;
  return ts.isThrowStatement(then) || (ts.isBlock(then) && then.statements.length === 1 && ts.isThrowStatement(then.statements[0]));
}

/** The kunlun call a statement makes (directly, as the checked argument of a helper, or in the condition of a throwing check). */
function callIn(statement: ts.Statement, symbol: string, context: StaticContext): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && symbolOf(n, context) === symbol) found = n;
    else ts.forEachChild(n, visit);
  };
  if (ts.isExpressionStatement(statement)) visit(statement.expression);
  else if (isThrowingCheck(statement)) visit(statement.expression);
  return found;
}

const text = (e: ts.Expression | undefined) => (e ? unwrap(e).getText() : '');

/**
 * The statements of a scratch buffer `name` in `block` other than the anchor's: its declaration
 * (`ref<DevicePtr>()`), one xpu_malloc, one xpu_free, and the statements `roles` accepts (each
 * must be accepted once); undefined when any other use exists.
 */
function scratchStatements(name: string, anchor: ts.Statement, roles: (statement: ts.Statement) => boolean): ts.Statement[] | undefined {
  const block = anchor.parent;
  const declared = declarationOf(name, anchor);
  const init = declared?.init ? unwrap(declared.init) : undefined;
  if (!declared || declared.statement.parent !== block || !init || !ts.isCallExpression(init) || init.arguments.length !== 0) return undefined;
  const found = new Set<ts.Statement>([declared.statement]);
  let malloc = 0;
  let free = 0;
  for (const use of usesOf(name, block)) {
    const statement = statementIn(use, block);
    if (!statement) return undefined;
    if (statement === declared.statement || statement === anchor) continue;
    if (found.has(statement)) continue;
    const s = ts.isExpressionStatement(statement) ? unwrap(statement.expression) : undefined;
    const call = s && ts.isCallExpression(s) && ts.isIdentifier(s.expression) ? s : undefined;
    const callee = call ? (call.expression as ts.Identifier).text : undefined;
    if (call && callee === 'xpu_malloc' && call.arguments[0] && text(call.arguments[0]) === name) malloc++;
    else if (call && callee === 'xpu_free' && scratchName(call.arguments[0]) === name) free++;
    else if (!roles(statement)) return undefined;
    found.add(statement);
  }
  return malloc === 1 && free === 1 ? [...found] : undefined;
}

/** `xpu_wait(ctx.xpu_stream);` right before `statement`, waiting for the context's stream. */
function waitBefore(statement: ts.Statement, contextArg: ts.Expression): ts.Statement | undefined {
  const block = statement.parent as ts.Block;
  const i = block.statements.indexOf(statement);
  const before = i > 0 ? block.statements[i - 1] : undefined;
  if (!before || !ts.isExpressionStatement(before)) return undefined;
  const call = unwrap(before.expression);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'xpu_wait' || call.arguments.length !== 1) return undefined;
  const arg = unwrap(call.arguments[0]);
  return ts.isPropertyAccessExpression(arg) && arg.name.text === 'xpu_stream' && text(arg.expression) === text(contextArg) ? before : undefined;
}

/** The calls that end a chain. */
export const CHAIN_ANCHORS: readonly string[] = ['xpu::add', 'xpu::reduce_sum', 'xpu::mul', 'baidu::xpu::xfa::mha_varlen_fwd'];

const chains = new WeakMap<ts.CallExpression, Chain | null>();

/** The chain `anchor` (an xpu::add or xpu::reduce_sum call) ends, if it ends one. */
export function chainOf(anchor: ts.CallExpression, context: StaticContext): Chain | undefined {
  let chain = chains.get(anchor);
  if (chain === undefined) {
    chain = readChain(anchor, context) ?? null;
    chains.set(anchor, chain);
  }
  return chain ?? undefined;
}

function readChain(anchor: ts.CallExpression, context: StaticContext): Chain | undefined {
  const symbol = symbolOf(anchor, context);
  const statement = statementOf(anchor);
  if (!statement || !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) return undefined;
  const [, ctx] = anchor.arguments;
  if (symbol === 'xpu::add') {
    const [, , a, b, z, n] = anchor.arguments;
    if (!n) return undefined;
    const [scratch, y] = scratchName(a) && text(z) === text(b) ? [scratchName(a)!, b] : scratchName(b) && text(z) === text(a) ? [scratchName(b)!, a] : [undefined, undefined];
    if (!scratch || !y) return undefined;
    let scale: ts.CallExpression | undefined;
    let wait: ts.Statement | undefined;
    const statements = scratchStatements(scratch, statement, (s) => {
      const call = callIn(s, 'xpu::scale', context);
      if (call && !scale && s.end <= statement.getStart() && scratchName(call.arguments[3]) === scratch) {
        scale = call;
        return true;
      }
      return false;
    });
    if (!statements || !scale) return undefined;
    const [, sctx, x, , sn, after, alpha, bias] = scale.arguments;
    if (!alpha || text(sctx) !== text(ctx) || text(sn) !== text(n) || text(bias) !== '0' || (after && text(after) !== 'true')) return undefined;
    const free = statements.find((s) => /xpu_free\(/.test(s.getText()) && s.end > statement.end);
    if (free) wait = waitBefore(free, ctx);
    return { kind: 'axpy', alpha, x, statements: [...statements, ...(wait ? [wait] : [])] };
  }
  if (symbol === 'xpu::mul') return geluChain(anchor, statement, context);
  if (symbol === 'baidu::xpu::xfa::mha_varlen_fwd') {
    // The softmax_lse scratch nothing else reads (ONNX Attention has no such output).
    const lse = scratchName(anchor.arguments[6]);
    const statements = lse ? scratchStatements(lse, statement, () => false) : undefined;
    if (!statements) return undefined;
    const free = statements.find((st) => /xpu_free\(/.test(st.getText()) && st.end > statement.end);
    const wait = free ? waitBefore(free, ctx) : undefined;
    return { kind: 'attention', statements: [...statements, ...(wait ? [wait] : [])] };
  }
  if (symbol === 'xpu::reduce_sum') {
    const [, , p, r, shape, axes] = anchor.arguments;
    const [products, result] = [scratchName(p), scratchName(r)];
    if (!products || !result || !shape || !axes) return undefined;
    const shapeNode = unwrap(shape);
    const axesNode = unwrap(axes);
    if (!ts.isArrayLiteralExpression(shapeNode) || shapeNode.elements.length !== 1 || !ts.isArrayLiteralExpression(axesNode) || axesNode.elements.length !== 1 || text(axesNode.elements[0]) !== '0') return undefined;
    const n = shapeNode.elements[0];
    let mul: ts.CallExpression | undefined;
    let copy: ts.CallExpression | undefined;
    let copyStatement: ts.Statement | undefined;
    const first = scratchStatements(products, statement, (s) => {
      const call = callIn(s, 'xpu::mul', context);
      if (call && !mul && s.end <= statement.getStart() && scratchName(call.arguments[4]) === products) {
        mul = call;
        return true;
      }
      return false;
    });
    const second = scratchStatements(result, statement, (s) => {
      const call = callIn(s, 'xpu_memcpy', context);
      if (call && !copy && s.getStart() >= statement.end && scratchName(call.arguments[1]) === result && ts.isExpressionStatement(s) && unwrap(s.expression) === call) {
        copy = call;
        copyStatement = s;
        return true;
      }
      return false;
    });
    if (!first || !second || !mul || !copy || !copyStatement) return undefined;
    const [, mctx, x, y, , mn] = mul.arguments;
    const [host, , bytes, direction] = copy.arguments;
    if (text(mctx) !== text(ctx) || text(mn) !== text(n) || !direction || !/DEVICE_TO_HOST$/.test(text(direction)) || text(bytes) !== '4') return undefined;
    const wait = waitBefore(copyStatement, ctx);
    return { kind: 'dot', x, y, host, statements: [...first, ...second, ...(wait ? [wait] : [])] };
  }
  return undefined;
}

/** The value of a constant numeric expression built from numbers, + − × ÷, Math.sqrt, Math.PI and Math.SQRT1_2. */
function numeric(e: ts.Expression, context: StaticContext): number | undefined {
  const u = unwrap(e);
  const known = context.constant(u);
  if (known?.kind === 'number') return known.value;
  if (ts.isNumericLiteral(u)) return Number(u.text);
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken) {
    const v = numeric(u.operand, context);
    return v === undefined ? undefined : -v;
  }
  if (ts.isPropertyAccessExpression(u) && u.getText() === 'Math.PI') return Math.PI;
  if (ts.isPropertyAccessExpression(u) && u.getText() === 'Math.SQRT1_2') return Math.SQRT1_2;
  if (ts.isCallExpression(u) && u.expression.getText() === 'Math.sqrt' && u.arguments.length === 1) {
    const v = numeric(u.arguments[0], context);
    return v === undefined ? undefined : Math.sqrt(v);
  }
  if (ts.isBinaryExpression(u)) {
    const [l, r] = [numeric(u.left, context), numeric(u.right, context)];
    if (l === undefined || r === undefined) return undefined;
    return arithmetic(u.operatorToken.kind, l, r);
  }
  return undefined;
}

const close = (value: number | undefined, expected: number) => value !== undefined && Math.abs(value - expected) <= 1e-6 * Math.abs(expected);

function geluChain(anchor: ts.CallExpression, statement: ts.Statement, context: StaticContext): Chain | undefined {
  const [, ctx, a, b, z, n] = anchor.arguments;
  if (!n) return undefined;
  return tanhGeluChain(anchor, statement, context) ?? erfGeluChain(anchor, statement, context);
}

/** The statements of scratch `scratch` before the anchor, each one of `symbols` (in order, in `steps`). */
function chainSteps(scratch: string, statement: ts.Statement, symbols: readonly string[], context: StaticContext) {
  const steps: { call: ts.CallExpression; symbol: string }[] = [];
  const statements = scratchStatements(scratch, statement, (s) => {
    if (s.end > statement.getStart()) return false;
    for (const symbol of symbols) {
      const call = callIn(s, symbol, context);
      if (call) {
        steps.push({ call, symbol });
        return true;
      }
    }
    return false;
  });
  return statements ? { statements, steps } : undefined;
}

/**
 * erf GELU, y := x·(0.5 + 0.5·erf(x/√2)) (xdnn-frontend.ts's GELU_FWD):
 *   xpu.scale(x → g, 1/√2, bias 0); xpu.erf(g → g); xpu.scale(g → g, 0.5, bias 0.5); xpu.mul(x, g → y)
 * (y may be x); the constants are checked by value.
 */
function erfGeluChain(anchor: ts.CallExpression, statement: ts.Statement, context: StaticContext): Chain | undefined {
  const [, , a, b, z, n] = anchor.arguments;
  if (!n || !z) return undefined;
  // Either operand may be the scratch (the other, x, may be a scratch of its own: a widened input).
  for (const [g, x] of [[b, a], [a, b]] as const) {
    const scratch = scratchName(g);
    const chain = scratch && scratch !== scratchName(x) && scratch !== scratchName(z) ? erfGeluSteps(anchor, statement, scratch, x, context) : undefined;
    if (chain) return chain;
  }
  return undefined;
}

function erfGeluSteps(anchor: ts.CallExpression, statement: ts.Statement, scratch: string, x: ts.Expression, context: StaticContext): Chain | undefined {
  const [, ctx, , , z, n] = anchor.arguments;
  const found = chainSteps(scratch, statement, ['xpu::scale', 'xpu::erf'], context);
  if (!found || found.steps.map((st) => st.symbol).join(',') !== 'xpu::scale,xpu::erf,xpu::scale') return undefined;
  const g = (e: ts.Expression | undefined) => scratchName(e) === scratch;
  const same = (e: ts.Expression | undefined, f: ts.Expression) => text(e) === text(f);
  const sameCall = (call: ts.CallExpression, count: ts.Expression | undefined) => same(call.arguments[1], ctx) && same(count, n);
  const [divide, erf, affine] = found.steps.map((st) => st.call);
  const [, , dx, dy, dn, dAfter, dFactor, dBias] = divide.arguments;
  if (!sameCall(divide, dn) || !same(dx, x) || !g(dy) || (dAfter && text(dAfter) !== 'true') || !dFactor || !close(numeric(dFactor, context), Math.SQRT1_2) || (dBias && numeric(dBias, context) !== 0)) return undefined;
  const [, , ex, ey, en] = erf.arguments;
  if (!sameCall(erf, en) || !g(ex) || !g(ey)) return undefined;
  const [, , ax, ay, an, aAfter, aFactor, aBias] = affine.arguments;
  if (!sameCall(affine, an) || !g(ax) || !g(ay) || (aAfter && text(aAfter) !== 'true') || !aFactor || !aBias || !close(numeric(aFactor, context), 0.5) || !close(numeric(aBias, context), 0.5)) return undefined;
  // x must not be overwritten before the multiply reads it: only the scratch is written before.
  const free = found.statements.find((st) => /xpu_free\(/.test(st.getText()) && st.end > statement.end);
  const wait = free ? waitBefore(free, ctx) : undefined;
  return { kind: 'gelu', approximate: 'none', x, y: z, statements: [...found.statements, ...(wait ? [wait] : [])] };
}

function tanhGeluChain(anchor: ts.CallExpression, statement: ts.Statement, context: StaticContext): Chain | undefined {
  const [, ctx, a, b, z, n] = anchor.arguments;
  const [scratch, y] = scratchName(b) && text(z) === text(a) ? [scratchName(b)!, a] : scratchName(a) && text(z) === text(b) ? [scratchName(a)!, b] : [undefined, undefined];
  if (!scratch || !y) return undefined;
  const steps: { call: ts.CallExpression; symbol: string }[] = [];
  const statements = scratchStatements(scratch, statement, (s) => {
    if (s.end > statement.getStart()) return false;
    for (const symbol of ['xpu::mul', 'xpu::scale', 'xpu::sigmoid']) {
      const call = callIn(s, symbol, context);
      if (call) {
        steps.push({ call, symbol });
        return true;
      }
    }
    return false;
  });
  if (!statements || steps.length !== 4) return undefined;
  const g = (e: ts.Expression | undefined) => scratchName(e) === scratch;
  const same = (e: ts.Expression | undefined, f: ts.Expression) => text(e) === text(f);
  const sameCall = (call: ts.CallExpression, count: ts.Expression | undefined) => same(call.arguments[1], ctx) && same(count, n);
  const [square, scale, cube, sigmoid] = steps;
  const order = steps.map((st) => st.symbol).join(',');
  if (order !== 'xpu::mul,xpu::scale,xpu::mul,xpu::sigmoid') return undefined;
  const [, , sx, sy, sz, sn] = square.call.arguments;
  if (!sameCall(square.call, sn) || !same(sx, y) || !same(sy, y) || !g(sz)) return undefined;
  const [, , cx, cy, cn, after, factor, bias] = scale.call.arguments;
  const root = 2 * Math.sqrt(2 / Math.PI);
  if (!sameCall(scale.call, cn) || !g(cx) || !g(cy) || (after && text(after) !== 'true') || !factor || !bias) return undefined;
  if (!close(numeric(factor, context), root * 0.044715) || !close(numeric(bias, context), root)) return undefined;
  const [, , mx, my, mz, mn] = cube.call.arguments;
  if (!sameCall(cube.call, mn) || !g(mz) || !((g(mx) && same(my, y)) || (g(my) && same(mx, y)))) return undefined;
  const [, , gx, gy, gn] = sigmoid.call.arguments;
  if (!sameCall(sigmoid.call, gn) || !g(gx) || !g(gy)) return undefined;
  const free = statements.find((st) => /xpu_free\(/.test(st.getText()) && st.end > statement.end);
  const wait = free ? waitBefore(free, ctx) : undefined;
  return { kind: 'gelu', approximate: 'tanh', x: y, y, statements: [...statements, ...(wait ? [wait] : [])] };
}

export const xdnnChainReader: StatementGroupReader = {
  name: 'XDNN chains over scratch buffers (axpy, dot, tanh and erf GELU)',
  absorbed(input: StatementGroupInput): readonly ts.Statement[] {
    if (!XDNN_LIFT_TARGETS.has(input.target)) return [];
    const out: ts.Statement[] = [];
    for (const call of input.context.allCalls()) {
      if (call.backend !== 'kunlun' || !CHAIN_ANCHORS.includes(call.entry.spec.symbol)) continue;
      const chain = chainOf(call.node, input.context);
      if (!chain || chain.statements.some((s) => input.suppressed(s)) || input.suppressed(call.node)) continue;
      if (input.ports(call.node)) out.push(...chain.statements);
    }
    return out;
  },
};
