/** The CUDA facade implementation bound to the MetaX MACA catalog (docs/backends/maca.md). */
import { CompatibleBackend } from '../cuda-compatible/compatible-backend.js';

export const binding = new CompatibleBackend('maca');
