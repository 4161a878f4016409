/**
 * The nodes of cudnn-frontend graphs (read by dnn/frontend-graph.ts, one invocation per node in
 * node order) → XDNN calls on the xpu::Context the graph's cuDNN handle became. cuDNN computes a
 * pointwise node in the graph's float32 compute type and rounds once into its output; XDNN's
 * element-wise calls take one element type T (xdnn.yaml), so a node is written in float32:
 * each input that is not float32 is widened with `xpu::cast<T, float>` into a scratch buffer,
 * the op runs on floats, and a result that is not float32 is computed into a float32 scratch and
 * rounded once with `xpu::cast<float, T>`. Scratch buffers are `xpu_malloc`ed first and freed
 * after `xpu_wait(ctx.xpu_stream)`.
 *
 * - Cast → `xpu::cast<TX, TY>` over the packed length;
 * - Add / Mul → `xpu::add` / `xpu::mul` when both inputs have the output's shape, else
 *   `xpu::broadcast_add` / `xpu::broadcast_mul` with the two shapes (NumPy broadcasting);
 * - Silu / Relu / Sigmoid / Tanh → `xpu::silu` / `relu` / `sigmoid` / `tanh` over the length;
 * - Gelu, tanh form → y = x·sigmoid(2√(2/π)·x·(1 + 0.044715·x²)) with `xpu::mul`, `xpu::scale`
 *   and `xpu::sigmoid`; erf form → y = x·(0.5 + 0.5·erf(x/√2)) with `xpu::scale`, `xpu::erf` and
 *   `xpu::mul` (the identities xdnn-plan.ts's fused-GELU lowering uses): `xpu::gelu` is not used,
 *   as which GELU it computes is not documented (mappings/kunlun/xdnn.yaml);
 * - a unary node over input and output views alike over one dense block (a column-major matrix)
 *   runs over the block's length, element k of the input landing in element k of the output;
 * - Attention (sdpa) → `baidu::xpu::xfa::mha_varlen_fwd<T, float, float, int>` over Q / K / V / O
 *   packed as [batch, seq, heads, d] (BSHD: the packed varlen [total, heads, d] layout), the
 *   cumulative sequence offsets as `xpu::VectorParam`s of every sequence's full length,
 *   head_num / head_num_k for grouped-query attention, softmax_scale = attn_scale, is_causal
 *   (top-left; a bottom-right mask only where s_q = s_kv, where they agree); softmax_lse goes
 *   to a float32 [batch, heads, s_q] scratch unless the graph asks for Stats in that layout.
 *   TGEMM `float`: cuDNN's sdpa computes in float32.
 *
 * Sub and Div have no XDNN call in the catalog; strided (non-packed) views, and attention over
 * other layouts, are declined with the reason.
 */
import type { DType } from '../../../runtime/dtype.js';
import { formatCall, SINGLE_LINE } from '../../emit/call-text.js';
import { operand, type Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer, PreludeStatement } from '../../lower/lowerer.js';
import { isContiguous, product } from '../dnn/cudnn-descriptors.js';
import { pointerText } from './xdnn-plan.js';
import { frontendNode } from '../dnn/frontend-node.js';
import { denseAlike } from './dense-views.js';


const TYPE_NAMES: Partial<Record<DType, string>> = { float32: 'float', float16: 'float16', bfloat16: 'bfloat16' };

const BINARY: Readonly<Record<string, { same: string; broadcast: string }>> = {
  Add: { same: 'xpu::add', broadcast: 'xpu::broadcast_add' },
  Mul: { same: 'xpu::mul', broadcast: 'xpu::broadcast_mul' },
};

const UNARY: Readonly<Record<string, { symbol: string; input: string; output: string }>> = {
  Silu: { symbol: 'xpu::silu', input: 'X', output: 'Y' },
  Relu: { symbol: 'xpu::relu', input: 'X', output: 'Y' },
  Sigmoid: { symbol: 'xpu::sigmoid', input: 'X', output: 'Y' },
  Tanh: { symbol: 'xpu::tanh', input: 'input', output: 'output' },
};

/** The operators this lowerer serves for frontend graphs (registered before the general XDNN lowerer). */
export const XDNN_FRONTEND_OPERATORS = ['Cast', 'Add', 'Sub', 'Mul', 'Div', 'Attention', 'Gelu', ...Object.keys(UNARY)] as const;
/** The bindings this lowerer is registered for: its operators, and the norms whose TRAINING statistics it declines (the rest go on to the general lowerer). */
export const XDNN_FRONTEND_BINDINGS = [...XDNN_FRONTEND_OPERATORS, 'LayerNormalization', 'RMSNormalization'] as const;

