/**
 * Streams and events (acl_rt.h). An aclrtStream wraps a simulated stream; `null`/0 is the
 * device's default stream. ACL documents no implicit synchronisation between created streams
 * and the default stream (and no counterpart of cudaStreamNonBlocking), and every vendor sample
 * calls aclrtSynchronizeStream before copying results back, so created streams are modelled as
 * not synchronising with the default stream (unconfirmed): a synchronous aclrtMemcpy of a
 * result that is still being written on a created stream is reported as a race (OB2007).
 */
import { DeviceFault } from '../sim/device-fault.js';
import { requireLive } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import type { SimProcess } from '../sim/sim-process.js';
import { EventObject, StreamObject } from '../sim/sim-object.js';
import { SIMULATED_DEVICE, type SimStream } from '../sim/stream-ordering.js';
import { aclCall, AclStatusError, type AclCallContext } from './acl-call.js';
import {
  ACL_ERROR_INVALID_PARAM,
  ACL_ERROR_RT_EVENT_NOT_COMPLETE,
  ACL_ERROR_RT_STREAM_SYNC_TIMEOUT,
  ACL_EVENT_CAPTURE_STREAM_PROGRESS,
  ACL_EVENT_DEVICE_USE_ONLY,
  ACL_EVENT_EXTERNAL,
  ACL_EVENT_IPC,
  ACL_EVENT_RECORDED_STATUS_COMPLETE,
  ACL_EVENT_RECORDED_STATUS_NOT_READY,
  ACL_EVENT_STATUS_COMPLETE,
  ACL_EVENT_STATUS_NOT_READY,
  ACL_EVENT_SYNC,
  ACL_EVENT_TIME_LINE,
  ACL_STREAM_CPU_SCHEDULE,
  ACL_STREAM_DEVICE_USE_ONLY,
  ACL_STREAM_FAST_LAUNCH,
  ACL_STREAM_FAST_SYNC,
  ACL_STREAM_HUGE,
  ACL_STREAM_PERSISTENT,
  ACL_STREAM_STATUS_COMPLETE,
  ACL_STREAM_STATUS_NOT_READY,
  type aclError,
  type aclrtEventRecordedStatus,
  type aclrtEventStatus,
  type aclrtStreamStatus,
} from './constants.generated.js';

export class AclStream extends StreamObject {
  readonly kind = 'aclrtStream';
}

export class AclEvent extends EventObject {
  readonly kind = 'aclrtEvent';
}

export type aclrtStream = AclStream | null | 0 | undefined;
export type aclrtEvent = AclEvent;

const isStream = (x: unknown): x is AclStream => x instanceof AclStream;
const isEvent = (x: unknown): x is AclEvent => x instanceof AclEvent;

/** The simulated stream for an aclrtStream argument (null / 0 = the current device's default stream). */
export function resolveStream(ctx: AclCallContext, stream: unknown): SimStream {
  if (stream === null || stream === undefined || stream === 0) {
    const device = ctx.acl.currentDevice ?? ctx.process.currentDevice;
    return ctx.process.ordering.defaultStream(device);
  }
  return requireLive(stream, 'aclrtStream', isStream).sim;
}

function requireEvent(event: unknown): AclEvent {
  return requireLive(event, 'aclrtEvent', isEvent);
}

function requireOut<T>(ref: Ref<T> | null | undefined, what: string): Ref<T> {
  if (ref === null || ref === undefined) throw new DeviceFault('null-pointer', `${what} is null`);
  return ref;
}

/** Streams and events die with their device's context (aclrtResetDevice, aclFinalize). */
export function releaseDeviceObjects(process: SimProcess, device: number): void {
  for (const object of process.liveObjects()) {
    if ((object instanceof AclStream || object instanceof AclEvent) && object.device === device) {
      if (object instanceof AclStream) process.ordering.destroyStream(object.sim);
      process.release(object);
    }
  }
}

function createStream(ctx: AclCallContext, stream: Ref<aclrtStream> | null | undefined): void {
  const out = requireOut(stream, 'stream');
  const device = ctx.acl.currentDevice as number;
  out.value = ctx.process.track(new AclStream(ctx.process.ordering.createStream(device, true), ctx.site));
}

export function aclrtCreateStream(stream: Ref<aclrtStream>): aclError {
  return aclCall('aclrtCreateStream', (ctx) => createStream(ctx, stream), { device: true }) as aclError;
}

