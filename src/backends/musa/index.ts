/**
 * `opbridge/musa`: the musa libraries as TypeScript facades (docs/facades.md, docs/backends/musa.md),
 * the CUDA facade implementation bound to the musa catalog's names, statuses and numerics.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './bindings.generated.js';
export type * from './types.js';
export * from './mudnn-descriptors.js';
/** mcclUniqueId: the communicator id rank 0 creates and broadcasts (a value, as in C). */
export { ncclUniqueId as mcclUniqueId } from '../cuda/index.js';
export * from './mudnn-binary.js';
export * from './mudnn-unary.js';
export * from './mudnn-softmax.js';
export * from './mudnn-pooling.js';
export * from './mudnn-batchnorm.js';
export * from './mudnn-reduce.js';
export * from './mudnn-permute.js';
export * from './mudnn-dropout.js';
export * from './mudnn-normalization.js';
export * from './mudnn-attention.js';
