/**
 * Activation descriptors and cnnlActivationForward. The descriptor's mode selects the
 * canonical operator. GELU: the _v6 setter's `approximate` flag picks the tanh form (a
 * catalog knob); the legacy and _v5 setters have no flag, and the form they compute is not
 * documented: erf (exact) is assumed, as the reference notes.
 */
import type { RawAttributes } from '../../runtime/kernel.js';
import { Tensor } from '../../runtime/tensor.js';
import type { KnobSetting } from '../sim/call-profile.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { enumMeaning, enumName } from './catalog-enums.js';
import type { cnnlActivationMode_t, cnnlActivationPreference_t, cnnlNanPropagation_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { scalingFactor } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor, setOpDescriptor } from './op-descriptor.js';
import { shapesEqual, formatShape } from './shapes.js';

const KIND = 'cnnlActivationDescriptor_t';

interface ActivationSettings {
  readonly mode: string;
  readonly modeName: string;
  readonly coef: number;
  /** Set only by the _v6 setter. */
  readonly approximate: boolean | undefined;
  readonly setter: string;
}

export type cnnlActivationDescriptor_t = CnnlOpDescriptor<ActivationSettings>;

function checkedSettings(mode: unknown, nan_prop: unknown, coef: unknown, approximate: boolean | undefined, setter: string): ActivationSettings {
  const meaning = enumMeaning('cnnlActivationMode_t', mode);
  if (meaning === undefined) throw new DeviceFault('invalid-value', `${String(mode)} is not a cnnlActivationMode_t value`);
  if (enumMeaning('cnnlNanPropagation_t', nan_prop) === undefined) throw new DeviceFault('invalid-value', `${String(nan_prop)} is not a cnnlNanPropagation_t value`);
  if (typeof coef !== 'number' || Number.isNaN(coef)) throw new DeviceFault('invalid-value', `coef must be a number, got ${String(coef)}`);
  return { mode: meaning, modeName: enumName('cnnlActivationMode_t', mode), coef: Math.fround(coef), approximate, setter };
}

function checkPreference(prefer: unknown): void {
  if (enumMeaning('cnnlActivationPreference_t', prefer) === undefined) {
    throw new DeviceFault('invalid-value', `${String(prefer)} is not a cnnlActivationPreference_t value`);
  }
}

export function cnnlCreateActivationDescriptor(desc: Ref<cnnlActivationDescriptor_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlCreateActivationDescriptor', KIND, desc);
}

/** Legacy setter: (desc, mode, nan_prop, coef), the shape of cudnnSetActivationDescriptor. */
export function cnnlSetActivationDescriptor(desc: cnnlActivationDescriptor_t, mode: cnnlActivationMode_t, nan_prop: cnnlNanPropagation_t, coef: number): cnnlStatus_t {
  return cnnlCall('cnnlSetActivationDescriptor', () => {
    setOpDescriptor(desc, KIND, checkedSettings(mode, nan_prop, coef, undefined, 'cnnlSetActivationDescriptor'));
  });
}

/** sliced_dim, selu_alpha, selu_lambda and is_elu_mode only matter for modes the facade does not offer (SELU variants). */
export function cnnlSetActivationDescriptor_v5(
  desc: cnnlActivationDescriptor_t,
  mode: cnnlActivationMode_t,
  prefer: cnnlActivationPreference_t,
  nan_prop: cnnlNanPropagation_t,
  coef: number,
  sliced_dim: number,
  selu_alpha: number,
  selu_lambda: number,
  is_elu_mode: boolean,
): cnnlStatus_t {
  return cnnlCall('cnnlSetActivationDescriptor_v5', () => {
    checkPreference(prefer);
    setOpDescriptor(desc, KIND, checkedSettings(mode, nan_prop, coef, undefined, 'cnnlSetActivationDescriptor_v5'));
  });
}

