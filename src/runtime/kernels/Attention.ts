/**
 * Attention (ONNX Attention-23): scaled dot-product attention with grouped-query heads,
 * causal and explicit masks, softcap and an in-operator KV cache.
 *
 * Per batch b and query head h (using key/value head h / (q_num_heads / kv_num_heads)):
 *   scores = scale · Q Kᵀ             (matrix unit, ctx.profile.matmul)
 *   scores = softcap · tanh(scores / softcap)        when softcap > 0
 *   scores = scores + mask            (bool mask: false -> -Inf; is_causal: key j > i + past -> -Inf)
 *   P      = softmax(scores)          (shared softmax core; a fully masked row gives zeros)
 *   Y      = P V                      (matrix unit)
 * Softcap precedes the mask, as the current ONNX definition and ONNX Runtime 1.30 do, so
 * masked scores stay -Inf. Outputs: Y, present_key / present_value (past concatenated with
 * K / V along the sequence, always 4-D) and qk_matmul_output chosen by qk_matmul_output_mode:
 * 0 = scale·QKᵀ, 1 = after softcap, 2 = after softcap and mask, 3 = after softmax.
 *
 * Profiled numerics: scores and probabilities are held in `softmax_precision` when given,
 * else in Q's compute precision (float32 for float32, `halfCompute` for half types).
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { FLOAT_DTYPES, type DType, type FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import type { Rounder } from '../numerics/accumulate.js';
import { broadcastStrides, shapesEqual } from '../shape.js';
import { Tensor } from '../tensor.js';
import { computeRounder, finishValues, matrixNumerics, pinnedRounder } from './templates/compute-precision.js';
import { FLOAT_ONLY, readBroadcast, requireDType, requireInput, requireSameDType } from './templates/elementwise.js';
import { mergeHeads, splitHeads } from './templates/attention-heads.js';
import { matrixProduct } from './templates/matrix-product.js';
import { softmaxLane, softmaxNumerics } from './templates/softmax.js';

const OP = 'Attention';

interface AttentionAttributes {
  readonly isCausal: boolean;
  readonly qNumHeads: number | undefined;
  readonly kvNumHeads: number | undefined;
  readonly qkOutputMode: 0 | 1 | 2 | 3;
  readonly scale: number | undefined;
  readonly softcap: number;
  readonly softmaxPrecision: FloatDType | undefined;
}

export const Attention = defineKernel<AttentionAttributes>({
  name: OP,
  inputs: { min: 3, max: 6 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader(OP, raw);
    const mode = reader.int('qk_matmul_output_mode', 0);
    const scale = reader.float32('scale');
    const softcap = reader.float32('softcap', 0);
    const attributes: AttentionAttributes = {
      isCausal: reader.bool('is_causal', false),
      qNumHeads: reader.int('q_num_heads'),
      kvNumHeads: reader.int('kv_num_heads'),
      qkOutputMode: mode as AttentionAttributes['qkOutputMode'],
      scale,
      softcap,
      softmaxPrecision: reader.dtype('softmax_precision', undefined, FLOAT_DTYPES),
    };
    reader.done();
    if (![0, 1, 2, 3].includes(mode)) throw new OpError(OP, `attribute 'qk_matmul_output_mode' must be 0, 1, 2 or 3, got ${mode}`);
    if (attributes.scale !== undefined && !(attributes.scale > 0 && Number.isFinite(attributes.scale))) {
      throw new OpError(OP, `attribute 'scale' must be a positive finite number, got ${scale}`, {
        fix: 'omit scale for the default 1/sqrt(head_size)',
      });
    }
    if (!(softcap >= 0)) throw new OpError(OP, `attribute 'softcap' must be >= 0 (0 disables it), got ${softcap}`);
    for (const [name, value] of [['q_num_heads', attributes.qNumHeads], ['kv_num_heads', attributes.kvNumHeads]] as const) {
      if (value !== undefined && value < 1) throw new OpError(OP, `attribute '${name}' must be a positive integer, got ${value}`);
    }
    return attributes;
  },
  run: (inputs, attrs, ctx) => {
    const problem = describeProblem(inputs, attrs);
    const { batch, qHeads, kvHeads, qSeq, totalSeq, headSize, vHeadSize } = problem;
    const t1 = problem.q.dtype as FloatDType;
    const round = attrs.softmaxPrecision ? pinnedRounder(attrs.softmaxPrecision, ctx) : computeRounder(t1, ctx);
    const scoring: Scoring = {
      ...attrs,
      scale: attrs.scale ?? defaultScale(headSize),
      round,
      qSeq,
      totalSeq,
      pastSeq: problem.pastSeq,
      mask: problem.mask ? readMask(problem.mask, [batch, qHeads, qSeq, totalSeq]) : undefined,
    };
    const softmax = { ...softmaxNumerics(t1, ctx, round), zeroFullyMasked: true };
    const qkNumerics = matrixNumerics(t1, ctx);
    const pvNumerics = matrixNumerics(problem.v.dtype as FloatDType, ctx);
    const group = qHeads / kvHeads;

    const q = problem.q.toFloat64();
    const presentKey = concatSequence(problem.pastKey, problem.k);
    const presentValue = concatSequence(problem.pastValue, problem.v);

    const rowsSize = qSeq * totalSeq;
    const qkOutput = new Float64Array(batch * qHeads * rowsSize);
    const y = new Float64Array(batch * qHeads * qSeq * vHeadSize);
    const probabilities = new Float64Array(rowsSize);
    for (let b = 0; b < batch; b++) {
      for (let kv = 0; kv < kvHeads; kv++) {
        const keysT = transposedBlock(presentKey, (b * kvHeads + kv) * totalSeq * headSize, totalSeq, headSize);
        const values = presentValue.subarray((b * kvHeads + kv) * totalSeq * vHeadSize, (b * kvHeads + kv + 1) * totalSeq * vHeadSize);
        for (let h = kv * group; h < (kv + 1) * group; h++) {
          const head = b * qHeads + h;
          const queries = q.subarray(head * qSeq * headSize, (head + 1) * qSeq * headSize);
          const raw = matrixProduct(
            { values: queries, rows: qSeq, cols: headSize },
            { values: keysT, rows: headSize, cols: totalSeq },
            qkNumerics,
          );
          const scores = scoreRows(raw, scoring, head, qkOutput.subarray(head * rowsSize, (head + 1) * rowsSize));
          for (let i = 0; i < qSeq; i++) softmaxLane(scores, probabilities, i * totalSeq, totalSeq, 1, 'softmax', softmax);
          if (attrs.qkOutputMode === 3) qkOutput.set(probabilities, head * rowsSize);
          const out = matrixProduct(
            { values: probabilities, rows: qSeq, cols: totalSeq },
            { values, rows: totalSeq, cols: vHeadSize },
            pvNumerics,
          );
          y.set(out, head * qSeq * vHeadSize);
        }
      }
    }

    const yTensor =
      problem.rank === 4
        ? Tensor.fromNumbers(finishValues(y, t1, ctx), [batch, qHeads, qSeq, vHeadSize], t1)
        : Tensor.fromNumbers(finishValues(mergeHeads(y, batch, qHeads, qSeq, vHeadSize), t1, ctx), [batch, qSeq, qHeads * vHeadSize], t1);
    return [
      yTensor,
      Tensor.fromNumbers(presentKey, [batch, kvHeads, totalSeq, headSize], t1),
      Tensor.fromNumbers(presentValue, [batch, kvHeads, totalSeq, vHeadSize], problem.v.dtype),
      Tensor.fromNumbers(finishValues(qkOutput, t1, ctx), [batch, qHeads, qSeq, totalSeq], t1),
    ];
  },
});

/** Inputs viewed as 4-D (batch, heads, seq, head_size), with every dimension checked. */
interface AttentionProblem {
  readonly rank: 3 | 4;
  readonly q: Tensor;
  readonly k: Tensor;
  readonly v: Tensor;
  readonly mask: Tensor | undefined;
  readonly pastKey: Tensor | undefined;
  readonly pastValue: Tensor | undefined;
  readonly batch: number;
  readonly qHeads: number;
  readonly kvHeads: number;
  readonly qSeq: number;
  readonly pastSeq: number;
  readonly totalSeq: number;
  readonly headSize: number;
  readonly vHeadSize: number;
}

