/**
 * RandomUniform (ONNX RandomUniform-22): a tensor of `shape` drawn uniformly from [low, high)
 * with Philox4x32-10 (docs/random.md). Element i (row-major) uses draw `offset + i` of the
 * stream keyed by `seed` (or the run's seed), subsequence 0; `offset` defaults to 0.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import type { DType, FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { rounderFor } from '../numerics/accumulate.js';
import { PhiloxStream } from '../random/philox-stream.js';
import { philoxKeyFromSeed, readRandomTensorAttributes } from '../random/random-attributes.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { floatAttributeFor } from './templates/compute-precision.js';

export interface RandomUniformAttributes {
  readonly dtype: FloatDType;
  readonly low: number;
  readonly high: number;
  readonly seed: number | undefined;
  readonly offset: number;
  readonly shape: readonly number[];
}

export const RandomUniform = defineKernel<RandomUniformAttributes>({
  name: 'RandomUniform',
  inputs: { min: 0, max: 0 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('RandomUniform', raw);
    const { dtype, seed, offset, shape } = readRandomTensorAttributes('RandomUniform', reader);
    const low = reader.float('low', 0);
    const high = reader.float('high', 1);
    reader.done();
    if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
      throw new OpError('RandomUniform', `needs finite low <= high, got low ${low}, high ${high}`);
    }
    return { dtype, low: floatAttributeFor(low, dtype), high: floatAttributeFor(high, dtype), seed, offset, shape };
  },
  run: (_inputs, attrs, ctx) => {
    const { dtype, low, high, shape } = attrs;
    const stream = new PhiloxStream(philoxKeyFromSeed('RandomUniform', attrs.seed ?? ctx.seed), { offset: attrs.offset });
    const size = shapeSize(shape);
    const u = stream.uniform(size, dtype === 'float64' ? 'float64' : 'float32');
    const round = rounderFor(dtype);
    const range = high - low;
    const values = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const value = round(low + range * u[i]);
      // cuRAND's (0, 1] becomes [low, high): a value that lands on high wraps to low, as in
      // PyTorch's CUDA uniform_ (aten/src/ATen/native/cuda/DistributionTemplates.h).
      values[i] = value === high && low < high ? low : value;
    }
    return [Tensor.fromNumbers(values, shape, dtype satisfies DType)];
  },
});
