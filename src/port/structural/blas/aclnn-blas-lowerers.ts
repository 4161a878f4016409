/**
 * CANN lowerings of the row-major views the cuBLAS lifter makes (cublas-lifter.ts), written as
 * aclnn two-phase calls over aclCreateTensor views (aclnn-statements.ts):
 *
 * - `Gemm` with views (A is mat1, B mat2, C and Y the same out view): alpha = 1 and beta = 0 → aclnnMm (2-D) / aclnnBatchMatMul (3-D);
 *   otherwise aclnnAddmm / aclnnBaddbmm with self and out the same C view (in place:
 *   out = beta·C + alpha·mat1·mat2; beta = 0 does not read C). cubeMathType carries the
 *   source's numerics: the compute type of cublasGemmEx, or the handle's math mode.
 * - `Add` with `alpha` and views (cublasSaxpy) → aclnnInplaceAdd(y, x, alpha).
 *
 * Invocations without views (from other lifters) are declined: the generic lowerer answers them.
 */
import type { Catalog, EntryRecord } from '../../../catalog/catalog.js';
import { pending, type PendingDiagnostic } from '../../diagnostics/port-diagnostics.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { correspondingEnum, memberByMeaning } from '../../mapping/enum-mapping.js';
import { AclnnStatements, substitute } from './aclnn-statements.js';

function hasViews(t: TensorExpr | undefined): t is TensorExpr & { dims: readonly Expr[]; strides: readonly Expr[] } {
  return Boolean(t?.dims && t.strides);
}

function numberOf(e: Expr | undefined): number | undefined {
  const v = e?.value;
  if (v?.kind === 'number') return v.value;
  return undefined;
}

function fail(invocation: Invocation, ctx: LowerContext, reason: string): LowerResult {
  const symbol = invocation.origin.symbol;
  return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
}

function unsupportedDType(invocation: Invocation, ctx: LowerContext, target: string, dtype: string, entry: EntryRecord | undefined): LowerResult {
  const symbol = invocation.origin.symbol;
  const takes = entry?.spec.dtypes?.join(', ') ?? 'other types';
  return { ok: false, diagnostics: [pending('OB1002', { target: ctx.target, symbol, notes: `${target} takes ${takes}, not ${dtype}` }, symbol)] };
}

/**
 * cubeMathType for the source numerics (inferred from the meanings: cuBLAS's default and
 * pedantic modes and 32F compute keep the dtype; TF32 becomes HF32, the fast-16F modes FP16).
 */
function cubeMathMember(invocation: OpInvocation): string {
  const meaning = invocation.numerics.computeType?.meaning ?? invocation.numerics.mathMode?.meaning;
  switch (meaning) {
    case 'compute.32f-fast-tf32':
    case 'math.tf32':
      return 'USE_HF32';
    case 'compute.32f-fast-16f':
    case 'math.tensor-op':
      return 'USE_FP16';
    default:
      return 'KEEP_DTYPE';
  }
}

