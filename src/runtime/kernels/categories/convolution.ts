/** The convolution kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { AveragePool } from '../AveragePool.js';
import { Conv } from '../Conv.js';
import { GlobalAveragePool } from '../GlobalAveragePool.js';
import { MaxPool } from '../MaxPool.js';

export const convolutionKernels: readonly Kernel<any>[] = [Conv, MaxPool, AveragePool, GlobalAveragePool];
