/**
 * XDNN calls → canonical operators over tensor views (the inverse of xdnn/xdnn-plan.ts), read
 * from the arguments as Baidu's samples and Paddle write them:
 *
 * - fc_fusion<TX, TW, TY, TGEMM>(ctx, x, w, y, m, n, k, x_trans, w_trans, maxptrs, ldx, ldw, ldy,
 *   alpha, beta, bias, act) → `Gemm` over row-major views: op(x) is m×k with row stride ldx (x_trans:
 *   stored k×m, so the view has strides [1, ldx]), op(w) k×n likewise, y m×n with row stride ldy;
 *   C := y when beta ≠ 0; a bias is C broadcast along y's rows (beta 1); a fused RELU / GELU is the
 *   extension attribute `activation`; TGEMM tfloat32 → the TF32 compute type. Quantising TGEMMs
 *   (int16_t, int32_t, int_with_ll_t) and max pointers are declined: CUDA has no such GEMM.
 * - fc_batched → a 3-D `Gemm` of packed matrices a batch stride apart.
 * - cast<TX, TY> → Cast (`to` = TY); broadcast_mul / mul → `Mul`;
 * - broadcast_add / add → `Add` (in place when the output is an operand: A := C := that operand);
 *   scale with bias 0 → `Mul` by a host scalar; the axpy and dot chains over scratch buffers
 *   (xdnn-chains.ts) → `Add` with the call-level `alpha` (y := alpha·x + y) and `MatMul` of two
 *   vectors into a host 0-d result; the tanh GELU chain (mul / scale / mul / sigmoid / mul over a
 *   scratch buffer) → Gelu with approximate 'tanh', in place; the erf chain (scale, erf, scale,
 *   mul) → Gelu with approximate 'none'.
 * - softmax / log_softmax → Softmax / LogSoftmax; relu / sigmoid / tanh / silu over `len`
 *   elements; layer_norm / rms_layer_norm over the (m, n) view → LayerNormalization /
 *   RMSNormalization (axis 1); batch_norm_infer → BatchNormalization; max_pool2d → MaxPool;
 *   conv2d → Conv (NCHW; TGEMM tfloat32 / float → cuDNN's default / FMA math);
 * - mha_varlen_fwd over equal-length sequences (its softmax_lse a scratch, xdnn-chains.ts) →
 *   Attention over [b, h, s, d] views of packed [b, s, h, d] memory.
 *
 * The context argument becomes the CUDA handles its plan gives (xdnn-contexts.ts): `args.handle`
 * for cuBLAS, `args['cudnn-handle']` for cuDNN; the stream is the one the context was last given.
 * What is not read statically is declined with OB1019 and the reason.
 */
import { pending } from '../../diagnostics/port-diagnostics.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, Numerics, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { ts } from '../../syntax/typescript.js';
import { XDNN_LIFT_TARGETS } from './xdnn-lift-targets.js';
import type { StaticContext } from '../../context/static-context.js';
import { CHAIN_ANCHORS, chainOf, type Chain } from './xdnn-chains.js';
import { handlesOf, planOf, streamBefore } from './xdnn-contexts.js';
import { equalLengthOffsets } from '../dnn/equal-length-offsets.js';
import { asMovable, times, booleanOf, dtypeOf, exprOf as sourceExpr, isNull, listOf, numberOf, ONE, packed, pureArguments, templateTypes, type Lifted } from './xdnn-views.js';

type Structure = Pick<OpInvocation, 'operator' | 'inputs' | 'outputs' | 'attributes'> & { readonly numerics?: Numerics; readonly args?: readonly (readonly [string, Expr])[] };

const attrs = (entries: readonly (readonly [string, Expr])[]) => new Map<string, AttributeExpr>(entries.map(([k, expr]) => [k, { expr }]));
const fail = (reason: string): Lifted<never> => ({ ok: false, reason });

const UNARY: Readonly<Record<string, { operator: string; input: string; output: string }>> = {
  'xpu::relu': { operator: 'Relu', input: 'X', output: 'Y' },
  'xpu::sigmoid': { operator: 'Sigmoid', input: 'X', output: 'Y' },
  'xpu::tanh': { operator: 'Tanh', input: 'input', output: 'output' },
  'xpu::silu': { operator: 'Silu', input: 'X', output: 'Y' },
};

/** act_enum meanings fc_fusion fuses → the Gemm extension attribute `activation`. */
const ACTIVATIONS: Readonly<Record<string, string>> = { 'activation.relu': 'Relu', 'activation.gelu': 'Gelu', 'activation.sigmoid': 'Sigmoid', 'activation.tanh': 'Tanh' };

