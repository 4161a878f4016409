/**
 * XDNN elementwise arithmetic: add / mul of same-length vectors, broadcast_add / broadcast_mul
 * with NumPy broadcasting between two shape vectors, scale (y = scale·x + bias, or
 * scale·(x + bias)), and constant, the typed fill Kunlun code uses instead of a memset.
 *
 * `scale`'s float scalars are held in T for the canonical Mul / Add, so for half types they
 * are rounded to T first (XDNN's internal precision is not documented).
 */
import { ITEM_SIZE } from '../../../runtime/dtype.js';
import { broadcastShapes } from '../../../runtime/shape.js';
import { Tensor } from '../../../runtime/tensor.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import { storeInto } from '../../sim/device-tensor.js';
import { SIMULATED_DEVICE } from '../../sim/stream-ordering.js';
import type { Error_t } from '../constants.generated.js';
import type { Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, glue, launch, requireCount, requireShape, xdnnCall } from './xdnn-call.js';

function sameLengthCall(symbol: string, canonical: string, templateArgs: unknown, ctx: Context, x: unknown, y: unknown, z: unknown, len: unknown): Error_t {
  return xdnnCall(symbol, (call) => {
    const [T] = templateTypes(symbol, templateArgs);
    const dtype = elementDType(symbol, T, 'T');
    const op = beginOp(call, ctx);
    const n = requireCount(len, 'len');
    launch(op, canonical, [deviceOperand(op, x, 'x', dtype, [n]), deviceOperand(op, y, 'y', dtype, [n])], {}, [deviceOperand(op, z, 'z', dtype, [n])]);
  });
}

function broadcastCall(symbol: string, canonical: string, templateArgs: unknown, ctx: Context, x: unknown, y: unknown, z: unknown, xshape: unknown, yshape: unknown): Error_t {
  return xdnnCall(symbol, (call) => {
    const [T] = templateTypes(symbol, templateArgs);
    const dtype = elementDType(symbol, T, 'T');
    const op = beginOp(call, ctx);
    const xShape = requireShape(xshape, 'xshape');
    const yShape = requireShape(yshape, 'yshape');
    let zShape: number[];
    try {
      zShape = broadcastShapes([xShape, yShape], symbol);
    } catch {
      throw new DeviceFault('invalid-value', `xshape [${xShape.join(', ')}] and yshape [${yShape.join(', ')}] do not broadcast`);
    }
    launch(op, canonical, [deviceOperand(op, x, 'x', dtype, xShape), deviceOperand(op, y, 'y', dtype, yShape)], {}, [deviceOperand(op, z, 'z', dtype, zShape)]);
  });
}

export function add(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, z: DevicePtr, len: number): Error_t {
  return sameLengthCall('xpu::add', 'Add', templateArgs, ctx, x, y, z, len);
}

export function mul(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, z: DevicePtr, len: number): Error_t {
  return sameLengthCall('xpu::mul', 'Mul', templateArgs, ctx, x, y, z, len);
}

export function broadcast_add(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, z: DevicePtr, xshape: readonly number[], yshape: readonly number[]): Error_t {
  return broadcastCall('xpu::broadcast_add', 'Add', templateArgs, ctx, x, y, z, xshape, yshape);
}

export function broadcast_mul(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, z: DevicePtr, xshape: readonly number[], yshape: readonly number[]): Error_t {
  return broadcastCall('xpu::broadcast_mul', 'Mul', templateArgs, ctx, x, y, z, xshape, yshape);
}

/** y = scale·x + bias (bias_after_scale), else scale·(x + bias): Mul by the scalar, with the bias as glue Add. */
export function scale(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  y: DevicePtr,
  len: number,
  bias_after_scale: boolean,
  scale: number,
  bias = 0,
): Error_t {
  return xdnnCall('xpu::scale', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const n = requireCount(len, 'len');
    const xs = deviceOperand(op, x, 'x', dtype, [n]);
    const ys = deviceOperand(op, y, 'y', dtype, [n]);
    const scalar = (v: number): Tensor => Tensor.fromNumbers([v], [], dtype);
    if (bias === 0) {
      launch(op, 'Mul', [xs, scalar(scale)], {}, [ys]);
    } else if (bias_after_scale) {
      launch(op, 'Mul', [xs, scalar(scale)], {}, [ys], { finish: ([r]) => glue(op, 'Add', [r, scalar(bias)]) });
    } else {
      const [shifted] = glue(op, 'Add', [xs.view, scalar(bias)]);
      launch(op, 'Mul', [shifted, scalar(scale)], {}, [ys], { reads: [xs] });
    }
  });
}

/**
 * `xpu::constant<T>(ctx, y, len, value)`: fills `len` elements of type T on the context's
 * stream. A fill, not an operator, so it leaves no operator trace (like a memset).
 */
export function constant(templateArgs: readonly string[], ctx: Context, y: DevicePtr, len: number, value: number): Error_t {
  return xdnnCall('xpu::constant', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const n = requireCount(len, 'len');
    if (typeof value !== 'number') throw new DeviceFault('invalid-value', `value must be a number, got ${typeof value}`);
    const ys = deviceOperand(op, y, 'y', dtype, [n]);
    const bytes = n * ITEM_SIZE[dtype];
    const stamp = op.process.ordering.enqueue(op.stream, bytes / SIMULATED_DEVICE.deviceBytesPerUs);
    storeInto(ys.view, Tensor.fromNumbers(new Float64Array(n).fill(value), [n], dtype));
    op.process.access.recordDeviceWrite(ys.ptr, bytes, stamp, call.symbol, call.site);
  });
}
