/**
 * cnnlOpTensor: c = op(alpha1·a, alpha2·b) + beta·c with broadcasting, op = Add / Sub / Mul
 * by the descriptor. Scaling and the blend are computed in the descriptor's compute type
 * (CNNL_DTYPE_FLOAT for half data in the callers we know) and rounded once into c.
 */
import type { DType } from '../../runtime/dtype.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { shapesEqual } from './shapes.js';
import { dtypeOfMeaning, enumMeaning, enumName } from './catalog-enums.js';
import type { cnnlDataType_t, cnnlNanPropagation_t, cnnlOpTensorDesc_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { castTo, scaled, scalingFactor } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { requirePlainOnchip, requireTensorDescriptor, tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { float32Staging, requireWorkspace } from './cnnl-workspace.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor, setOpDescriptor } from './op-descriptor.js';

const KIND = 'cnnlOpTensorDescriptor_t';

interface OpTensorSettings {
  readonly op: 'Add' | 'Sub' | 'Mul';
  readonly computeDtype: DType;
}

export type cnnlOpTensorDescriptor_t = CnnlOpDescriptor<OpTensorSettings>;

const OP_BY_MEANING: Readonly<Record<string, OpTensorSettings['op']>> = {
  'op-tensor.add': 'Add',
  'op-tensor.sub': 'Sub',
  'op-tensor.mul': 'Mul',
};

export function cnnlCreateOpTensorDescriptor(desc: Ref<cnnlOpTensorDescriptor_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlCreateOpTensorDescriptor', KIND, desc);
}

/** NaN propagation is accepted and not modelled: the runtime's Add / Sub / Mul propagate NaN. */
export function cnnlSetOpTensorDescriptor(
  desc: cnnlOpTensorDescriptor_t,
  op_type: cnnlOpTensorDesc_t,
  comp_type: cnnlDataType_t,
  nan_prop: cnnlNanPropagation_t,
): cnnlStatus_t {
  return cnnlCall('cnnlSetOpTensorDescriptor', () => {
    const op = OP_BY_MEANING[enumMeaning('cnnlOpTensorDesc_t', op_type) ?? ''];
    if (!op) throw new DeviceFault('invalid-value', `${String(op_type)} is not a cnnlOpTensorDesc_t value (CNNL_OP_TENSOR_ADD / SUB / MUL)`);
    const computeDtype = dtypeOfMeaning(enumMeaning('cnnlDataType_t', comp_type));
    if (!computeDtype) throw new DeviceFault('invalid-value', `comp_type ${enumName('cnnlDataType_t', comp_type)} is not a compute type`);
    if (enumMeaning('cnnlNanPropagation_t', nan_prop) === undefined) throw new DeviceFault('invalid-value', `${String(nan_prop)} is not a cnnlNanPropagation_t value`);
    setOpDescriptor<OpTensorSettings>(desc, KIND, { op, computeDtype });
  });
}

export function cnnlDestroyOpTensorDescriptor(desc: cnnlOpTensorDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyOpTensorDescriptor', KIND, desc);
}

/** Float32 staging of c when a or b is broadcast, else none. */
function opTensorWorkspace(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  return shapesEqual(a, c) && shapesEqual(b, c) ? 0 : float32Staging(c.reduce((n, d) => n * d, 1));
}

export function cnnlGetOpTensorWorkspaceSize(
  handle: cnnlHandle_t,
  a_desc: cnnlTensorDescriptor_t,
  b_desc: cnnlTensorDescriptor_t,
  c_desc: cnnlTensorDescriptor_t,
  size: Ref<number>,
): cnnlStatus_t {
  return cnnlCall('cnnlGetOpTensorWorkspaceSize', () => {
    requireHandle(handle);
    const a = requireTensorDescriptor(a_desc, 'a_desc');
    const b = requireTensorDescriptor(b_desc, 'b_desc');
    const c = requireTensorDescriptor(c_desc, 'c_desc');
    requireOutRef(size, 'size').value = opTensorWorkspace(a.dims, b.dims, c.dims);
  });
}

export function cnnlOpTensor(
  handle: cnnlHandle_t,
  op_desc: cnnlOpTensorDescriptor_t,
  alpha1: number,
  a_desc: cnnlTensorDescriptor_t,
  a: unknown,
  alpha2: number,
  b_desc: cnnlTensorDescriptor_t,
  b: unknown,
  workspace: unknown,
  workspace_size: number,
  beta: number,
  c_desc: cnnlTensorDescriptor_t,
  c: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlOpTensor', (ctx) => {
    const h = requireHandle(handle);
    const settings = descriptorSettings<OpTensorSettings>(op_desc, KIND, 'cnnlSetOpTensorDescriptor');
    const factor1 = scalingFactor(alpha1, 'alpha1', undefined);
    const factor2 = scalingFactor(alpha2, 'alpha2', undefined);
    const blendBeta = scalingFactor(beta, 'beta', undefined);
    const A = tensorOperand(ctx.process, a_desc, a, 'a');
    const B = tensorOperand(ctx.process, b_desc, b, 'b');
    const C = tensorOperand(ctx.process, c_desc, c, 'c');
    for (const [d, name] of [[a_desc, 'a_desc'], [b_desc, 'b_desc'], [c_desc, 'c_desc']] as const) requirePlainOnchip(requireTensorDescriptor(d, name), name);
    requireWorkspace(ctx, workspace, workspace_size, opTensorWorkspace(A.view.shape, B.view.shape, C.view.shape), 'cnnlGetOpTensorWorkspaceSize');
    // Golden mode computes everything in float64.
    const compute: DType = ctx.process.mode === 'golden' ? 'float64' : settings.computeDtype;
    const direct = factor1 === 1 && factor2 === 1 && compute === A.view.dtype && compute === B.view.dtype;
    launchCnnl(ctx, h, {
      op: settings.op,
      inputs: [A, B],
      prepare: direct ? undefined : ([a, b], glue) => [scaled(glue, castTo(glue, a!, compute), factor1), scaled(glue, castTo(glue, b!, compute), factor2)],
      attributes: {},
      outputs: [C],
      blend: { alpha: 1, beta: blendBeta },
    });
  });
}

