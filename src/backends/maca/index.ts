/**
 * `opbridge/maca`: the maca libraries as TypeScript facades (docs/facades.md, docs/backends/maca.md),
 * the CUDA facade implementation bound to the maca catalog's names, statuses and numerics.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './bindings.generated.js';
export type * from './types.js';
export * from './mcdnn-frontend.js';
/** mcclUniqueId: the communicator id rank 0 creates and broadcasts (a value, as in C). */
export { ncclUniqueId as mcclUniqueId } from '../cuda/index.js';
