/**
 * GlobalAveragePool (ONNX GlobalAveragePool-22): the mean over all spatial axes of each
 * (N, C) plane, Y of shape (N, C, 1, ..., 1). Sums run in row-major order under the
 * profile's reduction numerics (`reductionNumerics`); the quotient is rounded to the accumulation dtype.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { rounderFor, sumStrided } from '../numerics/accumulate.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { reductionNumerics } from './templates/compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput } from './templates/elementwise.js';

export const GlobalAveragePool = defineKernel({
  name: 'GlobalAveragePool',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('GlobalAveragePool', raw).done(),
  run: (inputs, _attrs, ctx) => {
    const x = requireInput('GlobalAveragePool', inputs, 0, 'X');
    requireDType('GlobalAveragePool', x, 'X', FLOAT_ONLY);
    if (x.rank < 3) {
      throw new OpError('GlobalAveragePool', `X ${formatShape(x.shape)} must have rank >= 3 (N, C and at least one spatial axis)`);
    }
    const spatial = x.shape.slice(2);
    if (spatial.some((d) => d === 0)) {
      throw new OpError('GlobalAveragePool', `X ${formatShape(x.shape)} has an empty spatial axis, whose mean is undefined; only N or C may be 0`);
    }
    const planes = x.shape[0] * x.shape[1];
    const size = shapeSize(spatial);
    const values = x.toFloat64();
    const numerics = reductionNumerics(x.dtype, ctx);
    const round = rounderFor(numerics.accumulate);
    const y = new Float64Array(planes);
    for (let p = 0; p < planes; p++) y[p] = round(sumStrided(values, p * size, size, 1, numerics) / size);
    return [Tensor.fromNumbers(y, [x.shape[0], x.shape[1], ...spatial.map(() => 1)], x.dtype)];
  },
});