type Viewed = TensorExpr & { readonly dims: readonly Expr[]; readonly strides: readonly Expr[] };

const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);
const sameSize = (a: Expr, b: Expr) => a.text === b.text || (numberOf(a) !== undefined && numberOf(a) === numberOf(b));
const list = (es: readonly Expr[]) => `[${es.map((e) => e.text).join(', ')}]`;

/** The XDNN calls of one node, with the scratch buffers they use. */
class XdnnCalls {
  readonly prelude: PreludeStatement[] = [];
  readonly calls: string[] = [];
  readonly symbols: string[] = [];
  private readonly scratch: string[] = [];

  constructor(
    private readonly ctx: LowerContext,
    private readonly handle: string,
  ) {}

  value(name: string): string {
    return this.ctx.names.value(name, this.ctx.style, this.ctx.origin);
  }

  /** A device scratch buffer of `bytes` (code); its pointer expression. */
  buffer(stem: string, bytes: string): string {
    const name = this.ctx.fresh.fresh(stem);
    this.prelude.push({ text: `const ${name} = ${this.value('ref')}<${this.ctx.names.type('DevicePtr', this.ctx.style, undefined)}>()`, declares: true });
    this.prelude.push({ text: `${this.value('xpu_malloc')}(${name}, ${bytes}, ${this.value('XPU_MEM_MAIN')})`, declares: false });
    this.symbols.push('xpu_malloc');
    this.scratch.push(`${name}.value`);
    return `${name}.value`;
  }

  call(symbol: string, template: readonly string[], args: readonly string[]): void {
    this.calls.push(formatCall(this.value(symbol), [{ text: `[${template.map((t) => `'${t}'`).join(', ')}]` }, { text: this.handle }, ...args.map((text) => ({ text }))], SINGLE_LINE));
    this.symbols.push(symbol);
  }

  /** `x` as float32: itself, or widened into a scratch buffer first. */
  float(x: Viewed, type: string, stem: string): string {
    if (type === 'float') return pointerText(x);
    const length = product(x.dims).text;
    const widened = this.buffer(stem, `${operand(length)} * 4`);
    this.call('xpu::cast', [type, 'float'], [pointerText(x), widened, length]);
    return widened;
  }

  /** Where a float32 result goes: the output, or a scratch rounded into it after `run`. */
  floatResult(y: Viewed, type: string, run: (out: string) => void): void {
    if (type === 'float') return run(pointerText(y));
    const length = product(y.dims).text;
    const result = this.buffer('floatResult', `${operand(length)} * 4`);
    run(result);
    this.call('xpu::cast', ['float', type], [result, pointerText(y), length]);
  }

  lowering(): LowerResult {
    const epilogue: PreludeStatement[] = [];
    if (this.scratch.length > 0) {
      epilogue.push({ text: `${this.value('xpu_wait')}(${this.handle}.xpu_stream)`, declares: false });
      for (const p of this.scratch) epilogue.push({ text: `${this.value('xpu_free')}(${p})`, declares: false });
      this.symbols.push('xpu_free');
    }
    const last = this.calls[this.calls.length - 1];
    const prelude = [...this.prelude, ...this.calls.slice(0, -1).map((text) => ({ text, declares: false, status: true }))];
    // The last symbol is the call whose status is the node's (its status enum checks it).
    const lastSymbol = this.symbols.filter((x) => x !== 'xpu_malloc' && x !== 'xpu_free').pop()!;
    const targetSymbols = [...this.symbols.filter((x, i) => i !== this.symbols.lastIndexOf(lastSymbol)), lastSymbol];
    return { ok: true, lowering: { prelude, call: last, targetSymbols, diagnostics: [], ...(epilogue.length ? { epilogue } : {}) } };
  }
}

function viewed(t: TensorExpr | undefined): t is Viewed {
  return Boolean(t?.dims && t.strides && t.dtype?.dtype);
}

/** The views' XDNN type names, or why not: every view packed (or all alike over one dense block), of a type XDNN names. */
function packedTypes(views: readonly Viewed[], dense = false): string[] | string {
  const strided = dense && denseAlike(views) ? undefined : views.find((v) => !isContiguous(v));
  if (strided) return `\`${strided.ptr.text}\` is a strided view (strides ${list(strided.strides)}); XDNN takes packed tensors`;
  const types = views.map((v) => TYPE_NAMES[v.dtype!.dtype!]);
  const missing = views.findIndex((_, i) => !types[i]);
  if (missing >= 0) return `the element type ${views[missing].dtype!.dtype} has no XDNN template type here`;
  return types as string[];
}

