/**
 * `opbridge/maca`: the maca libraries as TypeScript facades (docs/facades.md, docs/backends/maca.md),
 * the CUDA facade implementation bound to the maca catalog's names, statuses and numerics.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './bindings.generated.js';
export type * from './types.js';
export * from './mcdnn-frontend.js';
