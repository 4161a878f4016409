/**
 * muDNN's binary op (torch_musa's C-API path, inferred; docs/backends/musa.md): the mode lives
 * on a binary descriptor (created and destroyed like a cuDNN op-tensor descriptor), and
 * `mudnnBinary(handle, desc, cDesc, C, aDesc, A, bDesc, B)` writes C = op(A, B) with no alpha /
 * beta blend. The operator per mode comes from the catalog entry's variants. The ADD_ALPHA /
 * SUB_ALPHA modes and the descriptor's alpha / beta parameters have undocumented semantics and
 * are not simulated (MUDNN_STATUS_NOT_SUPPORTED). Broadcasting follows the canonical operator
 * (ONNX multidirectional), since muDNN's rules are not documented.
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import { boundEntryProfile } from '../cuda/backend-binding.js';
import { CudnnOpTensorDescriptor } from '../cuda/cudnn-op-tensor.js';
import { requireCudnnHandle, cudnnLaunchStream } from '../cuda/cudnn-handle.js';
import { launchStep } from '../cuda/cudnn-launch.js';
import { cudnnCall, notSimulated } from '../cuda/cudnn-status.js';
import { requireTensorLayout, tensorOperand } from '../cuda/cudnn-tensor-descriptors.js';
import { requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { asDeviceWork } from '../cuda/runtime-state.js';
import { DeviceFault } from '../sim/device-fault.js';
import { binding } from './binding.js';
import type { mudnnBinaryMode_t, mudnnParamDataType_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

/** `mudnnBinaryStruct*`: the object mudnnCreateBinaryDescriptor returns. */
export type mudnnBinaryDescriptor_t = CudnnOpTensorDescriptor;

/** The muDNN mode set on each binary descriptor. */
const modes = new WeakMap<CudnnOpTensorDescriptor, string>();

let operators: ReadonlyMap<string, string> | undefined;

/** mode → canonical operator, from the catalog entry's variants (the binding names the default). */
function operatorFor(mode: string): string | undefined {
  if (!operators) {
    const binds = loadCatalog().entry('musa', 'mudnnBinary')?.spec.binds;
    const map = new Map<string, string>();
    if (binds && 'operator' in binds) for (const v of binds.variants ?? []) map.set(v.when, v.operator ?? binds.operator);
    operators = map;
  }
  return operators.get(mode);
}

function musaStatus(status: number): mudnnStatus_t {
  return binding.fromCuda(status, 'mudnnStatus_t', 'cudnnStatus_t') as mudnnStatus_t;
}

export function mudnnSetBinaryDescriptor(
  binaryDesc: mudnnBinaryDescriptor_t,
  mode: mudnnBinaryMode_t,
  alphaType: mudnnParamDataType_t,
  alpha: unknown,
  betaType: mudnnParamDataType_t,
  beta: unknown,
): mudnnStatus_t {
  return musaStatus(
    binding.run(() =>
      cudnnCall('mudnnSetBinaryDescriptor', (ctx) => {
        const desc = requireDescriptor(binaryDesc, CudnnOpTensorDescriptor, 'mudnnBinaryStruct*', 'binaryDesc');
        if (!binding.isMember(mode, 'mudnnBinaryMode_t')) throw new DeviceFault('invalid-value', `mode ${String(mode)} is not a mudnnBinaryMode_t`);
        if (!operatorFor(mode)) return notSimulated(ctx, `${mode} (its alpha / beta parameters are not documented)`);
        for (const [what, type] of [['alphaType', alphaType], ['betaType', betaType]] as const) {
          if (!binding.isMember(type, 'mudnnParamDataType_t')) throw new DeviceFault('invalid-value', `${what} ${String(type)} is not a mudnnParamDataType_t`);
        }
        modes.set(desc, mode);
        void alpha;
        void beta;
      }),
    ),
  );
}

export function mudnnBinary(
  handle: mudnnHandle_t,
  binaryDesc: mudnnBinaryDescriptor_t,
  cDesc: mudnnTensorDescriptor_t,
  C: unknown,
  aDesc: mudnnTensorDescriptor_t,
  A: unknown,
  bDesc: mudnnTensorDescriptor_t,
  B: unknown,
): mudnnStatus_t {
  return musaStatus(
    binding.run(() =>
      cudnnCall(
        'mudnnBinary',
        (ctx) => {
          const h = requireCudnnHandle(handle);
          const desc = requireDescriptor(binaryDesc, CudnnOpTensorDescriptor, 'mudnnBinaryStruct*', 'binaryDesc');
          const mode = modes.get(desc);
          if (!mode) throw new DeviceFault('invalid-value', 'binaryDesc was created but never set (mudnnSetBinaryDescriptor)');
          const op = operatorFor(mode)!;
          const [cl, al, bl] = [requireTensorLayout(cDesc, 'cDesc'), requireTensorLayout(aDesc, 'aDesc'), requireTensorLayout(bDesc, 'bDesc')];
          const stream = cudnnLaunchStream(ctx, h);
          if (typeof stream === 'number') return stream;
          const env = { ctx, stream, profile: boundEntryProfile(ctx.symbol) };
          asDeviceWork(ctx, () => {
            const a = tensorOperand(ctx.process, al, A, 'A');
            const b = tensorOperand(ctx.process, bl, B, 'B');
            const c = tensorOperand(ctx.process, cl, C, 'C');
            launchStep(env, { op, inputs: [a, b], attributes: {} }, [c]);
          });
        },
        true,
      ),
    ),
  );
}