function plan(invocation: OpInvocation, s: XdnnCalls): string | undefined {
  const { operator, inputs, outputs } = invocation;
  if (operator === 'Sub' || operator === 'Div') return `the catalog has no XDNN ${operator === 'Sub' ? 'subtraction' : 'division'} call`;
  if (operator === 'Cast') {
    const [x, y] = [inputs.get('input'), outputs.get('output')];
    if (!viewed(x) || !viewed(y)) return 'the cast tensors have no views';
    const types = packedTypes([x, y]);
    if (typeof types === 'string') return types;
    s.call('xpu::cast', types, [pointerText(x), pointerText(y), product(y.dims).text]);
    return undefined;
  }
  const binary = BINARY[operator];
  if (binary) {
    const [a, b, c] = [inputs.get('A'), inputs.get('B'), outputs.get('C')];
    if (!viewed(a) || !viewed(b) || !viewed(c)) return 'the operands have no views';
    const types = packedTypes([a, b, c]);
    if (typeof types === 'string') return types;
    const [x, y] = [s.float(a, types[0], 'widenedA'), s.float(b, types[1], 'widenedB')];
    const sameShape = (t: Viewed) => t.dims.length === c.dims.length && t.dims.every((d, i) => sameSize(d, c.dims[i]));
    s.floatResult(c, types[2], (out) => {
      if (sameShape(a) && sameShape(b)) s.call(binary.same, ['float'], [x, y, out, product(c.dims).text]);
      else s.call(binary.broadcast, ['float'], [x, y, out, list(a.dims), list(b.dims)]);
    });
    return undefined;
  }
  const unary = UNARY[operator] ?? (operator === 'Gelu' ? { input: 'X', output: 'Y' } : undefined);
  if (unary) {
    const [x, y] = [inputs.get(unary.input), outputs.get(unary.output)];
    if (!viewed(x) || !viewed(y)) return 'the tensors have no views';
    const approximate = invocation.attributes.get('approximate')?.meaning;
    if (operator === 'Gelu' && approximate !== 'tanh' && approximate !== 'none') return `the GELU approximation ${approximate ?? '(unknown)'} is neither none (erf) nor tanh`;
    const types = packedTypes([x, y], true);
    if (typeof types === 'string') return types;
    const input = s.float(x, types[0], 'widened');
    const length = product(y.dims).text;
    s.floatResult(y, types[1], (out) => {
      if ('symbol' in unary) return s.call(unary.symbol, ['float'], [input, out, length]);
      const g = s.buffer('gelu', `${operand(length)} * 4`);
      if (approximate === 'none') {
        s.call('xpu::scale', ['float'], [input, g, length, 'true', 'Math.SQRT1_2', '0']);
        s.call('xpu::erf', ['float'], [g, g, length]);
        s.call('xpu::scale', ['float'], [g, g, length, 'true', '0.5', '0.5']);
        return s.call('xpu::mul', ['float'], [input, g, out, length]);
      }
      s.call('xpu::mul', ['float'], [input, input, g, length]);
      s.call('xpu::scale', ['float'], [g, g, length, 'true', '2 * Math.sqrt(2 / Math.PI) * 0.044715', '2 * Math.sqrt(2 / Math.PI)']);
      s.call('xpu::mul', ['float'], [g, input, g, length]);
      s.call('xpu::sigmoid', ['float'], [g, g, length]);
      s.call('xpu::mul', ['float'], [input, g, out, length]);
    });
    return undefined;
  }
  return planAttention(invocation, s);
}

/** A [b, h, s, d] view stored packed as [b, s, h, d] (BSHD), or undefined. */
function bshd(t: TensorExpr | undefined): Viewed | undefined {
  if (!viewed(t) || t.dims.length !== 4) return undefined;
  const order = [0, 2, 1, 3];
  return isContiguous({ ...t, dims: order.map((i) => t.dims[i]), strides: order.map((i) => t.strides[i]) }) ? t : undefined;
}

