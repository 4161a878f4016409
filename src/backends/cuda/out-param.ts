/** C out-parameters (`T*` the callee writes): a Ref made with `ref()`, NULL is an invalid argument. */
import { DeviceFault } from '../sim/device-fault.js';
import { Ref } from '../sim/ref.js';

export function writeOut<T>(target: unknown, value: T, what: string): void {
  if (target === null || target === undefined) throw new DeviceFault('null-pointer', `${what} is NULL`);
  if (!(target instanceof Ref)) throw new DeviceFault('invalid-value', `${what} must be a Ref made with ref() (got ${typeof target})`);
  (target as Ref<T>).value = value;
}

/** Checks an out-parameter before any work is done, so a failing call has no side effects. */
export function requireOut(target: unknown, what: string): void {
  if (target === null || target === undefined) throw new DeviceFault('null-pointer', `${what} is NULL`);
  if (!(target instanceof Ref)) throw new DeviceFault('invalid-value', `${what} must be a Ref made with ref() (got ${typeof target})`);
}
