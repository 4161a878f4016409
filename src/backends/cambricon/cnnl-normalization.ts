/**
 * CNNL normalisations: batch norm inference, layer norm and RMS norm.
 *
 * Batch norm runs on channels-last tensors (NHWC / NDHWC / NLC / NC): DIOPI transposes to
 * channels-last before cnnlBatchNormForwardInference. The facade views x and y with the
 * channel axis moved to position 1 (zero-copy) for the canonical BatchNormalization.
 * Layer and RMS norm normalise dims [axis, rank) of the descriptor's dims, as ONNX does.
 */
import type { DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import { runOp } from '../../runtime/run-op.js';
import { GOLDEN_PROFILE } from '../../runtime/numerics/numeric-profile.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import type { SimProcess } from '../sim/sim-process.js';
import { requireCatalogDType } from './catalog-dtypes.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { added, blendDType, castTo, scalingFactor, type GlueContext } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { requireTensorDescriptor, reshapeOperand, tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { float32Staging, requireWorkspace } from './cnnl-workspace.js';
import { formatShape, product, shapesEqual } from './shapes.js';
import type { cnnlStatus_t } from './constants.generated.js';

const CHANNELS_LAST = new Set(['layout.nhwc', 'layout.ndhwc', 'layout.nlc', 'layout.nc']);

/** (N, ..., C) -> (N, C, ...) as a view. */
function channelsFirst(operand: DeviceOperand): DeviceOperand {
  const r = operand.view.rank;
  const perm = [0, r - 1, ...Array.from({ length: r - 2 }, (_, i) => i + 1)];
  return { ptr: operand.ptr, view: operand.view.permute(perm) };
}

/** cuDNN puts y right after x and the BN mode first; CNNL has no mode (spatial) and puts y last. */
export function cnnlBatchNormForwardInference(
  handle: cnnlHandle_t,
  alpha: number | null,
  beta: number | null,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  wbmv_desc: cnnlTensorDescriptor_t,
  weight: unknown,
  bias: unknown,
  mean: unknown,
  variance: unknown,
  eps: number,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlBatchNormForwardInference', (ctx) => {
    const h = requireHandle(handle);
    const xd = requireTensorDescriptor(x_desc, 'x_desc');
    const yd = requireTensorDescriptor(y_desc, 'y_desc');
    if (!CHANNELS_LAST.has(xd.layoutMeaning) || yd.layoutMeaning !== xd.layoutMeaning) {
      throw new DeviceFault('not-supported', `cnnlBatchNormForwardInference takes channels-last tensors (NHWC, NDHWC, NLC, NC) with one layout; got x ${xd.describe()}, y ${yd.describe()}`);
    }
    requireCatalogDType('cnnlBatchNormForwardInference', xd.dtype, 'data');
    const X = tensorOperand(ctx.process, x_desc, x, 'x');
    const Y = tensorOperand(ctx.process, y_desc, y, 'y');
    const channels = xd.dims[xd.dims.length - 1];
    const [W, B, M, V] = (
      [
        [weight, 'weight'],
        [bias, 'bias'],
        [mean, 'mean'],
        [variance, 'variance'],
      ] as const
    ).map(([ptr, name]) => reshapeOperand(tensorOperand(ctx.process, wbmv_desc, ptr, name), [channels], `${name} (wbmv_desc)`));
    if (typeof eps !== 'number' || !(eps >= 0)) throw new DeviceFault('invalid-value', `eps must be a non-negative number, got ${String(eps)}`);
    launchCnnl(ctx, h, {
      op: 'BatchNormalization',
      inputs: [channelsFirst(X), W, B, M, V],
      attributes: { epsilon: eps, training_mode: 0 },
      outputs: [channelsFirst(Y)],
      blend: { alpha: scalingFactor(alpha, 'alpha', 1), beta: scalingFactor(beta, 'beta', 0) },
    });
  });
}

