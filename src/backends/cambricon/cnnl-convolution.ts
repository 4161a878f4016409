/**
 * CNNL convolution forward. CNNL convolution is channels-last: x and y are CNNL_LAYOUT_NHWC
 * (NDHWC for 3-D) and the filter is NHWC-ordered [O, kH, kW, C/group] (or HWCN
 * [kH, kW, C/group, O], torch_mlu's depth-wise path). NCHW descriptors return
 * CNNL_STATUS_NOT_SUPPORTED, as the catalog records ("transpose to NHWC first": every MLU
 * framework we read transposes NCHW data and OIHW filters before calling it). The
 * descriptor carries pads as (before, after) pairs, strides, dilations, groups, the compute
 * type and the AllowTF32 switch, which are catalog knobs.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { KnobSetting } from '../sim/call-profile.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import type { SimProcess } from '../sim/sim-process.js';
import { dtypeOfMeaning, enumMeaning, enumName } from './catalog-enums.js';
import { requireCatalogDType } from './catalog-dtypes.js';
import {
  CNNL_CONVOLUTION_FWD_ALGO_DIRECT,
  type cnnlConvolutionForwardAlgo_t,
  type cnnlConvolutionFwdPreference_t,
  type cnnlDataType_t,
  type cnnlStatus_t,
} from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { scalingFactor } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { requirePlainOnchip, requireTensorDescriptor, reshapeOperand, tensorOperand, type CnnlTensorDescriptor, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { float32Staging, requireWorkspace } from './cnnl-workspace.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor } from './op-descriptor.js';
import { formatShape, product, shapesEqual } from './shapes.js';

const KIND = 'cnnlConvolutionDescriptor_t';

interface ConvGeometry {
  /** Tensor rank: 4 for 2-D, 5 for 3-D convolution. */
  readonly dimNb: number;
  /** ONNX order: all begins, then all ends. */
  readonly pads: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly group: number;
  readonly computeTypeName: string;
}

interface ConvSettings {
  geometry: ConvGeometry | undefined;
  allowTf32: 0 | 1 | undefined;
}

export type cnnlConvolutionDescriptor_t = CnnlOpDescriptor<ConvSettings>;

export function cnnlCreateConvolutionDescriptor(desc: Ref<cnnlConvolutionDescriptor_t>): cnnlStatus_t {
  const status = createOpDescriptor('cnnlCreateConvolutionDescriptor', KIND, desc);
  if (desc?.isSet) (desc.value as cnnlConvolutionDescriptor_t).settings ??= { geometry: undefined, allowTf32: undefined };
  return status;
}

export function cnnlDestroyConvolutionDescriptor(desc: cnnlConvolutionDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyConvolutionDescriptor', KIND, desc);
}

function ints(values: unknown, count: number, name: string, min: number): number[] {
  if (!Array.isArray(values)) throw new DeviceFault('null-pointer', `${name} must be an array of ${count} integers`);
  const list = values.slice(0, count).map(Number);
  if (list.length < count || list.some((v) => !Number.isInteger(v) || v < min)) {
    throw new DeviceFault('invalid-value', `${name} must hold ${count} integers >= ${min}, got [${values.join(', ')}]`);
  }
  return list;
}

/**
 * `pad` lists (before, after) pairs per spatial dim ({top, bottom, left, right} for 2-D);
 * the geometry keeps ONNX's order (all begins, then all ends).
 */
