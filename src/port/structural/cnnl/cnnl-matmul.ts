/**
 * `Gemm` over row-major views (from the cuBLAS and cuBLASLt lifters) → `cnnlMatMul_v2`, the
 * matmul PaddleCustomDevice and DIOPI call: tensor descriptors, a matmul descriptor with TRANSA /
 * TRANSB, ALLOW_TF32 (from the source's compute type or math mode) and USE_BETA, the heuristic
 * for the algorithm and its workspace, the call, then the releases.
 *
 * CNNL describes each operand as a row-major matrix whose last stride is 1, with a transpose
 * flag; D has no flag. A view with strides [s, 1] is that matrix as it is; a view with strides
 * [1, s] is the transpose of the row-major matrix with dims swapped. The column-major output of
 * cuBLAS (strides [1, ldc]) is therefore computed transposed, exactly: Dᵀ = op(B)ᵀ·op(A)ᵀ, with
 * the operands swapped (the usual row-major trick).
 *
 * A C that is not D itself (cuBLASLt's bias, broadcast over the columns) is added after the
 * product with `cnnlOpTensor` (D = D + beta·C); a fused ReLU runs after it with
 * `cnnlActivationForward` in place. Batched products, other activations and views CNNL cannot
 * describe (no unit stride) are declined with OB1019 and the reason.
 */
import { ITEM_SIZE } from '../../../runtime/dtype.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { CnnlStatements, numberOf, sameValue, substituteView, type CnnlView } from './cnnl-statements.js';

const ONE = generated('1', { kind: 'number', value: 1 });

/** A CNNL matmul operand: the row-major matrix as stored, and whether the op transposes it. */
interface Operand {
  readonly view: CnnlView;
  readonly transposed: boolean;
}

type Planned<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function viewed(t: TensorExpr): t is TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] } {
  return Boolean(t.dims && t.strides);
}

/** The transpose of a 2-D view: dims and strides swapped. */
function transpose(v: CnnlView): CnnlView {
  return { ...v, dims: [v.dims[1], v.dims[0]], strides: [v.strides[1], v.strides[0]] };
}

/** op(M) as CNNL takes it: strides [s, 1] → M as stored; [1, s] → Mᵀ stored, transposed. */
function asOperand(v: CnnlView, name: string): Planned<Operand> {
  const [d0, d1] = v.dims;
  const [s0, s1] = v.strides;
  if (numberOf(s1) === 1 || numberOf(d1) === 1) return { ok: true, value: { view: { ...v, strides: [s0, ONE] }, transposed: false } };
  if (numberOf(s0) === 1 || numberOf(d0) === 1) return { ok: true, value: { view: { ...v, dims: [d1, d0], strides: [s1, ONE] }, transposed: true } };
  return { ok: false, reason: `${name} has strides [${s0.text}, ${s1.text}]: CNNL describes a matrix with a unit stride in one dimension` };
}

/** The device pointer of a view: a sub-buffer is `ptr.plus(bytes)` (CNNL descriptors have no offset). */
function pointer(t: TensorExpr): Expr {
  if (!t.offset) return t.ptr;
  const size = t.dtype?.dtype ? ITEM_SIZE[t.dtype.dtype] : undefined;
  const elements = numberOf(t.offset);
  const bytes = elements !== undefined && size ? String(elements * size) : `${operand(t.offset.text)} * ${size ?? 1}`;
  return { ...t.ptr, text: `${t.ptr.text}.plus(${bytes})` };
}

export interface MatMulPlan {
  readonly a: Operand;
  readonly b: Operand;
  readonly d: CnnlView;
  /** The addend when it is not D itself: broadcast and added after the product. */
  readonly addend?: CnnlView;
  readonly alpha?: Expr;
  readonly beta?: Expr;
  /** Whether D is read as C (beta ≠ 0 with C = D). */
  readonly useBeta: boolean;
}

function sameView(x: TensorExpr, y: TensorExpr): boolean {
  const list = (es: readonly Expr[] | undefined) => (es ?? []).map((e) => e.text).join();
  return x.ptr.text === y.ptr.text && list(x.dims) === list(y.dims) && list(x.strides) === list(y.strides) && (x.offset?.text ?? '0') === (y.offset?.text ?? '0');
}

