/**
 * How far a target's documented numerics may move one operator's result from the float64
 * reference: the widening added to the strict tolerance for the "warn" band. Derived from the
 * numeric profile the call ran under (docs/verify.md lists every formula):
 *
 * - matrix unit (MatMul, Gemm, Conv): operands rounded to the profile's format (unit roundoff
 *   u_f, 0 when the format holds the dtype exactly) and K-term sums in the accumulation dtype
 *   (u_acc) give |Δy| ≤ (2u_f + u_f² + γ_K(u_acc)) · (|A|·|B|) element by element, where
 *   γ_n(u) = n·u / (1 − n·u) and |A|·|B| is the same operator applied to absolute values;
 *   int16 / int31 quantisation adds K·(s_A·max|B| + s_B·max|A| + s_A·s_B/2)/2 with the
 *   quantisation steps s = max|X| / levels;
 * - Attention: score error δ from the QKᵀ product moves the softmax by at most e^{2δ} − 1 in
 *   L1, and the PV product adds its own matrix-unit error, all times max|V|;
 * - sums (ReduceSum, ReduceMean, pooling averages, CumSum, AllReduce, ReduceScatter):
 *   γ_N(u_red) · (the same operator on |X|);
 * - Softmax / LogSoftmax: γ_N(u_red) relative / absolute; normalisations: 3·γ_N(u_red)
 *   (first-order estimate, see docs);
 * - flush-to-zero: atol ≥ the dtype's smallest normal (plus the flushed operands' share in
 *   matrix products); native half compute: 8 roundings of the half dtype; a vendor GELU that
 *   ignores the requested approximation: the largest gap between the erf and tanh forms.
 */
import { isFloatDType, type DType } from '../runtime/dtype.js';
import { BF16, FP16, FP32, HF32, TF32, minNormal, pow2, type FloatFormat, type RoundingMode } from '../runtime/numerics/float-format.js';
import { QUANT_LEVELS } from '../runtime/numerics/matrix-operands.js';
import type { AccumulateDType, MatrixFormat, MatrixUnitNumerics, NumericProfile } from '../runtime/numerics/numeric-profile.js';
import type { RawAttributes } from '../runtime/kernel.js';
import { runOp } from '../runtime/run-op.js';
import { Tensor } from '../runtime/tensor.js';
import { shapeSize } from '../runtime/shape.js';

export interface MagnitudeBound {
  /** Bound = coefficient × values[i], element by element. */
  readonly coefficient: number;
  readonly values: Float64Array;
  /** What `values` is, for reports: "Σ|a||b|". */
  readonly basis: string;
}

export interface Widening {
  readonly profile: string;
  /** Added to the strict rtol. */
  readonly rtol: number;
  /** Added to the strict atol. */
  readonly atol: number;
  readonly magnitude?: MagnitudeBound;
  /** One line per effect taken into account, for reports. */
  readonly reasons: readonly string[];
}

/** What the widening of one call needs: its operator, attributes, inputs and reference output. */
export interface WideningCall {
  readonly op: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Inputs as traced (may be empty when the trace level or the facade did not record them). */
  readonly inputs: readonly (Tensor | undefined)[];
  /** The reference value of the output being checked (its dtype is the output's dtype). */
  readonly reference: Tensor;
}

/**
 * Largest |GELU_tanh(x) − GELU_erf(x)| over all x: 4.7324e-4 at |x| ≈ 2.699, found by a 1e-5
 * grid search over [-10, 10] in float64 (beyond that the two agree to < 1e-20); rounded up.
 * test/verify/profile-widening.test.ts re-derives it.
 */
export const GELU_APPROXIMATION_GAP = 4.74e-4;

const MATRIX_FORMATS: Partial<Record<MatrixFormat, FloatFormat>> = { fp32: FP32, tf32: TF32, hf32: HF32, fp16: FP16, bf16: BF16 };
const DTYPE_FORMATS: Partial<Record<DType, FloatFormat>> = { float32: FP32, float16: FP16, bfloat16: BF16 };
const DTYPE_MANTISSA: Partial<Record<DType, number>> = { float64: 52, float32: 23, float16: 10, bfloat16: 7 };

/** Unit roundoff of a format under a rounding mode: 2^-(p) for nearest, 2^-(p-1) for truncation (p = significand bits). */
export function unitRoundoff(format: FloatFormat, rounding: RoundingMode = 'nearest-even'): number {
  return rounding === 'truncate' ? pow2(-format.mantissaBits) : pow2(-format.mantissaBits - 1);
}

export function dtypeRoundoff(dtype: DType): number {
  if (dtype === 'float64') return pow2(-53);
  const format = DTYPE_FORMATS[dtype];
  return format ? unitRoundoff(format) : 0;
}