const STREAM_FLAGS = ACL_STREAM_FAST_LAUNCH | ACL_STREAM_FAST_SYNC | ACL_STREAM_PERSISTENT | ACL_STREAM_HUGE | ACL_STREAM_CPU_SCHEDULE | ACL_STREAM_DEVICE_USE_ONLY;

/** The flags change scheduling, not ordering or results, so they are validated and recorded only. */
export function aclrtCreateStreamWithConfig(stream: Ref<aclrtStream>, priority: number, flag: number): aclError {
  return aclCall(
    'aclrtCreateStreamWithConfig',
    (ctx) => {
      if (!Number.isInteger(priority) || priority < 0 || priority > 7) {
        throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `priority ${priority} is outside the documented range 0~7`);
      }
      if (!Number.isInteger(flag) || flag < 0 || (flag & ~STREAM_FLAGS) !== 0) {
        throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `flag 0x${Math.max(0, flag).toString(16)} is not a combination of the ACL_STREAM_* flags`);
      }
      createStream(ctx, stream);
    },
    { device: true },
  ) as aclError;
}

export function aclrtDestroyStream(stream: aclrtStream): aclError {
  return aclCall('aclrtDestroyStream', (ctx) => {
    const s = requireLive(stream, 'aclrtStream', isStream);
    ctx.process.ordering.destroyStream(s.sim);
    ctx.process.release(s);
  }) as aclError;
}

export function aclrtSynchronizeStream(stream: aclrtStream): aclError {
  return aclCall('aclrtSynchronizeStream', (ctx) => ctx.process.ordering.synchronizeStream(resolveStream(ctx, stream))) as aclError;
}

/**
 * Waits at most `timeout` ms (-1: forever, 0: just check). Whether the stream has finished is
 * decided on the simulated clock: the stream's completion time against the host's time.
 */
export function aclrtSynchronizeStreamWithTimeout(stream: aclrtStream, timeout: number): aclError {
  return aclCall('aclrtSynchronizeStreamWithTimeout', (ctx) => {
    if (!Number.isInteger(timeout) || timeout < -1) {
      throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `timeout must be -1 (wait forever) or a number of milliseconds >= 0, got ${timeout}`);
    }
    const s = resolveStream(ctx, stream);
    const remainingUs = s.time - ctx.process.ordering.hostTime;
    if (timeout >= 0 && remainingUs > timeout * 1000) {
      ctx.process.ordering.hostTime += timeout * 1000;
      throw new AclStatusError(
        ACL_ERROR_RT_STREAM_SYNC_TIMEOUT,
        'OB2013',
        `the stream still had ${(remainingUs / 1000).toFixed(3)} ms of simulated work when the ${timeout} ms timeout expired`,
      );
    }
    ctx.process.ordering.synchronizeStream(s);
  }) as aclError;
}

export function aclrtStreamQuery(stream: aclrtStream, status: Ref<aclrtStreamStatus>): aclError {
  return aclCall('aclrtStreamQuery', (ctx) => {
    const out = requireOut(status, 'status');
    const s = resolveStream(ctx, stream);
    const ordering = ctx.process.ordering;
    ordering.hostTime += SIMULATED_DEVICE.apiCallUs;
    if (s.time <= ordering.hostTime) {
      ordering.synchronizeStream(s);
      out.value = ACL_STREAM_STATUS_COMPLETE;
    } else {
      out.value = ACL_STREAM_STATUS_NOT_READY;
    }
  }) as aclError;
}

export function aclrtStreamWaitEvent(stream: aclrtStream, event: aclrtEvent): aclError {
  return aclCall('aclrtStreamWaitEvent', (ctx) => {
    const s = resolveStream(ctx, stream);
    ctx.process.ordering.waitEvent(s, requireEvent(event).sim);
  }) as aclError;
}

function createEvent(ctx: AclCallContext, event: Ref<AclEvent> | null | undefined, flags: number): void {
  const out = requireOut(event, 'event');
  out.value = ctx.process.track(new AclEvent(ctx.process.ordering.createEvent(true), ctx.acl.currentDevice as number, flags, ctx.site));
}

export function aclrtCreateEvent(event: Ref<AclEvent>): aclError {
  return aclCall('aclrtCreateEvent', (ctx) => createEvent(ctx, event, 0), { device: true }) as aclError;
}

const EVENT_FLAGS = ACL_EVENT_SYNC | ACL_EVENT_CAPTURE_STREAM_PROGRESS | ACL_EVENT_TIME_LINE | ACL_EVENT_DEVICE_USE_ONLY | ACL_EVENT_EXTERNAL | ACL_EVENT_IPC;

