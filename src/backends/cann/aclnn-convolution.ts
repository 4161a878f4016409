/**
 * aclnn convolution and pooling (ops-nn): Convolution (forward; cubeMathType on the Cube unit),
 * MaxPool (ONNX-style arguments), MaxPool2dWithIndices / WithMask and AvgPool2d (torch-style
 * arguments) and AdaptiveAvgPool2d. Layouts are channels-first (NCL, NCHW, NCDHW), as the docs
 * restrict them.
 */
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { Tensor } from '../../runtime/tensor.js';
import { formatName } from './acl-dtype.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclIntArray, AclTensor } from './acl-tensor.js';
import { FLOATS, FLOATS_AND_DOUBLE, intArrayArg, optionalIntArrayArg, optionalTensorArg, requireDType, requireRank, requireSameDType, requireShape, tensorArg } from './aclnn-args.js';
import { cubeMathProfile } from './aclnn-cube.js';
import { execute, prepare, type AclOpExecutor, type RunContext } from './aclnn-executor.js';
import { castTo, glue, launch, operand, restrided } from './aclnn-launch.js';
import { cannProfile, floatPartials } from './aclnn-plan.js';
import { ACL_FORMAT_NCDHW, ACL_FORMAT_NCHW, ACL_FORMAT_NCL, ACL_FORMAT_ND, type aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

const CHANNELS_FIRST: readonly number[] = [ACL_FORMAT_ND, ACL_FORMAT_NCL, ACL_FORMAT_NCHW, ACL_FORMAT_NCDHW];

function requireChannelsFirst(t: AclTensor, name: string): void {
  if (!CHANNELS_FIRST.includes(t.format)) {
    throw new DeviceFault('not-supported', `${name} has format ${formatName(t.format)}; the aclnn doc allows NCL, NCHW and NCDHW only (a NHWC program permutes first)`);
  }
}

/** One value per spatial dimension; a single value applies to all (as torch's int arguments). */
function perSpatial(values: readonly number[] | undefined, n: number, fallback: readonly number[], name: string): number[] {
  if (!values || values.length === 0) return [...fallback];
  if (values.length === 1) return new Array<number>(n).fill(values[0]);
  if (values.length === n) return [...values];
  throw new DeviceFault('invalid-value', `${name} has ${values.length} values; expected 1 or ${n} (one per spatial dimension)`);
}

function positive(values: readonly number[], name: string): void {
  if (values.some((v) => !Number.isInteger(v) || v < 1)) throw new DeviceFault('invalid-value', `${name} [${values.join(', ')}] must hold positive integers`);
}

/** Output size of one spatial dimension; with ceil mode the last window must start inside the input or its left padding. */
function outputSize(d: number, k: number, s: number, padBegin: number, padEnd: number, dil: number, ceil: boolean): number {
  const span = d + padBegin + padEnd - dil * (k - 1) - 1;
  let o = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (ceil && (o - 1) * s >= d + padBegin) o -= 1;
  return o;
}

export function aclnnConvolutionGetWorkspaceSize(
  input: AclTensor,
  weight: AclTensor,
  bias: AclTensor | null,
  stride: AclIntArray,
  padding: AclIntArray,
  dilation: AclIntArray,
  transposed: boolean,
  outputPadding: AclIntArray | null,
  groups: number,
  output: AclTensor,
  cubeMathType: number,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnConvolutionGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(input, 'input');
    const w = tensorArg(weight, 'weight');
    const b = optionalTensorArg(bias, 'bias');
    const y = tensorArg(output, 'output');
    if (transposed) throw new DeviceFault('not-supported', 'transposed convolution is not simulated: there is no canonical ConvTranspose operator');
    optionalIntArrayArg(outputPadding, 'outputPadding');
    for (const [t, name] of [[x, 'input'], [w, 'weight'], [y, 'output']] as const) requireChannelsFirst(t, name);
    requireRank(x, 'input', [3, 4, 5]);
    requireDType(x, 'input', FLOATS);
    requireSameDType(x, 'input', w, 'weight');
    requireSameDType(x, 'input', y, 'output');
    const n = x.rank - 2;
    if (w.rank !== x.rank) throw new DeviceFault('invalid-value', `weight is ${w.rank}-D but input is ${x.rank}-D`);
    const strides = perSpatial(intArrayArg(stride, 'stride'), n, new Array<number>(n).fill(1), 'stride');
    const pads = perSpatial(intArrayArg(padding, 'padding'), n, new Array<number>(n).fill(0), 'padding');
    const dilations = perSpatial(intArrayArg(dilation, 'dilation'), n, new Array<number>(n).fill(1), 'dilation');
    positive(strides, 'stride');
    positive(dilations, 'dilation');
    if (pads.some((p) => !Number.isInteger(p) || p < 0)) throw new DeviceFault('invalid-value', `padding [${pads.join(', ')}] must be non-negative`);
    if (!Number.isInteger(groups) || groups < 1 || groups > 65535) throw new DeviceFault('invalid-value', `groups ${groups} must lie in 1..65535`);
    const [N, C] = x.viewDims;
    const [Cout, Cg] = w.viewDims;
    if (C % groups !== 0 || Cout % groups !== 0 || Cg !== C / groups) {
      throw new DeviceFault('invalid-value', `input has ${C} channels and weight is [${w.viewDims.join(', ')}]: with groups = ${groups} the weight's second dimension must be ${C / groups} and its first a multiple of ${groups}`);
    }
    if (b) requireShape(b, 'bias', [Cout]);
    const spatial = x.viewDims.slice(2).map((d, i) => outputSize(d, w.viewDims[2 + i], strides[i], pads[i], pads[i], dilations[i], false));
    if (spatial.some((o) => o < 1)) throw new DeviceFault('invalid-value', `the kernel [${w.viewDims.slice(2).join(', ')}] does not fit the padded input [${x.viewDims.slice(2).join(', ')}]`);
    requireShape(y, 'output', [N, Cout, ...spatial]);
    const profile = cubeMathProfile('aclnnConvolutionGetWorkspaceSize', cubeMathType, x.dtype, 'conv');
    const kernelVolume = w.viewDims.slice(1).reduce((a, c) => a * c, 1);
    return {
      workspaceSize: floatPartials(y.numel),
      uses: [x, w, b, y],
      run: (run) => {
        const bo = b ? operand(run, b) : undefined;
        const bias32 = bo && bo.view.dtype !== x.dtype ? castTo(run, bo.view, x.dtype, profile) : bo;
        launch(run, {
          op: 'Conv',
          inputs: [operand(run, x), operand(run, w), bias32],
          attributes: { strides, pads: [...pads, ...pads], dilations, group: groups },
          outputs: [operand(run, y)],
          profile,
          flops: 2 * y.numel * kernelVolume,
          reads: bo ? [bo] : [],
        });
      },
    };
  });
}
export function aclnnConvolution(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnConvolution', workspace, workspaceSize, executor, stream);
}

