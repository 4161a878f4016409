/**
 * The canonical Attention operator (a cudnn-frontend sdpa node) → CANN
 * aclnnFusedInferAttentionScoreV2, the inference attention of ops-transformer (cann.md §4):
 *
 * - Layout: Q, K, V and O must all be packed BNSD or BSND (the [b, h, s, d] views of the
 *   frontend, read through their strides); the aclTensors are created in that layout (BSND as
 *   the permuted, packed view) and `inputLayout` names it. Other strides are declined.
 * - Heads: numHeads = Q's head count, numKeyValueHeads = K's (grouped-query attention).
 * - Scale: scaleValue = the sdpa attn_scale (1 when none was set).
 * - Causal: sparseMode 0 with an explicit attenMask [s_q, s_kv] in CANN's convention (1 = masked
 *   out: key j after query i), preTokens = 2147483647 and nextTokens = 0, which agree with it.
 *   The mask is built on the host and copied to the device before the call. A bottom-right
 *   causal mask is the same only when s_q = s_kv; otherwise it is declined.
 * - key / value are aclTensorLists of one tensor (aclDestroyTensorList destroys its tensors).
 * - Stats (set_generate_stats(true)) is the softmax log-sum-exp, FIA's softmaxLse [b, n, s, 1]
 *   in float32 (softmaxLseFlag = true).
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer, PreludeStatement } from '../../lower/lowerer.js';
import { isContiguous } from './cudnn-descriptors.js';
import { describable, lowerAclnn, memberFor, type AclnnArgument } from './aclnn-two-phase.js';

type Layout = 'BNSD' | 'BSND';

const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);
const sameSize = (a: Expr, b: Expr) => a.text === b.text || (numberOf(a) !== undefined && numberOf(a) === numberOf(b));

/** The view in `layout` order, when it is packed in that layout. */
function inLayout(view: TensorExpr, layout: Layout): TensorExpr | undefined {
  if (!describable(view) || view.dims.length !== 4) return undefined;
  const order = layout === 'BNSD' ? [0, 1, 2, 3] : [0, 2, 1, 3];
  const permuted = { ...view, dims: order.map((i) => view.dims[i]), strides: order.map((i) => view.strides[i]) };
  return isContiguous(permuted) ? permuted : undefined;
}

