/**
 * The nodes of cudnn-frontend graphs (read by dnn/frontend-graph.ts, one invocation per node in
 * node order) → muDNN's own-shape calls on the handle the graph's cuDNN handle became, written
 * as torch_musa's C-API path writes them (docs/backends/musa.md): every tensor gets a muDNN
 * tensor descriptor (`mudnnSetTensorNdDescriptorWithScale(d, MUDNN_TENSOR_NCHW, type, rank,
 * dims, strides, 1)`, torch_musa's default format next to explicit strides), and the op
 * descriptor of the call is created, set and destroyed around it.
 *
 * - Cast (the reader's widening of a node's input to float32) → `mudnnUnary` with
 *   MUDNN_UNARY_CAST, which converts to the output descriptor's type.
 * - LayerNormalization / RMSNormalization (INFERENCE) → `mudnnLayerNormForward` with the
 *   workspace `mudnnGetLayerNormForwardWorkspaceSize` asks for / `mudnnRMSNormForward`, the
 *   descriptor set with the graph's epsilon and the normalised axes 1 .. rank - 1 of the
 *   squeezed X (DIRECT variance). muDNN always writes its statistics (mean and rstd, invvar):
 *   they go to float32 scratch buffers of one value per row, freed after the call.
 * - Attention (sdpa) → `mudnnScaledDotProductAttentionFlashForward` (planAttention; inferred from
 *   torch_musa's RunFlash and its callers; grouped-query attention passes K / V with their own
 *   head count).
 * - Add / Sub / Mul / Div → `mudnnBinary` (the catalog's mode for the operator; the facade
 *   broadcasts as the canonical operator does, as torch_musa passes operands of different
 *   sizes); Relu / Sigmoid / Tanh / Silu (SWISH_FWD, β = 1) / Gelu (exact → GELU, tanh →
 *   GELU_TANH) → `mudnnUnary`.
 *
 * cuDNN computes a pointwise node in the graph's float32 compute type and rounds once into its
 * output. A node whose operands all have one type runs in that type (one rounding of the exact
 * result for the arithmetic modes); a node that mixes types (bf16 inputs, a float32 virtual
 * intermediate) runs in float32: an input that is not float32 is widened with
 * `mudnnUnary(MUDNN_UNARY_CAST)` into a `musaMalloc`ed scratch, and a result that is not
 * float32 is computed into a float32 scratch and rounded once into the output with CAST.
 * Scratch buffers are freed once the handle's stream (the device, when the stream is not known)
 * has run the node.
 *
 * Declined with the reason (OB1019; the graph keeps its code and OB1002 says why it cannot run):
 * TRAINING statistics the program reads (what muDNN's saved statistics hold is not confirmed),
 * norms whose tensors mix element types or are strided views, strided pointwise views,
 * operands of another rank than the output (a unary node over views alike over one dense block —
 * a column-major matrix — is described with their strides, as torch_musa describes channels-last
 * tensors, or runs over the block's length when it casts), sdpa Stats (what muDNN's lse holds is
 * not confirmed), and a causal sdpa over sequences of different lengths.
 */
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { contiguousStrides, isContiguous, product } from '../dnn/cudnn-descriptors.js';
import { frontendNode } from '../dnn/frontend-node.js';
import { denseAlike } from '../xdnn/dense-views.js';
import { MudnnStatements, modeFor, musaMember } from './mudnn-statements.js';

const BINARY = ['Add', 'Sub', 'Mul', 'Div'] as const;

const UNARY: Readonly<Record<string, { input: string; output: string }>> = {
  Relu: { input: 'X', output: 'Y' },
  Sigmoid: { input: 'X', output: 'Y' },
  Tanh: { input: 'input', output: 'output' },
  Silu: { input: 'X', output: 'Y' },
  Gelu: { input: 'X', output: 'Y' },
};

const NORMS = ['LayerNormalization', 'RMSNormalization'] as const;

/** The operators this lowerer serves for frontend graphs on MUSA. */
export const MUDNN_FRONTEND_OPERATORS = ['Cast', 'Attention', ...NORMS, ...BINARY, ...Object.keys(UNARY)] as const;

type Viewed = TensorExpr & { readonly dims: readonly Expr[]; readonly strides: readonly Expr[] };

function viewed(t: TensorExpr | undefined): t is Viewed {
  return Boolean(t?.dims && t.strides && t.dtype?.meaning);
}

const list = (es: readonly Expr[]) => `[${es.map((e) => e.text).join(', ')}]`;