export function cnnlSetConvolutionDescriptor(
  desc: cnnlConvolutionDescriptor_t,
  dimNb: number,
  pad: readonly number[],
  stride: readonly number[],
  dilation: readonly number[],
  group_count: number,
  compute_type: cnnlDataType_t,
): cnnlStatus_t {
  return cnnlCall('cnnlSetConvolutionDescriptor', () => {
    const settings = descriptorSettings<ConvSettings>(desc, KIND, 'cnnlCreateConvolutionDescriptor');
    if (dimNb !== 4 && dimNb !== 5) throw new DeviceFault('invalid-value', `dimNb is the tensor rank, 4 (2-D) or 5 (3-D), got ${dimNb}`);
    const spatial = dimNb - 2;
    const pairs = ints(pad, 2 * spatial, 'pad', 0);
    if (!Number.isInteger(group_count) || group_count < 1) throw new DeviceFault('invalid-value', `group_count must be a positive integer, got ${group_count}`);
    if (!dtypeOfMeaning(enumMeaning('cnnlDataType_t', compute_type))) {
      throw new DeviceFault('invalid-value', `compute_type ${enumName('cnnlDataType_t', compute_type)} is not a compute type`);
    }
    settings.geometry = {
      dimNb,
      pads: [...pairs.filter((_, i) => i % 2 === 0), ...pairs.filter((_, i) => i % 2 === 1)],
      strides: ints(stride, spatial, 'stride', 1),
      dilations: ints(dilation, spatial, 'dilation', 1),
      group: group_count,
      computeTypeName: enumName('cnnlDataType_t', compute_type),
    };
  });
}

/** 1 allows TF32 for float32 convolutions, 0 forbids it (catalog knob). */
export function cnnlSetConvolutionDescriptorAllowTF32(desc: cnnlConvolutionDescriptor_t, allowTF32: number): cnnlStatus_t {
  return cnnlCall('cnnlSetConvolutionDescriptorAllowTF32', () => {
    const settings = descriptorSettings<ConvSettings>(desc, KIND, 'cnnlCreateConvolutionDescriptor');
    if (!Number.isInteger(allowTF32)) throw new DeviceFault('invalid-value', `allowTF32 must be 0 or 1, got ${allowTF32}`);
    settings.allowTf32 = allowTF32 !== 0 ? 1 : 0;
  });
}

interface ConvPlan {
  readonly geometry: ConvGeometry;
  readonly knobs: KnobSetting[];
  /** Input channels, filter taps and output positions (for the workspace and flops). */
  readonly channels: number;
  readonly taps: number;
  readonly outputs: number;
  readonly outChannels: number;
}

const CHANNELS_LAST: Readonly<Record<number, string>> = { 4: 'layout.nhwc', 5: 'layout.ndhwc' };

function requireChannelsLast(desc: CnnlTensorDescriptor, what: string, rank: number): void {
  if (desc.dims.length !== rank || desc.layoutMeaning !== CHANNELS_LAST[rank]) {
    const fix = rank === 4 ? 'transpose NCHW data to NHWC with cnnlTranspose_v2 (perm {0, 2, 3, 1}) first' : 'transpose NCDHW data to NDHWC first';
    throw new DeviceFault('not-supported', `CNNL convolution takes channels-last tensors: ${what} is ${desc.describe()}; ${fix}`);
  }
}

/** Filter dims as [O, k..., C/group]: an NHWC-ordered filter, or HWCN ([kH, kW, C/group, O]). */
function filterDims(w: CnnlTensorDescriptor, rank: number): { dims: number[]; perm: number[] | undefined } {
  if (w.dims.length === rank && w.layoutMeaning === CHANNELS_LAST[rank]) return { dims: [...w.dims], perm: undefined };
  if (rank === 4 && w.layoutMeaning === 'layout.hwcn') {
    const [kh, kw, c, o] = w.dims;
    return { dims: [o, kh, kw, c], perm: [3, 0, 1, 2] };
  }
  throw new DeviceFault('not-supported', `the convolution filter must be NHWC-ordered [O, kH, kW, C/group] (or HWCN), w_desc is ${w.describe()}: transpose an OIHW filter with perm {0, 2, 3, 1}`);
}

