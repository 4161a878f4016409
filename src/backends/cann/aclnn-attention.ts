/**
 * aclnn fused attention (ops-transformer): FlashAttentionScore (training forward) and
 * FusedInferAttentionScoreV2 (inference), both onto the canonical Attention operator.
 *
 * Layouts (inputLayout): BNSD is Attention's own; BSND is a permuted view; BSH and SBH are
 * re-strided to (B, S, N, D) views and permuted, so no data is copied. GQA is Attention's
 * kv_num_heads. Masks: CANN masks where attenMask is 1, ONNX attends where a bool mask is true,
 * so the mask is inverted (Where) before the call; the realShift (pse) term enters
 * scale * (pse + Q Kᵀ) and is passed as Attention's additive mask scale * pse. sparseMode 0 and
 * 1 use attenMask as given (pre/nextTokens must agree with it, the doc says, so they add
 * nothing); 2 (leftUpCausal) and 3 (rightDownCausal) mask causally aligned to the top-left or
 * bottom-right corner; the band and prefix modes 4-6 are not simulated. Without attenMask the
 * doc says the whole score matrix is computed, whatever the mode.
 *
 * FlashAttentionScore's softmaxMaxOut / softmaxSumOut (per-row max and sum of exp, replicated
 * 8 times) and FusedInferAttentionScoreV2's softmaxLse are not outputs of Attention; they are
 * computed from the same scores with canonical MatMul, Mul, Add, ReduceMax, Sub, Exp, ReduceSum
 * (and Log) launches.
 */
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { Tensor } from '../../runtime/tensor.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclIntArray, AclTensor, AclTensorList } from './acl-tensor.js';
import { FLOATS, optionalIntArrayArg, optionalTensorArg, requireDType, requireSameDType, requireShape, tensorArg, tensorListArg } from './aclnn-args.js';
import { execute, prepare, type AclnnPlan, type AclOpExecutor, type RunContext } from './aclnn-executor.js';
import { castTo, constant, glue, int64s, launch, operand, restrided } from './aclnn-launch.js';
import { cannProfile, floatPartials } from './aclnn-plan.js';
import type { aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

type Layout = 'BNSD' | 'BSND' | 'BSH' | 'SBH';

interface Heads {
  readonly batch: number;
  readonly heads: number;
  readonly seq: number;
  readonly dim: number;
}

function layoutArg(value: unknown, allowed: readonly Layout[]): Layout {
  if (typeof value !== 'string') throw new DeviceFault('null-pointer', 'inputLayout is null');
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DeviceFault('not-supported', `inputLayout "${value}" is not simulated; supported: ${allowed.join(', ')}`);
  }
  return value as Layout;
}

/** (batch, heads, seq, dim) of a tensor in `layout`; `heads` is needed to split H for BSH / SBH. */
function headsOf(t: AclTensor, name: string, layout: Layout, heads: number | undefined, dim: number | undefined): Heads {
  const d = t.viewDims;
  const rank = layout === 'BSH' || layout === 'SBH' ? 3 : 4;
  if (t.rank !== rank) throw new DeviceFault('invalid-value', `${name} is ${t.rank}-D [${d.join(', ')}] but layout ${layout} is ${rank}-D`);
  if (layout === 'BNSD') return { batch: d[0], heads: d[1], seq: d[2], dim: d[3] };
  if (layout === 'BSND') return { batch: d[0], heads: d[2], seq: d[1], dim: d[3] };
  const H = d[2];
  const n = heads ?? (dim ? H / dim : undefined);
  if (!n || !Number.isInteger(n) || H % n !== 0) throw new DeviceFault('invalid-value', `${name}'s hidden size ${H} does not split into ${n ?? '?'} heads`);
  return layout === 'BSH' ? { batch: d[0], heads: n, seq: d[1], dim: H / n } : { batch: d[1], heads: n, seq: d[0], dim: H / n };
}

