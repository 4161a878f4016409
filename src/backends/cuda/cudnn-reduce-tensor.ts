/**
 * cudnnReduceTensorDescriptor_t, cudnnGetReductionWorkspaceSize and cudnnReduceTensor:
 * C = reduce(alpha·A) + beta·C (header). The reduced axes are those where C's dimension is 1
 * and A's is not (ONNX axes, keepdims = 1). The op picks the operator chain as the catalog
 * variants list it: ADD ReduceSum, AVG ReduceMean, MAX ReduceMax, MIN ReduceMin, AMAX
 * Abs → ReduceMax, NORM1 Abs → ReduceSum, NORM2 Mul(x, x) → ReduceSum → Sqrt. MUL and
 * MUL_NO_ZEROS have no canonical operator (no ReduceProd): not simulated.
 *
 * - alpha scales A before the reduction (max(alpha·A) is not alpha·max(A) for alpha < 0); the
 *   work runs in reduceTensorCompType and is rounded once into C's type.
 * - Indices (CUDNN_REDUCE_TENSOR_FLATTENED_INDICES, MIN / MAX only: "the indices space is
 *   ignored for reduce ops other than min or max"): ArgMax / ArgMin over the reduced axes
 *   flattened in row-major order (the first extreme on ties), one 32-bit unsigned index per
 *   element of C ("default is 32 bit unsigned"), packed in C's element order (a model).
 * - Sizes (a documented model): indices need 4 bytes per element of C when requested; the
 *   workspace holds the elementwise intermediate of AMAX / NORM1 / NORM2 (A's element count
 *   in the compute type), none otherwise. Smaller buffers are
 *   CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT with OB2011.
 * - A and C have one rank and one data type; each of C's dimensions is 1 or A's
 *   (CUDNN_STATUS_BAD_PARAM otherwise).
 */
import { ITEM_SIZE, type DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import { deviceTensor } from '../sim/device-tensor.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import {
  CUDNN_NOT_PROPAGATE_NAN,
  CUDNN_REDUCE_TENSOR_ADD,
  CUDNN_REDUCE_TENSOR_AMAX,
  CUDNN_REDUCE_TENSOR_AVG,
  CUDNN_REDUCE_TENSOR_FLATTENED_INDICES,
  CUDNN_REDUCE_TENSOR_MAX,
  CUDNN_REDUCE_TENSOR_MIN,
  CUDNN_REDUCE_TENSOR_NORM1,
  CUDNN_REDUCE_TENSOR_NORM2,
  CUDNN_STATUS_BAD_PARAM,
  CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT,
  type cudnnDataType_t,
  type cudnnIndicesType_t,
  type cudnnNanPropagation_t,
  type cudnnReduceTensorIndices_t,
  type cudnnReduceTensorOp_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { cudnnTypeName, dtypeOfCudnnType, isCudnnDataType } from './cudnn-data-types.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor } from './cudnn-descriptor.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { castTo, launchBlended, launchStep, readScalingFactor, type LaunchEnv, type Operand } from './cudnn-launch.js';
import { warnNanNotPropagated } from './cudnn-nan.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type TensorLayout, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { isEnumMember, statusName } from './enum-names.js';
import { requireOut, writeOut } from './out-param.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile, boundName } from './backend-binding.js';

interface ReduceSettings {
  readonly op: number;
  readonly compType: number;
  readonly nanOpt: number;
  readonly indices: number;
  readonly indicesType: number;
}

export class CudnnReduceTensorDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnReduceTensorDescriptor_t');
  settings: ReduceSettings | undefined;
}

/** `typedef struct cudnnReduceTensorStruct *cudnnReduceTensorDescriptor_t`. */
export type cudnnReduceTensorDescriptor_t = CudnnReduceTensorDescriptor;

