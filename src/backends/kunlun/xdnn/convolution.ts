/**
 * XDNN 2-D convolution and pooling on the canonical Conv / MaxPool / AveragePool.
 *
 * Layout: NCHW by default, NHWC with is_nchw = false (the operators' data_format extension).
 * The conv filter is [f, c/groups, kh, kw] for NCHW and [f, kh, kw, c/groups] for NHWC (what
 * Paddle transposes it to before calling). Paddings are 2 values (h, w: symmetric) or 4 in
 * Paddle's order [top, bottom, left, right] (inferred: Paddle passes its own 4-element
 * paddings; XDNN's expected order is not documented) and become ONNX pads [top, left,
 * bottom, right]. conv2d's TGEMM selects the conv compute format through the catalog knob.
 *
 * Conv max pointers follow fc_fusion (inferred): nullptr lets the quantiser use each tensor's
 * own abs-max; a given x_maxptr / w_maxptr is forced by appending one extra channel group that
 * holds it (its outputs are discarded, so no real output changes). max_pool2d's index output
 * receives the operator's Indices as int32 (XDNN's index convention is not documented).
 */
import type { DType } from '../../../runtime/dtype.js';
import { isQuantisedFormat } from '../../../runtime/kernels/templates/matrix-product.js';
import { Tensor } from '../../../runtime/tensor.js';
import { loadCatalog } from '../../../catalog/load-catalog.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import type { DeviceOperand } from '../../sim/launch-op.js';
import type { Error_t } from '../constants.generated.js';
import { KUNLUN } from '../kunlun-catalog.js';
import { absMax, maxInput, maxOutput } from './activation.js';
import type { Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, glue, launch, requireCount, xdnnCall, type XdnnOp } from './xdnn-call.js';

const CONV2D = 'xpu::conv2d';

function pair(value: unknown, name: string, min: number): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) throw new DeviceFault('invalid-value', `${name} must hold 2 values (h, w), got ${JSON.stringify(value)}`);
  const [a, b] = value.map((v, i) => requireCount(v, `${name}[${i}]`));
  if (a < min || b < min) throw new DeviceFault('invalid-value', `${name} values must be >= ${min}, got [${a}, ${b}]`);
  return [a, b];
}

/** XDNN paddings (2 or 4 values, Paddle order) as ONNX pads [top, left, bottom, right]. */
function onnxPads(paddings: unknown): [number, number, number, number] {
  if (!Array.isArray(paddings) || (paddings.length !== 2 && paddings.length !== 4)) {
    throw new DeviceFault('invalid-value', `paddings must hold 2 values (h, w) or 4 (top, bottom, left, right), got ${JSON.stringify(paddings)}`);
  }
  const p = paddings.map((v, i) => requireCount(v, `paddings[${i}]`));
  const [top, bottom, left, right] = p.length === 2 ? [p[0], p[0], p[1], p[1]] : p;
  return [top, left, bottom, right];
}

interface Window {
  readonly kernel: [number, number];
  readonly strides: [number, number];
  readonly dilations: [number, number];
  readonly pads: [number, number, number, number];
}

function outputSize(input: number, kernel: number, stride: number, dilation: number, padBegin: number, padEnd: number, axis: string): number {
  const span = dilation * (kernel - 1) + 1;
  if (input + padBegin + padEnd < span) {
    throw new DeviceFault('invalid-value', `the ${axis} window (${span} with dilation) is larger than the padded input (${input} + ${padBegin} + ${padEnd})`);
  }
  return Math.floor((input + padBegin + padEnd - span) / stride) + 1;
}

function outputHW(h: number, w: number, window: Window): [number, number] {
  const { kernel, strides, dilations, pads } = window;
  return [outputSize(h, kernel[0], strides[0], dilations[0], pads[0], pads[2], 'h'), outputSize(w, kernel[1], strides[1], dilations[1], pads[1], pads[3], 'w')];
}

/** An activation-shaped operand: [n, c, h, w] for NCHW, [n, h, w, c] for NHWC. */
function imageOperand(op: XdnnOp, ptr: unknown, name: string, dtype: DType, nchw: boolean, n: number, c: number, h: number, w: number): DeviceOperand {
  return deviceOperand(op, ptr, name, dtype, nchw ? [n, c, h, w] : [n, h, w, c]);
}

