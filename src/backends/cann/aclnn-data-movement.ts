/**
 * aclnn data movement (ops-math conversion and index ops): Permute (Transpose), Cat (Concat),
 * SplitTensor / SplitWithSize (Split), Slice, GatherV2 / IndexSelect / Embedding (Gather) and
 * InplaceCopy (a strided, broadcasting, dtype-converting copy: Cast into the destination view).
 */
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclIntArray, AclTensor, AclTensorList } from './acl-tensor.js';
import { broadcastOf, dimArg, intArrayArg, requireDType, requireSameDType, requireShape, tensorArg, tensorListArg } from './aclnn-args.js';
import { execute, prepare, type AclnnPlan, type AclOpExecutor } from './aclnn-executor.js';
import { broadcastOperand, int64s, launch, operand } from './aclnn-launch.js';
import { cannProfile, requireOperatorDType } from './aclnn-plan.js';
import type { aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

export function aclnnPermuteGetWorkspaceSize(self: AclTensor, dims: AclIntArray, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnPermuteGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    const perm = intArrayArg(dims, 'dims').map((d, i) => dimArg(d, x.rank, `dims[${i}]`));
    if (perm.length !== x.rank || new Set(perm).size !== perm.length) throw new DeviceFault('invalid-value', `dims [${perm.join(', ')}] is not a permutation of ${x.rank} dimensions`);
    requireShape(o, 'out', perm.map((p) => x.viewDims[p]));
    requireSameDType(x, 'self', o, 'out');
    const profile = cannProfile();
    return { workspaceSize: 0, uses: [x, o], run: (run) => void launch(run, { op: 'Transpose', inputs: [operand(run, x)], attributes: { perm }, outputs: [operand(run, o)], profile }) };
  });
}
export function aclnnPermute(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnPermute', workspace, workspaceSize, executor, stream);
}

export function aclnnCatGetWorkspaceSize(tensors: AclTensorList, dim: number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnCatGetWorkspaceSize', workspaceSize, executor, () => {
    const list = tensorListArg(tensors, 'tensors');
    const o = tensorArg(out, 'out');
    if (list.tensors.length === 0) throw new DeviceFault('invalid-value', 'tensors is empty');
    const first = list.tensors[0];
    const axis = dimArg(dim, first.rank, 'dim');
    const shape = [...first.viewDims];
    shape[axis] = 0;
    list.tensors.forEach((t, i) => {
      requireSameDType(first, 'tensors[0]', t, `tensors[${i}]`);
      if (t.rank !== first.rank || t.viewDims.some((d, j) => j !== axis && d !== first.viewDims[j])) {
        throw new DeviceFault('invalid-value', `tensors[${i}] [${t.viewDims.join(', ')}] differs from tensors[0] [${first.viewDims.join(', ')}] outside dim ${axis}`);
      }
      shape[axis] += t.viewDims[axis];
    });
    requireShape(o, 'out', shape);
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [list, o],
      run: (run) => void launch(run, { op: 'Concat', inputs: list.tensors.map((t) => operand(run, t)), attributes: { axis }, outputs: [operand(run, o)], profile }),
    };
  });
}
export function aclnnCat(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnCat', workspace, workspaceSize, executor, stream);
}

function splitPlan(x: AclTensor, sizes: readonly number[], axis: number, out: AclTensorList): AclnnPlan {
  if (sizes.some((s) => s < 0) || sizes.reduce((a, b) => a + b, 0) !== x.viewDims[axis]) {
    throw new DeviceFault('invalid-value', `split sizes [${sizes.join(', ')}] must be non-negative and sum to dim ${axis} of self (${x.viewDims[axis]})`);
  }
  if (out.tensors.length !== sizes.length) throw new DeviceFault('invalid-value', `out holds ${out.tensors.length} tensors but the split makes ${sizes.length}`);
  out.tensors.forEach((t, i) => {
    const shape = [...x.viewDims];
    shape[axis] = sizes[i];
    requireShape(t, `out[${i}]`, shape);
    requireSameDType(x, 'self', t, `out[${i}]`);
  });
  const profile = cannProfile();
  return {
    workspaceSize: 0,
    uses: [x, out],
    run: (run) => void launch(run, { op: 'Split', inputs: [operand(run, x), int64s(sizes)], attributes: { axis }, outputs: out.tensors.map((t) => operand(run, t)), profile }),
  };
}

/** torch.split(int): pieces of splitSections along dim, the last one smaller. */
export function aclnnSplitTensorGetWorkspaceSize(self: AclTensor, splitSections: number, dim: number, out: AclTensorList, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSplitTensorGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const axis = dimArg(dim, x.rank, 'dim');
    if (!Number.isInteger(splitSections) || splitSections < 1) throw new DeviceFault('invalid-value', `splitSections must be a positive integer, got ${splitSections}`);
    const total = x.viewDims[axis];
    const sizes: number[] = [];
    for (let start = 0; start < total; start += splitSections) sizes.push(Math.min(splitSections, total - start));
    return splitPlan(x, sizes, axis, tensorListArg(out, 'out'));
  });
}
export function aclnnSplitTensor(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSplitTensor', workspace, workspaceSize, executor, stream);
}