/** The operand as a (B, N, S, D) view over the same device memory. */
function bnsd(o: DeviceOperand, layout: Layout, h: Heads): DeviceOperand {
  const v = o.view;
  if (layout === 'BNSD') return o;
  if (layout === 'BSND') return restrided(o, [h.batch, h.heads, h.seq, h.dim], [v.strides[0], v.strides[2], v.strides[1], v.strides[3]]);
  const [s0, s1, s2] = v.strides;
  if (layout === 'BSH') return restrided(o, [h.batch, h.heads, h.seq, h.dim], [s0, h.dim * s2, s1, s2]);
  return restrided(o, [h.batch, h.heads, h.seq, h.dim], [s1, h.dim * s2, s0, s2]); // SBH
}

function shapeIn(layout: Layout, h: Heads): number[] {
  switch (layout) {
    case 'BNSD':
      return [h.batch, h.heads, h.seq, h.dim];
    case 'BSND':
      return [h.batch, h.seq, h.heads, h.dim];
    case 'BSH':
      return [h.batch, h.seq, h.heads * h.dim];
    case 'SBH':
      return [h.seq, h.batch, h.heads * h.dim];
  }
}

interface AttentionSpec {
  readonly layout: Layout;
  readonly q: AclTensor;
  readonly k: AclTensor;
  readonly v: AclTensor;
  readonly out: AclTensor;
  readonly qh: Heads;
  readonly kh: Heads;
  readonly vh: Heads;
  readonly scale: number;
  readonly mask: AclTensor | undefined;
  readonly pse: AclTensor | undefined;
  readonly sparseMode: number;
  /** Per-row softmax statistics the caller asked for. */
  readonly softmaxMax?: AclTensor;
  readonly softmaxSum?: AclTensor;
  readonly softmaxLse?: AclTensor;
}

function validate(s: Omit<AttentionSpec, 'qh' | 'kh' | 'vh'> & { heads: number; kvHeads?: number }): AttentionSpec {
  requireDType(s.q, 'query', FLOATS);
  requireSameDType(s.q, 'query', s.k, 'key');
  requireSameDType(s.q, 'query', s.v, 'value');
  requireSameDType(s.q, 'query', s.out, 'attentionOut');
  if (!Number.isInteger(s.heads) || s.heads < 1 || s.heads > 256) throw new DeviceFault('invalid-value', `the head count ${s.heads} must lie in 1..256`);
  const qh = headsOf(s.q, 'query', s.layout, s.heads, undefined);
  if (qh.heads !== s.heads) throw new DeviceFault('invalid-value', `query has ${qh.heads} heads but the head count argument is ${s.heads}`);
  const kh = headsOf(s.k, 'key', s.layout, s.kvHeads, qh.dim);
  const vh = headsOf(s.v, 'value', s.layout, kh.heads, undefined);
  if (kh.batch !== qh.batch || vh.batch !== qh.batch) throw new DeviceFault('invalid-value', `query, key and value must share the batch size (${qh.batch}, ${kh.batch}, ${vh.batch})`);
  if (kh.dim !== qh.dim || vh.dim > kh.dim) throw new DeviceFault('invalid-value', `head dims must satisfy qD == kD >= vD (got ${qh.dim}, ${kh.dim}, ${vh.dim})`);
  if (kh.heads !== vh.heads || kh.seq !== vh.seq) throw new DeviceFault('invalid-value', 'key and value must agree in every dimension but D');
  if (qh.heads % kh.heads !== 0) throw new DeviceFault('invalid-value', `query heads (${qh.heads}) must be a multiple of key/value heads (${kh.heads})`);
  if (!(s.scale > 0 && Number.isFinite(s.scale))) throw new DeviceFault('invalid-value', `scaleValue must be a positive number, got ${s.scale}`);
  requireShape(s.out, 'attentionOut', shapeIn(s.layout, { ...qh, dim: vh.dim }));
  if (s.mask && ![2, 3].includes(s.sparseMode)) {
    requireDType(s.mask, 'attenMask', ['bool', 'uint8']);
    const m = s.mask.viewDims;
    const ok =
      (s.mask.rank === 2 && m[0] === qh.seq && m[1] === kh.seq) ||
      (s.mask.rank === 4 && [1, qh.batch].includes(m[0]) && [1, qh.heads].includes(m[1]) && m[2] === qh.seq && m[3] === kh.seq);
    if (!ok) throw new DeviceFault('invalid-value', `attenMask [${m.join(', ')}] must be [B|1, N|1, ${qh.seq}, ${kh.seq}] or [${qh.seq}, ${kh.seq}]`);
  }
  if (s.mask && ![0, 1, 2, 3].includes(s.sparseMode)) {
    throw new DeviceFault('not-supported', `sparseMode ${s.sparseMode} (band / prefix) is not simulated; 0, 1, 2 and 3 are`);
  }
  if (s.pse) requireSameDType(s.q, 'query', s.pse, 'realShift');
  for (const [t, name, last] of [[s.softmaxMax, 'softmaxMaxOut', 8], [s.softmaxSum, 'softmaxSumOut', 8], [s.softmaxLse, 'softmaxLse', 1]] as const) {
    if (!t) continue;
    requireDType(t, name, ['float32']);
    requireShape(t, name, [qh.batch, qh.heads, qh.seq, last]);
  }
  return { ...s, qh, kh, vh };
}

