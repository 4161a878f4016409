/**
 * CUDA lowerings of matrix products over row-major strided views (from the aclnn lifter) to
 * column-major cuBLAS:
 *
 * - `Gemm` (Y = alpha·A·B + beta·C, 2-D or batched 3-D) → cublasSgemm / cublasSgemmStridedBatched
 *   for float32, cublasGemmEx / cublasGemmStridedBatchedEx otherwise or under a TF32-class
 *   compute type. A view op(X) of r×c with strides (sr, sc) is a column-major operand when one
 *   stride is 1: sr = 1 → CUBLAS_OP_N with ld = sc; sc = 1 → CUBLAS_OP_T with ld = sr. When Y
 *   itself is row-major (its column stride is 1) the product is issued as Yᵀ = Bᵀ·Aᵀ: operands,
 *   transposes and m/n swapped, ldc = Y's row stride. A view with no unit stride, C that is not Y
 *   (cuBLAS accumulates in place) with beta ≠ 0, mixed element types, or batch strides that are
 *   not the leading ones are declined with the reason.
 * - `MatMul` of two vectors into a 0-d device tensor → cublasSdot into a host element, copied to
 *   the device tensor (the CUDA facade has cuBLAS's host pointer mode only); into a 0-d host
 *   result → cublasSdot writing it.
 * - `Add` of two 1-D float32 views of one length in place (C := A + alpha·B, beta 1) →
 *   cublasSaxpy, the call CUDA code writes for vectors (on the source's cuBLAS handle, or one made
 *   for the call: a CNNL handle, which stands for cuBLAS's and cuDNN's, is not passed on); other
 *   Adds go to cuDNN (cudnn-lowerers.ts).
 *
 * The handle is the one the source used (`args.handle`: the aclblas handle bound to the stream);
 * without one a cuBLAS handle is created for the call, bound to the stream and destroyed after.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { CudaStatements, isOne, isView, numberOf, sameView, type ViewTensor } from './cuda-statements.js';
import { cublasLtGemm } from './cublaslt-lowerer.js';

export function declineOn(invocation: Invocation, ctx: LowerContext, reason: string): LowerResult {
  const symbol = invocation.origin.symbol;
  return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
}

/** The handle to use: the source's, or one made for this call. */
export function cublasHandle(s: CudaStatements, invocation: OpInvocation): string {
  const own = invocation.args.get('handle');
  if (own) return own.text;
  const handle = s.declareRef('cublasHandle', 'cublasHandle_t');
  s.before('cublasCreate', [handle]);
  if (invocation.stream && !/^(null|undefined|0)$/.test(invocation.stream.text)) s.before('cublasSetStream', [`${handle}.value`, invocation.stream.text]);
  s.after('cublasDestroy', [`${handle}.value`]);
  return `${handle}.value`;
}

interface Operand {
  readonly rows: Expr;
  readonly cols: Expr;
  /** Stride between rows / columns of op(X). */
  readonly strides: readonly [Expr, Expr];
}

/** op(X) as cuBLAS takes it: the transpose and the leading dimension, or why not (`what` names the view). */
function columnMajor(x: Operand, what: string): { op: 'N' | 'T'; ld: string } | string {
  const [sr, sc] = x.strides;
  const fix = (ld: Expr, stored: Expr, other: Expr): string => {
    // cuBLAS wants ld ≥ the stored rows; when the other extent is 1 the stride is never used.
    const [l, r, o] = [numberOf(ld), numberOf(stored), numberOf(other)];
    if (l !== undefined && r !== undefined && l < r && o === 1) return String(Math.max(1, r));
    return ld.text;
  };
  if (isOne(sr)) return { op: 'N', ld: fix(sc, x.rows, x.cols) };
  if (isOne(sc)) return { op: 'T', ld: fix(sr, x.cols, x.rows) };
  return `${what} has no unit stride, which a leading dimension cannot express`;
}

