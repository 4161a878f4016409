/**
 * Activations: `xpu::Activation_t` as a fused epilogue (fc_fusion) mapped by the catalog
 * meaning of its act_enum value onto a canonical operator, and the standalone elementwise
 * calls (`xpu::relu(ctx, x, y, len, max_x, max_y)`, ...).
 *
 * GELU: XDNN's formula (erf or tanh) is not documented; the simulation uses the erf form
 * (ONNX's default). HARD_SWISH / HARD_SIGMOID have no canonical operator and their XDNN
 * slope/offset are undocumented, so they return NOT_IMPLEMENT.
 */
import type { DType } from '../../../runtime/dtype.js';
import type { RawAttributes } from '../../../runtime/kernel.js';
import { Tensor } from '../../../runtime/tensor.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DeviceOperand } from '../../sim/launch-op.js';
import type { Error_t } from '../constants.generated.js';
import { meaningOf } from '../kunlun-catalog.js';
import { Activation_t, type Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, glue, launch, optionalOperand, requireCount, xdnnCall, type XdnnOp } from './xdnn-call.js';
import type { DevicePtr } from '../../sim/device-memory.js';

/** One canonical operator applied to a tensor (extra inputs built for its dtype). */
export interface ActivationStep {
  readonly op: string;
  readonly attributes: RawAttributes;
  readonly extraInputs: (dtype: DType) => Tensor[];
}

const none = (): Tensor[] => [];

/** The epilogue for an Activation_t (or a bare act_enum); undefined for LINEAR. */
export function activationStep(act: unknown): ActivationStep | undefined {
  const activation = act instanceof Activation_t ? act : new Activation_t(act as Activation_t['type']);
  const meaning = meaningOf('xpu::Activation_t::act_enum', activation.type);
  switch (meaning) {
    case 'activation.identity':
      return undefined;
    case 'activation.relu':
      return { op: 'Relu', attributes: {}, extraInputs: none };
    case 'activation.sigmoid':
      return { op: 'Sigmoid', attributes: {}, extraInputs: none };
    case 'activation.tanh':
      return { op: 'Tanh', attributes: {}, extraInputs: none };
    case 'activation.gelu':
      return { op: 'Gelu', attributes: { approximate: 'none' }, extraInputs: none };
    case 'activation.swish':
      return { op: 'Silu', attributes: {}, extraInputs: none };
    case 'activation.leaky-relu':
      if (activation.leaky_alpha === undefined) {
        throw new DeviceFault('invalid-value', 'act is LEAKY_RELU but act.leaky_alpha is not set (XDNN does not document a default)');
      }
      return { op: 'LeakyRelu', attributes: { alpha: activation.leaky_alpha }, extraInputs: none };
    case 'activation.relu6':
      return {
        op: 'Clip',
        attributes: {},
        extraInputs: (dtype) => [Tensor.fromNumbers([0], [], dtype), Tensor.fromNumbers([6], [], dtype)],
      };
    case 'activation.hard-swish':
    case 'activation.hard-sigmoid':
      throw new DeviceFault('not-supported', `act ${activation.type} (${meaning}) has no canonical operator and its XDNN parameters are undocumented`);
    default:
      throw new DeviceFault('invalid-value', `act ${String(activation.type)} is not an xpu::Activation_t::act_enum value`);
  }
}

export function applyActivation(op: XdnnOp, step: ActivationStep | undefined, t: Tensor): Tensor {
  if (!step) return t;
  return glue(op, step.op, [t, ...step.extraInputs(t.dtype)], step.attributes)[0];
}

/** max|t| as a float32 [1] tensor: what XDNN writes to an output max pointer (first float only). */
export function absMax(op: XdnnOp, t: Tensor): Tensor {
  const [abs] = glue(op, 'Abs', [t]);
  const [max] = glue(op, 'ReduceMax', [abs], { keepdims: 0 });
  const [asFloat] = glue(op, 'Cast', [max.reshape([1])], { to: 'float32' });
  return asFloat;
}