/** keep[i][j] for the causal sparse modes: key j is visible to query i. */
function causalKeep(sq: number, skv: number, bottomRight: boolean): Tensor {
  const shift = bottomRight ? skv - sq : 0;
  const keep = new Uint8Array(sq * skv);
  for (let i = 0; i < sq; i++) for (let j = 0; j < skv; j++) keep[i * skv + j] = j <= i + shift ? 1 : 0;
  return new Tensor(keep, 'bool', [sq, skv]);
}

/** Attention's attn_mask for this call: a bool "attend" mask, or an additive one when pse is given. */
function attentionMask(run: RunContext, s: AttentionSpec, profile: NumericProfile, reads: DeviceOperand[]): Tensor | DeviceOperand | undefined {
  let keep: Tensor | undefined;
  if (s.mask && (s.sparseMode === 2 || s.sparseMode === 3)) {
    keep = causalKeep(s.qh.seq, s.kh.seq, s.sparseMode === 3);
  } else if (s.mask) {
    const m = operand(run, s.mask);
    reads.push(m);
    const masked = castTo(run, m.view, 'bool', profile);
    keep = glue(run, 'Where', [masked, constant(0, 'bool'), constant(1, 'bool')], {}, profile)[0];
  }
  if (!s.pse) return keep;
  const pse = operand(run, s.pse);
  const shift = launch(run, { op: 'Mul', inputs: [pse, constant(s.scale, s.q.dtype)], outputs: [undefined], profile }).results[0];
  if (!keep) return shift;
  return glue(run, 'Where', [keep, shift, constant(-Infinity, s.q.dtype)], {}, profile)[0];
}

