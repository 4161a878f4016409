/** The reduction kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';

export const reductionKernels: readonly Kernel<any>[] = [];
