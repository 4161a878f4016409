/**
 * XDNN softmax and normalisation calls on the canonical operators.
 *
 * - softmax / log_softmax: any axis of a row-major shape vector.
 * - layer_norm: LayerNormalization over the last axis of an (m, n) view. Scale, bias, mean
 *   and var are float32 even for float16 x, so half inputs are normalised in float32 and
 *   rounded once to T (XDNN's internal precision is not documented). XDNN returns the
 *   variance, not ONNX's InvStdDev: it is computed by glue operators in float64 from x.
 * - rms_layer_norm: RMSNormalization over `cols`, computed in float32 (Paddle's comment:
 *   "compute always in FP32"); optional bias added afterwards; inv_var gets 1/rms
 *   (is_rstd) or rms, from float64 glue.
 * - batch_norm_infer: BatchNormalization in inference mode; NHWC data is read as a
 *   permuted view, so the operator always sees N, C, H, W.
 */
import type { DType } from '../../../runtime/dtype.js';
import { Tensor } from '../../../runtime/tensor.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import type { DeviceOperand } from '../../sim/launch-op.js';
import type { Error_t } from '../constants.generated.js';
import type { Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, glue, launch, optionalOperand, requireCount, requireShape, xdnnCall, type XdnnOp } from './xdnn-call.js';

function softmaxCall(symbol: string, canonical: string, templateArgs: unknown, ctx: Context, x: unknown, y: unknown, xshape: unknown, axis: number): Error_t {
  return xdnnCall(symbol, (call) => {
    const [T] = templateTypes(symbol, templateArgs);
    const dtype = elementDType(symbol, T, 'T');
    const op = beginOp(call, ctx);
    const shape = requireShape(xshape, 'xshape');
    const xs = deviceOperand(op, x, 'x', dtype, shape);
    const ys = deviceOperand(op, y, 'y', dtype, shape);
    launch(op, canonical, [xs], { axis }, [ys]);
  });
}

export function softmax(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, xshape: readonly number[], axis: number): Error_t {
  return softmaxCall('xpu::softmax', 'Softmax', templateArgs, ctx, x, y, xshape, axis);
}

export function log_softmax(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, xshape: readonly number[], axis: number): Error_t {
  return softmaxCall('xpu::log_softmax', 'LogSoftmax', templateArgs, ctx, x, y, xshape, axis);
}

/** `operand`'s values as float32 for the operator: the view itself, or a cast copy (read-checked by the launch). */
function asFloat32(op: XdnnOp, operand: DeviceOperand): DeviceOperand | Tensor {
  return operand.view.dtype === 'float32' ? operand : glue(op, 'Cast', [operand.view], { to: 'float32' })[0];
}

/** Operands `asFloat32` replaced by a copy: the launch must still check their producers. */
function castReads(...operands: DeviceOperand[]): DeviceOperand[] {
  return operands.filter((o) => o.view.dtype !== 'float32');
}

/** Casts a float32 result back to the call's element type T. */
function toElementType(op: XdnnOp, t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : glue(op, 'Cast', [t], { to: dtype })[0];
}

const axisOne = (): Tensor => Tensor.fromNumbers([1], [1], 'int64');

/** Per-row statistics of a 2-D tensor in float64, by glue operators: mean of squares, or variance. */
function rowMoment(op: XdnnOp, x: Tensor, centred: boolean): Tensor {
  const [x64] = glue(op, 'Cast', [x], { to: 'float64' });
  const [mean] = glue(op, 'ReduceMean', [x64, axisOne()], { keepdims: 1 });
  const [d] = centred ? glue(op, 'Sub', [x64, mean]) : [x64];
  const [squares] = glue(op, 'Mul', [d, d]);
  return glue(op, 'ReduceMean', [squares, axisOne()], { keepdims: 0 })[0];
}