/**
 * `xpu.Activation_t.RELU` (the spelling the XDNN lowerers write: C++'s `xpu::Activation_t::RELU`,
 * an act_enum member reached through the struct) → the member's meaning in the catalog.
 */
function actMeaning(act: Expr | undefined, ctx: LiftContext): string | undefined {
  const node = act?.node;
  if (!node || !ts.isPropertyAccessExpression(node) || !/(^|\.)(Activation_t|act_enum)$/.test(node.expression.getText())) return undefined;
  const e = ctx.catalog.backend('kunlun').enums.get('xpu::Activation_t::act_enum');
  return e?.spec.members.find((m) => m.name === node.name.text)?.meaning;
}

/** TGEMM → numerics: float keeps fp32 accumulation, tfloat32 asks for TF32 (cuBLAS's fast-TF32 compute type). */
function gemmNumerics(types: readonly string[]): Lifted<Numerics> {
  const [tx, tw, ty, tgemm] = types;
  if (tx !== tw || tx !== ty) return fail(`x, w and y have the types ${tx}, ${tw}, ${ty}; CUDA's GEMMs here take one element type`);
  if (tgemm === 'tfloat32' && tx === 'float') return { ok: true, value: { computeType: { meaning: 'compute.32f-fast-tf32', from: 'argument' } } };
  if (tgemm === 'float' || tgemm === tx) return { ok: true, value: {} };
  return fail(`TGEMM \`${tgemm}\` quantises the operands (Paddle's int16 / int31 modes); cuBLAS has no GEMM with that rounding, so the result would differ`);
}

function fcFusion(call: SourceCall, ctx: LiftContext): Lifted<Structure> {
  const types = templateTypes(call.template);
  if (!types || types.length !== 4) return fail('the template arguments are not four type names');
  const numerics = gemmNumerics(types);
  if (!numerics.ok) return numerics;
  const dtype = dtypeOf(types[0]);
  if (!dtype) return fail(`the element type \`${types[0]}\` has no CUDA counterpart here`);
  const [, x, w, y, m, n, k, xTrans, wTrans, xMax, wMax, yMax, ldx, ldw, ldy, alpha, beta, bias, act] = call.args;
  if (!y || !ldy || !alpha || !beta) return fail('the call does not have fc_fusion\'s arguments');
  if (![xMax, wMax, yMax].every(isNull)) return fail('the max pointers are not null (per-tensor quantisation scales, which CUDA GEMMs do not take)');
  const impure = pureArguments(x, w, y, m, n, k, ldx, ldw, ldy, alpha, beta, bias);
  if (impure) return fail(impure);
  const [xt, wt] = [booleanOf(xTrans), booleanOf(wTrans)];
  if (xt === undefined || wt === undefined) return fail(`x_trans / w_trans (\`${xTrans.text}\`, \`${wTrans.text}\`) are not constants`);
  const a: TensorExpr = { ptr: x, dims: [m, k], strides: xt ? [ONE, ldx] : [ldx, ONE], dtype, layout: 'row-major' };
  const b: TensorExpr = { ptr: w, dims: [k, n], strides: wt ? [ONE, ldw] : [ldw, ONE], dtype, layout: 'row-major' };
  const out: TensorExpr = { ptr: y, dims: [m, n], strides: [ldy, ONE], dtype, layout: 'row-major' };
  const inputs = new Map<string, TensorExpr>([['A', a], ['B', b]]);
  const readsY = numberOf(beta) !== 0;
  let gemmBeta = beta;
  if (!isNull(bias)) {
    if (readsY) return fail(`beta is \`${beta.text}\` and there is a bias: Gemm has one C, not both`);
    inputs.set('C', { ptr: bias, dims: [ONE, n], strides: [n, ONE], dtype: { meaning: 'dtype.float32', dtype: 'float32' }, layout: 'row-major' });
    gemmBeta = ONE;
  } else if (readsY) inputs.set('C', out);
  const attributes = attrs([['alpha', alpha], ['beta', gemmBeta]]);
  const member = act?.node ? ctx.enumReference(act.node) : undefined;
  const known = act?.value ?? (act?.node ? ctx.context.constant(act.node) : undefined);
  const meaning = member?.member.meaning ?? (known?.kind === 'enum' ? known.meaning : undefined) ?? actMeaning(act, ctx);
  if (act && !isNull(act) && meaning !== 'activation.identity') {
    const activation = meaning ? ACTIVATIONS[meaning] : undefined;
    if (!activation) return fail(`the activation \`${act.text}\` is not a constant act_enum member with a canonical operator`);
    // XDNN does not document which GELU it fuses (mappings/kunlun/xdnn.yaml), so no `approximate` is claimed.
    if (activation === 'Gelu') return fail('fc_fusion\'s fused GELU is undocumented (erf or tanh form), so it is not lifted');
    attributes.set('activation', { expr: act, meaning: activation });
  }
  return { ok: true, value: { operator: 'Gemm', inputs, outputs: new Map([['Y', out]]), attributes, numerics: numerics.value } };
}