/** A node's muDNN calls: tensor descriptors, scratch buffers, casts around the op. */
class NodeCalls {
  private lastCall: string | undefined;
  private lastSymbol: string | undefined;
  private readonly buffers: string[] = [];

  constructor(
    readonly s: MudnnStatements,
    private readonly ctx: LowerContext,
    readonly handle: string,
    private readonly stream: Expr | undefined,
  ) {}

  /** The mudnnDataType_t member of a dtype meaning, if musa has one. */
  dataType(meaning: string | undefined): string | undefined {
    return musaMember(this.ctx.catalog, 'mudnnDataType_t', meaning);
  }

  /** A muDNN tensor descriptor of `dims` / `strides` in `dataType` (a member name), destroyed after the node. */
  tensor(stem: string, dims: readonly Expr[], strides: readonly Expr[], dataType: string): string {
    const s = this.s;
    const format = musaMember(this.ctx.catalog, 'mudnnTensorFormat_t', 'layout.nchw')!;
    return s.descriptor(`${stem}Desc`, 'mudnnTensorDescriptor_t', 'mudnnCreateTensorDescriptor', 'mudnnDestroyTensorDescriptor', [
      `${s.value('mudnnSetTensorNdDescriptorWithScale')}($, ${s.value(format)}, ${s.value(dataType)}, ${dims.length}, ${list(dims)}, ${list(strides)}, 1)`,
    ]);
  }

  /** A muDNN call of the node, in order; its status is checked like the node's (the last one is the node's). */
  run(symbol: string, args: string): void {
    this.lastCall = `${this.s.value(symbol)}(${args})`;
    this.lastSymbol = symbol;
    this.s.push(this.lastCall, { status: true });
  }

  /** A device buffer of `bytes`, freed once the stream has run the node. */
  scratch(stem: string, bytes: string): string {
    const s = this.s;
    const name = s.fresh(stem);
    s.push(`const ${name} = ${s.value('ref')}<${s.type('DevicePtr')}>()`, { declares: true });
    s.push(`${s.value('musaMalloc')}(${name}, ${bytes})`);
    this.buffers.push(`${name}.value`);
    return `${name}.value`;
  }

  unaryDescriptor(mode: string): string {
    const s = this.s;
    const none = s.value('MUDNN_PARAM_DATA_NONE');
    return s.descriptor('unaryDesc', 'mudnnUnaryDescriptor_t', 'mudnnCreateUnaryDescriptor', 'mudnnDestroyUnaryDescriptor', [
      `${s.value('mudnnSetUnaryDescriptor')}($, ${s.value(mode)}, ${none}, 0, ${none}, 0)`,
    ]);
  }

  /** A packed float32 descriptor and pointer for `t`: itself, or a widened scratch copy. */
  widened(t: Viewed, stem: string): { desc: string; ptr: string } | string {
    const packed = contiguousStrides(t.dims);
    const floatDesc = this.tensor(stem, t.dims, packed, 'MUDNN_DATA_FLOAT');
    if (t.dtype!.meaning === 'dtype.float32') return { desc: floatDesc, ptr: t.ptr.text };
    const dataType = this.dataType(t.dtype!.meaning);
    if (!dataType) return `musa has no data type for ${t.dtype!.meaning}`;
    const ptr = this.scratch(`${stem}Float`, `${operand(product(t.dims).text)} * 4`);
    this.run('mudnnUnary', `${this.handle}, ${this.unaryDescriptor('MUDNN_UNARY_CAST')}, ${floatDesc}, ${ptr}, ${this.tensor(stem, t.dims, packed, dataType)}, ${t.ptr.text}`);
    return { desc: floatDesc, ptr };
  }

  /** Runs `op` into a float32 result for `y`, then rounds it into `y` with CAST when `y` is not float32. */
  floatResult(y: Viewed, op: (desc: string, ptr: string) => void): string | undefined {
    const packed = contiguousStrides(y.dims);
    const floatDesc = this.tensor('y', y.dims, packed, 'MUDNN_DATA_FLOAT');
    if (y.dtype!.meaning === 'dtype.float32') {
      op(floatDesc, y.ptr.text);
      return undefined;
    }
    const dataType = this.dataType(y.dtype!.meaning);
    if (!dataType) return `musa has no data type for ${y.dtype!.meaning}`;
    const result = this.scratch('floatResult', `${operand(product(y.dims).text)} * 4`);
    op(floatDesc, result);
    this.run('mudnnUnary', `${this.handle}, ${this.unaryDescriptor('MUDNN_UNARY_CAST')}, ${this.tensor('out', y.dims, packed, dataType)}, ${y.ptr.text}, ${floatDesc}, ${result}`);
    return undefined;
  }