/** Per-row max and sum of exp of the masked, scaled scores, in float32, by canonical operators. */
function softmaxStatistics(run: RunContext, s: AttentionSpec, q: DeviceOperand, k: DeviceOperand, mask: Tensor | DeviceOperand | undefined, profile: NumericProfile): { max: Tensor; sum: Tensor } {
  const group = s.qh.heads / s.kh.heads;
  // Each query head reads key head h / group (a stride-0 view, materialised by reshape).
  const kv = k.view;
  const expanded = new Tensor(kv.storage, kv.dtype, [s.kh.batch, s.kh.heads, group, s.kh.seq, s.kh.dim], [kv.strides[0], kv.strides[1], 0, kv.strides[2], kv.strides[3]], kv.offset)
    .reshape([s.qh.batch, s.qh.heads, s.kh.seq, s.kh.dim])
    .transpose(-2, -1);
  const raw = launch(run, { op: 'MatMul', inputs: [q, expanded], outputs: [undefined], profile, reads: [k], flops: 2 * s.qh.batch * s.qh.heads * s.qh.seq * s.kh.seq * s.qh.dim }).results[0];
  const scores32 = castTo(run, raw, 'float32', profile);
  let scores = launch(run, { op: 'Mul', inputs: [scores32, constant(s.scale, 'float32')], outputs: [undefined], profile }).results[0];
  const m = mask && 'view' in mask ? mask.view : mask;
  if (m && m.dtype === 'bool') scores = glue(run, 'Where', [m, scores, constant(-Infinity, 'float32')], {}, profile)[0];
  else if (m) scores = launch(run, { op: 'Add', inputs: [scores, castTo(run, m, 'float32', profile)], outputs: [undefined], profile }).results[0];
  const max = launch(run, { op: 'ReduceMax', inputs: [scores, int64s([3])], attributes: { keepdims: 1 }, outputs: [undefined], profile }).results[0];
  const shifted = launch(run, { op: 'Sub', inputs: [scores, max], outputs: [undefined], profile }).results[0];
  const exp = launch(run, { op: 'Exp', inputs: [shifted], outputs: [undefined], profile }).results[0];
  const sum = launch(run, { op: 'ReduceSum', inputs: [exp, int64s([3])], attributes: { keepdims: 1 }, outputs: [undefined], profile }).results[0];
  return { max, sum };
}

function attentionPlan(s: AttentionSpec): AclnnPlan {
  const profile = cannProfile();
  const { batch, heads, seq } = s.qh;
  return {
    workspaceSize: floatPartials(2 * batch * heads * seq),
    uses: [s.q, s.k, s.v, s.out, s.mask, s.pse, s.softmaxMax, s.softmaxSum, s.softmaxLse],
    run: (run) => {
      const reads: DeviceOperand[] = [];
      const q = bnsd(operand(run, s.q), s.layout, s.qh);
      const k = bnsd(operand(run, s.k), s.layout, s.kh);
      const v = bnsd(operand(run, s.v), s.layout, s.vh);
      const out = bnsd(operand(run, s.out), s.layout, { ...s.qh, dim: s.vh.dim });
      const mask = attentionMask(run, s, profile, reads);
      launch(run, {
        op: 'Attention',
        inputs: [q, k, v, mask],
        attributes: { scale: s.scale, q_num_heads: s.qh.heads, kv_num_heads: s.kh.heads },
        outputs: [out],
        profile,
        reads,
        flops: 2 * batch * heads * seq * s.kh.seq * (s.qh.dim + s.vh.dim),
      });
      if (!s.softmaxMax && !s.softmaxSum && !s.softmaxLse) return;
      const stats = softmaxStatistics(run, s, q, k, mask, profile);
      const eight = int64s([batch, heads, seq, 8]);
      if (s.softmaxMax) launch(run, { op: 'Expand', inputs: [stats.max, eight], outputs: [operand(run, s.softmaxMax)], profile });
      if (s.softmaxSum) launch(run, { op: 'Expand', inputs: [stats.sum, eight], outputs: [operand(run, s.softmaxSum)], profile });
      if (s.softmaxLse) {
        const logSum = launch(run, { op: 'Log', inputs: [stats.sum], outputs: [undefined], profile }).results[0];
        launch(run, { op: 'Add', inputs: [stats.max, logSum], outputs: [operand(run, s.softmaxLse)], profile });
      }
    },
  };
}

function requireAbsent(values: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) throw new DeviceFault('not-supported', `${name} is not simulated (quantised, paged or variable-length attention); pass nullptr`);
  }
}

