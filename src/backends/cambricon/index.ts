/**
 * `opbridge/cambricon`: Cambricon MLU's CNRT runtime, CNNL and CNCL on the reference runtime.
 * See docs/backends/cambricon.md for how queues, notifiers, NHWC convolution, workspaces and
 * TF32 defaults are simulated.
 */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './cnrt-device.js';
export * from './cnrt-memory.js';
export * from './cnrt-queue.js';
export * from './cnrt-notifier.js';
export * from './cnrt-error.js';
export * from './cnnl-handle.js';
export * from './cnnl-tensor-descriptor.js';
