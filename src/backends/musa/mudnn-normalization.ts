/**
 * muDNN's layer and RMS norms (torch_musa's C-API path, LayerNorm.cpp / RMSNorm.cpp, inferred;
 * docs/backends/musa.md):
 *
 * - `mudnnSetLayerNormDescriptor(desc, epsilon, mode, axes, axisCount)`, then
 *   `mudnnGetLayerNormForwardWorkspaceSize(handle, desc, yDesc, meanDesc, rstdDesc, xDesc,
 *   gammaDesc, betaDesc, &size)` and `mudnnLayerNormForward(handle, desc, yDesc, y, meanDesc,
 *   mean, rstdDesc, rstd, xDesc, x, gammaDesc, gamma, betaDesc, beta, workspace, size)`;
 * - `mudnnSetRMSNormDescriptor(desc, mode, epsilon, axes, axisCount)` (mode first, unlike the
 *   layer norm) and `mudnnRMSNormForward(handle, desc, yDesc, y, invvarDesc, invvar, xDesc, x,
 *   gammaDesc, gamma)`: no bias, no workspace.
 *
 * Output first, (descriptor, pointer) pairs, no alpha / beta. The simulation runs the canonical
 * LayerNormalization / RMSNormalization (statistics in float32, ONNX's stash_type) over the
 * descriptor's axes, which must be the trailing axes k .. rank - 1 (ONNX's `axis` k); other
 * axis sets are not simulated. What torch_musa passes as the statistics was not read: the
 * facade takes one value per normalised row (any dims with that many elements) in a float
 * type — mean and rstd = 1 / sqrt(variance + epsilon) for the layer norm, invvar = 1 /
 * sqrt(mean(x²) + epsilon) for the RMS norm (computed with canonical float32 reductions, as
 * the CANN facade computes aclnnRmsNorm's rstd). Both variance modes (DIRECT, WELFORD) compute
 * the same variance. The workspace query answers 0.
 */
