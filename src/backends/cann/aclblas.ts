/**
 * ops-blas (cann_ops_blas.h): the cuBLAS-shaped library, column-major with real leading
 * dimensions. Its READMEs document GemmEx, SgemmEx, GemmStridedBatchedEx, Sgemv and Saxpy for
 * Ascend 950PR/950DT only (the catalog marks them partial: "Atlas A2/A3 not supported"); the
 * simulation runs them as the 950 does, so such a port can still be checked numerically, and
 * `opbridge coverage` reports the A2/A3 gap. Sdot, Sscal, Snrm2, Sasum and Isamax run on A2/A3
 * and follow the README's A2/A3 behaviour (results in device memory; Sscal ignores incx there).
 */
import { ITEM_SIZE, type DType } from '../../runtime/dtype.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { SimObject } from '../sim/sim-object.js';
import { cannCall, AclStatusError, type AclCallContext } from './acl-call.js';
import { dtypeOf } from './acl-dtype.js';
import { resolveStream, type aclrtStream } from './acl-stream.js';
import { columnMajor, requireDims, requireIncrement, strided } from './aclblas-matrix.js';
import type { RunContext } from './aclnn-executor.js';
import { castTo, constant, int64s, launch } from './aclnn-launch.js';
import { cannProfile } from './aclnn-plan.js';
import {
  ACLBLAS_COMPUTE_16F,
  ACLBLAS_COMPUTE_16F_PEDANTIC,
  ACLBLAS_COMPUTE_32I,
  ACLBLAS_COMPUTE_32I_PEDANTIC,
  ACLBLAS_COMPUTE_64F,
  ACLBLAS_COMPUTE_64F_PEDANTIC,
  ACLBLAS_GEMM_DEFAULT,
  ACLBLAS_OP_C,
  ACLBLAS_OP_N,
  ACLBLAS_OP_T,
  ACLBLAS_STATUS_ALLOC_FAILED,
  ACLBLAS_STATUS_HANDLE_IS_NULLPTR,
  ACLBLAS_STATUS_INVALID_ENUM,
  ACLBLAS_STATUS_INVALID_VALUE,
  ACLBLAS_STATUS_NOT_SUPPORTED,
  type aclDataType,
  type aclblasComputeType_t,
  type aclblasGemmAlgo_t,
  type aclblasOperation_t,
  type aclblasStatus_t,
} from './constants.generated.js';
import { ACLBLAS_STATUS } from './status-codes.js';

/** The 32 MiB library workspace aclblasCreate pre-allocates (api_list.md); tracked by size only. */
export const ACLBLAS_DEFAULT_WORKSPACE_BYTES = 32 * 1024 * 1024;

export class AclblasHandle extends SimObject {
  readonly kind = 'aclblasHandle_t';
  stream: aclrtStream = null;
  readonly workspaceBytes = ACLBLAS_DEFAULT_WORKSPACE_BYTES;
}

export type aclblasHandle_t = AclblasHandle;

export function blasCall(symbol: string, body: (ctx: AclCallContext) => number | void): aclblasStatus_t {
  return cannCall(symbol, ACLBLAS_STATUS, body) as aclblasStatus_t;
}

export function requireHandle(handle: unknown): AclblasHandle {
  if (handle === null || handle === undefined) throw new AclStatusError(ACLBLAS_STATUS_HANDLE_IS_NULLPTR, 'OB2012', 'handle is null: create it with aclblasCreate');
  if (!(handle instanceof AclblasHandle)) throw new DeviceFault('invalid-handle', 'handle is not an aclblasHandle_t');
  if (handle.destroyed) throw new DeviceFault('invalid-handle', 'handle was destroyed by aclblasDestroy');
  return handle;
}

export function blasRun(ctx: AclCallContext, stream: aclrtStream, symbol: string): RunContext {
  return { ctx, stream: resolveStream(ctx, stream), symbol };
}

export function aclblasCreate(handle: Ref<aclblasHandle_t | null>): aclblasStatus_t {
  return blasCall('aclblasCreate', (ctx) => {
    if (handle === null || handle === undefined) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2012', 'handle is null');
    if (handle.isSet && handle.value !== null) {
      throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2013', '*handle must be nullptr on entry (api_list.md): pass a fresh ref() or ref(null)');
    }
    handle.value = ctx.process.track(new AclblasHandle(ctx.site));
  });
}

