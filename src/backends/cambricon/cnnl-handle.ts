/**
 * The CNNL handle: one per device and thread, bound to a queue with cnnlSetQueue (NULL, the
 * default queue, until then). It stands for both the cuBLAS and the cuDNN handle; numerics
 * knobs live on op descriptors, not on the handle.
 */
import { requireLive } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import type { CallSite } from '../sim/call-site.js';
import type { SimProcess } from '../sim/sim-process.js';
import { SimObject } from '../sim/sim-object.js';
import type { SimStream } from '../sim/stream-ordering.js';
import { enumMember } from './catalog-enums.js';
import type { cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { queueStream, type cnrtQueue_t } from './cnrt-queue.js';

export class CnnlHandle extends SimObject {
  readonly kind = 'cnnlHandle_t';
  queue: cnrtQueue_t = null;

  constructor(
    readonly device: number,
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export type cnnlHandle_t = CnnlHandle;

function isHandle(value: unknown): value is CnnlHandle {
  return value instanceof CnnlHandle;
}

export function requireHandle(value: unknown): CnnlHandle {
  return requireLive(value, 'cnnlHandle_t', isHandle);
}

/** The stream a handle's work runs on: its queue, or the default queue of its device. */
export function handleStream(process: SimProcess, handle: CnnlHandle): SimStream {
  return handle.queue ? queueStream(process, handle.queue) : process.ordering.defaultStream(handle.device);
}

export function cnnlCreate(handle: Ref<cnnlHandle_t>): cnnlStatus_t {
  return cnnlCall('cnnlCreate', ({ process, site }) => {
    const out = requireOutRef(handle, 'handle');
    out.value = process.track(new CnnlHandle(process.currentDevice, site));
  });
}

export function cnnlDestroy(handle: cnnlHandle_t): cnnlStatus_t {
  return cnnlCall('cnnlDestroy', ({ process }) => {
    process.release(requireHandle(handle));
  });
}

export function cnnlSetQueue(handle: cnnlHandle_t, queue: cnrtQueue_t): cnnlStatus_t {
  return cnnlCall('cnnlSetQueue', ({ process }) => {
    const h = requireHandle(handle);
    queueStream(process, queue); // a destroyed or foreign queue is rejected now, not at the next op
    h.queue = queue ?? null;
  });
}

export function cnnlGetQueue(handle: cnnlHandle_t, queue: Ref<cnrtQueue_t>): cnnlStatus_t {
  return cnnlCall('cnnlGetQueue', () => {
    const h = requireHandle(handle);
    requireOutRef(queue, 'queue').value = h.queue;
  });
}

/** Returns the status NAME ("CNNL_STATUS_BAD_PARAM"), as cnnl.h documents. */
export function cnnlGetErrorString(status: cnnlStatus_t): string {
  return enumMember('cnnlStatus_t', status)?.name ?? `unrecognized cnnlStatus_t ${String(status)}`;
}