/** How a Gemm invocation with views becomes cnnlMatMul_v2, or why it cannot; undefined when it has no views. */
export function planCnnlMatMul(invocation: Invocation): Planned<MatMulPlan> | undefined {
  if (invocation.kind !== 'operator' || invocation.operator !== 'Gemm') return undefined;
  const [a, b, c, y] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.inputs.get('C'), invocation.outputs.get('Y')];
  if (!a || !b || !y || !viewed(a) || !viewed(b) || !viewed(y) || (c && !viewed(c))) return undefined;
  if (y.dims.length !== 2) return { ok: false, reason: `the product is ${y.dims.length}-D: only 2-D products are ported to cnnlMatMul_v2 yet (batched: cnnlBatchMatMulBCast_v2, not written)` };
  const activation = invocation.attributes.get('activation')?.meaning;
  if (activation && activation !== 'Relu') return { ok: false, reason: `the fused activation ${activation} is not ported` };
  const dtypes = [a, b, y].map((t) => t.dtype?.meaning);
  if (dtypes.some((d) => !d)) return { ok: false, reason: 'the element type is not a constant' };
  if (new Set(dtypes).size > 1) return { ok: false, reason: `the operands have different element types (${dtypes.map((d) => d!.replace('dtype.', '')).join(', ')})` };
  const alpha = invocation.attributes.get('alpha')?.expr;
  const beta = invocation.attributes.get('beta')?.expr;
  for (const [name, e] of [['alpha', alpha], ['beta', beta]] as const) if (e && !e.pure) return { ok: false, reason: `${name} \`${e.text}\` has side effects and is used twice` };
  const asView = (t: TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] }): CnnlView => ({ ptr: pointer(t), dims: t.dims, strides: t.strides, ...(t.dtype ? { dtype: t.dtype } : {}) });
  let [va, vb, vd] = [asView(a), asView(b), asView(y)];
  let vc = c && viewed(c) ? asView(c) : undefined;
  // D must be row-major with a unit inner stride: a column-major D is computed as Dᵀ = op(B)ᵀ·op(A)ᵀ.
  if (numberOf(vd.strides[1]) !== 1 && numberOf(vd.dims[1]) !== 1) {
    if (numberOf(vd.strides[0]) !== 1) return { ok: false, reason: `the output has strides [${vd.strides.map((s) => s.text).join(', ')}], neither row- nor column-major` };
    [va, vb, vd] = [transpose(vb), transpose(va), transpose(vd)];
    if (vc) vc = transpose(vc);
  }
  const opA = asOperand(va, 'A');
  const opB = asOperand(vb, 'B');
  if (!opA.ok) return opA;
  if (!opB.ok) return opB;
  const betaZero = beta === undefined || numberOf(beta) === 0;
  const cIsD = !c || sameView(c, y);
  let addend: CnnlView | undefined;
  if (!betaZero && !cIsD) {
    if (numberOf(vc!.strides[1]) !== 1 && numberOf(vc!.dims[1]) !== 1) return { ok: false, reason: 'the addend C has no unit inner stride where D has one' };
    addend = vc;
  }
  return { ok: true, value: { a: opA.value, b: opB.value, d: { ...vd, strides: [vd.strides[0], ONE] }, ...(addend ? { addend } : {}), ...(alpha ? { alpha } : {}), ...(beta ? { beta } : {}), useBeta: !betaZero && cIsD } };
}

/** TF32 products only where the source asked for them (a TF32 compute type or math mode). */
function allowsTf32(invocation: OpInvocation): boolean {
  const meaning = invocation.numerics.computeType?.meaning ?? invocation.numerics.mathMode?.meaning;
  return meaning === 'compute.32f-fast-tf32' || meaning === 'math.tf32';
}

function fail(invocation: Invocation, ctx: LowerContext, reason: string): LowerResult {
  const symbol = invocation.origin.symbol;
  return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
}

/** Whether the source call names its own stream (cublasLtMatmul) rather than the handle's. */
export function streamOfCall(invocation: Invocation): boolean {
  return invocation.origin.entry.spec.params.some((p) => p.role === 'stream');
}

/**
 * The descriptors of a planned matmul: tensor descriptors of A, B and D, the matmul descriptor
 * with its attributes, an algorithm and a heuristic result to query into.
 */
export function describeMatMul(s: CnnlStatements, p: MatMulPlan, invocation: OpInvocation, dataType: string, rv: (v: CnnlView) => CnnlView) {
  const aDesc = s.tensor('a', rv(p.a.view), dataType);
  const bDesc = s.tensor('b', rv(p.b.view), dataType);
  const dDesc = s.tensor('d', rv(p.d), dataType);
  const attr = (name: string, value: string) => `${s.value('cnnlSetMatMulDescAttr')}($, ${s.value(name)}, ${value}, 4)`;
  const sets = [
    ...(p.a.transposed ? [attr('CNNL_MATMUL_DESC_TRANSA', '1')] : []),
    ...(p.b.transposed ? [attr('CNNL_MATMUL_DESC_TRANSB', '1')] : []),
    attr('CNNL_MATMUL_ALLOW_TF32', allowsTf32(invocation) ? '1' : '0'),
    ...(p.useBeta ? [attr('CNNL_MATMUL_USE_BETA', '1')] : []),
  ];
  const matmul = s.descriptor('matmulDesc', 'cnnlMatMulDescriptor_t', 'cnnlMatMulDescCreate', 'cnnlMatMulDescDestroy', sets);
  const algo = s.descriptor('algo', 'cnnlMatMulAlgo_t', 'cnnlMatMulAlgoCreate', 'cnnlMatMulAlgoDestroy', []);
  const heuristic = s.descriptor('heuristic', 'cnnlMatMulHeuristicResult_t', 'cnnlCreateMatMulHeuristicResult', 'cnnlDestroyMatMulHeuristicResult', []);
  return { aDesc, bDesc, dDesc, matmul, algo, heuristic };
}