/** Synchronises the handle's stream first (api_list.md). */
export function aclblasDestroy(handle: aclblasHandle_t): aclblasStatus_t {
  return blasCall('aclblasDestroy', (ctx) => {
    const h = requireHandle(handle);
    ctx.process.ordering.synchronizeStream(resolveStream(ctx, h.stream));
    ctx.process.release(h);
  });
}

export function aclblasSetStream(handle: aclblasHandle_t, stream: aclrtStream): aclblasStatus_t {
  return blasCall('aclblasSetStream', (ctx) => {
    const h = requireHandle(handle);
    resolveStream(ctx, stream);
    h.stream = stream;
  });
}

export function aclblasGetStream(handle: aclblasHandle_t, stream: Ref<aclrtStream>): aclblasStatus_t {
  return blasCall('aclblasGetStream', () => {
    const h = requireHandle(handle);
    if (stream === null || stream === undefined) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2012', 'stream is null');
    stream.value = h.stream;
  });
}

/** ACLBLAS_OP_C of a real matrix is the transpose. */
export function transposes(op: number, name: string): boolean {
  if (op === ACLBLAS_OP_N) return false;
  if (op === ACLBLAS_OP_T || op === ACLBLAS_OP_C) return true;
  throw new AclStatusError(ACLBLAS_STATUS_INVALID_ENUM, 'OB2013', `${name} = ${op} is not an aclblasOperation_t (ACLBLAS_OP_N 111, _T 112, _C 113)`);
}

function requireDefaultAlgo(algo: number): void {
  if (algo !== ACLBLAS_GEMM_DEFAULT) throw new AclStatusError(ACLBLAS_STATUS_NOT_SUPPORTED, 'OB2014', `algo ${algo}: the README accepts only ACLBLAS_GEMM_DEFAULT`);
}

function requireComputeType(computeType: number, types: readonly DType[]): void {
  if (!Number.isInteger(computeType) || computeType < 0 || computeType > 10) {
    throw new AclStatusError(ACLBLAS_STATUS_INVALID_ENUM, 'OB2013', `computeType ${computeType} is not an aclblasComputeType_t`);
  }
  if (computeType === ACLBLAS_COMPUTE_64F || computeType === ACLBLAS_COMPUTE_64F_PEDANTIC) {
    throw new AclStatusError(ACLBLAS_STATUS_NOT_SUPPORTED, 'OB2014', 'FP64 GEMM is not supported by ops-blas (README)');
  }
  const ints = computeType === ACLBLAS_COMPUTE_32I || computeType === ACLBLAS_COMPUTE_32I_PEDANTIC;
  if (ints !== types.includes('int8')) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2013', `computeType ${computeType} does not match the matrix types (${types.join(', ')})`);
  if ((computeType === ACLBLAS_COMPUTE_16F || computeType === ACLBLAS_COMPUTE_16F_PEDANTIC) && types.some((t) => t !== 'float16')) {
    throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2013', 'ACLBLAS_COMPUTE_16F needs FLOAT16 A, B and C');
  }
}

interface GemmCall {
  readonly transA: number;
  readonly transB: number;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly alpha: number;
  readonly A: unknown;
  readonly lda: number;
  readonly B: unknown;
  readonly ldb: number;
  readonly beta: number;
  readonly C: unknown;
  readonly ldc: number;
  readonly types: readonly [DType, DType, DType];
}

/**
 * C = alpha * op(A) op(B) + beta * C on column-major views, as one Gemm. Inputs narrower than C
 * (FLOAT16 into FLOAT32) are widened first, which is exact, so the product runs in C's type.
 * The profile is the backend default: ops-blas documents no precision knob, and the compute
 * type is validated but not otherwise modelled.
 */
