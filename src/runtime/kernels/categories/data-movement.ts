/** The data-movement kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';

export const dataMovementKernels: readonly Kernel<any>[] = [];
