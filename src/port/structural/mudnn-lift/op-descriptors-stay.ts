/**
 * muDNN's op descriptors (binary, unary, softmax, batch norm) and the softmax workspace query have
 * no cuDNN counterpart: cuDNN's calls take the op as arguments or their own descriptor kinds. They
 * vanish with the runs that port (mudnn-groups.ts); the ones that stay — because their run stays —
 * are declined with the reason here rather than given to an unrelated CUDA entry by the roles.
 *
 * In a status chain (`let s = mudnnCreateBinaryDescriptor(d); if (s === MUDNN_STATUS_SUCCESS) s =
 * …`), the statement that starts or sets the status stays when its run ports, and the call is
 * written as the target's success status (the status enum the catalog relates to muDNN's, e.g.
 * CUDNN_STATUS_SUCCESS): what it answered on the path the run takes. An unannotated `let` is
 * written `SUCCESS as <status type>` so the variable keeps the status type, not the literal's.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { vanishingCall } from '../../lower/vanishing-call.js';
import { correspondingEnum, memberByMeaning, statusEnumOf } from '../../mapping/enum-mapping.js';
import { ts } from '../../syntax/typescript.js';
import { answersSuccess } from './mudnn-groups.js';
import { MUDNN_RUNS } from './mudnn-operation.js';

const FAMILY_OF = new Map<string, string>(
  Object.entries(MUDNN_RUNS).flatMap(([run, family]) => (family ? [family.create, family.set, family.destroy, ...(family.query ? [family.query] : [])].map((s): [string, string] => [s, run]) : [])),
);

/** The source call an invocation was lifted from: the call whose arguments hold its argument nodes. */
function sourceCall(invocation: Invocation): ts.CallExpression | undefined {
  for (const e of invocation.args.values()) {
    for (let n: ts.Node | undefined = e.node; n?.parent; n = n.parent) {
      if (ts.isCallExpression(n.parent) && n.parent.arguments.includes(n as ts.Expression)) return n.parent;
    }
  }
  return undefined;
}

/** The target's success status and status type for a muDNN entry's status, when the catalog relates them. */
function targetSuccess(catalog: Catalog, invocation: Invocation, target: LowerContext['target']): { member: string; type: string } | undefined {
  const source = statusEnumOf(catalog, invocation.origin.entry);
  const status = source ? correspondingEnum(catalog, source, target) : undefined;
  const member = status ? memberByMeaning(status, 'status.success') : undefined;
  return status && member ? { member: member.name, type: status.spec.name } : undefined;
}

/** `let s = call` without a type: the literal written there would widen, so the status type is asserted. */
function initialisesUntypedLet(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const d = n.parent;
  return ts.isVariableDeclaration(d) && d.initializer === n && !d.type && ts.isVariableDeclarationList(d.parent) && (d.parent.flags & ts.NodeFlags.Const) === 0;
}

export const opDescriptorsStayLowerer: Lowerer = {
  name: "muDNN's op descriptors, which CUDA does not have",
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const symbol = invocation.origin.symbol;
    const run = invocation.origin.backend === 'musa' ? FAMILY_OF.get(symbol) : undefined;
    if (!run) return undefined;
    const call = sourceCall(invocation);
    const success = call && answersSuccess(call) ? targetSuccess(ctx.catalog, invocation, ctx.target) : undefined;
    if (call && success) {
      const typed = initialisesUntypedLet(call);
      return vanishingCall(ctx, (c) => {
        const value = c.names.value(success.member, c.style, c.origin);
        return typed ? `${value} as ${c.names.type(success.type, c.style, undefined)}` : value;
      });
    }
    const reason = `cuDNN has no counterpart of this muDNN op-descriptor call; it goes with the \`${run}\` it serves when that ports, and stays with it otherwise`;
    return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] };
  },
};

/** The primitives the op-descriptor family binds (one registration each). */
export const OP_DESCRIPTOR_PRIMITIVES = ['descriptor.create', 'descriptor.set', 'descriptor.destroy', 'workspace.query'] as const;