export function aclnnSplitWithSizeGetWorkspaceSize(self: AclTensor, splitSize: AclIntArray, dim: number, out: AclTensorList, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSplitWithSizeGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    return splitPlan(x, intArrayArg(splitSize, 'splitSize'), dimArg(dim, x.rank, 'dim'), tensorListArg(out, 'out'));
  });
}
export function aclnnSplitWithSize(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSplitWithSize', workspace, workspaceSize, executor, stream);
}

/** One axis per call (the catalog marks several axes unsupported); Python slice semantics, step > 0. */
export function aclnnSliceGetWorkspaceSize(self: AclTensor, dim: number, start: number, end: number, step: number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSliceGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    const axis = dimArg(dim, x.rank, 'dim');
    if (!Number.isInteger(step) || step < 1) throw new DeviceFault('invalid-value', `step must be a positive integer, got ${step}`);
    const size = x.viewDims[axis];
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
    const s = clamp(start);
    const e = clamp(end);
    const shape = [...x.viewDims];
    shape[axis] = e > s ? Math.ceil((e - s) / step) : 0;
    requireShape(o, 'out', shape);
    requireSameDType(x, 'self', o, 'out');
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [x, o],
      run: (run) =>
        void launch(run, { op: 'Slice', inputs: [operand(run, x), int64s([s]), int64s([e]), int64s([axis]), int64s([step])], outputs: [operand(run, o)], profile }),
    };
  });
}
export function aclnnSlice(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSlice', workspace, workspaceSize, executor, stream);
}

function gatherPlan(data: AclTensor, axis: number, index: AclTensor, out: AclTensor, indexName: string): AclnnPlan {
  requireDType(index, indexName, ['int64', 'int32']);
  requireOperatorDType('Gather', data, 'self');
  const shape = [...data.viewDims.slice(0, axis), ...index.viewDims, ...data.viewDims.slice(axis + 1)];
  requireShape(out, 'out', shape);
  requireSameDType(data, 'self', out, 'out');
  const profile = cannProfile();
  return {
    workspaceSize: 0,
    uses: [data, index, out],
    run: (run) => void launch(run, { op: 'Gather', inputs: [operand(run, data), operand(run, index)], attributes: { axis }, outputs: [operand(run, out)], profile }),
  };
}

export function aclnnGatherV2GetWorkspaceSize(self: AclTensor, dim: number, index: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnGatherV2GetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    return gatherPlan(x, dimArg(dim, x.rank, 'dim'), tensorArg(index, 'index'), tensorArg(out, 'out'), 'index');
  });
}
export function aclnnGatherV2(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnGatherV2', workspace, workspaceSize, executor, stream);
}

export function aclnnIndexSelectGetWorkspaceSize(self: AclTensor, dim: number, index: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnIndexSelectGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const idx = tensorArg(index, 'index');
    if (idx.rank > 1) throw new DeviceFault('invalid-value', `index must be 0-D or 1-D (torch.index_select), got ${idx.rank}-D: use aclnnGatherV2`);
    return gatherPlan(x, dimArg(dim, x.rank, 'dim'), idx, tensorArg(out, 'out'), 'index');
  });
}
export function aclnnIndexSelect(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnIndexSelect', workspace, workspaceSize, executor, stream);
}

export function aclnnEmbeddingGetWorkspaceSize(weight: AclTensor, indices: AclTensor, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnEmbeddingGetWorkspaceSize', workspaceSize, executor, () => {
    const w = tensorArg(weight, 'weight');
    if (w.rank !== 2) throw new DeviceFault('invalid-value', `weight must be 2-D (num_embeddings, embedding_dim), got [${w.viewDims.join(', ')}]`);
    return gatherPlan(w, 0, tensorArg(indices, 'indices'), tensorArg(out, 'out'), 'indices');
  });
}
export function aclnnEmbedding(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnEmbedding', workspace, workspaceSize, executor, stream);
}

/**
 * selfRef.copy_(src): src broadcast to selfRef's shape and converted to its dtype, written
 * through selfRef's strides. The catalog binds the copy primitive, so no canonical operator
 * owns it; it runs as Cast (a bit-exact copy when the dtypes match) over a broadcast view.
 */
export function aclnnInplaceCopyGetWorkspaceSize(selfRef: AclTensor, src: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnInplaceCopyGetWorkspaceSize', workspaceSize, executor, () => {
    const dst = tensorArg(selfRef, 'selfRef');
    const from = tensorArg(src, 'src');
    const shape = broadcastOf([dst.viewDims, from.viewDims], 'copy of src into selfRef');
    requireShape(dst, 'selfRef', shape);
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [dst, from],
      run: (run) => {
        launch(run, { op: 'Cast', inputs: [broadcastOperand(operand(run, from), shape)], attributes: { to: dst.dtype }, outputs: [operand(run, dst)], profile });
      },
    };
  });
}
export function aclnnInplaceCopy(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnInplaceCopy', workspace, workspaceSize, executor, stream);
}
