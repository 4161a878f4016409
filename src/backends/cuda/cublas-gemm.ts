/**
 * cuBLAS GEMMs (cublasSgemm / Dgemm / Hgemm / GemmEx and their strided-batched forms):
 * column-major C = alpha·op(A)·op(B) + beta·C mapped onto the canonical Gemm through
 * views of device memory (gemm-launch.ts). Arguments are checked as the cuBLAS docs list
 * for cublas<t>gemm: m, n, k >= 0, transa / transb in {N, T, C}, lda >= max(1, rows of A
 * as stored), ldb likewise, ldc >= max(1, m), alpha / beta not NULL.
 */
import type { DType } from '../../runtime/dtype.js';
import { type KnobSetting } from '../sim/call-profile.js';

import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import {
  CUBLAS_COMPUTE_16F,
  CUBLAS_COMPUTE_16F_PEDANTIC,
  CUBLAS_COMPUTE_32F,
  CUBLAS_COMPUTE_32F_FAST_16BF,
  CUBLAS_COMPUTE_32F_FAST_16F,
  CUBLAS_COMPUTE_32F_FAST_TF32,
  CUBLAS_COMPUTE_32F_PEDANTIC,
  CUBLAS_COMPUTE_32I,
  CUBLAS_COMPUTE_32I_PEDANTIC,
  CUBLAS_COMPUTE_64F,
  CUBLAS_COMPUTE_64F_PEDANTIC,
  CUBLAS_OP_C,
  CUBLAS_OP_N,
  CUBLAS_OP_T,
  CUBLAS_STATUS_INVALID_VALUE,
  CUBLAS_STATUS_NOT_SUPPORTED,
  type cublasComputeType_t,
  type cublasGemmAlgo_t,
  type cublasOperation_t,
  type cublasStatus_t,
  type cudaDataType_t,
} from './constants.generated.js';
import { cublasCall, cublasLaunchStream, mathModeSettings, rejectCublas, requireCublasHandle, type cublasHandle_t } from './cublas-handle.js';
import { cudaTypeName, dtypeOfCudaType } from './data-types.js';
import { isEnumMember, statusName } from './enum-names.js';
import { launchGemm } from './gemm-launch.js';
import { readHostScalar, type ScaleType } from './host-scalars.js';
import { offsetElements } from './matrix-views.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile } from './backend-binding.js';

/** `typedef enum cudaDataType_t cudaDataType` (library_types.h). */
export type cudaDataType = cudaDataType_t;

/** Whether op() transposes; CUBLAS_OP_C is the transpose for real types. */
export function isTransposed(op: unknown, what: string): boolean {
  if (op === CUBLAS_OP_N) return false;
  if (op === CUBLAS_OP_T || op === CUBLAS_OP_C) return true;
  throw new DeviceFault('invalid-value', `${what} ${String(op)} is not CUBLAS_OP_N, CUBLAS_OP_T or CUBLAS_OP_C`);
}

function requireDim(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new DeviceFault('invalid-value', `${what} must be an integer >= 0, got ${String(value)}`);
  return value;
}

function requireLeading(ld: unknown, rows: number, what: string, rule: string): number {
  if (typeof ld !== 'number' || !Number.isInteger(ld) || ld < Math.max(1, rows)) {
    throw new DeviceFault('invalid-value', `${what} = ${String(ld)} is less than max(1, ${rule}) = ${Math.max(1, rows)}: a column-major leading dimension is at least the stored row count`);
  }
  return ld;
}

interface BlasGemm {
  readonly handle: unknown;
  readonly transa: unknown;
  readonly transb: unknown;
  readonly m: unknown;
  readonly n: unknown;
  readonly k: unknown;
  readonly alpha: unknown;
  readonly A: unknown;
  readonly lda: unknown;
  readonly B: unknown;
  readonly ldb: unknown;
  readonly beta: unknown;
  readonly C: unknown;
  readonly ldc: unknown;
  readonly aType: DType;
  readonly bType: DType;
  readonly cType: DType;
  readonly scale: ScaleType;
  readonly batch?: { readonly count: unknown; readonly strideA: unknown; readonly strideB: unknown; readonly strideC: unknown };
  /** Knobs of this call beyond the handle's math mode (cublasGemmEx computeType). */
  readonly knobs: readonly KnobSetting[];
  /** Whether the handle's math mode applies (single-precision and Ex GEMMs; not Dgemm / Hgemm). */
  readonly mathMode: boolean;
}

