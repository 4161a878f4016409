/**
 * Tensor views of XDNN arguments: XDNN takes packed tensors as a pointer plus a shape
 * (`std::vector<int>` written as an array literal, or separate n / c / h / w / len arguments)
 * and matrices as a pointer plus a leading dimension; the element type is the call's C++
 * template argument. Everything here is read from the syntax, statically.
 */
import type { DType } from '../../../runtime/dtype.js';
import { isPure } from '../../context/expression-purity.js';
import type { StaticContext } from '../../context/static-context.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import { ts } from '../../syntax/typescript.js';

export type Lifted<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** XDNN template type names (the spellings the XDNN lowerers write and Paddle uses) → dtypes. */
const TEMPLATE_TYPES: Readonly<Record<string, DType>> = { float: 'float32', float16: 'float16', bfloat16: 'bfloat16', int: 'int32', int32_t: 'int32', int64_t: 'int64' };

export function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** The strings of the template array (`['float', 'float', 'float', 'tfloat32']`), or undefined. */
export function templateTypes(template: Expr | undefined): readonly string[] | undefined {
  const node = template?.node ? unwrap(template.node) : undefined;
  if (!node || !ts.isArrayLiteralExpression(node)) return undefined;
  const out: string[] = [];
  for (const e of node.elements) {
    if (!ts.isStringLiteralLike(e)) return undefined;
    out.push(e.text);
  }
  return out;
}

/** The dtype of an XDNN template type name. */
export function dtypeOf(type: string | undefined): { readonly meaning: string; readonly dtype: DType } | undefined {
  const dtype = type ? TEMPLATE_TYPES[type] : undefined;
  return dtype ? { meaning: `dtype.${dtype}`, dtype } : undefined;
}

/** Whether an argument is `null` (or `nullptr`'s facade spelling). */
export function isNull(e: Expr | undefined): boolean {
  if (!e) return true;
  const node = e.node ? unwrap(e.node) : undefined;
  return e.text === 'null' || e.text === 'undefined' || node?.kind === ts.SyntaxKind.NullKeyword;
}

/** The boolean an argument is (a literal or a constant), or undefined. */
export function booleanOf(e: Expr | undefined): boolean | undefined {
  if (!e) return undefined;
  if (e.value?.kind === 'boolean') return e.value.value;
  if (e.text === 'true') return true;
  if (e.text === 'false') return false;
  return undefined;
}

/** An expression of the source as IR. */
export function exprOf(node: ts.Expression, context: StaticContext): Expr {
  const value = context.constant(node);
  return { text: node.getText(context.sourceFile), node, pure: isPure(node), ...(value ? { value } : {}) };
}

/** The elements of an array-literal argument (`[BATCH, CLASSES, 1, 1]`). */
export function listOf(e: Expr | undefined, context: StaticContext): Lifted<Expr[]> {
  const node = e?.node ? unwrap(e.node) : undefined;
  if (!node || !ts.isArrayLiteralExpression(node) || node.elements.some(ts.isSpreadElement)) return { ok: false, reason: `the shape \`${e?.text ?? '?'}\` is not an array literal the port can read` };
  const items = node.elements.map((x) => asMovable(exprOf(x, context)));
  const impure = items.find((x) => !x.pure);
  if (impure) return { ok: false, reason: `\`${impure.text}\` has side effects and cannot move into the call` };
  return { ok: true, value: items };
}

/** a · b as code, folding known 1s and numbers. */
export function times(a: Expr, b: Expr): Expr {
  const [x, y] = [numberOf(a), numberOf(b)];
  if (x !== undefined && y !== undefined) return generated(String(x * y), { kind: 'number', value: x * y });
  if (x === 1) return b;
  if (y === 1) return a;
  return generated(`${operand(a.text)} * ${operand(b.text)}`);
}

export const ONE = generated('1', { kind: 'number', value: 1 });
export const ZERO = generated('0', { kind: 'number', value: 0 });

/** Row-major packed strides of `dims`. */
export function packedStrides(dims: readonly Expr[]): Expr[] {
  const strides: Expr[] = [];
  let stride = ONE;
  for (let i = dims.length - 1; i >= 0; i--) {
    strides.unshift(stride);
    stride = times(dims[i], stride);
  }
  return strides;
}

/** A packed tensor at `ptr` with `dims`. */
export function packed(ptr: Expr, dims: readonly Expr[], dtype: { meaning: string; dtype: DType }, layout = 'row-major'): TensorExpr {
  return { ptr, dims, strides: packedStrides(dims), dtype, layout };
}

/**
 * Whether an expression may move or be written twice: pure (context/expression-purity.ts), or
 * built with `p.plus(bytes)` (the facade's device-pointer offset, which only computes) and
 * `Math.sqrt(...)`-style functions of pure values (XDNN calls take such scalars: the GELU
 * chain's `2 * Math.sqrt(2 / Math.PI)`).
 */
export function movable(node: ts.Expression): boolean {
  if (isPure(node)) return true;
  const e = unwrap(node);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.arguments.every((a) => !ts.isSpreadElement(a) && movable(a))) {
    const target = e.expression.expression;
    if (e.expression.name.text === 'plus') return movable(target);
    if (ts.isIdentifier(target) && target.text === 'Math') return true;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
    return movable(e.left) && movable(e.right);
  }
  if (ts.isPrefixUnaryExpression(e)) return e.operator !== ts.SyntaxKind.PlusPlusToken && e.operator !== ts.SyntaxKind.MinusMinusToken && movable(e.operand);
  if (ts.isParenthesizedExpression(node)) return movable(node.expression);
  return false;
}

/** A source argument with `pure` widened to `movable`. */
export function asMovable(e: Expr): Expr {
  return !e.pure && e.node && movable(e.node) ? { ...e, pure: true } : e;
}

/** Fails when a pointer or size argument has side effects (it is written into several statements). */
export function pureArguments(...args: readonly (Expr | undefined)[]): string | undefined {
  const impure = args.find((a) => a !== undefined && !a.pure);
  return impure ? `\`${impure.text}\` has side effects and cannot be written where the CUDA calls need it` : undefined;
}
