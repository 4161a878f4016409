/**
 * What every legacy cuDNN descriptor shares: an opaque object tracked for leaks, created
 * through a `T*` out-parameter and destroyed once. A NULL descriptor is a null-pointer fault,
 * an object of another kind CUDNN_STATUS_BAD_PARAM, a destroyed one CUDNN_STATUS_BAD_PARAM
 * with OB2008 (cuDNN does not document a check; on hardware the call reads freed memory).
 */
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import type { LiveObject } from '../sim/sim-process.js';
import type { cudnnStatus_t } from './constants.generated.js';
import { cudnnCall } from './cudnn-status.js';
import { requireOut, writeOut } from './out-param.js';

export abstract class CudnnDescriptor implements LiveObject {
  abstract readonly kind: string;
  destroyed = false;

  constructor(readonly site: CallSite | undefined) {}

  /** Where the descriptor was created, for messages. */
  get origin(): string {
    return this.site ? ` (created at ${this.site.file}:${this.site.line})` : '';
  }
}

type DescriptorClass<T extends CudnnDescriptor> = abstract new (...args: never[]) => T;

function describe(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `host memory (${value.constructor.name})`;
  if (typeof value === 'object' && value !== null) return (value as { kind?: string }).kind ?? value.constructor?.name ?? 'an object';
  return typeof value;
}

/** A live descriptor of the given class. */
export function requireDescriptor<T extends CudnnDescriptor>(value: unknown, cls: DescriptorClass<T>, typeName: string, what: string): T {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${what} is NULL`);
  if (!(value instanceof cls)) throw new DeviceFault('invalid-value', `${what} is not a ${typeName} (got ${describe(value)})`);
  if (value.destroyed) throw new DeviceFault('invalid-handle', `${what} (${typeName}) was already destroyed${value.origin}`);
  return value;
}

/** `cudnnCreate*Descriptor(T* desc)`. */
export function createDescriptor<T extends CudnnDescriptor>(symbol: string, out: Ref<T>, what: string, make: (site: CallSite | undefined) => T): cudnnStatus_t {
  return cudnnCall(symbol, (ctx) => {
    requireOut(out, what);
    writeOut(out, ctx.process.track(make(ctx.site)), what);
  });
}

/** `cudnnDestroy*Descriptor(T desc)`. */
export function destroyDescriptor<T extends CudnnDescriptor>(symbol: string, value: unknown, cls: DescriptorClass<T>, typeName: string, what: string): cudnnStatus_t {
  return cudnnCall(symbol, (ctx) => ctx.process.release(requireDescriptor(value, cls, typeName, what)));
}

/** An int argument that must be >= `min` (CUDNN_STATUS_BAD_PARAM otherwise). */
export function requireInt(value: unknown, what: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new DeviceFault('invalid-value', `${what} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}
