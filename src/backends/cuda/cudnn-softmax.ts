/**
 * cudnnSoftmaxForward: y = alpha·softmax(x) + beta·y on an N, C, H, W (, ...) tensor.
 *
 * - Mode (cudnn_ops.h): CUDNN_SOFTMAX_MODE_CHANNEL normalises over C for each (n, h, w):
 *   ONNX Softmax with axis = 1 on the 4-D view. CUDNN_SOFTMAX_MODE_INSTANCE normalises over
 *   all of C, H, W for each n: Softmax with axis = 1 on x viewed as [N, C·H·W] (no copy; the
 *   trailing axes are flattened in memory order, which a softmax over all of them allows).
 * - Algorithm: ACCURATE subtracts the maximum ("to avoid overflow"), FAST does not (the
 *   catalog variant's profile cuda.cudnn-softmax-fast: large logits overflow), LOG is
 *   LogSoftmax (with the maximum subtracted).
 * - x and y must have the same dimensions and data type (CUDNN_STATUS_BAD_PARAM).
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import {
  CUDNN_SOFTMAX_FAST,
  CUDNN_SOFTMAX_LOG,
  CUDNN_SOFTMAX_MODE_INSTANCE,
  CUDNN_STATUS_BAD_PARAM,
  type cudnnSoftmaxAlgorithm_t,
  type cudnnSoftmaxMode_t,
  type cudnnStatus_t,
} from './constants.generated.js';
import { cudnnTypeName } from './cudnn-data-types.js';
import { cudnnLaunchStream, requireCudnnHandle, type cudnnHandle_t } from './cudnn-handle.js';
import { launchBlended, readScalingFactor } from './cudnn-launch.js';
import { cudnnCall, notSimulated, rejectCudnn } from './cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand, type cudnnTensorDescriptor_t } from './cudnn-tensor-descriptors.js';
import { flattenAxes, sameDims, trailingMemoryOrder, unflatten } from './cudnn-views.js';
import { isEnumMember } from './enum-names.js';
import { asDeviceWork } from './runtime-state.js';
import { activeBinding, boundEntryProfile } from './backend-binding.js';

/** The numeric profile of an algorithm: its catalog variant's profile when it names one. */
function algorithmProfile(symbol: string, algoName: string) {
  const catalog = loadCatalog();
  const bound = activeBinding();
  const binding = catalog.entry(bound.backend, bound.name(symbol))?.spec.binds;
  const variant = binding && 'variants' in binding ? binding.variants?.find((v) => v.when === bound.name(algoName)) : undefined;
  return variant?.profile ? catalog.profile(variant.profile) : boundEntryProfile(symbol);
}

export function cudnnSoftmaxForward(
  handle: cudnnHandle_t,
  algo: cudnnSoftmaxAlgorithm_t,
  mode: cudnnSoftmaxMode_t,
  alpha: unknown,
  xDesc: cudnnTensorDescriptor_t,
  x: unknown,
  beta: unknown,
  yDesc: cudnnTensorDescriptor_t,
  y: unknown,
): cudnnStatus_t {
  return cudnnCall(
    'cudnnSoftmaxForward',
    (ctx) => {
      const h = requireCudnnHandle(handle);
      if (!isEnumMember('cudnnSoftmaxAlgorithm_t', algo)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `algo ${String(algo)} is not a cudnnSoftmaxAlgorithm_t`);
      if (!isEnumMember('cudnnSoftmaxMode_t', mode)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `mode ${String(mode)} is not a cudnnSoftmaxMode_t`);
      const xl = requireTensorLayout(xDesc, 'xDesc');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      if (!sameDims(xl.dims, yl.dims) || xl.dtype !== yl.dtype) {
        return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(xl.dims)} ${cudnnTypeName(xl.dataType)} and yDesc ${formatDims(yl.dims)} ${cudnnTypeName(yl.dataType)} differ`);
      }
      const a = readScalingFactor(alpha, 'alpha', yl.dtype);
      const b = readScalingFactor(beta, 'beta', yl.dtype);
      const stream = cudnnLaunchStream(ctx, h);
      if (typeof stream === 'number') return stream;
      const profile = algo === CUDNN_SOFTMAX_FAST ? algorithmProfile(ctx.symbol, 'CUDNN_SOFTMAX_FAST') : boundEntryProfile(ctx.symbol);
      const op = algo === CUDNN_SOFTMAX_LOG ? 'LogSoftmax' : 'Softmax';
      return asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        if (mode !== CUDNN_SOFTMAX_MODE_INSTANCE) {
          launchBlended({ ctx, stream, profile }, { op, inputs: [xo], attributes: { axis: 1 } }, yo, a, b);
          return undefined;
        }
        const order = trailingMemoryOrder(xo.view, 1);
        const xFlat = flattenAxes(xo.view, 1, order);
        if (!xFlat) return notSimulated(ctx, `CUDNN_SOFTMAX_MODE_INSTANCE over a non-packed xDesc (strides [${xl.strides.join(', ')}])`);
        const yFlat = flattenAxes(yo.view, 1, order);
        launchBlended(
          { ctx, stream, profile },
          {
            op,
            inputs: [{ ptr: xo.ptr, view: xFlat }],
            attributes: { axis: 1 },
            // y packed differently from x: the flat result goes back to N, C, H, W before it is stored.
            toOutputShape: yFlat ? undefined : (r) => unflatten(r, xl.dims, 1, order),
          },
          yFlat ? { ptr: yo.ptr, view: yFlat } : yo,
          a,
          b,
        );
        return undefined;
      });
    },
    true,
  );
}
