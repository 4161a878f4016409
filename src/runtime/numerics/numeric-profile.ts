/**
 * The numeric behaviour a kernel runs under. Profiles are catalog data (`profiles/*.yaml`,
 * each with its source); this is their resolved, runtime form.
 */
import type { RoundingMode } from './float-format.js';

/**
 * How the matrix unit sees its operands: exact float64 (golden), IEEE fp32, the reduced
 * mantissas TF32 / HF32, fp16 / bf16, or Kunlun XDNN's per-tensor max-abs quantisation to
 * int16 or int31.
 */
export type MatrixFormat = 'fp64' | 'fp32' | 'tf32' | 'hf32' | 'fp16' | 'bf16' | 'int16' | 'int31';
export const MATRIX_FORMATS: readonly MatrixFormat[] = ['fp64', 'fp32', 'tf32', 'hf32', 'fp16', 'bf16', 'int16', 'int31'];

/** The dtype a running sum is kept in (rounded after every addition). */
export type AccumulateDType = 'float64' | 'float32' | 'float16' | 'bfloat16';
export const ACCUMULATE_DTYPES: readonly AccumulateDType[] = ['float64', 'float32', 'float16', 'bfloat16'];

/** Summation order: left to right; a balanced binary tree; or blocks summed then combined. */
export type ReductionOrder = 'sequential' | 'pairwise' | 'blocked';
export const REDUCTION_ORDERS: readonly ReductionOrder[] = ['sequential', 'pairwise', 'blocked'];

export interface MatrixUnitNumerics {
  readonly format: MatrixFormat;
  /** How float inputs are rounded into a narrower float format. */
  readonly rounding: RoundingMode;
  readonly accumulate: AccumulateDType;
  /** When set, K is split into blocks of this size whose partial sums are then added (split-K). */
  readonly splitK?: number;
}

export interface ReductionNumerics {
  readonly accumulate: AccumulateDType;
  readonly order: ReductionOrder;
  /** Block (leaf) size for `blocked` and `pairwise` orders. */
  readonly blockSize?: number;
}

export type GeluVariant = 'as-requested' | 'erf' | 'tanh';
export type SoftmaxVariant = 'max-subtract' | 'no-max-subtract';
/**
 * How fp16 / bf16 elementwise math is done: in float64 and rounded once (golden), upcast to
 * float32 and rounded back (what CUDA-style half kernels do), or rounded after every step.
 */
export type HalfCompute = 'float64' | 'float32' | 'native';

export interface NumericProfile {
  readonly id: string;
  /** MatMul, Gemm and the matrix products inside Attention. */
  readonly matmul: MatrixUnitNumerics;
  /** Conv. */
  readonly conv: MatrixUnitNumerics;
  /** Reductions, normalisation statistics, softmax sums, pooling averages, collectives. */
  readonly reduce: ReductionNumerics;
  readonly halfCompute: HalfCompute;
  /** Subnormal float inputs and outputs become zero of the same sign (FTZ + DAZ). */
  readonly flushToZero: boolean;
  /** A vendor op that computes GELU one way whatever the caller asks for. */
  readonly gelu: GeluVariant;
  readonly softmax: SoftmaxVariant;
}

/** Golden reference: float64 everywhere, rounded once into each output's dtype. */
export const GOLDEN_PROFILE: NumericProfile = Object.freeze<NumericProfile>({
  id: 'golden',
  matmul: { format: 'fp64', rounding: 'nearest-even', accumulate: 'float64' },
  conv: { format: 'fp64', rounding: 'nearest-even', accumulate: 'float64' },
  reduce: { accumulate: 'float64', order: 'sequential' },
  halfCompute: 'float64',
  flushToZero: false,
  gelu: 'as-requested',
  softmax: 'max-subtract',
});

/**
 * Plain IEEE arithmetic in the tensors' own precision: fp32 operands, float32 running sums
 * left to right, half types computed in float32. The default when no profile is given.
 */
export const IEEE_PROFILE: NumericProfile = Object.freeze<NumericProfile>({
  id: 'ieee',
  matmul: { format: 'fp32', rounding: 'nearest-even', accumulate: 'float32' },
  conv: { format: 'fp32', rounding: 'nearest-even', accumulate: 'float32' },
  reduce: { accumulate: 'float32', order: 'sequential' },
  halfCompute: 'float32',
  flushToZero: false,
  gelu: 'as-requested',
  softmax: 'max-subtract',
});

/** A profile with some fields replaced (knobs such as cublasSetMathMode apply this way). */
export function withOverrides(base: NumericProfile, overrides: NumericProfileOverrides, id = base.id): NumericProfile {
  return Object.freeze({
    ...base,
    ...overrides,
    id,
    matmul: { ...base.matmul, ...overrides.matmul },
    conv: { ...base.conv, ...overrides.conv },
    reduce: { ...base.reduce, ...overrides.reduce },
  });
}

export interface NumericProfileOverrides {
  readonly matmul?: Partial<MatrixUnitNumerics>;
  readonly conv?: Partial<MatrixUnitNumerics>;
  readonly reduce?: Partial<ReductionNumerics>;
  readonly halfCompute?: HalfCompute;
  readonly flushToZero?: boolean;
  readonly gelu?: GeluVariant;
  readonly softmax?: SoftmaxVariant;
}