/** An output max pointer (`float* y_maxptr`), or undefined for nullptr. */
export function maxOutput(op: XdnnOp, ptr: unknown, name: string): DeviceOperand | undefined {
  return optionalOperand(op, ptr, name, 'float32', [1]);
}

/** Reads the first float of an input max pointer (`const float* x_maxptr`), or undefined for nullptr. */
export function maxInput(op: XdnnOp, ptr: unknown, name: string): { value: number; operand: DeviceOperand } | undefined {
  const operand = optionalOperand(op, ptr, name, 'float32', [1]);
  if (!operand) return undefined;
  const value = operand.view.toFloat64()[0];
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new DeviceFault('invalid-value', `${name} holds ${value}; a max pointer holds the operand's largest magnitude (finite, >= 0)`);
  }
  return { value, operand };
}

function unaryCall(symbol: string, canonical: string, attributes: RawAttributes = {}): (
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  y: DevicePtr,
  len: number,
  max_x?: DevicePtr | null,
  max_y?: DevicePtr | null,
) => Error_t {
  return (templateArgs, ctx, x, y, len, max_x, max_y) =>
    xdnnCall(symbol, (call) => {
      const [T] = templateTypes(symbol, templateArgs);
      const dtype = elementDType(symbol, T, 'T');
      const op = beginOp(call, ctx);
      const n = requireCount(len, 'len');
      const xs = deviceOperand(op, x, 'x', dtype, [n]);
      const ys = deviceOperand(op, y, 'y', dtype, [n]);
      // max_x only matters to quantised pipelines; it is checked but does not change float math.
      const maxX = optionalOperand(op, max_x, 'max_x', 'float32', [1]);
      const maxY = maxOutput(op, max_y, 'max_y');
      launch(op, canonical, [xs], attributes, [ys, maxY], {
        reads: maxX ? [maxX] : [],
        finish: maxY ? ([r]) => [r, absMax(op, r)] : undefined,
      });
    });
}

// Each function is declared with the catalog's parameter names (the meta-test reads them).
const geluCall = unaryCall('xpu::gelu', 'Gelu', { approximate: 'none' });
const reluCall = unaryCall('xpu::relu', 'Relu');
const siluCall = unaryCall('xpu::silu', 'Silu');
const sigmoidCall = unaryCall('xpu::sigmoid', 'Sigmoid');
const tanhCall = unaryCall('xpu::tanh', 'Tanh');
const expCall = unaryCall('xpu::exp', 'Exp');
const erfCall = unaryCall('xpu::erf', 'Erf');
const sqrtCall = unaryCall('xpu::sqrt', 'Sqrt');
const rsqrtCall = unaryCall('xpu::rsqrt', 'Rsqrt');

export function gelu(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number): Error_t {
  return geluCall(templateArgs, ctx, x, y, len);
}

export function relu(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number, max_x: DevicePtr | null = null, max_y: DevicePtr | null = null): Error_t {
  return reluCall(templateArgs, ctx, x, y, len, max_x, max_y);
}

export function silu(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number, max_x: DevicePtr | null = null, max_y: DevicePtr | null = null): Error_t {
  return siluCall(templateArgs, ctx, x, y, len, max_x, max_y);
}

export function sigmoid(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number, max_x: DevicePtr | null = null, max_y: DevicePtr | null = null): Error_t {
  return sigmoidCall(templateArgs, ctx, x, y, len, max_x, max_y);
}

export function tanh(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number, max_x: DevicePtr | null = null, max_y: DevicePtr | null = null): Error_t {
  return tanhCall(templateArgs, ctx, x, y, len, max_x, max_y);
}

export function exp(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number): Error_t {
  return expCall(templateArgs, ctx, x, y, len);
}

export function erf(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number): Error_t {
  return erfCall(templateArgs, ctx, x, y, len);
}

export function sqrt(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number): Error_t {
  return sqrtCall(templateArgs, ctx, x, y, len);
}

export function rsqrt(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number): Error_t {
  return rsqrtCall(templateArgs, ctx, x, y, len);
}
