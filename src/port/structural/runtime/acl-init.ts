/**
 * CUDA initialises its runtime implicitly; ACL needs aclInit once per process before any other
 * ACL call (the catalog's aclInit note: "a port inserts this before the first ACL call"). The
 * first device selection of a file ported to CANN (`cudaSetDevice`) is preceded by
 * `aclInit(null)`, its status handled like the call's. "First" is by source order in the file; a
 * program that sets the device in a function called several times needs the aclInit moved by hand.
 */
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';
import { vanishingCall, successValue } from '../../lower/vanishing-call.js';

export const aclInitLowerer: Lowerer = {
  name: 'aclInit before the first device selection',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.origin.backend === 'cann') return undefined;
    const node = [...invocation.args.values()].find((e) => e.node)?.node;
    const call = node?.parent;
    if (!call) return undefined;
    const earlier = ctx.context.allCalls().some((c) => {
      const binds = c.entry.spec.binds;
      return c.node.end <= call.getStart(ctx.context.sourceFile) && 'primitive' in binds && (binds.primitive === 'device.set' || binds.primitive === 'runtime.init');
    });
    if (earlier) return undefined;
    const lowered = roleLowerer.lower(invocation, ctx);
    if (!lowered?.ok) return lowered;
    const init = `${ctx.names.value('aclInit', ctx.style, ctx.origin)}(null)`;
    return {
      ok: true,
      lowering: { ...lowered.lowering, prelude: [{ text: init, declares: false, status: true }, ...lowered.lowering.prelude], targetSymbols: ['aclInit', ...lowered.lowering.targetSymbols] },
    };
  },
};

/** Back to CUDA, whose runtime initialises itself: aclInit has nothing to do. */
export const implicitInitLowerer: Lowerer = {
  name: 'runtime initialisation is implicit on CUDA',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'runtime.init') return undefined;
    return vanishingCall(ctx, successValue('cudaSuccess'));
  },
};