/** `the view A ([4, 4] with strides [16, 2] of `a`)`, for reasons. */
function described(name: string, view: ViewTensor): string {
  return `the view ${name} ([${view.dims.map((d) => d.text).join(', ')}] with strides [${view.strides.map((s) => s.text).join(', ')}] of \`${view.ptr.text}\`)`;
}

function matrix(view: ViewTensor, transposed: boolean): Operand {
  const n = view.dims.length;
  const [r, c] = [view.dims[n - 2], view.dims[n - 1]];
  const [sr, sc] = [view.strides[n - 2], view.strides[n - 1]];
  return transposed ? { rows: c, cols: r, strides: [sc, sr] } : { rows: r, cols: c, strides: [sr, sc] };
}

/** A Gemm over views as column-major cuBLAS sees it (shared by the cuBLAS and cuBLASLt writers). */
export interface GemmPlan {
  readonly rank: number;
  readonly a: ViewTensor;
  readonly b: ViewTensor;
  readonly c: ViewTensor | undefined;
  readonly y: ViewTensor;
  readonly dtype: string | undefined;
  readonly alpha: Expr | undefined;
  readonly beta: Expr | undefined;
  /** Y is row-major: the product is issued as Yᵀ = Bᵀ·Aᵀ. */
  readonly swap: boolean;
  readonly first: { readonly op: 'N' | 'T'; readonly ld: string; readonly view: ViewTensor };
  readonly second: { readonly op: 'N' | 'T'; readonly ld: string; readonly view: ViewTensor };
  readonly outLd: string;
  readonly m: string;
  readonly n: string;
  readonly k: string;
  /** The compute type's meaning (from the compute type or the math mode). */
  readonly compute: string | undefined;
}

/** The column-major plan of a Gemm, undefined when it is not over views, or why not. */
export function planGemm(invocation: OpInvocation): GemmPlan | string | undefined {
  const [a, b, c, y] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.inputs.get('C'), invocation.outputs.get('Y')];
  if (!isView(a) || !isView(b) || !isView(y) || (c && !isView(c))) return undefined;
  const rank = y.dims.length;
  if ((rank !== 2 && rank !== 3) || a.dims.length !== rank || b.dims.length !== rank) return `the operands are ${[a, b, y].map((t) => t.dims.length).join('-D, ')}-D; cuBLAS takes 2-D products and strided 3-D batches`;
  const dtypes = new Set([a, b, y].map((t) => t.dtype.meaning));
  if (dtypes.size > 1) return `the operands have different element types (${[...dtypes].join(', ')})`;
  const alpha = invocation.attributes.get('alpha')?.expr;
  const beta = invocation.attributes.get('beta')?.expr;
  if (alpha && !alpha.pure) return `alpha \`${alpha.text}\` has side effects`;
  if (beta && !beta.pure) return `beta \`${beta.text}\` has side effects`;
  // Y column-major (row stride 1): C = op(A)·op(B); else Yᵀ = op(B)ᵀ·op(A)ᵀ.
  const swap = !isOne(y.strides[rank - 2]);
  const out = matrix(y, swap);
  const outOrder = columnMajor(out, described('Y', y));
  if (typeof outOrder === 'string') return outOrder;
  if (outOrder.op !== 'N') return 'the output view is not column-major after the swap';
  const [first, second] = swap ? [columnMajor(matrix(b, true), described('B', b)), columnMajor(matrix(a, true), described('A', a))] : [columnMajor(matrix(a, false), described('A', a)), columnMajor(matrix(b, false), described('B', b))];
  if (typeof first === 'string') return first;
  if (typeof second === 'string') return second;
  const [firstView, secondView] = swap ? [b, a] : [a, b];
  if (rank === 3 && ![a, b].every((t) => t.dims[0].text === y.dims[0].text)) return 'the operands have different batch counts';
  return {
    rank, a, b, c, y, dtype: y.dtype.dtype, alpha, beta, swap,
    first: { ...first, view: firstView },
    second: { ...second, view: secondView },
    outLd: outOrder.ld,
    m: out.rows.text,
    n: out.cols.text,
    k: (swap ? b.dims[rank - 2] : a.dims[rank - 1]).text,
    compute: invocation.numerics.computeType?.meaning ?? invocation.numerics.mathMode?.meaning,
  };
}

