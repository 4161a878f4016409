/**
 * Source descriptors that a target's calls replace with objects of their own (a cuDNN activation
 * descriptor becomes the muDNN unary descriptor each ported activation call makes; CNNL's calls
 * describe every operand themselves): the descriptor's create / set / destroy calls vanish with
 * their `const d = ref<…>()` declaration, but only when every use of the variable is one of those
 * calls or a call that goes away with it (a compute call that ports: whyVariableStays). Otherwise
 * the whole family stays as written with OB1019 naming the use that holds it, so a file never
 * keeps a compute call whose descriptor was ported away.
 */
import type { Catalog, EntryRecord } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { variableName, type ResolvedCall, type StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Invocation } from '../../ir/invocation.js';
import type { DeclarationDropper, LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import type { ts } from '../../syntax/typescript.js';
import { whyVariableStays } from './cudnn-lifecycle.js';
import { vanishingCall, successValue } from '../../lower/vanishing-call.js';

export interface DescriptorAbsorption {
  /** What replaces the descriptors, for the diagnostic (`the unary descriptor each mudnnUnary call makes`). */
  readonly replacedBy: string;
  /** Whether a source entry is one of the descriptor calls that vanish. */
  readonly isDescriptorCall: (entry: EntryRecord) => boolean;
  /** Whether another call using the descriptor goes away with it (a compute call that ports). */
  readonly absorbs: (call: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext) => boolean;
  /** The target's success status, written where a vanished call's status is used in an expression. */
  readonly success: string;
}

/** Why the descriptor variable `name` stays, or undefined when it goes. */
function whyStays(a: DescriptorAbsorption, name: string, declaration: ts.Node | undefined, catalog: Catalog, target: BackendId, context: StaticContext): string | undefined {
  return whyVariableStays(name, declaration, catalog, target, context, (call) => a.isDescriptorCall(call.entry) || a.absorbs(call, catalog, target, context));
}

/** The descriptor variables a descriptor call creates, sets or destroys. */
function descriptorVariables(invocation: Invocation): string[] {
  const names: string[] = [];
  for (const [role, e] of invocation.args) {
    if (!(role === 'out-descriptor' || role === 'descriptor' || role.startsWith('desc:') || role === 'config') || !e.node) continue;
    const name = variableName(e.node);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

export function absorbedDescriptorLowerer(a: DescriptorAbsorption): Lowerer {
  return {
    name: `descriptors replaced by ${a.replacedBy}`,
    lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
      if (invocation.kind !== 'primitive' || !a.isDescriptorCall(invocation.origin.entry)) return undefined;
      const symbol = invocation.origin.symbol;
      const names = descriptorVariables(invocation);
      if (names.length === 0) return undefined; // nothing to follow: the catalog's own answer stands
      for (const name of names) {
        const stays = whyStays(a, name, undefined, ctx.catalog, ctx.target, ctx.context);
        if (stays) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `its descriptors are replaced by ${a.replacedBy}, and ${stays}` }, symbol)] };
      }
      return vanishingCall(ctx, successValue(a.success));
    },
  };
}

/** Drops a `const d = ref<T>()` declaration that goes with the descriptor calls of its variable. */
export function absorbedDeclarationDropper(a: DescriptorAbsorption): DeclarationDropper {
  return (name: string, declaration: ts.VariableDeclaration, ctx: LowerContext): boolean => {
    const uses = ctx.context.allCalls().filter((c) => c.args.some((arg) => variableName(arg) === name));
    const creates = uses.some((c) => a.isDescriptorCall(c.entry) && 'primitive' in c.entry.spec.binds && c.entry.spec.binds.primitive === 'descriptor.create');
    return creates && whyStays(a, name, declaration, ctx.catalog, ctx.target, ctx.context) === undefined;
  };
}
