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
 * Every statement must be in the anchor's block and each scratch buffer used by nothing else.
 * The group reader removes the other statements when the anchor ports (lift/statement-groups.ts);
 * the lifter lifts the anchor as the whole chain (`Add` with `alpha`, `MatMul` into a host result).
 */
import type { StaticContext } from '../../context/static-context.js';
import type { StatementGroupInput, StatementGroupReader } from '../../lift/statement-groups.js';
import { ts } from '../../syntax/typescript.js';
import { declarationOf, statementIn, statementOf, usesOf } from '../aclnn-lift/aclnn-group.js';
import { VIEW_LOWERING_TARGETS } from '../aclnn-lift/view-targets.js';

export type Chain =
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

/** The kunlun call a statement makes (directly, or as the checked argument of a helper). */
function callIn(statement: ts.Statement, symbol: string, context: StaticContext): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && symbolOf(n, context) === symbol) found = n;
    else ts.forEachChild(n, visit);
  };
  if (ts.isExpressionStatement(statement)) visit(statement.expression);
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
    if (found.has(statement)) return undefined;
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

export const xdnnChainReader: StatementGroupReader = {
  name: 'XDNN chains over scratch buffers (axpy, dot)',
  absorbed(input: StatementGroupInput): readonly ts.Statement[] {
    if (!VIEW_LOWERING_TARGETS.has(input.target)) return [];
    const out: ts.Statement[] = [];
    for (const call of input.context.allCalls()) {
      if (call.backend !== 'kunlun' || !['xpu::add', 'xpu::reduce_sum'].includes(call.entry.spec.symbol)) continue;
      const chain = chainOf(call.node, input.context);
      if (!chain || chain.statements.some((s) => input.suppressed(s)) || input.suppressed(call.node)) continue;
      if (input.ports(call.node)) out.push(...chain.statements);
    }
    return out;
  },
};