/** The reduction of each op: an elementwise step (if any), the Reduce* operator, a final step (if any). */
const CHAINS: ReadonlyMap<number, { readonly pre?: 'Abs' | 'Square'; readonly reduce: string; readonly post?: 'Sqrt' }> = new Map([
  [CUDNN_REDUCE_TENSOR_ADD, { reduce: 'ReduceSum' }],
  [CUDNN_REDUCE_TENSOR_AVG, { reduce: 'ReduceMean' }],
  [CUDNN_REDUCE_TENSOR_MAX, { reduce: 'ReduceMax' }],
  [CUDNN_REDUCE_TENSOR_MIN, { reduce: 'ReduceMin' }],
  [CUDNN_REDUCE_TENSOR_AMAX, { pre: 'Abs', reduce: 'ReduceMax' }],
  [CUDNN_REDUCE_TENSOR_NORM1, { pre: 'Abs', reduce: 'ReduceSum' }],
  [CUDNN_REDUCE_TENSOR_NORM2, { pre: 'Square', reduce: 'ReduceSum', post: 'Sqrt' }],
] as const);

function requireReduce(desc: unknown): ReduceSettings {
  const d = requireDescriptor(desc, CudnnReduceTensorDescriptor, 'cudnnReduceTensorDescriptor_t', 'reduceTensorDesc');
  if (!d.settings) throw new DeviceFault('invalid-value', `reduceTensorDesc was created but never set (cudnnSetReduceTensorDescriptor)${d.origin}`);
  return d.settings;
}

export function cudnnCreateReduceTensorDescriptor(reduceTensorDesc: Ref<cudnnReduceTensorDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreateReduceTensorDescriptor', reduceTensorDesc, 'reduceTensorDesc', (site) => new CudnnReduceTensorDescriptor(site));
}

export function cudnnSetReduceTensorDescriptor(
  reduceTensorDesc: cudnnReduceTensorDescriptor_t,
  reduceTensorOp: cudnnReduceTensorOp_t,
  reduceTensorCompType: cudnnDataType_t,
  reduceTensorNanOpt: cudnnNanPropagation_t,
  reduceTensorIndices: cudnnReduceTensorIndices_t,
  reduceTensorIndicesType: cudnnIndicesType_t,
): cudnnStatus_t {
  return cudnnCall('cudnnSetReduceTensorDescriptor', (ctx) => {
    const desc = requireDescriptor(reduceTensorDesc, CudnnReduceTensorDescriptor, 'cudnnReduceTensorDescriptor_t', 'reduceTensorDesc');
    const checks: [string, unknown, string][] = [
      ['cudnnReduceTensorOp_t', reduceTensorOp, 'reduceTensorOp'],
      ['cudnnNanPropagation_t', reduceTensorNanOpt, 'reduceTensorNanOpt'],
      ['cudnnReduceTensorIndices_t', reduceTensorIndices, 'reduceTensorIndices'],
      ['cudnnIndicesType_t', reduceTensorIndicesType, 'reduceTensorIndicesType'],
    ];
    for (const [type, value, what] of checks) {
      if (!isEnumMember(type, value)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `${what} ${String(value)} is not a ${type}`);
    }
    if (!isCudnnDataType(reduceTensorCompType)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `reduceTensorCompType ${String(reduceTensorCompType)} is not a cudnnDataType_t`);
    desc.settings = {
      op: reduceTensorOp,
      compType: reduceTensorCompType,
      nanOpt: reduceTensorNanOpt,
      indices: reduceTensorIndices,
      indicesType: reduceTensorIndicesType,
    };
  });
}

export function cudnnDestroyReduceTensorDescriptor(reduceTensorDesc: cudnnReduceTensorDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyReduceTensorDescriptor', reduceTensorDesc, CudnnReduceTensorDescriptor, 'cudnnReduceTensorDescriptor_t', 'reduceTensorDesc');
}

interface ReductionProblem {
  readonly a: TensorLayout;
  readonly c: TensorLayout;
  readonly axes: number[];
  readonly compute: DType;
  readonly chain: NonNullable<ReturnType<typeof CHAINS.get>>;
  readonly workspace: number;
  readonly indices: number;
}

