/**
 * muDNN's op descriptors (binary, unary, softmax, batch norm) and the softmax workspace query have
 * no cuDNN counterpart: cuDNN's calls take the op as arguments or their own descriptor kinds. They
 * vanish with the runs that port (mudnn-groups.ts); the ones that stay — because their run stays —
 * are declined with the reason here rather than given to an unrelated CUDA entry by the roles.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { MUDNN_RUNS } from './mudnn-operation.js';

const FAMILY_OF = new Map<string, string>(
  Object.entries(MUDNN_RUNS).flatMap(([run, family]) => (family ? [family.create, family.set, family.destroy, ...(family.query ? [family.query] : [])].map((s): [string, string] => [s, run]) : [])),
);

export const opDescriptorsStayLowerer: Lowerer = {
  name: "muDNN's op descriptors, which CUDA does not have",
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const symbol = invocation.origin.symbol;
    const run = invocation.origin.backend === 'musa' ? FAMILY_OF.get(symbol) : undefined;
    if (!run) return undefined;
    const reason = `cuDNN has no counterpart of this muDNN op-descriptor call; it goes with the \`${run}\` it serves when that ports, and stays with it otherwise`;
    return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
  },
};

/** The primitives the op-descriptor family binds (one registration each). */
export const OP_DESCRIPTOR_PRIMITIVES = ['descriptor.create', 'descriptor.set', 'descriptor.destroy', 'workspace.query'] as const;
