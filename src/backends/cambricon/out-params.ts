/** C out-parameters: the `Ref` a callee writes must be given (a NULL out-pointer is a bad argument). */
import { DeviceFault } from '../sim/device-fault.js';
import { Ref } from '../sim/ref.js';

export function requireOutRef<T>(ref: Ref<T> | null | undefined, name: string): Ref<T> {
  if (ref === null || ref === undefined) throw new DeviceFault('null-pointer', `${name} is NULL: pass ref() for the callee to write`);
  if (!(ref instanceof Ref)) throw new DeviceFault('invalid-value', `${name} must be a Ref made with ref(), got ${typeof ref}`);
  return ref;
}
