/**
 * C out-parameters in TypeScript: `cudaMalloc(&p, n)` becomes `cudaMalloc(p, n)` with
 * `const p = ref<DevicePtr>()`, and the callee writes `p.value`.
 */
export class Ref<T> {
  private current: T | undefined;
  private assigned = false;

  constructor(initial?: T) {
    if (initial !== undefined) {
      this.current = initial;
      this.assigned = true;
    }
  }

  /** The value written by the callee; reading an unwritten Ref is a programming error. */
  get value(): T {
    if (!this.assigned) throw new TypeError('Ref.value read before any call wrote it (did the call fail? check its status)');
    return this.current as T;
  }

  set value(v: T) {
    this.current = v;
    this.assigned = true;
  }

  get isSet(): boolean {
    return this.assigned;
  }
}

export function ref<T>(initial?: T): Ref<T> {
  return new Ref<T>(initial);
}
