/**
 * Back to CUDA, whose runtime tears itself down when the process exits: aclFinalize has nothing
 * to do there (the inverse of aclInit's insertion, structural/runtime/acl-init.ts). It is not
 * cudaDeviceReset, which would also free every allocation of the device at that point. A
 * statement that only passes the status on goes; elsewhere cudaSuccess stands in.
 */
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { vanishingCall, successValue } from '../../lower/vanishing-call.js';

export const implicitFinalizeLowerer: Lowerer = {
  name: 'runtime finalisation is implicit on CUDA',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.primitive !== 'runtime.finalize') return undefined;
    return vanishingCall(ctx, successValue('cudaSuccess'));
  },
};