function requireStride(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new DeviceFault('invalid-value', `${what} must be an integer element count, got ${String(value)}`);
  return value;
}

function blasGemm(ctx: CallContext, g: BlasGemm): number | void {
  const handle = requireCublasHandle(g.handle);
  const transA = isTransposed(g.transa, 'transa');
  const transB = isTransposed(g.transb, 'transb');
  const m = requireDim(g.m, 'm');
  const n = requireDim(g.n, 'n');
  const k = requireDim(g.k, 'k');
  const [rowsA, colsA] = transA ? [k, m] : [m, k];
  const [rowsB, colsB] = transB ? [n, k] : [k, n];
  const lda = requireLeading(g.lda, rowsA, 'lda', transA ? 'k' : 'm');
  const ldb = requireLeading(g.ldb, rowsB, 'ldb', transB ? 'n' : 'k');
  const ldc = requireLeading(g.ldc, m, 'ldc', 'm');
  const alpha = readHostScalar(g.alpha, 'alpha', g.scale);
  const beta = readHostScalar(g.beta, 'beta', g.scale);
  const batchCount = g.batch ? requireDim(g.batch.count, 'batchCount') : 1;
  const strides = g.batch
    ? [requireStride(g.batch.strideA, 'strideA'), requireStride(g.batch.strideB, 'strideB'), requireStride(g.batch.strideC, 'strideC')]
    : [0, 0, 0];
  if (m === 0 || n === 0 || batchCount === 0) return; // quick return, as BLAS does: nothing is read or written
  const stream = cublasLaunchStream(ctx, handle.stream, 'the handle stream');
  if (typeof stream === 'number') return stream;
  const A = requireDevicePtr(g.A, 'A');
  const B = requireDevicePtr(g.B, 'B');
  const C = requireDevicePtr(g.C, 'C');
  const profile = boundEntryProfile(ctx.symbol, [...(g.mathMode ? mathModeSettings(handle) : []), ...g.knobs]);
  asDeviceWork(ctx, () => {
    for (let i = 0; i < batchCount; i++) {
      const cSpec = { what: 'C', ptr: offsetElements(C, g.cType, i * strides[2]), dtype: g.cType, rows: m, cols: n, ld: ldc, order: 'column' } as const;
      launchGemm(ctx, {
        a: { what: 'A', ptr: offsetElements(A, g.aType, i * strides[0]), dtype: g.aType, rows: rowsA, cols: colsA, ld: lda, order: 'column' },
        b: { what: 'B', ptr: offsetElements(B, g.bType, i * strides[1]), dtype: g.bType, rows: rowsB, cols: colsB, ld: ldb, order: 'column' },
        c: cSpec,
        d: cSpec,
        transA,
        transB,
        alpha,
        beta,
        k,
        computeDType: g.cType,
        profile,
        stream,
      });
    }
  });
}

/**
 * A GEMM with one element type for A, B, C and the scalars (cublas<t>gemm): the vendor's
 * parameter list, run by blasGemm. `mathMode` says whether the handle's math mode applies.
 */
function typedGemm<Scalar>(symbol: string, dtype: 'float32' | 'float64' | 'float16', mathMode: boolean) {
  return (
    handle: cublasHandle_t,
    transa: cublasOperation_t,
    transb: cublasOperation_t,
    m: number,
    n: number,
    k: number,
    alpha: Scalar,
    A: unknown,
    lda: number,
    B: unknown,
    ldb: number,
    beta: Scalar,
    C: unknown,
    ldc: number,
  ): cublasStatus_t =>
    cublasCall(symbol, (ctx) =>
      blasGemm(ctx, { handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, aType: dtype, bType: dtype, cType: dtype, scale: dtype, knobs: [], mathMode }),
    );
}

export const cublasSgemm = typedGemm<number>('cublasSgemm', 'float32', true);

export const cublasDgemm = typedGemm<number>('cublasDgemm', 'float64', false);

/**
 * Half-precision GEMM with __half alpha / beta (read as fp16 values). Runs under the catalog's
 * cuda.cublas-16f profile (fp16 products and accumulation; inferred there from the __half
 * scalars); the handle's math mode is not applied, as it addresses single-precision routines.
 */
export const cublasHgemm = typedGemm<number | Uint16Array>('cublasHgemm', 'float16', false);

