/**
 * Lifts column-major cuBLAS calls to row-major operator invocations with exact views, for
 * targets whose matrix calls are row-major (aclnn, CNNL, XDNN):
 *
 * - the GEMM family (cublasSgemm/Dgemm/Hgemm/GemmEx, cublasSgemmStridedBatched,
 *   cublasGemmStridedBatchedEx) → `Gemm` with A := op(A) (m×k), B := op(B) (k×n), C and Y := C
 *   (m×n) as strided views of the column-major storage, the transposes folded into strides and
 *   the batch (when batched) outermost (column-major-views.ts); transA = transB = 0;
 * - cublasSaxpy → `Add` of A := x and B := y into C := y with the extension attribute `alpha`
 *   (C = alpha·A + B, torch's add with alpha), vectors as 1-D views with their increments;
 * - cublasSdot → `MatMul` of two 1-D views into a 0-d Y whose layout is `host`: the result
 *   pointer is host memory (cuBLAS's default pointer mode, the only one the CUDA facade has).
 *
 * The stream is the one the handle was given (its `cublasSetStream` earlier in the function or
 * an enclosing one); when none is visible the handle stays in `args` and the lowerer asks it.
 * Only for targets with a row-major lowering registered (ROW_MAJOR_BLAS_TARGETS); for the others
 * the lifter declines and the generic role path answers.
 */
