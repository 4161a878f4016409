/**
 * cudnnGetConvolutionForwardAlgorithm_v7, cudnnGetConvolutionForwardWorkspaceSize and
 * cudnnConvolutionForward: y = alpha·conv(x, w) + beta·y as the canonical Conv on views of
 * the described tensors.
 *
 * - Mode: CUDNN_CROSS_CORRELATION is ONNX Conv. CUDNN_CONVOLUTION flips the filter: the
 *   weights are read through a view with both spatial axes reversed (zero copy), so the
 *   traced Conv consumes exactly the flipped filter.
 * - Layout: an NHWC x runs Conv with data_format NHWC (x as N, H, W, C, w as K, kH, kW, C,
 *   y as N, P, Q, K); other layouts are read as strided N, C, H, W views.
 * - Numerics: the entry profile (cuda.cudnn-default-math) with the descriptor's knobs
 *   applied, math type first, then compute type (profiles/cuda.yaml): CUDNN_DEFAULT_MATH
 *   rounds fp32 operands to TF32, CUDNN_FMA_MATH keeps them fp32; CUDNN_TENSOR_OP_MATH(_ALLOW_
 *   CONVERSION) are not modelled separately and behave as the default. Double data never uses TF32.
 * - Data type configurations (cuDNN docs, as model code uses them): x, w, y of one type with
 *   compute type FLOAT (float, half, bfloat16 data), HALF (half data) or DOUBLE (double data);
 *   other pairs are CUDNN_STATUS_NOT_SUPPORTED, mismatched x / w / y types CUDNN_STATUS_BAD_PARAM.
 * - Algorithms: every algorithm the simulator runs computes the same im2col Conv. The implicit
 *   GEMM and GEMM algorithms are simulated; DIRECT, FFT, FFT_TILING, WINOGRAD and
 *   WINOGRAD_NONFUSED (whose rounding differs on hardware) are CUDNN_STATUS_NOT_SUPPORTED with
 *   OB2014. Workspace sizes are a documented deterministic model (workspaceModel below), not
 *   NVIDIA's numbers; a workspace smaller than the model needs is
 *   CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT with OB2011 (which detail code cuDNN 9 returns is
 *   not documented in the sources read).
 */
