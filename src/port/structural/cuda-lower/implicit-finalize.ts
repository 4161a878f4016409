/**
 * Back to CUDA, whose runtime tears itself down when the process exits: aclFinalize has nothing
 * to do there (the inverse of aclInit's insertion, structural/runtime/acl-init.ts). It is not
 * cudaDeviceReset, which would also free every allocation of the device at that point. A
 * statement that only passes the status on goes; elsewhere cudaSuccess stands in.
 */
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';

export const implicitFinalizeLowerer: Lowerer = {
  name: 'runtime finalisation is implicit on CUDA',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'runtime.finalize') return undefined;
    let success: string | undefined;
    return {
      ok: true,
      lowering: {
        prelude: [],
        get call() {
          success ??= ctx.names.value('cudaSuccess', ctx.style, ctx.origin);
          return success;
        },
        targetSymbols: [],
        diagnostics: [],
        vanishes: true,
      },
    };
  },
};