/**
 * ONNX-style MaxPool. autoPad's integer encoding was not transcribed, so only 0 (explicit pads,
 * inferred to be NOTSET) is accepted; pads are per spatial dim (symmetric) or ONNX's
 * [begins..., ends...].
 */
export function aclnnMaxPoolGetWorkspaceSize(
  self: AclTensor,
  kernelShape: AclIntArray,
  strides: AclIntArray,
  autoPad: number,
  pads: AclIntArray,
  dilations: AclIntArray,
  ceilMode: number,
  out: AclTensor,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnMaxPoolGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    requireChannelsFirst(x, 'self');
    requireRank(x, 'self', [3, 4, 5]);
    requireDType(x, 'self', FLOATS_AND_DOUBLE);
    requireSameDType(x, 'self', o, 'out');
    if (autoPad !== 0) throw new DeviceFault('not-supported', `autoPad ${autoPad}: only 0 (explicit pads) is simulated; the integer encoding of the other modes is not documented here`);
    if (ceilMode !== 0 && ceilMode !== 1) throw new DeviceFault('invalid-value', `ceilMode must be 0 or 1, got ${ceilMode}`);
    const n = x.rank - 2;
    const kernel = intArrayArg(kernelShape, 'kernelShape');
    if (kernel.length !== n) throw new DeviceFault('invalid-value', `kernelShape has ${kernel.length} values; the input has ${n} spatial dimensions`);
    positive(kernel, 'kernelShape');
    const s = perSpatial(intArrayArg(strides, 'strides'), n, new Array<number>(n).fill(1), 'strides');
    const d = perSpatial(intArrayArg(dilations, 'dilations'), n, new Array<number>(n).fill(1), 'dilations');
    const p = intArrayArg(pads, 'pads');
    const fullPads = p.length === 2 * n ? [...p] : [...perSpatial(p, n, new Array<number>(n).fill(0), 'pads'), ...perSpatial(p, n, new Array<number>(n).fill(0), 'pads')];
    const spatial = x.viewDims.slice(2).map((dim, i) => outputSize(dim, kernel[i], s[i], fullPads[i], fullPads[n + i], d[i], ceilMode === 1));
    requireShape(o, 'out', [...x.viewDims.slice(0, 2), ...spatial]);
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [x, o],
      run: (run) =>
        void launch(run, {
          op: 'MaxPool',
          inputs: [operand(run, x)],
          attributes: { kernel_shape: kernel, strides: s, pads: fullPads, dilations: d, ceil_mode: ceilMode },
          outputs: [operand(run, o)],
          profile,
        }),
    };
  });
}
export function aclnnMaxPool(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMaxPool', workspace, workspaceSize, executor, stream);
}

