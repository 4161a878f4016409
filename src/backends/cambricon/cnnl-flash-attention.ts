/**
 * CNNL flash attention (varlen, packed): q [total_q, heads, head_dim], k / v
 * [total_k, kv_heads, head_dim], cumulative sequence offsets cu_seqlens_q / cu_seqlens_k
 * (int32, batch + 1), out like q. Each sequence runs the canonical Attention on views
 * (1, heads, seq, dim) of the packed tensors, so a call records one Attention per sequence.
 * softmax_lse [heads, total_q] (float32) receives the per-row log-sum-exp of the scaled,
 * masked scores, computed as glue from Attention's qk_matmul_output in float32.
 * Not simulated: dropout (no random mask in the canonical operator), return_softmax, the
 * non-packed mode, and causal masks between sequences of different query and key lengths
 * (whether CNNL aligns those top-left or bottom-right is not documented).
 */
import type { DType } from '../../runtime/dtype.js';
import { GOLDEN_PROFILE } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import { dtypeOfMeaning, enumMeaning, enumName } from './catalog-enums.js';
import { requireCatalogDType } from './catalog-dtypes.js';
import type { cnnlActivationPreference_t, cnnlAttentionMaskMode_t, cnnlDataType_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { castTo, type GlueContext } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { requireTensorDescriptor, tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { float32Staging, requireWorkspace } from './cnnl-workspace.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor, setOpDescriptor } from './op-descriptor.js';
import { formatShape } from './shapes.js';

const KIND = 'cnnlFlashAttentionDescriptor_t';

interface FlashAttentionSettings {
  readonly computeDtype: DType;
  readonly causal: boolean;
  readonly maxSeqlenQ: number;
  readonly maxSeqlenK: number;
  readonly scale: number;
}

export type cnnlFlashAttentionDescriptor_t = CnnlOpDescriptor<FlashAttentionSettings>;

/** ONNX TensorProto codes for Attention's softmax_precision. */
const ONNX_FLOAT_CODE: Partial<Record<DType, number>> = { float32: 1, float16: 10, float64: 11, bfloat16: 16 };

export function cnnlCreateFlashAttentionDescriptor(desc: Ref<cnnlFlashAttentionDescriptor_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlCreateFlashAttentionDescriptor', KIND, desc);
}

export function cnnlDestroyFlashAttentionDescriptor(desc: cnnlFlashAttentionDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyFlashAttentionDescriptor', KIND, desc);
}

export function cnnlSetFlashAttentionDescriptor(
  desc: cnnlFlashAttentionDescriptor_t,
  compute_dtype: cnnlDataType_t,
  prefer: cnnlActivationPreference_t,
  attn_mask_mode: cnnlAttentionMaskMode_t,
  is_pack_mode: boolean,
  is_out_zero: boolean,
  return_softmax: boolean,
  max_seqlen_q: number,
  max_seqlen_k: number,
  dropout: number,
  softmax_scale: number,
): cnnlStatus_t {
  return cnnlCall('cnnlSetFlashAttentionDescriptor', () => {
    const computeDtype = dtypeOfMeaning(enumMeaning('cnnlDataType_t', compute_dtype));
    if (!computeDtype || ONNX_FLOAT_CODE[computeDtype] === undefined) throw new DeviceFault('invalid-value', `compute_dtype ${enumName('cnnlDataType_t', compute_dtype)} is not a float type`);
    if (enumMeaning('cnnlActivationPreference_t', prefer) === undefined) throw new DeviceFault('invalid-value', `${String(prefer)} is not a cnnlActivationPreference_t value`);
    const mask = enumMeaning('cnnlAttentionMaskMode_t', attn_mask_mode);
    if (mask === undefined) throw new DeviceFault('invalid-value', `${String(attn_mask_mode)} is not a cnnlAttentionMaskMode_t value`);
    if (!is_pack_mode) throw new DeviceFault('not-supported', 'only the packed (varlen) mode is simulated: pass is_pack_mode = true, as every caller does');
    if (return_softmax) throw new DeviceFault('not-supported', 'return_softmax (the dropout mask / probabilities output) is not simulated');
    if (typeof dropout !== 'number' || dropout !== 0) throw new DeviceFault('not-supported', `dropout ${dropout}: attention dropout is not simulated (pass 0)`);
    for (const [name, v] of [['max_seqlen_q', max_seqlen_q], ['max_seqlen_k', max_seqlen_k]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new DeviceFault('invalid-value', `${name} must be a positive integer, got ${v}`);
    }
    if (typeof softmax_scale !== 'number' || !(softmax_scale > 0)) throw new DeviceFault('invalid-value', `softmax_scale must be positive, got ${softmax_scale}`);
    void is_out_zero; // zeroing the output of empty sequences: every simulated sequence writes its rows
    setOpDescriptor<FlashAttentionSettings>(desc, KIND, {
      computeDtype,
      causal: mask === 'attn-mask.causal',
      maxSeqlenQ: max_seqlen_q,
      maxSeqlenK: max_seqlen_k,
      scale: Math.fround(softmax_scale),
    });
  });
}

/** Float32 row statistics (max and sum) per query row and head (opbridge's workspace model). */
function flashWorkspace(q: readonly number[]): number {
  return float32Staging(2 * q[0] * q[1]);
}

export function cnnlGetFlashAttentionForwardWorkspaceSize(
  handle: cnnlHandle_t,
  fa_desc: cnnlFlashAttentionDescriptor_t,
  q_desc: cnnlTensorDescriptor_t,
  k_desc: cnnlTensorDescriptor_t,
  v_desc: cnnlTensorDescriptor_t,
  size: Ref<number>,
): cnnlStatus_t {
  return cnnlCall('cnnlGetFlashAttentionForwardWorkspaceSize', () => {
    requireHandle(handle);
    descriptorSettings(fa_desc, KIND, 'cnnlSetFlashAttentionDescriptor');
    const q = requireTensorDescriptor(q_desc, 'q_desc');
    requireTensorDescriptor(k_desc, 'k_desc');
    requireTensorDescriptor(v_desc, 'v_desc');
    if (q.dims.length !== 3) throw new DeviceFault('invalid-value', `q_desc must be [total_q, heads, head_dim], got ${formatShape(q.dims)}`);
    requireOutRef(size, 'size').value = flashWorkspace(q.dims);
  });
}

/** Sequence boundaries from a cu_seqlens tensor (int32, batch + 1, non-decreasing, from 0). */
function offsets(operand: DeviceOperand, total: number, what: string): number[] {
  const values = operand.view.toFlatArray();
  if (operand.view.dtype !== 'int32' || operand.view.rank !== 1 || values.length < 2) throw new DeviceFault('invalid-value', `${what} must be an int32 [batch + 1] tensor`);
  if (values[0] !== 0 || values.some((v, i) => i > 0 && v < values[i - 1]) || values[values.length - 1] !== total) {
    throw new DeviceFault('invalid-value', `${what} [${values.join(', ')}] must rise from 0 to the packed length ${total}`);
  }
  return values;
}

/** (start..end) rows of a packed [tokens, heads, dim] tensor as (1, heads, rows, dim). */
function sequenceView(operand: DeviceOperand, start: number, end: number): DeviceOperand {
  return { ptr: operand.ptr, view: operand.view.slice(0, start, end).permute([1, 0, 2]).unsqueeze(0) };
}

/** log Σ exp(scores) over the last axis, kept as a size-1 dim. */
function logSumExp(glue: GlueContext, scores: Tensor): Tensor {
  const options = { mode: glue.mode, profile: glue.mode === 'golden' ? GOLDEN_PROFILE : glue.profile };
  const last = Tensor.fromNumbers([scores.rank - 1], [1], 'int64');
  const [max] = runOp('ReduceMax', [scores, last], { keepdims: 1 }, options);
  const [shifted] = runOp('Sub', [scores, max], {}, options);
  const [exp] = runOp('Exp', [shifted], {}, options);
  const [sum] = runOp('ReduceSum', [exp, last], { keepdims: 1 }, options);
  const [log] = runOp('Log', [sum], {}, options);
  const [lse] = runOp('Add', [log, max], {}, options);
  return lse;
}

export function cnnlFlashAttentionForward(
  handle: cnnlHandle_t,
  fa_desc: cnnlFlashAttentionDescriptor_t,
  q_desc: cnnlTensorDescriptor_t,
  q: unknown,
  k_desc: cnnlTensorDescriptor_t,
  k: unknown,
  v_desc: cnnlTensorDescriptor_t,
  v: unknown,
  cu_seqlens_q_desc: cnnlTensorDescriptor_t,
  cu_seqlens_q: unknown,
  cu_seqlens_k_desc: cnnlTensorDescriptor_t,
  cu_seqlens_k: unknown,
  rng_state: unknown = null,
  workspace: unknown,
  workspace_size: number,
  dropout_mask_desc: cnnlTensorDescriptor_t | null = null,
  dropout_mask: unknown = null,
  softmax_lse_desc: cnnlTensorDescriptor_t | null,
  softmax_lse: unknown,
  out_desc: cnnlTensorDescriptor_t,
  out: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlFlashAttentionForward', (ctx) => {
    const h = requireHandle(handle);
    const s = descriptorSettings<FlashAttentionSettings>(fa_desc, KIND, 'cnnlSetFlashAttentionDescriptor');
    void [rng_state, dropout_mask_desc]; // dropout is rejected when the descriptor is set
    if (dropout_mask !== null && dropout_mask !== undefined) throw new DeviceFault('not-supported', 'the dropout mask output is not simulated (pass NULL)');
    const Q = tensorOperand(ctx.process, q_desc, q, 'q');
    const K = tensorOperand(ctx.process, k_desc, k, 'k');
    const V = tensorOperand(ctx.process, v_desc, v, 'v');
    const O = tensorOperand(ctx.process, out_desc, out, 'out');
    for (const [t, name] of [[Q, 'q'], [K, 'k'], [V, 'v'], [O, 'out']] as const) {
      if (t.view.rank !== 3) throw new DeviceFault('invalid-value', `${name} must be packed [tokens, heads, head_dim], got ${formatShape(t.view.shape)}`);
    }
    requireCatalogDType('cnnlFlashAttentionForward', Q.view.dtype, 'q / k / v');
    requireWorkspace(ctx, workspace, workspace_size, flashWorkspace(Q.view.shape), 'cnnlGetFlashAttentionForwardWorkspaceSize');
    const seqQ = tensorOperand(ctx.process, cu_seqlens_q_desc, cu_seqlens_q, 'cu_seqlens_q');
    const seqK = tensorOperand(ctx.process, cu_seqlens_k_desc, cu_seqlens_k, 'cu_seqlens_k');
    const qStarts = offsets(seqQ, Q.view.shape[0], 'cu_seqlens_q');
    const kStarts = offsets(seqK, K.view.shape[0], 'cu_seqlens_k');
    if (qStarts.length !== kStarts.length) throw new DeviceFault('invalid-value', `cu_seqlens_q and cu_seqlens_k describe ${qStarts.length - 1} and ${kStarts.length - 1} sequences`);
    const heads = Q.view.shape[1];
    const lse = softmax_lse === null || softmax_lse === undefined ? undefined : tensorOperand(ctx.process, softmax_lse_desc, softmax_lse, 'softmax_lse');
    if (lse && (lse.view.rank !== 2 || lse.view.shape[0] !== heads || lse.view.shape[1] !== Q.view.shape[0])) {
      throw new DeviceFault('invalid-value', `softmax_lse must be [heads, total_q] = [${heads}, ${Q.view.shape[0]}], got ${formatShape(lse.view.shape)}`);
    }
    const attributes = {
      is_causal: Number(s.causal),
      scale: s.scale,
      softmax_precision: ONNX_FLOAT_CODE[s.computeDtype],
    };
    for (let b = 0; b + 1 < qStarts.length; b++) {
      const [q0, q1, k0, k1] = [qStarts[b], qStarts[b + 1], kStarts[b], kStarts[b + 1]];
      if (q1 - q0 > s.maxSeqlenQ || k1 - k0 > s.maxSeqlenK) {
        throw new DeviceFault('invalid-value', `sequence ${b} has ${q1 - q0} queries and ${k1 - k0} keys, more than max_seqlen_q ${s.maxSeqlenQ} / max_seqlen_k ${s.maxSeqlenK}`);
      }
      if (s.causal && q1 - q0 !== k1 - k0) {
        throw new DeviceFault('not-supported', `causal attention between ${q1 - q0} queries and ${k1 - k0} keys: the mask alignment CNNL uses is not documented`);
      }
      if (q1 === q0) continue;
      const inputs = [sequenceView(Q, q0, q1), sequenceView(K, k0, k1), sequenceView(V, k0, k1)];
      const lseRows = lse ? { ptr: lse.ptr, view: lse.view.slice(1, q0, q1).unsqueeze(0).unsqueeze(3) } : undefined;
      launchCnnl(ctx, h, {
        op: 'Attention',
        inputs,
        attributes,
        outputs: [sequenceView(O, q0, q1), undefined, undefined, lseRows],
        reads: b === 0 ? [seqQ, seqK] : undefined,
        finish: (results, glue) => {
          if (!lseRows) return [results[0]];
          // Scores again in float32 (the outputs' dtype would round them), masked as the kernel masks them.
          const wide = inputs.map((t) => castTo(glue, t.view, 'float32'));
          const options = { mode: glue.mode, profile: glue.mode === 'golden' ? GOLDEN_PROFILE : glue.profile };
          const scores = runOp('Attention', wide, { ...attributes, softmax_precision: 1, qk_matmul_output_mode: 2 }, options)[3];
          return [results[0], undefined as never, undefined as never, castTo(glue, logSumExp(glue, scores), lseRows.view.dtype)];
        },
      });
    }
  });
}