import { Tensor } from '../../runtime/tensor.js';
import type { DType } from '../../runtime/dtype.js';
import { CudnnDescriptor, requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { castTo, launchStep, type LaunchEnv } from '../cuda/cudnn-launch.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout, reshapedOperand, tensorOperand, type TensorLayout } from '../cuda/cudnn-tensor-descriptors.js';
import { sameDims } from '../cuda/cudnn-views.js';
import { CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { requireOut, writeOut } from '../cuda/out-param.js';
import { asDeviceWork } from '../cuda/runtime-state.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { CallContext } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import { createMudnnDescriptor, destroyMudnnDescriptor, mudnnCall, mudnnLaunch, requireIntegers, requireMember, requireSettings } from './mudnn-call.js';
import type { mudnnLayerNormMode_t, mudnnRMSNormMode_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

interface NormSettings {
  readonly epsilon: number;
  readonly axes: readonly number[];
}

export class MudnnLayerNormDescriptor extends CudnnDescriptor {
  readonly kind = 'mudnnLayerNormStruct*';
  settings: (NormSettings & { readonly mode: mudnnLayerNormMode_t }) | undefined;
}

export class MudnnRMSNormDescriptor extends CudnnDescriptor {
  readonly kind = 'mudnnRMSNormStruct*';
  settings: (NormSettings & { readonly mode: mudnnRMSNormMode_t }) | undefined;
}

/** `mudnnLayerNormStruct*`. */
export type mudnnLayerNormDescriptor_t = MudnnLayerNormDescriptor;
/** `mudnnRMSNormStruct*`. */
export type mudnnRMSNormDescriptor_t = MudnnRMSNormDescriptor;

const LN = 'mudnnLayerNormStruct*';
const RMS = 'mudnnRMSNormStruct*';
const FLOATS: ReadonlySet<DType> = new Set<DType>(['float16', 'bfloat16', 'float32', 'float64']);

function readSettings(epsilon: number, axes: ArrayLike<number | bigint>, axisCount: number): NormSettings {
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0) throw new DeviceFault('invalid-value', `epsilon must be a finite number ≥ 0, got ${String(epsilon)}`);
  if (!Number.isInteger(axisCount) || axisCount < 1) throw new DeviceFault('invalid-value', `axisCount must be a positive integer, got ${String(axisCount)}`);
  return { epsilon, axes: requireIntegers(axes, axisCount, 'axes') };
}

export function mudnnCreateLayerNormDescriptor(layerNormDesc: Ref<mudnnLayerNormDescriptor_t>): mudnnStatus_t {
  return createMudnnDescriptor('mudnnCreateLayerNormDescriptor', layerNormDesc, MudnnLayerNormDescriptor, 'layerNormDesc');
}

export function mudnnDestroyLayerNormDescriptor(layerNormDesc: mudnnLayerNormDescriptor_t): mudnnStatus_t {
  return destroyMudnnDescriptor('mudnnDestroyLayerNormDescriptor', layerNormDesc, MudnnLayerNormDescriptor, LN, 'layerNormDesc');
}

export function mudnnSetLayerNormDescriptor(layerNormDesc: mudnnLayerNormDescriptor_t, epsilon: number, mode: mudnnLayerNormMode_t, axes: ArrayLike<number | bigint>, axisCount: number): mudnnStatus_t {
  return mudnnCall('mudnnSetLayerNormDescriptor', () => {
    const desc = requireDescriptor(layerNormDesc, MudnnLayerNormDescriptor, LN, 'layerNormDesc');
    requireMember(mode, 'mudnnLayerNormMode_t', 'mode');
    desc.settings = { ...readSettings(epsilon, axes, axisCount), mode };
  });
}

export function mudnnCreateRMSNormDescriptor(rmsNormDesc: Ref<mudnnRMSNormDescriptor_t>): mudnnStatus_t {
  return createMudnnDescriptor('mudnnCreateRMSNormDescriptor', rmsNormDesc, MudnnRMSNormDescriptor, 'rmsNormDesc');
}

export function mudnnDestroyRMSNormDescriptor(rmsNormDesc: mudnnRMSNormDescriptor_t): mudnnStatus_t {
  return destroyMudnnDescriptor('mudnnDestroyRMSNormDescriptor', rmsNormDesc, MudnnRMSNormDescriptor, RMS, 'rmsNormDesc');
}

export function mudnnSetRMSNormDescriptor(rmsNormDesc: mudnnRMSNormDescriptor_t, mode: mudnnRMSNormMode_t, epsilon: number, axes: ArrayLike<number | bigint>, axisCount: number): mudnnStatus_t {
  return mudnnCall('mudnnSetRMSNormDescriptor', () => {
    const desc = requireDescriptor(rmsNormDesc, MudnnRMSNormDescriptor, RMS, 'rmsNormDesc');
    requireMember(mode, 'mudnnRMSNormMode_t', 'mode');
    desc.settings = { ...readSettings(epsilon, axes, axisCount), mode };
  });
}

export function mudnnGetLayerNormForwardWorkspaceSize(
  handle: mudnnHandle_t,
  layerNormDesc: mudnnLayerNormDescriptor_t,
  yDesc: mudnnTensorDescriptor_t,
  meanDesc: mudnnTensorDescriptor_t,
  rstdDesc: mudnnTensorDescriptor_t,
  xDesc: mudnnTensorDescriptor_t,
  gammaDesc: mudnnTensorDescriptor_t,
  betaDesc: mudnnTensorDescriptor_t,
  sizeInBytes: Ref<number>,
): mudnnStatus_t {
  return mudnnCall('mudnnGetLayerNormForwardWorkspaceSize', () => {
    requireSettings(layerNormDesc, MudnnLayerNormDescriptor, LN, 'layerNormDesc', 'mudnnSetLayerNormDescriptor');
    for (const [d, what] of [[yDesc, 'yDesc'], [meanDesc, 'meanDesc'], [rstdDesc, 'rstdDesc'], [xDesc, 'xDesc'], [gammaDesc, 'gammaDesc'], [betaDesc, 'betaDesc']] as const) requireTensorLayout(d, what);
    void handle;
    requireOut(sizeInBytes, 'sizeInBytes');
    writeOut(sizeInBytes, 0, 'sizeInBytes');
  });
}

const count = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);
const withoutOnes = (dims: readonly number[]) => dims.filter((d) => d !== 1);

/** The first normalised axis, when the descriptor's axes are the trailing ones; else a reason. */
function firstAxis(axes: readonly number[], rank: number): number | string {
  const normal = axes.map((a) => (a < 0 ? a + rank : a));
  if (normal.some((a) => a < 0 || a >= rank)) return `axes [${axes.join(', ')}] fall outside the ${rank}-D xDesc`;
  const sorted = [...new Set(normal)].sort((a, b) => a - b);
  const first = sorted[0];
  if (sorted.length !== normal.length || sorted[sorted.length - 1] !== rank - 1 || sorted.length !== rank - first) return `axes [${axes.join(', ')}] are not the trailing axes k .. ${rank - 1} of the ${rank}-D xDesc`;
  return first;
}

interface NormCheck {
  readonly x: TensorLayout;
  readonly y: TensorLayout;
  readonly axis: number;
}

/** X and Y agree and the axes are trailing; the reason otherwise. */
function checkNorm(ctx: CallContext, xDesc: unknown, yDesc: unknown, axes: readonly number[]): NormCheck | number {
  const x = requireTensorLayout(xDesc, 'xDesc');
  const y = requireTensorLayout(yDesc, 'yDesc');
  if (!sameDims(x.dims, y.dims)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(x.dims)} and yDesc ${formatDims(y.dims)} differ`);
  if (!FLOATS.has(x.dtype) || !FLOATS.has(y.dtype)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc (${x.dtype}) and yDesc (${y.dtype}) must hold floating-point data`);
  const axis = firstAxis(axes, x.dims.length);
  if (typeof axis === 'string') return notSimulated(ctx, axis);
  return { x, y, axis };
}