interface TorchPool {
  readonly x: AclTensor;
  readonly kernel: number[];
  readonly stride: number[];
  readonly pads: number[];
  readonly dilation: number[];
  readonly outShape: number[];
}

/** torch max_pool2d / avg_pool2d arguments: 3-D (C, H, W) or 4-D input, stride defaults to the kernel. */
function torchPool(self: unknown, kernelSize: unknown, stride: unknown, padding: unknown, dilation: unknown, ceilMode: boolean): TorchPool {
  const x = tensorArg(self, 'self');
  requireChannelsFirst(x, 'self');
  requireRank(x, 'self', [3, 4]);
  requireDType(x, 'self', FLOATS_AND_DOUBLE);
  const kernel = perSpatial(intArrayArg(kernelSize, 'kernelSize'), 2, [], 'kernelSize');
  positive(kernel, 'kernelSize');
  const s = perSpatial(intArrayArg(stride, 'stride'), 2, kernel, 'stride');
  positive(s, 'stride');
  const p = perSpatial(intArrayArg(padding, 'padding'), 2, [0, 0], 'padding');
  const d = dilation === undefined ? [1, 1] : perSpatial(intArrayArg(dilation, 'dilation'), 2, [1, 1], 'dilation');
  positive(d, 'dilation');
  p.forEach((v, i) => {
    if (v < 0 || v > kernel[i] / 2) throw new DeviceFault('invalid-value', `padding [${p.join(', ')}] must lie in [0, kernelSize / 2]`);
  });
  const [H, W] = x.viewDims.slice(-2);
  const spatial = [H, W].map((dim, i) => outputSize(dim, kernel[i], s[i], p[i], p[i], d[i], ceilMode));
  return { x, kernel, stride: s, pads: p, dilation: d, outShape: [...x.viewDims.slice(0, -2), ...spatial] };
}

/** The operand as (N, C, H, W): a 3-D (C, H, W) tensor gains a batch of 1 (a view). */
function nchw(run: RunContext, t: AclTensor) {
  const o = operand(run, t);
  return t.rank === 4 ? o : restrided(o, [1, ...t.viewDims], [0, ...o.view.strides]);
}

export function aclnnMaxPool2dWithIndicesGetWorkspaceSize(
  self: AclTensor,
  kernelSize: AclIntArray,
  stride: AclIntArray,
  padding: AclIntArray,
  dilation: AclIntArray,
  ceilMode: boolean,
  out: AclTensor,
  indices: AclTensor,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnMaxPool2dWithIndicesGetWorkspaceSize', workspaceSize, executor, () => {
    const pool = torchPool(self, kernelSize, stride, padding, dilation, ceilMode);
    const o = tensorArg(out, 'out');
    const idx = tensorArg(indices, 'indices');
    requireShape(o, 'out', pool.outShape);
    requireShape(idx, 'indices', pool.outShape);
    requireSameDType(pool.x, 'self', o, 'out');
    requireDType(idx, 'indices', ['int32', 'int64']);
    const profile = cannProfile();
    const [H, W] = pool.x.viewDims.slice(-2);
    const planes = pool.x.rank === 4 ? pool.x.viewDims[0] * pool.x.viewDims[1] : pool.x.viewDims[0];
    return {
      workspaceSize: 0,
      uses: [pool.x, o, idx],
      run: (run) => {
        const xs = nchw(run, pool.x);
        const [N, C] = xs.view.shape;
        const result = launch(run, {
          op: 'MaxPool',
          inputs: [xs],
          attributes: { kernel_shape: pool.kernel, strides: pool.stride, pads: [...pool.pads, ...pool.pads], dilations: pool.dilation, ceil_mode: ceilMode ? 1 : 0 },
          outputs: [nchw(run, o)],
          profile,
        });
        // ONNX Indices count over the whole (N, C, H, W) tensor; torch's count within each (H, W) plane.
        const planeStart = Tensor.fromNumbers(Array.from({ length: planes }, (_, i) => i * H * W), [N, C, 1, 1], 'int64');
        const local = glue(run, 'Sub', [result.results[1], planeStart], {}, profile)[0];
        launch(run, { op: 'Cast', inputs: [local], attributes: { to: idx.dtype }, outputs: [nchw(run, idx)], profile });
      },
    };
  });
}
export function aclnnMaxPool2dWithIndices(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMaxPool2dWithIndices', workspace, workspaceSize, executor, stream);
}

/**
 * `indices` here is a mask for the backward pass whose bit layout is not documented; the
 * simulation writes `out` and leaves the mask untouched (docs/backends/cann.md).
 */
