/**
 * cudaStream_t and cudaEvent_t: opaque objects wrapping the simulation's streams and events,
 * and how every CUDA library resolves a stream argument (0 / null / undefined is the legacy
 * default stream of the current device). cuBLAS, cuBLASLt, cuDNN, NCCL and cuRAND take
 * their stream arguments through `resolveStream`.
 */
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { LiveObject, SimProcess } from '../sim/sim-process.js';
import type { SimEvent, SimStream } from '../sim/stream-ordering.js';
import { boundName } from './backend-binding.js';

export class CudaStream implements LiveObject {
  readonly kind = boundName('cudaStream_t');
  destroyed = false;

  constructor(
    readonly sim: SimStream,
    readonly flags: number,
    readonly site: CallSite | undefined,
  ) {}

  get device(): number {
    return this.sim.device;
  }

  toString(): string {
    return `cudaStream_t#${this.sim.id}`;
  }
}

export class CudaEvent implements LiveObject {
  readonly kind = boundName('cudaEvent_t');
  destroyed = false;

  constructor(
    readonly sim: SimEvent,
    readonly flags: number,
    readonly device: number,
    readonly site: CallSite | undefined,
  ) {}

  toString(): string {
    return `cudaEvent_t#${this.sim.id}`;
  }
}

/** `typedef struct CUstream_st *cudaStream_t`: a stream object, or 0 / NULL for the legacy default stream. */
export type cudaStream_t = CudaStream | 0 | null | undefined;
/** `typedef struct CUevent_st *cudaEvent_t`. */
export type cudaEvent_t = CudaEvent | null | undefined;

function describe(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `host memory (${value.constructor.name})`;
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'an object';
  return `${typeof value} ${String(value)}`;
}

/** The simulated stream a cudaStream_t argument designates. */
export function resolveStream(process: SimProcess, stream: unknown, what = 'stream'): SimStream {
  if (stream === 0 || stream === null || stream === undefined) return process.ordering.defaultStream(process.currentDevice);
  if (!(stream instanceof CudaStream)) throw new DeviceFault('invalid-handle', `${what} is not a cudaStream_t (got ${describe(stream)})`);
  if (stream.destroyed) throw new DeviceFault('invalid-handle', `${what} ${stream} was destroyed${at(stream)}`);
  return stream.sim;
}

/** A live cudaEvent_t. */
export function requireEvent(event: unknown, what = 'event'): CudaEvent {
  if (event === null || event === undefined || event === 0) throw new DeviceFault('invalid-handle', `${what} is NULL`);
  if (!(event instanceof CudaEvent)) throw new DeviceFault('invalid-handle', `${what} is not a cudaEvent_t (got ${describe(event)})`);
  if (event.destroyed) throw new DeviceFault('invalid-handle', `${what} ${event} was destroyed${at(event)}`);
  return event;
}

function at(object: { site: CallSite | undefined }): string {
  return object.site ? ` (created at ${object.site.file}:${object.site.line})` : '';
}
