/**
 * AllReduce (collective; NCCL ncclAllReduce): inputs X (one tensor per rank), outputs Y (one
 * per rank), every Y the element-wise `reduction` (sum | prod | max | min | avg) of all X, in
 * the order and precision of docs/collectives.md.
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { COLLECTIVE_REDUCTIONS, type CollectiveReduction, rankInputs, reduceAcrossRanks } from './templates/collective.js';

export interface AllReduceAttributes {
  readonly reduction: CollectiveReduction;
}

export const AllReduce = defineKernel<AllReduceAttributes>({
  name: 'AllReduce',
  inputs: { min: 0, max: Number.POSITIVE_INFINITY },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('AllReduce', raw);
    const reduction = reader.string<CollectiveReduction>('reduction', 'sum', COLLECTIVE_REDUCTIONS);
    reader.done();
    return { reduction };
  },
  run: (inputs, attrs, ctx) => {
    const ranks = rankInputs('AllReduce', inputs);
    const reduced = reduceAcrossRanks('AllReduce', ranks, attrs.reduction, ctx);
    // Each rank receives its own buffer, as each GPU has its own recvbuff.
    return ranks.map((_, r) => (r === 0 ? reduced : reduced.clone()));
  },
});
