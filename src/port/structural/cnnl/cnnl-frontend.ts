/**
 * The nodes of cudnn-frontend graphs (read by dnn/frontend-graph.ts, one invocation per node in
 * node order) → CNNL calls on the handle the graph's cuDNN handle became, each written as
 * Cambricon's adapters write CNNL (cnnl-statements.ts). cuDNN computes a pointwise node in the
 * graph's float32 compute type and rounds once into its output; CNNL's element-wise calls take
 * tensors of one data type, so a node runs in float32: an input that is not float32 is widened
 * with `cnnlCastDataType` into a `cnrtMalloc`ed scratch, the op runs on float32 descriptors, and
 * a result that is not float32 goes to a float32 scratch and is rounded once into the output
 * with `cnnlCastDataType`. Scratch buffers are freed once the queue has run the node.
 *
 * - Cast → `cnnlCastDataType` with the cnnlCastDataType_t member of that pair (its catalog
 *   meaning `cast.<from>-to-<to>`);
 * - Add / Sub / Mul → `cnnlOpTensor` ADD / SUB / MUL in CNNL_DTYPE_FLOAT, broadcasting;
 * - Silu / Relu / Sigmoid / Tanh → `cnnlActivationForward` with the mode's activation descriptor;
 *   Gelu → the same with CNNL_ACTIVATION_GELU set by `cnnlSetActivationDescriptor_v6`, whose
 *   last argument picks the tanh form (as cnnl-matmul.ts runs a fused GELU); a unary node over
 *   float32 views alike over one dense block (a column-major matrix) takes strided descriptors of
 *   them, and over such views of other types runs over the block's length;
 * - Attention (sdpa) → `cnnlFlashAttentionForward` in packed (varlen) mode: Q / K / V / O are
 *   [b, h, s, d] views of packed [b, s, h, d] memory, i.e. [b·s, h, d] tensors, with cu_seqlens
 *   (int32, b + 1 offsets of full sequences) copied to the device; the descriptor gets compute
 *   CNNL_DTYPE_FLOAT, CNNL_ACTIVATION_HIGH_PRECISION, CNNL_ATTN_MASK_CAUSAL or _NONE, pack mode,
 *   max_seqlen_q / _k, dropout 0 and softmax_scale = attn_scale. Grouped-query attention passes
 *   K / V with their own head count.
 *
 * Declined with the reason: Div (CNNL's cnnlOpTensor has ADD / SUB / MUL), strided views, a
 * causal mask over sequences of different query and key lengths (CNNL's alignment for those is
 * not documented), and sdpa Stats (the log-sum-exp layout differs: [heads, total_q]).
 */
import { operand, type Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { contiguousStrides, isContiguous, product } from '../dnn/cudnn-descriptors.js';
import { CnnlStatements } from './cnnl-statements.js';
import { frontendNode } from '../dnn/frontend-node.js';
import { denseAlike } from '../xdnn/dense-views.js';


const BINARY: Readonly<Record<string, string>> = { Add: 'CNNL_OP_TENSOR_ADD', Sub: 'CNNL_OP_TENSOR_SUB', Mul: 'CNNL_OP_TENSOR_MUL' };

const UNARY: Readonly<Record<string, { mode: string; input: string; output: string }>> = {
  Silu: { mode: 'CNNL_ACTIVATION_SILU', input: 'X', output: 'Y' },
  Relu: { mode: 'CNNL_ACTIVATION_RELU', input: 'X', output: 'Y' },
  Sigmoid: { mode: 'CNNL_ACTIVATION_SIGMOID', input: 'X', output: 'Y' },
  Tanh: { mode: 'CNNL_ACTIVATION_TANH', input: 'input', output: 'output' },
};

/** The operators this lowerer serves for frontend graphs (registered before the general CNNL lowerer). */
export const CNNL_FRONTEND_OPERATORS = ['Cast', 'Add', 'Sub', 'Mul', 'Div', 'Attention', 'Gelu', ...Object.keys(UNARY)] as const;
/** The bindings this lowerer is registered for: its operators, and the norms whose TRAINING statistics it declines (the rest go on to the general lowerer). */
export const CNNL_FRONTEND_BINDINGS = [...CNNL_FRONTEND_OPERATORS, 'LayerNormalization', 'RMSNormalization'] as const;

type Viewed = TensorExpr & { readonly dims: readonly Expr[]; readonly strides: readonly Expr[] };

const NO_STRIDES: readonly Expr[] = [];
const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);
const sameSize = (a: Expr, b: Expr) => a.text === b.text || (numberOf(a) !== undefined && numberOf(a) === numberOf(b));