function fcBatched(call: SourceCall): Lifted<Structure> {
  const types = templateTypes(call.template);
  if (!types || types.length !== 4) return fail('the template arguments are not four type names');
  const numerics = gemmNumerics(types);
  if (!numerics.ok) return numerics;
  const dtype = dtypeOf(types[0]);
  if (!dtype) return fail(`the element type \`${types[0]}\` has no CUDA counterpart here`);
  const [, bs, xTrans, wTrans, m, n, k, alpha, x, sx, w, sw, beta, y, sy, xMax, wMax] = call.args;
  if (!sy || !beta) return fail('the call does not have fc_batched\'s arguments');
  if (![xMax, wMax].every(isNull)) return fail('the max pointers are not null (per-tensor quantisation scales, which CUDA GEMMs do not take)');
  const impure = pureArguments(bs, m, n, k, alpha, x, sx, w, sw, beta, y, sy);
  if (impure) return fail(impure);
  const [xt, wt] = [booleanOf(xTrans), booleanOf(wTrans)];
  if (xt === undefined || wt === undefined) return fail(`x_trans / w_trans (\`${xTrans.text}\`, \`${wTrans.text}\`) are not constants`);
  // Packed matrices: x is m×k (k×m when transposed), w k×n (n×k), y m×n.
  const a: TensorExpr = { ptr: x, dims: [bs, m, k], strides: xt ? [sx, ONE, m] : [sx, k, ONE], dtype, layout: 'row-major' };
  const b: TensorExpr = { ptr: w, dims: [bs, k, n], strides: wt ? [sw, ONE, k] : [sw, n, ONE], dtype, layout: 'row-major' };
  const out: TensorExpr = { ptr: y, dims: [bs, m, n], strides: [sy, n, ONE], dtype, layout: 'row-major' };
  const inputs = new Map<string, TensorExpr>([['A', a], ['B', b], ...(numberOf(beta) !== 0 ? [['C', out] as [string, TensorExpr]] : [])]);
  return { ok: true, value: { operator: 'Gemm', inputs, outputs: new Map([['Y', out]]), attributes: attrs([['alpha', alpha], ['beta', beta]]), numerics: numerics.value } };
}

/** The one element type of a call templated on T. */
function elementType(call: SourceCall): Lifted<{ meaning: string; dtype: NonNullable<ReturnType<typeof dtypeOf>>['dtype'] }> {
  const types = templateTypes(call.template);
  const dtype = dtypeOf(types?.[0]);
  if (!types || !dtype) return fail(`the template argument \`${call.template?.text ?? '?'}\` is not an element type the port knows`);
  return { ok: true, value: dtype };
}

/** Output first operand when it overwrites one: A := C := the accumulated tensor, B := the other. */
function addOperands(x: TensorExpr, y: TensorExpr, z: TensorExpr): [TensorExpr, TensorExpr] {
  return z.ptr.text === y.ptr.text && z.ptr.text !== x.ptr.text ? [y, x] : [x, y];
}

/** A chain over scratch buffers (xdnn-chains.ts) as one operator: axpy → Add with `alpha`, dot → MatMul into a host result. */
function chainStructure(chain: Exclude<Chain, { kind: 'attention' }>, call: SourceCall, context: StaticContext): Lifted<Structure> {
  const t = elementType(call);
  if (!t.ok) return t;
  const dtype = t.value;
  const e = (node: ts.Expression) => asMovable(sourceExpr(node, context));
  if (chain.kind === 'gelu') {
    const [, , , z, n] = call.args;
    const x = e(chain.x);
    const impure = pureArguments(x, z, n);
    if (impure) return fail(impure);
    const y = packed(z, [n], dtype);
    const form = chain.approximate;
    return { ok: true, value: { operator: 'Gelu', inputs: new Map([['X', packed(x, [n], dtype)]]), outputs: new Map([['Y', y]]), attributes: new Map([['approximate', { expr: generated(`'${form}'`, { kind: 'string', value: form }), meaning: form }]]) } };
  }
  if (chain.kind === 'axpy') {
    const [, , , z, n] = call.args;
    const [x, alpha] = [e(chain.x), e(chain.alpha)];
    const impure = pureArguments(x, alpha, z, n);
    if (impure) return fail(impure);
    const y = packed(z, [n], dtype);
    return { ok: true, value: { operator: 'Add', inputs: new Map([['A', y], ['B', packed(x, [n], dtype)]]), outputs: new Map([['C', y]]), attributes: new Map(), args: [['alpha', alpha]] } };
  }
  const shape = listOf(call.args[3], context);
  if (!shape.ok) return shape;
  const [n] = shape.value;
  const [x, y, host] = [e(chain.x), e(chain.y), e(chain.host)];
  const impure = pureArguments(x, y, host);
  if (impure) return fail(impure);
  return {
    ok: true,
    value: { operator: 'MatMul', inputs: new Map([['A', packed(x, [n], dtype)], ['B', packed(y, [n], dtype)]]), outputs: new Map([['Y', { ptr: host, dims: [], strides: [], layout: 'host', dtype }]]), attributes: new Map() },
  };
}

