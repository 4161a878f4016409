/**
 * How muDNN's own-shape calls run: the cuDNN call machinery (argument faults, handle stream,
 * context loss) under the MUSA binding, the CUDA status translated into mudnnStatus_t. The
 * catalog knows only MUDNN_STATUS_SUCCESS and MUDNN_STATUS_NOT_SUPPORTED, so every failure is
 * NOT_SUPPORTED; the diagnostic says what was wrong (docs/backends/musa.md).
 */
import type { Ref } from '../sim/ref.js';
import type { CallContext } from '../sim/facade-call.js';
import { boundEntryProfile } from '../cuda/backend-binding.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { cudnnLaunchStream, requireCudnnHandle } from '../cuda/cudnn-handle.js';
import type { LaunchEnv } from '../cuda/cudnn-launch.js';
import { cudnnCall } from '../cuda/cudnn-status.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallSite } from '../sim/call-site.js';
import { binding } from './binding.js';
import type { mudnnStatus_t } from './constants.generated.js';

export function mudnnStatus(status: unknown): mudnnStatus_t {
  return binding.fromCuda(status, 'mudnnStatus_t', 'cudnnStatus_t') as mudnnStatus_t;
}

/** Runs a muDNN call body as cuDNN's call wrapper does, and answers in mudnnStatus_t. */
export function mudnnCall(symbol: string, body: (ctx: CallContext) => number | void, launchesWork = false): mudnnStatus_t {
  return mudnnStatus(binding.run(() => cudnnCall(symbol, body, launchesWork)));
}

/** The launch environment of a muDNN compute call (its handle's stream), or the status to return. */
export function mudnnLaunch(ctx: CallContext, handle: unknown): LaunchEnv | number {
  const h = requireCudnnHandle(handle);
  const stream = cudnnLaunchStream(ctx, h);
  if (typeof stream === 'number') return stream;
  return { ctx, stream, profile: boundEntryProfile(ctx.symbol) };
}

/** A value of a muDNN enum, or an invalid-value fault naming the enum. */
export function requireMember<T>(value: T, enumName: string, what: string): T {
  if (!binding.isMember(value, enumName)) throw new DeviceFault('invalid-value', `${what} ${String(value)} is not a ${enumName}`);
  return value;
}

/** Reads `count` integers (number or bigint elements), or an invalid-value fault. */
export function requireIntegers(values: ArrayLike<number | bigint> | null | undefined, count: number, what: string): number[] {
  if (!values || typeof values.length !== 'number' || values.length < count) throw new DeviceFault('invalid-value', `${what} must hold ${count} integers`);
  const out = Array.from({ length: count }, (_, i) => Number(values[i]));
  if (out.some((v) => !Number.isInteger(v))) throw new DeviceFault('invalid-value', `${what} must hold integers, got [${out.join(', ')}]`);
  return out;
}

type DescriptorClass<T extends CudnnDescriptor> = new (site: CallSite | undefined) => T;

/** `mudnnCreate*Descriptor(T** desc)` for a muDNN-only descriptor kind. */
export function createMudnnDescriptor<T extends CudnnDescriptor>(symbol: string, out: Ref<T>, cls: DescriptorClass<T>, what: string): mudnnStatus_t {
  return mudnnStatus(binding.run(() => createDescriptor(symbol, out, what, (site) => new cls(site))));
}

/** `mudnnDestroy*Descriptor(T* desc)`. */
export function destroyMudnnDescriptor<T extends CudnnDescriptor>(symbol: string, value: unknown, cls: DescriptorClass<T>, typeName: string, what: string): mudnnStatus_t {
  return mudnnStatus(binding.run(() => destroyDescriptor(symbol, value, cls, typeName, what)));
}

/** A set descriptor's settings, or an invalid-value fault naming its setter. */
export function requireSettings<T extends CudnnDescriptor & { settings: unknown }>(value: unknown, cls: DescriptorClass<T>, typeName: string, what: string, setter: string): NonNullable<T['settings']> {
  const d = requireDescriptor(value, cls, typeName, what);
  if (d.settings === undefined) throw new DeviceFault('invalid-value', `${what} was created but never set (${setter})${d.origin}`);
  return d.settings as NonNullable<T['settings']>;
}
