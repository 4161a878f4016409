/**
 * The attributes of a lifted Conv that every target's convolution needs, as lists: kernel
 * shape, pads, strides and dilations, and the group count. The mode decides whether the target
 * can compute it at all: every target here computes cross-correlation, so a true convolution
 * (CUDNN_CONVOLUTION, the kernel flipped) is declined with the fix.
 */
import type { Expr } from '../../ir/expr.js';
import type { OpInvocation } from '../../ir/invocation.js';
import { listItems } from './conv-lifter.js';

export interface ConvAttributes {
  readonly kernel: readonly string[] | undefined;
  readonly pads: readonly string[];
  readonly strides: readonly string[];
  readonly dilations: readonly string[];
  readonly group: Expr;
}

/**
 * The Conv's attributes, why `targetCall` cannot compute it, or undefined when the lifter did
 * not see them (the call is not this module's to port).
 */
export function convAttributes(
  invocation: OpInvocation,
  targetCall: string,
): { readonly ok: true; readonly value: ConvAttributes } | { readonly ok: false; readonly reason: string } | undefined {
  const { attributes } = invocation;
  const list = (name: string) => {
    const text = attributes.get(name)?.expr.text;
    return text === undefined ? undefined : listItems(text);
  };
  const [pads, strides, dilations] = [list('pads'), list('strides'), list('dilations')];
  const group = attributes.get('group')?.expr;
  if (!pads || !strides || !dilations || !group) return undefined;
  const mode = attributes.get('mode')?.meaning;
  if (mode === 'conv-mode.convolution') {
    return { ok: false, reason: `the convolution descriptor is in CUDNN_CONVOLUTION mode (true convolution, the kernel flipped); ${targetCall} computes cross-correlation: flip the filter and use CUDNN_CROSS_CORRELATION, or port this call by hand` };
  }
  if (mode !== undefined && mode !== 'conv-mode.cross-correlation') return { ok: false, reason: 'the convolution mode is not a constant cuDNN mode' };
  return { ok: true, value: { kernel: list('kernel_shape'), pads, strides, dilations, group } };
}
