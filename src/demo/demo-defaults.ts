/** What `opbridge demo` ports and where, by default (a module of its own so the CLI can name them without loading the demo). */
import type { BackendId } from '../catalog/vocabulary.js';

/** The sample the demo ports, relative to the package root. */
export const DEMO_SAMPLE = 'samples/transformer-block/cuda.ts';
/** Where the samples live, relative to the package root: each `<name>/cuda.ts` is in the matrix. */
export const SAMPLES_DIR = 'samples';
export const DEMO_TARGET: BackendId = 'cann';
