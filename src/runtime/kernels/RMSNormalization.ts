/**
 * RMSNormalization (ONNX RMSNormalization-23): Y = X / sqrt(mean(X²) + epsilon) * scale, the
 * mean taken over the axes from `axis` to the last. Y has scale's dtype (ONNX type V).
 */
import { AttributeReader } from '../attribute-reader.js';
import { FLOAT_DTYPES, type FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { computeRounder, finishValues } from './templates/compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput } from './templates/elementwise.js';
import { laneLayout, readBroadcastParameter } from './templates/normalization-parameters.js';
import { castToStash, laneMeanSquare, firstNormalizedAxis, readStatisticsAttributes, standardDeviation, statisticsNumerics } from './templates/normalization-statistics.js';

const OP = 'RMSNormalization';

interface RMSNormalizationAttributes {
  readonly axis: number;
  readonly epsilon: number;
  readonly stash: FloatDType;
}

export const RMSNormalization = defineKernel<RMSNormalizationAttributes>({
  name: OP,
  inputs: { min: 2, max: 2 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader(OP, raw);
    const attributes = { axis: reader.int('axis', -1), ...readStatisticsAttributes(reader, FLOAT_DTYPES) };
    reader.done();
    return attributes;
  },
  run: (inputs, attrs, ctx) => {
    const x = requireInput(OP, inputs, 0, 'X');
    const scale = requireInput(OP, inputs, 1, 'scale');
    requireDType(OP, x, 'X', FLOAT_ONLY);
    requireDType(OP, scale, 'scale', FLOAT_ONLY);
    const axis = firstNormalizedAxis(OP, x, attrs.axis);
    const scaleValues = readBroadcastParameter(OP, scale, 'scale', x.shape, x.shape.slice(axis));

    const xType = x.dtype as FloatDType;
    const yType = scale.dtype as FloatDType;
    const numerics = statisticsNumerics(attrs.stash, ctx);
    const stash = numerics.round;
    const computeX = computeRounder(xType, ctx);
    const computeY = computeRounder(yType, ctx);
    const values = castToStash(x.toFloat64(), stash);
    const y = new Float64Array(values.length);
    const { lanes, laneSize } = laneLayout(x.shape, axis);
    for (let lane = 0; lane < lanes; lane++) {
      const start = lane * laneSize;
      const rms = standardDeviation(laneMeanSquare(values, start, laneSize, 1, numerics), attrs.epsilon, stash);
      for (let p = start; p < start + laneSize; p++) {
        // Normalized is cast back to X's type, then multiplied by scale.
        const normalized = computeX(stash(values[p] / rms));
        y[p] = computeY(normalized * scaleValues[p]);
      }
    }
    return [Tensor.fromNumbers(finishValues(y, yType, ctx), x.shape, yType)];
  },
});
