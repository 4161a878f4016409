/**
 * What cuDNN's legacy descriptors say, read from the set-calls that configured them earlier in
 * the code (static context): a tensor descriptor becomes a tensor view (dims in N, C, H, W order,
 * element strides from the format, dtype and layout), an activation descriptor its mode and
 * coefficient. Everything must be stated where the porter can see it: constant formats, data
 * types and modes, and dimension expressions without side effects (they are re-evaluated where
 * the tensor is used). Otherwise the reason is returned, for diagnostic OB1019.
 */
import { isRepeatable } from '../../context/expression-purity.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import { dtypeOfMeaning } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';

export type Described<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const TENSOR_SETTERS = ['cudnnSetTensor4dDescriptor', 'cudnnSetTensorNdDescriptor'];

/** An expression from another statement, re-evaluated at the use: its text and constant value (`Math` functions repeat). */
export function carried(node: ts.Expression, context: StaticContext): Expr {
  const value = context.constant(node);
  return { text: node.getText(context.sourceFile), node, pure: isRepeatable(node), ...(value ? { value } : {}) };
}

function numberOf(e: Expr): number | undefined {
  return e.value?.kind === 'number' ? e.value.value : undefined;
}

/** The product of some dimensions, as written (`C * H * W`, `1`), with its value when constant. */
export function product(factors: readonly Expr[]): Expr {
  const known = factors.map(numberOf);
  const value = known.every((k) => k !== undefined) ? known.reduce((a, b) => a! * b!, 1)! : undefined;
  const kept = factors.filter((f) => numberOf(f) !== 1);
  const text = kept.length === 0 ? '1' : kept.length === 1 ? kept[0].text : kept.map((f) => operand(f.text)).join(' * ');
  return generated(text, value !== undefined ? { kind: 'number', value } : undefined);
}

/** Contiguous (row-major) strides of dims. */
export function contiguousStrides(dims: readonly Expr[]): Expr[] {
  return dims.map((_, i) => product(dims.slice(i + 1)));
}

function meaningOf(node: ts.Expression | undefined, context: StaticContext): string | undefined {
  if (!node) return undefined;
  const value = context.constant(node);
  return value?.kind === 'enum' ? value.meaning : undefined;
}

function arg(call: ResolvedCall, name: string): ts.Expression | undefined {
  const index = call.entry.spec.params.findIndex((p) => p.name === name);
  return index < 0 ? undefined : call.args[index];
}

function nameOf(e: Expr): string {
  return e.text;
}

/** The set-call in effect for a descriptor argument, or why there is none. */
export function setCallFor(descriptor: Expr, before: ts.Node, symbols: readonly string[], context: StaticContext): Described<ResolvedCall> {
  if (!descriptor.node) return { ok: false, reason: `descriptor \`${nameOf(descriptor)}\` is not a variable` };
  const set = context.lastSetCall(descriptor.node, before, { symbols, role: 'descriptor' });
  if (!set) return { ok: false, reason: `no ${symbols.join(' / ')} call for \`${nameOf(descriptor)}\` precedes it in the enclosing functions` };
  return { ok: true, value: set };
}

/** The tensor a descriptor and a device pointer describe. */
export function tensorView(descriptor: Expr, ptr: Expr, before: ts.Node, context: StaticContext): Described<TensorExpr> {
  const found = setCallFor(descriptor, before, TENSOR_SETTERS, context);
  if (!found.ok) return found;
  const set = found.value;
  const where = `\`${set.entry.spec.symbol}\` of \`${nameOf(descriptor)}\``;
  const dtypeMeaning = meaningOf(arg(set, 'dataType'), context);
  const dtype = dtypeOfMeaning(dtypeMeaning);
  if (!dtypeMeaning || !dtype) return { ok: false, reason: `the data type in ${where} is not a constant data type` };
  let dims: Expr[];
  let strides: Expr[];
  let layout: string;
  if (set.entry.spec.symbol === 'cudnnSetTensor4dDescriptor') {
    const format = meaningOf(arg(set, 'format'), context);
    dims = ['n', 'c', 'h', 'w'].map((n) => carried(arg(set, n)!, context));
    const [, c, h, w] = dims;
    if (format === 'layout.nchw') {
      strides = contiguousStrides(dims);
      layout = 'NCHW';
    } else if (format === 'layout.nhwc') {
      strides = [product([h, w, c]), generated('1', { kind: 'number', value: 1 }), product([w, c]), c];
      layout = 'NHWC';
    } else return { ok: false, reason: `the format in ${where} is not CUDNN_TENSOR_NCHW or CUDNN_TENSOR_NHWC` };
  } else {
    const dimA = arg(set, 'dimA');
    const strideA = arg(set, 'strideA');
    if (!dimA || !strideA || !ts.isArrayLiteralExpression(dimA) || !ts.isArrayLiteralExpression(strideA)) {
      return { ok: false, reason: `the dimensions and strides in ${where} are not array literals` };
    }
    dims = dimA.elements.map((e) => carried(e, context));
    strides = strideA.elements.map((e) => carried(e, context));
    if (dims.length !== strides.length) return { ok: false, reason: `${where} gives ${dims.length} dimensions and ${strides.length} strides` };
    // An Nd descriptor names no format; packed strides over N, C, H, W say which one it is.
    layout = (['NCHW', 'NHWC'] as const).find((format) => packedAs(format, dims, strides)) ?? 'strided';
  }
  const impure = [...dims, ...strides].find((d) => !d.pure);
  if (impure) return { ok: false, reason: `\`${impure.text}\` in ${where} has side effects, so it cannot be evaluated again where the tensor is used` };
  return { ok: true, value: { ptr, dtype: { meaning: dtypeMeaning, dtype }, dims, strides, layout, descriptor } };
}