/**
 * The (A/B type, C type) pairs cuBLAS accepts for each compute type, and the type alpha and
 * beta are read as. This follows the cuBLAS docs' cublasGemmEx table for real types as far as
 * opbridge's runtime has the dtypes; the table itself was not read in a pinned source
 * (unconfirmed, docs/backends/cuda.md). Atype must equal Btype.
 */
interface ComputeTypeRule {
  readonly scale: ScaleType;
  readonly pairs: readonly (readonly [DType, DType])[];
}

const FLOAT_32F_PAIRS = [
  ['float32', 'float32'],
  ['float16', 'float16'],
  ['bfloat16', 'bfloat16'],
  ['float16', 'float32'],
  ['bfloat16', 'float32'],
  ['int8', 'float32'],
] as const;

const COMPUTE_TYPE_RULES: ReadonlyMap<number, ComputeTypeRule> = new Map<number, ComputeTypeRule>([
  [CUBLAS_COMPUTE_16F, { scale: 'float16', pairs: [['float16', 'float16']] }],
  [CUBLAS_COMPUTE_16F_PEDANTIC, { scale: 'float16', pairs: [['float16', 'float16']] }],
  [CUBLAS_COMPUTE_32F, { scale: 'float32', pairs: FLOAT_32F_PAIRS }],
  [CUBLAS_COMPUTE_32F_PEDANTIC, { scale: 'float32', pairs: FLOAT_32F_PAIRS }],
  [CUBLAS_COMPUTE_32F_FAST_16F, { scale: 'float32', pairs: [['float32', 'float32']] }],
  [CUBLAS_COMPUTE_32F_FAST_16BF, { scale: 'float32', pairs: [['float32', 'float32']] }],
  [CUBLAS_COMPUTE_32F_FAST_TF32, { scale: 'float32', pairs: [['float32', 'float32']] }],
  [CUBLAS_COMPUTE_64F, { scale: 'float64', pairs: [['float64', 'float64']] }],
  [CUBLAS_COMPUTE_64F_PEDANTIC, { scale: 'float64', pairs: [['float64', 'float64']] }],
  [CUBLAS_COMPUTE_32I, { scale: 'int32', pairs: [['int8', 'int32']] }],
  [CUBLAS_COMPUTE_32I_PEDANTIC, { scale: 'int32', pairs: [['int8', 'int32']] }],
]);

/** The element types and scale type of an Ex call, or the status that rejects them. */
export function resolveExTypes(
  ctx: CallContext,
  Atype: unknown,
  Btype: unknown,
  Ctype: unknown,
  computeType: unknown,
): { a: DType; b: DType; c: DType; scale: ScaleType } | number {
  if (!isEnumMember('cublasComputeType_t', computeType)) {
    return rejectCublas(ctx, CUBLAS_STATUS_INVALID_VALUE, `computeType ${String(computeType)} is not a cublasComputeType_t`);
  }
  const rule = COMPUTE_TYPE_RULES.get(computeType);
  if (!rule) {
    return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `${statusName('cublasComputeType_t', computeType)} is not simulated (its emulation numerics are not documented in the sources read)`, 'OB2014');
  }
  const a = dtypeOfCudaType(Atype);
  const b = dtypeOfCudaType(Btype);
  const c = dtypeOfCudaType(Ctype);
  const supported = a !== undefined && a === b && rule.pairs.some(([ab, cc]) => ab === a && cc === c);
  if (!supported || !c) {
    return rejectCublas(
      ctx,
      CUBLAS_STATUS_NOT_SUPPORTED,
      `Atype ${cudaTypeName(Atype)}, Btype ${cudaTypeName(Btype)}, Ctype ${cudaTypeName(Ctype)} is not a supported combination for ${statusName('cublasComputeType_t', computeType)} ` +
        `(supported A/B → C: ${rule.pairs.map(([x, y]) => `${x} → ${y}`).join(', ')})`,
    );
  }
  return { a, b: a, c, scale: rule.scale };
}

function requireAlgo(ctx: CallContext, algo: unknown): number | undefined {
  // Algorithm hints choose kernels, not numerics: every member runs the same simulated GEMM.
  if (!isEnumMember('cublasGemmAlgo_t', algo)) return rejectCublas(ctx, CUBLAS_STATUS_INVALID_VALUE, `algo ${String(algo)} is not a cublasGemmAlgo_t`);
  return undefined;
}