  /** The node's calls as a lowering; scratch buffers are freed once the stream has run them. */
  lowering(): LowerResult {
    const s = this.s;
    if (this.buffers.length > 0) {
      const sync = this.stream ? `${s.value('musaStreamSynchronize')}(${this.stream.text})` : `${s.value('musaDeviceSynchronize')}()`;
      s.epilogue.unshift({ text: sync, declares: false }, ...this.buffers.map((b) => ({ text: `${s.value('musaFree')}(${b})`, declares: false })));
    }
    // The last call is the lowering's call; its symbol goes last, so its status enum checks it.
    if (s.prelude[s.prelude.length - 1]?.text !== this.lastCall) throw new Error("mudnn-frontend: a statement was written after the node's last call");
    const prelude = s.prelude.slice(0, -1);
    const targetSymbols = [...s.symbols.filter((x) => x !== this.lastSymbol), this.lastSymbol!];
    return { ok: true, lowering: { prelude, call: this.lastCall!, epilogue: s.epilogue, targetSymbols, diagnostics: [] } };
  }
}

function packedOnly(views: readonly Viewed[]): string | undefined {
  const strided = views.find((v) => !isContiguous(v));
  return strided ? `\`${strided.ptr.text}\` is a strided view; this port describes packed tensors only` : undefined;
}

/** The mudnnUnary mode of a unary node (Gelu by its approximation), or undefined. */
function unaryMode(invocation: OpInvocation, ctx: LowerContext): string | undefined {
  if (invocation.operator !== 'Gelu') return modeFor(ctx.catalog, 'mudnnUnary', invocation.operator);
  const approximate = invocation.attributes.get('approximate')?.meaning;
  const binds = ctx.catalog.entry('musa', 'mudnnUnary')?.spec.binds;
  if (!binds || !('operator' in binds)) return undefined;
  return (binds.variants ?? []).find((v) => v.operator === 'Gelu' && v.fixed?.approximate === approximate)?.when;
}

function planPointwise(invocation: OpInvocation, n: NodeCalls, ctx: LowerContext): string | undefined {
  const { operator, inputs, outputs } = invocation;
  const binary = (BINARY as readonly string[]).includes(operator);
  const shape = binary ? { inputs: ['A', 'B'], output: 'C' } : { inputs: [UNARY[operator].input], output: UNARY[operator].output };
  const xs = shape.inputs.map((name) => inputs.get(name));
  const y = outputs.get(shape.output);
  if (!xs.every(viewed) || !viewed(y)) return 'the operands have no views';
  let views = xs as Viewed[];
  let out: Viewed = y;
  if (!binary && denseAlike([views[0], out]) && !isContiguous(out)) {
    // Views alike over one dense block (a column-major matrix), as torch_musa describes
    // channels-last tensors: of one type, described with their strides; otherwise, widened and
    // rounded through packed scratch as the block's length (element k of the input lands in
    // element k of the output).
    if (views[0].dtype!.meaning === out.dtype!.meaning) return planStrided(invocation, n, ctx, views[0], out);
    const flat = { dims: [product(out.dims)], strides: contiguousStrides([product(out.dims)]) };
    [views, out] = [[{ ...views[0], ...flat }], { ...out, ...flat }];
  }
  return planPacked(invocation, n, ctx, binary, views, out);
}

/** A unary node over one-typed views alike over a dense block, described with their strides. */
function planStrided(invocation: OpInvocation, n: NodeCalls, ctx: LowerContext, x: Viewed, y: Viewed): string | undefined {
  const mode = unaryMode(invocation, ctx);
  if (!mode) return `the catalog lists no mudnnUnary mode for ${invocation.operator}`;
  const dataType = n.dataType(y.dtype!.meaning);
  if (!dataType) return `musa has no data type for ${y.dtype!.meaning}`;
  const [xDesc, yDesc] = [n.tensor('x', x.dims, x.strides, dataType), n.tensor('y', y.dims, y.strides, dataType)];
  n.run('mudnnUnary', `${n.handle}, ${n.unaryDescriptor(mode)}, ${yDesc}, ${y.ptr.text}, ${xDesc}, ${x.ptr.text}`);
  return undefined;
}