/** Whether `strides` are the packed strides of `format` over dims N, C, H, W (a dim of 1 takes any stride). */
export function packedAs(format: 'NCHW' | 'NHWC', dims: readonly Expr[], strides: readonly Expr[]): boolean {
  if (dims.length !== 4 || strides.length !== 4) return false;
  const [, c, h, w] = dims;
  const factors = format === 'NCHW' ? [[c, h, w], [h, w], [w], []] : [[h, w, c], [], [w, c], [c]];
  return factors.every((f, i) => isProduct(strides[i], f) || numberOf(dims[i]) === 1);
}

/** Whether `stride` is the product of `dims`: by value when all are known, else factor by factor as written (`C * (H * W)` is `C * H * W`). */
function isProduct(stride: Expr, dims: readonly Expr[]): boolean {
  const value = numberOf(stride);
  const expected = product(dims);
  if (value !== undefined && numberOf(expected) !== undefined) return value === numberOf(expected);
  if (stride.text === expected.text) return true;
  const written = factorTexts(stride);
  const wanted = dims.flatMap(factorTexts);
  return written !== undefined && wanted.every((f) => f !== undefined) && sameMultiset(written, wanted as string[]);
}

/** The factors of a product as written, parentheses dropped, factors of 1 left out; undefined without a syntax node. */
function factorTexts(e: Expr): string[] | undefined {
  if (!e.node) return numberOf(e) === 1 ? [] : [e.text];
  const out: string[] = [];
  const visit = (node: ts.Expression): void => {
    while (ts.isParenthesizedExpression(node)) node = node.expression;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
      visit(node.left);
      visit(node.right);
    } else if (!(ts.isNumericLiteral(node) && Number(node.text) === 1)) out.push(node.getText());
  };
  visit(e.node as ts.Expression);
  return out;
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}

/** Whether a view is packed row-major over its dims (strides equal the contiguous strides). */
export function isContiguous(view: TensorExpr): boolean {
  const dims = view.dims ?? [];
  return (view.strides ?? []).every((s, i) => isProduct(s, dims.slice(i + 1)) || numberOf(dims[i]) === 1);
}

/** The activation mode, its coefficient and NaN option, from cudnnSetActivationDescriptor. */
export function activationOf(descriptor: Expr, before: ts.Node, context: StaticContext): Described<{ mode: string; coef: Expr }> {
  const found = setCallFor(descriptor, before, ['cudnnSetActivationDescriptor'], context);
  if (!found.ok) return found;
  const mode = meaningOf(arg(found.value, 'mode'), context);
  if (!mode) return { ok: false, reason: `the mode in \`cudnnSetActivationDescriptor\` of \`${nameOf(descriptor)}\` is not a constant` };
  return { ok: true, value: { mode, coef: carried(arg(found.value, 'coef')!, context) } };
}

/** The stream a cuDNN handle runs on: its last cudnnSetStream, or undefined (the default stream). */
export function handleStream(handle: Expr, before: ts.Node, context: StaticContext): Described<Expr | undefined> {
  if (!handle.node) return { ok: true, value: undefined };
  const set = context.lastSetCall(handle.node, before, { symbols: ['cudnnSetStream'], role: 'handle' });
  if (!set) return { ok: true, value: undefined };
  const stream = carried(context.argumentFor(set, 'stream')!, context);
  if (!stream.pure) return { ok: false, reason: `the stream \`${stream.text}\` set on \`${handle.text}\` has side effects` };
  return { ok: true, value: stream };
}