export const aclnnGemmLowerer: Lowerer = {
  name: 'aclnn matmuls over row-major views',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'Gemm') return undefined;
    const [mat1, mat2, c] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.inputs.get('C')];
    const out = invocation.outputs.get('Y');
    if (!hasViews(mat1) || !hasViews(mat2) || !hasViews(out) || (c && !hasViews(c))) return undefined;
    const rank = out.dims.length;
    if (rank !== 2 && rank !== 3) return fail(invocation, ctx, `the product is ${rank}-D; aclnn's matmuls take 2-D or batched 3-D operands`);
    const alpha = invocation.attributes.get('alpha')?.expr;
    const beta = invocation.attributes.get('beta')?.expr;
    const plain = (alpha === undefined || numberOf(alpha) === 1) && (beta === undefined || numberOf(beta) === 0);
    const op = plain ? (rank === 2 ? 'aclnnMm' : 'aclnnBatchMatMul') : rank === 2 ? 'aclnnAddmm' : 'aclnnBaddbmm';
    // Mm and BatchMatMul do not list their dtypes in the catalog; their docs' family (aclnnMatmul) does.
    const entry = [`${op}GetWorkspaceSize`, 'aclnnMatmulGetWorkspaceSize'].map((e) => ctx.catalog.entry('cann', e)).find((e) => e?.spec.dtypes?.length);
    const dtypes = [mat1, mat2, out].map((t) => t.dtype?.meaning);
    if (dtypes.some((d) => d === undefined)) return fail(invocation, ctx, 'the element type is not a constant');
    if (new Set(dtypes).size > 1) return fail(invocation, ctx, `the operands have different element types (${dtypes.map((d) => d!.replace('dtype.', '')).join(', ')}); ${op} takes one`);
    const dtype = out.dtype!.dtype;
    if (!dtype || !entry?.spec.dtypes?.includes(dtype)) return unsupportedDType(invocation, ctx, op, dtypes[0]!.replace('dtype.', ''), entry);

    const s = new AclnnStatements(ctx);
    const dataType = s.dataType(out.dtype);
    if (!dataType) return fail(invocation, ctx, `CANN has no aclDataType for ${dtypes[0]}`);
    const params = invocation.origin.entry.spec.params;
    const used = [mat1, mat2, ...(c ? [c] : []), out].flatMap((t) => [t.ptr, ...(t.offset ? [t.offset] : []), ...t.dims, ...t.strides]);
    const replaced = s.hoistImpure([...used, ...(alpha ? [alpha] : []), ...(beta ? [beta] : [])], (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`);
    const [vMat1, vMat2, vOut] = [substitute(mat1, replaced), substitute(mat2, replaced), substitute(out, replaced)];
    const [vAlpha, vBeta] = [alpha && (replaced.get(alpha) ?? alpha), beta && (replaced.get(beta) ?? beta)];
    const names = { mat1: s.tensor(rank === 2 ? 'mat1' : 'batch1', vMat1, dataType), mat2: s.tensor(rank === 2 ? 'mat2' : 'batch2', vMat2, dataType) };
    const outName = s.tensor(plain ? 'out' : 'c', vOut, dataType);
    // C is read unless beta is 0; it is the out tensor when it is the same view of the same buffer.
    const sameView = c && c.ptr.text === out.ptr.text && c.dims.map((e) => e.text).join() === out.dims.map((e) => e.text).join() && c.strides.map((e) => e.text).join() === out.strides.map((e) => e.text).join() && (c.offset?.text ?? '0') === (out.offset?.text ?? '0');
    const selfName = plain || !c || sameView || numberOf(beta) === 0 ? outName : s.tensor('self', substitute(c, replaced), dataType);
    const stream = s.stream(invocation.stream, invocation.args.get('handle'));
    if (!stream) return fail(invocation, ctx, 'no stream: neither the call nor its handle shows one');
    const math = s.value(cubeMathMember(invocation));
    let args: string[];
    if (plain) args = [names.mat1, names.mat2, outName, math];
    else {
      // cuBLAS scales in float for float and half data with 32F compute; Hgemm passes half scalars.
      const scaleType = invocation.origin.symbol === 'cublasHgemm' ? dataType : dtype === 'float64' ? dataType : s.value('ACL_FLOAT');
      const alphaName = s.scalar('alpha', vAlpha ?? { text: '1', pure: true }, scaleType);
      const betaName = s.scalar('beta', vBeta ?? { text: '0', pure: true }, scaleType);
      args = [selfName, names.mat1, names.mat2, betaName, alphaName, outName, math];
    }
    let call = s.twoPhase(op, args, stream);
    const activation = invocation.attributes.get('activation');
    if (activation) {
      const plan = activationPlan(invocation, ctx.catalog);
      if (typeof plan === 'string') return fail(invocation, ctx, plan);
      if (!plan.when) {
        // The fused activation runs on the product in place, after it.
        s.prelude.push({ text: call, declares: false, status: true });
        call = s.twoPhase(plan.op, [outName, ...plan.args.map((a) => s.value(a)), outName], stream);
      } else {
        // Only some values of the epilogue parameter apply it: the same run, under their test.
        const inner = new AclnnStatements(ctx);
        const run = inner.twoPhase(plan.op, [outName, ...plan.args.map((a) => inner.value(a)), outName], stream);
        const condition = plan.when.members.map((m) => `${plan.when!.expr} === ${ctx.names.member(plan.when!.enumName, m, ctx.style, ctx.origin)}`).join(' || ');
        s.epilogue.unshift({ text: `if (${condition})`, declares: true, body: [...inner.prelude, { text: run, declares: false, status: true }, ...inner.epilogue] });
        for (const symbol of inner.symbols) if (!s.symbols.includes(symbol)) s.symbols.splice(s.symbols.length - 1, 0, symbol);
      }
    }
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: notes(invocation, ctx) } };
  },
};

/**
 * Whether aclnnGemmLowerer writes aclnn calls for a `Gemm` with views, without writing anything
 * (a pure function, for modules that remove what only served a ported call): the same checks
 * the lowerer makes before it writes, in the same order.
 */
export function gemmPortsToAclnn(invocation: Invocation, catalog: Catalog): boolean {
  if (invocation.kind !== 'operator' || invocation.operator !== 'Gemm') return false;
  const [mat1, mat2, c] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.inputs.get('C')];
  const out = invocation.outputs.get('Y');
  if (!hasViews(mat1) || !hasViews(mat2) || !hasViews(out) || (c && !hasViews(c))) return false;
  const rank = out.dims.length;
  if (rank !== 2 && rank !== 3) return false;
  const alpha = invocation.attributes.get('alpha')?.expr;
  const beta = invocation.attributes.get('beta')?.expr;
  const plain = (alpha === undefined || numberOf(alpha) === 1) && (beta === undefined || numberOf(beta) === 0);
  const op = plain ? (rank === 2 ? 'aclnnMm' : 'aclnnBatchMatMul') : rank === 2 ? 'aclnnAddmm' : 'aclnnBaddbmm';
  const entry = [`${op}GetWorkspaceSize`, 'aclnnMatmulGetWorkspaceSize'].map((e) => catalog.entry('cann', e)).find((e) => e?.spec.dtypes?.length);
  const dtypes = [mat1, mat2, out].map((t) => t.dtype?.meaning);
  if (dtypes.some((d) => d === undefined) || new Set(dtypes).size > 1) return false;
  const dtype = out.dtype!.dtype;
  if (!dtype || !entry?.spec.dtypes?.includes(dtype)) return false;
  const aclDataType = catalog.backend('cann').enums.get('aclDataType');
  if (!aclDataType || !memberByMeaning(aclDataType, dtypes[0]!)) return false;
  if (!invocation.stream && !invocation.args.get('handle')) return false;
  return !invocation.attributes.get('activation') || typeof activationPlan(invocation, catalog) !== 'string';
}

interface ActivationPlan {
  readonly op: string;
  /** Target constants passed between the input and the output (aclnnGeluV2's approximate). */
  readonly args: readonly string[];
  /** For an activation that applies only to some values of a run-time enum: the test. */
  readonly when?: { readonly expr: string; readonly enumName: string; readonly members: readonly string[] };
}

/**
 * The aclnn call of a fused activation, or why there is none: Relu → aclnnRelu; Gelu with the
 * tanh approximation → aclnnGelu (always tanh: aclnn.yaml, profile cann.aclnn-gelu).
 */
function activationPlan(invocation: OpInvocation, catalog: Catalog): ActivationPlan | string {
  const activation = invocation.attributes.get('activation');
  if (!activation) return 'no activation';
  const approximate = invocation.attributes.get('approximate')?.meaning;
  let plan: ActivationPlan;
  if (activation.meaning === 'Relu') plan = { op: 'aclnnRelu', args: [] };
  else if (activation.meaning === 'Gelu' && approximate === 'tanh') plan = { op: 'aclnnGelu', args: [] };
  else return `the fused activation ${activation.meaning ?? activation.expr.text}${approximate ? ` (approximate ${approximate})` : ''} is not ported`;
  const when = activation.when;
  if (!when) return plan;
  const source = catalog.backend(invocation.origin.backend).enums.get(when.enumName);
  const target = source ? correspondingEnum(catalog, source, 'cann') : undefined;
  const members = when.meanings.map((m) => (target ? memberByMeaning(target, m)?.name : undefined));
  if (!target || members.some((m) => m === undefined)) return `the ${when.enumName} values ${when.meanings.join(', ')} that apply the activation have no CANN equivalent to test \`${when.expr.text}\` against`;
  return { ...plan, when: { expr: when.expr.text, enumName: target.spec.name, members: members as string[] } };
}

/** A GELU fused by cuBLASLt is the tanh approximation by inference only (the catalog's variant notes). */
function notes(invocation: OpInvocation, ctx: LowerContext): PendingDiagnostic[] {
  if (invocation.attributes.get('activation')?.meaning !== 'Gelu' || invocation.origin.symbol !== 'cublasLtMatmul') return [];
  return [pending('OB1012', { symbol: invocation.origin.symbol, targetSymbol: 'aclnnGelu', confidence: 'inferred (cublasLt.h does not say which GELU the epilogue computes; the catalog takes the tanh approximation, which aclnnGelu computes)' }, invocation.origin.symbol)];
}

export const aclnnAxpyLowerer: Lowerer = {
  name: 'aclnnInplaceAdd for axpy over strided vectors',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'Add') return undefined;
    const [x, y] = [invocation.inputs.get('A'), invocation.inputs.get('B')];
    const out = invocation.outputs.get('C');
    const alpha = invocation.attributes.get('alpha')?.expr;
    if (!hasViews(x) || !hasViews(y) || !hasViews(out) || !alpha) return undefined;
    if (y.ptr.text !== out.ptr.text) return undefined;
    const s = new AclnnStatements(ctx);
    const dataType = s.dataType(out.dtype);
    if (!dataType) return fail(invocation, ctx, 'the element type is not a constant');
    const params = invocation.origin.entry.spec.params;
    const replaced = s.hoistImpure([alpha, ...[x, out].flatMap((t) => [t.ptr, ...(t.offset ? [t.offset] : []), ...t.dims, ...t.strides])], (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`);
    const alphaName = s.scalar('alpha', replaced.get(alpha) ?? alpha, dataType);
    const xName = s.tensor('x', substitute(x, replaced), dataType);
    const yName = s.tensor('y', substitute(out, replaced), dataType);
    const stream = s.stream(invocation.stream, invocation.args.get('handle'));
    if (!stream) return fail(invocation, ctx, 'no stream: neither the call nor its handle shows one');
    const call = s.twoPhase('aclnnInplaceAdd', [yName, xName, alphaName], stream);
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [] } };
  },
};

/**
 * A dot product into host memory (cublasSdot) → aclnnMatmul of the two 1-D views into a 0-d
 * tensor over a device scratch element, then (the run has to finish first, as cuBLAS's host
 * result is written when the call returns) copied to the host result and freed.
 */
export const aclnnDotLowerer: Lowerer = {
  name: 'aclnnMatmul of two vectors into a host result',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'MatMul') return undefined;
    const [x, y] = [invocation.inputs.get('A'), invocation.inputs.get('B')];
    const result = invocation.outputs.get('Y');
    if (!hasViews(x) || !hasViews(y) || !result || result.layout !== 'host' || x.dims.length !== 1 || y.dims.length !== 1) return undefined;
    const s = new AclnnStatements(ctx);
    const dataType = s.dataType(result.dtype);
    const itemSize = result.dtype?.dtype === 'float32' ? 4 : undefined;
    if (!dataType || !itemSize) return fail(invocation, ctx, 'the element type is not float32');
    const params = invocation.origin.entry.spec.params;
    const replaced = s.hoistImpure([x, y].flatMap((t) => [t.ptr, ...(t.offset ? [t.offset] : []), ...t.dims, ...t.strides]).concat([result.ptr]), (e) => `${params[e.order ?? -1]?.name ?? 'value'}Value`);
    const xName = s.tensor('x', substitute(x, replaced), dataType);
    const yName = s.tensor('y', substitute(y, replaced), dataType);
    const stream = s.stream(invocation.stream, invocation.args.get('handle'));
    if (!stream) return fail(invocation, ctx, 'no stream: neither the call nor its handle shows one');
    const scratch = ctx.fresh.fresh('dotResult');
    const ref = s.value('ref');
    s.prelude.push({ text: `const ${scratch} = ${ref}<${s.type('DevicePtr')}>()`, declares: true });
    s.prelude.push({ text: `${s.value('aclrtMalloc')}(${scratch}, ${itemSize}, ${s.value('ACL_MEM_MALLOC_HUGE_FIRST')})`, declares: false });
    const dot = s.tensor('dot', { ptr: { text: `${scratch}.value`, pure: true }, dims: [], strides: [] }, dataType);
    const call = s.twoPhase('aclnnMatmul', [xName, yName, dot, s.value('KEEP_DTYPE')], stream);
    const host = replaced.get(result.ptr) ?? result.ptr;
    s.epilogue.unshift(
      { text: `${s.value('aclrtSynchronizeStream')}(${stream})`, declares: false },
      { text: `${s.value('aclrtMemcpy')}(${host.text}, ${itemSize}, ${scratch}.value, ${itemSize}, ${s.value('ACL_MEMCPY_DEVICE_TO_HOST')})`, declares: false },
      { text: `${s.value('aclrtFree')}(${scratch}.value)`, declares: false },
    );
    return { ok: true, lowering: { prelude: s.prelude, call, epilogue: s.epilogue, targetSymbols: s.symbols, diagnostics: [] } };
  },
};
