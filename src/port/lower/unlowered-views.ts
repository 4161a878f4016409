/**
 * The last word on an operator lifted from a two-phase call (aclnn) when no structural lowerer of
 * the target wrote it: the generic role path cannot write a two-phase source at all, so instead
 * of its convention mismatch the diagnostic says what is missing — a lowerer of the operator over
 * tensor views for this target.
 */
import { pending } from '../diagnostics/port-diagnostics.js';
import type { Invocation } from '../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from './lowerer.js';

function isTwoPhaseRun(invocation: Invocation): boolean {
  const binds = invocation.origin.entry.spec.binds;
  return 'operator' in binds && binds.phase === 'execute';
}

export const unloweredViewsLowerer: Lowerer = {
  name: 'operators over views no structural lowerer wrote',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'operator' || !isTwoPhaseRun(invocation)) return undefined;
    const tensors = [...invocation.inputs.values(), ...invocation.outputs.values()];
    if (tensors.length === 0 || !tensors.every((t) => t.dims && t.strides)) return undefined;
    const symbol = invocation.origin.symbol;
    const reason = `no ${ctx.target} lowerer writes ${invocation.operator} over tensor views (dims and strides, no descriptors) yet`;
    return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
  },
};
