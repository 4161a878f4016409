/**
 * GroupNormalization (ONNX GroupNormalization-21): the C channels of X (N, C, D1, ...) are
 * split into `num_groups` groups of C / num_groups consecutive channels; each (sample, group)
 * is standardised over its channels and spatial positions, then every channel gets its own
 * scale and bias (opset 21; opset 18 had one scale and bias per group).
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { FLOAT_DTYPES, type FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { computeRounder, finishValues } from './templates/compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput, requireSameDType } from './templates/elementwise.js';
import { readChannelParameter } from './templates/normalization-parameters.js';
import { castToStash, laneMoments, readStatisticsAttributes, standardDeviation, statisticsNumerics } from './templates/normalization-statistics.js';

const OP = 'GroupNormalization';

interface GroupNormalizationAttributes {
  readonly numGroups: number;
  readonly epsilon: number;
  readonly stash: FloatDType;
}

export const GroupNormalization = defineKernel<GroupNormalizationAttributes>({
  name: OP,
  inputs: { min: 3, max: 3 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader(OP, raw);
    const numGroups = reader.int('num_groups');
    if (numGroups === undefined) {
      throw new OpError(OP, `attribute 'num_groups' is required`, { fix: 'pass num_groups, a positive divisor of the channel count C' });
    }
    if (numGroups < 1) throw new OpError(OP, `attribute 'num_groups' must be a positive integer, got ${numGroups}`);
    const attributes = { numGroups, ...readStatisticsAttributes(reader, FLOAT_DTYPES) };
    reader.done();
    return attributes;
  },
  run: (inputs, attrs, ctx) => {
    const x = requireInput(OP, inputs, 0, 'X');
    const scale = requireInput(OP, inputs, 1, 'scale');
    const bias = requireInput(OP, inputs, 2, 'bias');
    requireDType(OP, x, 'X', FLOAT_ONLY);
    requireSameDType(OP, [x, scale, bias], ['X', 'scale', 'bias']);
    if (x.rank < 2) {
      throw new OpError(OP, `X has shape ${formatShape(x.shape)}; it must be (N, C, D1, ...) with rank >= 2`);
    }
    const [batch, channels] = x.shape;
    const groups = attrs.numGroups;
    if (channels % groups !== 0) {
      throw new OpError(OP, `X of shape ${formatShape(x.shape)} has C = ${channels} channels, not divisible by num_groups = ${groups}`, {
        fix: 'choose num_groups dividing the channel count',
      });
    }
    if (scale.rank === 1 && scale.shape[0] === groups && groups !== channels) {
      throw new OpError(
        OP,
        `input 'scale' has shape ${formatShape(scale.shape)} (one value per group), but GroupNormalization-21 takes one per channel: shape [${channels}]`,
        { fix: `repeat each group's value ${channels / groups} times (opset 18 semantics expanded to opset 21)` },
      );
    }
    const scaleValues = readChannelParameter(OP, scale, 'scale', channels, x.shape);
    const biasValues = readChannelParameter(OP, bias, 'bias', channels, x.shape);

    const dtype = x.dtype as FloatDType;
    const numerics = statisticsNumerics(attrs.stash, ctx);
    const stash = numerics.round;
    const compute = computeRounder(dtype, ctx);
    const values = castToStash(x.toFloat64(), stash);
    const deviations = new Float64Array(values.length);
    const y = new Float64Array(values.length);
    const spatial = shapeSize(x.shape.slice(2));
    const groupChannels = channels / groups;
    const groupSize = groupChannels * spatial;
    for (let n = 0; n < batch; n++) {
      for (let g = 0; g < groups; g++) {
        // The channels of one group are consecutive in (N, C, ...) layout: one contiguous lane.
        const start = (n * channels + g * groupChannels) * spatial;
        const moments = laneMoments(values, start, groupSize, 1, numerics, deviations);
        const stdDev = standardDeviation(moments.variance, attrs.epsilon, stash);
        for (let k = 0; k < groupSize; k++) {
          const p = start + k;
          const c = g * groupChannels + Math.floor(k / spatial);
          const normalized = compute(stash(deviations[p] / stdDev));
          y[p] = compute(compute(scaleValues[c] * normalized) + biasValues[c]);
        }
      }
    }
    return [Tensor.fromNumbers(finishValues(y, dtype, ctx), x.shape, dtype)];
  },
});
