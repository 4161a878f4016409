/**
 * Dropout (ONNX Dropout-22): inputs data, optional ratio (scalar, default 0.5) and optional
 * training_mode (bool scalar, default false); outputs output and mask (bool).
 *
 * Inference (training_mode false) and ratio 0 are the identity with an all-true mask. In
 * training, element i (row-major) is kept when the float32 uniform u_i = curand_uniform of
 * Philox draw `offset + i` (seed attribute or the run's seed; offset default 0) is below the
 * keep probability 1 - ratio, the rule of PyTorch's fused CUDA dropout
 * (aten/src/ATen/native/cuda/Dropout.cu); kept
 * elements are scaled by 1 / (1 - ratio). Dropped elements are data * 0 (so NaN and Inf stay
 * NaN, as ONNX's `scale * data * mask` gives). Ratio 1 drops everything, as PyTorch's
 * dropout(p=1) does, although ONNX only defines ratio in [0, 1). See docs/random.md.
 */
import { OpError } from '../../errors.js';
import { AttributeReader } from '../attribute-reader.js';
import type { FloatDType } from '../dtype.js';
import { defineKernel } from '../kernel.js';
import { PhiloxStream } from '../random/philox-stream.js';
import { philoxKeyFromSeed, readPhiloxOffset } from '../random/random-attributes.js';
import { Tensor } from '../tensor.js';
import { FLOAT_ONLY, requireDType, requireInput } from './templates/elementwise.js';

export interface DropoutAttributes {
  readonly seed: number | undefined;
  /** Philox counter offset in 32-bit draws (default 0). */
  readonly offset: number;
}

const DEFAULT_RATIO = 0.5;

function readScalar(t: Tensor, name: string): number {
  if (t.size !== 1) {
    throw new OpError('Dropout', `input '${name}' must be a scalar, got ${t.toString()}`, {
      fix: `pass a rank-0 (or one-element) ${name} tensor`,
    });
  }
  return t.toFloat64()[0];
}

export const Dropout = defineKernel<DropoutAttributes>({
  name: 'Dropout',
  inputs: { min: 1, max: 3 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Dropout', raw);
    const seed = reader.int('seed');
    const offset = readPhiloxOffset('Dropout', reader);
    reader.done();
    return { seed, offset };
  },
  run: (inputs, attrs, ctx) => {
    const data = requireInput('Dropout', inputs, 0, 'data');
    requireDType('Dropout', data, 'data', FLOAT_ONLY);
    const ratioTensor = inputs[1];
    const trainingTensor = inputs[2];
    let ratio = DEFAULT_RATIO;
    if (ratioTensor) {
      requireDType('Dropout', ratioTensor, 'ratio', FLOAT_ONLY);
      ratio = readScalar(ratioTensor, 'ratio');
    }
    let training = false;
    if (trainingTensor) {
      requireDType('Dropout', trainingTensor, 'training_mode', ['bool']);
      training = readScalar(trainingTensor, 'training_mode') !== 0;
    }
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new OpError('Dropout', `ratio must be in [0, 1], got ${ratio}`);
    }
    const size = data.size;
    const mask = new Uint8Array(size);
    if (!training || ratio === 0) {
      mask.fill(1);
      return [data.clone(), new Tensor(mask, 'bool', data.shape)];
    }
    const x = data.toFloat64();
    const out = new Float64Array(size);
    if (ratio < 1) {
      const keepProbability = data.dtype === 'float64' ? 1 - ratio : Math.fround(1 - ratio);
      const scale = 1 / (1 - ratio);
      const u = new PhiloxStream(philoxKeyFromSeed('Dropout', attrs.seed ?? ctx.seed), { offset: attrs.offset }).uniform(size, 'float32');
      for (let i = 0; i < size; i++) {
        const keep = u[i] < keepProbability;
        mask[i] = keep ? 1 : 0;
        out[i] = keep ? x[i] * scale : x[i] * 0;
      }
    } else {
      for (let i = 0; i < size; i++) out[i] = x[i] * 0;
    }
    return [Tensor.fromNumbers(out, data.shape, data.dtype as FloatDType), new Tensor(mask, 'bool', data.shape)];
  },
});
