/** CNNL transpose: a permutation descriptor and cnnlTranspose_v2, the NCHW <-> NHWC converter of every MLU framework. */
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { requireTensorDescriptor, tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { requireWorkspace } from './cnnl-workspace.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor, setOpDescriptor } from './op-descriptor.js';
import { formatShape, shapesEqual } from './shapes.js';
import type { cnnlStatus_t } from './constants.generated.js';

const KIND = 'cnnlTransposeDescriptor_t';

export type cnnlTransposeDescriptor_t = CnnlOpDescriptor<{ readonly perm: readonly number[] }>;

export function cnnlCreateTransposeDescriptor(desc: Ref<cnnlTransposeDescriptor_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlCreateTransposeDescriptor', KIND, desc);
}

export function cnnlDestroyTransposeDescriptor(desc: cnnlTransposeDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyTransposeDescriptor', KIND, desc);
}

/** `permute[i]` is the x dim that becomes y dim i (ONNX Transpose's perm). */
export function cnnlSetTransposeDescriptor(desc: cnnlTransposeDescriptor_t, dims: number, permute: readonly number[]): cnnlStatus_t {
  return cnnlCall('cnnlSetTransposeDescriptor', () => {
    if (!Number.isInteger(dims) || dims < 1) throw new DeviceFault('invalid-value', `dims must be a positive integer, got ${dims}`);
    if (!Array.isArray(permute)) throw new DeviceFault('null-pointer', 'permute must be an array of dims integers');
    const perm = permute.slice(0, dims);
    if (perm.length !== dims || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
      throw new DeviceFault('invalid-value', `permute [${permute.join(', ')}] is not a permutation of 0..${dims - 1}`);
    }
    setOpDescriptor(desc, KIND, { perm });
  });
}

/** A transpose needs no staging in opbridge's workspace model: 0 bytes. */
export function cnnlGetTransposeWorkspaceSize(handle: cnnlHandle_t, x_desc: cnnlTensorDescriptor_t, trans_desc: cnnlTransposeDescriptor_t, size: Ref<number>): cnnlStatus_t {
  return cnnlCall('cnnlGetTransposeWorkspaceSize', () => {
    requireHandle(handle);
    requireTensorDescriptor(x_desc, 'x_desc');
    descriptorSettings(trans_desc, KIND, 'cnnlSetTransposeDescriptor');
    requireOutRef(size, 'size').value = 0;
  });
}

export function cnnlTranspose_v2(
  handle: cnnlHandle_t,
  trans_desc: cnnlTransposeDescriptor_t,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
  workspace: unknown,
  workspace_size: number,
): cnnlStatus_t {
  return cnnlCall('cnnlTranspose_v2', (ctx) => {
    const h = requireHandle(handle);
    const { perm } = descriptorSettings<{ perm: readonly number[] }>(trans_desc, KIND, 'cnnlSetTransposeDescriptor');
    const X = tensorOperand(ctx.process, x_desc, x, 'x');
    const Y = tensorOperand(ctx.process, y_desc, y, 'y');
    if (perm.length !== X.view.rank) throw new DeviceFault('invalid-value', `the permutation has ${perm.length} dims, x ${formatShape(X.view.shape)} has ${X.view.rank}`);
    const expected = perm.map((p) => X.view.shape[p]);
    if (!shapesEqual(expected, Y.view.shape)) throw new DeviceFault('invalid-value', `transposing x ${formatShape(X.view.shape)} by [${perm.join(', ')}] gives ${formatShape(expected)}, y_desc is ${formatShape(Y.view.shape)}`);
    requireWorkspace(ctx, workspace, workspace_size, 0, 'cnnlGetTransposeWorkspaceSize');
    launchCnnl(ctx, h, { op: 'Transpose', inputs: [X], attributes: { perm: [...perm] }, outputs: [Y] });
  });
}
