/**
 * aclnn activations (ops-nn): aclnnGelu is always the tanh approximation (its doc formula,
 * kernel and test golden agree; profile cann.aclnn-gelu), aclnnGeluV2 honours `approximate`
 * (0 = exact erf, 1 = tanh), plus Silu, Relu, Sigmoid and Tanh.
 */
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclTensor } from './acl-tensor.js';
import { FLOATS, requireDType, tensorArg } from './aclnn-args.js';
import { execute, prepare, type AclOpExecutor } from './aclnn-executor.js';
import { cannProfile, entryProfile } from './aclnn-plan.js';
import { unaryPlan } from './aclnn-pointwise.js';
import type { aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

export function aclnnGeluGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnGeluGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    requireDType(x, 'self', FLOATS);
    return unaryPlan('Gelu', x, tensorArg(out, 'out'), entryProfile('aclnnGeluGetWorkspaceSize'), { approximate: 'tanh' });
  });
}
export function aclnnGelu(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnGelu', workspace, workspaceSize, executor, stream);
}

const GELU_APPROXIMATE: Readonly<Record<number, string>> = { 0: 'none', 1: 'tanh' };

export function aclnnGeluV2GetWorkspaceSize(x: AclTensor, approximate: number, y: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnGeluV2GetWorkspaceSize', workspaceSize, executor, () => {
    const input = tensorArg(x, 'x');
    requireDType(input, 'x', FLOATS);
    const mode = GELU_APPROXIMATE[approximate];
    if (mode === undefined) throw new DeviceFault('invalid-value', `approximate must be 0 (none, exact erf) or 1 (tanh), got ${approximate}`);
    return unaryPlan('Gelu', input, tensorArg(y, 'y'), cannProfile(), { approximate: mode });
  });
}
export function aclnnGeluV2(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnGeluV2', workspace, workspaceSize, executor, stream);
}

export function aclnnSiluGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSiluGetWorkspaceSize', workspaceSize, executor, () => unaryPlan('Silu', tensorArg(self, 'self'), tensorArg(out, 'out'), cannProfile()));
}
export function aclnnSilu(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSilu', workspace, workspaceSize, executor, stream);
}

export function aclnnReluGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnReluGetWorkspaceSize', workspaceSize, executor, () => unaryPlan('Relu', tensorArg(self, 'self'), tensorArg(out, 'out'), cannProfile()));
}
export function aclnnRelu(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnRelu', workspace, workspaceSize, executor, stream);
}

export function aclnnSigmoidGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSigmoidGetWorkspaceSize', workspaceSize, executor, () => unaryPlan('Sigmoid', tensorArg(self, 'self'), tensorArg(out, 'out'), cannProfile()));
}
export function aclnnSigmoid(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSigmoid', workspace, workspaceSize, executor, stream);
}

export function aclnnTanhGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnTanhGetWorkspaceSize', workspaceSize, executor, () => unaryPlan('Tanh', tensorArg(self, 'self'), tensorArg(out, 'out'), cannProfile()));
}
export function aclnnTanh(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnTanh', workspace, workspaceSize, executor, stream);
}