/**
 * A window's output extent, floor((size + 2·pad − dilation·(window − 1) − 1) / stride) + 1, as
 * code: a number when everything is known, else the arithmetic with the known 0s and 1s left out.
 */
function outputExtent(size: Expr, pad: Expr, window: Expr, stride: Expr, dilation: Expr = ONE): Expr {
  const known = [size, pad, window, stride, dilation].map(numberOf);
  if (known.every((v) => v !== undefined)) {
    const [sz, pd, kw, st, dl] = known as number[];
    const value = Math.floor((sz + 2 * pd - dl * (kw - 1) - 1) / st) + 1;
    return generated(String(value), { kind: 'number', value });
  }
  const reach = numberOf(dilation) === 1 ? window.text : `${operand(dilation.text)} * (${window.text} - 1) - 1`;
  const span = `${size.text}${numberOf(pad) === 0 ? '' : ` + 2 * ${operand(pad.text)}`} - ${numberOf(dilation) === 1 ? operand(reach) : `(${reach})`}`;
  return generated(numberOf(stride) === 1 ? `${span} + 1` : `Math.floor((${span}) / ${operand(stride.text)}) + 1`);
}

/**
 * xpu::conv2d<TX, TW, TY, TGEMM>(ctx, x, weight, y, n, c, h, w, f, ksize, strides, paddings,
 * dilations, groups, maxptrs, is_nchw) → Conv over packed NCHW views (the inverse of
 * xdnn/conv-plan.ts): TGEMM tfloat32 is cuDNN's default math (TF32 allowed), float its FMA math.
 */
function conv2d(call: SourceCall, context: StaticContext): Lifted<Structure> {
  const types = templateTypes(call.template);
  if (!types || types.length !== 4) return fail('the template arguments are not four type names');
  const [tx, tw, ty, tgemm] = types;
  if (tx !== 'float' || tw !== 'float' || ty !== 'float') return fail(`x, the filter and y are ${tx}, ${tw}, ${ty}; only float32 convolutions are lifted`);
  const math = tgemm === 'tfloat32' ? 'math.default' : tgemm === 'float' ? 'math.fma' : undefined;
  if (!math) return fail(`TGEMM \`${tgemm}\` quantises the operands (Paddle's int16 / int31 modes); cuDNN has no convolution with that rounding`);
  const [, x, weight, y, n, c, h, w, f, ksize, strides, paddings, dilations, groups, xMax, wMax, yMax, nchw] = call.args;
  if (!groups) return fail('the call does not have xpu::conv2d\'s arguments');
  if (![xMax, wMax, yMax].every(isNull)) return fail('the max pointers are not null (quantisation scales, which cuDNN does not take)');
  if (nchw && booleanOf(nchw) !== true) return fail(`is_nchw is \`${nchw.text}\`, not true (only NCHW convolutions are lifted)`);
  const lists = [listOf(ksize, context), listOf(strides, context), listOf(paddings, context), listOf(dilations, context)];
  const failed = lists.find((l) => !l.ok);
  if (failed && !failed.ok) return failed;
  const [k, st, pd, dl] = lists.map((l) => (l as { value: Expr[] }).value);
  if (k.length !== 2 || st.length !== 2 || dl.length !== 2) return fail('the window, strides or dilations are not 2 values');
  if (pd.length !== 2) return fail(`the paddings have ${pd.length} values; only the symmetric (h, w) form has a documented order`);
  const dtype = dtypeOf('float')!;
  const perGroup = numberOf(groups) === 1 ? c : generated(`${operand(c.text)} / ${operand(groups.text)}`);
  const list = (items: readonly Expr[]) => generated(`[${items.map((e) => e.text).join(', ')}]`);
  const yDims = [n, f, outputExtent(h, pd[0], k[0], st[0], dl[0]), outputExtent(w, pd[1], k[1], st[1], dl[1])];
  return {
    ok: true,
    value: {
      operator: 'Conv',
      inputs: new Map([['X', packed(x, [n, c, h, w], dtype, 'NCHW')], ['W', packed(weight, [f, perGroup, k[0], k[1]], dtype, 'NCHW')]]),
      outputs: new Map([['Y', packed(y, yDims, dtype, 'NCHW')]]),
      attributes: attrs([['kernel_shape', list(k)], ['pads', list([pd[0], pd[1], pd[0], pd[1]])], ['strides', list(st)], ['dilations', list(dl)], ['group', groups]]),
      numerics: { mathMode: { meaning: math, from: 'argument' }, computeType: { meaning: 'dtype.float32', from: 'argument' } },
    },
  };
}

