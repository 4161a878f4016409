/** The matrix kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { Gemm } from '../Gemm.js';
import { MatMul } from '../MatMul.js';

export const matrixKernels: readonly Kernel<any>[] = [MatMul, Gemm];
