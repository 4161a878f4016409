/** The random kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { Dropout } from '../Dropout.js';
import { RandomNormal } from '../RandomNormal.js';
import { RandomUniform } from '../RandomUniform.js';

export const randomKernels: readonly Kernel<any>[] = [Dropout, RandomNormal, RandomUniform];