function viewed(t: TensorExpr | undefined): t is Viewed {
  return Boolean(t?.dims && t.strides && t.dtype?.meaning);
}

/** A node's calls: scratch buffers, casts around a float32 op, all on the handle's queue. */
class NodeCalls {
  private queueText: string | undefined;
  private lastCall: string | undefined;
  private lastSymbol: string | undefined;
  private readonly buffers: string[] = [];

  constructor(
    readonly s: CnnlStatements,
    private readonly ctx: LowerContext,
    readonly handle: string,
    private readonly stream: Expr | undefined,
  ) {}

  get float(): string {
    return this.s.value('CNNL_DTYPE_FLOAT');
  }

  queue(): string {
    this.queueText ??= this.s.queue(this.stream, this.handle);
    return this.queueText;
  }

  /** A CNNL call of the node, in order; its status is checked like the node's (the last one is the node's). */
  run(symbol: string, args: string): void {
    this.lastCall = `${this.s.value(symbol)}(${args})`;
    this.lastSymbol = symbol;
    this.s.push(this.lastCall, false, true);
  }

  /** The node's calls as a lowering; the scratch buffers are freed once the queue has run them. */
  lowering(): LowerResult {
    const s = this.s;
    if (this.buffers.length > 0) {
      s.epilogue.unshift({ text: `${s.value('cnrtQueueSync')}(${this.queue()})`, declares: false }, ...this.buffers.map((b) => ({ text: `${s.value('cnrtFree')}(${b})`, declares: false })));
    }
    // The last call is the lowering's call (nothing is written after it); its symbol goes last,
    // so its status enum checks it.
    if (s.prelude[s.prelude.length - 1]?.text !== this.lastCall) throw new Error('cnnl-frontend: a statement was written after the node\'s last call');
    const prelude = s.prelude.slice(0, -1);
    const targetSymbols = [...s.symbols.filter((x) => x !== this.lastSymbol), this.lastSymbol!];
    return { ok: true, lowering: { prelude, call: this.lastCall!, epilogue: s.epilogue, targetSymbols, diagnostics: [] } };
  }

  dataType(t: Viewed): string | undefined {
    return this.s.dataType(t.dtype);
  }

  /** A device buffer of `bytes`, freed after the queue has run the node. */
  scratch(stem: string, bytes: string): string {
    const name = this.s.fresh(stem);
    this.s.push(`const ${name} = ${this.s.value('ref')}<${this.s.type('DevicePtr')}>()`, true);
    this.s.push(`${this.s.value('cnrtMalloc')}(${name}, ${bytes})`);
    this.queue();
    this.buffers.push(`${name}.value`);
    return `${name}.value`;
  }

  /** The cnnlCastDataType_t member casting `from` to `to` (dtype meanings), if the catalog has one. */
  castMember(from: string, to: string): string | undefined {
    const e = this.ctx.catalog.backend('cambricon').enums.get('cnnlCastDataType_t');
    const pair = `cast.${from.replace('dtype.', '')}-to-${to.replace('dtype.', '')}`;
    const member = e ? memberByMeaning(e, pair) : undefined;
    return member ? this.s.value(member.name) : undefined;
  }

  cast(xDesc: string, x: string, member: string, yDesc: string, y: string): void {
    this.run('cnnlCastDataType', `${this.handle}, ${xDesc}, ${x}, ${member}, ${yDesc}, ${y}`);
  }

  /** A float32 descriptor and pointer for `t`: itself, or a widened scratch copy. */
  widened(t: Viewed, stem: string): { desc: string; ptr: string } | string {
    const floatDesc = this.s.tensor(stem, { dims: t.dims, strides: NO_STRIDES }, this.float);
    if (t.dtype!.meaning === 'dtype.float32') return { desc: floatDesc, ptr: t.ptr.text };
    const member = this.castMember(t.dtype!.meaning!, 'dtype.float32');
    const dataType = this.dataType(t);
    if (!member || !dataType) return `CNNL has no cast from ${t.dtype!.meaning} to float32 in the catalog`;
    const ptr = this.scratch(`${stem}Float`, `${operand(product(t.dims).text)} * 4`);
    this.cast(this.s.tensor(stem, { dims: t.dims, strides: NO_STRIDES }, dataType), t.ptr.text, member, floatDesc, ptr);
    return { desc: floatDesc, ptr };
  }