/** xpu::cast<TX, TY>(ctx, x, y, len) → Cast to TY over the packed length. */
function cast(call: SourceCall): Lifted<Structure> {
  const types = templateTypes(call.template);
  const [from, to] = [dtypeOf(types?.[0]), dtypeOf(types?.[1])];
  if (!types || types.length !== 2 || !from || !to) return fail(`the template arguments \`${call.template?.text ?? '?'}\` are not two element types the port knows`);
  const [, x, y, len] = call.args;
  if (!len) return fail('the call does not have xpu::cast\'s arguments');
  const impure = pureArguments(x, y, len);
  if (impure) return fail(impure);
  return {
    ok: true,
    value: { operator: 'Cast', inputs: new Map([['input', packed(x, [len], from)]]), outputs: new Map([['output', packed(y, [len], to)]]), attributes: attrs([['to', generated(`'${to.dtype}'`, { kind: 'string', value: to.dtype })]]) },
  };
}

/**
 * `new xpu.VectorParam(Array.from({ length: B + 1 }, (_, i) => i * S), B + 1)`: the cumulative
 * offsets of B sequences of S tokens each (what a dense batch is as a varlen batch) → [B, S].
 */
function uniformOffsets(e: Expr | undefined, context: StaticContext): Lifted<[Expr, Expr]> {
  const why = { ok: false as const, reason: `the sequence offsets \`${e?.text ?? '?'}\` are not \`new xpu.VectorParam(Array.from({ length: B + 1 }, (_, i) => i * S), B + 1)\` (equal lengths, which is all dense Attention expresses)` };
  const node = e?.node;
  if (!node || !ts.isNewExpression(node) || !/VectorParam$/.test(node.expression.getText()) || node.arguments?.length !== 2) return why;
  const [array, count] = node.arguments;
  const offsets = equalLengthOffsets(array, 'Array.from');
  if (!offsets || offsets.count.getText() !== count.getText()) return why;
  return { ok: true, value: [sourceExpr(offsets.batch, context), sourceExpr(offsets.length, context)] };
}

/**
 * baidu::xpu::xfa::mha_varlen_fwd<T, float, TGEMM, int>(ctx, q, k, v, out, softmax_lse, cu_q, cu_k,
 * max_sq, max_sk, heads, kv_heads, dim, scale, dropout 0, seed, is_causal) over packed [b, s, h, d]
 * tokens of equal-length sequences → Attention over [b, h, s, d] views (the inverse of
 * xdnn/xdnn-frontend.ts's sdpa lowering).
 */
