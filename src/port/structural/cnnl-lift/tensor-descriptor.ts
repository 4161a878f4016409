/**
 * The tensor view a CNNL tensor descriptor describes at a run: the last of its setters before the
 * run (`cnnlSetTensorDescriptor(desc, layout, dtype, n, dims)` packed row-major, or the `Ex`
 * forms with explicit element strides; `_v2` forms alike), with the layout, the data type, the
 * dims and strides read from array literals or constants (a `const dims = [...]` too), and the
 * data pointer the run passes with it. CNNL descriptors have no element offset: a sub-buffer is
 * the pointer itself (`p.plus(bytes)`).
 */
import { isPure } from '../../context/expression-purity.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import { dtypeOfMeaning } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';
import { declarationOf } from '../../syntax/named-variables.js';
import { contiguousStrides } from '../dnn/cudnn-descriptors.js';
import type { CnnlObject } from './cnnl-group.js';
import { bareExpression } from '../../syntax/bare-expression.js';

export type Lifted<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export type ViewExpr = TensorExpr & { readonly dims: readonly Expr[]; readonly strides: readonly Expr[] };

const TENSOR_SETTERS = new Set(['cnnlSetTensorDescriptor', 'cnnlSetTensorDescriptor_v2', 'cnnlSetTensorDescriptorEx', 'cnnlSetTensorDescriptorEx_v2']);
const LAYOUTS: Readonly<Record<string, string>> = { 'layout.nd': 'row-major', 'layout.nchw': 'NCHW', 'layout.nhwc': 'NHWC' };

export function exprOf(node: ts.Expression, context: StaticContext): Expr {
  const value = context.constant(node);
  return { text: node.getText(context.sourceFile), node, pure: isPure(node), ...(value ? { value } : {}) };
}

/** The elements of an array literal, `new Int32Array([...])`, or a constant declared as one. */
export function elementsOf(node: ts.Expression, from: ts.Node): readonly ts.Expression[] | undefined {
  let e = bareExpression(node);
  if (ts.isIdentifier(e)) {
    const declared = declarationOf(e.text, from);
    const list = declared?.statement.declarationList;
    if (!declared?.init || !list || !(list.flags & ts.NodeFlags.Const)) return undefined;
    e = bareExpression(declared.init);
  }
  if (ts.isNewExpression(e) && e.arguments?.length === 1) e = bareExpression(e.arguments[0]);
  return ts.isArrayLiteralExpression(e) && e.elements.every((x) => !ts.isSpreadElement(x)) ? e.elements : undefined;
}

/** The argument of the parameter with `role` (first one). */
function byRole(call: ResolvedCall, role: string): ts.Expression | undefined {
  const i = call.entry.spec.params.findIndex((p) => p.role === role);
  return i < 0 ? undefined : call.args[i];
}

/** The set-calls of `object` in effect at `run` whose symbols are in `symbols` (in source order). */
export function setsBefore(object: CnnlObject, run: ts.Node, symbols?: ReadonlySet<string>): ResolvedCall[] {
  const at = run.getStart();
  return object.sets.filter((c) => c.node.end <= at && (!symbols || symbols.has(c.entry.spec.symbol)));
}

export function tensorView(object: CnnlObject | undefined, data: ts.Expression | undefined, run: ts.Node, context: StaticContext): Lifted<ViewExpr> {
  if (!object || !data) return { ok: false, reason: 'an operand has no tensor descriptor made by cnnlCreateTensorDescriptor' };
  const name = object.name;
  const set = setsBefore(object, run, TENSOR_SETTERS).at(-1);
  if (!set) return { ok: false, reason: `no cnnlSetTensorDescriptor sets \`${name}\` before the run` };
  const [layoutArg, dtypeArg, countArg, dimsArg, stridesArg] = ['layout', 'dtype', 'ndims', 'dims', 'strides'].map((r) => byRole(set, r));
  const dims = dimsArg ? elementsOf(dimsArg, set.node) : undefined;
  if (!dims) return { ok: false, reason: `the dims of \`${name}\` are not an array literal` };
  const count = countArg ? context.constant(countArg) : undefined;
  if (count?.kind !== 'number' || count.value !== dims.length) return { ok: false, reason: `\`${name}\` is set with ${countArg?.getText() ?? '?'} dims and [${dims.map((d) => d.getText()).join(', ')}]` };
  const strides = stridesArg ? elementsOf(stridesArg, set.node) : undefined;
  if (stridesArg && strides?.length !== dims.length) return { ok: false, reason: `the strides of \`${name}\` are not an array literal of ${dims.length} elements` };
  // The dims and strides move from the set-call to the run; the data pointer is the run's own argument.
  const impure = [...dims, ...(strides ?? [])].find((p) => !isPure(p));
  if (impure) return { ok: false, reason: `\`${impure.getText()}\` (tensor \`${name}\`) has side effects and cannot move to the call` };
  const dtype = dtypeArg ? context.constant(dtypeArg) : undefined;
  const meaning = dtype?.kind === 'enum' ? dtype.meaning : undefined;
  if (!meaning?.startsWith('dtype.')) return { ok: false, reason: `the data type \`${dtypeArg?.getText() ?? '?'}\` of \`${name}\` is not a constant` };
  const layoutValue = layoutArg ? context.constant(layoutArg) : undefined;
  const layout = layoutValue?.kind === 'enum' && layoutValue.meaning ? LAYOUTS[layoutValue.meaning] : undefined;
  if (!layout) return { ok: false, reason: `the layout \`${layoutArg?.getText() ?? '?'}\` of \`${name}\` is not CNNL_LAYOUT_ARRAY, NCHW or NHWC` };
  const dimExprs = dims.map((d) => exprOf(d, context));
  const dt = dtypeOfMeaning(meaning);
  return {
    ok: true,
    value: {
      ptr: exprOf(data, context),
      dtype: { meaning, ...(dt ? { dtype: dt } : {}) },
      dims: dimExprs,
      strides: strides ? strides.map((s) => exprOf(s, context)) : contiguousStrides(dimExprs),
      layout,
    },
  };
}
