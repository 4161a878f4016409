/**
 * muDNN's flash scaled-dot-product attention (torch_musa's C-API path, ScaledDotProductAttention.cpp
 * RunFlash, inferred; docs/backends/musa.md): `mudnnSetScaledDotProductAttentionDescriptor(desc,
 * computeMode, embedDim, batchSize, numHeads, scale, usePadMask, keyFormatBHDS, training, causal,
 * deterministic)` then `mudnnScaledDotProductAttentionFlashForward(handle, lseDesc, lse, qDesc,
 * q, kDesc, k, vDesc, v, maskDesc, mask, desc, dropoutMaskDesc, dropoutMask, outDesc, out)`.
 *
 * The simulation runs the canonical Attention over Q [N, H_q, L, E], K [N, H, S, E], V [N, H, S,
 * E_v] and the output [N, H_q, L, E_v] as described (strided views), grouped-query when H < H_q,
 * the softmax in float32; lse [N, H_q, L] (float32) gets max + log(sum(exp(s - max))) of the
 * scaled, masked scores, in float32 canonical steps. A scale of 0 means 1/sqrt(E): torch_musa
 * passes 0 when no scale was set and only lets 1/sqrt(E) through, but the convention itself is an
 * unconfirmed assumption. Causal is top-left (key j visible to query i when j ≤ i), PyTorch's
 * is_causal. Not simulated (MUDNN_STATUS_NOT_SUPPORTED): a mask (maskDesc must be the empty {0}
 * tensor), training, a BHDS key format, embedDim ≠ numHeads · E.
 */
import { Tensor } from '../../runtime/tensor.js';
import { CudnnDescriptor, requireDescriptor } from '../cuda/cudnn-descriptor.js';
import { castTo, launchStep, type LaunchEnv, type Operand } from '../cuda/cudnn-launch.js';
import { notSimulated, rejectCudnn } from '../cuda/cudnn-status.js';
import { formatDims, requireTensorLayout, tensorOperand } from '../cuda/cudnn-tensor-descriptors.js';
import { CUDNN_STATUS_BAD_PARAM } from '../cuda/index.js';
import { asDeviceWork } from '../cuda/runtime-state.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import { createMudnnDescriptor, destroyMudnnDescriptor, mudnnCall, mudnnLaunch, requireMember, requireSettings } from './mudnn-call.js';
import type { mudnnMathType_t, mudnnStatus_t } from './constants.generated.js';
import type { mudnnHandle_t, mudnnTensorDescriptor_t } from './types.js';

interface SdpaSettings {
  readonly embedDim: number;
  readonly batchSize: number;
  readonly numHeads: number;
  readonly scale: number;
  readonly causal: boolean;
  readonly unsimulated: string | undefined;
}

export class MudnnScaledDotProductAttentionDescriptor extends CudnnDescriptor {
  readonly kind = 'mudnnScaledDotProductAttentionStruct*';
  settings: SdpaSettings | undefined;
}

/** `mudnnScaledDotProductAttentionStruct*`. */
export type mudnnScaledDotProductAttentionDescriptor_t = MudnnScaledDotProductAttentionDescriptor;

const TYPE = 'mudnnScaledDotProductAttentionStruct*';

export function mudnnCreateScaledDotProductAttentionDescriptor(sdpaDesc: Ref<mudnnScaledDotProductAttentionDescriptor_t>): mudnnStatus_t {
  return createMudnnDescriptor('mudnnCreateScaledDotProductAttentionDescriptor', sdpaDesc, MudnnScaledDotProductAttentionDescriptor, 'sdpaDesc');
}

export function mudnnDestroyScaledDotProductAttentionDescriptor(sdpaDesc: mudnnScaledDotProductAttentionDescriptor_t): mudnnStatus_t {
  return destroyMudnnDescriptor('mudnnDestroyScaledDotProductAttentionDescriptor', sdpaDesc, MudnnScaledDotProductAttentionDescriptor, TYPE, 'sdpaDesc');
}

const flag = (v: unknown) => v === true || v === 1;