export function cnnlSetActivationDescriptor_v6(
  desc: cnnlActivationDescriptor_t,
  mode: cnnlActivationMode_t,
  prefer: cnnlActivationPreference_t,
  nan_prop: cnnlNanPropagation_t,
  coef: number,
  sliced_dim: number,
  gamma: number,
  scale: number,
  is_result: boolean,
  approximate: boolean,
): cnnlStatus_t {
  return cnnlCall('cnnlSetActivationDescriptor_v6', () => {
    checkPreference(prefer);
    if (typeof approximate !== 'boolean') throw new DeviceFault('invalid-value', `approximate must be a bool, got ${String(approximate)}`);
    setOpDescriptor(desc, KIND, checkedSettings(mode, nan_prop, coef, approximate, 'cnnlSetActivationDescriptor_v6'));
  });
}

export function cnnlDestroyActivationDescriptor(desc: cnnlActivationDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyActivationDescriptor', KIND, desc);
}

interface ActivationPlan {
  readonly op: string;
  readonly attributes: RawAttributes;
  /** Clip's min and max inputs, in x's dtype. */
  readonly bounds?: readonly [number, number];
  readonly knobs: readonly KnobSetting[];
}

function plan(s: ActivationSettings): ActivationPlan {
  switch (s.mode) {
    case 'activation.relu':
      return { op: 'Relu', attributes: {}, knobs: [] };
    case 'activation.relu6':
      return { op: 'Clip', attributes: {}, bounds: [0, 6], knobs: [] };
    case 'activation.clipped-relu':
      return { op: 'Clip', attributes: {}, bounds: [0, s.coef], knobs: [] };
    case 'activation.sigmoid':
      return { op: 'Sigmoid', attributes: {}, knobs: [] };
    case 'activation.tanh':
      return { op: 'Tanh', attributes: {}, knobs: [] };
    case 'activation.silu':
      return { op: 'Silu', attributes: {}, knobs: [] };
    case 'activation.elu':
      return { op: 'Elu', attributes: { alpha: s.coef }, knobs: [] };
    case 'activation.leaky-relu':
      return { op: 'LeakyRelu', attributes: { alpha: s.coef }, knobs: [] };
    case 'activation.gelu':
      return s.approximate === undefined
        ? { op: 'Gelu', attributes: { approximate: 'none' }, knobs: [] }
        : {
            op: 'Gelu',
            attributes: { approximate: s.approximate ? 'tanh' : 'none' },
            knobs: [{ symbol: 'cnnlSetActivationDescriptor_v6', param: 'approximate', value: s.approximate }],
          };
    case 'activation.identity':
      // An exact copy: Cast to the same dtype moves the stored values unchanged.
      return { op: 'Cast', attributes: {}, knobs: [] };
    default:
      throw new DeviceFault('not-supported', `${s.modeName} has no canonical operator in opbridge's runtime`);
  }
}

/** Same argument order as cudnnActivationForward; alpha / beta NULL mean 1 and 0. */
export function cnnlActivationForward(
  handle: cnnlHandle_t,
  act_desc: cnnlActivationDescriptor_t,
  alpha: number | null,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  beta: number | null,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlActivationForward', (ctx) => {
    const h = requireHandle(handle);
    const settings = descriptorSettings<ActivationSettings>(act_desc, KIND, 'cnnlSetActivationDescriptor_v6');
    const a = scalingFactor(alpha, 'alpha', 1);
    const b = scalingFactor(beta, 'beta', 0);
    const X = tensorOperand(ctx.process, x_desc, x, 'x');
    const Y = tensorOperand(ctx.process, y_desc, y, 'y');
    if (!shapesEqual(X.view.shape, Y.view.shape)) {
      throw new DeviceFault('invalid-value', `x ${formatShape(X.view.shape)} and y ${formatShape(Y.view.shape)} must have the same shape`);
    }
    const p = plan(settings);
    const dtype = X.view.dtype;
    const inputs = p.bounds ? [X, Tensor.fromNumbers([p.bounds[0]], [], dtype), Tensor.fromNumbers([p.bounds[1]], [], dtype)] : [X];
    const attributes = p.op === 'Cast' ? { to: dtype } : p.attributes;
    launchCnnl(ctx, h, { op: p.op, inputs, attributes, outputs: [Y], knobs: p.knobs, blend: { alpha: a, beta: b } });
  });
}
