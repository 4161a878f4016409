/**
 * Gelu (ONNX Gelu-20). approximate = 'none': 0.5·x·(1 + erf(x/√2)); 'tanh':
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
 *
 * A profile whose `gelu` is not 'as-requested' overrides the attribute: that is how a
 * vendor operator that always computes one form is modelled (golden mode never overrides).
 *
 * For x < 0 the erf form is evaluated as 0.5·x·erfc(-x/√2) and the tanh form as
 * x·sigmoid(2u) (the same function), so the left tail keeps its relative precision instead
 * of cancelling in 1 + erf / 1 + tanh. Gelu(-Inf) is NaN, as ONNX's function body
 * (-Inf · 0) and ONNX Runtime give.
 */
import { AttributeReader } from '../attribute-reader.js';
import { defineKernel } from '../kernel.js';
import type { GeluVariant } from '../numerics/numeric-profile.js';
import { erf, erfc } from './Erf.js';
import { sigmoid } from './Sigmoid.js';
import { unaryMap } from './templates/elementwise.js';

export type GeluApproximation = 'none' | 'tanh';
const SQRT_2_OVER_PI = 0.7978845608028654;

export function geluErf(x: number): number {
  if (x === -Infinity) return NaN;
  return x >= 0 ? 0.5 * x * (1 + erf(x * Math.SQRT1_2)) : 0.5 * x * erfc(-x * Math.SQRT1_2);
}

export function geluTanh(x: number): number {
  if (x === -Infinity) return NaN;
  const u = SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
  return x * sigmoid(2 * u);
}

/** The form actually computed: the profile's when it forces one, else the attribute's. */
export function effectiveGelu(approximate: GeluApproximation, profileGelu: GeluVariant): GeluApproximation {
  if (profileGelu === 'erf') return 'none';
  if (profileGelu === 'tanh') return 'tanh';
  return approximate;
}

export const Gelu = defineKernel({
  name: 'Gelu',
  inputs: { min: 1, max: 1 },
  parseAttributes: (raw) => {
    const reader = new AttributeReader('Gelu', raw);
    const approximate = reader.string<GeluApproximation>('approximate', 'none', ['none', 'tanh']);
    reader.done();
    return { approximate };
  },
  run: (inputs, { approximate }, ctx) => {
    const form = effectiveGelu(approximate, ctx.profile.gelu);
    return [unaryMap('Gelu', inputs, ctx, form === 'tanh' ? geluTanh : geluErf)];
  },
});
