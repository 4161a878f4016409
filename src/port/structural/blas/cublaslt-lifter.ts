/**
 * Lifts `cublasLtMatmul` to a row-major `Gemm` with strided views, reading what the call's
 * descriptors were given earlier in the function (static context):
 *
 * - the matrix layouts (`cublasLtMatrixLayoutCreate(layout, type, rows, cols, ld)`, column-major)
 *   give each operand's view and dtype;
 * - the matmul descriptor (`cublasLtMatmulDescCreate(desc, computeType, scaleType)` and its
 *   `cublasLtMatmulDescSetAttribute` calls) gives the compute type, TRANSA / TRANSB (an
 *   `Int32Array([CUBLAS_OP_T])` literal), the EPILOGUE and the BIAS_POINTER.
 *
 * D = alpha·op(A)·op(B) + beta·C becomes Gemm(A, B, C) → Y; a BIAS epilogue (bias of length
 * rows(D), broadcast over columns) with beta = 0 becomes Gemm's C := the bias as an m×1 view and
 * beta := 1, exactly ONNX Gemm's broadcast C; a RELU epilogue is the extension attribute
 * `activation` (meaning `Relu`), applied to Y. What the descriptors do not show statically (a
 * transpose or epilogue held in a variable, a layout created elsewhere, a GELU whose formula the
 * catalog does not confirm) declines with OB1019.
 */
import type { ResolvedCall } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, DTypeExpr, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { dtypeOfMeaning, roleLifter } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';
import { columnMajorOperand, type MatrixView } from './column-major-views.js';
import { parameterValues } from './parameter-values.js';
import { ROW_MAJOR_BLAS_TARGETS } from './cublas-lifter.js';

interface Epilogue {
  readonly bias: boolean;
  readonly activation?: string;
}

const EPILOGUES: Readonly<Record<string, Epilogue>> = {
  'epilogue.default': { bias: false },
  'epilogue.bias': { bias: true },
  'epilogue.relu': { bias: false, activation: 'Relu' },
  'epilogue.relu-bias': { bias: true, activation: 'Relu' },
  'epilogue.gelu': { bias: false, activation: 'Gelu' },
  'epilogue.gelu-bias': { bias: true, activation: 'Gelu' },
};

/**
 * The GELU formula the catalog gives a cublasLtMatmul epilogue (its binding variant's fixed
 * `approximate`), or undefined when the catalog leaves it open.
 */
function geluApproximation(entry: SourceCall['entry'], member: string): string | undefined {
  const binds = entry.spec.binds;
  if (!('operator' in binds)) return undefined;
  const variant = binds.variants?.find((v) => v.when === member);
  const steps = variant ? [{ operator: variant.operator ?? binds.operator, fixed: variant.fixed }, ...(variant.then ?? [])] : [];
  const approximate = steps.find((s) => s.operator === 'Gelu')?.fixed?.approximate;
  return typeof approximate === 'string' ? approximate : undefined;
}

/** The element a set-attribute buffer holds: `x` of `new Uint32Array([x])`, or the buffer itself. */
function bufferElement(buf: ts.Expression): ts.Expression {
  if (ts.isNewExpression(buf) && buf.arguments?.length === 1 && ts.isArrayLiteralExpression(buf.arguments[0]) && buf.arguments[0].elements.length === 1) return buf.arguments[0].elements[0];
  return buf;
}

function expr(node: ts.Expression, ctx: LiftContext): Expr {
  const value = ctx.context.constant(node);
  return { text: node.getText(), node, pure: isPlain(node), ...(value ? { value } : {}) };
}

function isPlain(node: ts.Expression): boolean {
  if (ts.isIdentifier(node) || ts.isNumericLiteral(node)) return true;
  if (ts.isPropertyAccessExpression(node)) return isPlain(node.expression);
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return isPlain(node.expression);
  if (ts.isBinaryExpression(node)) return isPlain(node.left) && isPlain(node.right);
  return false;
}

/** The enum meaning a set-attribute buffer holds: `new Int32Array([CUBLAS_OP_T])` or a constant. */
function bufferMeaning(buf: ts.Expression | undefined, ctx: LiftContext): string | undefined {
  if (!buf) return undefined;
  const value = bufferElement(buf);
  const direct = ctx.enumReference(value);
  if (direct?.member.meaning) return direct.member.meaning;
  const c = ctx.context.constant(value);
  return c?.kind === 'enum' ? c.meaning : undefined;
}

interface Layout {
  readonly rows: Expr;
  readonly cols: Expr;
  readonly ld: Expr;
  readonly dtype?: DTypeExpr;
}