function describeProblem(inputs: readonly (Tensor | undefined)[], attrs: AttentionAttributes): AttentionProblem {
  const qIn = requireInput(OP, inputs, 0, 'Q');
  const kIn = requireInput(OP, inputs, 1, 'K');
  const vIn = requireInput(OP, inputs, 2, 'V');
  const mask = inputs[3];
  const pastKey = inputs[4];
  const pastValue = inputs[5];
  requireDType(OP, qIn, 'Q', FLOAT_ONLY);
  requireSameDType(OP, [qIn, kIn], ['Q', 'K']);
  requireDType(OP, vIn, 'V', FLOAT_ONLY);
  const shapes = `Q ${formatShape(qIn.shape)}, K ${formatShape(kIn.shape)}, V ${formatShape(vIn.shape)}`;
  if (qIn.rank !== kIn.rank || qIn.rank !== vIn.rank || (qIn.rank !== 3 && qIn.rank !== 4)) {
    throw new OpError(OP, `Q, K and V must all be 4-D (batch, heads, seq, head_size) or all 3-D (batch, seq, hidden); got ${shapes}`);
  }
  const rank = qIn.rank as 3 | 4;
  let q = qIn;
  let k = kIn;
  let v = vIn;
  if (rank === 3) {
    const { qNumHeads, kvNumHeads } = attrs;
    if (qNumHeads === undefined || kvNumHeads === undefined) {
      throw new OpError(OP, `3-D inputs (${shapes}) need the q_num_heads and kv_num_heads attributes`, {
        fix: 'pass q_num_heads and kv_num_heads so that hidden = num_heads * head_size',
      });
    }
    q = splitHeads(OP, qIn, qNumHeads, 'Q', 'q_num_heads', shapes);
    k = splitHeads(OP, kIn, kvNumHeads, 'K', 'kv_num_heads', shapes);
    v = splitHeads(OP, vIn, kvNumHeads, 'V', 'kv_num_heads', shapes);
  }
  const [batch, qHeads, qSeq, headSize] = q.shape;
  const [kBatch, kvHeads, kvSeq, kHeadSize] = k.shape;
  const [vBatch, vHeads, vSeq, vHeadSize] = v.shape;
  if (kBatch !== batch || vBatch !== batch) throw new OpError(OP, `Q, K and V disagree on the batch size: ${shapes}`);
  if (kHeadSize !== headSize) throw new OpError(OP, `Q and K disagree on head_size (${headSize} vs ${kHeadSize}): ${shapes}`);
  if (vHeads !== kvHeads || vSeq !== kvSeq) throw new OpError(OP, `K and V disagree on kv heads or kv sequence length: ${shapes}`);
  if (rank === 4) {
    if (attrs.qNumHeads !== undefined && attrs.qNumHeads !== qHeads) {
      throw new OpError(OP, `q_num_heads = ${attrs.qNumHeads} but Q has ${qHeads} heads: ${shapes}`);
    }
    if (attrs.kvNumHeads !== undefined && attrs.kvNumHeads !== kvHeads) {
      throw new OpError(OP, `kv_num_heads = ${attrs.kvNumHeads} but K and V have ${kvHeads} heads: ${shapes}`);
    }
  }
  if (kvHeads === 0 || qHeads % kvHeads !== 0) {
    throw new OpError(OP, `q_num_heads (${qHeads}) must be a multiple of kv_num_heads (${kvHeads}) for grouped-query attention: ${shapes}`);
  }
  let pastSeq = 0;
  if ((pastKey === undefined) !== (pastValue === undefined)) {
    throw new OpError(OP, `past_key and past_value must be given together (got only ${pastKey ? 'past_key' : 'past_value'})`);
  }
  if (pastKey && pastValue) {
    requireSameDType(OP, [q, pastKey], ['Q', 'past_key']);
    requireSameDType(OP, [v, pastValue], ['V', 'past_value']);
    pastSeq = pastKey.rank === 4 ? pastKey.shape[2] : 0;
    const expectKey = [batch, kvHeads, pastSeq, headSize];
    const expectValue = [batch, kvHeads, pastSeq, vHeadSize];
    if (!shapesEqual(pastKey.shape, expectKey) || !shapesEqual(pastValue.shape, expectValue)) {
      throw new OpError(
        OP,
        `past_key ${formatShape(pastKey.shape)} and past_value ${formatShape(pastValue.shape)} must be ` +
          `(batch, kv_num_heads, past_seq, head_size) = ${formatShape(expectKey)} and ${formatShape(expectValue)} for ${shapes}`,
      );
    }
  }
  const totalSeq = pastSeq + kvSeq;
  if (mask) checkMask(mask, q.dtype, [batch, qHeads, qSeq, totalSeq]);
  return { rank, q, k, v, mask, pastKey, pastValue, batch, qHeads, kvHeads, qSeq, pastSeq, totalSeq, headSize, vHeadSize };
}

