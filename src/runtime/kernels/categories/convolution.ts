/** The convolution kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';

export const convolutionKernels: readonly Kernel<any>[] = [];
