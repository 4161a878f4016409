/**
 * CNRT notifiers (cnrtNotifier_t) as simulated events. Timing comes from the simulated clock:
 * cnrtNotifierElapsedTime reports milliseconds between the completion times of two placed
 * notifiers; cnrtNotifierDuration reports the same interval in MICROseconds (on hardware it
 * sums the kernels' execution time between them, which the simulation does not separate
 * from launch gaps).
 */
import { DeviceFault } from '../sim/device-fault.js';
import { requireLive } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import type { CallSite } from '../sim/call-site.js';
import type { SimProcess } from '../sim/sim-process.js';
import { EventObject } from '../sim/sim-object.js';
import { SIMULATED_DEVICE } from '../sim/stream-ordering.js';
import {
  CNRT_NOTIFIER_DISABLE_TIMING_ALL,
  CNRT_NOTIFIER_DISABLE_TIMING_SW,
  CNRT_NOTIFIER_INTERPROCESS,
  cnrtErrorNotReady,
  type cnrtRet_t,
} from './constants.generated.js';
import { cnrtCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { queueStream, type cnrtQueue_t } from './cnrt-queue.js';

export class CnrtNotifier extends EventObject {
  readonly kind = 'cnrtNotifier_t';
  placed = false;
}

export type cnrtNotifier_t = CnrtNotifier;

function isNotifier(value: unknown): value is CnrtNotifier {
  return value instanceof CnrtNotifier;
}

export function requireNotifier(value: unknown): CnrtNotifier {
  return requireLive(value, 'cnrtNotifier_t', isNotifier);
}

const KNOWN_FLAGS = CNRT_NOTIFIER_DISABLE_TIMING_SW | CNRT_NOTIFIER_DISABLE_TIMING_ALL | CNRT_NOTIFIER_INTERPROCESS;

function createNotifier(process: SimProcess, flags: number, site: CallSite | undefined): CnrtNotifier {
  const timing = (flags & (CNRT_NOTIFIER_DISABLE_TIMING_SW | CNRT_NOTIFIER_DISABLE_TIMING_ALL)) === 0;
  return process.track(new CnrtNotifier(process.ordering.createEvent(timing), process.currentDevice, flags, site));
}

export function cnrtNotifierCreate(pNotifier: Ref<cnrtNotifier_t>): cnrtRet_t {
  return cnrtCall('cnrtNotifierCreate', ({ process, site }) => {
    requireOutRef(pNotifier, 'pNotifier').value = createNotifier(process, 0, site);
  });
}

export function cnrtNotifierCreateWithFlags(pNotifier: Ref<cnrtNotifier_t>, flags: number): cnrtRet_t {
  return cnrtCall('cnrtNotifierCreateWithFlags', ({ process, site }) => {
    const out = requireOutRef(pNotifier, 'pNotifier');
    if (!Number.isInteger(flags) || flags < 0 || (flags & ~KNOWN_FLAGS) !== 0) {
      throw new DeviceFault('invalid-value', `flags ${flags} are not a combination of cnrtNotifierFlags_t values`);
    }
    if (flags & CNRT_NOTIFIER_INTERPROCESS && !(flags & CNRT_NOTIFIER_DISABLE_TIMING_ALL)) {
      throw new DeviceFault('invalid-value', 'CNRT_NOTIFIER_INTERPROCESS requires CNRT_NOTIFIER_DISABLE_TIMING_ALL (cnrt.h)');
    }
    out.value = createNotifier(process, flags, site);
  });
}

export function cnrtNotifierDestroy(notifier: cnrtNotifier_t): cnrtRet_t {
  return cnrtCall('cnrtNotifierDestroy', ({ process }) => {
    const n = requireNotifier(notifier);
    n.sim.destroyed = true;
    process.release(n);
  });
}

/** Same order as cudaEventRecord(event, stream); placing again replaces the earlier placement. */
export function cnrtPlaceNotifier(notifier: cnrtNotifier_t, queue: cnrtQueue_t): cnrtRet_t {
  return cnrtCall('cnrtPlaceNotifier', ({ process }) => {
    const n = requireNotifier(notifier);
    process.ordering.record(n.sim, queueStream(process, queue));
    n.placed = true;
  });
}

/** Blocks the host until the placed work is done; a notifier never placed returns at once. */
export function cnrtWaitNotifier(notifier: cnrtNotifier_t): cnrtRet_t {
  return cnrtCall('cnrtWaitNotifier', ({ process }) => {
    process.ordering.synchronizeEvent(requireNotifier(notifier).sim);
  });
}

function completed(process: SimProcess, n: CnrtNotifier): boolean {
  return !n.placed || (n.sim.time ?? 0) <= process.ordering.hostTime;
}

/** cnrtSuccess when the placed work is done on the simulated clock, else cnrtErrorNotReady. */
export function cnrtQueryNotifier(notifier: cnrtNotifier_t): cnrtRet_t {
  return cnrtCall('cnrtQueryNotifier', ({ process }) => {
    const n = requireNotifier(notifier);
    process.ordering.hostTime += SIMULATED_DEVICE.apiCallUs;
    if (!completed(process, n)) return cnrtErrorNotReady;
    process.ordering.synchronizeEvent(n.sim);
  });
}

/**
 * The two notifiers must be placed and finished; timestamps must not be disabled. Which status
 * CNRT returns for a notifier created without timing is not documented (the guide only says
 * timing APIs may not be used): cnrtErrorArgsInvalid here.
 */
function timedPair(process: SimProcess, start: unknown, end: unknown, disabledBy: number, symbol: string): [CnrtNotifier, CnrtNotifier] | number {
  const s = requireNotifier(start);
  const e = requireNotifier(end);
  for (const [n, name] of [[s, 'start'], [e, 'end']] as const) {
    if (n.flags & disabledBy) throw new DeviceFault('invalid-value', `${symbol}: the ${name} notifier was created with timing disabled (flags ${n.flags})`);
    if (!n.placed) throw new DeviceFault('invalid-value', `${symbol}: the ${name} notifier was never placed with cnrtPlaceNotifier`);
  }
  if (!completed(process, s) || !completed(process, e)) return cnrtErrorNotReady;
  return [s, e];
}

/** Note the order: the result pointer is LAST (cudaEventElapsedTime takes it first). Milliseconds. */
export function cnrtNotifierElapsedTime(start: cnrtNotifier_t, end: cnrtNotifier_t, ms: Ref<number>): cnrtRet_t {
  return cnrtCall('cnrtNotifierElapsedTime', ({ process }) => {
    const out = requireOutRef(ms, 'ms');
    const pair = timedPair(process, start, end, CNRT_NOTIFIER_DISABLE_TIMING_SW | CNRT_NOTIFIER_DISABLE_TIMING_ALL, 'cnrtNotifierElapsedTime');
    if (typeof pair === 'number') return pair;
    out.value = Math.fround(process.ordering.elapsedMs(pair[0].sim, pair[1].sim));
  });
}

/** MICROseconds between two notifiers (only CNRT_NOTIFIER_DISABLE_TIMING_ALL disables it). */
export function cnrtNotifierDuration(start: cnrtNotifier_t, end: cnrtNotifier_t, us: Ref<number>): cnrtRet_t {
  return cnrtCall('cnrtNotifierDuration', ({ process }) => {
    const out = requireOutRef(us, 'us');
    const pair = timedPair(process, start, end, CNRT_NOTIFIER_DISABLE_TIMING_ALL, 'cnrtNotifierDuration');
    if (typeof pair === 'number') return pair;
    out.value = Math.fround(process.ordering.elapsedMs(pair[0].sim, pair[1].sim) * 1000);
  });
}
