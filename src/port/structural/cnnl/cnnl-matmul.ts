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
 * A batch (a 3-D view, cuBLAS's strided batched GEMMs) is `cnnlBatchMatMulBCast_v2` with the
 * batched heuristic (DIOPI's baddbmm), the batch stride in each descriptor.
 *
 * A C that is not D itself (cuBLASLt's bias, broadcast over the columns) is added after the
 * product with `cnnlOpTensor` (D = D + beta·C); a fused ReLU or GELU runs after it with
 * `cnnlActivationForward` in place (GELU's tanh or erf form through `_v6`'s approximate), under
 * the epilogue parameter's test when only some of its values apply it. Other activations and
 * views CNNL cannot describe (no unit stride) are declined with OB1019 and the reason.
 */
import { ITEM_SIZE } from '../../../runtime/dtype.js';
import { pending, type PendingDiagnostic } from '../../diagnostics/port-diagnostics.js';
import { activationTest } from '../blas/cublaslt-epilogue-activation.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { CnnlStatements, numberOf, substituteView, type CnnlView } from './cnnl-statements.js';

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

/** The transpose of a matrix view (of each matrix of a batch): the last two dims and strides swapped. */
function transpose(v: CnnlView): CnnlView {
  const [b, d, s] = [v.dims.slice(0, -2), v.dims.slice(-2), v.strides.slice(-2)];
  return { ...v, dims: [...b, d[1], d[0]], strides: [...v.strides.slice(0, -2), s[1], s[0]] };
}

/** op(M) as CNNL takes it: strides [s, 1] → M as stored; [1, s] → Mᵀ stored, transposed (batch strides kept). */
function asOperand(v: CnnlView, name: string): Planned<Operand> {
  const [batchDims, batchStrides] = [v.dims.slice(0, -2), v.strides.slice(0, -2)];
  const [d0, d1] = v.dims.slice(-2);
  const [s0, s1] = v.strides.slice(-2);
  if (numberOf(s1) === 1 || numberOf(d1) === 1) return { ok: true, value: { view: { ...v, strides: [...batchStrides, s0, ONE] }, transposed: false } };
  if (numberOf(s0) === 1 || numberOf(d0) === 1) return { ok: true, value: { view: { ...v, dims: [...batchDims, d1, d0], strides: [...batchStrides, s1, ONE] }, transposed: true } };
  return { ok: false, reason: `${name} has strides [${v.strides.map((e) => e.text).join(', ')}]: CNNL describes a matrix with a unit stride in one dimension` };
}

/** The device pointer of a view: a sub-buffer is `ptr.plus(bytes)` (CNNL descriptors have no offset). */
export function pointer(t: TensorExpr): Expr {
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
  /** The fused activation run on D afterwards. */
  readonly activation?: Activation;
}

/** A fused activation as cnnlActivationForward runs it. */
export interface Activation {
  readonly operator: 'Relu' | 'Gelu';
  /** GELU: whether the tanh form (cnnlSetActivationDescriptor_v6's approximate). */
  readonly approximate?: boolean;
  /** For a helper's epilogue parameter: the values that apply it. */
  readonly when?: NonNullable<AttributeExpr['when']>;
}

/**
 * The fused activation of a Gemm, or why CNNL cannot run it: RELU, and GELU in the form the
 * invocation names (cuBLASLt's is the tanh form by the catalog's inference): `_v6`'s
 * `approximate` selects tanh (true) or erf (false) (mappings/cambricon/cnnl.yaml, from DIOPI).
 */
function activationOf(invocation: OpInvocation): Activation | string | undefined {
  const attribute = invocation.attributes.get('activation');
  if (!attribute) return undefined;
  const when = attribute.when ? { when: attribute.when } : {};
  if (attribute.meaning === 'Relu') return { operator: 'Relu', ...when };
  const approximate = invocation.attributes.get('approximate')?.meaning;
  if (attribute.meaning === 'Gelu' && (approximate === 'tanh' || approximate === 'none')) return { operator: 'Gelu', approximate: approximate === 'tanh', ...when };
  return `the fused activation ${attribute.meaning ?? attribute.expr.text}${approximate ? ` (approximate ${approximate})` : ''} is not ported`;
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
  const rank = y.dims.length;
  if (rank !== 2 && rank !== 3) return { ok: false, reason: `the product is ${rank}-D: cnnlMatMul_v2 multiplies matrices and cnnlBatchMatMulBCast_v2 one batch of them` };
  if (a.dims.length !== rank || b.dims.length !== rank || (c && c.dims.length !== rank)) return { ok: false, reason: 'the operands have different ranks' };
  const activation = activationOf(invocation);
  if (typeof activation === 'string') return { ok: false, reason: activation };
  const dtypes = [a, b, y].map((t) => t.dtype?.meaning);
  if (dtypes.some((d) => !d)) return { ok: false, reason: 'the element type is not a constant' };
  if (new Set(dtypes).size > 1) return { ok: false, reason: `the operands have different element types (${dtypes.map((d) => d!.replace('dtype.', '')).join(', ')})` };
  const alpha = invocation.attributes.get('alpha')?.expr;
  const beta = invocation.attributes.get('beta')?.expr;
  const asView = (t: TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] }): CnnlView => ({ ptr: pointer(t), dims: t.dims, strides: t.strides, ...(t.dtype ? { dtype: t.dtype } : {}) });
  let [va, vb, vd] = [asView(a), asView(b), asView(y)];
  let vc = c && viewed(c) ? asView(c) : undefined;
  // D must be row-major with a unit inner stride: a column-major D is computed as Dᵀ = op(B)ᵀ·op(A)ᵀ.
  const [inner, outer] = [rank - 1, rank - 2];
  if (numberOf(vd.strides[inner]) !== 1 && numberOf(vd.dims[inner]) !== 1) {
    if (numberOf(vd.strides[outer]) !== 1) return { ok: false, reason: `the output has strides [${vd.strides.map((s) => s.text).join(', ')}], neither row- nor column-major` };
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
    if (rank === 3) return { ok: false, reason: 'a batched product with an addend C other than D: cnnlBatchMatMulBCast_v2 blends D itself only' };
    if (numberOf(vc!.strides[1]) !== 1 && numberOf(vc!.dims[1]) !== 1) return { ok: false, reason: 'the addend C has no unit inner stride where D has one' };
    addend = vc;
  }
  const d = { ...vd, strides: [...vd.strides.slice(0, -1), ONE] };
  return { ok: true, value: { a: opA.value, b: opB.value, d, ...(addend ? { addend } : {}), ...(alpha ? { alpha } : {}), ...(beta ? { beta } : {}), useBeta: !betaZero && cIsD, ...(activation ? { activation } : {}) } };
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

/** The activation run in place on D: its descriptor (legacy setter for RELU, `_v6` for GELU's form), then cnnlActivationForward. */
function activationForward(s: CnnlStatements, activation: Activation, handle: string, dDesc: string, d: string): string {
  const set =
    activation.operator === 'Relu'
      ? `${s.value('cnnlSetActivationDescriptor')}($, ${s.value('CNNL_ACTIVATION_RELU')}, ${s.value('CNNL_PROPAGATE_NAN')}, 0)`
      : `${s.value('cnnlSetActivationDescriptor_v6')}($, ${s.value('CNNL_ACTIVATION_GELU')}, ${s.value('CNNL_ACTIVATION_HIGH_PRECISION')}, ${s.value('CNNL_PROPAGATE_NAN')}, 1, 0, 0, 0, false, ${activation.approximate ? 'true' : 'false'})`;
  const desc = s.descriptor(activation.operator === 'Relu' ? 'reluDesc' : 'geluDesc', 'cnnlActivationDescriptor_t', 'cnnlCreateActivationDescriptor', 'cnnlDestroyActivationDescriptor', [set]);
  return `${s.value('cnnlActivationForward')}(${handle}, ${desc}, null, ${dDesc}, ${d}, null, ${dDesc}, ${d})`;
}

/** A GELU fused by cuBLASLt is the tanh form by the catalog's inference only (its variant notes). */
function notes(invocation: OpInvocation, ctx: LowerContext): PendingDiagnostic[] {
  if (invocation.attributes.get('activation')?.meaning !== 'Gelu' || invocation.origin.symbol !== 'cublasLtMatmul') return [];
  return [pending('OB1012', { symbol: invocation.origin.symbol, targetSymbol: 'cnnlActivationForward', confidence: 'inferred (cublasLt.h does not say which GELU the epilogue computes; the catalog takes the tanh approximation, which CNNL_ACTIVATION_GELU computes with cnnlSetActivationDescriptor_v6 approximate = true)' }, invocation.origin.symbol)];
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
    // alpha and beta too: a value with side effects is evaluated once, in source order, before the statements.
    const replaced = s.hoistImpure(
      [handleArg, ...views.flatMap((v) => [v.ptr, ...v.dims, ...v.strides]), ...(p.alpha ? [p.alpha] : []), ...(p.beta ? [p.beta] : [])],
      (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`,
    );
    const r = (e: Expr) => (replaced.get(e) ?? e).text;
    const rv = (v: CnnlView): CnnlView => substituteView({ ...v }, replaced) as CnnlView;
    const handle = r(handleArg);
    // A call with its own stream (cuBLASLt): the handle runs on it from here on, as each such call says.
    if (streamOfCall(invocation) && invocation.stream) s.push(`${s.value('cnnlSetQueue')}(${handle}, ${invocation.stream.text})`);
    const { aDesc, bDesc, dDesc, matmul, algo, heuristic } = describeMatMul(s, p, invocation, dataType, rv);
    const algoCount = s.fresh('algoCount');
    const batch = p.d.dims.length === 3;
    s.push(`const ${algoCount} = ${s.value('ref')}(0)`, true);
    // The batched heuristic has no D descriptor (DIOPI's baddbmm); its workspace comes from its own result reader.
    if (batch) s.push(`${s.value('cnnlGetBatchMatMulAlgoHeuristic')}(${handle}, ${matmul}, ${aDesc}, ${bDesc}, ${dDesc}, null, 1, ${heuristic}, ${algoCount})`, false, true);
    else s.push(`${s.value('cnnlGetMatMulAlgoHeuristic')}(${handle}, ${matmul}, ${aDesc}, ${bDesc}, ${dDesc}, ${dDesc}, null, 1, ${heuristic}, ${algoCount})`, false, true);
    const queue = s.queue(invocation.stream, handle);
    const workspace = s.workspace('matmul', (size) => `${s.value(batch ? 'cnnlGetBatchMatMulHeuristicResult' : 'cnnlGetMatMulHeuristicResult')}(${heuristic}, ${algo}, ${size})`, queue);
    const alpha = p.alpha ? r(p.alpha) : '1';
    const beta = p.useBeta ? r(p.beta!) : '0';
    const d = r(p.d.ptr);
    let call = batch
      ? `${s.value('cnnlBatchMatMulBCast_v2')}(${handle}, ${matmul}, ${algo}, ${alpha}, ${aDesc}, ${r(p.a.view.ptr)}, ${bDesc}, ${r(p.b.view.ptr)}, ${beta}, ${dDesc}, ${d}, ${workspace.ptr}, ${workspace.size})`
      : `${s.value('cnnlMatMul_v2')}(${handle}, ${matmul}, ${algo}, ${alpha}, ${aDesc}, ${r(p.a.view.ptr)}, ${bDesc}, ${r(p.b.view.ptr)}, ${beta}, ${dDesc}, ${d}, ${workspace.ptr}, ${workspace.size}, ${dDesc}, ${d})`;
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
    const activation = p.activation;
    if (activation && !activation.when) {
      s.push(call, false, true);
      call = activationForward(s, activation, handle, dDesc, d);
    } else if (activation?.when) {
      // Only some values of the epilogue parameter apply it: the same run, under their test.
      const test = activationTest(activation.when, ctx);
      if (typeof test !== 'string') return fail(invocation, ctx, test.reason);
      const inner = new CnnlStatements(ctx);
      const run = activationForward(inner, activation, handle, dDesc, d);
      s.epilogue.unshift({ text: `if (${test})`, declares: true, body: [...inner.prelude, { text: run, declares: false, status: true }, ...inner.epilogue] });
      for (const symbol of inner.symbols) if (!s.symbols.includes(symbol)) s.symbols.push(symbol);
    }
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: notes(invocation, ctx) } };
  },
};
