/**
 * cuDNN handle and descriptor calls on a target without them (CANN's aclnn: no library handle,
 * the stream is an argument of every run call, shapes meet the pointer in aclCreateTensor).
 * cudnnCreate / cudnnSetStream / cudnnDestroy and the descriptor create / set / destroy calls
 * disappear — but only when every use of their handle or descriptor variable disappears or is
 * absorbed by a compute call that ports (its lift and its aclnn plan succeed), an output-shape
 * query answered on the host (conv-output-dims.ts) or a convolution-plan query that vanishes
 * (conv-workspace-slice.ts). Otherwise the
 * whole family stays as written, so the file never holds a compute call whose descriptors were
 * ported away. The variable's declaration (`const xDesc = ref<cudnnTensorDescriptor_t>();`)
 * goes with them.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { variableName, type ResolvedCall, type StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { planAclnnConv } from './aclnn-conv-lowerer.js';
import { planAclnn } from './aclnn-lowerers.js';
import { planAclnnCast } from './frontend-cast.js';
import { outputDimAssignments } from './conv-output-dims.js';
import { PLAN_QUERIES, whyQueryStays } from './conv-workspace-slice.js';
import { liftCudnn, sourceCallOf } from './cudnn-lifter.js';
import { vanishingCall, successValue } from '../../lower/vanishing-call.js';

/** The primitives of handle and descriptor life cycles that vanish. */
export const LIFECYCLE_PRIMITIVES = ['handle.create', 'handle.destroy', 'handle.set-stream', 'descriptor.create', 'descriptor.set', 'descriptor.destroy'] as const;

const OBJECT_ROLES = ['out-handle', 'handle', 'out-descriptor', 'descriptor'];

function isLifecycle(call: ResolvedCall): boolean {
  const binds = call.entry.spec.binds;
  return call.entry.library === 'cudnn' && 'primitive' in binds && (LIFECYCLE_PRIMITIVES as readonly string[]).includes(binds.primitive);
}

/** Whether a compute call ports structurally to the target (same lift and plan as the walk uses). */
function computePorts(call: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext): boolean {
  const liftContext = { catalog, target, context, enumReference: () => undefined };
  const lifted = liftCudnn(sourceCallOf(call, liftContext), liftContext);
  if (!lifted?.ok) return false;
  return (planAclnn(lifted.value) ?? planAclnnConv(lifted.value) ?? planAclnnCast(lifted.value))?.ok === true;
}

/**
 * Why the variable `name` cannot vanish, or undefined when every use of it is a cuDNN life-cycle
 * call or an argument of a compute call that ports (to aclnn; other targets pass `absorbs`,
 * which says whether a facade call using the variable goes away with it).
 */
export function whyVariableStays(
  name: string,
  declaration: ts.Node | undefined,
  catalog: Catalog,
  target: BackendId,
  context: StaticContext,
  absorbs: (call: ResolvedCall) => boolean = (call) =>
    isLifecycle(call) ||
    computePorts(call, catalog, target, context) ||
    outputDimAssignments(call, context).ok ||
    ((PLAN_QUERIES as readonly string[]).includes(call.entry.spec.symbol) && whyQueryStays(call, catalog, target, context) === undefined),
): string | undefined {
  const calls = new Map(context.allCalls().map((c) => [c.node, c]));
  const judged = new Map<ts.CallExpression, string | undefined>();
  let reason: string | undefined;
  const visit = (node: ts.Node): void => {
    if (reason) return;
    const declared = ts.isIdentifier(node) && ts.isVariableDeclaration(node.parent) && node.parent.name === node;
    if (ts.isIdentifier(node) && node.text === name.split('.')[0] && !declared && !(declaration && node.parent === declaration) && !context.isAbsorbed(node)) {
      // The facade call this use is an argument of.
      let n: ts.Node = node;
      let owner: ResolvedCall | undefined;
      while (n.parent) {
        const p = n.parent;
        if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
          owner = calls.get(p);
          if (owner && variableName(n as ts.Expression) !== name) owner = undefined;
          break;
        }
        n = p;
      }
      if (!owner) {
        reason = `\`${name}\` is used outside cuDNN calls (line ${context.sourceFile.getLineAndCharacterOfPosition(node.getStart(context.sourceFile)).line + 1})`;
        return;
      }
      if (!judged.has(owner.node)) {
        judged.set(owner.node, absorbs(owner) ? undefined : `\`${owner.entry.spec.symbol}\` uses \`${name}\` and does not port`);
      }
      reason = judged.get(owner.node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(context.sourceFile);
  return reason;
}

export const cudnnLifecycleLowerer: Lowerer = {
  name: 'cudnn handles and descriptors vanish',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.origin.entry.library !== 'cudnn') return undefined;
    if (!(LIFECYCLE_PRIMITIVES as readonly string[]).includes(invocation.primitive)) return undefined;
    const symbol = invocation.origin.symbol;
    const objectRole = OBJECT_ROLES.find((r) => invocation.args.has(r));
    const object = objectRole ? invocation.args.get(objectRole) : undefined;
    const name = object?.node ? variableName(object.node) : undefined;
    if (!name) return undefined; // nothing to follow: the catalog's own answer (its gap note) stands
    const stays = whyVariableStays(name, undefined, ctx.catalog, ctx.target, ctx.context);
    if (stays) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `${ctx.target} has no ${objectRole!.replace('out-', '')} objects, and ${stays}` }, symbol)] };
    return vanishingCall(ctx, successValue('ACLNN_SUCCESS'));
  },
};

/** Whether a `const v = ref<T>()` declaration goes with the calls of its variable. */
export function dropsDeclaration(name: string, declaration: ts.VariableDeclaration, ctx: LowerContext): boolean {
  return ctx.context.callsNaming(name).some(isLifecycle) && whyVariableStays(name, declaration, ctx.catalog, ctx.target, ctx.context) === undefined;
}
