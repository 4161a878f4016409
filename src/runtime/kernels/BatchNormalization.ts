/**
 * BatchNormalization (ONNX BatchNormalization-15), inference mode:
 * Y = (X - input_mean) / sqrt(input_var + epsilon) * scale + B per channel of X (N, C, D1, ...).
 *
 * Computed as inference kernels (ONNX Runtime, cuDNN) do, with the per-channel affine map
 * folded first: a = scale / sqrt(var + epsilon), b = B - mean * a, Y = X * a + b. The fold
 * decides the special values too: var + epsilon = 0 gives a = ±Inf and Y = NaN, as ONNX
 * Runtime produces. Training mode (batch statistics, running-mean outputs) is not provided.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import type { FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { computeRounder, finishValues } from './templates/compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput, requireSameDType } from './templates/elementwise.js';
import { readChannelParameter } from './templates/normalization-parameters.js';
import { readEpsilon } from './templates/normalization-statistics.js';

const OP = 'BatchNormalization';

interface BatchNormalizationAttributes {
  readonly epsilon: number;
}

export const BatchNormalization = defineKernel<BatchNormalizationAttributes>({
  name: OP,
  inputs: { min: 5, max: 5 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader(OP, raw);
    const epsilon = readEpsilon(reader);
    // momentum only updates running statistics, which inference mode does not produce.
    reader.float('momentum', 0.9);
    const trainingMode = reader.int('training_mode', 0);
    reader.done();
    if (trainingMode !== 0) {
      throw new OpError(OP, `training_mode = ${trainingMode} is not supported: the reference runtime runs BatchNormalization in inference mode`, {
        fix: 'set training_mode to 0 (use input_mean / input_var); training statistics and running-mean outputs are not provided',
      });
    }
    return { epsilon };
  },
  run: (inputs, attrs, ctx) => {
    const x = requireInput(OP, inputs, 0, 'X');
    const scale = requireInput(OP, inputs, 1, 'scale');
    const bias = requireInput(OP, inputs, 2, 'B');
    const mean = requireInput(OP, inputs, 3, 'input_mean');
    const variance = requireInput(OP, inputs, 4, 'input_var');
    requireDType(OP, x, 'X', FLOAT_ONLY);
    // ONNX lets X (T), scale / B (T1) and mean / var (T2) differ in dtype.
    requireDType(OP, scale, 'scale', FLOAT_ONLY);
    requireSameDType(OP, [scale, bias], ['scale', 'B']);
    requireDType(OP, mean, 'input_mean', FLOAT_ONLY);
    requireSameDType(OP, [mean, variance], ['input_mean', 'input_var']);
    if (x.rank < 2) {
      throw new OpError(OP, `X has shape ${formatShape(x.shape)}; it must be (N, C, D1, ...) with rank >= 2`, {
        fix: 'add a batch dimension: reshape X to [1, C, ...]',
      });
    }
    const channels = x.shape[1];
    const scaleValues = readChannelParameter(OP, scale, 'scale', channels, x.shape);
    const biasValues = readChannelParameter(OP, bias, 'B', channels, x.shape);
    const meanValues = readChannelParameter(OP, mean, 'input_mean', channels, x.shape);
    const varianceValues = readChannelParameter(OP, variance, 'input_var', channels, x.shape);

    const dtype = x.dtype as FloatDType;
    const compute = computeRounder(dtype, ctx);
    const multiplier = new Float64Array(channels);
    const offset = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      const invStdDev = compute(1 / compute(Math.sqrt(compute(varianceValues[c] + attrs.epsilon))));
      multiplier[c] = compute(scaleValues[c] * invStdDev);
      offset[c] = compute(biasValues[c] - compute(meanValues[c] * multiplier[c]));
    }
    const values = x.toFloat64();
    const spatial = shapeSize(x.shape.slice(2));
    for (let p = 0; p < values.length; p++) {
      const c = Math.floor(p / spatial) % channels;
      values[p] = compute(compute(values[p] * multiplier[c]) + offset[c]);
    }
    return [Tensor.fromNumbers(finishValues(values, dtype, ctx), x.shape, dtype)];
  },
});