  /** Runs `op` into a float32 result for `y`, then rounds it into `y` when `y` is not float32. */
  floatResult(y: Viewed, op: (desc: string, ptr: string) => void): string | undefined {
    const floatDesc = this.s.tensor('y', { dims: y.dims, strides: NO_STRIDES }, this.float);
    if (y.dtype!.meaning === 'dtype.float32') {
      op(floatDesc, y.ptr.text);
      return undefined;
    }
    const member = this.castMember('dtype.float32', y.dtype!.meaning!);
    const dataType = this.dataType(y);
    if (!member || !dataType) return `CNNL has no cast from float32 to ${y.dtype!.meaning} in the catalog`;
    const result = this.scratch('floatResult', `${operand(product(y.dims).text)} * 4`);
    op(floatDesc, result);
    this.cast(floatDesc, result, member, this.s.tensor('out', { dims: y.dims, strides: NO_STRIDES }, dataType), y.ptr.text);
    return undefined;
  }
}

function packedOnly(views: readonly Viewed[]): string | undefined {
  const strided = views.find((v) => !isContiguous(v));
  return strided ? `\`${strided.ptr.text}\` is a strided view; this port describes packed tensors only` : undefined;
}

function plan(invocation: OpInvocation, n: NodeCalls): string | undefined {
  const { operator, inputs, outputs } = invocation;
  const s = n.s;
  if (operator === 'Div') return 'cnnlOpTensor has ADD, SUB and MUL only (no division in the catalog)';
  if (operator === 'Cast') {
    const [x, y] = [inputs.get('input'), outputs.get('output')];
    if (!viewed(x) || !viewed(y)) return 'the cast tensors have no views';
    const loose = packedOnly([x, y]);
    if (loose) return loose;
    const member = n.castMember(x.dtype!.meaning!, y.dtype!.meaning!);
    const [xType, yType] = [n.dataType(x), n.dataType(y)];
    if (!member || !xType || !yType) return `CNNL has no cast from ${x.dtype!.meaning} to ${y.dtype!.meaning} in the catalog`;
    n.cast(s.tensor('x', { dims: x.dims, strides: NO_STRIDES }, xType), x.ptr.text, member, s.tensor('y', { dims: y.dims, strides: NO_STRIDES }, yType), y.ptr.text);
    return undefined;
  }
  const binary = BINARY[operator];
  if (binary) {
    const [a, b, c] = [inputs.get('A'), inputs.get('B'), outputs.get('C')];
    if (!viewed(a) || !viewed(b) || !viewed(c)) return 'the operands have no views';
    const loose = packedOnly([a, b, c]);
    if (loose) return loose;
    if (a.dims.length !== c.dims.length || b.dims.length !== c.dims.length) return `the operands have ranks ${a.dims.length}, ${b.dims.length} and ${c.dims.length}`;
    const x = n.widened(a, 'a');
    if (typeof x === 'string') return x;
    const y = n.widened(b, 'b');
    if (typeof y === 'string') return y;
    return n.floatResult(c, (cDesc, cPtr) => {
      const op = s.descriptor('opTensorDesc', 'cnnlOpTensorDescriptor_t', 'cnnlCreateOpTensorDescriptor', 'cnnlDestroyOpTensorDescriptor', [
        `${s.value('cnnlSetOpTensorDescriptor')}($, ${s.value(binary)}, ${n.float}, ${s.value('CNNL_PROPAGATE_NAN')})`,
      ]);
      const ws = s.workspace('opTensor', (size) => `${s.value('cnnlGetOpTensorWorkspaceSize')}(${n.handle}, ${x.desc}, ${y.desc}, ${cDesc}, ${size})`, n.queue());
      n.run('cnnlOpTensor', `${n.handle}, ${op}, 1, ${x.desc}, ${x.ptr}, 1, ${y.desc}, ${y.ptr}, ${ws.ptr}, ${ws.size}, 0, ${cDesc}, ${cPtr}`);
    });
  }
  const unary = UNARY[operator] ?? (operator === 'Gelu' ? { mode: 'CNNL_ACTIVATION_GELU', input: 'X', output: 'Y' } : undefined);
  if (unary) {
    const [source, target] = [inputs.get(unary.input), outputs.get(unary.output)];
    if (!viewed(source) || !viewed(target)) return 'the tensors have no views';
    let [x, y]: Viewed[] = [source, target];
    const approximate = invocation.attributes.get('approximate')?.meaning;
    if (operator === 'Gelu' && approximate !== 'tanh' && approximate !== 'none') return `the GELU approximation ${approximate ?? '(unknown)'} is neither none nor tanh`;
    const activate = (xDesc: string, xPtr: string, yDesc: string, yPtr: string) => {
      const set =
        operator === 'Gelu'
          ? `${s.value('cnnlSetActivationDescriptor_v6')}($, ${s.value(unary.mode)}, ${s.value('CNNL_ACTIVATION_HIGH_PRECISION')}, ${s.value('CNNL_PROPAGATE_NAN')}, 1, 0, 0, 0, false, ${approximate === 'tanh' ? 'true' : 'false'})`
          : `${s.value('cnnlSetActivationDescriptor')}($, ${s.value(unary.mode)}, ${s.value('CNNL_PROPAGATE_NAN')}, 0)`;
      const act = s.descriptor('activationDesc', 'cnnlActivationDescriptor_t', 'cnnlCreateActivationDescriptor', 'cnnlDestroyActivationDescriptor', [set]);
      n.run('cnnlActivationForward', `${n.handle}, ${act}, 1, ${xDesc}, ${xPtr}, 0, ${yDesc}, ${yPtr}`);
    };
    if (denseAlike([x, y]) && !isContiguous(x)) {
      // Views alike over one dense block (a column-major matrix): float32 ones are described with
      // their strides; others, widened and rounded through packed scratch, as the block's length
      // (element k of the input lands in element k of the output).
      if (x.dtype!.meaning === 'dtype.float32' && y.dtype!.meaning === 'dtype.float32') {
        activate(s.tensor('x', x, n.float), x.ptr.text, s.tensor('y', y, n.float), y.ptr.text);
        return undefined;
      }
      const flat = { dims: [product(x.dims)], strides: contiguousStrides([product(x.dims)]) };
      [x, y] = [{ ...x, ...flat }, { ...y, ...flat }];
    }
    const loose = packedOnly([x, y]);
    if (loose) return loose;
    const input = n.widened(x, 'x');
    if (typeof input === 'string') return input;
    return n.floatResult(y, (yDesc, yPtr) => activate(input.desc, input.ptr, yDesc, yPtr));
  }
  return planAttention(invocation, n);
}

