/**
 * The stream a library call launches on. cuBLAS, cuBLASLt, cuRAND and NCCL do not validate
 * a stream when it is set; a destroyed stream fails when work is launched on it, which the
 * library reports as its own launch failure (status given by the caller) with OB2008.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { reject } from './rejection.js';
import { resolveStream } from './streams.js';

export function launchStream(ctx: CallContext, stream: unknown, failure: number, failureName: string, what = 'stream'): SimStream | number {
  try {
    return resolveStream(ctx.process, stream, what);
  } catch (error) {
    if (error instanceof DeviceFault && error.kind === 'invalid-handle') return reject(ctx, failure, failureName, error.message, 'OB2008');
    throw error;
  }
}