export const cublasGemmLowerer: Lowerer = {
  name: 'cuBLAS GEMM over row-major views',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'Gemm') return undefined;
    const plan = planGemm(invocation);
    if (plan === undefined) return undefined;
    const fail = (reason: string) => declineOn(invocation, ctx, reason);
    if (typeof plan === 'string') return fail(plan);
    const { rank, c, y, dtype, alpha, beta, first, second, m, n, k, compute } = plan;
    const readsC = beta !== undefined && numberOf(beta) !== 0;
    if (readsC && !c) return fail(`beta is \`${beta.text}\` but the Gemm has no C`);
    // A bias broadcast into Y, or an activation after the product: cuBLASLt's epilogues.
    if (invocation.attributes.has('activation') || (readsC && c && !sameView(c, y))) return cublasLtGemm(plan, invocation, ctx);
    const s = new CudaStatements(ctx);
    const addresses = [first.view, second.view, y].map((t) => s.address(t));
    if (addresses.some((x) => x === undefined)) return fail('a sub-buffer offset of an operand whose element size is unknown');
    const [pFirst, pSecond, pOut] = addresses as string[];
    const handle = cublasHandle(s, invocation);
    const op = (o: 'N' | 'T') => s.value(o === 'N' ? 'CUBLAS_OP_N' : 'CUBLAS_OP_T');
    const [alphaText, betaText] = [alpha?.text ?? '1', beta?.text ?? '0'];
    const fast = compute === 'compute.32f-fast-tf32' || compute === 'compute.32f-fast-16f';
    const head = [handle, op(first.op), op(second.op), m, n, k, alphaText];
    if (rank === 3) {
      const [sFirst, sSecond, sOut] = [first.view, second.view, y].map((t) => t.strides[0].text);
      const count = y.dims[0].text;
      if (dtype === 'float32' && !fast) {
        return { ok: true, lowering: s.lowering(`${s.value('cublasSgemmStridedBatched')}(${[...head, pFirst, first.ld, sFirst, pSecond, second.ld, sSecond, betaText, pOut, plan.outLd, sOut, count].join(', ')})`, 'cublasSgemmStridedBatched') };
      }
      const types = dataTypes(s, dtype, compute);
      if (typeof types === 'string') return fail(types);
      return {
        ok: true,
        lowering: s.lowering(
          `${s.value('cublasGemmStridedBatchedEx')}(${[...head, pFirst, types.data, first.ld, sFirst, pSecond, types.data, second.ld, sSecond, betaText, pOut, types.data, plan.outLd, sOut, count, types.compute, s.value('CUBLAS_GEMM_DEFAULT')].join(', ')})`,
          'cublasGemmStridedBatchedEx',
        ),
      };
    }
    if (dtype === 'float32' && !fast) {
      return { ok: true, lowering: s.lowering(`${s.value('cublasSgemm')}(${[...head, pFirst, first.ld, pSecond, second.ld, betaText, pOut, plan.outLd].join(', ')})`, 'cublasSgemm') };
    }
    const types = dataTypes(s, dtype, compute);
    if (typeof types === 'string') return fail(types);
    return {
      ok: true,
      lowering: s.lowering(`${s.value('cublasGemmEx')}(${[...head, pFirst, types.data, first.ld, pSecond, types.data, second.ld, betaText, pOut, types.data, plan.outLd, types.compute, s.value('CUBLAS_GEMM_DEFAULT')].join(', ')})`, 'cublasGemmEx'),
    };
  },
};