function planAttention(invocation: OpInvocation, s: XdnnCalls): string | undefined {
  const { inputs, outputs, attributes } = invocation;
  const [q, k, v, o] = [bshd(inputs.get('Q')), bshd(inputs.get('K')), bshd(inputs.get('V')), bshd(outputs.get('Y'))];
  if (!q || !k || !v || !o) return 'Q, K, V and O are not all [b, h, s, d] views of packed [b, s, h, d] memory (the varlen layout mha_varlen_fwd reads)';
  const types = packedTypes([q, k, v, o].map((t) => ({ ...t, dims: [product(t.dims)], strides: [{ text: '1', pure: true, value: { kind: 'number', value: 1 } }] })));
  if (typeof types === 'string') return types;
  if (new Set(types).size !== 1) return 'Q, K, V and O mix element types; mha_varlen_fwd takes one type T';
  const [batch, heads, sq, dim] = q.dims;
  const [, kvHeads, skv] = k.dims;
  if (!sameSize(k.dims[0], batch) || !sameSize(v.dims[0], batch) || !sameSize(v.dims[2], skv) || !sameSize(o.dims[2], sq)) return 'the batch or sequence sizes of Q, K, V and O disagree';
  const scale = attributes.get('scale')?.expr;
  const causal = attributes.get('is_causal');
  if (!scale?.pure) return `the scale \`${scale?.text ?? '?'}\` is not a value the port can read`;
  const isCausal = numberOf(causal?.expr) === 1;
  if (isCausal && causal?.meaning === 'causal.bottom-right' && !sameSize(sq, skv)) return `a bottom-right causal mask with s_q (${sq.text}) ≠ s_kv (${skv.text}) is not ported (XDNN's mask alignment for unequal lengths is not documented)`;
  if (isCausal && !sameSize(sq, skv)) return `causal attention with s_q (${sq.text}) ≠ s_kv (${skv.text}): XDNN's mask alignment for unequal lengths is not documented`;
  const stats = outputs.get('softmax_lse');
  if (stats) return 'Stats (the softmax log-sum-exp) is not ported to mha_varlen_fwd (its [batch, heads, max_seqlen_q] layout is inferred)';
  const lse = s.buffer('softmaxLse', `${operand(batch.text)} * ${operand(heads.text)} * ${operand(sq.text)} * 4`);
  const vector = s.value('xpu::VectorParam');
  const offsets = (length: Expr) => `new ${vector}(Array.from({ length: ${operand(batch.text)} + 1 }, (_, i) => i * ${operand(length.text)}), ${operand(batch.text)} + 1)`;
  const lengths = [offsets(sq), offsets(skv)];
  s.call('baidu::xpu::xfa::mha_varlen_fwd', [types[0], 'float', 'float', 'int'], [
    pointerText(q),
    pointerText(k),
    pointerText(v),
    pointerText(o),
    lse,
    ...lengths,
    sq.text,
    skv.text,
    heads.text,
    kvHeads.text,
    dim.text,
    scale.text,
    '0',
    '0x45678901',
    isCausal ? 'true' : 'false',
  ]);
  return undefined;
}

/** A TRAINING norm node whose statistics the program reads: declined, XDNN's saved statistics are not confirmed to be cuDNN's. */
function trainingStatistics(invocation: Invocation, ctx: LowerContext, library: string): LowerResult | undefined {
  if (invocation.kind !== 'operator' || (invocation.operator !== 'LayerNormalization' && invocation.operator !== 'RMSNormalization')) return undefined;
  const node = frontendNode(invocation, ctx, [invocation.operator], 'for the norm');
  if (!node || 'declined' in node) return undefined;
  const stats = ['Mean', 'InvStdDev'].filter((k) => invocation.outputs.has(k));
  const held = invocation.operator === 'LayerNormalization' ? "xpu::layer_norm saves the variance, and whether with ε or without is not confirmed" : "what xpu::rms_layer_norm's inv_var holds is not confirmed";
  return stats.length ? node.decline(`the TRAINING statistics (${stats.join(', ')}) the program reads are not ported to ${library} (${held})`) : undefined;
}

export const xdnnFrontendLowerer: Lowerer = {
  name: 'cudnn-frontend graph nodes → XDNN',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const statistics = trainingStatistics(invocation, ctx, 'XDNN');
    if (statistics) return statistics;
    const node = frontendNode(invocation, ctx, XDNN_FRONTEND_OPERATORS, 'to become the xpu::Context XDNN calls need');
    if (!node) return undefined;
    if ('declined' in node) return node.declined;
    const { decline, handle, invocation: op } = node;
    const s = new XdnnCalls(ctx, handle);
    const reason = plan(op, s);
    return reason ? decline(reason) : s.lowering();
  },
};