/** A parameter (gamma, beta) whose dims are the normalised dims, up to size-1 dims; its reason otherwise. */
function checkParameter(ctx: CallContext, desc: unknown, what: string, normalized: readonly number[]): TensorLayout | number {
  const p = requireTensorLayout(desc, what);
  if (!sameDims(withoutOnes(p.dims), withoutOnes(normalized))) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `${what} ${formatDims(p.dims)} is not the normalised shape ${formatDims(normalized)}`);
  if (!FLOATS.has(p.dtype)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `${what} must hold floating-point data (got ${p.dtype})`);
  return p;
}

/** A statistic (one value per normalised row, float); its reason otherwise. */
function checkStatistic(ctx: CallContext, desc: unknown, what: string, rows: number): TensorLayout | number {
  const s = requireTensorLayout(desc, what);
  if (count(s.dims) !== rows) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `${what} ${formatDims(s.dims)} holds ${count(s.dims)} values; the norm has ${rows} rows`);
  if (!FLOATS.has(s.dtype)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `${what} must hold floating-point data (got ${s.dtype})`);
  return s;
}

/** A parameter operand viewed with the normalised dims (the canonical operator's broadcast shape). */
function parameterOperand(ctx: CallContext, layout: TensorLayout, ptr: unknown, what: string, normalized: readonly number[]): DeviceOperand {
  const o = tensorOperand(ctx.process, layout, ptr, what);
  return sameDims(layout.dims, normalized) ? o : reshapedOperand(o, o.view.reshape(normalized));
}

/** Stores a result into an operand of another shape (same element count) and type. */
const into = (target: DeviceOperand | undefined) => (t: Tensor | undefined) => (t && target ? castTo(t.reshape(target.view.shape), target.view.dtype) : t);

