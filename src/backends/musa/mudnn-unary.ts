/**
 * muDNN's unary op (torch_musa's C-API path, inferred; docs/backends/musa.md):
 * `mudnnUnary(handle, unaryDesc, yDesc, y, xDesc, x)` writes y = f(x) for the mode set on the
 * unary descriptor, output first, no alpha / beta blend. The operator per mode comes from the
 * catalog entry's variants. The descriptor companions (`mudnnCreateUnaryDescriptor`,
 * `mudnnSetUnaryDescriptor(desc, mode, alphaType, alpha, betaType, beta)`,
 * `mudnnDestroyUnaryDescriptor`) are named by torch_musa (Unary.h) and the catalog entry's
 * notes; their parameter names are unconfirmed. CAST converts to yDesc's data type (inferred
 * from torch_musa's copy between dtypes, which sets only the mode). Modes whose parameter comes from the descriptor
 * (ELU, LEAKY_RELU, CLIP) are not simulated: MUDNN_PARAM_DATA_* has no floating-point type,
 * so how muDNN reads the parameter is not documented.
 */
import { CudnnDescriptor, requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { launchStep } from '../cuda/cudnn-launch.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand } from '../cuda/cudnn-tensor-descriptors.js';
import { sameDims } from '../cuda/cudnn-views.js';
import { CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { asDeviceWork } from '../cuda/runtime-state.js';
import type { Ref } from '../sim/ref.js';
import { createMudnnDescriptor, destroyMudnnDescriptor, mudnnCall, mudnnLaunch, requireMember, requireSettings } from './mudnn-call.js';
import { modeOperator } from './mudnn-variants.js';
import type { mudnnParamDataType_t, mudnnStatus_t, mudnnUnaryMode_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

export class MudnnUnaryDescriptor extends CudnnDescriptor {
  readonly kind = 'mudnnUnaryStruct*';
  settings: { readonly mode: mudnnUnaryMode_t } | undefined;
}

/** `mudnnUnaryStruct*`. */
export type mudnnUnaryDescriptor_t = MudnnUnaryDescriptor;

export function mudnnCreateUnaryDescriptor(unaryDesc: Ref<mudnnUnaryDescriptor_t>): mudnnStatus_t {
  return createMudnnDescriptor('mudnnCreateUnaryDescriptor', unaryDesc, MudnnUnaryDescriptor, 'unaryDesc');
}

export function mudnnDestroyUnaryDescriptor(unaryDesc: mudnnUnaryDescriptor_t): mudnnStatus_t {
  return destroyMudnnDescriptor('mudnnDestroyUnaryDescriptor', unaryDesc, MudnnUnaryDescriptor, 'mudnnUnaryStruct*', 'unaryDesc');
}

export function mudnnSetUnaryDescriptor(
  unaryDesc: mudnnUnaryDescriptor_t,
  mode: mudnnUnaryMode_t,
  alphaType: mudnnParamDataType_t,
  alpha: unknown,
  betaType: mudnnParamDataType_t,
  beta: unknown,
): mudnnStatus_t {
  return mudnnCall('mudnnSetUnaryDescriptor', (ctx) => {
    requireMember(mode, 'mudnnUnaryMode_t', 'mode');
    requireMember(alphaType, 'mudnnParamDataType_t', 'alphaType');
    requireMember(betaType, 'mudnnParamDataType_t', 'betaType');
    const found = modeOperator('mudnnUnary', mode);
    if (!found || ['Elu', 'LeakyRelu', 'Clip'].includes(found.operator)) return notSimulated(ctx, `unary mode ${String(mode)} (its parameter semantics are not documented)`);
    requireDescriptor(unaryDesc, MudnnUnaryDescriptor, 'mudnnUnaryStruct*', 'unaryDesc').settings = { mode };
    void alpha;
    void beta;
  });
}

export function mudnnUnary(handle: mudnnHandle_t, unaryDesc: mudnnUnaryDescriptor_t, yDesc: mudnnTensorDescriptor_t, y: unknown, xDesc: mudnnTensorDescriptor_t, x: unknown): mudnnStatus_t {
  return mudnnCall(
    'mudnnUnary',
    (ctx) => {
      const { mode } = requireSettings(unaryDesc, MudnnUnaryDescriptor, 'mudnnUnaryStruct*', 'unaryDesc', 'mudnnSetUnaryDescriptor');
      const yl = requireTensorLayout(yDesc, 'yDesc');
      const xl = requireTensorLayout(xDesc, 'xDesc');
      if (!sameDims(xl.dims, yl.dims)) return rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, `xDesc ${formatDims(xl.dims)} and yDesc ${formatDims(yl.dims)} differ`);
      const env = mudnnLaunch(ctx, handle);
      if (typeof env === 'number') return env;
      const { operator, fixed } = modeOperator('mudnnUnary', mode)!;
      // CAST converts to yDesc's type (torch_musa's copy between dtypes sets only the mode).
      const attributes = operator === 'Cast' ? { ...fixed, to: yl.dtype } : { ...fixed };
      asDeviceWork(ctx, () => {
        const xo = tensorOperand(ctx.process, xl, x, 'x');
        const yo = tensorOperand(ctx.process, yl, y, 'y');
        launchStep(env, { op: operator, inputs: [xo], attributes }, [yo]);
      });
    },
    true,
  );
}