export function mudnnSetScaledDotProductAttentionDescriptor(
  sdpaDesc: mudnnScaledDotProductAttentionDescriptor_t,
  computeMode: mudnnMathType_t,
  embedDim: number,
  batchSize: number,
  numHeads: number,
  scale: number,
  usePadMask: boolean | number,
  keyFormatBHDS: boolean | number,
  training: boolean | number,
  causal: boolean | number,
  deterministic: boolean | number,
): mudnnStatus_t {
  return mudnnCall('mudnnSetScaledDotProductAttentionDescriptor', () => {
    const desc = requireDescriptor(sdpaDesc, MudnnScaledDotProductAttentionDescriptor, TYPE, 'sdpaDesc');
    requireMember(computeMode, 'mudnnMathType_t', 'computeMode');
    for (const [v, what, min] of [[embedDim, 'embedDim', 1], [batchSize, 'batchSize', 0], [numHeads, 'numHeads', 1]] as const) {
      if (!Number.isInteger(v) || v < min) throw new DeviceFault('invalid-value', `${what} must be an integer ≥ ${min}, got ${String(v)}`);
    }
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0) throw new DeviceFault('invalid-value', `scale must be a finite number ≥ 0, got ${String(scale)}`);
    const unsimulated = flag(usePadMask) ? 'a padding mask' : flag(keyFormatBHDS) ? 'the BHDS key format' : flag(training) ? 'training' : undefined;
    void deterministic; // a scheduling choice: the simulated results do not depend on it
    desc.settings = { embedDim, batchSize, numHeads, scale, causal: flag(causal), unsimulated };
  });
}

/** lse = max + log(sum(exp(s - max))) over the keys of the scaled, masked scores, in float32 steps. */
function logSumExp(env: LaunchEnv, q: DeviceOperand, k: DeviceOperand, scale: number, causal: boolean, out: DeviceOperand): void {
  const [b, hq, sq, d] = q.view.shape;
  const [, hk, skv] = k.view.shape;
  const group = hq / hk;
  const step = (op: string, inputs: (Operand | Tensor)[], attributes = {}) => launchStep(env, { op, inputs, attributes, computeIn: 'float32' }, [undefined], undefined, true).results[0];
  // Views only: query heads in groups per key head, K transposed.
  const view = (x: DeviceOperand, shape: number[], strides: (s: readonly number[]) => number[]): DeviceOperand => ({ ptr: x.ptr, view: new Tensor(x.view.storage, x.view.dtype, shape, strides(x.view.strides), x.view.offset) });
  const qg = view(q, [b, hk, group, sq, d], (s) => [s[0], s[1] * group, s[1], s[2], s[3]]);
  const kt = view(k, [b, hk, 1, d, skv], (s) => [s[0], s[1], 0, s[3], s[2]]);
  let scores = step('Mul', [step('MatMul', [qg, kt]).reshape([b, hq, sq, skv]), Tensor.fromNumbers([scale], [], 'float32')]);
  if (causal) {
    const visible = Tensor.fromNumbers(Array.from({ length: sq * skv }, (_, n) => (n % skv <= Math.floor(n / skv) ? 1 : 0)), [sq, skv], 'bool');
    scores = step('Where', [visible, scores, Tensor.fromNumbers([-Infinity], [], 'float32')]);
  }
  const last = Tensor.fromNumbers([3], [1], 'int64');
  const max = step('ReduceMax', [scores, last], { keepdims: 1 });
  const sum = step('ReduceSum', [step('Exp', [step('Sub', [scores, max])]), last], { keepdims: 1 });
  launchStep(env, { op: 'Add', inputs: [max, step('Log', [sum])], attributes: {}, computeIn: 'float32' }, [out], (results) => [castTo(results[0].reshape(out.view.shape), out.view.dtype)]);
}

