/**
 * muDNN's reduction (torch_musa's C-API path, inferred; docs/backends/musa.md).
 * `mudnnSetReduceDescriptor(reduceDesc, mode, ndim, dim, ord, correction)` names the reduced
 * axes explicitly (cuDNN infers them from the output shape); `mudnnReduce(handle, reduceDesc,
 * aDesc, A, workspace, workspaceSizeInBytes, cDesc, C)` reduces, input first, no alpha / beta,
 * no indices. The descriptor is cuDNN's reduce-tensor descriptor (mudnnCreateReduceDescriptor),
 * so cuDNN's cudnnSetReduceTensorDescriptor / cudnnReduceTensor answer the modes with a
 * canonical operator (ADD, MEAN, MAX, MIN: the catalog variants), in fp32 compute without NaN
 * propagation, when the output keeps the reduced axes as 1 (keepdims) and they are the axes
 * `dim` names. A rank-reducing output or other modes are not simulated.
 */
import { CudnnReduceTensorDescriptor } from '../cuda/cudnn-reduce-tensor.js';
import { requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout } from '../cuda/cudnn-tensor-descriptors.js';
import { CUDNN_32BIT_INDICES, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN, CUDNN_REDUCE_TENSOR_NO_INDICES, CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { DeviceFault } from '../sim/device-fault.js';
import { binding } from './binding.js';
import { mudnnCall, requireIntegers, requireMember } from './mudnn-call.js';
import { modeOperator } from './mudnn-variants.js';
import type { mudnnReduceMode_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

/** `mudnnReduceStruct*`: the object mudnnCreateReduceDescriptor returns. */
export type mudnnReduceDescriptor_t = CudnnReduceTensorDescriptor;

const TYPE = 'mudnnReduceStruct*';
/** The axes set on each reduce descriptor. */
const reducedAxes = new WeakMap<CudnnReduceTensorDescriptor, readonly number[]>();
const success = (): unknown => binding.fromCuda(0, 'mudnnStatus_t', 'cudnnStatus_t');

export function mudnnSetReduceDescriptor(reduceDesc: mudnnReduceDescriptor_t, mode: mudnnReduceMode_t, ndim: number, dim: ArrayLike<number>, ord = 2.0, correction = 1): mudnnStatus_t {
  const symbol = 'mudnnSetReduceDescriptor';
  const checked = mudnnCall(symbol, (ctx) => {
    const desc = requireDescriptor(reduceDesc, CudnnReduceTensorDescriptor, TYPE, 'reduceDesc');
    requireMember(mode, 'mudnnReduceMode_t', 'mode');
    if (!modeOperator('mudnnReduce', mode)) return notSimulated(ctx, `reduce mode ${String(mode)}`);
    if (!Number.isInteger(ndim) || ndim < 1) throw new DeviceFault('invalid-value', `ndim must be a positive integer, got ${String(ndim)}`);
    const axes = requireIntegers(dim, ndim, 'dim');
    if (new Set(axes).size !== axes.length) throw new DeviceFault('invalid-value', `dim [${axes.join(', ')}] repeats an axis`);
    void ord; // NORM's order and VARIANCE / STD's correction: those modes are not simulated.
    void correction;
    reducedAxes.set(desc, axes);
    return undefined;
  });
  if (checked !== success()) return checked;
  const op = binding.toCudaEnum(mode, 'mudnnReduceMode_t', 'cudnnReduceTensorOp_t');
  return binding.callCuda(symbol, 'cudnnSetReduceTensorDescriptor', [reduceDesc, op, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN, CUDNN_REDUCE_TENSOR_NO_INDICES, CUDNN_32BIT_INDICES]);
}

export function mudnnReduce(
  handle: mudnnHandle_t,
  reduceDesc: mudnnReduceDescriptor_t,
  aDesc: mudnnTensorDescriptor_t,
  A: unknown,
  workspace: unknown,
  workspaceSizeInBytes: number,
  cDesc: mudnnTensorDescriptor_t,
  C: unknown,
): mudnnStatus_t {
  const symbol = 'mudnnReduce';
  const checked = mudnnCall(symbol, (ctx) => {
    const desc = requireDescriptor(reduceDesc, CudnnReduceTensorDescriptor, TYPE, 'reduceDesc');
    const axes = reducedAxes.get(desc);
    if (!axes) throw new DeviceFault('invalid-value', `reduceDesc was created but never set (mudnnSetReduceDescriptor)${desc.origin}`);
    const a = requireTensorLayout(aDesc, 'aDesc');
    const c = requireTensorLayout(cDesc, 'cDesc');
    const rank = a.dims.length;
    const named = axes.map((d) => (d < 0 ? d + rank : d));
    if (named.some((d) => d < 0 || d >= rank)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `dim [${axes.join(', ')}] is outside the ${rank}-D aDesc ${formatDims(a.dims)}`);
    if (c.dims.length !== rank) return notSimulated(ctx, `cDesc ${formatDims(c.dims)} drops reduced axes of aDesc ${formatDims(a.dims)}; describe the output with the reduced axes kept as 1`);
    const expected = a.dims.map((d, i) => (named.includes(i) ? 1 : d));
    if (expected.join() !== c.dims.join()) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `cDesc ${formatDims(c.dims)} is not aDesc ${formatDims(a.dims)} reduced over dim [${axes.join(', ')}] (expected ${formatDims(expected)})`);
    return undefined;
  });
  if (checked !== success()) return checked;
  return binding.callCuda(symbol, 'cudnnReduceTensor', [handle, reduceDesc, null, 0, workspace, workspaceSizeInBytes, 1, aDesc, A, 0, cDesc, C]);
}