export const cublasLtLifter: Lifter = {
  name: 'cuBLASLt matmul with descriptors → row-major views',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    if (call.entry.spec.symbol !== 'cublasLtMatmul' || !ROW_MAJOR_BLAS_TARGETS.has(ctx.target)) return undefined;
    const generic = roleLifter.lift(call, ctx);
    if (!generic?.ok || generic.invocation.kind !== 'operator') return generic;
    const g = generic.invocation;
    const symbol = 'cublasLtMatmul';
    const decline = (reason: string): LiftResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    const descArg = g.args.get('descriptor');
    if (!descArg?.node) return decline('the matmul descriptor is not a variable');

    const setCalls = (target: Expr | undefined, symbols: string[], role?: string): ResolvedCall[] =>
      target?.node ? ctx.context.setCallsFor(target.node, call.node, { symbols, ...(role ? { role } : {}) }) : [];
    const layout = (name: string, d: Expr | undefined): Layout | string => {
      const created = setCalls(d, ['cublasLtMatrixLayoutCreate'], 'out-descriptor')[0];
      if (!created) return `the layout of ${name} (\`${d?.text ?? '?'}\`) is not created in this function or an enclosing one`;
      if (setCalls(d, ['cublasLtMatrixLayoutSetAttribute']).length) return `the layout of ${name} has attributes set (order, batch): not read yet`;
      const [, type, rows, cols, ld] = created.args;
      if (!type || !rows || !cols || !ld) return `the layout of ${name} is incomplete`;
      const meaning = bufferMeaning(type, ctx);
      const dtype = dtypeOfMeaning(meaning);
      return { rows: expr(rows, ctx), cols: expr(cols, ctx), ld: expr(ld, ctx), ...(meaning ? { dtype: { meaning, ...(dtype ? { dtype } : {}) } } : {}) };
    };
    // The matmul descriptor: its attributes, last set-call wins (nearest first).
    const attributes = setCalls(descArg, ['cublasLtMatmulDescSetAttribute']);
    const attribute = (meaning: string): { found: boolean; value?: string; buf?: ts.Expression } => {
      const set = attributes.find((c) => c.args[1] && bufferMeaning(c.args[1], ctx) === meaning);
      return set ? { found: true, value: bufferMeaning(set.args[2], ctx), buf: set.args[2] } : { found: false };
    };
    const known = new Set(['matmul-desc.transa', 'matmul-desc.transb', 'matmul-desc.epilogue', 'matmul-desc.bias-pointer']);
    const other = attributes.find((c) => !known.has(bufferMeaning(c.args[1], ctx) ?? ''));
    if (other) return decline(`the descriptor sets \`${other.args[1]?.getText() ?? '?'}\`, which this port does not read`);
    const transpose = (which: string): boolean | string => {
      const a = attribute(`matmul-desc.${which}`);
      if (!a.found || a.value === 'transpose.none') return false;
      if (a.value === 'transpose.transpose' || a.value === 'transpose.conjugate') return true;
      return `${which.toUpperCase()} is set from \`${a.buf?.getText() ?? '?'}\`, not a constant`;
    };
    const ta = transpose('transa');
    const tb = transpose('transb');
    if (typeof ta === 'string') return decline(ta);
    if (typeof tb === 'string') return decline(tb);
    const epilogueSet = attribute('matmul-desc.epilogue');
    const resolved = resolveEpilogue(call, ctx, epilogueSet);
    if (typeof resolved === 'string') return decline(resolved);
    const { epilogue, activationWhen } = resolved;
    // Layouts after the descriptor: a descriptor the port cannot read is the first thing to fix.
    const layouts: Record<string, Layout> = {};
    for (const name of ['A', 'B', 'C', 'D'] as const) {
      const l = layout(name, name === 'D' ? g.outputs.get('Y')?.descriptor : g.inputs.get(name)?.descriptor);
      if (typeof l === 'string') return decline(l);
      layouts[name] = l;
    }

    const created = setCalls(descArg, ['cublasLtMatmulDescCreate'], 'out-descriptor')[0];
    const computeMeaning = created?.args[1] ? bufferMeaning(created.args[1], ctx) : undefined;

    const { A, B, C, D } = layouts;
    const view = (ptr: Expr, v: MatrixView, dtype: DTypeExpr | undefined): TensorExpr => ({ ptr, dims: v.dims, strides: v.strides, layout: 'row-major', ...(dtype ? { dtype } : {}) });
    const stored = (l: Layout, transposed: boolean): MatrixView => (transposed ? columnMajorOperand(l.cols, l.rows, l.ld, true) : columnMajorOperand(l.rows, l.cols, l.ld, false));
    const a = g.inputs.get('A');
    const b = g.inputs.get('B');
    const c = g.inputs.get('C');
    const d = g.outputs.get('Y');
    if (!a || !b || !c || !d) return decline('an operand is missing from the call');
    const inputs = new Map<string, TensorExpr>([
      ['A', view(a.ptr, stored(A, ta), A.dtype)],
      ['B', view(b.ptr, stored(B, tb), B.dtype)],
    ]);
    const attrs = new Map<string, AttributeExpr>([...g.attributes].filter(([n]) => n === 'alpha' || n === 'beta'));
    const beta = g.attributes.get('beta')?.expr;
    if (epilogue.bias) {
      const bias = attribute('matmul-desc.bias-pointer');
      if (!bias.buf) return decline('the bias pointer is not set on the descriptor');
      if (beta?.value?.kind !== 'number' || beta.value.value !== 0) return decline('a BIAS epilogue with beta other than a constant 0 adds both C and the bias; one matmul call takes one of them');
      // bias[i] for row i of D: an m×1 column that Gemm's C broadcasts over the columns.
      inputs.set('C', view(expr(bias.buf, ctx), { dims: [D.rows, generated('1', { kind: 'number', value: 1 })], strides: [generated('1', { kind: 'number', value: 1 }), generated('1', { kind: 'number', value: 1 })] }, D.dtype));
      attrs.set('beta', { expr: generated('1', { kind: 'number', value: 1 }) });
    } else {
      inputs.set('C', view(c.ptr, stored(C, false), C.dtype));
    }
    if (epilogue.activation) attrs.set('activation', { expr: generated(`'${epilogue.activation}'`), meaning: epilogue.activation, ...(activationWhen ? { when: activationWhen } : {}) });
    if (epilogue.approximate) attrs.set('approximate', { expr: generated(`'${epilogue.approximate}'`), meaning: epilogue.approximate });
    const outputs = new Map<string, TensorExpr>([['Y', view(d.ptr, stored(D, false), D.dtype)]]);
    const invocation: OpInvocation = {
      ...g,
      operator: 'Gemm',
      inputs,
      outputs,
      attributes: attrs,
      args: new Map([...g.args].filter(([k]) => k === 'handle')),
      numerics: { ...g.numerics, ...(computeMeaning ? { computeType: { meaning: computeMeaning, from: 'descriptor' as const } } : {}) },
    };
    return { ok: true, invocation };
  },
};

