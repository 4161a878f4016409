/**
 * `baidu::xpu::xfa::mha_varlen_fwd<T, TACCUM, TGEMM, TID>`: flash attention over a packed
 * variable-length batch. q is [total_q, head_num, head_dim] with cumulative offsets
 * lod_seqlens_q (k, v likewise with head_num_k heads); each sequence is one canonical
 * Attention call on (1, heads, seq, head_dim) strided views, under the catalog profile
 * kunlun.attention-tf32 with the TGEMM knob.
 *
 * softmax_lse (per row log-sum-exp, TACCUM = float) is laid out [batch, head_num,
 * max_seqlen_q], as Paddle allocates it (inferred); it is computed by float64 glue from the
 * operator's masked scores. Not simulated, returning NOT_IMPLEMENT: dropout (p_dropout > 0;
 * random bits could not match), attn_mask / bias (layout undocumented), and causal masking
 * of a sequence whose q and k lengths differ (XDNN's mask alignment is undocumented).
 * softmax_scale = 0 means 1/sqrt(head_dim) (inferred from the default argument).
 */
import type { DType } from '../../../runtime/dtype.js';
import { ITEM_SIZE } from '../../../runtime/dtype.js';
import { Tensor } from '../../../runtime/tensor.js';
import { DeviceFault } from '../../sim/device-fault.js';
import type { DevicePtr } from '../../sim/device-memory.js';
import type { DeviceOperand } from '../../sim/launch-op.js';
import { loadCatalog } from '../../../catalog/load-catalog.js';
import type { Error_t } from '../constants.generated.js';
import { KUNLUN } from '../kunlun-catalog.js';
import { absMax, maxInput, maxOutput } from './activation.js';
import { VectorParam, type Context } from './context.js';
import { elementDType, templateTypes } from './template-args.js';
import { beginOp, deviceOperand, glue, launch, requireCount, xdnnCall, type XdnnOp } from './xdnn-call.js';

const SYMBOL = 'baidu::xpu::xfa::mha_varlen_fwd';

/** The cumulative offsets of a VectorParam lod: [0, ..., total], non-decreasing. */
function lodOffsets(lod: unknown, name: string): number[] {
  if (!(lod instanceof VectorParam)) throw new DeviceFault('invalid-value', `${name} must be an xpu::VectorParam`);
  const offsets = Array.from({ length: lod.len }, (_, i) => lod.cpu[i]);
  if (lod.len < 1 || offsets.some((o) => !Number.isInteger(o)) || offsets[0] !== 0 || offsets.some((o, i) => i > 0 && o < offsets[i - 1])) {
    throw new DeviceFault('invalid-value', `${name} must hold batch + 1 cumulative offsets starting at 0, got [${offsets.join(', ')}]`);
  }
  return offsets;
}

/** (1, heads, rows, dim) view of rows [start, end) of a packed [total, heads, dim] tensor. */
function sequenceView(op: XdnnOp, base: DeviceOperand, start: number, end: number, heads: number, dim: number, name: string): DeviceOperand {
  const dtype = base.view.dtype;
  return deviceOperand(op, base.ptr.plus(start * heads * dim * ITEM_SIZE[dtype]), name, dtype, [1, heads, end - start, dim], [0, dim, heads * dim, 1]);
}

/** log Σ exp over the last axis of masked scores (1, H, Sq, Sk), in float64 glue, as float32 (1, H, Sq). */
function logSumExp(op: XdnnOp, scores: Tensor): Tensor {
  const [s] = glue(op, 'Cast', [scores], { to: 'float64' });
  const last = Tensor.fromNumbers([-1], [1], 'int64');
  const [max] = glue(op, 'ReduceMax', [s, last], { keepdims: 1 });
  const [shifted] = glue(op, 'Sub', [s, max]);
  const [sum] = glue(op, 'ReduceSum', [glue(op, 'Exp', [shifted])[0], last], { keepdims: 1 });
  const [lse] = glue(op, 'Add', [max, glue(op, 'Log', [sum])[0]]);
  const [, heads, rows] = scores.shape;
  return glue(op, 'Cast', [lse.reshape([1, heads, rows])], { to: 'float32' })[0];
}

function requireNull(value: unknown, name: string, why: string): void {
  if (value !== null && value !== undefined && value !== 0) throw new DeviceFault('not-supported', `${name} is not simulated: ${why}`);
}

