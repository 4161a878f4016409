/**
 * Preparing the operands of a matrix unit: rounding to TF32 / HF32 / fp16 / bf16, or
 * Kunlun XDNN-style max-abs quantisation to int16 / int31, before the products are summed.
 */
import { BF16, FP16, FP32, HF32, TF32, roundToFormat, type FloatFormat, type RoundingMode } from './float-format.js';
import type { MatrixFormat } from './numeric-profile.js';

export interface PreparedOperand {
  /** Operand values as the matrix unit sees them (integers for quantised formats). */
  readonly values: Float64Array;
  /** Multiply products by this to return to real units (1 unless quantised). */
  readonly scale: number;
}

const FLOAT_FORMATS: Partial<Record<MatrixFormat, FloatFormat>> = {
  fp32: FP32,
  tf32: TF32,
  hf32: HF32,
  fp16: FP16,
  bf16: BF16,
};

/** Largest quantised magnitude for the integer formats. */
export const QUANT_LEVELS: Readonly<Record<'int16' | 'int31', number>> = {
  int16: 32767,
  int31: 2 ** 31 - 1,
};

/**
 * Rounds or quantises `values` (not modified) for `format`. Quantisation uses one
 * per-tensor scale from the largest finite magnitude, `q = round(x / absmax * levels)`
 * with ties to even; non-finite values pass through so NaN and Inf still propagate.
 */
export function prepareOperand(values: Float64Array, format: MatrixFormat, rounding: RoundingMode): PreparedOperand {
  if (format === 'fp64') return { values, scale: 1 };
  const floatFormat = FLOAT_FORMATS[format];
  if (floatFormat) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = roundToFormat(values[i], floatFormat, rounding);
    return { values: out, scale: 1 };
  }
  const levels = QUANT_LEVELS[format as 'int16' | 'int31'];
  let absMax = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > absMax && a !== Infinity) absMax = a;
  }
  const out = new Float64Array(values.length);
  if (absMax === 0) {
    out.set(values);
    return { values: out, scale: 1 };
  }
  const factor = levels / absMax;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? roundHalfEven(v * factor) : v;
  }
  return { values: out, scale: absMax / levels };
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds half up; move exact .5 ties on odd results back to even.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
