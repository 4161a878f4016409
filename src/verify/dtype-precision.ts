/**
 * Which of two dtypes is the coarser, for comparing a tensor the port stores in one dtype
 * with a reference stored in another: tolerances and ULPs are taken in the coarser one.
 */
import { isFloatDType, type DType } from '../runtime/dtype.js';

/** Larger = coarser. bfloat16 (8 significant bits) is coarser than float16 (11). */
const FLOAT_COARSENESS: Readonly<Record<string, number>> = { float64: 0, float32: 1, float16: 2, bfloat16: 3 };

export function coarserDType(a: DType, b: DType): DType {
  if (a === b) return a;
  const fa = isFloatDType(a);
  const fb = isFloatDType(b);
  // A float against an integer: the float's tolerance applies (integers are exact).
  if (fa !== fb) return fa ? a : b;
  if (!fa) return a;
  return FLOAT_COARSENESS[a] >= FLOAT_COARSENESS[b] ? a : b;
}