export function mha_varlen_fwd(
  templateArgs: readonly string[],
  ctx: Context,
  q: DevicePtr,
  k: DevicePtr,
  v: DevicePtr,
  out: DevicePtr,
  softmax_lse: DevicePtr,
  lod_seqlens_q: VectorParam,
  lod_seqlens_k: VectorParam,
  max_seqlen_q: number,
  max_seqlen_k: number,
  head_num: number,
  head_num_k: number,
  head_dim: number,
  softmax_scale = 0,
  p_dropout = 0,
  seed = 0x45678901,
  is_causal = true,
  attn_mask: DevicePtr | null = null,
  bias: DevicePtr | null = null,
  q_maxptr: DevicePtr | null = null,
  k_maxptr: DevicePtr | null = null,
  v_maxptr: DevicePtr | null = null,
  o_maxptr: DevicePtr | null = null,
): Error_t {
  return xdnnCall(SYMBOL, (call) => {
    const [T, TACCUM, TGEMM, TID] = templateTypes(SYMBOL, templateArgs);
    const dtype: DType = elementDType(SYMBOL, T, 'T');
    if (TACCUM !== 'float') throw new DeviceFault('not-supported', `TACCUM = ${TACCUM} is not simulated (softmax_lse and accumulation in float)`);
    elementDType(SYMBOL, TID, 'TID', ['int32']);
    const computeTypes = (loadCatalog().knobsFor(KUNLUN, SYMBOL)[0]?.spec.values ?? []).map((x) => String(x.value ?? x.member));
    if (!computeTypes.includes(TGEMM)) throw new DeviceFault('invalid-value', `TGEMM = '${TGEMM}' is not one of ${computeTypes.join(', ')}`);
    const op = beginOp(call, ctx, [{ symbol: SYMBOL, param: 'TGEMM', value: TGEMM }]);
    if (p_dropout !== 0) throw new DeviceFault('not-supported', `p_dropout = ${p_dropout}: dropout is not simulated (its random bits could not match the device's; seed ${seed})`);
    requireNull(attn_mask, 'attn_mask', 'its layout for packed variable-length batches is not documented');
    requireNull(bias, 'bias', 'its layout for packed variable-length batches is not documented');
    const [H, Hk, D] = [requireCount(head_num, 'head_num'), requireCount(head_num_k, 'head_num_k'), requireCount(head_dim, 'head_dim')];
    const [maxQ, maxK] = [requireCount(max_seqlen_q, 'max_seqlen_q'), requireCount(max_seqlen_k, 'max_seqlen_k')];
    const qLod = lodOffsets(lod_seqlens_q, 'lod_seqlens_q');
    const kLod = lodOffsets(lod_seqlens_k, 'lod_seqlens_k');
    if (qLod.length !== kLod.length) throw new DeviceFault('invalid-value', `lod_seqlens_q has ${qLod.length - 1} sequences but lod_seqlens_k has ${kLod.length - 1}`);
    const batch = qLod.length - 1;
    const qAll = deviceOperand(op, q, 'q', dtype, [qLod[batch], H, D]);
    const kAll = deviceOperand(op, k, 'k', dtype, [kLod[batch], Hk, D]);
    const vAll = deviceOperand(op, v, 'v', dtype, [kLod[batch], Hk, D]);
    const outAll = deviceOperand(op, out, 'out', dtype, [qLod[batch], H, D]);
    const lse = deviceOperand(op, softmax_lse, 'softmax_lse', 'float32', [batch, H, maxQ]);
    // The GEMM compute types are float formats here, so input max pointers do not change the math.
    const maxReads = [maxInput(op, q_maxptr, 'q_maxptr'), maxInput(op, k_maxptr, 'k_maxptr'), maxInput(op, v_maxptr, 'v_maxptr')]
      .filter((m) => m !== undefined)
      .map((m) => m.operand);
    const oMax = maxOutput(op, o_maxptr, 'o_maxptr');

    for (let b = 0; b < batch; b++) {
      const [sq, sk] = [qLod[b + 1] - qLod[b], kLod[b + 1] - kLod[b]];
      if (sq > maxQ || sk > maxK) throw new DeviceFault('invalid-value', `sequence ${b} has ${sq} queries and ${sk} keys, more than max_seqlen_q = ${maxQ} / max_seqlen_k = ${maxK}`);
      if (is_causal && sq !== sk) {
        throw new DeviceFault('not-supported', `sequence ${b}: causal attention with ${sq} queries and ${sk} keys (XDNN's causal mask alignment for unequal lengths is not documented)`);
      }
      if (sq === 0) continue;
      const lseRows = deviceOperand(op, lse.ptr.plus(b * H * maxQ * 4), 'softmax_lse', 'float32', [1, H, sq], [0, maxQ, 1]);
      launch(
        op,
        'Attention',
        [sequenceView(op, qAll, qLod[b], qLod[b + 1], H, D, 'q'), sequenceView(op, kAll, kLod[b], kLod[b + 1], Hk, D, 'k'), sequenceView(op, vAll, kLod[b], kLod[b + 1], Hk, D, 'v')],
        { is_causal: is_causal ? 1 : 0, qk_matmul_output_mode: 2, ...(softmax_scale !== 0 ? { scale: softmax_scale } : {}) },
        [sequenceView(op, outAll, qLod[b], qLod[b + 1], H, D, 'out'), lseRows],
        { reads: maxReads, flops: 4 * H * sq * sk * D, finish: ([y, , , scores]) => [y, logSumExp(op, scores)] },
      );
    }
    if (oMax) launch(op, 'Abs', [outAll], {}, [oMax], { finish: ([abs]) => [absMax(op, abs)] });
  });
}