export const cnnlMatMulLowerer: Lowerer = {
  name: 'cnnlMatMul_v2 over row-major views',
  lower(invocation, ctx) {
    const plan = planCnnlMatMul(invocation);
    if (!plan) return undefined;
    if (invocation.kind !== 'operator') return undefined;
    if (!plan.ok) return fail(invocation, ctx, plan.reason);
    const handleArg = invocation.args.get('handle');
    if (!handleArg) return fail(invocation, ctx, 'the call has no handle');
    const s = new CnnlStatements(ctx);
    const p = plan.value;
    const dataType = s.dataType(p.d.dtype);
    if (!dataType) return fail(invocation, ctx, `CNNL has no cnnlDataType_t for ${p.d.dtype?.meaning ?? 'the element type'}`);
    const params = invocation.origin.entry.spec.params;
    const views = [p.a.view, p.b.view, p.d, ...(p.addend ? [p.addend] : [])];
    const replaced = s.hoistImpure(
      [handleArg, ...views.flatMap((v) => [v.ptr, ...v.dims, ...v.strides])],
      (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`,
    );
    const r = (e: Expr) => (replaced.get(e) ?? e).text;
    const rv = (v: CnnlView): CnnlView => substituteView({ ...v }, replaced) as CnnlView;
    const handle = r(handleArg);
    // A call with its own stream (cuBLASLt): the handle runs on it from here on, as each such call says.
    if (streamOfCall(invocation) && invocation.stream) s.push(`${s.value('cnnlSetQueue')}(${handle}, ${invocation.stream.text})`);
    const { aDesc, bDesc, dDesc, matmul, algo, heuristic } = describeMatMul(s, p, invocation, dataType, rv);
    const algoCount = s.fresh('algoCount');
    s.push(`const ${algoCount} = ${s.value('ref')}(0)`, true);
    s.push(`${s.value('cnnlGetMatMulAlgoHeuristic')}(${handle}, ${matmul}, ${aDesc}, ${bDesc}, ${dDesc}, ${dDesc}, null, 1, ${heuristic}, ${algoCount})`, false, true);
    const queue = s.queue(invocation.stream, handle);
    const workspace = s.workspace('matmul', (size) => `${s.value('cnnlGetMatMulHeuristicResult')}(${heuristic}, ${algo}, ${size})`, queue);
    const alpha = p.alpha ? r(p.alpha) : '1';
    const beta = p.useBeta ? r(p.beta!) : '0';
    const d = r(p.d.ptr);
    let call = `${s.value('cnnlMatMul_v2')}(${handle}, ${matmul}, ${algo}, ${alpha}, ${aDesc}, ${r(p.a.view.ptr)}, ${bDesc}, ${r(p.b.view.ptr)}, ${beta}, ${dDesc}, ${d}, ${workspace.ptr}, ${workspace.size}, ${dDesc}, ${d})`;
    if (p.addend) {
      // D = 1·D + beta·C, C broadcast over D's rows (ONNX Gemm's C).
      s.push(call, false, true);
      const cDesc = s.tensor('c', rv(p.addend), dataType);
      const add = s.descriptor('addDesc', 'cnnlOpTensorDescriptor_t', 'cnnlCreateOpTensorDescriptor', 'cnnlDestroyOpTensorDescriptor', [
        `${s.value('cnnlSetOpTensorDescriptor')}($, ${s.value('CNNL_OP_TENSOR_ADD')}, ${s.value(p.d.dtype?.dtype === 'float64' ? 'CNNL_DTYPE_DOUBLE' : 'CNNL_DTYPE_FLOAT')}, ${s.value('CNNL_PROPAGATE_NAN')})`,
      ]);
      const addWorkspace = s.workspace('add', (size) => `${s.value('cnnlGetOpTensorWorkspaceSize')}(${handle}, ${dDesc}, ${cDesc}, ${dDesc}, ${size})`, queue);
      call = `${s.value('cnnlOpTensor')}(${handle}, ${add}, 1, ${dDesc}, ${d}, ${r(p.beta!)}, ${cDesc}, ${r(p.addend.ptr)}, ${addWorkspace.ptr}, ${addWorkspace.size}, 0, ${dDesc}, ${d})`;
    }
    if (invocation.attributes.get('activation')?.meaning === 'Relu') {
      s.push(call, false, true);
      const relu = s.descriptor('reluDesc', 'cnnlActivationDescriptor_t', 'cnnlCreateActivationDescriptor', 'cnnlDestroyActivationDescriptor', [
        `${s.value('cnnlSetActivationDescriptor')}($, ${s.value('CNNL_ACTIVATION_RELU')}, ${s.value('CNNL_PROPAGATE_NAN')}, 0)`,
      ]);
      call = `${s.value('cnnlActivationForward')}(${handle}, ${relu}, null, ${dDesc}, ${d}, null, ${dDesc}, ${d})`;
    }
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [] } };
  },
};
