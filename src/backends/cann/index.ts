/** `opbridge/cann`: the Huawei Ascend CANN facade (ACL runtime, aclnn, HCCL, ops-blas) on the reference runtime. */
export * from '../host/index.js';
export * from './constants.generated.js';
export * from './acl-init.js';
export * from './acl-device.js';
export * from './acl-memory.js';
export * from './acl-stream.js';
export * from './acl-errors.js';
export * from './acl-meta.js';
export type { aclTensor, aclScalar, aclIntArray, aclFloatArray, aclBoolArray, aclTensorList, aclScalarList } from './acl-tensor.js';
export { aclSetAclOpExecutorRepeatable, aclDestroyAclOpExecutor, type aclOpExecutor } from './aclnn-executor.js';
export * from './aclnn-elementwise.js';
export * from './aclnn-activation.js';