function checkMask(mask: Tensor, qDType: DType, target: readonly number[]): void {
  if (mask.dtype !== 'bool' && mask.dtype !== qDType) {
    throw new OpError(OP, `attn_mask has dtype ${mask.dtype}; it must be bool or Q's dtype ${qDType}`);
  }
  try {
    broadcastStrides(mask.shape, mask.strides, target, OP);
  } catch {
    throw new OpError(
      OP,
      `attn_mask of shape ${formatShape(mask.shape)} does not broadcast to (batch, q_num_heads, q_seq, total_seq) = ${formatShape(target)}`,
      { fix: 'the last dimension must be past_seq + kv_seq and the others broadcastable' },
    );
  }
}

/** The additive mask broadcast to `shape`: bool true -> 0, false -> -Inf; float values as given. */
function readMask(mask: Tensor, shape: readonly number[]): Float64Array {
  const values = readBroadcast(mask, shape, OP);
  if (mask.dtype === 'bool') for (let i = 0; i < values.length; i++) values[i] = values[i] !== 0 ? 0 : -Infinity;
  return values;
}

/** What turns raw Q Kᵀ products into masked logits, fixed for one call. */
interface Scoring extends AttentionAttributes {
  readonly scale: number;
  /** Precision the scores are held in. */
  readonly round: Rounder;
  readonly qSeq: number;
  readonly totalSeq: number;
  readonly pastSeq: number;
  /** attn_mask broadcast to (batch, q_heads, q_seq, total_seq), additive. */
  readonly mask: Float64Array | undefined;
}

