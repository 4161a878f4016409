/**
 * CNRT queues (cnrtQueue_t) as simulated streams. CNRT has no legacy default stream: NULL is
 * the calling thread's own default queue of the current device, and no queue synchronises
 * implicitly with another (torch_mlu: "the per-thread default stream is the only one
 * supported by CNRT"; Cambricon's developer guide: work in different queues is unordered).
 * So every queue, the default one included, is modelled as a non-blocking stream, and a
 * read of memory written on another queue without a notifier wait or a sync is a race.
 */
import { DeviceFault } from '../sim/device-fault.js';
import { requireLive } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import type { CallSite } from '../sim/call-site.js';
import type { SimProcess } from '../sim/sim-process.js';
import { StreamObject } from '../sim/sim-object.js';
import { SIMULATED_DEVICE, type SimStream } from '../sim/stream-ordering.js';
import { cnrtErrorNotReady, type cnrtRet_t } from './constants.generated.js';
import { requireOutRef } from './out-params.js';
import { cnrtCall } from './library-calls.js';
import type { CnrtNotifier } from './cnrt-notifier.js';
import { requireNotifier } from './cnrt-notifier.js';

export class CnrtQueue extends StreamObject {
  readonly kind = 'cnrtQueue_t';

  constructor(
    sim: SimStream,
    readonly priority: number,
    site: CallSite | undefined,
  ) {
    super(sim, site);
  }
}

/** `cnrtQueue_t`: a queue made by cnrtQueueCreate, or NULL / 0 for the default queue. */
export type cnrtQueue_t = CnrtQueue | null | 0;

function isQueue(value: unknown): value is CnrtQueue {
  return value instanceof CnrtQueue;
}

function isDefaultQueue(queue: unknown): boolean {
  return queue === null || queue === undefined || queue === 0;
}

/** The stream a queue argument names; NULL / 0 is the default queue of the current device. */
export function queueStream(process: SimProcess, queue: unknown): SimStream {
  if (isDefaultQueue(queue)) return process.ordering.defaultStream(process.currentDevice);
  return requireLive(queue, 'cnrtQueue_t', isQueue).sim;
}

function createQueue(process: SimProcess, priority: number, site: CallSite | undefined): CnrtQueue {
  const device = process.currentDevice;
  return process.track(new CnrtQueue(process.ordering.createStream(device, true), priority, site));
}

export function cnrtQueueCreate(pQueue: Ref<cnrtQueue_t>): cnrtRet_t {
  return cnrtCall('cnrtQueueCreate', ({ process, site }) => {
    requireOutRef(pQueue, 'pQueue').value = createQueue(process, 0, site);
  });
}

/**
 * The flags are reserved (the header recommends 0) and are ignored; the priority is kept on
 * the queue but does not change the simulation, whose queues never compete for a device.
 */
export function cnrtQueueCreateWithPriority(pQueue: Ref<cnrtQueue_t>, flags: number, priority: number): cnrtRet_t {
  return cnrtCall('cnrtQueueCreateWithPriority', ({ process, site }) => {
    const out = requireOutRef(pQueue, 'pQueue');
    if (!Number.isInteger(flags) || flags < 0) throw new DeviceFault('invalid-value', `flags must be an unsigned integer, got ${flags}`);
    if (!Number.isInteger(priority)) throw new DeviceFault('invalid-value', `priority must be an integer, got ${priority}`);
    out.value = createQueue(process, priority, site);
  });
}

/**
 * Destroying a queue with pending work discards that work on the device (developer guide):
 * here the work has run, but it is never synchronised, so a later read of its results is
 * still reported as unsynchronised.
 */
export function cnrtQueueDestroy(queue: cnrtQueue_t): cnrtRet_t {
  return cnrtCall('cnrtQueueDestroy', ({ process }) => {
    if (isDefaultQueue(queue)) throw new DeviceFault('invalid-value', 'the default queue (NULL) cannot be destroyed');
    const q = requireLive(queue, 'cnrtQueue_t', isQueue);
    process.ordering.destroyStream(q.sim);
    process.release(q);
  });
}

export function cnrtQueueSync(queue: cnrtQueue_t): cnrtRet_t {
  return cnrtCall('cnrtQueueSync', ({ process }) => {
    process.ordering.synchronizeStream(queueStream(process, queue));
  });
}

/**
 * cnrtSuccess once the queue's work has finished on the simulated clock (and the host then
 * knows it finished), else cnrtErrorNotReady, the status callers test (the 6.14 header
 * comment says cnrtErrorBusy). Each query costs the host one API call of simulated time,
 * so a polling loop terminates.
 */
export function cnrtQueueQuery(queue: cnrtQueue_t): cnrtRet_t {
  return cnrtCall('cnrtQueueQuery', ({ process }) => {
    const stream = queueStream(process, queue);
    process.ordering.hostTime += SIMULATED_DEVICE.apiCallUs;
    if (stream.time > process.ordering.hostTime) return cnrtErrorNotReady;
    process.ordering.synchronizeStream(stream);
  });
}

/** Note the order: the notifier comes first (cudaStreamWaitEvent takes the stream first). */
export function cnrtQueueWaitNotifier(notifier: CnrtNotifier, queue: cnrtQueue_t, flag: number): cnrtRet_t {
  return cnrtCall('cnrtQueueWaitNotifier', ({ process }) => {
    const n = requireNotifier(notifier);
    if (!Number.isInteger(flag) || flag < 0) throw new DeviceFault('invalid-value', `flag must be an unsigned integer, got ${flag}`);
    process.ordering.waitEvent(queueStream(process, queue), n.sim);
  });
}