function plan(settings: ConvSettings, x: CnnlTensorDescriptor, w: CnnlTensorDescriptor, y: CnnlTensorDescriptor): ConvPlan {
  const geometry = settings.geometry;
  if (!geometry) throw new DeviceFault('invalid-value', 'the cnnlConvolutionDescriptor_t was never set with cnnlSetConvolutionDescriptor');
  const rank = geometry.dimNb;
  requireChannelsLast(x, 'x_desc', rank);
  requireChannelsLast(y, 'y_desc', rank);
  const { dims: wd } = filterDims(w, rank);
  const spatial = rank - 2;
  const [n, ...rest] = x.dims;
  const inSpatial = rest.slice(0, spatial);
  const c = rest[spatial];
  const [o, ...wRest] = wd;
  const kernel = wRest.slice(0, spatial);
  const cPerGroup = wRest[spatial];
  if (c !== cPerGroup * geometry.group || o % geometry.group !== 0) {
    throw new DeviceFault('invalid-value', `x has ${c} channels and w ${formatShape(wd)} (O, k..., C/group) with group_count ${geometry.group}: C must be group_count · C/group and O divisible by group_count`);
  }
  const outSpatial = inSpatial.map((d, i) => {
    const extent = (kernel[i] - 1) * geometry.dilations[i] + 1;
    return Math.floor((d + geometry.pads[i] + geometry.pads[i + spatial] - extent) / geometry.strides[i]) + 1;
  });
  const expected = [n, ...outSpatial, o];
  if (!shapesEqual(y.dims, expected)) {
    throw new DeviceFault('invalid-value', `y_desc is ${formatShape(y.dims)} but the convolution of x ${formatShape(x.dims)} with w ${formatShape(wd)} gives ${formatShape(expected)} (NHWC)`);
  }
  const knobs: KnobSetting[] = [{ symbol: 'cnnlSetConvolutionDescriptor', param: 'compute_type', value: geometry.computeTypeName }];
  if (settings.allowTf32 !== undefined) knobs.push({ symbol: 'cnnlSetConvolutionDescriptorAllowTF32', param: 'allowTF32', value: settings.allowTf32 });
  return { geometry, knobs, channels: c, taps: product(kernel), outputs: product(outSpatial), outChannels: o };
}

/** One image's im2col column matrix in float32 (opbridge's workspace model). */
function convWorkspace(p: ConvPlan): number {
  return float32Staging(p.channels * p.taps * p.outputs);
}

function descriptors(conv_desc: unknown, x_desc: unknown, w_desc: unknown, y_desc: unknown): { settings: ConvSettings; x: CnnlTensorDescriptor; w: CnnlTensorDescriptor; y: CnnlTensorDescriptor } {
  return {
    settings: descriptorSettings<ConvSettings>(conv_desc, KIND, 'cnnlCreateConvolutionDescriptor'),
    x: requireTensorDescriptor(x_desc, 'x_desc'),
    w: requireTensorDescriptor(w_desc, 'w_desc'),
    y: requireTensorDescriptor(y_desc, 'y_desc'),
  };
}

function requireAlgo(algo: unknown): void {
  if (enumMeaning('cnnlConvolutionForwardAlgo_t', algo) === undefined) throw new DeviceFault('invalid-value', `${String(algo)} is not a cnnlConvolutionForwardAlgo_t value`);
}

/** Returns the one algorithm the simulation has (CNNL_CONVOLUTION_FWD_ALGO_DIRECT), after checking the shapes. */
export function cnnlGetConvolutionForwardAlgorithm(
  handle: cnnlHandle_t,
  conv_desc: cnnlConvolutionDescriptor_t,
  x_desc: cnnlTensorDescriptor_t,
  w_desc: cnnlTensorDescriptor_t,
  y_desc: cnnlTensorDescriptor_t,
  preference: cnnlConvolutionFwdPreference_t,
  algo: Ref<cnnlConvolutionForwardAlgo_t>,
): cnnlStatus_t {
  return cnnlCall('cnnlGetConvolutionForwardAlgorithm', () => {
    requireHandle(handle);
    const d = descriptors(conv_desc, x_desc, w_desc, y_desc);
    if (enumMeaning('cnnlConvolutionFwdPreference_t', preference) === undefined) throw new DeviceFault('invalid-value', `${String(preference)} is not a cnnlConvolutionFwdPreference_t value`);
    plan(d.settings, d.x, d.w, d.y);
    requireOutRef(algo, 'algo').value = CNNL_CONVOLUTION_FWD_ALGO_DIRECT;
  });
}

