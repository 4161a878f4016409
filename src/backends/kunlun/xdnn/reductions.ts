/**
 * `xpu::reduce_{sum,mean,max,min}<T>(ctx, x, y, xshape, rdims)`: y is written densely without
 * the reduced axes. An empty rdims reduces nothing (y = x) — inferred: callers that reduce
 * everything pass every axis, and ONNX's "empty axes = all axes" default is not XDNN's.
 */
import { Tensor } from '../../../runtime/tensor.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import type { Error_t } from '../constants.generated.js';
import type { Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, launch, requireShape, xdnnCall } from './xdnn-call.js';

function reduceCall(symbol: string, canonical: string, templateArgs: unknown, ctx: Context, x: unknown, y: unknown, xshape: unknown, rdims: unknown): Error_t {
  return xdnnCall(symbol, (call) => {
    const [T] = templateTypes(symbol, templateArgs);
    const dtype = elementDType(symbol, T, 'T');
    const op = beginOp(call, ctx);
    const shape = requireShape(xshape, 'xshape');
    if (!Array.isArray(rdims)) throw new DeviceFault('invalid-value', 'rdims must be an array of axes (std::vector<int>)');
    const axes = (rdims as unknown[]).map((a, i) => {
      if (typeof a !== 'number' || !Number.isInteger(a) || a < -shape.length || a >= shape.length) {
        throw new DeviceFault('invalid-value', `rdims[${i}] = ${String(a)} is not an axis of xshape [${shape.join(', ')}]`);
      }
      return a < 0 ? a + shape.length : a;
    });
    if (new Set(axes).size !== axes.length) throw new DeviceFault('invalid-value', `rdims [${axes.join(', ')}] repeats an axis`);
    const xs = deviceOperand(op, x, 'x', dtype, shape);
    const ys = deviceOperand(op, y, 'y', dtype, shape.filter((_, i) => !axes.includes(i)));
    const axesInput = Tensor.fromNumbers(axes, [axes.length], 'int64');
    launch(op, canonical, [xs, axesInput], { keepdims: 0, noop_with_empty_axes: 1 }, [ys]);
  });
}

export function reduce_sum(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, xshape: readonly number[], rdims: readonly number[]): Error_t {
  return reduceCall('xpu::reduce_sum', 'ReduceSum', templateArgs, ctx, x, y, xshape, rdims);
}

export function reduce_mean(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, xshape: readonly number[], rdims: readonly number[]): Error_t {
  return reduceCall('xpu::reduce_mean', 'ReduceMean', templateArgs, ctx, x, y, xshape, rdims);
}

export function reduce_max(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, xshape: readonly number[], rdims: readonly number[]): Error_t {
  return reduceCall('xpu::reduce_max', 'ReduceMax', templateArgs, ctx, x, y, xshape, rdims);
}

export function reduce_min(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, xshape: readonly number[], rdims: readonly number[]): Error_t {
  return reduceCall('xpu::reduce_min', 'ReduceMin', templateArgs, ctx, x, y, xshape, rdims);
}
