/**
 * CNNL 2-D pooling. The descriptor's mode selects MaxPool or AveragePool (count include /
 * exclude padding). Layout follows the tensor descriptors: NHWC (what PaddleCustomDevice and
 * DIOPI pass) or NCHW (InfiniTensor's RefactorGraph passes NCHW descriptors to CNNL pooling),
 * mapped onto the operators' data_format. NaN propagation is accepted and not modelled: the
 * runtime's MaxPool propagates NaN.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import { enumMeaning } from './catalog-enums.js';
import { requireCatalogDType } from './catalog-dtypes.js';
import type { cnnlNanPropagation_t, cnnlPoolingMode_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { scalingFactor } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { float32Staging, requireWorkspace } from './cnnl-workspace.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor, setOpDescriptor } from './op-descriptor.js';

const KIND = 'cnnlPoolingDescriptor_t';

interface PoolingSettings {
  readonly mode: string;
  readonly kernel: readonly [number, number];
  /** ONNX order: [up, left, down, right]. */
  readonly pads: readonly number[];
  readonly strides: readonly [number, number];
  readonly dilations: readonly [number, number];
  readonly ceilMode: boolean;
}

export type cnnlPoolingDescriptor_t = CnnlOpDescriptor<PoolingSettings>;

export function cnnlCreatePoolingDescriptor(desc: Ref<cnnlPoolingDescriptor_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlCreatePoolingDescriptor', KIND, desc);
}

export function cnnlDestroyPoolingDescriptor(desc: cnnlPoolingDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyPoolingDescriptor', KIND, desc);
}

function checkInts(values: Record<string, number>, min: number): void {
  for (const [name, v] of Object.entries(values)) {
    if (!Number.isInteger(v) || v < min) throw new DeviceFault('invalid-value', `${name} must be an integer >= ${min}, got ${v}`);
  }
}

export function cnnlSetPooling2dDescriptor_v2(
  desc: cnnlPoolingDescriptor_t,
  mode: cnnlPoolingMode_t,
  nan_prop: cnnlNanPropagation_t,
  window_h: number,
  window_w: number,
  pad_up: number,
  pad_down: number,
  pad_left: number,
  pad_right: number,
  stride_h: number,
  stride_w: number,
  dilation_h: number,
  dilation_w: number,
  ceil_mode: boolean,
): cnnlStatus_t {
  return cnnlCall('cnnlSetPooling2dDescriptor_v2', () => {
    const meaning = enumMeaning('cnnlPoolingMode_t', mode);
    if (meaning === undefined) throw new DeviceFault('invalid-value', `${String(mode)} is not a cnnlPoolingMode_t value`);
    if (enumMeaning('cnnlNanPropagation_t', nan_prop) === undefined) throw new DeviceFault('invalid-value', `${String(nan_prop)} is not a cnnlNanPropagation_t value`);
    checkInts({ window_h, window_w, stride_h, stride_w, dilation_h, dilation_w }, 1);
    checkInts({ pad_up, pad_down, pad_left, pad_right }, 0);
    setOpDescriptor<PoolingSettings>(desc, KIND, {
      mode: meaning,
      kernel: [window_h, window_w],
      pads: [pad_up, pad_left, pad_down, pad_right],
      strides: [stride_h, stride_w],
      dilations: [dilation_h, dilation_w],
      ceilMode: Boolean(ceil_mode),
    });
  });
}

/** A float32 divisor per output position for average pooling, nothing for max (opbridge's model). */
function poolingWorkspace(modeMeaning: string | undefined, outW: number, outH: number): number {
  return modeMeaning === 'pool.max' ? 0 : float32Staging(outW * outH);
}

/** Note the order: output width before height. */
export function cnnlGetPoolingWorkspaceSize(handle: cnnlHandle_t, mode: cnnlPoolingMode_t, out_w: number, out_h: number, size: Ref<number>): cnnlStatus_t {
  return cnnlCall('cnnlGetPoolingWorkspaceSize', () => {
    requireHandle(handle);
    const meaning = enumMeaning('cnnlPoolingMode_t', mode);
    if (meaning === undefined) throw new DeviceFault('invalid-value', `${String(mode)} is not a cnnlPoolingMode_t value`);
    checkInts({ out_w, out_h }, 0);
    requireOutRef(size, 'size').value = poolingWorkspace(meaning, out_w, out_h);
  });
}

const FORMAT_BY_LAYOUT: Readonly<Record<string, 'NHWC' | 'NCHW'>> = { 'layout.nhwc': 'NHWC', 'layout.nchw': 'NCHW' };

export function cnnlPoolingForward(
  handle: cnnlHandle_t,
  pool_desc: cnnlPoolingDescriptor_t,
  alpha: number | null,
  x_desc: cnnlTensorDescriptor_t,
  x: unknown,
  beta: number | null,
  y_desc: cnnlTensorDescriptor_t,
  y: unknown,
  workspace: unknown,
  workspace_size: number,
): cnnlStatus_t {
  return cnnlCall('cnnlPoolingForward', (ctx) => {
    const h = requireHandle(handle);
    const s = descriptorSettings<PoolingSettings>(pool_desc, KIND, 'cnnlSetPooling2dDescriptor_v2');
    const X = tensorOperand(ctx.process, x_desc, x, 'x');
    const Y = tensorOperand(ctx.process, y_desc, y, 'y');
    const xd = x_desc as cnnlTensorDescriptor_t;
    const yd = y_desc as cnnlTensorDescriptor_t;
    const format = FORMAT_BY_LAYOUT[xd.layoutMeaning];
    if (!format || yd.layoutMeaning !== xd.layoutMeaning) {
      throw new DeviceFault('not-supported', `cnnlPoolingForward takes NHWC or NCHW tensors with one layout, got x ${xd.describe()} and y ${yd.describe()}`);
    }
    requireCatalogDType('cnnlPoolingForward', X.view.dtype, 'data');
    const [outH, outW] = format === 'NHWC' ? [yd.dims[1], yd.dims[2]] : [yd.dims[2], yd.dims[3]];
    requireWorkspace(ctx, workspace, workspace_size, poolingWorkspace(s.mode, outW, outH), 'cnnlGetPoolingWorkspaceSize');
    const attributes = {
      kernel_shape: [...s.kernel],
      pads: [...s.pads],
      strides: [...s.strides],
      dilations: [...s.dilations],
      ceil_mode: Number(s.ceilMode),
      data_format: format,
    };
    const blend = { alpha: scalingFactor(alpha, 'alpha', 1), beta: scalingFactor(beta, 'beta', 0) };
    if (s.mode === 'pool.max') {
      launchCnnl(ctx, h, { op: 'MaxPool', inputs: [X], attributes, outputs: [Y, undefined], blend });
    } else if (s.mode === 'pool.avg-include-pad' || s.mode === 'pool.avg-exclude-pad') {
      const count_include_pad = Number(s.mode === 'pool.avg-include-pad');
      launchCnnl(ctx, h, { op: 'AveragePool', inputs: [X], attributes: { ...attributes, count_include_pad }, outputs: [Y], blend });
    } else {
      throw new DeviceFault('not-supported', `pooling mode ${s.mode} has no canonical operator`);
    }
  });
}