/** Note the order: y_desc before the convolution descriptor, plus bias_desc (cuDNN has neither). */
export function cnnlGetConvolutionForwardWorkspaceSize(
  handle: cnnlHandle_t,
  x_desc: cnnlTensorDescriptor_t,
  w_desc: cnnlTensorDescriptor_t,
  y_desc: cnnlTensorDescriptor_t,
  bias_desc: cnnlTensorDescriptor_t | null,
  conv_desc: cnnlConvolutionDescriptor_t,
  algo: cnnlConvolutionForwardAlgo_t,
  size: Ref<number>,
): cnnlStatus_t {
  return cnnlCall('cnnlGetConvolutionForwardWorkspaceSize', () => {
    requireHandle(handle);
    const d = descriptors(conv_desc, x_desc, w_desc, y_desc);
    requireAlgo(algo);
    if (bias_desc !== null && bias_desc !== undefined) requireTensorDescriptor(bias_desc, 'bias_desc');
    requireOutRef(size, 'size').value = convWorkspace(plan(d.settings, d.x, d.w, d.y));
  });
}

function biasOperand(process: SimProcess, bias_desc: unknown, bias: unknown, channels: number): DeviceOperand | undefined {
  if (bias_desc === null || bias_desc === undefined || bias === null || bias === undefined) return undefined;
  return reshapeOperand(tensorOperand(process, bias_desc, bias, 'bias'), [channels], 'bias');
}

/**
 * y = alpha·(conv(x, w) + bias) + beta·y; alpha / beta NULL mean 1 and 0 (torch_mlu passes
 * NULL). Whether CNNL adds the bias inside or outside the alpha scaling is not documented;
 * the callers we read pass NULL or 1.
 */
export function cnnlConvolutionForward(
  handle: cnnlHandle_t,
  conv_desc: cnnlConvolutionDescriptor_t,
  algo: cnnlConvolutionForwardAlgo_t,
  alpha: number | null,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  w_desc: cnnlTensorDescriptor_t,
  w: unknown,
  bias_desc: cnnlTensorDescriptor_t | null,
  bias: unknown,
  workspace: unknown,
  workspace_size: number,
  beta: number | null,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlConvolutionForward', (ctx) => {
    const h = requireHandle(handle);
    const d = descriptors(conv_desc, x_desc, w_desc, y_desc);
    requireAlgo(algo);
    for (const [desc, name] of [[d.x, 'x_desc'], [d.w, 'w_desc'], [d.y, 'y_desc']] as const) requirePlainOnchip(desc, name);
    const p = plan(d.settings, d.x, d.w, d.y);
    requireCatalogDType('cnnlConvolutionForward', d.x.dtype, 'data');
    requireWorkspace(ctx, workspace, workspace_size, convWorkspace(p), 'cnnlGetConvolutionForwardWorkspaceSize');
    const X = tensorOperand(ctx.process, x_desc, x, 'x');
    const rawW = tensorOperand(ctx.process, w_desc, w, 'w');
    const { perm } = filterDims(d.w, p.geometry.dimNb);
    const W: DeviceOperand = perm ? { ptr: rawW.ptr, view: rawW.view.permute(perm) } : rawW;
    const Y = tensorOperand(ctx.process, y_desc, y, 'y');
    const B = biasOperand(ctx.process, bias_desc, bias, p.outChannels);
    const g = p.geometry;
    launchCnnl(ctx, h, {
      op: 'Conv',
      inputs: B ? [X, W, B] : [X, W],
      attributes: { data_format: 'NHWC', pads: [...g.pads], strides: [...g.strides], dilations: [...g.dilations], group: g.group },
      outputs: [Y],
      knobs: p.knobs,
      blend: { alpha: scalingFactor(alpha, 'alpha', 1), beta: scalingFactor(beta, 'beta', 0) },
      flops: 2 * (d.x.dims[0] ?? 1) * p.outputs * p.outChannels * (p.channels / g.group) * p.taps,
    });
  });
}
