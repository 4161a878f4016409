/**
 * Silu (not in ONNX; torch.nn.SiLU, a.k.a. swish): x · sigmoid(x), with the overflow-free
 * sigmoid. Silu(-Inf) is NaN, as the defining product -Inf · 0 evaluates in IEEE arithmetic.
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import { sigmoid } from './Sigmoid.js';
import { unaryMap } from './templates/elementwise.js';

export const Silu = defineKernel({
  name: 'Silu',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => new AttributeReader('Silu', raw).done(),
  run: (inputs, _attrs, ctx) => [unaryMap('Silu', inputs, ctx, (x) => x * sigmoid(x))],
});
