/**
 * Conv (ONNX Conv-22, any number of spatial axes) plus the `data_format` extension (NHWC: X is
 * N,D1..Dn,C, W is O,k1..kn,I/group, Y is N,D1..Dn,O).
 *
 * Computed as im2col + the matrix unit under the profile's conv numerics (`matrixNumerics`;
 * float64 kept for float64 data): per batch and group,
 * Y[O/g × L] = W[O/g × (C/g·k1···kn)] · col[(C/g·k1···kn) × L], so each output's sum runs over
 * (input channel, kernel taps row-major) in increasing order, with the profile's operand
 * format, accumulation dtype and split-K. X and W are each prepared once as whole tensors
 * (one quantisation scale each). The bias is added in float64 and the sum rounded once to the
 * accumulation dtype.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { rounderFor } from '../numerics/accumulate.js';
import { shapeSize } from '../shape.js';
import { channelsFirstView, channelsLastView, readDataFormat, type DataFormat } from './templates/channels-last.js';
import { matrixNumerics } from './templates/compute-precision.js';
import { FLOAT_ONLY, requireDType, requireInput, requireSameDType } from './templates/elementwise.js';
import {
  multiplyInto,
  prepareTensor,
  resultBuffer,
  resultTensor,
  rowMajorView,
  scaleInPlace,
  type MatrixValues,
} from './templates/matrix-product.js';
import { readWindowAttributes, tapTable, windowGeometry, type WindowAttributes } from './templates/sliding-window.js';

interface ConvAttributes {
  readonly window: WindowAttributes;
  readonly group: number;
  readonly dataFormat: DataFormat;
}

export const Conv = defineKernel<ConvAttributes>({
  name: 'Conv',
  inputs: { min: 2, max: 3 },
  parseAttributes: (raw) => {
    const r = new AttributeReader('Conv', raw);
    const attrs = { window: readWindowAttributes(r, { ceilMode: false }), group: r.int('group', 1), dataFormat: readDataFormat(r) };
    r.done();
    if (attrs.group < 1) throw new OpError('Conv', `attribute 'group' must be >= 1, got ${attrs.group}`);
    return attrs;
  },
  run: (inputs, attrs, ctx) => {
    const nhwc = attrs.dataFormat === 'NHWC';
    const xIn = requireInput('Conv', inputs, 0, 'X');
    const wIn = requireInput('Conv', inputs, 1, 'W');
    const bias = inputs[2];
    requireSameDType('Conv', bias ? [xIn, wIn, bias] : [xIn, wIn], ['X', 'W', 'B']);
    requireDType('Conv', xIn, 'X', FLOAT_ONLY);
    if (xIn.rank < 3) {
      throw new OpError('Conv', `X ${formatShape(xIn.shape)} must have rank >= 3 (${nhwc ? 'N, spatial..., C' : 'N, C, spatial...'})`);
    }
    if (wIn.rank !== xIn.rank) {
      throw new OpError('Conv', `W ${formatShape(wIn.shape)} must have the rank of X ${formatShape(xIn.shape)}`);
    }
    const x = nhwc ? channelsFirstView(xIn) : xIn;
    const w = nhwc ? channelsFirstView(wIn) : wIn;
    const [batch, channels, ...spatial] = x.shape;
    const [outChannels, groupChannels, ...kernel] = w.shape;
    const group = attrs.group;
    const layoutNote = nhwc ? ' (data_format NHWC: W is O, k..., I/group)' : '';
    if (channels % group !== 0 || outChannels % group !== 0) {
      throw new OpError('Conv', `group ${group} must divide the input channels ${channels} and output channels ${outChannels}`);
    }
    if (groupChannels !== channels / group) {
      throw new OpError(
        'Conv',
        `W ${formatShape(wIn.shape)} has ${groupChannels} input channels per group, but X ${formatShape(xIn.shape)} has ` +
          `${channels} channels in ${group} group${group === 1 ? '' : 's'} (${channels / group} per group)${layoutNote}`,
      );
    }
    const kernelShape = attrs.window.kernelShape;
    if (kernelShape && (kernelShape.length !== kernel.length || kernelShape.some((k, i) => k !== kernel[i]))) {
      throw new OpError('Conv', `kernel_shape ${formatShape(kernelShape)} does not match the spatial shape ${formatShape(kernel)} of W ${formatShape(wIn.shape)}`, {
        fix: "omit 'kernel_shape' (it is inferred from W)",
      });
    }
    if (bias && (bias.rank !== 1 || bias.shape[0] !== outChannels)) {
      throw new OpError('Conv', `B ${formatShape(bias.shape)} must be 1-D with one value per output channel (${outChannels})`);
    }
    const g = windowGeometry('Conv', attrs.window, spatial, kernel);
    const positions = shapeSize(g.output);
    const numerics = matrixNumerics(xIn.dtype, ctx, 'conv');
    const values = resultBuffer(batch * outChannels * positions, numerics, xIn.dtype);
    if (values.length > 0) {
      const px = prepareTensor(x, numerics);
      const pw = prepareTensor(w, numerics);
      const taps = shapeSize(kernel);
      const depth = groupChannels * taps;
      const outPerGroup = outChannels / group;
      const table = tapTable(g);
      const col = px.values instanceof Float32Array ? new Float32Array(depth * positions) : new Float64Array(depth * positions);
      const inputSize = shapeSize(spatial);
      for (let n = 0; n < batch; n++) {
        for (let gi = 0; gi < group; gi++) {
          im2col(px.values, (n * channels + gi * groupChannels) * inputSize, inputSize, groupChannels, table, col);
          const outOffset = (n * outChannels + gi * outPerGroup) * positions;
          multiplyInto(rowMajorView(pw.values, depth, gi * outPerGroup * depth), rowMajorView(col, positions), outPerGroup, depth, positions, numerics, values, outOffset);
        }
      }
      scaleInPlace(values, 0, values.length, px.scale * pw.scale);
      if (bias) addBias(values, bias.toFloat64(), positions, rounderFor(numerics.accumulate));
    }
    const y = resultTensor(values, [batch, outChannels, ...g.output], xIn.dtype);
    return [nhwc ? channelsLastView(y).contiguous() : y];
  },
});

/** Fills col[(c·taps + t) × L] with the input element each tap reads, 0 in padding. */
function im2col(x: MatrixValues, base: number, inputSize: number, channels: number, table: Int32Array, col: MatrixValues): void {
  const rowsPerChannel = table.length;
  for (let c = 0; c < channels; c++) {
    const channelBase = base + c * inputSize;
    const colBase = c * rowsPerChannel;
    for (let i = 0; i < rowsPerChannel; i++) {
      const index = table[i];
      col[colBase + i] = index < 0 ? 0 : x[channelBase + index];
    }
  }
}

function addBias(values: MatrixValues, bias: Float64Array, positions: number, round: (x: number) => number): void {
  const channels = bias.length;
  for (let i = 0, row = 0; i < values.length; i += positions, row++) {
    const b = bias[row % channels];
    for (let j = i; j < i + positions; j++) values[j] = round(values[j] + b);
  }
}