/** A [b, h, s, d] view stored packed as [b, s, h, d], or undefined. */
function bshd(t: TensorExpr | undefined): Viewed | undefined {
  if (!viewed(t) || t.dims.length !== 4) return undefined;
  const order = [0, 2, 1, 3];
  return isContiguous({ ...t, dims: order.map((i) => t.dims[i]), strides: order.map((i) => t.strides[i]) }) ? t : undefined;
}

function planAttention(invocation: OpInvocation, n: NodeCalls): string | undefined {
  const { inputs, outputs, attributes } = invocation;
  const s = n.s;
  const [q, k, v, o] = [bshd(inputs.get('Q')), bshd(inputs.get('K')), bshd(inputs.get('V')), bshd(outputs.get('Y'))];
  if (!q || !k || !v || !o) return 'Q, K, V and O are not all [b, h, s, d] views of packed [b, s, h, d] memory (the packed layout cnnlFlashAttentionForward reads)';
  if (outputs.has('softmax_lse')) return 'Stats (the softmax log-sum-exp) is not ported: CNNL lays it out [heads, total_q]';
  const dataType = n.dataType(q);
  if (!dataType || [k, v, o].some((t) => t.dtype!.meaning !== q.dtype!.meaning)) return 'Q, K, V and O mix element types';
  const [batch, heads, sq, dim] = q.dims;
  const [, kvHeads, skv] = k.dims;
  if (!sameSize(k.dims[0], batch) || !sameSize(v.dims[2], skv) || !sameSize(o.dims[2], sq)) return 'the batch or sequence sizes of Q, K, V and O disagree';
  const scale = attributes.get('scale')?.expr;
  if (!scale?.pure) return `the scale \`${scale?.text ?? '?'}\` is not a value the port can read`;
  const causal = numberOf(attributes.get('is_causal')?.expr) === 1;
  if (causal && !sameSize(sq, skv)) return `a causal mask with s_q (${sq.text}) ≠ s_kv (${skv.text}): CNNL's alignment for unequal lengths is not documented`;
  const rows = (seq: Expr) => `${operand(batch.text)} * ${operand(seq.text)}`;
  const packed = (t: Viewed, seq: Expr, h: Expr, stem: string) => s.tensor(stem, { dims: [{ text: rows(seq), pure: true }, h, dim], strides: NO_STRIDES }, dataType);
  const [qDesc, kDesc, vDesc, oDesc] = [packed(q, sq, heads, 'q'), packed(k, skv, kvHeads, 'k'), packed(v, skv, kvHeads, 'v'), packed(o, sq, heads, 'out')];
  // cu_seqlens: b + 1 offsets of full sequences, int32 on the device.
  const offsets = (seq: Expr, stem: string): { desc: string; ptr: string } => {
    const host = s.fresh(`${stem}Host`);
    s.push(`const ${host} = Int32Array.from({ length: ${operand(batch.text)} + 1 }, (_, i) => i * ${operand(seq.text)})`, true);
    const ptr = n.scratch(stem, `${host}.byteLength`);
    s.push(`${s.value('cnrtMemcpy')}(${ptr}, ${host}, ${host}.byteLength, ${s.value('cnrtMemcpyHostToDev')})`);
    return { desc: s.tensor(stem, { dims: [{ text: `${operand(batch.text)} + 1`, pure: true }], strides: NO_STRIDES }, s.value('CNNL_DTYPE_INT32')), ptr };
  };
  const cuQ = offsets(sq, 'cuSeqlensQ');
  const cuK = sameSize(sq, skv) ? cuQ : offsets(skv, 'cuSeqlensK');
  const fa = s.descriptor('flashAttentionDesc', 'cnnlFlashAttentionDescriptor_t', 'cnnlCreateFlashAttentionDescriptor', 'cnnlDestroyFlashAttentionDescriptor', [
    `${s.value('cnnlSetFlashAttentionDescriptor')}($, ${n.float}, ${s.value('CNNL_ACTIVATION_HIGH_PRECISION')}, ${s.value(causal ? 'CNNL_ATTN_MASK_CAUSAL' : 'CNNL_ATTN_MASK_NONE')}, true, false, false, ${sq.text}, ${skv.text}, 0, ${scale.text})`,
  ]);
  const ws = s.workspace('flashAttention', (size) => `${s.value('cnnlGetFlashAttentionForwardWorkspaceSize')}(${n.handle}, ${fa}, ${qDesc}, ${kDesc}, ${vDesc}, ${size})`, n.queue());
  n.run(
    'cnnlFlashAttentionForward',
    `${n.handle}, ${fa}, ${qDesc}, ${q.ptr.text}, ${kDesc}, ${k.ptr.text}, ${vDesc}, ${v.ptr.text}, ${cuQ.desc}, ${cuQ.ptr}, ${cuK.desc}, ${cuK.ptr}, null, ${ws.ptr}, ${ws.size}, null, null, null, null, ${oDesc}, ${o.ptr.text}`,
  );
  return undefined;
}