function planPacked(invocation: OpInvocation, n: NodeCalls, ctx: LowerContext, binary: boolean, views: readonly Viewed[], y: Viewed): string | undefined {
  const { operator } = invocation;
  const loose = packedOnly([...views, y]);
  if (loose) return loose;
  const rank = views.find((v) => v.dims.length !== y.dims.length);
  if (rank) return `the operands have ranks ${views.map((v) => v.dims.length).join(', ')} and the output ${y.dims.length}`;
  const mode = binary ? modeFor(ctx.catalog, 'mudnnBinary', operator) : unaryMode(invocation, ctx);
  if (!mode) return `the catalog lists no ${binary ? 'mudnnBinary' : 'mudnnUnary'} mode for ${operator}${operator === 'Gelu' ? ` (approximate ${invocation.attributes.get('approximate')?.meaning ?? '?'})` : ''}`;
  const s = n.s;
  const op = (yDesc: string, yPtr: string, operands: readonly { desc: string; ptr: string }[]) => {
    if (binary) {
      const none = s.value('MUDNN_PARAM_DATA_NONE');
      const d = s.descriptor('binaryDesc', 'mudnnBinaryDescriptor_t', 'mudnnCreateBinaryDescriptor', 'mudnnDestroyBinaryDescriptor', [
        `${s.value('mudnnSetBinaryDescriptor')}($, ${s.value(mode)}, ${none}, 0, ${none}, 0)`,
      ]);
      n.run('mudnnBinary', `${n.handle}, ${d}, ${yDesc}, ${yPtr}, ${operands.map((o) => `${o.desc}, ${o.ptr}`).join(', ')}`);
    } else {
      n.run('mudnnUnary', `${n.handle}, ${n.unaryDescriptor(mode)}, ${yDesc}, ${yPtr}, ${operands[0].desc}, ${operands[0].ptr}`);
    }
  };
  const meaning = y.dtype!.meaning;
  if (views.every((v) => v.dtype!.meaning === meaning)) {
    // One type throughout: the op runs in it.
    const dataType = n.dataType(meaning);
    if (!dataType) return `musa has no data type for ${meaning}`;
    const described = views.map((v, i) => ({ desc: n.tensor(binary ? 'ab'[i] : 'x', v.dims, contiguousStrides(v.dims), dataType), ptr: v.ptr.text }));
    op(n.tensor('y', y.dims, contiguousStrides(y.dims), dataType), y.ptr.text, described);
    return undefined;
  }
  const widened: { desc: string; ptr: string }[] = [];
  for (const [i, v] of views.entries()) {
    const w = n.widened(v, binary ? 'ab'[i] : 'x');
    if (typeof w === 'string') return w;
    widened.push(w);
  }
  return n.floatResult(y, (desc, ptr) => op(desc, ptr, widened));
}

const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);
const sameSize = (a: Expr, b: Expr) => a.text === b.text || (numberOf(a) !== undefined && numberOf(a) === numberOf(b));

/**
 * sdpa → mudnnScaledDotProductAttentionFlashForward over the [b, h, s, d] views as described
 * (torch_musa passes such views of [b, s, h, d] memory), the descriptor set with the graph's
 * scale written out (never 0, whose meaning is an assumption), the causal flag, H_q heads and
 * embedDim H_q · d; an empty mask and dropout mask; the log-sum-exp to a float32 scratch.
 */