export function gemmViews(ctx: AclCallContext, g: GemmCall): { a: DeviceOperand; b: DeviceOperand; c: DeviceOperand; ta: boolean; tb: boolean } {
  requireDims({ m: g.m, n: g.n, k: g.k });
  const ta = transposes(g.transA, 'transA');
  const tb = transposes(g.transB, 'transB');
  const [Atype, Btype, Ctype] = g.types;
  const a = columnMajor(ctx.process, g.A, 'A', Atype, ta ? g.k : g.m, ta ? g.m : g.k, g.lda);
  const b = columnMajor(ctx.process, g.B, 'B', Btype, tb ? g.n : g.k, tb ? g.k : g.n, g.ldb);
  const c = columnMajor(ctx.process, g.C, 'C', Ctype, g.m, g.n, g.ldc);
  return { a, b, c, ta, tb };
}

export function runGemm(run: RunContext, v: { a: DeviceOperand; b: DeviceOperand; c: DeviceOperand; ta: boolean; tb: boolean }, alpha: number, beta: number, profile: NumericProfile, out?: DeviceOperand): void {
  const dtype = v.c.view.dtype;
  const widen = (o: DeviceOperand): DeviceOperand | ReturnType<typeof castTo> => (o.view.dtype === dtype ? o : castTo(run, o.view, dtype, profile));
  const [m, n] = v.c.view.shape;
  const k = v.ta ? v.a.view.shape[0] : v.a.view.shape[1];
  launch(run, {
    op: 'Gemm',
    inputs: [widen(v.a), widen(v.b), beta === 0 ? undefined : v.c],
    attributes: { alpha, beta, transA: v.ta ? 1 : 0, transB: v.tb ? 1 : 0 },
    outputs: [out ?? v.c],
    profile,
    reads: [v.a, v.b],
    flops: 2 * m * n * k,
  });
}

/** The element types of an Ex GEMM: A and B alike, and a combination computeType accepts. */
function exTypes(Atype: number, Btype: number, Ctype: number, computeType: number): readonly [DType, DType, DType] {
  const types = [dtypeOf(Atype), dtypeOf(Btype), dtypeOf(Ctype)] as const;
  if (types[0] !== types[1]) throw new DeviceFault('invalid-value', `Atype and Btype must match (${types[0]} vs ${types[1]})`);
  requireComputeType(computeType, types);
  return types;
}

export function aclblasGemmEx(
  handle: aclblasHandle_t,
  transA: aclblasOperation_t,
  transB: aclblasOperation_t,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: DevicePtr,
  Atype: aclDataType | number,
  lda: number,
  B: DevicePtr,
  Btype: aclDataType | number,
  ldb: number,
  beta: number,
  C: DevicePtr,
  Ctype: aclDataType | number,
  ldc: number,
  computeType: aclblasComputeType_t,
  algo: aclblasGemmAlgo_t,
): aclblasStatus_t {
  return blasCall('aclblasGemmEx', (ctx) => {
    const h = requireHandle(handle);
    requireDefaultAlgo(algo);
    const types = exTypes(Atype, Btype, Ctype, computeType);
    const views = gemmViews(ctx, { transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, types });
    runGemm(blasRun(ctx, h.stream, 'aclblasGemmEx'), views, alpha, beta, cannProfile());
  });
}

export function aclblasSgemmEx(
  handle: aclblasHandle_t,
  transA: aclblasOperation_t,
  transB: aclblasOperation_t,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: DevicePtr,
  lda: number,
  B: DevicePtr,
  ldb: number,
  beta: number,
  C: DevicePtr,
  ldc: number,
  algo: aclblasGemmAlgo_t,
): aclblasStatus_t {
  return blasCall('aclblasSgemmEx', (ctx) => {
    const h = requireHandle(handle);
    requireDefaultAlgo(algo);
    const views = gemmViews(ctx, { transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, types: ['float32', 'float32', 'float32'] });
    runGemm(blasRun(ctx, h.stream, 'aclblasSgemmEx'), views, alpha, beta, cannProfile());
  });
}

