/**
 * The CUDA facade implementation bound to the T-Head catalog (docs/backends/thead.md). Every
 * T-Head entry is unconfirmed: the names are CUDA's on the strength of a third-party claim of
 * CUDA compatibility, and no enum value is known, so constants are their names.
 */
import { CompatibleBackend } from '../cuda-compatible/compatible-backend.js';

export const binding = new CompatibleBackend('thead');