interface ResolvedEpilogue {
  readonly epilogue: Epilogue & { readonly approximate?: string };
  /** When the epilogue comes from a helper's parameter: the values that apply the activation. */
  readonly activationWhen?: AttributeExpr['when'];
}

/**
 * The epilogue in effect: a constant set on the descriptor, or a helper's parameter whose every
 * value is known from the helper's calls (parameter-values.ts) and that all agree on the bias;
 * the activation then applies only for the values that have it. A GELU takes the formula the
 * catalog gives the variant. Returns why not, otherwise.
 */
function resolveEpilogue(call: SourceCall, ctx: LiftContext, set: { found: boolean; value?: string; buf?: ts.Expression }): ResolvedEpilogue | string {
  const withFormula = (meaning: string): (Epilogue & { approximate?: string }) | string => {
    const epilogue = EPILOGUES[meaning];
    if (!epilogue) return `the epilogue ${meaning} is not ported (training and auxiliary-output epilogues have no aclnn lowering here)`;
    if (epilogue.activation !== 'Gelu') return epilogue;
    const member = ctx.catalog.backend('cuda').enums.get('cublasLtEpilogue_t')?.spec.members.find((m) => m.meaning === meaning)?.name ?? meaning;
    const approximate = geluApproximation(call.entry, member);
    return approximate ? { ...epilogue, approximate } : `the GELU formula of ${member} is not given in the catalog (erf or tanh)`;
  };
  if (!set.found || set.value) {
    const epilogue = withFormula(set.found ? set.value! : 'epilogue.default');
    return typeof epilogue === 'string' ? epilogue : { epilogue };
  }
  const element = set.buf ? bufferElement(set.buf) : undefined;
  const values = element ? parameterValues(element, ctx.context) : undefined;
  if (!values) return `the epilogue is set from \`${set.buf?.getText() ?? '?'}\`, not a constant`;
  if (!values.ok) return `the epilogue is set from \`${set.buf?.getText() ?? '?'}\`: ${values.reason}`;
  const meanings = [...new Set(values.values.map((v) => (v.kind === 'enum' ? v.meaning : undefined)))];
  if (meanings.some((m) => m === undefined)) return `the epilogue parameter \`${element!.getText()}\` is passed a value that is not a cublasLtEpilogue_t member`;
  const epilogues = meanings.map((m) => withFormula(m!));
  const declined = epilogues.find((e) => typeof e === 'string');
  if (declined) return declined as string;
  const all = epilogues as (Epilogue & { approximate?: string })[];
  if (new Set(all.map((e) => e.bias)).size > 1) return `the epilogue parameter \`${element!.getText()}\` is passed epilogues with and without a bias (${meanings.join(', ')}): one matmul call takes the bias or not`;
  const activations = [...new Set(all.map((e) => e.activation).filter((a) => a !== undefined))];
  const approximations = new Set(all.map((e) => e.approximate).filter((a) => a !== undefined));
  if (activations.length > 1 || approximations.size > 1) return `the epilogue parameter \`${element!.getText()}\` is passed epilogues with different activations (${meanings.join(', ')})`;
  const epilogue = all.find((e) => e.activation) ?? all[0];
  const applying = meanings.filter((_, i) => all[i].activation !== undefined) as string[];
  // Every value applies the activation (or none does): nothing to branch on.
  if (applying.length === 0 || applying.length === meanings.length) return { epilogue };
  const value = values.values[0];
  const enumName = value.kind === 'enum' ? value.enumName : 'cublasLtEpilogue_t';
  return { epilogue, activationWhen: { expr: { text: element!.getText(), node: element!, pure: true }, enumName, meanings: applying } };
}