function attention(call: SourceCall, context: StaticContext): Lifted<Structure> {
  const types = templateTypes(call.template);
  const dtype = dtypeOf(types?.[0]);
  if (!types || !dtype) return fail(`the template arguments \`${call.template?.text ?? '?'}\` are not ones the port knows`);
  if (types[2] !== 'float' && types[2] !== 'tfloat32') return fail(`TGEMM \`${types[2]}\` is not float or tfloat32`);
  const [, q, k, v, out, , cuQ, cuK, sq, sk, heads, kvHeads, dim, scale, dropout, , causal, ...rest] = call.args;
  if (!causal) return fail('the call does not have mha_varlen_fwd\'s arguments');
  if (numberOf(dropout) !== 0) return fail(`p_dropout is \`${dropout.text}\`, not 0 (inference attention only)`);
  if (!rest.every(isNull)) return fail('a mask, bias or max pointer is passed (not lifted)');
  const [offQ, offK] = [uniformOffsets(cuQ, context), uniformOffsets(cuK, context)];
  if (!offQ.ok) return offQ;
  if (!offK.ok) return offK;
  const [batch, lenQ] = offQ.value;
  const [batchK, lenK] = offK.value;
  if (batch.text !== batchK.text || lenQ.text !== sq.text || lenK.text !== sk.text) return fail('the offsets, batch and maximum lengths disagree (only equal-length sequences are dense Attention)');
  const isCausal = booleanOf(causal);
  if (isCausal === undefined) return fail(`is_causal \`${causal.text}\` is not a constant`);
  if (isCausal && sq.text !== sk.text && numberOf(sq) !== numberOf(sk)) return fail('causal attention with s_q ≠ s_kv: XDNN\'s mask alignment for unequal lengths is not documented');
  const impure = pureArguments(q, k, v, out, sq, sk, heads, kvHeads, dim, scale);
  if (impure) return fail(impure);
  // [b, h, s, d] views of packed [b, s, h, d] memory.
  const view = (ptr: Expr, s: Expr, h: Expr): TensorExpr => ({ ptr, dims: [batch, h, s, dim], strides: [times(times(s, h), dim), dim, times(h, dim), ONE], dtype, layout: 'row-major' });
  return {
    ok: true,
    value: {
      operator: 'Attention',
      inputs: new Map([['Q', view(q, sq, heads)], ['K', view(k, sk, kvHeads)], ['V', view(v, sk, kvHeads)]]),
      outputs: new Map([['Y', view(out, sq, heads)]]),
      attributes: new Map<string, AttributeExpr>([
        ['scale', { expr: scale }],
        ['is_causal', { expr: generated(isCausal ? '1' : '0', { kind: 'number', value: isCausal ? 1 : 0 }), ...(isCausal ? { meaning: 'causal.top-left' } : {}) }],
        ['q_num_heads', { expr: heads }],
        ['kv_num_heads', { expr: kvHeads }],
      ]),
      ...(types[2] === 'tfloat32' ? { numerics: { computeType: { meaning: 'compute.32f-fast-tf32', from: 'argument' as const } } } : {}),
    },
  };
}

