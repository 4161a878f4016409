/**
 * RandomNormal (ONNX RandomNormal-22): a tensor of `shape` drawn from N(mean, scale^2) by
 * Box-Muller on Philox4x32-10 (docs/random.md): elements 2k and 2k+1 (row-major) are the sine
 * and cosine halves of pair k, as successive `curand_normal` calls return them on a state
 * started at `offset` (32-bit draws, default 0).
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import type { FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { PhiloxStream } from '../random/philox-stream.js';
import { philoxKeyFromSeed, readRandomTensorAttributes } from '../random/random-attributes.js';
import { shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { floatAttributeFor } from './templates/compute-precision.js';

export interface RandomNormalAttributes {
  readonly dtype: FloatDType;
  readonly mean: number;
  readonly scale: number;
  readonly seed: number | undefined;
  readonly offset: number;
  readonly shape: readonly number[];
}

export const RandomNormal = defineKernel<RandomNormalAttributes>({
  name: 'RandomNormal',
  inputs: { min: 0, max: 0 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('RandomNormal', raw);
    const { dtype, seed, offset, shape } = readRandomTensorAttributes('RandomNormal', reader);
    const mean = reader.float('mean', 0);
    const scale = reader.float('scale', 1);
    reader.done();
    if (!Number.isFinite(mean) || !Number.isFinite(scale)) {
      throw new OpError('RandomNormal', `needs finite mean and scale, got mean ${mean}, scale ${scale}`);
    }
    return { dtype, mean: floatAttributeFor(mean, dtype), scale: floatAttributeFor(scale, dtype), seed, offset, shape };
  },
  run: (_inputs, attrs, ctx) => {
    const { dtype, mean, scale, shape } = attrs;
    const stream = new PhiloxStream(philoxKeyFromSeed('RandomNormal', attrs.seed ?? ctx.seed), { offset: attrs.offset });
    const z = stream.normal(shapeSize(shape), dtype === 'float64' ? 'float64' : 'float32');
    // mean + scale * z in float64, rounded once into the output dtype.
    for (let i = 0; i < z.length; i++) z[i] = mean + scale * z[i];
    return [Tensor.fromNumbers(z, shape, dtype)];
  },
});