export function mudnnScaledDotProductAttentionFlashForward(
  handle: mudnnHandle_t,
  lseDesc: mudnnTensorDescriptor_t,
  lse: unknown,
  qDesc: mudnnTensorDescriptor_t,
  q: unknown,
  kDesc: mudnnTensorDescriptor_t,
  k: unknown,
  vDesc: mudnnTensorDescriptor_t,
  v: unknown,
  maskDesc: mudnnTensorDescriptor_t,
  mask: unknown,
  sdpaDesc: mudnnScaledDotProductAttentionDescriptor_t,
  dropoutMaskDesc: mudnnTensorDescriptor_t,
  dropoutMask: unknown,
  outDesc: mudnnTensorDescriptor_t,
  out: unknown,
): mudnnStatus_t {
  return mudnnCall(
    'mudnnScaledDotProductAttentionFlashForward',
    (ctx) => {
      const s = requireSettings(sdpaDesc, MudnnScaledDotProductAttentionDescriptor, TYPE, 'sdpaDesc', 'mudnnSetScaledDotProductAttentionDescriptor');
      if (s.unsimulated) return notSimulated(ctx, s.unsimulated);
      const [ql, kl, vl, ol, ll] = [requireTensorLayout(qDesc, 'qDesc'), requireTensorLayout(kDesc, 'kDesc'), requireTensorLayout(vDesc, 'vDesc'), requireTensorLayout(outDesc, 'outDesc'), requireTensorLayout(lseDesc, 'lseDesc')];
      const ml = requireTensorLayout(maskDesc, 'maskDesc');
      if (ml.dims.reduce((a, x) => a * x, 1) !== 0) return notSimulated(ctx, `a mask ${formatDims(ml.dims)} (only the empty {0} tensor, no mask, is simulated)`);
      void mask;
      void dropoutMaskDesc; // no dropout: the descriptor was set without it
      void dropoutMask;
      const bad = (message: string) => rejectCudnn(ctx, CUDNN_STATUS_BAD_PARAM, message);
      if ([ql, kl, vl, ol].some((l) => l.dims.length !== 4)) return bad(`Q, K, V and out must be 4-D, got ${[ql, kl, vl, ol].map((l) => formatDims(l.dims)).join(', ')}`);
      const [n, hq, sq, e] = ql.dims;
      const [, hk, skv] = kl.dims;
      if (kl.dims[0] !== n || vl.dims[0] !== n || vl.dims[1] !== hk || vl.dims[2] !== skv || kl.dims[3] !== e) return bad(`kDesc ${formatDims(kl.dims)} and vDesc ${formatDims(vl.dims)} do not fit qDesc ${formatDims(ql.dims)}`);
      if (ol.dims[0] !== n || ol.dims[1] !== hq || ol.dims[2] !== sq || ol.dims[3] !== vl.dims[3]) return bad(`outDesc ${formatDims(ol.dims)} is not [${n}, ${hq}, ${sq}, ${vl.dims[3]}]`);
      if (hq % hk !== 0) return bad(`${hq} query heads are not a multiple of ${hk} key heads`);
      if (s.numHeads !== hq || s.embedDim !== hq * e) return bad(`the descriptor's numHeads ${s.numHeads} and embedDim ${s.embedDim} are not qDesc's ${hq} heads and ${hq} · ${e}`);
      if (s.batchSize !== 0 && s.batchSize !== n) return bad(`the descriptor's batchSize ${s.batchSize} is not qDesc's ${n}`);
      if (ll.dtype !== 'float32' || ll.dims.reduce((a, x) => a * x, 1) !== n * hq * sq) return bad(`lseDesc ${formatDims(ll.dims)} ${ll.dtype} is not a float32 [${n}, ${hq}, ${sq}]`);
      if (s.causal && sq !== skv) return notSimulated(ctx, `a causal mask with L (${sq}) ≠ S (${skv}) (muDNN's alignment for unequal lengths is not known)`);
      const scale = s.scale === 0 ? 1 / Math.sqrt(e) : s.scale;
      const env = mudnnLaunch(ctx, handle);
      if (typeof env === 'number') return env;
      asDeviceWork(ctx, () => {
        const [qo, ko, vo] = [tensorOperand(ctx.process, ql, q, 'q'), tensorOperand(ctx.process, kl, k, 'k'), tensorOperand(ctx.process, vl, v, 'v')];
        const oo = tensorOperand(ctx.process, ol, out, 'out');
        launchStep(
          env,
          { op: 'Attention', inputs: [qo, ko, vo], attributes: { scale, is_causal: s.causal ? 1 : 0, softmax_precision: 1 }, flops: 2 * n * hq * sq * skv * (e + vl.dims[3]) },
          [oo],
          (results) => [castTo(results[0], oo.view.dtype)],
        );
        logSumExp(env, qo, ko, scale, s.causal, tensorOperand(ctx.process, ll, lse, 'lse'));
      });
    },
    true,
  );
}
