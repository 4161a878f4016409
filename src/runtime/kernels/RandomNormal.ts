/**
 * RandomNormal (ONNX RandomNormal-22): a tensor of `shape` drawn from N(mean, scale^2) by
 * Box-Muller on Philox4x32-10 (docs/random.md): elements 2k and 2k+1 (row-major) are the sine
 * and cosine halves of pair k, as successive `curand_normal` calls return them.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import type { FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { PhiloxStream } from '../random/philox-stream.js';
import { philoxKeyFromSeed, readDTypeAttribute } from '../random/random-attributes.js';
import { assertValidShape, shapeSize } from '../shape.js';
import { Tensor } from '../tensor.js';
import { FLOAT_ONLY } from './templates/elementwise.js';

export interface RandomNormalAttributes {
  readonly dtype: FloatDType;
  readonly mean: number;
  readonly scale: number;
  readonly seed: number | undefined;
  readonly shape: readonly number[];
}

export const RandomNormal = defineKernel<RandomNormalAttributes>({
  name: 'RandomNormal',
  inputs: { min: 0, max: 0 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('RandomNormal', raw);
    const dtype = readDTypeAttribute('RandomNormal', reader, raw, 'float32', FLOAT_ONLY) as FloatDType;
    const mean = reader.float('mean', 0);
    const scale = reader.float('scale', 1);
    const seed = reader.float('seed');
    const shape = reader.ints('shape');
    reader.done();
    if (!shape) throw new OpError('RandomNormal', `attribute 'shape' is required`, { fix: 'pass shape, e.g. [2, 3]' });
    assertValidShape(shape, 'RandomNormal');
    if (!Number.isFinite(mean) || !Number.isFinite(scale)) {
      throw new OpError('RandomNormal', `needs finite mean and scale, got mean ${mean}, scale ${scale}`);
    }
    return { dtype, mean, scale, seed, shape };
  },
  run: (_inputs, attrs, ctx) => {
    const { dtype, mean, scale, shape } = attrs;
    const stream = new PhiloxStream(philoxKeyFromSeed('RandomNormal', attrs.seed ?? ctx.seed));
    const z = stream.normal(shapeSize(shape), dtype === 'float64' ? 'float64' : 'float32');
    // mean + scale * z in float64, rounded once into the output dtype.
    for (let i = 0; i < z.length; i++) z[i] = mean + scale * z[i];
    return [Tensor.fromNumbers(z, shape, dtype)];
  },
});
