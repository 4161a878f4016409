/**
 * cnnlSoftmaxForward(_v2). CNNL softmax takes 3-D tensors only ("cnnl softmax only support
 * 3-dims", PaddleCustomDevice; torch_mlu notes the same limit): callers view x as
 * [d1, d2, d3] around the softmax axis and pick the mode, which names the axis of that view:
 * LOW_DIMENSION = axis 2 (the last), MEDIUM_DIMENSION = axis 1, HIGH_DIMENSION = axis 0
 * (DIOPI uses HIGH for axis 0 of a 3-D input). CNNL_SOFTMAX_LOG gives LogSoftmax.
 */
import { DeviceFault } from '../sim/device-fault.js';
import { enumMeaning, enumName } from './catalog-enums.js';
import type { cnnlComputationPreference_t, cnnlSoftmaxAlgorithm_t, cnnlSoftmaxMode_t, cnnlStatus_t } from './constants.generated.js';
import type { CallContext } from '../sim/facade-call.js';
import type { KnobSetting } from '../sim/call-profile.js';
import { cnnlCall } from './library-calls.js';
import { scalingFactor } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { formatShape, shapesEqual } from './shapes.js';

const AXIS_BY_MODE: Readonly<Record<string, number>> = {
  'softmax-mode.last-dim': 2,
  'softmax-mode.middle-dim': 1,
  'softmax-mode.first-dim': 0,
};

const OP_BY_ALGORITHM: Readonly<Record<string, string>> = {
  'softmax.accurate': 'Softmax',
  'softmax.log': 'LogSoftmax',
};

function softmax(
  ctx: CallContext,
  handle: unknown,
  algorithm: unknown,
  mode: unknown,
  knobs: readonly KnobSetting[],
  alpha: unknown,
  x_desc: unknown,
  x: unknown,
  beta: unknown,
  y_desc: unknown,
  y: unknown,
): void {
  const h = requireHandle(handle);
  const op = OP_BY_ALGORITHM[enumMeaning('cnnlSoftmaxAlgorithm_t', algorithm) ?? ''];
  if (!op) throw new DeviceFault('invalid-value', `${String(algorithm)} is not a cnnlSoftmaxAlgorithm_t value`);
  const axis = AXIS_BY_MODE[enumMeaning('cnnlSoftmaxMode_t', mode) ?? ''];
  if (axis === undefined) throw new DeviceFault('invalid-value', `${String(mode)} is not a cnnlSoftmaxMode_t value`);
  const X = tensorOperand(ctx.process, x_desc, x, 'x');
  const Y = tensorOperand(ctx.process, y_desc, y, 'y');
  if (X.view.rank !== 3) {
    throw new DeviceFault(
      'invalid-value',
      `CNNL softmax takes 3-D tensors, x_desc is ${formatShape(X.view.shape)}: view x as [d1, d2, d3] around the axis (${enumName('cnnlSoftmaxMode_t', mode)} runs over dim ${axis})`,
    );
  }
  if (!shapesEqual(X.view.shape, Y.view.shape)) throw new DeviceFault('invalid-value', `x ${formatShape(X.view.shape)} and y ${formatShape(Y.view.shape)} must have the same shape`);
  launchCnnl(ctx, h, {
    op,
    inputs: [X],
    attributes: { axis },
    outputs: [Y],
    knobs,
    blend: { alpha: scalingFactor(alpha, 'alpha', 1), beta: scalingFactor(beta, 'beta', 0) },
  });
}

export function cnnlSoftmaxForward_v2(
  handle: cnnlHandle_t,
  algorithm: cnnlSoftmaxAlgorithm_t,
  mode: cnnlSoftmaxMode_t,
  prefer: cnnlComputationPreference_t,
  alpha: number | null,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  beta: number | null,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlSoftmaxForward_v2', (ctx) => {
    if (enumMeaning('cnnlComputationPreference_t', prefer) === undefined) throw new DeviceFault('invalid-value', `${String(prefer)} is not a cnnlComputationPreference_t value`);
    // The preference is a real switch whose arithmetic is undocumented: the knob records it, and changes nothing.
    const knobs = [{ symbol: 'cnnlSoftmaxForward_v2', param: 'prefer', value: enumName('cnnlComputationPreference_t', prefer) }];
    softmax(ctx, handle, algorithm, mode, knobs, alpha, x_desc, x, beta, y_desc, y);
  });
}

export function cnnlSoftmaxForward(
  handle: cnnlHandle_t,
  algorithm: cnnlSoftmaxAlgorithm_t,
  mode: cnnlSoftmaxMode_t,
  alpha: number | null,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  beta: number | null,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlSoftmaxForward', (ctx) => softmax(ctx, handle, algorithm, mode, [], alpha, x_desc, x, beta, y_desc, y));
}