/**
 * The flags' exact semantics are unconfirmed (catalog): they are validated and kept, and every
 * event can be timed (whether ACL requires ACL_EVENT_TIME_LINE for that is unconfirmed).
 */
export function aclrtCreateEventWithFlag(event: Ref<AclEvent>, flag: number): aclError {
  return aclCall(
    'aclrtCreateEventWithFlag',
    (ctx) => {
      if (!Number.isInteger(flag) || flag < 0 || (flag & ~EVENT_FLAGS) !== 0) {
        throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `flag 0x${Math.max(0, flag).toString(16)} is not a combination of the ACL_EVENT_* flags`);
      }
      createEvent(ctx, event, flag);
    },
    { device: true },
  ) as aclError;
}

export function aclrtRecordEvent(event: aclrtEvent, stream: aclrtStream): aclError {
  return aclCall('aclrtRecordEvent', (ctx) => {
    const e = requireEvent(event);
    ctx.process.ordering.record(e.sim, resolveStream(ctx, stream));
  }) as aclError;
}

export function aclrtSynchronizeEvent(event: aclrtEvent): aclError {
  return aclCall('aclrtSynchronizeEvent', (ctx) => ctx.process.ordering.synchronizeEvent(requireEvent(event).sim)) as aclError;
}

/** Complete when never recorded (as CUDA; unconfirmed for ACL) or when its work is done on the simulated clock. */
function eventComplete(ctx: AclCallContext, e: AclEvent): boolean {
  const ordering = ctx.process.ordering;
  ordering.hostTime += SIMULATED_DEVICE.apiCallUs;
  if (!e.sim.snapshot) return true;
  if ((e.sim.time ?? 0) > ordering.hostTime) return false;
  ordering.synchronizeEvent(e.sim);
  return true;
}

export function aclrtQueryEventStatus(event: aclrtEvent, status: Ref<aclrtEventRecordedStatus>): aclError {
  return aclCall('aclrtQueryEventStatus', (ctx) => {
    const out = requireOut(status, 'status');
    out.value = eventComplete(ctx, requireEvent(event)) ? ACL_EVENT_RECORDED_STATUS_COMPLETE : ACL_EVENT_RECORDED_STATUS_NOT_READY;
  }) as aclError;
}

/** Deprecated; note its COMPLETE is 0 where aclrtQueryEventStatus's is 1. */
export function aclrtQueryEvent(event: aclrtEvent, status: Ref<aclrtEventStatus>): aclError {
  return aclCall('aclrtQueryEvent', (ctx) => {
    const out = requireOut(status, 'status');
    out.value = eventComplete(ctx, requireEvent(event)) ? ACL_EVENT_STATUS_COMPLETE : ACL_EVENT_STATUS_NOT_READY;
  }) as aclError;
}

/**
 * Milliseconds between two recorded events on the simulated clock. An unrecorded event is an
 * invalid argument and an end event whose work has not finished is ACL_ERROR_RT_EVENT_NOT_COMPLETE
 * (both codes inferred; CUDA's counterparts are cudaErrorInvalidResourceHandle / NotReady).
 */
export function aclrtEventElapsedTime(ms: Ref<number>, startEvent: aclrtEvent, endEvent: aclrtEvent): aclError {
  return aclCall('aclrtEventElapsedTime', (ctx) => {
    const out = requireOut(ms, 'ms');
    const start = requireEvent(startEvent);
    const end = requireEvent(endEvent);
    for (const [name, e] of [['startEvent', start], ['endEvent', end]] as const) {
      if (!e.sim.snapshot) throw new AclStatusError(ACL_ERROR_INVALID_PARAM, 'OB2013', `${name} was never recorded (aclrtRecordEvent) before aclrtEventElapsedTime`);
    }
    if ((end.sim.time ?? 0) > ctx.process.ordering.hostTime) {
      throw new AclStatusError(ACL_ERROR_RT_EVENT_NOT_COMPLETE, 'OB2006', 'endEvent has not completed yet: synchronise it (aclrtSynchronizeEvent) before reading the elapsed time');
    }
    out.value = Math.fround(ctx.process.ordering.elapsedMs(start.sim, end.sim));
  }) as aclError;
}

export function aclrtDestroyEvent(event: aclrtEvent): aclError {
  return aclCall('aclrtDestroyEvent', (ctx) => ctx.process.release(requireEvent(event))) as aclError;
}
