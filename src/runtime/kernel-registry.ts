/** Name -> kernel. Registering a name twice is an error; `replace` swaps in a faster kernel. */
import { OpbridgeError } from '../errors.js';
import type { Kernel } from './kernel.js';

export class KernelRegistry {
  private readonly kernels = new Map<string, Kernel<unknown>>();

  register(kernel: Kernel<any>): void {
    if (this.kernels.has(kernel.name)) {
      throw new OpbridgeError(`The kernel '${kernel.name}' is already registered`, {
        fix: 'use replace() to substitute a different implementation',
      });
    }
    this.kernels.set(kernel.name, kernel as Kernel<unknown>);
  }

  /** Replaces an existing kernel (e.g. a WebAssembly implementation of the same operator). */
  replace(kernel: Kernel<any>): void {
    if (!this.kernels.has(kernel.name)) {
      throw new OpbridgeError(`No kernel '${kernel.name}' to replace`, { fix: 'register() it first' });
    }
    this.kernels.set(kernel.name, kernel as Kernel<unknown>);
  }

  get(name: string): Kernel<unknown> | undefined {
    return this.kernels.get(name);
  }

  has(name: string): boolean {
    return this.kernels.has(name);
  }

  names(): string[] {
    return [...this.kernels.keys()].sort();
  }
}
