/**
 * The canonical Cast operator over tensor views → CANN aclnnCast(self, dtype, out) (cann.md §4:
 * dtype is the target type). The frontend-graph lowering uses it to widen a node's input to the
 * graph's float32 compute type when the node's result stays an intermediate, so the chain
 * computes in float32 as the cuDNN graph does and rounds once, into its output.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { describable, lowerAclnn, memberFor } from './aclnn-two-phase.js';

/** Whether a Cast over views is aclnnCast's (undefined: not a Cast over views); pure, for the cuDNN descriptor life cycle. */
export function planAclnnCast(invocation: Invocation): { readonly ok: true } | undefined {
  if (invocation.kind !== 'operator' || invocation.operator !== 'Cast') return undefined;
  const x = invocation.inputs.get('input');
  const y = invocation.outputs.get('output');
  if (!describable(x) || !describable(y) || invocation.inputs.size !== 1 || invocation.outputs.size !== 1) return undefined;
  return { ok: true };
}

function lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
  if (invocation.kind !== 'operator' || !planAclnnCast(invocation)) return undefined;
  const x = invocation.inputs.get('input')!;
  const y = invocation.outputs.get('output')!;
  const symbol = invocation.origin.symbol;
  const dtype = memberFor(ctx, 'aclDataType', y.dtype!.meaning!);
  if (!dtype) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `${ctx.target} has no data type for ${y.dtype!.meaning}` }, symbol)] };
  const lowering = lowerAclnn({ op: 'aclnnCast', args: [{ kind: 'tensor', name: 'self', view: x }, { kind: 'text', text: dtype }, { kind: 'tensor', name: 'out', view: y }] }, invocation.stream, ctx);
  if ('error' in lowering) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: lowering.error }, symbol)] };
  return { ok: true, lowering };
}

export const aclnnCastLowerer: Lowerer = { name: 'Cast → aclnnCast', lower };
