/** The CUDA facade implementation bound to the Moore Threads MUSA catalog (docs/backends/musa.md). */
import { CompatibleBackend } from '../cuda-compatible/compatible-backend.js';

export const binding = new CompatibleBackend('musa');
