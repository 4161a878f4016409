/**
 * cudnnOpTensorDescriptor_t and cudnnOpTensor: C = op(alpha1·A, alpha2·B) + beta·C (header),
 * B ignored by the unary SQRT and NOT. The op picks the canonical operator as the catalog
 * variants list it: ADD Add, MUL Mul, MIN Min, MAX Max, SQRT Sqrt. CUDNN_OP_TENSOR_NOT has no
 * canonical operator (and its exact definition is not in the sources read): not simulated.
 *
 * Shapes (cuDNN docs): A has C's dimensions; each of B's dimensions is 1 or C's. A, B and C
 * share one data type here (cuDNN also accepts a few mixed configurations, not simulated).
 * The operation runs in opTensorCompType (float for float and half data): scaled operands
 * and the result are kept in it and rounded once into C's type.
 */
import type { DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import {
  CUDNN_NOT_PROPAGATE_NAN,
  CUDNN_OP_TENSOR_ADD,
  CUDNN_OP_TENSOR_MAX,
  CUDNN_OP_TENSOR_MIN,
  CUDNN_OP_TENSOR_MUL,
  CUDNN_OP_TENSOR_SQRT,
  CUDNN_STATUS_BAD_PARAM,
  type cudnnDataType_t,
  type cudnnNanPropagation_t,
  type cudnnOpTensorOp_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { cudnnTypeName, dtypeOfCudnnType, isCudnnDataType } from './cudnn-data-types.js';
import { CudnnDescriptor, createDescriptor, destroyDescriptor, requireDescriptor } from './cudnn-descriptor.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { launchBlended, launchStep, readScalingFactor, type LaunchEnv, type Operand } from './cudnn-launch.js';
import { warnNanNotPropagated } from './cudnn-nan.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { sameDims } from './cudnn-views.js';
import { isEnumMember, statusName } from './enum-names.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile, boundName } from './backend-binding.js';

interface OpTensorSettings {
  readonly op: number;
  readonly compType: number;
  readonly nanOpt: number;
}

export class CudnnOpTensorDescriptor extends CudnnDescriptor {
  readonly kind = boundName('cudnnOpTensorDescriptor_t');
  settings: OpTensorSettings | undefined;
}

/** `typedef struct cudnnOpTensorStruct *cudnnOpTensorDescriptor_t`. */
export type cudnnOpTensorDescriptor_t = CudnnOpTensorDescriptor;

const OPERATORS: ReadonlyMap<number, string> = new Map([
  [CUDNN_OP_TENSOR_ADD, 'Add'],
  [CUDNN_OP_TENSOR_MUL, 'Mul'],
  [CUDNN_OP_TENSOR_MIN, 'Min'],
  [CUDNN_OP_TENSOR_MAX, 'Max'],
  [CUDNN_OP_TENSOR_SQRT, 'Sqrt'],
]);

export function cudnnCreateOpTensorDescriptor(opTensorDesc: Ref<cudnnOpTensorDescriptor_t>): cudnnStatus_t {
  return createDescriptor('cudnnCreateOpTensorDescriptor', opTensorDesc, 'opTensorDesc', (site) => new CudnnOpTensorDescriptor(site));
}

export function cudnnSetOpTensorDescriptor(
  opTensorDesc: cudnnOpTensorDescriptor_t,
  opTensorOp: cudnnOpTensorOp_t,
  opTensorCompType: cudnnDataType_t,
  opTensorNanOpt: cudnnNanPropagation_t,
): cudnnStatus_t {
  return cudnnCall('cudnnSetOpTensorDescriptor', (ctx) => {
    const desc = requireDescriptor(opTensorDesc, CudnnOpTensorDescriptor, 'cudnnOpTensorDescriptor_t', 'opTensorDesc');
    if (!isEnumMember('cudnnOpTensorOp_t', opTensorOp)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `opTensorOp ${String(opTensorOp)} is not a cudnnOpTensorOp_t`);
    if (!isCudnnDataType(opTensorCompType)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `opTensorCompType ${String(opTensorCompType)} is not a cudnnDataType_t`);
    if (!isEnumMember('cudnnNanPropagation_t', opTensorNanOpt)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `opTensorNanOpt ${String(opTensorNanOpt)} is not a cudnnNanPropagation_t`);
    desc.settings = { op: opTensorOp, compType: opTensorCompType, nanOpt: opTensorNanOpt };
  });
}

export function cudnnDestroyOpTensorDescriptor(opTensorDesc: cudnnOpTensorDescriptor_t): cudnnStatus_t {
  return destroyDescriptor('cudnnDestroyOpTensorDescriptor', opTensorDesc, CudnnOpTensorDescriptor, 'cudnnOpTensorDescriptor_t', 'opTensorDesc');
}

/** alpha·x in the compute type (x itself when alpha = 1: the operator widens it). */
function scaled(env: LaunchEnv, x: Operand, alpha: number, compute: DType): Operand {
  if (alpha === 1) return x;
  return launchStep(env, { op: 'Mul', inputs: [x, Tensor.fromNumbers([alpha], [], compute)], attributes: {}, computeIn: compute }, [undefined]).results[0];
}

export function cudnnOpTensor(
  handle: cudnnHandle_t,
  opTensorDesc: cudnnOpTensorDescriptor_t,
  alpha1: unknown,
  aDesc: cudnnTensorDescriptor_t,
  A: unknown,
  alpha2: unknown,
  bDesc: cudnnTensorDescriptor_t,
  B: unknown,
  beta: unknown,
  cDesc: cudnnTensorDescriptor_t,
  C: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnOpTensor',
    (ctx) => {
      const h = requireCudnnHandle(handle);
      const desc = requireDescriptor(opTensorDesc, CudnnOpTensorDescriptor, 'cudnnOpTensorDescriptor_t', 'opTensorDesc');
      if (!desc.settings) throw new DeviceFault('invalid-value', `opTensorDesc was created but never set (cudnnSetOpTensorDescriptor)${desc.origin}`);
      const settings = desc.settings;
      const op = OPERATORS.get(settings.op);
      if (!op) return notSimulated(ctx, `${statusName('cudnnOpTensorOp_t', settings.op)} (no canonical operator)`);
      const unary = settings.op === CUDNN_OP_TENSOR_SQRT;
      const al = requireTensorLayout(aDesc, 'aDesc');
      const cl = requireTensorLayout(cDesc, 'cDesc');
      const bl = unary ? undefined : requireTensorLayout(bDesc, 'bDesc');
      if (!sameDims(al.dims, cl.dims)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `aDesc ${formatDims(al.dims)} must have cDesc's dimensions ${formatDims(cl.dims)}`);
      if (bl && (bl.dims.length !== cl.dims.length || bl.dims.some((d, i) => d !== 1 && d !== cl.dims[i]))) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `bDesc ${formatDims(bl.dims)} does not broadcast to cDesc ${formatDims(cl.dims)}: each dimension of B must be 1 or C's`);
      }
      if (al.dtype !== cl.dtype || (bl && bl.dtype !== cl.dtype)) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `A, B and C have different data types (${[al, bl, cl].filter((l) => l).map((l) => cudnnTypeName(l!.dataType)).join(', ')})`);
      }
      const compute = dtypeOfCudnnType(settings.compType);
      if (compute !== 'float32' && compute !== 'float64' && compute !== 'float16' && compute !== 'bfloat16') {
        return notSimulated(ctx, `opTensorCompType ${cudnnTypeName(settings.compType)}`);
      }
      const a1 = readScalingFactor(alpha1, 'alpha1', cl.dtype);
      const a2 = unary ? 1 : readScalingFactor(alpha2, 'alpha2', cl.dtype);
      const b = readScalingFactor(beta, 'beta', cl.dtype);
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      const env = { ctx, stream, profile: boundEntryProfile(ctx.symbol) };
      asDeviceWork(ctx, () => {
        const ao = tensorOperand(ctx.process, al, A, 'A');
        const bo = bl ? tensorOperand(ctx.process, bl, B, 'B') : undefined;
        const co = tensorOperand(ctx.process, cl, C, 'C');
        if (settings.nanOpt === CUDNN_NOT_PROPAGATE_NAN && (op === 'Min' || op === 'Max')) {
          warnNanNotPropagated(ctx, ao.view, 'opTensorNanOpt');
          if (bo) warnNanNotPropagated(ctx, bo.view, 'opTensorNanOpt');
        }
        const inputs = [scaled(env, ao, a1, compute), ...(bo ? [scaled(env, bo, a2, compute)] : [])];
        const widen = compute !== cl.dtype || inputs.some((t) => t instanceof Tensor) ? compute : undefined;
        launchBlended(env, { op, inputs, attributes: {}, computeIn: widen }, co, 1, b);
      });
    },
    true,
  );
}