export function aclblasGemmStridedBatchedEx(
  handle: aclblasHandle_t,
  transa: aclblasOperation_t,
  transb: aclblasOperation_t,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: DevicePtr,
  Atype: aclDataType | number,
  lda: number,
  strideA: number,
  B: DevicePtr,
  Btype: aclDataType | number,
  ldb: number,
  strideB: number,
  beta: number,
  C: DevicePtr,
  Ctype: aclDataType | number,
  ldc: number,
  strideC: number,
  batchCount: number,
  computeType: aclblasComputeType_t,
  algo: aclblasGemmAlgo_t,
): aclblasStatus_t {
  return blasCall('aclblasGemmStridedBatchedEx', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ batchCount, strideA, strideB, strideC });
    requireDefaultAlgo(algo);
    const types = exTypes(Atype, Btype, Ctype, computeType);
    if (batchCount * m * n * 4 > h.workspaceBytes) {
      throw new AclStatusError(ACLBLAS_STATUS_ALLOC_FAILED, 'OB2013', `batchCount * m * n * 4 = ${batchCount * m * n * 4} bytes exceed the handle's ${h.workspaceBytes}-byte workspace (README)`);
    }
    const run = blasRun(ctx, h.stream, 'aclblasGemmStridedBatchedEx');
    const profile = cannProfile();
    for (let i = 0; i < batchCount; i++) {
      const element = (p: unknown, stride: number, dtype: DType, name: string): DevicePtr => requireDevicePtr(p, name).plus(i * stride * ITEM_SIZE[dtype]);
      const views = gemmViews(ctx, {
        transA: transa,
        transB: transb,
        m,
        n,
        k,
        alpha,
        A: element(A, strideA, types[0], 'A'),
        lda,
        B: element(B, strideB, types[1], 'B'),
        ldb,
        beta,
        C: element(C, strideC, types[2], 'C'),
        ldc,
        types,
      });
      runGemm(run, views, alpha, beta, profile);
    }
  });
}

export function aclblasSgemv(
  handle: aclblasHandle_t,
  trans: aclblasOperation_t,
  m: number,
  n: number,
  alpha: number,
  A: DevicePtr,
  lda: number,
  x: DevicePtr,
  incx: number,
  beta: number,
  y: DevicePtr,
  incy: number,
): aclblasStatus_t {
  return blasCall('aclblasSgemv', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ m, n });
    requireIncrement(incx, 'incx');
    requireIncrement(incy, 'incy');
    const t = transposes(trans, 'trans');
    const a = columnMajor(ctx.process, A, 'A', 'float32', m, n, lda);
    const xs = strided(ctx.process, x, 'x', 'float32', [t ? m : n, 1], [incx, incx]);
    const ys = strided(ctx.process, y, 'y', 'float32', [t ? n : m, 1], [incy, incy]);
    runGemm(blasRun(ctx, h.stream, 'aclblasSgemv'), { a, b: xs, c: ys, ta: t, tb: false }, alpha, beta, cannProfile());
  });
}

export function aclblasSaxpy(handle: aclblasHandle_t, n: number, alpha: number, x: DevicePtr, incx: number, y: DevicePtr, incy: number): aclblasStatus_t {
  return blasCall('aclblasSaxpy', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ n });
    requireIncrement(incx, 'incx');
    requireIncrement(incy, 'incy');
    if (n === 0) return;
    const run = blasRun(ctx, h.stream, 'aclblasSaxpy');
    const profile = cannProfile();
    const xs = strided(ctx.process, x, 'x', 'float32', [n], [incx]);
    const ys = strided(ctx.process, y, 'y', 'float32', [n], [incy]);
    const scaled = launch(run, { op: 'Mul', inputs: [xs, constant(alpha, 'float32')], outputs: [undefined], profile }).results[0];
    launch(run, { op: 'Add', inputs: [scaled, ys], outputs: [ys], profile });
  });
}

function requireUnitIncrement(inc: number, name: string): void {
  if (inc !== 1) throw new AclStatusError(ACLBLAS_STATUS_NOT_SUPPORTED, 'OB2014', `${name} = ${inc}: only 1 is supported (README)`);
}

/** The dot product as a 1-D by 1-D MatMul, written to device memory. */
export function aclblasSdot(handle: aclblasHandle_t, n: number, x: DevicePtr, incx: number, y: DevicePtr, incy: number, result: DevicePtr): aclblasStatus_t {
  return blasCall('aclblasSdot', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ n });
    requireUnitIncrement(incx, 'incx');
    requireUnitIncrement(incy, 'incy');
    const run = blasRun(ctx, h.stream, 'aclblasSdot');
    const out = strided(ctx.process, result, 'result', 'float32', [], []);
    launch(run, { op: 'MatMul', inputs: [strided(ctx.process, x, 'x', 'float32', [n], [1]), strided(ctx.process, y, 'y', 'float32', [n], [1])], outputs: [out], profile: cannProfile(), flops: 2 * n });
  });
}