/** cudaDataType and cublasComputeType for GemmEx: 32F accumulation unless the source allowed TF32 / 16F. */
export function dataTypes(s: CudaStatements, dtype: string | undefined, compute: string | undefined): { data: string; compute: string } | string {
  const data = dtype ? s.member('cudaDataType_t', `dtype.${dtype}`) : undefined;
  if (!data || !['float32', 'float16', 'bfloat16'].includes(dtype!)) return `cublasGemmEx is not written for ${dtype ?? 'an unknown element type'} here`;
  const computeMeaning = compute === 'compute.32f-fast-tf32' && dtype === 'float32' ? compute : compute === 'compute.32f-fast-16f' ? compute : 'compute.32f';
  const computeType = s.member('cublasComputeType_t', computeMeaning);
  if (!computeType) return `CUDA has no compute type for ${computeMeaning}`;
  return { data, compute: computeType };
}

export const cublasDotLowerer: Lowerer = {
  name: 'cublasSdot into a device element',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'MatMul') return undefined;
    const [x, y, out] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.outputs.get('Y')];
    if (!isView(x) || !isView(y) || !isView(out)) return undefined;
    const fail = (reason: string) => declineOn(invocation, ctx, reason);
    if (x.dims.length !== 1 || y.dims.length !== 1 || out.dims.length !== 0) return undefined;
    if ([x, y, out].some((t) => t.dtype.dtype !== 'float32')) return fail('the dot product is not float32 (cublasSdot)');
    const s = new CudaStatements(ctx);
    const [px, py, pout] = [x, y, out].map((t) => (t.layout === 'host' ? t.ptr.text : s.address(t))) as string[];
    const handle = cublasHandle(s, invocation);
    // A host result (an XDNN or CNNL dot chain copied to the host) is where cublasSdot writes it.
    if (out.layout === 'host') return { ok: true, lowering: s.lowering(`${s.value('cublasSdot')}(${[handle, x.dims[0].text, px, x.strides[0].text, py, y.strides[0].text, pout].join(', ')})`, 'cublasSdot') };
    const host = s.fresh('dotValue');
    s.prelude.push({ text: `const ${host} = new Float32Array(1)`, declares: true });
    // cuBLAS's host pointer mode: the result is on the host when the call returns.
    s.after('cudaMemcpy', [pout, host, '4', s.value('cudaMemcpyHostToDevice')]);
    return { ok: true, lowering: s.lowering(`${s.value('cublasSdot')}(${[handle, x.dims[0].text, px, x.strides[0].text, py, y.strides[0].text, host].join(', ')})`, 'cublasSdot') };
  },
};

/**
 * Add of two 1-D float32 views of one length in place → cublasSaxpy (y = alpha·x + y), with or
 * without a source handle: a vector update is axpy in CUDA code whichever backend it came from
 * (an aclblas / XDNN handle, or a CNNL op-tensor whose handle is not a cuBLAS one).
 */
export const cublasAxpyLowerer: Lowerer = {
  name: 'cublasSaxpy for in-place vector adds',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator' || invocation.operator !== 'Add') return undefined;
    const [acc, x, out] = [invocation.inputs.get('A'), invocation.inputs.get('B'), invocation.outputs.get('C')];
    if (!isView(acc) || !isView(x) || !isView(out) || !sameView(acc, out)) return undefined;
    if (acc.dims.length !== 1 || x.dims.length !== 1 || acc.dims[0].text !== x.dims[0].text) return undefined;
    if (acc.dtype.dtype !== 'float32' || x.dtype.dtype !== 'float32') return undefined;
    const beta = invocation.args.get('beta');
    if (beta && numberOf(beta) !== 1) return undefined;
    const alpha = invocation.args.get('alpha');
    const s = new CudaStatements(ctx);
    const [px, py] = [s.address(x), s.address(out)];
    if (!px || !py) return undefined;
    const handle = cublasHandle(s, invocation);
    return { ok: true, lowering: s.lowering(`${s.value('cublasSaxpy')}(${[handle, out.dims[0].text, alpha?.text ?? '1', px, x.strides[0].text, py, out.strides[0].text].join(', ')})`, 'cublasSaxpy') };
  },
};
