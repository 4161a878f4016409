/**
 * cudnnBatchNormalizationForwardInference: y = bnScale·(x − estimatedMean) /
 * sqrt(epsilon + estimatedVariance) + bnBias (header), blended as alpha·result + beta·y, as
 * ONNX BatchNormalization in inference mode.
 *
 * - CUDNN_BATCHNORM_SPATIAL (and SPATIAL_PERSISTENT, the same values computed faster):
 *   per-channel parameters described 1 × C × 1 × 1, read as 1-D views of C values.
 * - CUDNN_BATCHNORM_PER_ACTIVATION: parameters 1 × C × H × W, one per activation. ONNX has no
 *   such mode; it is BatchNormalization on x viewed as [N, C·H·W] (channels C·H·W) with the
 *   parameters viewed as [C·H·W], both flattened in C, H, W order without copying. x must be
 *   packed in that order (NCHW); other layouts are not simulated.
 * - epsilon must be >= CUDNN_BN_MIN_EPSILON, 0.0 in cuDNN 9 (cudnn_ops.h); BatchNormalization
 *   takes it as a float32 attribute, as the float kernels do.
 * - Types: x and y share one type; the parameters are float for float / half / bfloat16 data
 *   and double for double data (cuDNN docs as model code follows them; inferred), or x's own
 *   type. Otherwise CUDNN_STATUS_BAD_PARAM.
 */
import { Tensor } from '../../runtime/tensor.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import {
  CUDNN_BATCHNORM_PER_ACTIVATION,
  CUDNN_STATUS_BAD_PARAM,
  type cudnnBatchNormMode_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { cudnnTypeName, scalingDType } from './cudnn-data-types.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { launchBlended, readScalingFactor } from './cudnn-launch.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { flattenAxes, sameDims, trailingAxes } from './cudnn-views.js';
import { isEnumMember } from './enum-names.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile } from './backend-binding.js';

/** Axis `axis` of a view whose other axes have size 1, as a 1-D view. */
function vectorView(view: Tensor, axis: number): Tensor {
  return new Tensor(view.storage, view.dtype, [view.shape[axis]], [view.strides[axis]], view.offset);
}

/** CUDNN_BN_MIN_EPSILON (cudnn_ops.h 9.x). */
export const CUDNN_BN_MIN_EPSILON = 0.0;

export function cudnnBatchNormalizationForwardInference(
  handle: cudnnHandle_t,
  mode: cudnnBatchNormMode_t,
  alpha: unknown,
  beta: unknown,
  xDesc: cudnnTensorDescriptor_t,
  x: unknown,
  yDesc: cudnnTensorDescriptor_t,
  y: unknown,
  bnScaleBiasMeanVarDesc: cudnnTensorDescriptor_t,
  bnScale: unknown,
  bnBias: unknown,
  estimatedMean: unknown,
  estimatedVariance: unknown,
  epsilon: number,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnBatchNormalizationForwardInference',
    (ctx) => {
      const h = requireCudnnHandle(handle);
      if (!isEnumMember('cudnnBatchNormMode_t', mode)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `mode ${String(mode)} is not a cudnnBatchNormMode_t`);
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      const pl = requireTensorLayout(bnScaleBiasMeanVarDesc, 'bnScaleBiasMeanVarDesc');
      if (!sameDims(xl.dims, yl.dims) || xl.dtype !== yl.dtype) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(xl.dims)} ${cudnnTypeName(xl.dataType)} and yDesc ${formatDims(yl.dims)} ${cudnnTypeName(yl.dataType)} differ`);
      }
      const perActivation = mode === CUDNN_BATCHNORM_PER_ACTIVATION;
      const expected = xl.dims.map((d, i) => (i === 0 ? 1 : i === 1 || perActivation ? d : 1));
      if (!sameDims(pl.dims, expected)) {
        return rejectCudnn(
          ctx,
          CUDNN_STATUS_BAD_PARAM,
          `bnScaleBiasMeanVarDesc ${formatDims(pl.dims)} must be ${formatDims(expected)} for ${perActivation ? 'CUDNN_BATCHNORM_PER_ACTIVATION' : 'CUDNN_BATCHNORM_SPATIAL'} (cudnnDeriveBNTensorDescriptor gives it)`,
        );
      }
      if (pl.dtype !== scalingDType(xl.dtype) && pl.dtype !== xl.dtype) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `bnScaleBiasMeanVarDesc is ${cudnnTypeName(pl.dataType)}; for ${cudnnTypeName(xl.dataType)} data the parameters are ${scalingDType(xl.dtype)}`);
      }
      if (typeof epsilon !== 'number' || !(epsilon >= CUDNN_BN_MIN_EPSILON)) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `epsilon = ${String(epsilon)} is below CUDNN_BN_MIN_EPSILON (${CUDNN_BN_MIN_EPSILON})`);
      }
      const a = readScalingFactor(alpha, 'alpha', yl.dtype);
      const b = readScalingFactor(beta, 'beta', yl.dtype);
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      return asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        const params = ([[bnScale, 'bnScale'], [bnBias, 'bnBias'], [estimatedMean, 'estimatedMean'], [estimatedVariance, 'estimatedVariance']] as const).map(
          ([ptr, what]) => tensorOperand(ctx.process, pl, ptr, what),
        );
        let data: DeviceOperand = xo;
        let out: DeviceOperand = yo;
        let vectors: DeviceOperand[];
        if (perActivation) {
          const order = trailingAxes(xo.view, 1);
          const xf = flattenAxes(xo.view, 1, order);
          const yf = flattenAxes(yo.view, 1, order);
          const pf = params.map((p) => flattenAxes(p.view, 1, order));
          if (!xf || !yf || pf.some((p) => !p)) return notSimulated(ctx, 'CUDNN_BATCHNORM_PER_ACTIVATION on tensors not packed in N, C, H, W order');
          data = { ptr: xo.ptr, view: xf };
          out = { ptr: yo.ptr, view: yf };
          vectors = params.map((p, i) => ({ ptr: p.ptr, view: vectorView(pf[i]!, 1) }));
        } else {
          vectors = params.map((p) => ({ ptr: p.ptr, view: vectorView(p.view, 1) }));
        }
        launchBlended(
          { ctx, stream, profile: boundEntryProfile(ctx.symbol) },
          { op: 'BatchNormalization', inputs: [data, ...vectors], attributes: { epsilon, training_mode: 0 } },
          out,
          a,
          b,
        );
        return undefined;
      });
    },
    true,
  );
}