function planAttention(invocation: OpInvocation, n: NodeCalls, ctx: LowerContext): string | undefined {
  const { inputs, outputs, attributes } = invocation;
  const [q, k, v, o] = [inputs.get('Q'), inputs.get('K'), inputs.get('V'), outputs.get('Y')];
  if (!viewed(q) || !viewed(k) || !viewed(v) || !viewed(o) || [q, k, v, o].some((t) => t.dims.length !== 4)) return 'Q, K, V and O are not all 4-D views';
  if (outputs.has('softmax_lse')) return 'Stats (the softmax log-sum-exp) is not ported: what muDNN writes to its lse is not confirmed';
  const meaning = q.dtype!.meaning;
  if ([k, v, o].some((t) => t.dtype!.meaning !== meaning)) return 'Q, K, V and O mix element types';
  const dataType = n.dataType(meaning);
  if (!dataType) return `musa has no data type for ${meaning}`;
  const [batch, heads, sq, dim] = q.dims;
  const skv = k.dims[2];
  if (!sameSize(k.dims[0], batch) || !sameSize(v.dims[2], skv) || !sameSize(o.dims[2], sq)) return 'the batch or sequence sizes of Q, K, V and O disagree';
  const scale = attributes.get('scale')?.expr;
  if (!scale?.pure) return `the scale \`${scale?.text ?? '?'}\` is not a value the port can read`;
  const causal = numberOf(attributes.get('is_causal')?.expr) === 1;
  if (causal && !sameSize(sq, skv)) return `a causal mask with s_q (${sq.text}) ≠ s_kv (${skv.text}): muDNN's alignment for unequal lengths is not known`;
  const s = n.s;
  const member = (enumName: string, m: string) => musaMember(ctx.catalog, enumName, m);
  const math = member('mudnnMathType_t', meaning === 'dtype.float32' ? 'math.fma' : 'math.tensor-op');
  const bool = n.dataType('dtype.bool');
  if (!math || !bool) return 'the catalog lacks the math mode or the bool data type the call needs';
  const [qDesc, kDesc, vDesc, oDesc] = [n.tensor('q', q.dims, q.strides, dataType), n.tensor('k', k.dims, k.strides, dataType), n.tensor('v', v.dims, v.strides, dataType), n.tensor('out', o.dims, o.strides, dataType)];
  const zero = [generated('0', { kind: 'number', value: 0 })];
  const one = contiguousStrides(zero);
  const maskDesc = n.tensor('mask', zero, one, dataType);
  const dropoutDesc = n.tensor('dropoutMask', zero, one, bool);
  const lseDims = [batch, heads, sq];
  const lseDesc = n.tensor('lse', lseDims, contiguousStrides(lseDims), 'MUDNN_DATA_FLOAT');
  const lse = n.scratch('lse', `${operand(product(lseDims).text)} * 4`);
  const embed = product([heads, dim]);
  const d = s.descriptor('sdpaDesc', 'mudnnScaledDotProductAttentionDescriptor_t', 'mudnnCreateScaledDotProductAttentionDescriptor', 'mudnnDestroyScaledDotProductAttentionDescriptor', [
    `${s.value('mudnnSetScaledDotProductAttentionDescriptor')}($, ${s.value(math)}, ${embed.text}, ${batch.text}, ${heads.text}, ${scale.text}, false, false, false, ${causal ? 'true' : 'false'}, false)`,
  ]);
  n.run(
    'mudnnScaledDotProductAttentionFlashForward',
    `${n.handle}, ${lseDesc}, ${lse}, ${qDesc}, ${q.ptr.text}, ${kDesc}, ${k.ptr.text}, ${vDesc}, ${v.ptr.text}, ${maskDesc}, null, ${d}, ${dropoutDesc}, null, ${oDesc}, ${o.ptr.text}`,
  );
  return undefined;
}

/** The reader's widening of a node's input (Cast to float32) → mudnnUnary CAST over packed views. */
function planCast(invocation: OpInvocation, n: NodeCalls): string | undefined {
  const [x, y] = [invocation.inputs.get('input'), invocation.outputs.get('output')];
  if (!viewed(x) || !viewed(y)) return 'the cast tensors have no views';
  const loose = packedOnly([x, y]);
  if (loose) return loose;
  const [xType, yType] = [n.dataType(x.dtype!.meaning), n.dataType(y.dtype!.meaning)];
  if (!xType || !yType) return `musa has no data type for ${xType ? y.dtype!.meaning : x.dtype!.meaning}`;
  const [xDesc, yDesc] = [n.tensor('x', x.dims, contiguousStrides(x.dims), xType), n.tensor('y', y.dims, contiguousStrides(y.dims), yType)];
  n.run('mudnnUnary', `${n.handle}, ${n.unaryDescriptor('MUDNN_UNARY_CAST')}, ${yDesc}, ${y.ptr.text}, ${xDesc}, ${x.ptr.text}`);
  return undefined;
}

