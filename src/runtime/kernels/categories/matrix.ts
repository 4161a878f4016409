/** The matrix kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';

export const matrixKernels: readonly Kernel<any>[] = [];