/** On Atlas A2/A3 the README says incx is ignored (treated as 1) and not validated. */
export function aclblasSscal(handle: aclblasHandle_t, n: number, alpha: number, x: DevicePtr, incx: number): aclblasStatus_t {
  return blasCall('aclblasSscal', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ n });
    if (n === 0) return;
    if (incx !== 1) {
      ctx.process.diagnostics.add({
        id: 'OB2014',
        severity: 'warning',
        message: `incx = ${incx} is ignored on Atlas A2/A3 (ops-blas README): the first ${n} contiguous elements were scaled, not every ${incx}th`,
        backend: ctx.backend,
        symbol: ctx.symbol,
        site: ctx.site,
        rank: ctx.process.rank,
      });
    }
    const xs = strided(ctx.process, x, 'x', 'float32', [n], [1]);
    launch(blasRun(ctx, h.stream, 'aclblasSscal'), { op: 'Mul', inputs: [xs, constant(alpha, 'float32')], outputs: [xs], profile: cannProfile() });
  });
}

export function aclblasSnrm2(handle: aclblasHandle_t, n: number, x: DevicePtr, incx: number, result: DevicePtr): aclblasStatus_t {
  return blasCall('aclblasSnrm2', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ n });
    requireUnitIncrement(incx, 'incx');
    const run = blasRun(ctx, h.stream, 'aclblasSnrm2');
    const profile = cannProfile();
    const xs = strided(ctx.process, x, 'x', 'float32', [n], [1]);
    const squares = launch(run, { op: 'Mul', inputs: [xs, xs], outputs: [undefined], profile }).results[0];
    const sum = launch(run, { op: 'ReduceSum', inputs: [squares, int64s([0])], attributes: { keepdims: 0 }, outputs: [undefined], profile }).results[0];
    launch(run, { op: 'Sqrt', inputs: [sum], outputs: [strided(ctx.process, result, 'result', 'float32', [], [])], profile });
  });
}

export function aclblasSasum(handle: aclblasHandle_t, n: number, x: DevicePtr, incx: number, result: DevicePtr): aclblasStatus_t {
  return blasCall('aclblasSasum', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ n });
    requireIncrement(incx, 'incx');
    const run = blasRun(ctx, h.stream, 'aclblasSasum');
    const profile = cannProfile();
    const abs = launch(run, { op: 'Abs', inputs: [strided(ctx.process, x, 'x', 'float32', [n], [incx])], outputs: [undefined], profile }).results[0];
    launch(run, { op: 'ReduceSum', inputs: [abs, int64s([0])], attributes: { keepdims: 0 }, outputs: [strided(ctx.process, result, 'result', 'float32', [], [])], profile });
  });
}

/** 1-based index of the first largest |x| (BLAS), written as an int to device memory; 0 when n is 0. */
export function aclblasIsamax(handle: aclblasHandle_t, n: number, x: DevicePtr, incx: number, result: DevicePtr): aclblasStatus_t {
  return blasCall('aclblasIsamax', (ctx) => {
    const h = requireHandle(handle);
    requireDims({ n });
    requireIncrement(incx, 'incx');
    const run = blasRun(ctx, h.stream, 'aclblasIsamax');
    const profile = cannProfile();
    const out = strided(ctx.process, result, 'result', 'int32', [], []);
    if (n === 0) {
      launch(run, { op: 'Cast', inputs: [constant(0, 'int64')], attributes: { to: 'int32' }, outputs: [out], profile });
      return;
    }
    const abs = launch(run, { op: 'Abs', inputs: [strided(ctx.process, x, 'x', 'float32', [n], [incx])], outputs: [undefined], profile }).results[0];
    const index = launch(run, { op: 'ArgMax', inputs: [abs], attributes: { axis: 0, keepdims: 0 }, outputs: [undefined], profile }).results[0];
    launch(run, { op: 'Add', inputs: [index, constant(1, 'int64')], outputs: [out], profile });
  });
}
