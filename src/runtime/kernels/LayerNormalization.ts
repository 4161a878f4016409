/**
 * LayerNormalization (ONNX LayerNormalization-17): standardises X over the axes from `axis`
 * to the last, then scales and shifts. Outputs Y, Mean and InvStdDev (the latter two in the
 * `stash_type` dtype, shaped like X with the normalised axes set to 1).
 */
import { AttributeReader } from '../attribute-reader.js';
import type { FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { computeRounder, finishValues } from './templates/compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput, requireSameDType } from './templates/elementwise.js';
import { laneLayout, readBroadcastParameter, reducedShape } from './templates/normalization-parameters.js';
import { castToStash, laneMoments, firstNormalizedAxis, readStatisticsAttributes, standardDeviation, statisticsNumerics } from './templates/normalization-statistics.js';

const OP = 'LayerNormalization';

interface LayerNormalizationAttributes {
  readonly axis: number;
  readonly epsilon: number;
  readonly stash: FloatDType;
}

export const LayerNormalization = defineKernel<LayerNormalizationAttributes>({
  name: OP,
  inputs: { min: 2, max: 3 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader(OP, raw);
    // ONNX restricts LayerNormalization's stash type (U) to float32 and bfloat16.
    const attributes = { axis: reader.int('axis', -1), ...readStatisticsAttributes(reader, ['float32', 'bfloat16']) };
    reader.done();
    return attributes;
  },
  run: (inputs, attrs, ctx) => {
    const x = requireInput(OP, inputs, 0, 'X');
    const scale = requireInput(OP, inputs, 1, 'Scale');
    const bias = inputs[2];
    requireDType(OP, x, 'X', FLOAT_ONLY);
    requireSameDType(OP, bias ? [x, scale, bias] : [x, scale], ['X', 'Scale', 'B']);
    const axis = firstNormalizedAxis(OP, x, attrs.axis);
    const normalizedShape = x.shape.slice(axis);
    const scaleValues = readBroadcastParameter(OP, scale, 'Scale', x.shape, normalizedShape);
    const biasValues = bias ? readBroadcastParameter(OP, bias, 'B', x.shape, normalizedShape) : undefined;

    const dtype = x.dtype as FloatDType;
    const numerics = statisticsNumerics(attrs.stash, ctx);
    const stash = numerics.round;
    const compute = computeRounder(dtype, ctx);
    const values = castToStash(x.toFloat64(), stash);
    const deviations = new Float64Array(values.length);
    const y = new Float64Array(values.length);
    const { lanes, laneSize } = laneLayout(x.shape, axis);
    const mean = new Float64Array(lanes);
    const invStdDev = new Float64Array(lanes);
    for (let lane = 0; lane < lanes; lane++) {
      const start = lane * laneSize;
      const moments = laneMoments(values, start, laneSize, 1, numerics, deviations);
      const stdDev = standardDeviation(moments.variance, attrs.epsilon, stash);
      mean[lane] = moments.mean;
      invStdDev[lane] = stash(1 / stdDev);
      for (let p = start; p < start + laneSize; p++) {
        // Normalized is cast back to X's type before the scale and shift (ONNX stage two).
        const normalized = compute(stash(deviations[p] / stdDev));
        const scaled = compute(normalized * scaleValues[p]);
        y[p] = biasValues ? compute(scaled + biasValues[p]) : scaled;
      }
    }
    const statsShape = reducedShape(x.shape, axis);
    return [
      Tensor.fromNumbers(finishValues(y, dtype, ctx), x.shape, dtype),
      Tensor.fromNumbers(mean, statsShape, attrs.stash),
      Tensor.fromNumbers(invStdDev, statsShape, attrs.stash),
    ];
  },
});
