/**
 * One BLAS GEMM, D = alpha·op(A)·op(B) + beta·C, run as the canonical Gemm on views of
 * device memory: A, B, C and D keep their stored layout (column- or row-major with their
 * leading dimension) and the transposes become Gemm's transA / transB, so nothing is copied.
 * cuBLAS GEMMs and cublasLtMatmul share it. With beta = 0 C is not passed at all, so NaN or
 * Inf in C cannot propagate ("if beta == 0, C does not have to be a valid input").
 */
import type { DType } from '../../runtime/dtype.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import type { Tensor } from '../../runtime/tensor.js';
import type { CallContext } from '../sim/facade-call.js';
import { launchOp, type OpResult } from '../sim/launch-op.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { matrixOperand, type MatrixSpec } from './matrix-views.js';

export interface GemmLaunch {
  readonly a: MatrixSpec;
  readonly b: MatrixSpec;
  /** Read only when beta != 0. */
  readonly c: MatrixSpec;
  readonly d: MatrixSpec;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly alpha: number;
  readonly beta: number;
  /**
   * The element type of D, which the operator computes in: narrower A / B / C (fp16 into
   * fp32, int8 into int32) are widened exactly as the kernel loads them.
   */
  readonly computeDType: DType;
  readonly profile: NumericProfile;
  readonly stream: SimStream;
  readonly k: number;
}

/** Exact widening (every caller passes a wider or equal target). */
function widen(t: Tensor | undefined, dtype: DType): Tensor | undefined {
  return t && t.dtype !== dtype ? runOp('Cast', [t], { to: dtype })[0] : t;
}

export function launchGemm(ctx: CallContext, g: GemmLaunch): OpResult {
  const { process } = ctx;
  if (g.d.dtype !== g.computeDType) throw new Error(`launchGemm: D is ${g.d.dtype} but the compute dtype is ${g.computeDType}`);
  const a = matrixOperand(process, g.a);
  const b = matrixOperand(process, g.b);
  const useC = g.beta !== 0;
  const c = useC ? matrixOperand(process, g.c) : undefined;
  const d = matrixOperand(process, g.d);
  const mixed = g.a.dtype !== g.computeDType || g.b.dtype !== g.computeDType || (useC && g.c.dtype !== g.computeDType);
  return launchOp(process, {
    backend: ctx.backend,
    symbol: ctx.symbol,
    op: 'Gemm',
    inputs: c ? [a, b, c] : [a, b],
    attributes: { alpha: g.alpha, beta: g.beta, transA: g.transA ? 1 : 0, transB: g.transB ? 1 : 0 },
    profile: g.profile,
    stream: g.stream,
    outputs: [d],
    prepare: mixed ? (inputs) => inputs.map((t) => widen(t, g.computeDType)) : undefined,
    flops: 2 * g.d.rows * g.d.cols * g.k,
    site: ctx.site,
  });
}
