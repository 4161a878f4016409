/**
 * AllGather (collective; NCCL ncclAllGather): inputs X (one tensor per rank, same shape and
 * dtype), outputs Y (one per rank), every Y the rank tensors concatenated along axis 0 in rank
 * order: shape [N * d0, d1, ...], or [N] for scalars. Row-major, this is NCCL's recvbuff
 * layout, where rank r's sendcount elements land at offset r * sendcount.
 */
import { AttributeReader } from '../attribute-reader.js';
import { allocateStorage } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { rankInputs } from './templates/collective.js';

export const AllGather = defineKernel({
  name: 'AllGather',
  inputs: { min: 0, max: Number.POSITIVE_INFINITY },
  parseAttributes: (raw) => new AttributeReader('AllGather', raw).done(),
  run: (inputs) => {
    const ranks = rankInputs('AllGather', inputs);
    const { dtype, shape, size } = ranks[0];
    const gatheredShape = shape.length === 0 ? [ranks.length] : [shape[0] * ranks.length, ...shape.slice(1)];
    // contiguous() storage holds exactly `size` elements, in row-major order.
    const parts = ranks.map((t) => t.contiguous().storage);
    return ranks.map(() => {
      const storage = allocateStorage(dtype, size * ranks.length);
      // Same typed-array class on both sides (the dtype fixes it), so set() copies the bits.
      parts.forEach((part, r) => (storage as Uint8Array).set(part as unknown as Uint8Array, r * size));
      return new Tensor(storage, dtype, gatheredShape);
    });
  },
});
