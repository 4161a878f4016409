/**
 * aclnn reductions (ops-math): ReduceSum and Mean (with an output / accumulation dtype),
 * Amax, Amin, ArgMax, Cumsum and Topk. An empty dim list reduces every dimension, as torch does.
 */
import type { DType } from '../../runtime/dtype.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { dtypeOf } from './acl-dtype.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclIntArray, AclTensor } from './acl-tensor.js';
import { dimArg, intArrayArg, requireDType, requireSameDType, requireShape, tensorArg } from './aclnn-args.js';
import { execute, prepare, type AclnnPlan, type AclOpExecutor } from './aclnn-executor.js';
import { castTo, int64s, launch, operand } from './aclnn-launch.js';
import { cannProfile, floatPartials, requireOperatorSupports } from './aclnn-plan.js';
import type { aclDataType, aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

function reducedShape(dims: readonly number[], axes: readonly number[], keep: boolean): number[] {
  const out: number[] = [];
  dims.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keep) out.push(1);
  });
  return out;
}

function axesOf(x: AclTensor, dims: readonly number[], name: string): number[] {
  const axes = dims.map((d, i) => dimArg(d, x.rank, `${name}[${i}]`));
  return axes.length ? [...new Set(axes)] : x.viewDims.map((_, i) => i);
}

function reducePlan(op: string, x: AclTensor, dims: readonly number[], keepDims: boolean, out: AclTensor, compute: DType, name: string): AclnnPlan {
  const axes = axesOf(x, dims, name);
  requireOperatorSupports(op, compute, 'the reduction dtype');
  requireShape(out, 'out', reducedShape(x.viewDims, axes, keepDims));
  const profile = cannProfile();
  const lanes = out.numel;
  return {
    workspaceSize: floatPartials(lanes),
    uses: [x, out],
    run: (run) => {
      const xs = operand(run, x);
      const input = castTo(run, xs.view, compute, profile);
      launch(run, { op, inputs: [input === xs.view ? xs : input, int64s(axes)], attributes: { keepdims: keepDims ? 1 : 0 }, outputs: [operand(run, out)], profile, reads: [xs] });
    },
  };
}

export function aclnnReduceSumGetWorkspaceSize(self: AclTensor, dims: AclIntArray, keepDims: boolean, dtype: aclDataType | number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnReduceSumGetWorkspaceSize', workspaceSize, executor, () => {
    const o = tensorArg(out, 'out');
    const compute = dtypeOf(dtype);
    if (o.dtype !== compute) throw new DeviceFault('invalid-value', `out is ${o.dtype} but dtype asks for ${compute}`);
    return reducePlan('ReduceSum', tensorArg(self, 'self'), intArrayArg(dims, 'dims'), keepDims, o, compute, 'dims');
  });
}
export function aclnnReduceSum(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnReduceSum', workspace, workspaceSize, executor, stream);
}

export function aclnnMeanGetWorkspaceSize(self: AclTensor, dim: AclIntArray, keepDim: boolean, dtype: aclDataType | number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnMeanGetWorkspaceSize', workspaceSize, executor, () => {
    const o = tensorArg(out, 'out');
    const compute = dtypeOf(dtype);
    if (o.dtype !== compute) throw new DeviceFault('invalid-value', `out is ${o.dtype} but dtype asks for ${compute}`);
    return reducePlan('ReduceMean', tensorArg(self, 'self'), intArrayArg(dim, 'dim'), keepDim, o, compute, 'dim');
  });
}
export function aclnnMean(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMean', workspace, workspaceSize, executor, stream);
}

export function aclnnAmaxGetWorkspaceSize(self: AclTensor, dim: AclIntArray, keepDim: boolean, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnAmaxGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    requireSameDType(x, 'self', o, 'out');
    return reducePlan('ReduceMax', x, intArrayArg(dim, 'dim'), keepDim, o, x.dtype, 'dim');
  });
}
export function aclnnAmax(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAmax', workspace, workspaceSize, executor, stream);
}

