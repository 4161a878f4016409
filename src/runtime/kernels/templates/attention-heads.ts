/**
 * The two input layouts of ONNX Attention and RotaryEmbedding: 4-D (batch, heads, seq,
 * head_size), or 3-D (batch, seq, hidden) with the head count given by an attribute
 * (hidden = heads · head_size). Kernels work on the 4-D form.
 */
import { OpError } from '../../../errors.js';
import type { Tensor } from '../../tensor.js';

/**
 * A 3-D (batch, seq, heads · size) tensor as a (batch, heads, seq, size) view (no copy).
 * `name` and `attribute` name the tensor and the head-count attribute; `shapes` describes the
 * inputs for the error message.
 */
export function splitHeads(op: string, t: Tensor, heads: number, name: string, attribute: string, shapes: string): Tensor {
  const [batch, seq, hidden] = t.shape;
  if (hidden % heads !== 0) {
    throw new OpError(op, `${name}'s hidden size ${hidden} is not divisible by ${attribute} = ${heads}: ${shapes}`);
  }
  return t.reshape([batch, seq, heads, hidden / heads]).permute([0, 2, 1, 3]);
}

/** Row-major (batch, heads, seq, size) values rearranged to row-major (batch, seq, heads · size). */
export function mergeHeads(values: Float64Array, batch: number, heads: number, seq: number, size: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let b = 0; b < batch; b++)
    for (let h = 0; h < heads; h++)
      for (let s = 0; s < seq; s++) {
        const from = ((b * heads + h) * seq + s) * size;
        out.set(values.subarray(from, from + size), ((b * seq + s) * heads + h) * size);
      }
  return out;
}