export function layer_norm(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  y: DevicePtr,
  m: number,
  n: number,
  eps: number,
  scale: DevicePtr | null,
  bias: DevicePtr | null,
  mean: DevicePtr | null = null,
  variance: DevicePtr | null = null,
): Error_t {
  return xdnnCall('xpu::layer_norm', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const [M, N] = [requireCount(m, 'm'), requireCount(n, 'n')];
    const xs = deviceOperand(op, x, 'x', dtype, [M, N]);
    const ys = deviceOperand(op, y, 'y', dtype, [M, N]);
    const scaleOperand = optionalOperand(op, scale, 'scale', 'float32', [N]);
    const biasOperand = optionalOperand(op, bias, 'bias', 'float32', [N]);
    const meanOut = optionalOperand(op, mean, 'mean', 'float32', [M]);
    const varianceOut = optionalOperand(op, variance, 'var', 'float32', [M]);
    // ONNX needs a Scale; XDNN accepts nullptr for "no scale".
    const scaleInput = scaleOperand ?? Tensor.fromNumbers(new Float64Array(N).fill(1), [N], 'float32');
    launch(op, 'LayerNormalization', [asFloat32(op, xs), scaleInput, biasOperand], { axis: -1, epsilon: eps }, [ys, meanOut, varianceOut], {
      reads: castReads(xs),
      flops: 8 * M * N,
      finish: ([out, meanResult]) => {
        const results = [toElementType(op, out, dtype), meanResult.reshape([M])];
        if (varianceOut) results.push(glue(op, 'Cast', [rowMoment(op, xs.view, true)], { to: 'float32' })[0]);
        return results;
      },
    });
  });
}

export function rms_layer_norm(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  y: DevicePtr,
  rows: number,
  cols: number,
  eps: number,
  weight: DevicePtr,
  bias: DevicePtr | null = null,
  inv_var: DevicePtr | null = null,
  is_rstd = false,
): Error_t {
  return xdnnCall('xpu::rms_layer_norm', (call) => {
    const [T, TW] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const weightType = elementDType(call.symbol, TW, 'TW');
    const op = beginOp(call, ctx);
    const [R, C] = [requireCount(rows, 'rows'), requireCount(cols, 'cols')];
    const xs = deviceOperand(op, x, 'x', dtype, [R, C]);
    const ys = deviceOperand(op, y, 'y', dtype, [R, C]);
    const ws = deviceOperand(op, weight, 'weight', weightType, [C]);
    const bs = optionalOperand(op, bias, 'bias', weightType, [C]);
    const invVarOut = optionalOperand(op, inv_var, 'inv_var', 'float32', [R]);
    launch(op, 'RMSNormalization', [asFloat32(op, xs), asFloat32(op, ws)], { axis: -1, epsilon: eps }, [ys, invVarOut], {
      reads: [...castReads(xs, ws), ...(bs ? [bs] : [])],
      flops: 4 * R * C,
      finish: ([out]) => {
        const biased = bs ? glue(op, 'Add', [out, glue(op, 'Cast', [bs.view], { to: 'float32' })[0]])[0] : out;
        const results = [toElementType(op, biased, dtype)];
        if (invVarOut) {
          const [meanSquare] = glue(op, 'Add', [rowMoment(op, xs.view, false), Tensor.fromNumbers([eps], [], 'float64')]);
          const [rms] = glue(op, 'Sqrt', [meanSquare]);
          const [saved] = is_rstd ? glue(op, 'Reciprocal', [rms]) : [rms];
          results.push(glue(op, 'Cast', [saved], { to: 'float32' })[0]);
        }
        return results;
      },
    });
  });
}

export function batch_norm_infer(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  y: DevicePtr,
  n: number,
  c: number,
  h: number,
  w: number,
  eps: number,
  scale: DevicePtr,
  bias: DevicePtr,
  mean: DevicePtr,
  variance: DevicePtr,
  is_nchw = true,
): Error_t {
  return xdnnCall('xpu::batch_norm_infer', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const [N, C, H, W] = [requireCount(n, 'n'), requireCount(c, 'c'), requireCount(h, 'h'), requireCount(w, 'w')];
    const nchw = (ptr: unknown, name: string): DeviceOperand => {
      if (is_nchw) return deviceOperand(op, ptr, name, dtype, [N, C, H, W]);
      const stored = deviceOperand(op, ptr, name, dtype, [N, H, W, C]);
      return { ptr: stored.ptr, view: stored.view.permute([0, 3, 1, 2]) };
    };
    const xs = nchw(x, 'x');
    const ys = nchw(y, 'y');
    const channel = (ptr: unknown, name: string): DeviceOperand => deviceOperand(op, ptr, name, 'float32', [C]);
    launch(
      op,
      'BatchNormalization',
      [xs, channel(scale, 'scale'), channel(bias, 'bias'), channel(mean, 'mean'), channel(variance, 'var')],
      { epsilon: eps, training_mode: 0 },
      [ys],
      { flops: 2 * N * C * H * W },
    );
  });
}
