/**
 * aclnn elementwise arithmetic and math (ops-math): Add/Adds/InplaceAdd, Sub/Subs, Mul/Muls/
 * InplaceMuls, Div/Divs, Maximum, Minimum, Exp, Sqrt, Rsqrt and Cast, each as its two-phase
 * pair.
 */
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { dtypeOf } from './acl-dtype.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclScalar, AclTensor } from './acl-tensor.js';
import { scalarArg, tensorArg } from './aclnn-args.js';
import { execute, prepare, type AclOpExecutor } from './aclnn-executor.js';
import { cannProfile } from './aclnn-plan.js';
import { binaryPlan, castPlan, unaryPlan } from './aclnn-pointwise.js';
import type { aclDataType, aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

export function aclnnAddGetWorkspaceSize(self: AclTensor, other: AclTensor, alpha: AclScalar, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnAddGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Add', tensorArg(self, 'self'), tensorArg(other, 'other'), tensorArg(out, 'out'), cannProfile(), { alpha: scalarArg(alpha, 'alpha') }),
  );
}
export function aclnnAdd(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAdd', workspace, workspaceSize, executor, stream);
}

export function aclnnAddsGetWorkspaceSize(self: AclTensor, other: AclScalar, alpha: AclScalar, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnAddsGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Add', tensorArg(self, 'self'), scalarArg(other, 'other'), tensorArg(out, 'out'), cannProfile(), { alpha: scalarArg(alpha, 'alpha') }),
  );
}
export function aclnnAdds(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAdds', workspace, workspaceSize, executor, stream);
}

/** selfRef = selfRef + alpha * other (the catalog binds Mul then Add). */
export function aclnnInplaceAddGetWorkspaceSize(selfRef: AclTensor, other: AclTensor, alpha: AclScalar, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnInplaceAddGetWorkspaceSize', workspaceSize, executor, () => {
    const self = tensorArg(selfRef, 'selfRef');
    return binaryPlan('Add', self, tensorArg(other, 'other'), self, cannProfile(), { alpha: scalarArg(alpha, 'alpha'), alwaysScale: true });
  });
}
export function aclnnInplaceAdd(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnInplaceAdd', workspace, workspaceSize, executor, stream);
}

export function aclnnSubGetWorkspaceSize(self: AclTensor, other: AclTensor, alpha: AclScalar, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSubGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Sub', tensorArg(self, 'self'), tensorArg(other, 'other'), tensorArg(out, 'out'), cannProfile(), { alpha: scalarArg(alpha, 'alpha') }),
  );
}
export function aclnnSub(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSub', workspace, workspaceSize, executor, stream);
}

export function aclnnSubsGetWorkspaceSize(self: AclTensor, other: AclScalar, alpha: AclScalar, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSubsGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Sub', tensorArg(self, 'self'), scalarArg(other, 'other'), tensorArg(out, 'out'), cannProfile(), { alpha: scalarArg(alpha, 'alpha') }),
  );
}
export function aclnnSubs(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSubs', workspace, workspaceSize, executor, stream);
}

export function aclnnMulGetWorkspaceSize(self: AclTensor, other: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnMulGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Mul', tensorArg(self, 'self'), tensorArg(other, 'other'), tensorArg(out, 'out'), cannProfile()),
  );
}
export function aclnnMul(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMul', workspace, workspaceSize, executor, stream);
}

export function aclnnMulsGetWorkspaceSize(self: AclTensor, other: AclScalar, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnMulsGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Mul', tensorArg(self, 'self'), scalarArg(other, 'other'), tensorArg(out, 'out'), cannProfile()),
  );
}
export function aclnnMuls(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMuls', workspace, workspaceSize, executor, stream);
}

export function aclnnInplaceMulsGetWorkspaceSize(selfRef: AclTensor, other: AclScalar, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnInplaceMulsGetWorkspaceSize', workspaceSize, executor, () => {
    const self = tensorArg(selfRef, 'selfRef');
    return binaryPlan('Mul', self, scalarArg(other, 'other'), self, cannProfile());
  });
}
export function aclnnInplaceMuls(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnInplaceMuls', workspace, workspaceSize, executor, stream);
}

export function aclnnDivGetWorkspaceSize(self: AclTensor, other: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnDivGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Div', tensorArg(self, 'self'), tensorArg(other, 'other'), tensorArg(out, 'out'), cannProfile(), { trueDivide: true }),
  );
}
export function aclnnDiv(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnDiv', workspace, workspaceSize, executor, stream);
}

export function aclnnDivsGetWorkspaceSize(self: AclTensor, other: AclScalar, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnDivsGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Div', tensorArg(self, 'self'), scalarArg(other, 'other'), tensorArg(out, 'out'), cannProfile(), { trueDivide: true }),
  );
}
export function aclnnDivs(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnDivs', workspace, workspaceSize, executor, stream);
}

export function aclnnMaximumGetWorkspaceSize(self: AclTensor, other: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnMaximumGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Max', tensorArg(self, 'self'), tensorArg(other, 'other'), tensorArg(out, 'out'), cannProfile()),
  );
}
export function aclnnMaximum(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMaximum', workspace, workspaceSize, executor, stream);
}

export function aclnnMinimumGetWorkspaceSize(self: AclTensor, other: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnMinimumGetWorkspaceSize', workspaceSize, executor, () =>
    binaryPlan('Min', tensorArg(self, 'self'), tensorArg(other, 'other'), tensorArg(out, 'out'), cannProfile()),
  );
}
export function aclnnMinimum(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMinimum', workspace, workspaceSize, executor, stream);
}

export function aclnnExpGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnExpGetWorkspaceSize', workspaceSize, executor, () => unaryPlan('Exp', tensorArg(self, 'self'), tensorArg(out, 'out'), cannProfile()));
}
export function aclnnExp(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnExp', workspace, workspaceSize, executor, stream);
}

export function aclnnSqrtGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSqrtGetWorkspaceSize', workspaceSize, executor, () => unaryPlan('Sqrt', tensorArg(self, 'self'), tensorArg(out, 'out'), cannProfile()));
}
export function aclnnSqrt(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSqrt', workspace, workspaceSize, executor, stream);
}

export function aclnnRsqrtGetWorkspaceSize(self: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnRsqrtGetWorkspaceSize', workspaceSize, executor, () => unaryPlan('Rsqrt', tensorArg(self, 'self'), tensorArg(out, 'out'), cannProfile()));
}
export function aclnnRsqrt(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnRsqrt', workspace, workspaceSize, executor, stream);
}

export function aclnnCastGetWorkspaceSize(self: AclTensor, dtype: aclDataType | number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnCastGetWorkspaceSize', workspaceSize, executor, () => {
    const target = dtypeOf(dtype);
    const o = tensorArg(out, 'out');
    if (o.dtype !== target) throw new DeviceFault('invalid-value', `out is ${o.dtype} but dtype asks for ${target}: they must match`);
    return castPlan(tensorArg(self, 'self'), target, o, cannProfile());
  });
}
export function aclnnCast(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnCast', workspace, workspaceSize, executor, stream);
}
