/**
 * Broadcast (collective; NCCL ncclBroadcast): inputs X (one tensor per rank), outputs Y (one
 * per rank), every Y a copy of X[root]. All ranks must pass tensors of one shape and dtype,
 * as every rank passes the same count and datatype to ncclBroadcast.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { rankInputs } from './templates/collective.js';

export interface BroadcastAttributes {
  readonly root: number;
}

export const Broadcast = defineKernel<BroadcastAttributes>({
  name: 'Broadcast',
  inputs: { min: 0, max: Number.POSITIVE_INFINITY },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Broadcast', raw);
    const root = reader.int('root', 0);
    reader.done();
    return { root };
  },
  run: (inputs, attrs) => {
    const ranks = rankInputs('Broadcast', inputs);
    const { root } = attrs;
    if (root < 0 || root >= ranks.length) {
      throw new OpError('Broadcast', `root ${root} is out of range for ${ranks.length} rank(s) (valid: 0..${ranks.length - 1})`);
    }
    return ranks.map(() => ranks[root].clone());
  },
});
