/**
 * XDNN data movement on the canonical operators: embedding (Gather on axis 0, with Paddle's
 * padding_idx rows set to zero), transpose, concat / split over vectors of device pointers,
 * and cast. Shapes come as `std::vector<int>` arguments; tensors are packed row-major.
 */
import { Tensor } from '../../../runtime/tensor.js';
import { normalizeAxis } from '../../../runtime/shape.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import type { Error_t } from '../constants.generated.js';
import type { Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, glue, launch, requireCount, requireShape, xdnnCall } from './xdnn-call.js';

function requireAxis(axis: unknown, rank: number, name = 'axis'): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new DeviceFault('invalid-value', `${name} = ${String(axis)} is not an axis of a rank-${rank} tensor`);
  }
  return normalizeAxis(axis, rank, name);
}

/**
 * `xpu::embedding<T, TID>`: y[i] = table[ids[i]], and zeros where ids[i] == padding_idx
 * (-1: no padding row). Ids outside [0, xm) other than padding_idx are invalid.
 */
export function embedding(
  templateArgs: readonly string[],
  ctx: Context,
  table: DevicePtr,
  ids: DevicePtr,
  y: DevicePtr,
  xm: number,
  n: number,
  ym: number,
  padding_idx = -1,
): Error_t {
  return xdnnCall('xpu::embedding', (call) => {
    const [T, TID] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const idType = elementDType(call.symbol, TID, 'TID', ['int32', 'int64']);
    const op = beginOp(call, ctx);
    const [rows, width, count] = [requireCount(xm, 'xm'), requireCount(n, 'n'), requireCount(ym, 'ym')];
    const tableOperand = deviceOperand(op, table, 'table', dtype, [rows, width]);
    const idsOperand = deviceOperand(op, ids, 'ids', idType, [count]);
    const ys = deviceOperand(op, y, 'y', dtype, [count, width]);
    const values = idsOperand.view.toFloat64();
    const padded = values.map((id) => (id === padding_idx ? 1 : 0));
    values.forEach((id, i) => {
      if (padded[i] === 0 && !(id >= 0 && id < rows)) {
        throw new DeviceFault('invalid-value', `ids[${i}] = ${id} is outside the table's ${rows} rows (and is not padding_idx ${padding_idx})`);
      }
    });
    const hasPadding = padded.some((p) => p === 1);
    // Padding ids may lie outside the table: gather row 0 for them, then zero those rows.
    const indices = hasPadding ? Tensor.fromNumbers(values.map((id, i) => (padded[i] ? 0 : id)), [count], 'int64') : idsOperand;
    launch(op, 'Gather', [tableOperand, indices], { axis: 0 }, [ys], {
      reads: hasPadding ? [idsOperand] : [],
      finish: hasPadding
        ? ([gathered]) => {
            const mask = Tensor.fromNumbers(padded, [count, 1], 'bool');
            return glue(op, 'Where', [mask, Tensor.zeros([], dtype), gathered]);
          }
        : undefined,
    });
  });
}

export function transpose(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, xshape: readonly number[], permute: readonly number[]): Error_t {
  return xdnnCall('xpu::transpose', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const shape = requireShape(xshape, 'xshape');
    const perm = requireShape(permute, 'permute');
    const isPermutation = perm.length === shape.length && [...perm].sort((a, b) => a - b).every((p, i) => p === i);
    if (!isPermutation) throw new DeviceFault('invalid-value', `permute [${perm.join(', ')}] is not a permutation of the ${shape.length} axes of xshape [${shape.join(', ')}]`);
    const xs = deviceOperand(op, x, 'x', dtype, shape);
    const ys = deviceOperand(op, y, 'y', dtype, perm.map((p) => shape[p]));
    launch(op, 'Transpose', [xs], { perm }, [ys]);
  });
}

export function concat(
  templateArgs: readonly string[],
  ctx: Context,
  xs: readonly DevicePtr[],
  y: DevicePtr,
  xshapes: readonly (readonly number[])[],
  axis: number,
): Error_t {
  return xdnnCall('xpu::concat', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    if (!Array.isArray(xs) || !Array.isArray(xshapes) || xs.length === 0 || xs.length !== xshapes.length) {
      throw new DeviceFault('invalid-value', `xs (${Array.isArray(xs) ? xs.length : 'not an array'}) and xshapes (${Array.isArray(xshapes) ? xshapes.length : 'not an array'}) must be non-empty vectors of the same length`);
    }
    const shapes = xshapes.map((s, i) => requireShape(s, `xshapes[${i}]`));
    const a = requireAxis(axis, shapes[0].length);
    const inputs = xs.map((p, i) => deviceOperand(op, p, `xs[${i}]`, dtype, shapes[i]));
    const yShape = shapes[0].map((d, i) => (i === a ? shapes.reduce((sum, s) => sum + (s[a] ?? 0), 0) : d));
    const ys = deviceOperand(op, y, 'y', dtype, yShape);
    launch(op, 'Concat', inputs, { axis: a }, [ys]);
  });
}

export function split(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  ys: readonly DevicePtr[],
  xshape: readonly number[],
  split_list: readonly number[],
  axis: number,
): Error_t {
  return xdnnCall('xpu::split', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const shape = requireShape(xshape, 'xshape');
    const sizes = requireShape(split_list, 'split_list');
    if (!Array.isArray(ys) || ys.length !== sizes.length) {
      throw new DeviceFault('invalid-value', `ys has ${Array.isArray(ys) ? ys.length : 'no'} pointers but split_list has ${sizes.length} sizes`);
    }
    const a = requireAxis(axis, shape.length);
    const total = sizes.reduce((s, d) => s + d, 0);
    if (total !== shape[a]) throw new DeviceFault('invalid-value', `split_list [${sizes.join(', ')}] sums to ${total} but axis ${a} of xshape [${shape.join(', ')}] has ${shape[a]}`);
    const xs = deviceOperand(op, x, 'x', dtype, shape);
    const outputs = ys.map((p, i) => deviceOperand(op, p, `ys[${i}]`, dtype, shape.map((d, j) => (j === a ? sizes[i] : d))));
    launch(op, 'Split', [xs, Tensor.fromNumbers(sizes, [sizes.length], 'int64')], { axis: a }, outputs);
  });
}

/** `xpu::cast<TX, TY>`: the target type is the template argument TY. */
export function cast(templateArgs: readonly string[], ctx: Context, x: DevicePtr, y: DevicePtr, len: number): Error_t {
  return xdnnCall('xpu::cast', (call) => {
    const [TX, TY] = templateTypes(call.symbol, templateArgs);
    const from = elementDType(call.symbol, TX, 'TX');
    const to = elementDType(call.symbol, TY, 'TY');
    const op = beginOp(call, ctx);
    const count = requireCount(len, 'len');
    launch(op, 'Cast', [deviceOperand(op, x, 'x', from, [count])], { to }, [deviceOperand(op, y, 'y', to, [count])]);
  });
}
