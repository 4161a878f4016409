/**
 * AveragePool (ONNX AveragePool-22, any number of spatial axes) plus the `data_format`
 * extension. Each window's input elements are summed in window order (row-major over the
 * kernel taps) under `ctx.profile.reduce`, then divided — by the number of input elements, or
 * with count_include_pad by the taps inside the padded input — and the quotient rounded to the
 * accumulation dtype. Padding contributes zeros; NaN and Inf propagate.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { rounderFor, sumStrided } from '../numerics/accumulate.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { channelsFirstView, channelsLastView, readDataFormat, type DataFormat } from './templates/channels-last.js';
import { FLOAT_ONLY, requireDType, requireInput } from './templates/elementwise.js';
import {
  emptyWindowError,
  paddedTapCounts,
  poolWindowGeometry,
  readWindowAttributes,
  tapTable,
  type WindowAttributes,
} from './templates/sliding-window.js';

interface AveragePoolAttributes {
  readonly window: WindowAttributes;
  readonly countIncludePad: boolean;
  readonly dataFormat: DataFormat;
}

export const AveragePool = defineKernel<AveragePoolAttributes>({
  name: 'AveragePool',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const r = new AttributeReader('AveragePool', raw);
    const attrs = { window: readWindowAttributes(r, { ceilMode: true }), countIncludePad: r.bool('count_include_pad', false), dataFormat: readDataFormat(r) };
    r.done();
    if (!attrs.window.kernelShape) throw new OpError('AveragePool', "attribute 'kernel_shape' is required");
    return attrs;
  },
  run: (inputs, attrs, ctx) => {
    const xIn = requireInput('AveragePool', inputs, 0, 'X');
    requireDType('AveragePool', xIn, 'X', FLOAT_ONLY);
    const nhwc = attrs.dataFormat === 'NHWC';
    const x = nhwc && xIn.rank >= 3 ? channelsFirstView(xIn) : xIn;
    const g = poolWindowGeometry('AveragePool', x, attrs.window);
    const [batch, channels] = x.shape;
    const inputSize = shapeSize(g.input);
    const positions = shapeSize(g.output);
    const values = x.toFloat64();
    const table = tapTable(g);
    const taps = shapeSize(g.kernel);
    const padded = attrs.countIncludePad ? paddedTapCounts(g) : undefined;
    const numerics = ctx.profile.reduce;
    const round = rounderFor(numerics.accumulate);
    const window = new Float64Array(taps);
    const y = new Float64Array(batch * channels * positions);
    for (let plane = 0; plane < batch * channels; plane++) {
      const base = plane * inputSize;
      for (let o = 0; o < positions; o++) {
        let count = 0;
        for (let t = 0; t < taps; t++) {
          const index = table[t * positions + o];
          if (index >= 0) window[count++] = values[base + index];
        }
        if (count === 0) throw emptyWindowError('AveragePool', g, o);
        const sum = sumStrided(window, 0, count, 1, numerics);
        y[plane * positions + o] = round(sum / (padded ? padded[o] : count));
      }
    }
    const out = Tensor.fromNumbers(y, [batch, channels, ...g.output], xIn.dtype);
    return [nhwc ? channelsLastView(out).contiguous() : out];
  },
});