export function mudnnLayerNormForward(
  handle: mudnnHandle_t,
  layerNormDesc: mudnnLayerNormDescriptor_t,
  yDesc: mudnnTensorDescriptor_t,
  y: unknown,
  meanDesc: mudnnTensorDescriptor_t,
  mean: unknown,
  rstdDesc: mudnnTensorDescriptor_t,
  rstd: unknown,
  xDesc: mudnnTensorDescriptor_t,
  x: unknown,
  gammaDesc: mudnnTensorDescriptor_t,
  gamma: unknown,
  betaDesc: mudnnTensorDescriptor_t,
  beta: unknown,
  workspace: unknown,
  workspaceSizeInBytes: number,
): mudnnStatus_t {
  return mudnnCall(
    'mudnnLayerNormForward',
    (ctx) => {
      const { epsilon, axes } = requireSettings(layerNormDesc, MudnnLayerNormDescriptor, LN, 'layerNormDesc', 'mudnnSetLayerNormDescriptor');
      const norm = checkNorm(ctx, xDesc, yDesc, axes);
      if (typeof norm === 'number') return norm;
      const normalized = norm.x.dims.slice(norm.axis);
      const rows = count(norm.x.dims.slice(0, norm.axis));
      const g = checkParameter(ctx, gammaDesc, 'gammaDesc', normalized);
      if (typeof g === 'number') return g;
      const b = checkParameter(ctx, betaDesc, 'betaDesc', normalized);
      if (typeof b === 'number') return b;
      const m = checkStatistic(ctx, meanDesc, 'meanDesc', rows);
      if (typeof m === 'number') return m;
      const r = checkStatistic(ctx, rstdDesc, 'rstdDesc', rows);
      if (typeof r === 'number') return r;
      if (typeof workspaceSizeInBytes !== 'number' || workspaceSizeInBytes < 0) throw new DeviceFault('invalid-value', `workspaceSizeInBytes must be a size, got ${String(workspaceSizeInBytes)}`);
      void workspace; // mudnnGetLayerNormForwardWorkspaceSize answers 0: nothing is read or written there.
      const env = mudnnLaunch(ctx, handle);
      if (typeof env === 'number') return env;
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, norm.x, x, 'x');
        const outputs = [tensorOperand(ctx.process, norm.y, y, 'y'), tensorOperand(ctx.process, m, mean, 'mean'), tensorOperand(ctx.process, r, rstd, 'rstd')];
        const inputs = [xo, parameterOperand(ctx, g, gamma, 'gamma', normalized), parameterOperand(ctx, b, beta, 'beta', normalized)];
        launchStep(env, { op: 'LayerNormalization', inputs, attributes: { axis: norm.axis, epsilon } }, outputs, (results) => results.map((t, i) => into(outputs[i])(t)!));
      });
    },
    true,
  );
}

/** invvar = 1 / sqrt(mean over the normalised axes of x² + epsilon), in float32 canonical steps. */
function inverseRms(env: LaunchEnv, x: DeviceOperand, axis: number, epsilon: number, out: DeviceOperand): void {
  const axes = Tensor.fromNumbers(x.view.shape.map((_, i) => i).slice(axis), [x.view.rank - axis], 'int64');
  const step = (op: string, inputs: (Tensor | DeviceOperand)[], attributes = {}) => launchStep(env, { op, inputs, attributes, computeIn: 'float32' }, [undefined], undefined, true).results[0];
  const squared = step('Mul', [x, x]);
  const meanSquare = step('ReduceMean', [squared, axes], { keepdims: 1 });
  const shifted = step('Add', [meanSquare, Tensor.fromNumbers([epsilon], [], 'float32')]);
  launchStep(env, { op: 'Rsqrt', inputs: [shifted], attributes: {} }, [out], (results) => results.map((t) => into(out)(t)!));
}

export function mudnnRMSNormForward(
  handle: mudnnHandle_t,
  rmsNormDesc: mudnnRMSNormDescriptor_t,
  yDesc: mudnnTensorDescriptor_t,
  y: unknown,
  invvarDesc: mudnnTensorDescriptor_t,
  invvar: unknown,
  xDesc: mudnnTensorDescriptor_t,
  x: unknown,
  gammaDesc: mudnnTensorDescriptor_t,
  gamma: unknown,
): mudnnStatus_t {
  return mudnnCall(
    'mudnnRMSNormForward',
    (ctx) => {
      const { epsilon, axes } = requireSettings(rmsNormDesc, MudnnRMSNormDescriptor, RMS, 'rmsNormDesc', 'mudnnSetRMSNormDescriptor');
      const norm = checkNorm(ctx, xDesc, yDesc, axes);
      if (typeof norm === 'number') return norm;
      const normalized = norm.x.dims.slice(norm.axis);
      const g = checkParameter(ctx, gammaDesc, 'gammaDesc', normalized);
      if (typeof g === 'number') return g;
      const iv = checkStatistic(ctx, invvarDesc, 'invvarDesc', count(norm.x.dims.slice(0, norm.axis)));
      if (typeof iv === 'number') return iv;
      const env = mudnnLaunch(ctx, handle);
      if (typeof env === 'number') return env;
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, norm.x, x, 'x');
        const yo = tensorOperand(ctx.process, norm.y, y, 'y');
        // ONNX's Y has scale's type; muDNN writes yDesc's: rounded once into it.
        launchStep(env, { op: 'RMSNormalization', inputs: [xo, parameterOperand(ctx, g, gamma, 'gamma', normalized)], attributes: { axis: norm.axis, epsilon } }, [yo], (results) => [into(yo)(results[0])!]);
        inverseRms(env, xo, norm.axis, epsilon, tensorOperand(ctx.process, iv, invvar, 'invvar'));
      });
    },
    true,
  );
}
