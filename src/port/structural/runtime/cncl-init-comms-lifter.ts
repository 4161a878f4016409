/**
 * cnclInitComms in its one-communicator-per-process form — `cnclInitComms(comm, 1, [dev],
 * [rank], nranks, id)`, as cncl-init-comms-lowerer.ts writes it and PaddleCustomDevice's MLU
 * runtime calls it — lifts to the communicator.init of one rank: the list elements become the
 * `device` and `rank` arguments themselves, so a target that takes a rank (ncclCommInitRank)
 * gets `rank`, not `[rank]`. Other forms (several communicators, lists that are not array
 * literals of one element) are left to the generic lifter.
 *
 * The device stays in the invocation: a target whose init uses the current device may drop it
 * only where it is provably the current device (current-device-read.ts).
 */
import type { Expr } from '../../ir/expr.js';
import type { PrimitiveInvocation } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { ts } from '../../syntax/typescript.js';

/** The element of a one-element array literal argument, with its rewritten text. */
export function singleElement(arg: Expr | undefined, ctx: Pick<LiftContext, 'context'>): Expr | undefined {
  const node = arg?.node;
  if (!arg || !node || !ts.isArrayLiteralExpression(node) || node.elements.length !== 1 || ts.isSpreadElement(node.elements[0])) return undefined;
  const text = arg.text.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const element = node.elements[0];
  const value = ctx.context.constant(element);
  return {
    text: text.slice(1, -1).trim().replace(/,$/, '').trim(),
    node: element,
    pure: arg.pure,
    ...(value ? { value } : {}),
    ...(arg.order !== undefined ? { order: arg.order } : {}),
  };
}

export const cnclInitCommsLifter: Lifter = {
  name: 'cnclInitComms of one communicator',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    const [comms, count, devices, ranks, nranks, id] = call.args;
    const one = count?.value?.kind === 'number' && count.value.value === 1;
    const device = singleElement(devices, ctx);
    const rank = singleElement(ranks, ctx);
    if (!one || !device || !rank || !comms || !nranks || !id) return undefined;
    const invocation: PrimitiveInvocation = {
      kind: 'primitive',
      primitive: 'communicator.init',
      args: new Map([
        ['out-comm', comms],
        ['device', device],
        ['rank', rank],
        ['nranks', nranks],
        ['unique-id', id],
      ]),
      enums: new Map(),
      origin: { backend: call.backend, entry: call.entry, symbol: call.entry.spec.symbol },
    };
    return { ok: true, invocation };
  },
};