interface ExTypes {
  readonly Atype: unknown;
  readonly Btype: unknown;
  readonly Ctype: unknown;
  readonly computeType: unknown;
  readonly algo: unknown;
}

/**
 * cublasGemmEx and its strided batch: element and scale types from the compute type, the
 * algorithm checked, and the compute type applied as the entry's knob.
 */
function exGemm(ctx: CallContext, g: Omit<BlasGemm, 'aType' | 'bType' | 'cType' | 'scale' | 'knobs' | 'mathMode'>, ex: ExTypes): number | void {
  requireCublasHandle(g.handle);
  const types = resolveExTypes(ctx, ex.Atype, ex.Btype, ex.Ctype, ex.computeType);
  if (typeof types === 'number') return types;
  const bad = requireAlgo(ctx, ex.algo);
  if (bad !== undefined) return bad;
  return blasGemm(ctx, {
    ...g,
    aType: types.a,
    bType: types.b,
    cType: types.c,
    scale: types.scale,
    knobs: [{ symbol: ctx.symbol, param: 'computeType', value: ex.computeType as number }],
    mathMode: true,
  });
}

/**
 * Mixed-precision GEMM: element types per operand, products and accumulation per
 * computeType (the catalog knob cublasGemmEx.computeType, applied after the handle's math
 * mode, so the compute type decides). alpha and beta are read as the compute type's scale
 * type (half for 16F, float for 32F, double for 64F, int for 32I).
 */
export function cublasGemmEx(
  handle: cublasHandle_t,
  transa: cublasOperation_t,
  transb: cublasOperation_t,
  m: number,
  n: number,
  k: number,
  alpha: unknown,
  A: unknown,
  Atype: cudaDataType,
  lda: number,
  B: unknown,
  Btype: cudaDataType,
  ldb: number,
  beta: unknown,
  C: unknown,
  Ctype: cudaDataType,
  ldc: number,
  computeType: cublasComputeType_t,
  algo: cublasGemmAlgo_t,
): cublasStatus_t {
  return cublasCall('cublasGemmEx', (ctx) =>
    exGemm(ctx, { handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc }, { Atype, Btype, Ctype, computeType, algo }),
  );
}

/**
 * batchCount independent cublasSgemm calls on A + i·strideA, B + i·strideB, C + i·strideC
 * (element strides; 0 reuses one matrix for the whole batch), each run as one Gemm.
 */
export function cublasSgemmStridedBatched(
  handle: cublasHandle_t,
  transa: cublasOperation_t,
  transb: cublasOperation_t,
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: unknown,
  lda: number,
  strideA: number,
  B: unknown,
  ldb: number,
  strideB: number,
  beta: number,
  C: unknown,
  ldc: number,
  strideC: number,
  batchCount: number,
): cublasStatus_t {
  return cublasCall('cublasSgemmStridedBatched', (ctx) =>
    blasGemm(ctx, {
      handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc,
      aType: 'float32', bType: 'float32', cType: 'float32', scale: 'float32',
      batch: { count: batchCount, strideA, strideB, strideC },
      knobs: [],
      mathMode: true,
    }),
  );
}

/** Strided batch of cublasGemmEx (attention's Q·Kᵀ and P·V). */
export function cublasGemmStridedBatchedEx(
  handle: cublasHandle_t,
  transa: cublasOperation_t,
  transb: cublasOperation_t,
  m: number,
  n: number,
  k: number,
  alpha: unknown,
  A: unknown,
  Atype: cudaDataType,
  lda: number,
  strideA: number,
  B: unknown,
  Btype: cudaDataType,
  ldb: number,
  strideB: number,
  beta: unknown,
  C: unknown,
  Ctype: cudaDataType,
  ldc: number,
  strideC: number,
  batchCount: number,
  computeType: cublasComputeType_t,
  algo: cublasGemmAlgo_t,
): cublasStatus_t {
  return cublasCall('cublasGemmStridedBatchedEx', (ctx) =>
    exGemm(
      ctx,
      { handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc, batch: { count: batchCount, strideA, strideB, strideC } },
      { Atype, Btype, Ctype, computeType, algo },
    ),
  );
}

export const cublasSgemm_v2 = cublasSgemm;
export const cublasDgemm_v2 = cublasDgemm;