import { ITEM_SIZE, type DType } from '../../runtime/dtype.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import { SIMULATED_DEVICE } from '../sim/stream-ordering.js';
import {
  CUDNN_CONVOLUTION,
  CUDNN_CONVOLUTION_FWD_ALGO_COUNT,
  CUDNN_CONVOLUTION_FWD_ALGO_DIRECT,
  CUDNN_CONVOLUTION_FWD_ALGO_FFT,
  CUDNN_CONVOLUTION_FWD_ALGO_FFT_TILING,
  CUDNN_CONVOLUTION_FWD_ALGO_GEMM,
  CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM,
  CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM,
  CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD,
  CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED,
  CUDNN_DATA_DOUBLE,
  CUDNN_DATA_FLOAT,
  CUDNN_DATA_HALF,
  CUDNN_DETERMINISTIC,
  CUDNN_STATUS_BAD_PARAM,
  CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT,
  CUDNN_STATUS_NOT_SUPPORTED,
  CUDNN_STATUS_SUCCESS,
  type cudnnConvolutionFwdAlgo_t,
  type cudnnDeterminism_t,
  type cudnnMathType_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { convolutionProblem, type ConvolutionProblem, type cudnnConvolutionDescriptor_t } from './cudnn-convolution-descriptors.js';
import { cudnnTypeName } from './cudnn-data-types.js';
import type { cudnnFilterDescriptor_t } from './cudnn-filter-descriptors.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { launchBlended, readScalingFactor } from './cudnn-launch.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type TensorLayout, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { isEnumMember, statusName } from './enum-names.js';
import { requireOut, writeOut } from './out-param.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile } from './backend-binding.js';

/** `cudnnConvolutionFwdAlgoPerf_t` (cudnn_cnn.h). */
export interface cudnnConvolutionFwdAlgoPerf_t {
  algo: cudnnConvolutionFwdAlgo_t;
  status: cudnnStatus_t;
  /** Milliseconds; the simulated clock's duration of the convolution, -1 when not supported. */
  time: number;
  /** Workspace bytes. */
  memory: number;
  determinism: cudnnDeterminism_t;
  mathType: cudnnMathType_t;
  reserved: number[];
}

/** The algorithms the simulator runs, in the order the heuristic query reports them. */
const SIMULATED_ALGORITHMS: readonly number[] = [
  CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM,
  CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM,
  CUDNN_CONVOLUTION_FWD_ALGO_GEMM,
];

const UNSIMULATED_ALGORITHMS: readonly number[] = [
  CUDNN_CONVOLUTION_FWD_ALGO_DIRECT,
  CUDNN_CONVOLUTION_FWD_ALGO_FFT,
  CUDNN_CONVOLUTION_FWD_ALGO_FFT_TILING,
  CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD,
  CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED,
];

/**
 * Workspace bytes of a simulated algorithm (a model): IMPLICIT_GEMM none; IMPLICIT_PRECOMP_GEMM
 * one int32 input offset per filter tap of a group ((C/g)·kH·kW·4); GEMM the im2col matrix of
 * one image and group ((C/g)·kH·kW·P·Q elements of the data type).
 */
function workspaceModel(problem: ConvolutionProblem, algo: number): number {
  const [, cg, r, s] = problem.w.dims;
  const [, , p, q] = problem.output;
  if (algo === CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM) return cg * r * s * 4;
  if (algo === CUDNN_CONVOLUTION_FWD_ALGO_GEMM) return cg * r * s * p * q * ITEM_SIZE[problem.x.dtype];
  return 0;
}

function convolutionFlops(problem: ConvolutionProblem): number {
  const [, cg, r, s] = problem.w.dims;
  const [n, k, p, q] = problem.output;
  return 2 * n * k * p * q * cg * r * s;
}

/**
 * Checks the data type configuration; returns the status that refuses it, or undefined. x, w
 * (and y when given) must share one type; the pair (type, compute type) must be a
 * configuration cuDNN documents for forward convolution.
 */
function checkConfiguration(ctx: CallContext, problem: ConvolutionProblem, y?: TensorLayout): number | undefined {
  const { x, w, conv } = problem;
  if (x.dtype !== w.dtype || (y && y.dtype !== x.dtype)) {
    return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc, wDesc${y ? ' and yDesc' : ''} have non-matching data types (${cudnnTypeName(x.dataType)}, ${cudnnTypeName(w.dataType)}${y ? `, ${cudnnTypeName(y.dataType)}` : ''})`);
  }
  const compute = conv.settings.computeType;
  const ok: Partial<Record<DType, readonly number[]>> = {
    float32: [CUDNN_DATA_FLOAT],
    float64: [CUDNN_DATA_DOUBLE],
    float16: [CUDNN_DATA_HALF, CUDNN_DATA_FLOAT],
    bfloat16: [CUDNN_DATA_FLOAT],
  };
  if (!ok[x.dtype]) return notSimulated(ctx, `convolution of ${cudnnTypeName(x.dataType)} data`);
  if (!ok[x.dtype]!.includes(compute)) {
    return rejectCudnn(ctx, CUDNN_STATUS_NOT_SUPPORTED, `${cudnnTypeName(x.dataType)} data with computeType ${cudnnTypeName(compute)} is not a supported data type configuration`);
  }
  return undefined;
}

/** Refuses an algorithm value or one the simulator does not run. */
function checkAlgorithm(ctx: CallContext, algo: unknown): number | undefined {
  if (!isEnumMember('cudnnConvolutionFwdAlgo_t', algo) || algo === CUDNN_CONVOLUTION_FWD_ALGO_COUNT) {
    return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `algo ${String(algo)} is not a cudnnConvolutionFwdAlgo_t algorithm`);
  }
  if (!SIMULATED_ALGORITHMS.includes(algo)) {
    return notSimulated(ctx, `${statusName('cudnnConvolutionFwdAlgo_t', algo)} (its rounding differs from implicit GEMM on hardware); use an IMPLICIT_GEMM, IMPLICIT_PRECOMP_GEMM or GEMM algorithm`);
  }
  return undefined;
}

/** y's descriptor must describe exactly the output the other descriptors imply. */
function checkOutput(ctx: CallContext, problem: ConvolutionProblem, y: TensorLayout, what: string): number | undefined {
  if (y.dims.length !== 4 || y.dims.some((d, i) => d !== problem.output[i])) {
    return rejectCudnn(ctx, CUDNN_STATUS_NOT_SUPPORTED, `${what} ${formatDims(y.dims)} does not match the convolution output ${formatDims(problem.output)} (cudnnGetConvolution2dForwardOutputDim)`);
  }
  return undefined;
}

export function cudnnGetConvolutionForwardAlgorithm_v7(
  handle: cudnnHandle_t,
  srcDesc: cudnnTensorDescriptor_t,
  filterDesc: cudnnFilterDescriptor_t,
  convDesc: cudnnConvolutionDescriptor_t,
  destDesc: cudnnTensorDescriptor_t,
  requestedAlgoCount: number,
  returnedAlgoCount: Ref<number>,
  perfResults: cudnnConvolutionFwdAlgoPerf_t[],
): cudnnStatus_t {
  return cudnnCall('cudnnGetConvolutionForwardAlgorithm_v7', (ctx) => {
    requireCudnnHandle(handle);
    requireOut(returnedAlgoCount, 'returnedAlgoCount');
    if (perfResults === null || perfResults === undefined) throw new DeviceFault('null-pointer', 'perfResults is NULL');
    if (!Array.isArray(perfResults)) throw new DeviceFault('invalid-value', 'perfResults must be an array to fill (cudnnConvolutionFwdAlgoPerf_t[requestedAlgoCount])');
    if (typeof requestedAlgoCount !== 'number' || !Number.isInteger(requestedAlgoCount) || requestedAlgoCount < 1) {
      throw new DeviceFault('invalid-value', `requestedAlgoCount must be >= 1, got ${String(requestedAlgoCount)}`);
    }
    const problem = convolutionProblem(srcDesc, filterDesc, convDesc, { x: 'srcDesc', w: 'filterDesc' });
    const y = requireTensorLayout(destDesc, 'destDesc');
    const refused = checkConfiguration(ctx, problem, y) ?? checkOutput(ctx, problem, y, 'destDesc');
    if (refused !== undefined) return refused;
    const ms = convolutionFlops(problem) / SIMULATED_DEVICE.flopsPerUs / 1000;
    const ranked = [...SIMULATED_ALGORITHMS].sort((a, b) => workspaceModel(problem, a) - workspaceModel(problem, b) || a - b);
    const results: cudnnConvolutionFwdAlgoPerf_t[] = [
      ...ranked.map((algo) => ({ algo, status: CUDNN_STATUS_SUCCESS, time: ms, memory: workspaceModel(problem, algo) })),
      ...UNSIMULATED_ALGORITHMS.map((algo) => ({ algo, status: CUDNN_STATUS_NOT_SUPPORTED, time: -1, memory: 0 })),
    ].map((r) => ({
      ...r,
      algo: r.algo as cudnnConvolutionFwdAlgo_t,
      status: r.status as cudnnStatus_t,
      determinism: CUDNN_DETERMINISTIC as cudnnDeterminism_t,
      mathType: problem.conv.mathType as cudnnMathType_t,
      reserved: [0, 0, 0],
    }));
    const count = Math.min(requestedAlgoCount, results.length);
    for (let i = 0; i < count; i++) perfResults[i] = results[i];
    writeOut(returnedAlgoCount, count, 'returnedAlgoCount');
  });
}

export function cudnnGetConvolutionForwardWorkspaceSize(
  handle: cudnnHandle_t,
  xDesc: cudnnTensorDescriptor_t,
  wDesc: cudnnFilterDescriptor_t,
  convDesc: cudnnConvolutionDescriptor_t,
  yDesc: cudnnTensorDescriptor_t,
  algo: cudnnConvolutionFwdAlgo_t,
  sizeInBytes: Ref<number>,
): cudnnStatus_t {
  return cudnnCall('cudnnGetConvolutionForwardWorkspaceSize', (ctx) => {
    requireCudnnHandle(handle);
    requireOut(sizeInBytes, 'sizeInBytes');
    const problem = convolutionProblem(xDesc, wDesc, convDesc);
    const y = requireTensorLayout(yDesc, 'yDesc');
    const refused = checkConfiguration(ctx, problem, y) ?? checkOutput(ctx, problem, y, 'yDesc') ?? checkAlgorithm(ctx, algo);
    if (refused !== undefined) return refused;
    writeOut(sizeInBytes, workspaceModel(problem, algo), 'sizeInBytes');
  });
}

/** w as a view with both spatial axes reversed: true convolution reads the filter flipped. */
function flippedFilter(w: DeviceOperand): DeviceOperand {
  const v = w.view;
  const [, , r, s] = v.shape;
  const strides = [v.strides[0], v.strides[1], -v.strides[2], -v.strides[3]];
  const offset = v.offset + (r - 1) * v.strides[2] + (s - 1) * v.strides[3];
  return { ptr: w.ptr, view: new Tensor(v.storage, v.dtype, v.shape, strides, offset) };
}

const CHANNELS_LAST = [0, 2, 3, 1];

function permuted(operand: DeviceOperand, perm: readonly number[]): DeviceOperand {
  return { ptr: operand.ptr, view: operand.view.permute(perm) };
}

export function cudnnConvolutionForward(
  handle: cudnnHandle_t,
  alpha: unknown,
  xDesc: cudnnTensorDescriptor_t,
  x: unknown,
  wDesc: cudnnFilterDescriptor_t,
  w: unknown,
  convDesc: cudnnConvolutionDescriptor_t,
  algo: cudnnConvolutionFwdAlgo_t,
  workSpace: unknown,
  workSpaceSizeInBytes: number,
  beta: unknown,
  yDesc: cudnnTensorDescriptor_t,
  y: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnConvolutionForward',
    (ctx) => {
      const h = requireCudnnHandle(handle);
      const problem = convolutionProblem(xDesc, wDesc, convDesc);
      const yLayout = requireTensorLayout(yDesc, 'yDesc');
      const refused = checkConfiguration(ctx, problem, yLayout) ?? checkOutput(ctx, problem, yLayout, 'yDesc') ?? checkAlgorithm(ctx, algo);
      if (refused !== undefined) return refused;
      const required = workspaceModel(problem, algo);
      if (typeof workSpaceSizeInBytes !== 'number' || !Number.isInteger(workSpaceSizeInBytes) || workSpaceSizeInBytes < 0) {
        throw new DeviceFault('invalid-value', `workSpaceSizeInBytes must be a byte count, got ${String(workSpaceSizeInBytes)}`);
      }
      if (workSpaceSizeInBytes < required) {
        return rejectCudnn(
          ctx,
          CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT,
          `workSpaceSizeInBytes = ${workSpaceSizeInBytes} is less than the ${required} bytes ${statusName('cudnnConvolutionFwdAlgo_t', algo)} needs (cudnnGetConvolutionForwardWorkspaceSize)`,
          'OB2011',
        );
      }
      const a = readScalingFactor(alpha, 'alpha', problem.x.dtype);
      const b = readScalingFactor(beta, 'beta', problem.x.dtype);
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      const workspace = required > 0 ? requireDevicePtr(workSpace, 'workSpace') : undefined;
      const { conv } = problem;
      const profile = boundEntryProfile(ctx.symbol, [
        { symbol: 'cudnnSetConvolutionMathType', param: 'mathType', value: conv.mathType },
        { symbol: 'cudnnSetConvolution2dDescriptor', param: 'computeType', value: conv.settings.computeType },
      ]);
      asDeviceWork(ctx, () => {
        // The kernel uses the workspace it was promised: a buffer shorter than that faults.
        if (workspace) ctx.process.memory(workspace.allocation.device).check(workspace, required);
        const xo = tensorOperand(ctx.process, problem.x, x, 'x');
        const wv = tensorOperand(ctx.process, { ...problem.w, channelsLast: false }, w, 'w');
        const wo = conv.settings.mode === CUDNN_CONVOLUTION ? flippedFilter(wv) : wv;
        const yo = tensorOperand(ctx.process, yLayout, y, 'y');
        const nhwc = problem.x.channelsLast;
        const { pads, strides, dilations } = conv.settings;
        launchBlended(
          { ctx, stream, profile },
          {
            op: 'Conv',
            inputs: nhwc ? [permuted(xo, CHANNELS_LAST), permuted(wo, CHANNELS_LAST)] : [xo, wo],
            attributes: {
              pads: [pads[0], pads[1], pads[0], pads[1]],
              strides: [...strides],
              dilations: [...dilations],
              group: conv.groupCount,
              ...(nhwc ? { data_format: 'NHWC' } : {}),
            },
            flops: convolutionFlops(problem),
          },
          nhwc ? permuted(yo, CHANNELS_LAST) : yo,
          a,
          b,
        );
      });
    },
    true,
  );
}