/**
 * Turns one head's raw Q Kᵀ products (`head` = b * q_heads + h) into masked logits, in place,
 * recording the stage qk_matmul_output_mode asks for (modes 0..2; mode 3 follows the softmax).
 */
function scoreRows(raw: Float64Array, scoring: Scoring, head: number, qkOutput: Float64Array): Float64Array {
  const { qSeq, totalSeq, pastSeq, softcap, isCausal, qkOutputMode, round, scale, mask } = scoring;
  const maskBase = head * qSeq * totalSeq;
  for (let i = 0; i < qSeq; i++) {
    for (let j = 0; j < totalSeq; j++) {
      const p = i * totalSeq + j;
      let s = round(raw[p] * scale);
      if (qkOutputMode === 0) qkOutput[p] = s;
      if (softcap > 0) s = round(softcap * round(Math.tanh(round(s / softcap))));
      if (qkOutputMode === 1) qkOutput[p] = s;
      if (mask) s = round(s + mask[maskBase + p]);
      if (isCausal && j > i + pastSeq) s = -Infinity;
      if (qkOutputMode === 2) qkOutput[p] = s;
      raw[p] = s;
    }
  }
  return raw;
}

/** Past and new keys (or values) concatenated along the sequence: (batch, heads, past + seq, size). */
function concatSequence(past: Tensor | undefined, current: Tensor): Float64Array {
  const values = current.toFloat64();
  if (!past || past.size === 0) return values;
  const [batch, heads, seq, size] = current.shape;
  const pastSeq = past.shape[2];
  const pastValues = past.toFloat64();
  const out = new Float64Array(batch * heads * (pastSeq + seq) * size);
  for (let bh = 0; bh < batch * heads; bh++) {
    const base = bh * (pastSeq + seq) * size;
    out.set(pastValues.subarray(bh * pastSeq * size, (bh + 1) * pastSeq * size), base);
    out.set(values.subarray(bh * seq * size, (bh + 1) * seq * size), base + pastSeq * size);
  }
  return out;
}

/** The (rows × cols) block at `offset` of `values`, transposed to (cols × rows). */
function transposedBlock(values: Float64Array, offset: number, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[offset + r * cols + c];
  return out;
}

/** 1/sqrt(head_size) as the float32 ONNX computes it. */
function defaultScale(headSize: number): number {
  if (headSize === 0) {
    throw new OpError(OP, 'head_size is 0, so the default scale 1/sqrt(head_size) is infinite', { fix: 'pass an explicit scale' });
  }
  return Math.fround(1 / Math.sqrt(headSize));
}
