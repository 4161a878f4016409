/**
 * ReduceScatter (collective; NCCL ncclReduceScatter): inputs X (one tensor per rank, same
 * shape [d0, ...] and dtype), outputs Y (one per rank). The element-wise `reduction` of all X
 * (as AllReduce, docs/collectives.md) is split along axis 0 into N equal chunks and rank r
 * receives chunk r, shape [d0 / N, ...]; d0 must be divisible by N. Row-major, chunk r is the
 * r-th recvcount-long slice of the flattened result, as in NCCL.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import {
  COLLECTIVE_REDUCTIONS,
  type CollectiveReduction,
  rankInputs,
  reduceAcrossRanks,
  requireReducibleDType,
} from './templates/collective.js';

export interface ReduceScatterAttributes {
  readonly reduction: CollectiveReduction;
}

export const ReduceScatter = defineKernel<ReduceScatterAttributes>({
  name: 'ReduceScatter',
  inputs: { min: 0, max: Number.POSITIVE_INFINITY },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('ReduceScatter', raw);
    const reduction = reader.string<CollectiveReduction>('reduction', 'sum', COLLECTIVE_REDUCTIONS);
    reader.done();
    return { reduction };
  },
  run: (inputs, attrs, ctx) => {
    const ranks = rankInputs('ReduceScatter', inputs);
    const n = ranks.length;
    const { shape } = ranks[0];
    requireReducibleDType('ReduceScatter', ranks[0]);
    if (shape.length === 0) {
      throw new OpError('ReduceScatter', 'inputs are scalars; there is no axis 0 to split across ranks', {
        fix: 'pass tensors of rank >= 1 whose first dimension is a multiple of the number of ranks',
      });
    }
    if (shape[0] % n !== 0) {
      throw new OpError(
        'ReduceScatter',
        `the first dimension of ${formatShape(shape)} (${shape[0]}) is not divisible by the ${n} ranks`,
        { fix: `pad axis 0 to a multiple of ${n}` },
      );
    }
    const reduced = reduceAcrossRanks('ReduceScatter', ranks, attrs.reduction, ctx);
    const chunk = shape[0] / n;
    return ranks.map((_, r) => reduced.slice(0, r * chunk, (r + 1) * chunk).contiguous());
  },
});