/**
 * A TRAINING RMS norm node whose statistics the program reads: declined, what cnnlRmsNormForward's
 * saved_rms holds is not confirmed. A layer norm's statistics go on to cnnl-dnn.ts, which writes
 * them as cnnlLayerNormForward's saved_mean / saved_rstd.
 */
function trainingStatistics(invocation: Invocation, ctx: LowerContext, library: string): LowerResult | undefined {
  if (invocation.kind !== 'operator' || invocation.operator !== 'RMSNormalization') return undefined;
  const node = frontendNode(invocation, ctx, [invocation.operator], 'for the norm');
  if (!node || 'declined' in node) return undefined;
  const stats = ['Mean', 'InvStdDev'].filter((k) => invocation.outputs.has(k));
  return stats.length ? node.decline(`the TRAINING statistics (${stats.join(', ')}) the program reads are not ported to ${library} (what cnnlRmsNormForward's saved_rms holds is not confirmed)`) : undefined;
}

export const cnnlFrontendLowerer: Lowerer = {
  name: 'cudnn-frontend graph nodes → CNNL',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const statistics = trainingStatistics(invocation, ctx, 'CNNL');
    if (statistics) return statistics;
    const node = frontendNode(invocation, ctx, CNNL_FRONTEND_OPERATORS, 'for the CNNL calls');
    if (!node) return undefined;
    if ('declined' in node) return node.declined;
    const { decline, handle, invocation: op } = node;
    const s = new CnnlStatements(ctx);
    const n = new NodeCalls(s, ctx, handle, op.stream);
    const reason = plan(op, n);
    return reason ? decline(reason) : n.lowering();
  },
};
