/** The elementwise kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { Add } from '../Add.js';
import { Relu } from '../Relu.js';

export const elementwiseKernels: readonly Kernel<any>[] = [Add, Relu];
