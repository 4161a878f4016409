/** The collective kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { AllGather } from '../AllGather.js';
import { AllReduce } from '../AllReduce.js';
import { Broadcast } from '../Broadcast.js';
import { ReduceScatter } from '../ReduceScatter.js';

export const collectiveKernels: readonly Kernel<any>[] = [AllReduce, Broadcast, AllGather, ReduceScatter];
