/** The collective kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';

export const collectiveKernels: readonly Kernel<any>[] = [];
