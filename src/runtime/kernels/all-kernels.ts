/** Every kernel of the reference runtime, by category. Adding an operator means adding it here. */
import type { Kernel } from '../kernel.js';
import { collectiveKernels } from './categories/collective.js';
import { convolutionKernels } from './categories/convolution.js';
import { dataMovementKernels } from './categories/data-movement.js';
import { elementwiseKernels } from './categories/elementwise.js';
import { matrixKernels } from './categories/matrix.js';
import { normalizationKernels } from './categories/normalization.js';
import { randomKernels } from './categories/random.js';
import { reductionKernels } from './categories/reduction.js';

export const KERNEL_CATEGORIES = {
  elementwise: elementwiseKernels,
  matrix: matrixKernels,
  convolution: convolutionKernels,
  normalization: normalizationKernels,
  reduction: reductionKernels,
  'data-movement': dataMovementKernels,
  collective: collectiveKernels,
  random: randomKernels,
} as const satisfies Record<string, readonly Kernel<any>[]>;

export type KernelCategory = keyof typeof KERNEL_CATEGORIES;

export const ALL_KERNELS: readonly Kernel<any>[] = Object.values(KERNEL_CATEGORIES).flat();