export function aclnnMaxPool2dWithMaskGetWorkspaceSize(
  self: AclTensor,
  kernelSize: AclIntArray,
  stride: AclIntArray,
  padding: AclIntArray,
  dilation: AclIntArray,
  ceilMode: boolean,
  out: AclTensor,
  indices: AclTensor,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnMaxPool2dWithMaskGetWorkspaceSize', workspaceSize, executor, () => {
    const pool = torchPool(self, kernelSize, stride, padding, dilation, ceilMode);
    const o = tensorArg(out, 'out');
    tensorArg(indices, 'indices');
    requireShape(o, 'out', pool.outShape);
    requireSameDType(pool.x, 'self', o, 'out');
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [pool.x, o],
      run: (run) =>
        void launch(run, {
          op: 'MaxPool',
          inputs: [nchw(run, pool.x)],
          attributes: { kernel_shape: pool.kernel, strides: pool.stride, pads: [...pool.pads, ...pool.pads], dilations: pool.dilation, ceil_mode: ceilMode ? 1 : 0 },
          outputs: [nchw(run, o)],
          profile,
        }),
    };
  });
}
export function aclnnMaxPool2dWithMask(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMaxPool2dWithMask', workspace, workspaceSize, executor, stream);
}

/**
 * torch avg_pool2d. divisorOverride other than 0 has no canonical counterpart and is reported
 * as not simulated; cubeMathType is validated but has no documented numeric effect here.
 */
export function aclnnAvgPool2dGetWorkspaceSize(
  self: AclTensor,
  kernelSize: AclIntArray,
  strides: AclIntArray,
  paddings: AclIntArray,
  ceilMode: boolean,
  countIncludePad: boolean,
  divisorOverride: number,
  cubeMathType: number,
  out: AclTensor,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnAvgPool2dGetWorkspaceSize', workspaceSize, executor, () => {
    const pool = torchPool(self, kernelSize, strides, paddings, undefined, ceilMode);
    const o = tensorArg(out, 'out');
    requireShape(o, 'out', pool.outShape);
    requireSameDType(pool.x, 'self', o, 'out');
    if (divisorOverride !== 0) throw new DeviceFault('not-supported', `divisorOverride ${divisorOverride} is not simulated (AveragePool divides by the window); pass 0`);
    if (!Number.isInteger(cubeMathType) || cubeMathType < 0 || cubeMathType > 3) throw new DeviceFault('invalid-value', `cubeMathType ${cubeMathType} must lie in 0..3`);
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [pool.x, o],
      run: (run) =>
        void launch(run, {
          op: 'AveragePool',
          inputs: [nchw(run, pool.x)],
          attributes: { kernel_shape: pool.kernel, strides: pool.stride, pads: [...pool.pads, ...pool.pads], ceil_mode: ceilMode ? 1 : 0, count_include_pad: countIncludePad ? 1 : 0 },
          outputs: [nchw(run, o)],
          profile,
        }),
    };
  });
}
export function aclnnAvgPool2d(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAvgPool2d', workspace, workspaceSize, executor, stream);
}

/**
 * outputSize [1, 1] is the global average pool; sizes that divide the input evenly are an
 * average pool with kernel = stride = input / output (exactly adaptive pooling's windows then).
 * Other sizes have overlapping, uneven windows with no canonical counterpart.
 */
export function aclnnAdaptiveAvgPool2dGetWorkspaceSize(self: AclTensor, outputSize: AclIntArray, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnAdaptiveAvgPool2dGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const o = tensorArg(out, 'out');
    requireChannelsFirst(x, 'self');
    requireRank(x, 'self', [3, 4]);
    requireDType(x, 'self', FLOATS_AND_DOUBLE);
    requireSameDType(x, 'self', o, 'out');
    const size = perSpatial(intArrayArg(outputSize, 'outputSize'), 2, [], 'outputSize');
    positive(size, 'outputSize');
    const [H, W] = x.viewDims.slice(-2);
    requireShape(o, 'out', [...x.viewDims.slice(0, -2), ...size]);
    const global = size[0] === 1 && size[1] === 1;
    if (!global && (H % size[0] !== 0 || W % size[1] !== 0)) {
      throw new DeviceFault('not-supported', `outputSize [${size.join(', ')}] does not divide the input [${H}, ${W}]: uneven adaptive windows are not simulated`);
    }
    const profile = cannProfile();
    const kernel = [H / size[0], W / size[1]];
    return {
      workspaceSize: floatPartials(o.numel),
      uses: [x, o],
      run: (run) =>
        void launch(run, {
          op: global ? 'GlobalAveragePool' : 'AveragePool',
          inputs: [nchw(run, x)],
          attributes: global ? {} : { kernel_shape: kernel, strides: kernel },
          outputs: [nchw(run, o)],
          profile,
        }),
    };
  });
}
export function aclnnAdaptiveAvgPool2d(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAdaptiveAvgPool2d', workspace, workspaceSize, executor, stream);
}
