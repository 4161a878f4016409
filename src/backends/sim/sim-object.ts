/**
 * The base of every opaque object a facade hands out (handles, streams, queues, events,
 * descriptors, communicators, ...): the C typedef name it stands for (`kind`, used in leak
 * reports and messages), where the program made it, and whether it has been destroyed.
 * Subclasses add their own state and name their kind, e.g.
 * `class AclStream extends SimObject { readonly kind = 'aclrtStream'; ... }`.
 */
import type { CallSite } from './call-site.js';
import type { LiveObject } from './sim-process.js';
import type { SimEvent, SimStream } from './stream-ordering.js';

export abstract class SimObject implements LiveObject {
  abstract readonly kind: string;
  destroyed = false;

  constructor(readonly site: CallSite | undefined) {}
}

/** A vendor stream or queue (aclrtStream, XPUStream, cnrtQueue_t): the simulated stream it names. */
export abstract class StreamObject extends SimObject {
  constructor(
    readonly sim: SimStream,
    site: CallSite | undefined,
  ) {
    super(site);
  }

  get device(): number {
    return this.sim.device;
  }
}

/** A vendor event or notifier (aclrtEvent, XPUEvent, cnrtNotifier_t): its simulated event, device and creation flags. */
export abstract class EventObject extends SimObject {
  constructor(
    readonly sim: SimEvent,
    readonly device: number,
    readonly flags: number,
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

/** A vendor communicator (ncclComm_t, HcclComm, cnclComm_t, BKCLContext_t): its rank among nranks, on a device. */
export abstract class CommunicatorObject extends SimObject {
  constructor(
    readonly rank: number,
    readonly nranks: number,
    readonly device: number,
    site: CallSite | undefined,
  ) {
    super(site);
  }
}