function planNorm(invocation: OpInvocation, n: NodeCalls): string | undefined {
  const { operator, inputs, outputs, attributes } = invocation;
  const layer = operator === 'LayerNormalization';
  const stats = ['Mean', 'InvStdDev'].filter((k) => outputs.has(k));
  if (stats.length) return `the TRAINING statistics (${stats.join(', ')}) the program reads are not ported to muDNN (what its saved statistics hold is not confirmed)`;
  const names = layer ? ['X', 'Scale', 'B'] : ['X', 'scale'];
  const tensors = names.map((name) => inputs.get(name));
  const y = outputs.get('Y');
  if (!tensors.every(viewed) || !viewed(y)) return 'the tensors have no views';
  const [x, ...parameters] = tensors as Viewed[];
  const loose = packedOnly([x, y, ...parameters]);
  if (loose) return loose;
  const meaning = x.dtype!.meaning;
  if ([y, ...parameters].some((t) => t.dtype!.meaning !== meaning)) return "X, Y and the parameters mix element types, and muDNN's norms are only seen with one";
  const dataType = n.dataType(meaning);
  if (!dataType) return `musa has no data type for ${meaning}`;
  const epsilon = attributes.get('epsilon')?.expr;
  if (!epsilon?.pure) return `epsilon \`${epsilon?.text ?? '?'}\` is not a value the port can repeat`;
  const axis = attributes.get('axis')?.expr.value;
  if (axis?.kind !== 'number' || axis.value !== 1) return 'the normalised axes do not start at axis 1';
  const s = n.s;
  const rank = x.dims.length;
  const axes = `[${Array.from({ length: rank - 1 }, (_, i) => i + 1).join(', ')}]`;
  const described = (t: Viewed, stem: string) => n.tensor(stem, t.dims, contiguousStrides(t.dims), dataType);
  const [xDesc, yDesc] = [described(x, 'x'), described(y, 'y')];
  const [gammaDesc, betaDesc] = parameters.map((p, i) => described(p, ['gamma', 'beta'][i]));
  // muDNN writes its statistics: one float32 value per row, to scratch the program never reads.
  const rows = x.dims[0];
  const statistic = (stem: string) => ({ desc: n.tensor(stem, [rows], contiguousStrides([rows]), 'MUDNN_DATA_FLOAT'), ptr: n.scratch(stem, `${operand(rows.text)} * 4`) });
  if (layer) {
    const [mean, rstd] = [statistic('mean'), statistic('rstd')];
    const mode = 'MUDNN_LAYER_NORM_MODE_DIRECT';
    const d = s.descriptor('layerNormDesc', 'mudnnLayerNormDescriptor_t', 'mudnnCreateLayerNormDescriptor', 'mudnnDestroyLayerNormDescriptor', [
      `${s.value('mudnnSetLayerNormDescriptor')}($, ${epsilon.text}, ${s.value(mode)}, ${axes}, ${rank - 1})`,
    ]);
    const ws = s.workspace('layerNorm', (size) => `${s.value('mudnnGetLayerNormForwardWorkspaceSize')}(${n.handle}, ${d}, ${yDesc}, ${mean.desc}, ${rstd.desc}, ${xDesc}, ${gammaDesc}, ${betaDesc}, ${size})`, invocation.stream);
    n.run(
      'mudnnLayerNormForward',
      `${n.handle}, ${d}, ${yDesc}, ${y.ptr.text}, ${mean.desc}, ${mean.ptr}, ${rstd.desc}, ${rstd.ptr}, ${xDesc}, ${x.ptr.text}, ${gammaDesc}, ${parameters[0].ptr.text}, ${betaDesc}, ${parameters[1].ptr.text}, ${ws.ptr}, ${ws.size}`,
    );
    return undefined;
  }
  const invvar = statistic('invvar');
  const d = s.descriptor('rmsNormDesc', 'mudnnRMSNormDescriptor_t', 'mudnnCreateRMSNormDescriptor', 'mudnnDestroyRMSNormDescriptor', [
    `${s.value('mudnnSetRMSNormDescriptor')}($, ${s.value('MUDNN_RMS_NORM_MODE_DIRECT')}, ${epsilon.text}, ${axes}, ${rank - 1})`,
  ]);
  n.run('mudnnRMSNormForward', `${n.handle}, ${d}, ${yDesc}, ${y.ptr.text}, ${invvar.desc}, ${invvar.ptr}, ${xDesc}, ${x.ptr.text}, ${gammaDesc}, ${parameters[0].ptr.text}`);
  return undefined;
}

export const mudnnFrontendLowerer: Lowerer = {
  name: 'cudnn-frontend graph nodes → muDNN',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const node = frontendNode(invocation, ctx, MUDNN_FRONTEND_OPERATORS, 'for the muDNN calls');
    if (!node) return undefined;
    if ('declined' in node) return node.declined;
    const { decline, handle, invocation: op } = node;
    const s = new MudnnStatements(ctx);
    const n = new NodeCalls(s, ctx, handle, op.stream);
    const reason = op.operator === 'Cast' ? planCast(op, n) : op.operator === 'Attention' ? planAttention(op, n, ctx) : (NORMS as readonly string[]).includes(op.operator) ? planNorm(op, n) : planPointwise(op, n, ctx);
    return reason ? decline(reason) : n.lowering();
  },
};