import { ITEM_SIZE, type DType } from '../../../runtime/dtype.js';
import { isPure } from '../../context/expression-purity.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Expr } from '../../ir/expr.js';
import type { DTypeExpr, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { dtypeOfMeaning, roleLifter } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';
import { batched, columnMajorOperand, vector, type MatrixView } from './column-major-views.js';

const GEMMS = new Set(['cublasSgemm', 'cublasDgemm', 'cublasHgemm', 'cublasGemmEx', 'cublasSgemmStridedBatched', 'cublasGemmStridedBatchedEx']);
const AXPY = new Set(['cublasSaxpy']);
const DOT = new Set(['cublasSdot']);

/**
 * Targets with row-major lowerings of these invocations (aclnn-blas-lowerers.ts). Elsewhere the
 * generic role path answers: a rename where the target keeps cuBLAS's convention (muBLAS,
 * mcBLAS, T-Head), OB1003 where it does not and no module exists yet (CNNL, XDNN).
 */
export const ROW_MAJOR_BLAS_TARGETS: ReadonlySet<string> = new Set(['cann', 'cambricon', 'kunlun']);

function transposeOf(invocation: OpInvocation, name: string): boolean | 'unknown' {
  const meaning = invocation.attributes.get(name)?.meaning ?? invocation.enums.get(`attr:${name}`)?.meaning;
  if (meaning === 'transpose.none') return false;
  if (meaning === 'transpose.transpose' || meaning === 'transpose.conjugate') return true;
  return 'unknown';
}

function dtypeFrom(meaning: string | undefined, expr?: Expr): DTypeExpr | undefined {
  const dtype = dtypeOfMeaning(meaning);
  return meaning ? { ...(expr ? { expr } : {}), meaning, ...(dtype ? { dtype } : {}) } : undefined;
}

/** The element type of the call: its own dtype argument, else the one the entry is typed for. */
function tensorDType(call: SourceCall, invocation: OpInvocation, name: string): DTypeExpr | undefined {
  const own = invocation.inputs.get(name)?.dtype ?? invocation.outputs.get(name)?.dtype;
  if (own?.meaning) return own;
  const fixed = call.entry.spec.dtypes?.length === 1 ? (call.entry.spec.dtypes[0] as DType) : undefined;
  return fixed ? dtypeFrom(`dtype.${fixed}`) : undefined;
}

function view(ptr: Expr, v: MatrixView, dtype: DTypeExpr | undefined): TensorExpr {
  const split = dtype?.dtype ? elementOffset(ptr, ITEM_SIZE[dtype.dtype]) : undefined;
  return { ptr: split?.base ?? ptr, ...(split ? { offset: split.offset } : {}), dims: v.dims, strides: v.strides, layout: 'row-major', ...(dtype ? { dtype } : {}) };
}

/**
 * `base.plus(bytes)` (a sub-buffer of a DevicePtr) as the base and an element offset, when the
 * byte count is a whole number of elements: `* 4` written last, or a known multiple. Targets
 * whose tensors carry an offset (aclCreateTensor) keep the base pointer, which stays aligned.
 */
function elementOffset(ptr: Expr, itemSize: number): { base: Expr; offset: Expr } | undefined {
  const node = ptr.node;
  if (!node || !ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'plus') return undefined;
  const baseNode = node.expression.expression;
  if (!isPlainReference(baseNode)) return undefined;
  const bytes = node.arguments[0];
  let offset: string | undefined;
  const known = ts.isNumericLiteral(bytes) ? Number(bytes.text) : undefined;
  if (known !== undefined) offset = known % itemSize === 0 ? String(known / itemSize) : undefined;
  else if (ts.isBinaryExpression(bytes) && bytes.operatorToken.kind === ts.SyntaxKind.AsteriskToken && ts.isNumericLiteral(bytes.right) && Number(bytes.right.text) === itemSize) {
    offset = bytes.left.getText();
  }
  if (offset === undefined) return undefined;
  const base: Expr = { text: baseNode.getText(), node: baseNode, pure: true, ...(ptr.order !== undefined ? { order: ptr.order } : {}) };
  return { base, offset: { text: offset, pure: isPure(ts.isBinaryExpression(bytes) ? bytes.left : bytes), ...(known !== undefined ? { value: { kind: 'number', value: known / itemSize } } : {}), ...(ptr.order !== undefined ? { order: ptr.order } : {}) } };
}

/** The stream set on the handle before the call, when it is a plain variable. */
function handleStream(call: SourceCall, handle: Expr | undefined, ctx: LiftContext): Expr | undefined {
  if (!handle?.node) return undefined;
  const set = ctx.context.lastSetCall(handle.node, call.node, { symbols: ['cublasSetStream'], role: 'handle' });
  const stream = set ? ctx.context.argumentFor(set, 'stream') : undefined;
  if (!stream || !isPlainReference(stream)) return undefined;
  return { text: stream.getText(), node: stream, pure: true };
}

function isPlainReference(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return true;
  if (ts.isPropertyAccessExpression(e)) return isPlainReference(e.expression);
  if (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) return isPlainReference(e.expression);
  return false;
}

function structural(call: SourceCall, ctx: LiftContext, reason: string): LiftResult {
  const symbol = call.entry.spec.symbol;
  return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
}

function liftGemm(call: SourceCall, generic: OpInvocation, ctx: LiftContext): LiftResult {
  const arg = (key: string) => generic.args.get(key);
  const [m, n, k] = [arg('dim:M'), arg('dim:N'), arg('dim:K')];
  const [lda, ldb, ldc] = [arg('ld:A'), arg('ld:B'), arg('ld:Y')];
  const a = generic.inputs.get('A');
  const b = generic.inputs.get('B');
  const c = generic.outputs.get('Y');
  if (!m || !n || !k || !lda || !ldb || !ldc || !a || !b || !c) return structural(call, ctx, 'an operand or size is missing from the call');
  const ta = transposeOf(generic, 'transA');
  const tb = transposeOf(generic, 'transB');
  if (ta === 'unknown' || tb === 'unknown') {
    return structural(call, ctx, `\`${ta === 'unknown' ? 'transa' : 'transb'}\` is not a constant CUBLAS_OP_N / CUBLAS_OP_T, and the row-major views depend on it`);
  }
  let mat1 = columnMajorOperand(m, k, lda, ta);
  let mat2 = columnMajorOperand(k, n, ldb, tb);
  let out = columnMajorOperand(m, n, ldc, false);
  const count = arg('dim:batch');
  if (count) {
    const [sa, sb, sc] = [arg('batch-stride:A'), arg('batch-stride:B'), arg('batch-stride:Y')];
    if (!sa || !sb || !sc) return structural(call, ctx, 'a batch stride is missing');
    mat1 = batched(mat1, count, sa);
    mat2 = batched(mat2, count, sb);
    out = batched(out, count, sc);
  }
  const dtypeA = tensorDType(call, generic, 'A');
  const dtypeB = tensorDType(call, generic, 'B');
  const dtypeC = tensorDType(call, generic, 'Y');
  const inputs = new Map<string, TensorExpr>([
    ['A', view(a.ptr, mat1, dtypeA)],
    ['B', view(b.ptr, mat2, dtypeB)],
    ['C', view(c.ptr, out, dtypeC)],
  ]);
  const outputs = new Map<string, TensorExpr>([['Y', view(c.ptr, out, dtypeC)]]);
  const attributes = new Map([...generic.attributes].filter(([name]) => name === 'alpha' || name === 'beta'));
  const args = new Map([...generic.args].filter(([key]) => key === 'handle' || key === 'compute-type' || key === 'algorithm'));
  const stream = generic.stream ?? handleStream(call, arg('handle'), ctx);
  const invocation: OpInvocation = { ...generic, operator: 'Gemm', inputs, outputs, attributes, args, ...(stream ? { stream } : {}) };
  return { ok: true, invocation };
}

/** Why a vector's increment rules out a strided view (a constant below 1), if one does. */
function backwardIncrement(increments: Readonly<Record<string, Expr>>): string | undefined {
  for (const [name, inc] of Object.entries(increments)) {
    const v = inc.value?.kind === 'number' ? inc.value.value : undefined;
    if (v !== undefined && v < 1) return `\`${name}\` is ${v}: BLAS walks the vector backwards (or not at all), which a strided view cannot express`;
  }
  return undefined;
}

function liftAxpy(call: SourceCall, generic: OpInvocation, ctx: LiftContext): LiftResult {
  const arg = (key: string) => generic.args.get(key);
  const n = arg('count');
  const x = generic.inputs.get('A');
  const alpha = generic.inputs.get('B');
  const y = generic.outputs.get('Add.C');
  const [incx, incy] = [arg('ld:A'), arg('ld:Y')];
  if (!n || !x || !alpha || !y || !incx || !incy) return structural(call, ctx, 'an operand or size is missing from the call');
  const backwards = backwardIncrement({ incx, incy });
  if (backwards) return structural(call, ctx, backwards);
  const dtype = tensorDType(call, generic, 'A');
  const inputs = new Map<string, TensorExpr>([
    ['A', view(x.ptr, vector(n, incx), dtype)],
    ['B', view(y.ptr, vector(n, incy), dtype)],
  ]);
  const outputs = new Map<string, TensorExpr>([['C', view(y.ptr, vector(n, incy), dtype)]]);
  const args = new Map([...generic.args].filter(([key]) => key === 'handle'));
  const stream = generic.stream ?? handleStream(call, arg('handle'), ctx);
  const invocation: OpInvocation = {
    ...generic,
    operator: 'Add',
    inputs,
    outputs,
    attributes: new Map([['alpha', { expr: alpha.ptr }]]),
    args,
    ...(stream ? { stream } : {}),
  };
  return { ok: true, invocation };
}

function liftDot(call: SourceCall, generic: OpInvocation, ctx: LiftContext): LiftResult {
  const arg = (key: string) => generic.args.get(key);
  const n = arg('count');
  const x = generic.inputs.get('A');
  const y = generic.inputs.get('B');
  const result = generic.outputs.get('Y');
  const [incx, incy] = [arg('ld:A'), arg('ld:B')];
  if (!n || !x || !y || !result || !incx || !incy) return structural(call, ctx, 'an operand or size is missing from the call');
  const backwards = backwardIncrement({ incx, incy });
  if (backwards) return structural(call, ctx, backwards);
  const dtype = tensorDType(call, generic, 'A');
  const inputs = new Map<string, TensorExpr>([
    ['A', view(x.ptr, vector(n, incx), dtype)],
    ['B', view(y.ptr, vector(n, incy), dtype)],
  ]);
  const outputs = new Map<string, TensorExpr>([['Y', { ptr: result.ptr, dims: [], strides: [], layout: 'host', ...(dtype ? { dtype } : {}) }]]);
  const stream = generic.stream ?? handleStream(call, arg('handle'), ctx);
  const invocation: OpInvocation = { ...generic, operator: 'MatMul', inputs, outputs, attributes: new Map(), args: new Map([...generic.args].filter(([key]) => key === 'handle')), ...(stream ? { stream } : {}) };
  return { ok: true, invocation };
}

export const cublasLifter: Lifter = {
  name: 'cuBLAS column-major → row-major views',
  lift(call, ctx) {
    const symbol = call.entry.spec.symbol;
    if (!GEMMS.has(symbol) && !AXPY.has(symbol) && !DOT.has(symbol)) return undefined;
    if (!ROW_MAJOR_BLAS_TARGETS.has(ctx.target)) return undefined;
    const generic = roleLifter.lift(call, ctx);
    if (!generic || !generic.ok || generic.invocation.kind !== 'operator') return generic;
    if (DOT.has(symbol)) return liftDot(call, generic.invocation, ctx);
    return GEMMS.has(symbol) ? liftGemm(call, generic.invocation, ctx) : liftAxpy(call, generic.invocation, ctx);
  },
};
