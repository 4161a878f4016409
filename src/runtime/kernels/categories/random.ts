/** The random kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';

export const randomKernels: readonly Kernel<any>[] = [];
