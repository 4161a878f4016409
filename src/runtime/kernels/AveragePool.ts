/**
 * AveragePool (ONNX AveragePool-22, any number of spatial axes) plus the `data_format`
 * extension. Each window's input elements are summed in window order (row-major over the
 * kernel taps) under the profile's reduction numerics (`reductionNumerics`), then divided — by the number of input elements, or
 * with count_include_pad by the taps inside the padded input — and the quotient rounded to the
 * accumulation dtype. Padding contributes zeros; NaN and Inf propagate.
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { rounderFor, sumStrided } from '../numerics/accumulate.js';
import { Tensor } from '../tensor.js';
import { reductionNumerics } from './templates/compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput } from './templates/elementwise.js';
import { inDataFormat, planPool, poolOutputShape, readPoolAttributes, type PoolAttributes } from './templates/pooling.js';
import { emptyWindowError, paddedTapCounts } from './templates/sliding-window.js';

interface AveragePoolAttributes extends PoolAttributes {
  readonly countIncludePad: boolean;
}

export const AveragePool = defineKernel<AveragePoolAttributes>({
  name: 'AveragePool',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const r = new AttributeReader('AveragePool', raw);
    const attrs = { ...readPoolAttributes('AveragePool', r), countIncludePad: r.bool('count_include_pad', false) };
    r.done();
    return attrs;
  },
  run: (inputs, attrs, ctx) => {
    const xIn = requireInput('AveragePool', inputs, 0, 'X');
    requireDType('AveragePool', xIn, 'X', FLOAT_ONLY);
    const plan = planPool('AveragePool', xIn, attrs);
    const { planes, inputSize, positions, taps, values, table } = plan;
    const padded = attrs.countIncludePad ? paddedTapCounts(plan.geometry) : undefined;
    const numerics = reductionNumerics(xIn.dtype, ctx);
    const round = rounderFor(numerics.accumulate);
    const window = new Float64Array(taps);
    const y = new Float64Array(planes * positions);
    for (let plane = 0; plane < planes; plane++) {
      const base = plane * inputSize;
      for (let o = 0; o < positions; o++) {
        let count = 0;
        for (let t = 0; t < taps; t++) {
          const index = table[t * positions + o];
          if (index >= 0) window[count++] = values[base + index];
        }
        if (count === 0) throw emptyWindowError('AveragePool', plan.geometry, o);
        const sum = sumStrided(window, 0, count, 1, numerics);
        y[plane * positions + o] = round(sum / (padded ? padded[o] : count));
      }
    }
    return [inDataFormat(plan, Tensor.fromNumbers(y, poolOutputShape(plan), xIn.dtype))];
  },
});