function reductionProblem(ctx: CallContext, settings: ReduceSettings, aDesc: unknown, cDesc: unknown): ReductionProblem | number {
  const a = requireTensorLayout(aDesc, 'aDesc');
  const c = requireTensorLayout(cDesc, 'cDesc');
  const chain = CHAINS.get(settings.op);
  if (!chain) return notSimulated(ctx, `${statusName('cudnnReduceTensorOp_t', settings.op)} (no canonical product reduction)`);
  if (a.dims.length !== c.dims.length || c.dims.some((d, i) => d !== 1 && d !== a.dims[i])) {
    return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `cDesc ${formatDims(c.dims)} is not a reduction of aDesc ${formatDims(a.dims)}: each dimension of C must be 1 or A's`);
  }
  if (a.dtype !== c.dtype) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `aDesc is ${cudnnTypeName(a.dataType)} but cDesc is ${cudnnTypeName(c.dataType)}`);
  const compute = dtypeOfCudnnType(settings.compType);
  if (compute !== 'float32' && compute !== 'float64' && compute !== 'float16' && compute !== 'bfloat16') return notSimulated(ctx, `reduceTensorCompType ${cudnnTypeName(settings.compType)}`);
  const axes = c.dims.flatMap((d, i) => (d === 1 && a.dims[i] !== 1 ? [i] : []));
  const elementsA = a.dims.reduce((n, d) => n * d, 1);
  const elementsC = c.dims.reduce((n, d) => n * d, 1);
  const wantsIndices = settings.indices === CUDNN_REDUCE_TENSOR_FLATTENED_INDICES && (chain.reduce === 'ReduceMax' || chain.reduce === 'ReduceMin') && !chain.pre;
  return {
    a,
    c,
    axes,
    compute,
    chain,
    workspace: chain.pre ? elementsA * ITEM_SIZE[compute] : 0,
    indices: wantsIndices ? elementsC * 4 : 0,
  };
}

export function cudnnGetReductionWorkspaceSize(
  handle: cudnnHandle_t,
  reduceTensorDesc: cudnnReduceTensorDescriptor_t,
  aDesc: cudnnTensorDescriptor_t,
  cDesc: cudnnTensorDescriptor_t,
  sizeInBytes: Ref<number>,
): cudnnStatus_t {
  return cudnnCall('cudnnGetReductionWorkspaceSize', (ctx) => {
    requireCudnnHandle(handle);
    requireOut(sizeInBytes, 'sizeInBytes');
    const problem = reductionProblem(ctx, requireReduce(reduceTensorDesc), aDesc, cDesc);
    if (typeof problem === 'number') return problem;
    writeOut(sizeInBytes, problem.workspace, 'sizeInBytes');
  });
}

function requireSize(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new DeviceFault('invalid-value', `${what} must be a byte count, got ${String(value)}`);
  return value;
}

/** A bounds check of a scratch buffer the kernel uses (it faults like the kernel would). */
function touch(ctx: CallContext, ptr: unknown, bytes: number, what: string): void {
  if (bytes === 0) return;
  const p = requireDevicePtr(ptr, what);
  ctx.process.memory(p.allocation.device).check(p, bytes);
}

