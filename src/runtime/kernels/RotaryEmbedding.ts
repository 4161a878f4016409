/**
 * RotaryEmbedding (ONNX RotaryEmbedding-23): rotates pairs of each head's first
 * `rotary_embedding_dim` features by position-dependent angles, given as cos / sin caches:
 * (x1, x2) -> (cos·x1 - sin·x2, sin·x1 + cos·x2). Pairs are (x[2i], x[2i+1]) when
 * `interleaved`, else (x[i], x[i + R/2]) ("rotate half"); features from R on pass through.
 *
 * X is (batch, num_heads, seq, head_size) or (batch, seq, num_heads * head_size) with the
 * `num_heads` attribute. The caches are (max_position + 1, R/2) indexed by `position_ids`
 * (batch, seq), or (batch, seq, R/2) without position_ids; a batch dimension of 1 in either
 * broadcasts over the batch, as the ONNX function body's Gather + Mul does.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import type { DType, FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { shapesEqual } from '../shape.js';
import { Tensor } from '../tensor.js';
import { mergeHeads, splitHeads } from './templates/attention-heads.js';
import { computeRounder, finishValues } from './templates/compute-precision.js';
import { requireDType, requireInput, requireSameDType } from './templates/elementwise.js';

const OP = 'RotaryEmbedding';
/** ONNX type constraint T of RotaryEmbedding-23. */
const ROTARY_DTYPES: readonly DType[] = ['float32', 'float16', 'bfloat16'];

interface RotaryEmbeddingAttributes {
  readonly interleaved: boolean;
  readonly rotaryDim: number;
  readonly numHeads: number | undefined;
}

export const RotaryEmbedding = defineKernel<RotaryEmbeddingAttributes>({
  name: OP,
  inputs: { min: 3, max: 4 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader(OP, raw);
    const attributes = {
      interleaved: reader.bool('interleaved', false),
      rotaryDim: reader.int('rotary_embedding_dim', 0),
      numHeads: reader.int('num_heads'),
    };
    reader.done();
    if (attributes.rotaryDim < 0) throw new OpError(OP, `attribute 'rotary_embedding_dim' must be >= 0, got ${attributes.rotaryDim}`);
    if (attributes.numHeads !== undefined && attributes.numHeads < 1) {
      throw new OpError(OP, `attribute 'num_heads' must be a positive integer, got ${attributes.numHeads}`);
    }
    return attributes;
  },
  run: (inputs, attrs, ctx) => {
    const x = requireInput(OP, inputs, 0, 'X');
    const cosCache = requireInput(OP, inputs, 1, 'cos_cache');
    const sinCache = requireInput(OP, inputs, 2, 'sin_cache');
    const positionIds = inputs[3];
    requireDType(OP, x, 'X', ROTARY_DTYPES);
    requireSameDType(OP, [x, cosCache, sinCache], ['X', 'cos_cache', 'sin_cache']);

    const heads4 = headsOf(x, attrs.numHeads);
    const [batch, heads, seq, headSize] = heads4.shape;
    const rotaryDim = attrs.rotaryDim || headSize;
    if (rotaryDim % 2 !== 0 || rotaryDim > headSize) {
      throw new OpError(OP, `rotary dimension ${rotaryDim} must be even and at most head_size ${headSize} (X shape ${formatShape(x.shape)})`, {
        fix: 'set rotary_embedding_dim to an even number <= head_size',
      });
    }
    const half = rotaryDim / 2;
    const angleIndex = cacheIndexer(cosCache, sinCache, positionIds, batch, seq, half);

    const dtype = x.dtype as FloatDType;
    const round = computeRounder(dtype, ctx);
    const values = heads4.toFloat64();
    const cos = cosCache.toFloat64();
    const sin = sinCache.toFloat64();
    const out = Float64Array.from(values);
    for (let b = 0; b < batch; b++) {
      for (let s = 0; s < seq; s++) {
        const angles = angleIndex(b, s);
        for (let h = 0; h < heads; h++) {
          const base = ((b * heads + h) * seq + s) * headSize;
          for (let i = 0; i < half; i++) {
            const first = base + (attrs.interleaved ? 2 * i : i);
            const second = base + (attrs.interleaved ? 2 * i + 1 : i + half);
            const c = cos[angles + i];
            const sn = sin[angles + i];
            const x1 = values[first];
            const x2 = values[second];
            out[first] = round(round(c * x1) - round(sn * x2));
            out[second] = round(round(sn * x1) + round(c * x2));
          }
        }
      }
    }
    const rows = x.rank === 3 ? mergeHeads(out, batch, heads, seq, headSize) : out;
    return [Tensor.fromNumbers(finishValues(rows, dtype, ctx), x.shape, dtype)];
  },
});