function windowAttributes(window: Window, nchw: boolean): Record<string, number[] | string> {
  return { kernel_shape: window.kernel, strides: window.strides, pads: window.pads, data_format: nchw ? 'NCHW' : 'NHWC' };
}

/**
 * X and W with one extra channel group appended whose only non-zero elements are the forced
 * maxima (for the quantiser's per-tensor abs-max); the extra group's outputs are dropped.
 */
function withMaxGroup(op: XdnnOp, x: Tensor, w: Tensor, nchw: boolean, groups: number, xMax: number, wMax: number): { x: Tensor; w: Tensor } {
  const channelAxis = nchw ? 1 : 3;
  const xShape = [...x.shape];
  xShape[channelAxis] = x.shape[channelAxis] / groups;
  const xExtra = new Float64Array(xShape.reduce((a, b) => a * b, 1));
  xExtra[0] = xMax;
  const wShape = [w.shape[0] / groups, ...w.shape.slice(1)];
  const wExtra = new Float64Array(wShape.reduce((a, b) => a * b, 1));
  wExtra[0] = wMax;
  return {
    x: glue(op, 'Concat', [x, Tensor.fromNumbers(xExtra, xShape, x.dtype)], { axis: channelAxis })[0],
    w: glue(op, 'Concat', [w, Tensor.fromNumbers(wExtra, wShape, w.dtype)], { axis: 0 })[0],
  };
}

export function conv2d(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  weight: DevicePtr,
  y: DevicePtr,
  n: number,
  c: number,
  h: number,
  w: number,
  f: number,
  ksize: readonly number[],
  strides: readonly number[],
  paddings: readonly number[],
  dilations: readonly number[],
  groups: number,
  x_maxptr: DevicePtr | null = null,
  w_maxptr: DevicePtr | null = null,
  y_maxptr: DevicePtr | null = null,
  is_nchw = true,
): Error_t {
  return xdnnCall(CONV2D, (call) => {
    const [TX, TW, TY, TGEMM] = templateTypes(CONV2D, templateArgs);
    const dtype = elementDType(CONV2D, TX, 'TX');
    if (elementDType(CONV2D, TW, 'TW') !== dtype || elementDType(CONV2D, TY, 'TY') !== dtype) {
      throw new DeviceFault('not-supported', `${CONV2D}<${TX}, ${TW}, ${TY}, ${TGEMM}>: mixed element types are not simulated (use TX = TW = TY)`);
    }
    const computeTypes = (loadCatalog().knobsFor(KUNLUN, CONV2D)[0]?.spec.values ?? []).map((v) => String(v.value ?? v.member));
    if (!computeTypes.includes(TGEMM)) throw new DeviceFault('invalid-value', `${CONV2D}: TGEMM = '${TGEMM}' is not a GEMM compute type (${computeTypes.join(', ')})`);
    const op = beginOp(call, ctx, [{ symbol: CONV2D, param: 'TGEMM', value: TGEMM }]);
    const [N, C, H, W, F, G] = [requireCount(n, 'n'), requireCount(c, 'c'), requireCount(h, 'h'), requireCount(w, 'w'), requireCount(f, 'f'), requireCount(groups, 'groups')];
    if (G < 1 || C % G !== 0 || F % G !== 0) throw new DeviceFault('invalid-value', `groups = ${G} must be >= 1 and divide both c = ${C} and f = ${F}`);
    const window: Window = { kernel: pair(ksize, 'ksize', 1), strides: pair(strides, 'strides', 1), dilations: pair(dilations, 'dilations', 1), pads: onnxPads(paddings) };
    const [OH, OW] = outputHW(H, W, window);
    const nchw = Boolean(is_nchw);
    const [kh, kw] = window.kernel;
    const xs = imageOperand(op, x, 'x', dtype, nchw, N, C, H, W);
    const ws = deviceOperand(op, weight, 'weight', dtype, nchw ? [F, C / G, kh, kw] : [F, kh, kw, C / G]);
    const ys = imageOperand(op, y, 'y', dtype, nchw, N, F, OH, OW);
    const xMaxIn = maxInput(op, x_maxptr, 'x_maxptr');
    const wMaxIn = maxInput(op, w_maxptr, 'w_maxptr');
    const yMax = maxOutput(op, y_maxptr, 'y_maxptr');
    const forceMax = op.process.mode !== 'golden' && isQuantisedFormat(op.profile.conv) && (xMaxIn || wMaxIn) && xs.view.size > 0 && ws.view.size > 0;
    const attributes = { ...windowAttributes(window, nchw), dilations: window.dilations };
    const reads = [xMaxIn?.operand, wMaxIn?.operand].filter((r): r is DeviceOperand => r !== undefined);
    const flops = 2 * N * F * OH * OW * (C / G) * kh * kw;
    const finishMax = (out: Tensor): Tensor[] => (yMax ? [out, absMax(op, out)] : [out]);
    if (!forceMax) {
      launch(op, 'Conv', [xs, ws], { ...attributes, group: G }, [ys, yMax], { reads, flops, finish: ([out]) => finishMax(out) });
      return;
    }
    const forced = (given: { value: number } | undefined, t: Tensor): number => (given ? Math.max(given.value, absMax(op, t).toFloat64()[0]) : 0);
    const padded = withMaxGroup(op, xs.view, ws.view, nchw, G, forced(xMaxIn, xs.view), forced(wMaxIn, ws.view));
    launch(op, 'Conv', [padded.x, padded.w], { ...attributes, group: G + 1 }, [ys, yMax], {
      reads: [xs, ws, ...reads],
      flops,
      finish: ([out]) => finishMax(out.slice(nchw ? 1 : 3, 0, F)),
    });
  });
}