export function cudnnReduceTensor(
  handle: cudnnHandle_t,
  reduceTensorDesc: cudnnReduceTensorDescriptor_t,
  indices: unknown,
  indicesSizeInBytes: number,
  workspace: unknown,
  workspaceSizeInBytes: number,
  alpha: unknown,
  aDesc: cudnnTensorDescriptor_t,
  A: unknown,
  beta: unknown,
  cDesc: cudnnTensorDescriptor_t,
  C: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnReduceTensor',
    (ctx) => {
      const h = requireCudnnHandle(handle);
      const settings = requireReduce(reduceTensorDesc);
      const problem = reductionProblem(ctx, settings, aDesc, cDesc);
      if (typeof problem === 'number') return problem;
      const indicesBytes = requireSize(indicesSizeInBytes, 'indicesSizeInBytes');
      const workspaceBytes = requireSize(workspaceSizeInBytes, 'workspaceSizeInBytes');
      for (const [given, needed, what, query] of [
        [indicesBytes, problem.indices, 'indicesSizeInBytes', 'cudnnGetReductionIndicesSize'],
        [workspaceBytes, problem.workspace, 'workspaceSizeInBytes', 'cudnnGetReductionWorkspaceSize'],
      ] as const) {
        if (given < needed) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT, `${what} = ${given} is less than the ${needed} bytes this reduction needs (${query})`, 'OB2011');
      }
      const { a, c, axes, compute, chain } = problem;
      const alphaValue = readScalingFactor(alpha, 'alpha', c.dtype);
      const betaValue = readScalingFactor(beta, 'beta', c.dtype);
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      const env: LaunchEnv = { ctx, stream, profile: boundEntryProfile(ctx.symbol) };
      asDeviceWork(ctx, () => {
        touch(ctx, workspace, problem.workspace, 'workspace');
        touch(ctx, indices, problem.indices, 'indices');
        const ao = tensorOperand(ctx.process, a, A, 'A');
        const co = tensorOperand(ctx.process, c, C, 'C');
        if (settings.nanOpt === CUDNN_NOT_PROPAGATE_NAN && (chain.reduce === 'ReduceMax' || chain.reduce === 'ReduceMin')) {
          warnNanNotPropagated(ctx, ao.view, 'reduceTensorNanOpt');
        }
        const scalar = (v: number) => Tensor.fromNumbers([v], [], compute);
        let data: Operand = ao;
        if (alphaValue !== 1) data = launchStep(env, { op: 'Mul', inputs: [data, scalar(alphaValue)], attributes: {}, computeIn: compute }, [undefined]).results[0];
        if (chain.pre === 'Abs') data = launchStep(env, { op: 'Abs', inputs: [data], attributes: {}, computeIn: compute }, [undefined]).results[0];
        if (chain.pre === 'Square') data = launchStep(env, { op: 'Mul', inputs: [data, data], attributes: {}, computeIn: compute }, [undefined]).results[0];
        const axesInput = Tensor.fromNumbers(axes, [axes.length], 'int64');
        const reduce = { op: chain.reduce, inputs: [data, axesInput], attributes: { keepdims: 1, noop_with_empty_axes: 1 }, computeIn: compute };
        if (chain.post) {
          const sum = launchStep(env, reduce, [undefined], undefined, true).results[0];
          launchBlended(env, { op: chain.post, inputs: [sum], attributes: {}, computeIn: compute }, co, 1, betaValue);
        } else {
          launchBlended(env, reduce, co, 1, betaValue);
        }
        if (problem.indices > 0) flattenedIndices(env, data, a, c, axes, chain.reduce === 'ReduceMax' ? 'ArgMax' : 'ArgMin', indices);
      });
    },
    true,
  );
}

/**
 * ArgMax / ArgMin of `data` over the reduced axes flattened (row-major) into one, written as
 * uint32 (stored through an int32 view: the values are below 2^31) in C's element order.
 */
function flattenedIndices(env: LaunchEnv, data: Operand, a: TensorLayout, c: TensorLayout, axes: readonly number[], op: 'ArgMax' | 'ArgMin', indices: unknown): void {
  const kept = a.dims.map((_, i) => i).filter((i) => !axes.includes(i));
  const source = data instanceof Tensor ? data : data.view;
  const keptDims = kept.map((i) => a.dims[i]);
  const span = axes.reduce((n, i) => n * a.dims[i], 1);
  // Data movement only: the kept axes first, the reduced ones flattened after them.
  const flat = source.permute([...kept, ...axes]).contiguous().reshape([...keptDims, span]);
  const ptr = requireDevicePtr(indices, 'indices');
  const elements = c.dims.reduce((n, d) => n * d, 1);
  const target = { ptr, view: deviceTensor(env.ctx.process, { ptr, dtype: 'int32', shape: [elements] }) };
  launchStep(env, { op, inputs: [flat], attributes: { axis: kept.length, keepdims: 0, select_last_index: 0 } }, [target], (results) => [
    castTo(results[0], 'int32').reshape([elements]),
  ]);
}