function structure(call: SourceCall, ctx: LiftContext): Lifted<Structure> | undefined {
  const symbol = call.entry.spec.symbol;
  const context = ctx.context;
  const args = call.args;
  const unary = UNARY[symbol];
  const chain = CHAIN_ANCHORS.includes(symbol) ? chainOf(call.node, context) : undefined;
  if (chain && chain.kind !== 'attention') return chainStructure(chain, call, context);
  if (symbol === 'baidu::xpu::xfa::mha_varlen_fwd') return chain ? attention(call, context) : fail('softmax_lse is not a scratch buffer only this call writes (ONNX Attention has no log-sum-exp output)');
  if (symbol === 'xpu::fc_fusion') return fcFusion(call, ctx);
  if (symbol === 'xpu::fc_batched') return fcBatched(call);
  if (symbol === 'xpu::conv2d') return conv2d(call, context);
  if (symbol === 'xpu::cast') return cast(call);
  if (!unary && !['xpu::broadcast_add', 'xpu::broadcast_mul', 'xpu::mul', 'xpu::add', 'xpu::scale', 'xpu::softmax', 'xpu::log_softmax', 'xpu::layer_norm', 'xpu::rms_layer_norm', 'xpu::batch_norm_infer', 'xpu::max_pool2d'].includes(symbol)) return undefined;
  const t = elementType(call);
  if (!t.ok) return t;
  const dtype = t.value;
  const impure = pureArguments(...args.slice(1));
  if (impure) return fail(impure);
  const f32 = { meaning: 'dtype.float32', dtype: 'float32' as const };
  if (unary) {
    const [, x, y, len] = args;
    if (!len) return fail(`the call does not have ${symbol}'s arguments`);
    return { ok: true, value: { operator: unary.operator, inputs: new Map([[unary.input, packed(x, [len], dtype)]]), outputs: new Map([[unary.output, packed(y, [len], dtype)]]), attributes: new Map() } };
  }
  switch (symbol) {
    case 'xpu::broadcast_mul': {
      const [, x, y, z, xshape, yshape] = args;
      const [xs, ys] = [listOf(xshape, context), listOf(yshape, context)];
      if (!xs.ok) return xs;
      if (!ys.ok) return ys;
      if (xs.value.length !== ys.value.length) return fail('the shapes have different ranks');
      return { ok: true, value: { operator: 'Mul', inputs: new Map([['A', packed(x, xs.value, dtype)], ['B', packed(y, ys.value, dtype)]]), outputs: new Map([['C', packed(z, xs.value, dtype)]]), attributes: new Map() } };
    }
    case 'xpu::mul': {
      const [, x, y, z, len] = args;
      if (!len) return fail('the call does not have xpu::mul\'s arguments');
      return { ok: true, value: { operator: 'Mul', inputs: new Map([['A', packed(x, [len], dtype)], ['B', packed(y, [len], dtype)]]), outputs: new Map([['C', packed(z, [len], dtype)]]), attributes: new Map() } };
    }
    case 'xpu::broadcast_add': {
      const [, x, y, z, xshape, yshape] = args;
      const [xs, ys] = [listOf(xshape, context), listOf(yshape, context)];
      if (!xs.ok) return xs;
      if (!ys.ok) return ys;
      if (xs.value.length !== ys.value.length) return fail('the shapes have different ranks');
      const broadcast = ys.value.some((d, i) => d.text !== xs.value[i].text);
      if (broadcast && z.text === y.text) return fail('the output is the broadcast operand');
      const [acc, other] = addOperands(packed(x, xs.value, dtype), packed(y, ys.value, dtype), packed(z, xs.value, dtype));
      return { ok: true, value: { operator: 'Add', inputs: new Map([['A', acc], ['B', other]]), outputs: new Map([['C', packed(z, xs.value, dtype)]]), attributes: new Map() } };
    }
    case 'xpu::add': {
      const [, x, y, z, len] = args;
      if (!len) return fail('the call does not have xpu::add\'s arguments');
      const [acc, other] = addOperands(packed(x, [len], dtype), packed(y, [len], dtype), packed(z, [len], dtype));
      return { ok: true, value: { operator: 'Add', inputs: new Map([['A', acc], ['B', other]]), outputs: new Map([['C', packed(z, [len], dtype)]]), attributes: new Map() } };
    }
    case 'xpu::scale': {
      const [, x, y, len, after, scale, bias] = args;
      if (!scale) return fail('the call does not have xpu::scale\'s arguments');
      if (bias && numberOf(bias) !== 0) return fail(`the bias is \`${bias.text}\`, not 0: y = scale·x + bias is no single canonical operator`);
      if (after && booleanOf(after) === undefined) return fail(`bias_after_scale \`${after.text}\` is not a constant`);
      return {
        ok: true,
        value: { operator: 'Mul', inputs: new Map([['A', packed(x, [len], dtype)], ['B', { ptr: scale, dims: [], strides: [], layout: 'host', dtype: f32 }]]), outputs: new Map([['C', packed(y, [len], dtype)]]), attributes: new Map() },
      };
    }
    case 'xpu::softmax':
    case 'xpu::log_softmax': {
      const [, x, y, shape, axis] = args;
      const dims = listOf(shape, context);
      if (!dims.ok) return dims;
      if (numberOf(axis) === undefined) return fail(`the axis \`${axis?.text ?? '?'}\` is not a constant`);
      const layout = dims.value.length === 4 ? 'NCHW' : 'row-major';
      return {
        ok: true,
        value: { operator: symbol === 'xpu::softmax' ? 'Softmax' : 'LogSoftmax', inputs: new Map([['input', packed(x, dims.value, dtype, layout)]]), outputs: new Map([['output', packed(y, dims.value, dtype, layout)]]), attributes: attrs([['axis', axis]]) },
      };
    }
    case 'xpu::layer_norm': {
      const [, x, y, m, n, eps, scale, bias, mean, variance] = args;
      if (!scale) return fail('the call does not have xpu::layer_norm\'s arguments');
      if (!isNull(mean) || !isNull(variance)) return fail('the mean / variance outputs are not null');
      if (isNull(scale)) return fail('the scale is null; ONNX LayerNormalization needs one');
      const inputs = new Map<string, TensorExpr>([['X', packed(x, [m, n], dtype)], ['Scale', packed(scale, [n], f32)], ...(isNull(bias) ? [] : [['B', packed(bias, [n], f32)] as [string, TensorExpr]])]);
      return { ok: true, value: { operator: 'LayerNormalization', inputs, outputs: new Map([['Y', packed(y, [m, n], dtype)]]), attributes: attrs([['axis', ONE], ['epsilon', eps]]) } };
    }
    case 'xpu::rms_layer_norm': {
      const [, x, y, rows, cols, eps, weight, bias, invVar] = args;
      if (!weight) return fail('the call does not have xpu::rms_layer_norm\'s arguments');
      if (!isNull(bias) || !isNull(invVar)) return fail('the bias / inv_var arguments are not null (ONNX RMSNormalization has neither)');
      const types = templateTypes(call.template) ?? [];
      const weightType = dtypeOf(types[1] ?? types[0]);
      if (!weightType) return fail(`the weight type \`${types[1]}\` is not one the port knows`);
      return {
        ok: true,
        value: { operator: 'RMSNormalization', inputs: new Map([['X', packed(x, [rows, cols], dtype)], ['scale', packed(weight, [cols], weightType)]]), outputs: new Map([['Y', packed(y, [rows, cols], dtype)]]), attributes: attrs([['axis', ONE], ['epsilon', eps]]) },
      };
    }
    case 'xpu::batch_norm_infer': {
      const [, x, y, n, c, h, w, eps, scale, bias, mean, variance, nchw] = args;
      if (!variance) return fail('the call does not have xpu::batch_norm_infer\'s arguments');
      if (nchw && booleanOf(nchw) !== true) return fail(`is_nchw is \`${nchw.text}\`, not true (only NCHW batch norm is lifted)`);
      const dims = [n, c, h, w];
      const param = (p: Expr) => packed(p, [c], f32);
      return {
        ok: true,
        value: {
          operator: 'BatchNormalization',
          inputs: new Map([['X', packed(x, dims, dtype, 'NCHW')], ['scale', param(scale)], ['B', param(bias)], ['input_mean', param(mean)], ['input_var', param(variance)]]),
          outputs: new Map([['Y', packed(y, dims, dtype, 'NCHW')]]),
          attributes: attrs([['epsilon', eps]]),
        },
      };
    }
    case 'xpu::max_pool2d': {
      const [, x, y, index, n, c, h, w, ksize, strides, paddings, nchw] = args;
      if (!paddings) return fail('the call does not have xpu::max_pool2d\'s arguments');
      if (!isNull(index)) return fail('the index output is not null (its semantics are not documented)');
      if (nchw && booleanOf(nchw) !== true) return fail(`is_nchw is \`${nchw.text}\`, not true (only NCHW pooling is lifted)`);
      const [k, s, p] = [listOf(ksize, context), listOf(strides, context), listOf(paddings, context)];
      if (!k.ok) return k;
      if (!s.ok) return s;
      if (!p.ok) return p;
      if (k.value.length !== 2 || s.value.length !== 2) return fail('the window or strides are not 2 values');
      // XDNN's 2-value paddings are (h, w) on both sides; the order of its 4-value form is not documented.
      if (p.value.length !== 2) return fail(`the paddings have ${p.value.length} values; only the symmetric (h, w) form has a documented order`);
      const text = (items: readonly Expr[]) => generated(`[${items.map((e) => e.text).join(', ')}]`);
      // The output extent follows from the window: floor((H + 2p - k) / s) + 1.
      const extent = (size: Expr, i: number) => outputExtent(size, p.value[i], k.value[i], s.value[i]);
      const xDims = [n, c, h, w];
      const yDims = [n, c, extent(h, 0), extent(w, 1)];
      return {
        ok: true,
        value: {
          operator: 'MaxPool',
          inputs: new Map([['X', packed(x, xDims, dtype, 'NCHW')]]),
          outputs: new Map([['Y', packed(y, yDims, dtype, 'NCHW')]]),
          attributes: attrs([['kernel_shape', text(k.value)], ['pads', text([p.value[0], p.value[1], p.value[0], p.value[1]])], ['strides', text(s.value)]]),
        },
      };
    }
  }
  return undefined;
}