export function max_pool2d(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  y: DevicePtr,
  index: DevicePtr | null,
  n: number,
  c: number,
  h: number,
  w: number,
  ksize: readonly number[],
  strides: readonly number[],
  paddings: readonly number[],
  is_nchw = true,
): Error_t {
  return xdnnCall('xpu::max_pool2d', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const [N, C, H, W] = [requireCount(n, 'n'), requireCount(c, 'c'), requireCount(h, 'h'), requireCount(w, 'w')];
    const window: Window = { kernel: pair(ksize, 'ksize', 1), strides: pair(strides, 'strides', 1), dilations: [1, 1], pads: onnxPads(paddings) };
    const [OH, OW] = outputHW(H, W, window);
    const nchw = Boolean(is_nchw);
    const xs = imageOperand(op, x, 'x', dtype, nchw, N, C, H, W);
    const ys = imageOperand(op, y, 'y', dtype, nchw, N, C, OH, OW);
    const indices = index === null || index === undefined ? undefined : imageOperand(op, index, 'index', 'int32', nchw, N, C, OH, OW);
    launch(op, 'MaxPool', [xs], windowAttributes(window, nchw), [ys, indices], {
      finish: ([out, where]) => (indices ? [out, glue(op, 'Cast', [where], { to: 'int32' })[0]] : [out]),
    });
  });
}

export function avg_pool2d(
  templateArgs: readonly string[],
  ctx: Context,
  x: DevicePtr,
  y: DevicePtr,
  n: number,
  c: number,
  h: number,
  w: number,
  ksize: readonly number[],
  strides: readonly number[],
  paddings: readonly number[],
  count_include_pad: boolean,
  is_nchw = true,
): Error_t {
  return xdnnCall('xpu::avg_pool2d', (call) => {
    const [T] = templateTypes(call.symbol, templateArgs);
    const dtype = elementDType(call.symbol, T, 'T');
    const op = beginOp(call, ctx);
    const [N, C, H, W] = [requireCount(n, 'n'), requireCount(c, 'c'), requireCount(h, 'h'), requireCount(w, 'w')];
    const window: Window = { kernel: pair(ksize, 'ksize', 1), strides: pair(strides, 'strides', 1), dilations: [1, 1], pads: onnxPads(paddings) };
    const [OH, OW] = outputHW(H, W, window);
    const nchw = Boolean(is_nchw);
    const xs = imageOperand(op, x, 'x', dtype, nchw, N, C, H, W);
    const ys = imageOperand(op, y, 'y', dtype, nchw, N, C, OH, OW);
    launch(op, 'AveragePool', [xs], { ...windowAttributes(window, nchw), count_include_pad: count_include_pad ? 1 : 0 }, [ys]);
  });
}
