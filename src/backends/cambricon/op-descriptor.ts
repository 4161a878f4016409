/**
 * CNNL op descriptors (convolution, activation, pooling, op-tensor, reduce, transpose,
 * matmul, flash attention ...): opaque objects created empty, filled by a Set call and
 * checked by every op that uses them (destroyed or never-set descriptors are rejected).
 */
import { DeviceFault } from '../sim/device-fault.js';
import { requireLive } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import type { CallSite } from '../sim/call-site.js';
import { SimObject } from '../sim/sim-object.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import type { cnnlStatus_t } from './constants.generated.js';

export class CnnlOpDescriptor<S> extends SimObject {
  settings: S | undefined;

  constructor(
    readonly kind: string,
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

/** The live descriptor of the given C type. */
export function requireOpDescriptor<S>(value: unknown, kind: string): CnnlOpDescriptor<S> {
  return requireLive(value, kind, (x): x is CnnlOpDescriptor<S> => x instanceof CnnlOpDescriptor && x.kind === kind);
}

/** The settings of a live descriptor that has been set. */
export function descriptorSettings<S>(value: unknown, kind: string, setter: string): S {
  const desc = requireOpDescriptor<S>(value, kind);
  if (desc.settings === undefined) throw new DeviceFault('invalid-value', `the ${kind} was never set with ${setter}`);
  return desc.settings;
}

export function createOpDescriptor(symbol: string, kind: string, out: Ref<never> | Ref<unknown>, name = 'desc'): cnnlStatus_t {
  return cnnlCall(symbol, ({ process, site }) => {
    requireOutRef(out as Ref<unknown>, name).value = process.track(new CnnlOpDescriptor<unknown>(kind, site));
  });
}

export function destroyOpDescriptor(symbol: string, kind: string, desc: unknown): cnnlStatus_t {
  return cnnlCall(symbol, ({ process }) => {
    process.release(requireOpDescriptor(desc, kind));
  });
}

export function setOpDescriptor<S>(desc: unknown, kind: string, settings: S): void {
  requireOpDescriptor<S>(desc, kind).settings = settings;
}
