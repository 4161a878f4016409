/** The normalization kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';

export const normalizationKernels: readonly Kernel<any>[] = [];
