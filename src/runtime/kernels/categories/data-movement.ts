/** The data-movement kernels, registered by `all-kernels.ts`. */
import type { Kernel } from '../../kernel.js';
import { Concat } from '../Concat.js';
import { Expand } from '../Expand.js';
import { Gather } from '../Gather.js';
import { Pad } from '../Pad.js';
import { Reshape } from '../Reshape.js';
import { Slice } from '../Slice.js';
import { Split } from '../Split.js';
import { Tile } from '../Tile.js';
import { Transpose } from '../Transpose.js';
import { Trilu } from '../Trilu.js';

export const dataMovementKernels: readonly Kernel<any>[] = [Transpose, Reshape, Concat, Split, Slice, Gather, Expand, Pad, Tile, Trilu];
