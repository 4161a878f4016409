/** The normalization kernels (normalisation, softmax, attention, rotary), registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { Attention } from '../Attention.js';
import { BatchNormalization } from '../BatchNormalization.js';
import { GroupNormalization } from '../GroupNormalization.js';
import { LayerNormalization } from '../LayerNormalization.js';
import { LogSoftmax } from '../LogSoftmax.js';
import { RMSNormalization } from '../RMSNormalization.js';
import { RotaryEmbedding } from '../RotaryEmbedding.js';
import { Softmax } from '../Softmax.js';

export const normalizationKernels: readonly Kernel<any>[] = [
  BatchNormalization,
  LayerNormalization,
  RMSNormalization,
  GroupNormalization,
  Softmax,
  LogSoftmax,
  Attention,
  RotaryEmbedding,
];
