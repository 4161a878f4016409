/** The reduction kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { ArgMax } from '../ArgMax.js';
import { ArgMin } from '../ArgMin.js';
import { CumSum } from '../CumSum.js';
import { ReduceMax } from '../ReduceMax.js';
import { ReduceMean } from '../ReduceMean.js';
import { ReduceMin } from '../ReduceMin.js';
import { ReduceSum } from '../ReduceSum.js';
import { TopK } from '../TopK.js';

export const reductionKernels: readonly Kernel<any>[] = [ReduceSum, ReduceMean, ReduceMax, ReduceMin, ArgMax, ArgMin, CumSum, TopK];