export function aclnnAminGetWorkspaceSize(self: AclTensor, dim: AclIntArray, keepDim: boolean, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnAminGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    requireSameDType(x, 'self', o, 'out');
    return reducePlan('ReduceMin', x, intArrayArg(dim, 'dim'), keepDim, o, x.dtype, 'dim');
  });
}
export function aclnnAmin(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAmin', workspace, workspaceSize, executor, stream);
}

/** Ties give the first index (ONNX select_last_index = 0); which one aclnn picks is undocumented. */
export function aclnnArgMaxGetWorkspaceSize(self: AclTensor, dim: number, keepdim: boolean, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnArgMaxGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    const axis = dimArg(dim, x.rank, 'dim');
    requireDType(o, 'out', ['int64', 'int32']);
    requireShape(o, 'out', reducedShape(x.viewDims, [axis], keepdim));
    const profile = cannProfile();
    return {
      workspaceSize: floatPartials(o.numel),
      uses: [x, o],
      run: (run) => void launch(run, { op: 'ArgMax', inputs: [operand(run, x)], attributes: { axis, keepdims: keepdim ? 1 : 0 }, outputs: [operand(run, o)], profile }),
    };
  });
}
export function aclnnArgMax(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnArgMax', workspace, workspaceSize, executor, stream);
}

export function aclnnCumsumGetWorkspaceSize(self: AclTensor, dim: number, dtype: aclDataType | number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnCumsumGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    const axis = dimArg(dim, x.rank, 'dim');
    const compute = dtypeOf(dtype);
    if (o.dtype !== compute) throw new DeviceFault('invalid-value', `out is ${o.dtype} but dtype asks for ${compute}`);
    requireOperatorSupports('CumSum', compute, 'dtype');
    requireShape(o, 'out', x.viewDims);
    const profile = cannProfile();
    return {
      workspaceSize: floatPartials(x.numel / Math.max(1, x.viewDims[axis] ?? 1)),
      uses: [x, o],
      run: (run) => {
        const xs = operand(run, x);
        const input = castTo(run, xs.view, compute, profile);
        launch(run, { op: 'CumSum', inputs: [input === xs.view ? xs : input, int64s([axis])], attributes: { exclusive: 0, reverse: 0 }, outputs: [operand(run, o)], profile, reads: [xs] });
      },
    };
  });
}
export function aclnnCumsum(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnCumsum', workspace, workspaceSize, executor, stream);
}

export function aclnnTopkGetWorkspaceSize(
  self: AclTensor,
  k: number,
  dim: number,
  largest: boolean,
  sorted: boolean,
  valuesOut: AclTensor,
  indicesOut: AclTensor,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnTopkGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const values = tensorArg(valuesOut, 'valuesOut');
    const indices = tensorArg(indicesOut, 'indicesOut');
    const axis = dimArg(dim, x.rank, 'dim');
    const size = x.rank === 0 ? 1 : x.viewDims[axis];
    if (!Number.isInteger(k) || k < 0 || k > size) throw new DeviceFault('invalid-value', `k = ${k} must lie in [0, ${size}] (the size of dim ${axis})`);
    const shape = [...x.viewDims];
    shape[axis] = k;
    requireShape(values, 'valuesOut', shape);
    requireShape(indices, 'indicesOut', shape);
    requireSameDType(x, 'self', values, 'valuesOut');
    requireDType(indices, 'indicesOut', ['int64', 'int32']);
    const profile = cannProfile();
    return {
      workspaceSize: floatPartials(x.numel / Math.max(1, size) * k),
      uses: [x, values, indices],
      run: (run) =>
        void launch(run, {
          op: 'TopK',
          inputs: [operand(run, x), int64s([k])],
          attributes: { axis, largest: largest ? 1 : 0, sorted: sorted ? 1 : 0 },
          outputs: [operand(run, values), operand(run, indices)],
          profile,
        }),
    };
  });
}
export function aclnnTopk(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnTopk', workspace, workspaceSize, executor, stream);
}
