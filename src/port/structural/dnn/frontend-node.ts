/**
 * What every target's lowering of a cudnn-frontend graph node checks first: the invocation is a
 * node the graph's execute call lifted, of an operator the target lowers; the graph has a
 * handle; and the handle and the operands have no side effects (a node's statements use them
 * more than once). The failures decline with OB1019 naming the node's operator.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { OpInvocation, Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult } from '../../lower/lowerer.js';

const GRAPH_EXECUTE = 'cudnn_frontend::graph::Graph::execute';

export interface FrontendNode {
  readonly invocation: OpInvocation;
  readonly handle: string;
  /** OB1019 on the graph's execute call, the reason prefixed with the node's operator. */
  readonly decline: (reason: string) => LowerResult;
}

/** The node, a decline, or undefined when the invocation is not a graph node this target lowers. */
export function frontendNode(
  invocation: Invocation,
  ctx: LowerContext,
  operators: readonly string[],
  handleUse: string,
): FrontendNode | { readonly declined: LowerResult } | undefined {
  if (invocation.kind !== 'operator' || invocation.origin.symbol !== GRAPH_EXECUTE) return undefined;
  if (!operators.includes(invocation.operator)) return undefined;
  const symbol = invocation.origin.symbol;
  const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `${invocation.operator}: ${reason}` }, symbol)] });
  const handle = invocation.args.get('handle');
  if (!handle) return { declined: decline(`the graph has no handle ${handleUse}`) };
  if (!handle.pure) return { declined: decline(`the handle \`${handle.text}\` has side effects`) };
  const impure = [...invocation.inputs.values(), ...invocation.outputs.values()].find((t) => !t.ptr.pure);
  if (impure) return { declined: decline(`the pointer \`${impure.ptr.text}\` has side effects`) };
  return { invocation, handle: handle.text, decline };
}
