/**
 * Slice (ONNX Slice-13): elements start, start+step, … before end along each listed axis,
 * with the int32/int64 inputs starts, ends, axes (default 0..len-1) and steps (default 1).
 * Negative starts/ends count from the end; then starts are clamped to [0, dim] ([0, dim-1]
 * for negative steps) and ends to [0, dim] ([-1, dim-1] for negative steps), so INT64_MAX
 * and INT64_MIN mean "to the end". A negative step walks backwards through a view with a
 * negative stride; stored elements are then copied bit-exactly.
 */
import { OpError, formatShape } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { Tensor } from '../tensor.js';
import { normalizeAxesOf, readIntegerVector, type IntegerInputOptions } from './templates/axis-inputs.js';
import { requireInput } from './templates/elementwise.js';
import { materialize } from './templates/outer-index.js';

const INDEX_INPUT: IntegerInputOptions = { dtypes: ['int64', 'int32'], allowHuge: true };

const clamp = (v: number, low: number, high: number): number => Math.min(Math.max(v, low), high);

export const Slice = defineKernel({
  name: 'Slice',
  inputs: { min: 3, max: 5 },
  parseAttributes: (raw) => new AttributeReader('Slice', raw).done(),
  run: (inputs) => {
    const data = requireInput('Slice', inputs, 0, 'data');
    const starts = readIntegerVector('Slice', requireInput('Slice', inputs, 1, 'starts'), 'starts', INDEX_INPUT);
    const ends = readIntegerVector('Slice', requireInput('Slice', inputs, 2, 'ends'), 'ends', INDEX_INPUT);
    const axesGiven = inputs[3] ? readIntegerVector('Slice', inputs[3], 'axes', { dtypes: ['int64', 'int32'] }) : starts.map((_, i) => i);
    const steps = inputs[4] ? readIntegerVector('Slice', inputs[4], 'steps', INDEX_INPUT) : starts.map(() => 1);
    if (ends.length !== starts.length || axesGiven.length !== starts.length || steps.length !== starts.length) {
      throw new OpError(
        'Slice',
        `starts (${starts.length}), ends (${ends.length}), axes (${axesGiven.length}) and steps (${steps.length}) must have the same length`,
      );
    }
    const axes = normalizeAxesOf('Slice', axesGiven, data.shape);
    const shape = [...data.shape];
    const strides = [...data.strides];
    let offset = data.offset;
    axes.forEach((axis, i) => {
      const step = steps[i];
      if (step === 0) throw new OpError('Slice', `steps[${i}] is 0 for axis ${axesGiven[i]} of data ${formatShape(data.shape)}; a step cannot be 0`);
      const dim = data.shape[axis];
      const start = starts[i] < 0 ? starts[i] + dim : starts[i];
      const end = ends[i] < 0 ? ends[i] + dim : ends[i];
      let first: number;
      let length: number;
      if (step > 0) {
        first = clamp(start, 0, dim);
        length = Math.max(0, Math.ceil((clamp(end, 0, dim) - first) / step));
      } else {
        first = clamp(start, 0, dim - 1);
        length = Math.max(0, Math.ceil((first - clamp(end, -1, dim - 1)) / -step));
      }
      if (length > 0) offset += first * data.strides[axis];
      shape[axis] = length;
      strides[axis] = length > 1 ? data.strides[axis] * step : data.strides[axis];
    });
    return [materialize(new Tensor(data.storage, data.dtype, shape, strides, offset))];
  },
});
