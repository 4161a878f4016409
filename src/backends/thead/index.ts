/**
 * `opbridge/thead`: the thead libraries as TypeScript facades (docs/facades.md, docs/backends/thead.md),
 * the CUDA facade implementation bound to the thead catalog's names, statuses and numerics.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './bindings.generated.js';
export type * from './types.js';
export * from './cudnn-frontend.js';