/** X as (batch, num_heads, seq, head_size): itself when 4-D, a view of a 3-D X split by num_heads. */
function headsOf(x: Tensor, numHeads: number | undefined): Tensor {
  if (x.rank === 4) {
    if (numHeads !== undefined && numHeads !== x.shape[1]) {
      throw new OpError(OP, `num_heads = ${numHeads} but 4-D X of shape ${formatShape(x.shape)} (batch, num_heads, seq, head_size) has ${x.shape[1]} heads`);
    }
    return x;
  }
  if (x.rank === 3) {
    if (numHeads === undefined) {
      throw new OpError(OP, `X of shape ${formatShape(x.shape)} is 3-D (batch, seq, hidden): the num_heads attribute is required`, {
        fix: 'pass num_heads so that hidden = num_heads * head_size',
      });
    }
    return splitHeads(OP, x, numHeads, 'X', 'num_heads', `X ${formatShape(x.shape)}`);
  }
  throw new OpError(OP, `X has shape ${formatShape(x.shape)}; it must be 4-D (batch, num_heads, seq, head_size) or 3-D (batch, seq, hidden)`);
}

/**
 * Validates the caches (and position_ids) and returns, for (b, s), the row-major offset of
 * the first of the `half` cos / sin values to use.
 */
function cacheIndexer(
  cosCache: Tensor,
  sinCache: Tensor,
  positionIds: Tensor | undefined,
  batch: number,
  seq: number,
  half: number,
): (b: number, s: number) => number {
  if (!shapesEqual(cosCache.shape, sinCache.shape)) {
    throw new OpError(OP, `cos_cache ${formatShape(cosCache.shape)} and sin_cache ${formatShape(sinCache.shape)} must have the same shape`);
  }
  const cacheHalf = cosCache.shape[cosCache.rank - 1];
  if (cacheHalf !== half) {
    throw new OpError(
      OP,
      `cos_cache has shape ${formatShape(cosCache.shape)}: its last dimension must be rotary dimension / 2 = ${half}`,
      { fix: 'slice the caches to rotary_embedding_dim / 2 columns, or set rotary_embedding_dim to twice their width' },
    );
  }
  if (positionIds) {
    if (positionIds.dtype !== 'int64') throw new OpError(OP, `position_ids has dtype ${positionIds.dtype}; it must be int64`);
    if (cosCache.rank !== 2) {
      throw new OpError(OP, `with position_ids, cos_cache must be 2-D (max_position + 1, ${half}); got ${formatShape(cosCache.shape)}`);
    }
    if (positionIds.rank !== 2 || (positionIds.shape[0] !== batch && positionIds.shape[0] !== 1) || positionIds.shape[1] !== seq) {
      throw new OpError(OP, `position_ids has shape ${formatShape(positionIds.shape)}; it must be (batch, seq) = [${batch}, ${seq}] (or [1, ${seq}])`);
    }
    const positions = positionIds.toFloat64();
    const maxPositions = cosCache.shape[0];
    positions.forEach((position, i) => {
      if (!Number.isInteger(position) || position < 0 || position >= maxPositions) {
        throw new OpError(OP, `position_ids[${i}] = ${position} is outside the caches' ${maxPositions} positions (shape ${formatShape(cosCache.shape)})`);
      }
    });
    const batchStride = positionIds.shape[0] === 1 ? 0 : seq;
    return (b, s) => positions[b * batchStride + s] * half;
  }
  if (cosCache.rank !== 3 || (cosCache.shape[0] !== batch && cosCache.shape[0] !== 1) || cosCache.shape[1] !== seq) {
    throw new OpError(
      OP,
      `without position_ids, cos_cache must be (batch, seq, ${half}) = [${batch}, ${seq}, ${half}] (or [1, ${seq}, ${half}]); got ${formatShape(cosCache.shape)}`,
      { fix: 'pass position_ids to index a 2-D cache' },
    );
  }
  const batchStride = cosCache.shape[0] === 1 ? 0 : seq * half;
  return (b, s) => b * batchStride + s * half;
}