function plan(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
  if (invocation.kind !== 'operator' || invocation.operator !== 'Attention') return undefined;
  const symbol = invocation.origin.symbol;
  const decline = (reason: string): LowerResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
  const [q, k, v] = ['Q', 'K', 'V'].map((n) => invocation.inputs.get(n));
  const o = invocation.outputs.get('Y');
  const lse = invocation.outputs.get('softmax_lse');
  if (!q || !k || !v || !o || invocation.inputs.size !== 3 || [...invocation.outputs.keys()].some((n) => n !== 'Y' && n !== 'softmax_lse')) return undefined;
  if (![q, k, v, o].every(describable)) return undefined;
  const layout = (['BSND', 'BNSD'] as const).find((l) => [q, k, v, o].every((t) => inLayout(t, l)));
  if (!layout) return decline('Q, K, V and O are not all packed [b, h, s, d] (BNSD) or [b, s, h, d] (BSND) views; other strides are not ported');
  const [ql, kl, vl, ol] = [q, k, v, o].map((t) => inLayout(t, layout)!);
  const attribute = (name: string) => invocation.attributes.get(name);
  const scale = attribute('scale')?.expr;
  const causal = attribute('is_causal');
  const qHeads = attribute('q_num_heads')?.expr;
  const kvHeads = attribute('kv_num_heads')?.expr;
  if (!scale || !causal || !qHeads || !kvHeads) return undefined;
  if (!scale.pure) return decline(`the scale \`${scale.text}\` has side effects`);
  const [sq, skv] = [q.dims![2], k.dims![2]];
  const isCausal = numberOf(causal.expr) === 1;
  if (isCausal && causal.meaning === 'causal.bottom-right' && !sameSize(sq, skv)) return decline(`a bottom-right causal mask with s_q (${sq.text}) ≠ s_kv (${skv.text}) is not ported`);
  if (lse && !(lse.dtype?.meaning === 'dtype.float32' && describable(lse) && isContiguous(lse))) return decline('Stats is not a packed float32 [b, h, s, 1] tensor (FIA softmaxLse)');

  const v_ = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
  const t_ = (name: string) => ctx.names.type(name, ctx.style, undefined);
  const list = (items: readonly string[]) => `[${items.join(', ')}]`;
  const prelude: PreludeStatement[] = [];
  const epilogue: PreludeStatement[] = [];
  const symbols: string[] = [];
  const dtypeOf = (t: TensorExpr) => memberFor(ctx, 'aclDataType', t.dtype!.meaning!);
  const nd = memberFor(ctx, 'aclFormat', 'layout.nd');
  if (!nd || ![ql, kl, vl].every(dtypeOf)) return decline(`${ctx.target} has no data type for ${q.dtype?.meaning}`);
  // key and value: one-tensor aclTensorLists.
  const kvLists: string[] = [];
  for (const [t, stem] of [[kl, 'key'], [vl, 'value']] as const) {
    const tensor = ctx.fresh.fresh(`${stem}Tensor`);
    const tensorList = ctx.fresh.fresh(`${stem}List`);
    const dims = t.dims!.map((d) => d.text);
    prelude.push({ text: `const ${tensor} = ${v_('aclCreateTensor')}(${list(dims)}, 4, ${dtypeOf(t)}, ${list(t.strides!.map((s) => s.text))}, 0, ${nd}, ${list(dims)}, 4, ${t.ptr.text})!`, declares: true });
    prelude.push({ text: `const ${tensorList} = ${v_('aclCreateTensorList')}([${tensor}], 1)!`, declares: true });
    epilogue.push({ text: `${v_('aclDestroyTensorList')}(${tensorList})`, declares: false });
    symbols.push('aclCreateTensor', 'aclCreateTensorList');
    kvLists.push(tensorList);
  }
  let mask = 'null';
  if (isCausal) {
    const bool = memberFor(ctx, 'aclDataType', 'dtype.bool');
    if (!bool) return decline(`${ctx.target} has no bool data type for the attention mask`);
    const host = ctx.fresh.fresh('causalMaskHost');
    const device = ctx.fresh.fresh('causalMask');
    const tensor = ctx.fresh.fresh('causalMaskTensor');
    const [rows, cols] = [sq.text, skv.text];
    const shift = sameSize(sq, skv) ? '' : ` + ${cols} - ${rows}`;
    const bytes = `${host}.byteLength`;
    // CANN's attenMask: 1 masks the score out (key j after query i), 0 keeps it.
    prelude.push({ text: `const ${host} = new Uint8Array(${rows} * ${cols})`, declares: true });
    prelude.push({ text: `for (let i = 0; i < ${rows}; i++) ${host}.fill(1, i * ${cols} + i + 1${shift}, (i + 1) * ${cols})`, declares: false });
    prelude.push({ text: `const ${device} = ${v_('ref')}<${t_('DevicePtr')}>()`, declares: true });
    prelude.push({ text: `${v_('aclrtMalloc')}(${device}, ${bytes}, ${v_('ACL_MEM_MALLOC_HUGE_FIRST')})`, declares: false });
    prelude.push({ text: `${v_('aclrtMemcpy')}(${device}.value, ${bytes}, ${host}, ${bytes}, ${v_('ACL_MEMCPY_HOST_TO_DEVICE')})`, declares: false });
    prelude.push({ text: `const ${tensor} = ${v_('aclCreateTensor')}([${rows}, ${cols}], 2, ${bool}, [${cols}, 1], 0, ${nd}, [${rows}, ${cols}], 2, ${device}.value)!`, declares: true });
    epilogue.push({ text: `${v_('aclDestroyTensor')}(${tensor})`, declares: false }, { text: `${v_('aclrtFree')}(${device}.value)`, declares: false });
    symbols.push('aclrtMalloc', 'aclrtMemcpy', 'aclCreateTensor');
    mask = tensor;
  }
  const nulls = (n: number): AclnnArgument[] => Array.from({ length: n }, () => ({ kind: 'text', text: 'null' }));
  const args: AclnnArgument[] = [
    { kind: 'tensor', name: 'query', view: ql },
    { kind: 'text', text: kvLists[0] },
    { kind: 'text', text: kvLists[1] },
    { kind: 'text', text: 'null' }, // pseShift
    { kind: 'text', text: mask },
    ...nulls(19), // actual sequence lengths, quantisation, paged KV, shared prefix: none
    { kind: 'text', text: qHeads.text }, // numHeads
    { kind: 'text', text: scale.text }, // scaleValue
    { kind: 'text', text: '2147483647' }, // preTokens
    { kind: 'text', text: isCausal ? '0' : '2147483647' }, // nextTokens
    { kind: 'text', text: `'${layout}'` },
    { kind: 'text', text: kvHeads.text }, // numKeyValueHeads
    { kind: 'text', text: '0' }, // sparseMode: the mask as given
    { kind: 'text', text: '0' }, // innerPrecise: high precision
    { kind: 'text', text: '0' }, // blockSize: no paged KV
    { kind: 'text', text: '0' }, // antiquantMode
    { kind: 'text', text: lse ? 'true' : 'false' }, // softmaxLseFlag
    { kind: 'text', text: '0' }, // keyAntiquantMode
    { kind: 'text', text: '0' }, // valueAntiquantMode
    { kind: 'tensor', name: 'attentionOut', view: ol },
    lse ? { kind: 'tensor', name: 'softmaxLse', view: lse } : { kind: 'text', text: 'null' },
  ];
  const lowering = lowerAclnn({ op: 'aclnnFusedInferAttentionScoreV2', args }, invocation.stream, ctx);
  if ('error' in lowering) return decline(lowering.error);
  return {
    ok: true,
    lowering: {
      ...lowering,
      prelude: [...prelude, ...lowering.prelude],
      epilogue: [...(lowering.epilogue ?? []), ...epilogue],
      targetSymbols: [...symbols, ...lowering.targetSymbols.slice(0, -1), 'aclDestroyTensorList', ...lowering.targetSymbols.slice(-1)],
    },
  };
}

export const fusedInferAttentionLowerer: Lowerer = { name: 'sdpa → aclnnFusedInferAttentionScoreV2', lower: plan };