export const xdnnLifter: Lifter = {
  name: 'XDNN calls → canonical operators over views',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    if (!XDNN_LIFT_TARGETS.has(ctx.target) || call.entry.library !== 'xdnn') return undefined;
    const symbol = call.entry.spec.symbol;
    // Pointers offset with `.plus(bytes)` and scalars like `Math.sqrt(2)` may be written where the CUDA calls need them.
    const lifted = structure({ ...call, args: call.args.map(asMovable) }, ctx);
    if (!lifted) return undefined;
    const decline = (reason: string): LiftResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    if (!lifted.ok) return decline(lifted.reason);
    const contextArg = call.args[0];
    if (!contextArg?.node) return decline('the call has no context argument');
    const args = new Map<string, Expr>(lifted.value.args ?? []);
    let stream: Expr | undefined;
    const plan = planOf(contextArg.node, ctx.context);
    if (plan) {
      const handles = handlesOf(plan);
      if (handles.blas) args.set('handle', generated(handles.blas));
      if (handles.dnn) args.set('cudnn-handle', generated(handles.dnn));
      const given = streamBefore(plan, call.node);
      if (given) stream = sourceExpr(given, ctx.context);
    } else {
      // A context from elsewhere (a helper's parameter): its `Context` type ports to cublasHandle_t.
      args.set('handle', contextArg);
    }
    const { numerics, args: _chainArgs, ...rest } = lifted.value;
    return {
      ok: true,
      invocation: { kind: 'operator', ...rest, args, numerics: numerics ?? {}, enums: new Map(), ...(stream ? { stream } : {}), origin: { backend: call.backend, entry: call.entry, symbol } },
    };
  },
};