function normalizedAxis(axis: unknown, rank: number): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new DeviceFault('invalid-value', `axis must be an integer in [${-rank}, ${rank - 1}], got ${String(axis)}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Float32 mean and rstd per normalised row (opbridge's workspace model). */
function layerNormWorkspace(dims: readonly number[], axis: number): number {
  return float32Staging(2 * product(dims.slice(0, axis)));
}

function rmsNormWorkspace(dims: readonly number[], axis: number): number {
  return float32Staging(product(dims.slice(0, axis)));
}

export function cnnlGetLayerNormOpWorkspaceSize(handle: cnnlHandle_t, axis: number, x_desc: cnnlTensorDescriptor_t, size: Ref<number>): cnnlStatus_t {
  return cnnlCall('cnnlGetLayerNormOpWorkspaceSize', () => {
    requireHandle(handle);
    const xd = requireTensorDescriptor(x_desc, 'x_desc');
    requireOutRef(size, 'size').value = layerNormWorkspace(xd.dims, normalizedAxis(axis, xd.dims.length));
  });
}

/** Same argument order as DIOPI's call (handle, axis, x_desc, &size). */
export function cnnlGetRmsNormOpWorkspaceSize(handle: cnnlHandle_t, axis: number, x_desc: cnnlTensorDescriptor_t, size: Ref<number>): cnnlStatus_t {
  return cnnlCall('cnnlGetRmsNormOpWorkspaceSize', () => {
    requireHandle(handle);
    const xd = requireTensorDescriptor(x_desc, 'x_desc');
    requireOutRef(size, 'size').value = rmsNormWorkspace(xd.dims, normalizedAxis(axis, xd.dims.length));
  });
}

/** X.shape[:axis] + [1] * (rank - axis): the shape of ONNX's Mean / InvStdDev. */
function statsShape(dims: readonly number[], axis: number): number[] {
  return [...dims.slice(0, axis), ...dims.slice(axis).map(() => 1)];
}

function optionalStats(process: SimProcess, desc: unknown, ptr: unknown, shape: number[], what: string): DeviceOperand | undefined {
  if (ptr === null || ptr === undefined) return undefined;
  return reshapeOperand(tensorOperand(process, desc, ptr, what), shape, what);
}

function requireSameShape(a: readonly number[], b: readonly number[], what: string): void {
  if (!shapesEqual(a, b)) throw new DeviceFault('invalid-value', `${what}: ${formatShape(a)} vs ${formatShape(b)}`);
}

interface NormalizedCall {
  readonly x_desc: cnnlTensorDescriptor_t;
  readonly x: unknown;
  readonly y_desc: cnnlTensorDescriptor_t;
  readonly y: unknown;
  readonly axis: number;
  readonly workspace: unknown;
  readonly workspace_size: number;
}

/**
 * x and y of a normalization over dims [axis, rank): same shape, a catalog dtype for the call,
 * the axis resolved, and the workspace the size query (`sizeQuery`) reports.
 */
function normalizedOperands(ctx: CallContext, c: NormalizedCall, workspaceBytes: (shape: readonly number[], axis: number) => number, sizeQuery: string) {
  const X = tensorOperand(ctx.process, c.x_desc, c.x, 'x');
  const Y = tensorOperand(ctx.process, c.y_desc, c.y, 'y');
  requireSameShape(X.view.shape, Y.view.shape, 'x and y must have the same shape');
  requireCatalogDType(ctx.symbol, X.view.dtype, 'data');
  const a = normalizedAxis(c.axis, X.view.rank);
  requireWorkspace(ctx, c.workspace, c.workspace_size, workspaceBytes(X.view.shape, a), sizeQuery);
  return { X, Y, a, normShape: X.view.shape.slice(a) };
}

/**
 * y = (x - mean) · rstd · weight + bias over dims [axis, rank); saved_mean / saved_rstd get
 * the statistics (shaped by mean_rstd_desc, e.g. X.shape[:axis]) when not NULL. A NULL
 * weight means ones, a NULL bias zeros.
 */
export function cnnlLayerNormForward(
  handle: cnnlHandle_t,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  axis: number,
  weight_bias_desc: cnnlTensorDescriptor_t | null,
  weight: unknown,
  bias: unknown,
  eps: number,
  workspace: unknown,
  workspace_size: number,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
  mean_rstd_desc: cnnlTensorDescriptor_t | null,
  saved_mean: unknown,
  saved_rstd: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlLayerNormForward', (ctx) => {
    const h = requireHandle(handle);
    const { X, Y, a, normShape } = normalizedOperands(ctx, { x_desc, x, y_desc, y, axis, workspace, workspace_size }, layerNormWorkspace, 'cnnlGetLayerNormOpWorkspaceSize');
    const scale =
      weight === null || weight === undefined
        ? Tensor.fromNumbers(new Array(product(normShape)).fill(1), normShape, X.view.dtype)
        : reshapeOperand(tensorOperand(ctx.process, weight_bias_desc, weight, 'weight'), normShape, 'weight');
    const shift = bias === null || bias === undefined ? undefined : reshapeOperand(tensorOperand(ctx.process, weight_bias_desc, bias, 'bias'), normShape, 'bias');
    const stats = statsShape(X.view.shape, a);
    const mean = optionalStats(ctx.process, mean_rstd_desc, saved_mean, stats, 'saved_mean');
    const rstd = optionalStats(ctx.process, mean_rstd_desc, saved_rstd, stats, 'saved_rstd');
    launchCnnl(ctx, h, {
      op: 'LayerNormalization',
      inputs: shift ? [X, scale, shift] : [X, scale],
      attributes: { axis: a, epsilon: eps },
      outputs: [Y, mean, rstd],
      // Statistics come out in float32 (ONNX stash_type); CNNL writes mean_rstd_desc's dtype.
      finish: (results, glue) => [results[0], ...[mean, rstd].map((out, i) => (out ? castTo(glue, results[i + 1], out.view.dtype) : results[i + 1]))],
    });
  });
}

/** 1 / sqrt(mean(x²) + eps) over dims [axis, rank), kept as size-1 dims. */
function inverseRms(glue: GlueContext, x: Tensor, axis: number, eps: number): Tensor {
  const options = { mode: glue.mode, profile: glue.mode === 'golden' ? GOLDEN_PROFILE : glue.profile };
  const compute: DType = blendDType(glue, x.dtype);
  const xc = castTo(glue, x, compute);
  const axes = Tensor.fromNumbers(
    Array.from({ length: x.rank - axis }, (_, i) => axis + i),
    [x.rank - axis],
    'int64',
  );
  const [square] = runOp('Mul', [xc, xc], {}, options);
  const [meanSquare] = runOp('ReduceMean', [square, axes], { keepdims: 1 }, options);
  const [shifted] = runOp('Add', [meanSquare, Tensor.fromNumbers([Math.fround(eps)], [], compute)], {}, options);
  const [inv] = runOp('Rsqrt', [shifted], {}, options);
  return inv;
}

/**
 * RMSNormalization over dims [axis, rank) with an optional additive bias (not in ONNX: added
 * after the operator, in float32, as glue). saved_rms receives 1 / rms when not NULL — DIOPI
 * calls that output invRms; its exact definition in CNNL is unconfirmed.
 */
export function cnnlRmsNormForward(
  handle: cnnlHandle_t,
  axis: number,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  scale_bias_desc: cnnlTensorDescriptor_t,
  scale: unknown,
  bias: unknown,
  eps: number,
  workspace: unknown,
  workspace_size: number,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
  rms_desc: cnnlTensorDescriptor_t | null,
  saved_rms: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlRmsNormForward', (ctx) => {
    const h = requireHandle(handle);
    const { X, Y, a, normShape } = normalizedOperands(ctx, { x_desc, x, y_desc, y, axis, workspace, workspace_size }, rmsNormWorkspace, 'cnnlGetRmsNormOpWorkspaceSize');
    const S = reshapeOperand(tensorOperand(ctx.process, scale_bias_desc, scale, 'scale'), normShape, 'scale');
    const B = bias === null || bias === undefined ? undefined : reshapeOperand(tensorOperand(ctx.process, scale_bias_desc, bias, 'bias'), normShape, 'bias');
    const rms = optionalStats(ctx.process, rms_desc, saved_rms, statsShape(X.view.shape, a), 'saved_rms');
    const epsilon = typeof eps === 'number' ? eps : NaN;
    if (!(epsilon >= 0)) throw new DeviceFault('invalid-value', `eps must be a non-negative number, got ${String(eps)}`);
    launchCnnl(ctx, h, {
      op: 'RMSNormalization',
      inputs: [X, S],
      attributes: { axis: a, epsilon },
      outputs: [Y, rms],
      reads: B ? [B] : undefined,
      finish: (results, glue) => {
        let out = results[0];
        if (B) {
          const compute = blendDType(glue, out.dtype);
          out = castTo(glue, added(glue, castTo(glue, out, compute), castTo(glue, B.view, compute)), Y.view.dtype);
        }
        return rms ? [out, castTo(glue, inverseRms(glue, X.view, a, epsilon), rms.view.dtype)] : [out];
      },
    });
  });
}