export function aclnnFlashAttentionScoreGetWorkspaceSize(
  query: AclTensor,
  key: AclTensor,
  value: AclTensor,
  realShiftOptional: AclTensor | null,
  dropMaskOptional: AclTensor | null,
  paddingMaskOptional: AclTensor | null,
  attenMaskOptional: AclTensor | null,
  prefixOptional: AclIntArray | null,
  scaleValue: number,
  keepProb: number,
  preTokens: number,
  nextTokens: number,
  headNum: number,
  inputLayout: string,
  innerPrecise: number,
  sparseMode: number,
  softmaxMaxOut: AclTensor | null,
  softmaxSumOut: AclTensor | null,
  softmaxOutOut: AclTensor | null,
  attentionOutOut: AclTensor,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnFlashAttentionScoreGetWorkspaceSize', workspaceSize, executor, () => {
    const layout = layoutArg(inputLayout, ['BNSD', 'BSND', 'BSH', 'SBH']);
    if (!(keepProb > 0 && keepProb <= 1)) throw new DeviceFault('invalid-value', `keepProb must lie in (0, 1], got ${keepProb}`);
    if (keepProb !== 1) throw new DeviceFault('not-supported', `keepProb ${keepProb}: attention dropout (dropMaskOptional) is not simulated; pass 1`);
    optionalTensorArg(dropMaskOptional, 'dropMaskOptional');
    optionalTensorArg(paddingMaskOptional, 'paddingMaskOptional');
    optionalIntArrayArg(prefixOptional, 'prefixOptional');
    optionalTensorArg(softmaxOutOut, 'softmaxOutOut');
    for (const [v, name] of [[preTokens, 'preTokens'], [nextTokens, 'nextTokens'], [innerPrecise, 'innerPrecise'], [sparseMode, 'sparseMode']] as const) {
      if (!Number.isInteger(v)) throw new DeviceFault('invalid-value', `${name} must be an integer, got ${v}`);
    }
    if (![0, 1, 2].includes(innerPrecise)) throw new DeviceFault('invalid-value', `innerPrecise must be 0, 1 or 2, got ${innerPrecise}`);
    if (sparseMode < 0 || sparseMode > 6) throw new DeviceFault('invalid-value', `sparseMode must lie in 0..6, got ${sparseMode}`);
    const spec = validate({
      layout,
      q: tensorArg(query, 'query'),
      k: tensorArg(key, 'key'),
      v: tensorArg(value, 'value'),
      out: tensorArg(attentionOutOut, 'attentionOutOut'),
      heads: headNum,
      scale: scaleValue,
      mask: optionalTensorArg(attenMaskOptional, 'attenMaskOptional'),
      pse: optionalTensorArg(realShiftOptional, 'realShiftOptional'),
      sparseMode,
      softmaxMax: optionalTensorArg(softmaxMaxOut, 'softmaxMaxOut'),
      softmaxSum: optionalTensorArg(softmaxSumOut, 'softmaxSumOut'),
    });
    return attentionPlan(spec);
  });
}
export function aclnnFlashAttentionScore(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnFlashAttentionScore', workspace, workspaceSize, executor, stream);
}

function singleTensor(list: AclTensorList, name: string): AclTensor {
  if (list.tensors.length !== 1) {
    throw new DeviceFault('not-supported', `${name} holds ${list.tensors.length} tensors: a per-batch tensor-list KV cache is not simulated; pass one tensor`);
  }
  return list.tensors[0];
}