export function accumulateRoundoff(dtype: AccumulateDType): number {
  return dtypeRoundoff(dtype);
}

/** γ_n(u) = n·u / (1 − n·u), Higham's bound for an n-term sum; Infinity once n·u ≥ 1 (no bound). */
export function gamma(n: number, u: number): number {
  const nu = n * u;
  if (nu === 0) return 0;
  return nu < 1 ? nu / (1 - nu) : Infinity;
}

/** The roundoff the matrix unit adds when it converts operands of `dtype` to its format (0 if exact). */
export function operandRoundoff(numerics: MatrixUnitNumerics, dtype: DType): number {
  const format = MATRIX_FORMATS[numerics.format];
  const bits = DTYPE_MANTISSA[dtype];
  if (!format || bits === undefined || format.mantissaBits >= bits) return 0;
  return unitRoundoff(format, numerics.rounding);
}

function maxAbs(t: Tensor | undefined): number {
  if (!t) return 0;
  let m = 0;
  for (const v of t.toFloat64()) {
    const a = Math.abs(v);
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}

function absTensor(t: Tensor | undefined): Tensor | undefined {
  if (!t || !isFloatDType(t.dtype)) return t;
  return Tensor.fromNumbers(t.toFloat64().map(Math.abs), t.shape, 'float64');
}

/**
 * The operator applied to |inputs| (and |alpha|, |beta|) in float64: Σ|a||b| for products,
 * Σ|x| for sums. Undefined when the inputs were not traced or the kernel refuses them.
 */
function magnitudeOf(call: WideningCall): Float64Array | undefined {
  if (call.inputs.length === 0 || call.inputs.every((t) => t === undefined)) return undefined;
  const attributes: Record<string, unknown> = { ...call.attributes };
  for (const key of ['alpha', 'beta']) if (typeof attributes[key] === 'number') attributes[key] = Math.abs(attributes[key] as number);
  try {
    const [out] = runOp(call.op, call.inputs.map(absTensor), attributes as RawAttributes, { mode: 'golden' });
    return out && out.size === call.reference.size ? out.toFloat64().map(Math.abs) : undefined;
  } catch {
    return undefined;
  }
}

function format(x: number): string {
  return x === 0 ? '0' : x.toExponential(2);
}

function attrNumber(attributes: Readonly<Record<string, unknown>>, name: string, fallback: number): number {
  const v = attributes[name];
  return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : fallback;
}

class WideningBuilder {
  rtol = 0;
  atol = 0;
  magnitude: MagnitudeBound | undefined;
  readonly reasons: string[] = [];
}

const SUM_OPS = new Set(['ReduceSum', 'ReduceMean', 'CumSum', 'AveragePool', 'GlobalAveragePool']);
const NORMALIZATIONS = new Set(['LayerNormalization', 'RMSNormalization', 'GroupNormalization', 'BatchNormalization']);
const MATRIX_OPS = new Set(['MatMul', 'Gemm', 'Conv']);

/** The widening for one call under `profile`; zero when the profile changes nothing for it. */
export function profileWidening(call: WideningCall, profile: NumericProfile): Widening {
  const dtype = call.reference.dtype;
  const w = new WideningBuilder();
  if (isFloatDType(dtype) && dtype !== 'float64') {
    if (MATRIX_OPS.has(call.op)) matrixWidening(call, profile, w);
    else if (call.op === 'Attention') attentionWidening(call, profile, w);
    else if (SUM_OPS.has(call.op) || call.op === 'AllReduce' || call.op === 'ReduceScatter') sumWidening(call, profile, w);
    else if (call.op === 'Softmax' || call.op === 'LogSoftmax') softmaxWidening(call, profile, w);
    else if (NORMALIZATIONS.has(call.op)) normalizationWidening(call, profile, w);
    if (call.op === 'Gelu') geluWidening(call, profile, w);
    if (profile.flushToZero) {
      const smallest = minNormal(DTYPE_FORMATS[dtype]!);
      w.atol += smallest;
      w.reasons.push(`flush-to-zero: atol ≥ smallest normal ${format(smallest)}`);
    }
    if ((dtype === 'float16' || dtype === 'bfloat16') && profile.halfCompute === 'native' && !MATRIX_OPS.has(call.op)) {
      const u = dtypeRoundoff(dtype);
      w.rtol += 8 * u;
      w.reasons.push(`native ${dtype} compute: 8 roundings of u = ${format(u)}`);
    }
  }
  return { profile: profile.id, rtol: w.rtol, atol: w.atol, magnitude: w.magnitude, reasons: w.reasons };
}

function reductionLength(call: WideningCall): number {
  const x = call.inputs[0];
  switch (call.op) {
    case 'MatMul':
      return x ? (x.shape[x.rank - 1] ?? 1) : 1;
    case 'Gemm':
      return x ? (attrNumber(call.attributes, 'transA', 0) ? x.shape[0] : x.shape[1]) ?? 1 : 1;
    case 'Conv': {
      const weights = call.inputs[1];
      return weights ? shapeSize(weights.shape.slice(1)) : 1;
    }
    case 'AveragePool': {
      const kernel = call.attributes.kernel_shape;
      return Array.isArray(kernel) ? kernel.reduce((a: number, b: number) => a * b, 1) : x ? Math.max(1, x.size / Math.max(1, call.reference.size)) : 1;
    }
    case 'CumSum':
      return x ? Math.max(1, ...x.shape) : 1;
    case 'AllReduce':
    case 'ReduceScatter':
      return attrNumber(call.attributes, 'nranks', Math.max(1, call.inputs.length));
    default:
      return x ? Math.max(1, Math.round(x.size / Math.max(1, call.reference.size))) : 1;
  }
}

function matrixWidening(call: WideningCall, profile: NumericProfile, w: WideningBuilder): void {
  const numerics = call.op === 'Conv' ? profile.conv : profile.matmul;
  const [a, b] = call.inputs;
  const dtype = a?.dtype ?? call.reference.dtype;
  if (dtype === 'float64') return; // float64 products keep float64 on every device we model
  const k = reductionLength(call);
  const alpha = Math.abs(attrNumber(call.attributes, 'alpha', 1));
  const quantised = numerics.format === 'int16' || numerics.format === 'int31';
  if (quantised) {
    const levels = QUANT_LEVELS[numerics.format as 'int16' | 'int31'];
    const ma = maxAbs(a);
    const mb = maxAbs(b);
    const sa = ma / levels;
    const sb = mb / levels;
    const bound = (alpha * k * (sa * mb + sb * ma + (sa * sb) / 2)) / 2;
    w.atol += bound;
    w.reasons.push(`${numerics.format} quantisation (steps ${format(sa)}, ${format(sb)}), K=${k}: atol += ${format(bound)}`);
    return;
  }
  const uf = operandRoundoff(numerics, dtype);
  const uacc = accumulateRoundoff(numerics.accumulate);
  const coefficient = 2 * uf + uf * uf + gamma(k, uacc);
  const reasons: string[] = [];
  if (uf > 0) reasons.push(`${numerics.format} operands (u = ${format(uf)})`);
  reasons.push(`K=${k} sums in ${numerics.accumulate} (γ_K = ${format(gamma(k, uacc))})`);
  const magnitude = magnitudeOf(call);
  if (magnitude) {
    w.magnitude = { coefficient, values: magnitude, basis: call.op === 'Conv' ? 'Σ|x||w|' : 'Σ|a||b|' };
  } else {
    // Inputs not traced: the coarser scalar bound K·max|A|·max|B| (the output itself when even that is missing).
    const scale = a && b ? alpha * k * maxAbs(a) * maxAbs(b) : k * maxAbs(call.reference);
    w.atol += coefficient * scale;
  }
  w.reasons.push(`${reasons.join(', ')}: ${format(coefficient)} × ${magnitude ? (call.op === 'Conv' ? 'Σ|x||w|' : 'Σ|a||b|') : 'K·max|A|·max|B|'}`);
  if (profile.flushToZero && a && b) {
    const smallest = minNormal(DTYPE_FORMATS[dtype] ?? FP32);
    const flushed = alpha * k * smallest * (maxAbs(a) + maxAbs(b));
    w.atol += flushed;
    w.reasons.push(`flushed subnormal operands: atol += ${format(flushed)}`);
  }
}

function attentionWidening(call: WideningCall, profile: NumericProfile, w: WideningBuilder): void {
  const [q, k, v] = call.inputs;
  if (!q || !k || !v) {
    // Without inputs the bound cannot be formed; fall back to the output's own scale.
    const uf = operandRoundoff(profile.matmul, call.reference.dtype);
    w.rtol += 4 * uf;
    w.reasons.push(`Attention inputs not traced: estimate 4·u_f = ${format(4 * uf)} relative`);
    return;
  }
  const dtype = q.dtype;
  if (dtype === 'float64') return;
  const qHeads = attrNumber(call.attributes, 'q_num_heads', 0);
  const headSize = q.rank === 4 ? q.shape[3] : qHeads > 0 ? q.shape[2] / qHeads : q.shape[q.rank - 1];
  const past = call.inputs[4];
  const kvLength = (k.rank === 4 ? k.shape[2] : k.shape[1]) + (past ? past.shape[2] : 0);
  const scale = Math.abs(attrNumber(call.attributes, 'scale', 1 / Math.sqrt(headSize)));
  const uf = operandRoundoff(profile.matmul, dtype);
  const uacc = accumulateRoundoff(profile.matmul.accumulate);
  const ured = accumulateRoundoff(profile.reduce.accumulate);
  const delta = (2 * uf + uf * uf + gamma(headSize, uacc)) * scale * headSize * maxAbs(q) * Math.max(maxAbs(k), maxAbs(past));
  const softmaxShift = Math.expm1(2 * delta);
  const valueScale = Math.max(maxAbs(v), maxAbs(call.inputs[5]));
  const bound = valueScale * (softmaxShift + gamma(kvLength, ured) + 2 * uf + uf * uf + gamma(kvLength, uacc));
  w.atol += bound;
  w.reasons.push(
    `Attention (head size ${headSize}, ${kvLength} keys${uf > 0 ? `, ${profile.matmul.format} operands u = ${format(uf)}` : ''}): ` +
      `score error ${format(delta)} → softmax shift ${format(softmaxShift)}; atol += ${format(bound)}`,
  );
}

function sumWidening(call: WideningCall, profile: NumericProfile, w: WideningBuilder): void {
  const reduction = call.attributes.reduction;
  if (reduction === 'max' || reduction === 'min') return; // exact in any order
  const n = reductionLength(call);
  const u = accumulateRoundoff(profile.reduce.accumulate);
  const coefficient = gamma(n, u);
  if (reduction === 'prod') {
    w.rtol += coefficient;
    w.reasons.push(`product of ${n} terms in ${profile.reduce.accumulate}: rtol += ${format(coefficient)}`);
    return;
  }
  const magnitude = magnitudeOf(call);
  if (magnitude) {
    w.magnitude = { coefficient, values: magnitude, basis: 'Σ|x|' };
    w.reasons.push(`${n}-term sums in ${profile.reduce.accumulate} (${profile.reduce.order}): ${format(coefficient)} × Σ|x|`);
  } else {
    // Inputs not traced (collectives record none): relative to the result, an estimate.
    w.rtol += coefficient;
    w.reasons.push(`${n}-term sums in ${profile.reduce.accumulate}: rtol += ${format(coefficient)} (estimate: inputs not traced)`);
  }
}

function axisLength(call: WideningCall, fallbackAxis: number): number {
  const x = call.inputs[0];
  if (!x || x.rank === 0) return 1;
  const axis = attrNumber(call.attributes, 'axis', fallbackAxis);
  const a = axis < 0 ? axis + x.rank : axis;
  return x.shape[a] ?? 1;
}

function softmaxWidening(call: WideningCall, profile: NumericProfile, w: WideningBuilder): void {
  const n = call.inputs[0] ? axisLength(call, -1) : 1;
  const g = gamma(n, accumulateRoundoff(profile.reduce.accumulate));
  if (call.op === 'Softmax') w.rtol += g;
  else w.atol += g;
  w.reasons.push(`${n}-term softmax sum in ${profile.reduce.accumulate}: ${call.op === 'Softmax' ? 'rtol' : 'atol'} += ${format(g)}`);
}

function normalizationLength(call: WideningCall): number {
  const x = call.inputs[0];
  if (!x || x.rank === 0) return 1;
  switch (call.op) {
    case 'LayerNormalization':
    case 'RMSNormalization': {
      const axis = attrNumber(call.attributes, 'axis', -1);
      return shapeSize(x.shape.slice(axis < 0 ? axis + x.rank : axis));
    }
    case 'GroupNormalization':
      return x.size / Math.max(1, x.shape[0] * attrNumber(call.attributes, 'num_groups', 1));
    default: // BatchNormalization: statistics only in training mode
      return attrNumber(call.attributes, 'training_mode', 0) ? x.size / Math.max(1, x.shape[1] ?? 1) : 1;
  }
}

function normalizationWidening(call: WideningCall, profile: NumericProfile, w: WideningBuilder): void {
  const n = normalizationLength(call);
  if (n <= 1) return;
  const g = 3 * gamma(n, accumulateRoundoff(profile.reduce.accumulate));
  w.rtol += g;
  w.atol += g * maxAbs(call.reference);
  w.reasons.push(`${n}-element statistics in ${profile.reduce.accumulate}: 3·γ_N = ${format(g)} (rtol, and × max|y| atol; estimate)`);
}

function geluWidening(call: WideningCall, profile: NumericProfile, w: WideningBuilder): void {
  if (profile.gelu === 'as-requested') return;
  const requested = call.attributes.approximate === 'tanh' ? 'tanh' : 'erf';
  if (requested === profile.gelu) return;
  w.atol += GELU_APPROXIMATION_GAP;
  w.reasons.push(`the target computes GELU with ${profile.gelu} where ${requested} was requested: atol += ${GELU_APPROXIMATION_GAP}`);
}