export function aclnnFusedInferAttentionScoreV2GetWorkspaceSize(
  query: AclTensor,
  key: AclTensorList,
  value: AclTensorList,
  pseShiftOptional: AclTensor | null,
  attenMaskOptional: AclTensor | null,
  actualSeqLengthsOptional: AclIntArray | null,
  actualSeqLengthsKvOptional: AclIntArray | null,
  deqScale1Optional: AclTensor | null,
  quantScale1Optional: AclTensor | null,
  deqScale2Optional: AclTensor | null,
  quantScale2Optional: AclTensor | null,
  quantOffset2Optional: AclTensor | null,
  antiquantScaleOptional: AclTensor | null,
  antiquantOffsetOptional: AclTensor | null,
  blockTableOptional: AclTensor | null,
  queryPaddingSizeOptional: AclTensor | null,
  kvPaddingSizeOptional: AclTensor | null,
  keyAntiquantScaleOptional: AclTensor | null,
  keyAntiquantOffsetOptional: AclTensor | null,
  valueAntiquantScaleOptional: AclTensor | null,
  valueAntiquantOffsetOptional: AclTensor | null,
  keySharedPrefixOptional: AclTensor | null,
  valueSharedPrefixOptional: AclTensor | null,
  actualSharedPrefixLenOptional: AclIntArray | null,
  numHeads: number,
  scaleValue: number,
  preTokens: number,
  nextTokens: number,
  inputLayout: string,
  numKeyValueHeads: number,
  sparseMode: number,
  innerPrecise: number,
  blockSize: number,
  antiquantMode: number,
  softmaxLseFlag: boolean,
  keyAntiquantMode: number,
  valueAntiquantMode: number,
  attentionOut: AclTensor,
  softmaxLse: AclTensor | null,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnFusedInferAttentionScoreV2GetWorkspaceSize', workspaceSize, executor, () => {
    const layout = layoutArg(inputLayout, ['BNSD', 'BSND', 'BSH']);
    requireAbsent({
      pseShiftOptional,
      actualSeqLengthsOptional,
      actualSeqLengthsKvOptional,
      deqScale1Optional,
      quantScale1Optional,
      deqScale2Optional,
      quantScale2Optional,
      quantOffset2Optional,
      antiquantScaleOptional,
      antiquantOffsetOptional,
      blockTableOptional,
      queryPaddingSizeOptional,
      kvPaddingSizeOptional,
      keyAntiquantScaleOptional,
      keyAntiquantOffsetOptional,
      valueAntiquantScaleOptional,
      valueAntiquantOffsetOptional,
      keySharedPrefixOptional,
      valueSharedPrefixOptional,
      actualSharedPrefixLenOptional,
    });
    for (const [v, name] of [[preTokens, 'preTokens'], [nextTokens, 'nextTokens'], [innerPrecise, 'innerPrecise'], [blockSize, 'blockSize'], [antiquantMode, 'antiquantMode'], [keyAntiquantMode, 'keyAntiquantMode'], [valueAntiquantMode, 'valueAntiquantMode']] as const) {
      if (!Number.isInteger(v)) throw new DeviceFault('invalid-value', `${name} must be an integer, got ${v}`);
    }
    if (!Number.isInteger(numKeyValueHeads) || numKeyValueHeads < 0) throw new DeviceFault('invalid-value', `numKeyValueHeads must be >= 0 (0 means numHeads), got ${numKeyValueHeads}`);
    const lse = softmaxLseFlag ? tensorArg(softmaxLse, 'softmaxLse') : undefined;
    const spec = validate({
      layout,
      q: tensorArg(query, 'query'),
      k: singleTensor(tensorListArg(key, 'key'), 'key'),
      v: singleTensor(tensorListArg(value, 'value'), 'value'),
      out: tensorArg(attentionOut, 'attentionOut'),
      heads: numHeads,
      kvHeads: numKeyValueHeads === 0 ? numHeads : numKeyValueHeads,
      scale: scaleValue,
      mask: optionalTensorArg(attenMaskOptional, 'attenMaskOptional'),
      pse: undefined,
      sparseMode,
      softmaxLse: lse,
    });
    const plan = attentionPlan(spec);
    return { ...plan, uses: [...plan.uses, key, value] };
  });
}
export function aclnnFusedInferAttentionScoreV2(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnFusedInferAttentionScoreV2', workspace, workspaceSize, executor, stream);
}

