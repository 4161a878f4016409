/**
 * Operators legacy cuDNN has no call for, over tensor views → a one-node cudnn-frontend graph, as
 * the CUDA facade's `fe` offers it and the frontend's samples write it: a graph with the output's
 * io type and FLOAT intermediate / compute types, one tensor per view (dims and element strides,
 * padded with trailing 1s to 4 dims; a tensor of another type says so with set_data_type), the
 * node, the output set with its view; then validate → build_operation_graph →
 * create_execution_plans (heuristics A, FALLBACK) → check_support → build_plans, the workspace
 * the plan asks for, and the execute with its variant pack. A cuDNN handle is made for the call
 * and bound to the stream. The frontend answers `error_t`, not a status, so the call's value is
 * CUDNN_STATUS_SUCCESS when every step is good and CUDNN_STATUS_EXECUTION_FAILED otherwise.
 *
 * - LayerNormalization (axis 1, with bias) → `layernorm`, INFERENCE, epsilon by value.
 * - RMSNormalization (normalising the trailing dims the scale spans) → `rmsnorm`, INFERENCE; with
 *   an `InvStdDev` output (aclnnRmsNorm's rstd) TRAINING, whose INV_VARIANCE is that output.
 * - Attention ([b, h, s, d] views) → `sdpa` (scale, causal mask top-left or bottom-right, GQA by
 *   K's head count, Stats when softmax_lse is an output).
 * - Gelu → pointwise GELU_FWD (erf form) or GELU_APPROX_TANH_FWD (`approximate = 'tanh'`); Silu →
 *   SWISH_FWD (swish_beta left unset: x·sigmoid(x)); Add / Mul of two tensors (broadcast by
 *   dims) → pointwise ADD / MUL (an `alpha` other than 1 on Add is declined).
 *
 * Pointwise nodes compute in FLOAT and round once into the output's type (the facade's
 * cudnn-fe-pointwise.ts), as aclnn's float32-computing kernels do. Declined with the reason:
 * dtypes the frontend graph is not written for, element offsets, more than 8 dims.
 */
import type { Expr } from '../../ir/expr.js';
import type { OpInvocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { memberByMeaning } from '../../mapping/enum-mapping.js';
import { declineOn } from './cublas-lowerers.js';
import { CudaStatements, isView, numberOf, stemOf, type ViewTensor } from './cuda-statements.js';

const GRAPH_DTYPES: ReadonlySet<string> = new Set(['float32', 'float16', 'bfloat16']);

/** Dims and strides as written for the graph: `leading` 1s first, trailing 1s up to 4 dims. */
function layout(view: ViewTensor, leading = 0): { dims: string[]; strides: string[] } {
  const dims = view.dims.map((d) => d.text);
  const strides = view.strides.map((s) => s.text);
  const outer = view.dims.length === 0 ? '1' : view.dims.length === 1 ? view.dims[0].text : `${view.dims[0].text} * ${view.strides[0].text}`;
  for (let i = 0; i < leading; i++) {
    dims.unshift('1');
    strides.unshift(outer);
  }
  while (dims.length < 4) {
    dims.push('1');
    strides.push('1');
  }
  return { dims, strides };
}

/** One graph with one node, written as statements of a lowering. */
class OneNodeGraph {
  readonly s: CudaStatements;
  readonly fe: string;
  readonly graph: string;
  private readonly pack: [string, string][] = [];
  private readonly handle: string;

  constructor(
    private readonly ctx: LowerContext,
    private readonly invocation: OpInvocation,
    stem: string,
    private readonly ioType: string,
  ) {
    const s = (this.s = new CudaStatements(ctx));
    this.fe = s.value('fe');
    this.handle = s.declareRef('cudnnHandle', 'cudnnHandle_t');
    s.before('cudnnCreate', [this.handle]);
    const stream = invocation.stream;
    if (stream && !/^(null|undefined|0)$/.test(stream.text)) s.before('cudnnSetStream', [`${this.handle}.value`, stream.text]);
    s.after('cudnnDestroy', [`${this.handle}.value`]);
    this.graph = s.fresh(`${stem}Graph`);
    const type = (t: string) => `${this.fe}.DataType_t.${t}`;
    this.declare(`const ${this.graph} = new ${this.fe}.graph.Graph()`);
    this.statement(`${this.graph}.set_io_data_type(${type(ioType)}).set_intermediate_data_type(${type('FLOAT')}).set_compute_data_type(${type('FLOAT')})`);
  }

  declare(text: string): void {
    this.s.prelude.push({ text, declares: true });
  }

  statement(text: string): void {
    this.s.prelude.push({ text, declares: false });
  }

  /** `.set_data_type(…)` when the view's type is not the graph's io type. */
  private dataType(view: ViewTensor): string {
    const name = frontendType(this.ctx, view.dtype.dtype);
    return name && name !== this.ioType ? `.set_data_type(${this.fe}.DataType_t.${name})` : '';
  }

  /** An input tensor of the graph, bound to the view's address in the variant pack. */
  input(name: string, view: ViewTensor, leading = 0): string {
    const { dims, strides } = layout(view, leading);
    const local = this.s.fresh(`${stemOf(view.ptr, name)}Tensor`);
    this.declare(`const ${local} = ${this.graph}.tensor(new ${this.fe}.graph.Tensor_attributes().set_name('${name}').set_dim([${dims.join(', ')}]).set_stride([${strides.join(', ')}])${this.dataType(view)})`);
    this.pack.push([local, this.s.address(view)!]);
    return local;
  }

  /** Marks a node's output as the view (dims, strides, type). */
  output(local: string, view: ViewTensor): void {
    const { dims, strides } = layout(view);
    this.statement(`${local}.set_output(true).set_dim([${dims.join(', ')}]).set_stride([${strides.join(', ')}])${this.dataType(view)}`);
    this.pack.push([local, this.s.address(view)!]);
  }

  /** A fresh name for a node's output. */
  fresh(base: string): string {
    return this.s.fresh(base);
  }

  /** Build, workspace, execute; the status as the call's value. */
  done(stem: string, node: string): LowerResult {
    const { s, graph, fe } = this;
    const handle = `${this.handle}.value`;
    const ready = s.fresh(`${stem}Ready`);
    this.declare(
      `const ${ready} = ${graph}.validate().is_good() && ${graph}.build_operation_graph(${handle}).is_good() && ${graph}.create_execution_plans([${fe}.HeurMode_t.A, ${fe}.HeurMode_t.FALLBACK]).is_good() && ${graph}.check_support().is_good() && ${graph}.build_plans().is_good()`,
    );
    const size = s.fresh(`${stem}WorkspaceSize`);
    const workspace = s.declareRef(`${stem}Workspace`, 'DevicePtr');
    this.declare(`const ${size} = ${graph}.get_workspace_size()`);
    this.statement(`if (${size} > 0) ${s.value('cudaMalloc')}(${workspace}, ${size})`);
    s.symbols.push('cudaMalloc');
    s.epilogue.push({ text: `if (${size} > 0) ${s.value('cudaFree')}(${workspace}.value)`, declares: false });
    s.symbols.push('cudaFree');
    const success = s.member('cudnnStatus_t', 'status.success');
    const failed = s.member('cudnnStatus_t', 'status.execution-failed');
    if (!success || !failed) return declineOn(this.invocation, this.ctx, 'the CUDA catalog lacks the cuDNN statuses');
    const pack = `new Map([${this.pack.map(([t, p]) => `[${t}, ${p}]`).join(', ')}])`;
    const call = `(${ready} && ${graph}.execute(${handle}, ${pack}, ${size} > 0 ? ${workspace}.value : null).is_good() ? ${success} : ${failed})`;
    return { ok: true, lowering: s.lowering(call, node) };
  }
}

/** The frontend DataType_t member of a runtime dtype (`FLOAT`), by the catalog's meaning. */
function frontendType(ctx: LowerContext, dtype: string | undefined): string | undefined {
  const e = ctx.catalog.backend(ctx.target).enums.get('cudnn_frontend::DataType_t');
  return dtype && e ? memberByMeaning(e, `dtype.${dtype}`)?.name : undefined;
}

/** Why the views cannot be graph tensors, or undefined. */
function unsupported(views: readonly ViewTensor[]): string | undefined {
  const dtype = views.find((v) => !v.dtype.dtype || !GRAPH_DTYPES.has(v.dtype.dtype));
  if (dtype) return `a ${dtype.dtype.meaning} tensor: the graph is written for float32, float16 and bfloat16`;
  if (views.some((v) => v.offset && numberOf(v.offset) !== 0)) return 'a tensor starts at an element offset, which a variant pack entry cannot take';
  if (views.some((v) => v.dims.length > 8)) return 'a view of more than 8 dims';
  return undefined;
}

function pureEpsilon(invocation: OpInvocation): Expr | undefined {
  const epsilon = invocation.attributes.get('epsilon')?.expr;
  return epsilon?.pure ? epsilon : undefined;
}

function layerNorm(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const [x, scale, bias, y] = [invocation.inputs.get('X'), invocation.inputs.get('Scale'), invocation.inputs.get('B'), invocation.outputs.get('Y')];
  if (!isView(x) || !isView(scale) || !isView(y) || (bias && !isView(bias))) return undefined;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const rank = x.dims.length;
  let axis = numberOf(invocation.attributes.get('axis')?.expr);
  if (axis !== undefined && axis < 0) axis += rank;
  if (axis !== 1) return fail(`layer norm over the dims from ${axis ?? '?'} on: the cudnn-frontend layernorm normalises every dim after the first (axis 1)`);
  if (!bias) return fail('layer norm without a bias: the cudnn-frontend layernorm node takes one');
  if (rank > 4 || rank < 2) return fail(`a ${rank}-D layer norm; this port writes 2-D to 4-D graphs`);
  if ([x, scale, bias, y].some((t) => t.dtype.dtype !== 'float32')) return fail('the layer norm is not float32 throughout');
  const why = unsupported([x, scale, bias, y]);
  if (why) return fail(why);
  const epsilon = pureEpsilon(invocation);
  if (!epsilon) return fail('epsilon is missing or has side effects');
  const g = new OneNodeGraph(ctx, invocation, 'layerNorm', 'FLOAT');
  const [tx, tScale, tBias] = [g.input('X', x), g.input('scale', scale, 1), g.input('bias', bias, 1)];
  const ty = g.fresh(`${stemOf(y.ptr, 'y')}Tensor`);
  g.declare(`const [${ty}] = ${g.graph}.layernorm(${tx}, ${tScale}, ${tBias}, new ${g.fe}.graph.Layernorm_attributes().set_forward_phase(${g.fe}.NormFwdPhase_t.INFERENCE).set_epsilon(${g.graph}.tensor(${epsilon.text})))`);
  g.output(ty, y);
  return g.done('layerNorm', 'cudnn_frontend::graph::Graph::execute');
}

function rmsNorm(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const [x, scale, y, invStd] = [invocation.inputs.get('X'), invocation.inputs.get('scale'), invocation.outputs.get('Y'), invocation.outputs.get('InvStdDev')];
  if (!isView(x) || !isView(scale) || !isView(y) || (invStd && !isView(invStd))) return undefined;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const rank = x.dims.length;
  let axis = numberOf(invocation.attributes.get('axis')?.expr) ?? -1;
  if (axis < 0) axis += rank;
  if (rank > 4) return fail(`a ${rank}-D RMS norm; this port writes up to 4-D graphs`);
  // The frontend normalises over the dims the scale spans: scale is X's trailing dims from axis.
  const spanned = x.dims.slice(axis).map((d) => d.text);
  if (scale.dims.length !== spanned.length || scale.dims.some((d, i) => d.text !== spanned[i])) return fail(`the scale [${scale.dims.map((d) => d.text).join(', ')}] is not X's dims from axis ${axis}`);
  const why = unsupported([x, scale, y, ...(invStd ? [invStd] : [])]);
  if (why) return fail(why);
  const epsilon = pureEpsilon(invocation);
  if (!epsilon) return fail('epsilon is missing or has side effects');
  const io = frontendType(ctx, y.dtype.dtype)!;
  const g = new OneNodeGraph(ctx, invocation, 'rmsNorm', io);
  const tx = g.input('X', x);
  const tScale = g.input('scale', scale, axis);
  const ty = g.fresh(`${stemOf(y.ptr, 'y')}Tensor`);
  const phase = invStd ? 'TRAINING' : 'INFERENCE';
  const inv = invStd ? g.fresh(`${stemOf(invStd.ptr, 'invStd')}Tensor`) : undefined;
  g.declare(`const [${[ty, ...(inv ? [inv] : [])].join(', ')}] = ${g.graph}.rmsnorm(${tx}, ${tScale}, new ${g.fe}.graph.Rmsnorm_attributes().set_forward_phase(${g.fe}.NormFwdPhase_t.${phase}).set_epsilon(${g.graph}.tensor(${epsilon.text})))`);
  g.output(ty, y);
  if (inv && invStd) g.output(`${inv}!`, invStd);
  return g.done('rmsNorm', 'cudnn_frontend::graph::Graph::execute');
}

const POINTWISE: Readonly<Record<string, { inputs: readonly string[]; output: string }>> = {
  Gelu: { inputs: ['X'], output: 'Y' },
  Silu: { inputs: ['X'], output: 'Y' },
  Add: { inputs: ['A', 'B'], output: 'C' },
  Sub: { inputs: ['A', 'B'], output: 'C' },
  Mul: { inputs: ['A', 'B'], output: 'C' },
  Div: { inputs: ['A', 'B'], output: 'C' },
};

/** The frontend's arithmetic modes (C = A op B), mappings/cuda/cudnn-frontend.yaml. */
const ARITHMETIC: Readonly<Record<string, string>> = { Add: 'ADD', Sub: 'SUB', Mul: 'MUL', Div: 'DIV' };

function pointwiseMode(invocation: OpInvocation): string | { error: string } {
  switch (invocation.operator) {
    case 'Gelu': {
      const approximate = invocation.attributes.get('approximate');
      const value = approximate?.meaning ?? (approximate?.expr.value?.kind === 'string' ? approximate.expr.value.value : approximate?.expr.text.replace(/^['"]|['"]$/g, ''));
      if (value === undefined || value === 'none') return 'GELU_FWD';
      if (value === 'tanh') return 'GELU_APPROX_TANH_FWD';
      return { error: `the GELU approximation \`${approximate!.expr.text}\` is neither 'none' nor 'tanh'` };
    }
    case 'Silu':
      return 'SWISH_FWD';
    default:
      return ARITHMETIC[invocation.operator] ?? { error: `no pointwise mode for ${invocation.operator}` };
  }
}

function pointwise(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const spec = POINTWISE[invocation.operator];
  if (!spec || invocation.inputs.size !== spec.inputs.length || invocation.outputs.size !== 1) return undefined;
  const operands = spec.inputs.map((n) => invocation.inputs.get(n));
  const out = invocation.outputs.get(spec.output);
  if (!operands.every(isView) || !isView(out) || [...operands, out].some((t) => t?.layout === 'host')) return undefined;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const views = operands as ViewTensor[];
  const named = ARITHMETIC[invocation.operator] ?? invocation.operator;
  const alpha = invocation.args.get('alpha') ?? invocation.attributes.get('alpha')?.expr;
  if (alpha && numberOf(alpha) !== 1) return fail(`alpha is \`${alpha.text}\`; the pointwise ${named} takes none (a scaled operand is not written)`);
  const beta = invocation.args.get('beta');
  if (beta && numberOf(beta) !== 1) return fail(`beta is \`${beta.text}\`; the pointwise ${named} takes none`);
  const mode = pointwiseMode(invocation);
  if (typeof mode !== 'string') return fail(mode.error);
  const why = unsupported([...views, out]);
  if (why) return fail(why);
  const rank = Math.max(out.dims.length, ...views.map((v) => v.dims.length));
  if (rank > 4 && views.some((v) => v.dims.length !== rank)) return fail('operands of different ranks beyond 4 dims');
  const stem = invocation.operator.toLowerCase();
  const g = new OneNodeGraph(ctx, invocation, stem, frontendType(ctx, out.dtype.dtype)!);
  const names = views.length === 1 ? ['X'] : ['A', 'B'];
  const tensors = views.map((v, i) => g.input(names[i], v, rank - v.dims.length));
  const result = g.fresh(`${stemOf(out.ptr, 'y')}Tensor`);
  g.declare(`const ${result} = ${g.graph}.pointwise(${[...tensors, `new ${g.fe}.graph.Pointwise_attributes().set_mode(${g.fe}.PointwiseMode_t.${mode})`].join(', ')})`);
  g.output(result, out);
  return g.done(stem, 'cudnn_frontend::graph::Graph::execute');
}

/**
 * Attention over [b, h, s, d] views (Q, K, V, Y; the inverse of dnn/frontend-attention.ts) →
 * `sdpa` with the scale, a top-left causal mask (`set_causal_mask`) or a bottom-right one, grouped
 * query heads by K's head count, and Stats (softmax_lse, float32) when it is an output.
 */
function attention(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const [q, k, v, y, lse] = [invocation.inputs.get('Q'), invocation.inputs.get('K'), invocation.inputs.get('V'), invocation.outputs.get('Y'), invocation.outputs.get('softmax_lse')];
  if (!isView(q) || !isView(k) || !isView(v) || !isView(y) || (lse && !isView(lse)) || invocation.inputs.size !== 3) return undefined;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  if ([q, k, v, y].some((t) => t.dims.length !== 4)) return fail('Q, K, V and Y are not 4-D [b, h, s, d] views');
  const why = unsupported([q, k, v, y, ...(lse ? [lse] : [])]);
  if (why) return fail(why);
  const scale = invocation.attributes.get('scale')?.expr;
  if (scale && !scale.pure) return fail(`the scale \`${scale.text}\` has side effects`);
  const causal = invocation.attributes.get('is_causal');
  const causalValue = causal ? numberOf(causal.expr) : 0;
  if (causalValue === undefined) return fail(`is_causal \`${causal!.expr.text}\` is not a constant`);
  if (lse && lse.dtype.dtype !== 'float32') return fail('Stats (softmax_lse) is not float32');
  const g = new OneNodeGraph(ctx, invocation, 'sdpa', frontendType(ctx, y.dtype.dtype)!);
  const [tq, tk, tv] = [g.input('Q', q), g.input('K', k), g.input('V', v)];
  const options = [`set_name('flash_attention')`, `set_generate_stats(${lse ? 'true' : 'false'})`];
  if (causalValue) options.push(causal?.meaning === 'causal.bottom-right' ? 'set_causal_mask_bottom_right(true)' : 'set_causal_mask(true)');
  if (scale) options.push(`set_attn_scale(${scale.text})`);
  const to = g.fresh(`${stemOf(y.ptr, 'o')}Tensor`);
  const stats = lse ? g.fresh(`${stemOf(lse.ptr, 'stats')}Tensor`) : undefined;
  g.declare(`const [${[to, ...(stats ? [stats] : [])].join(', ')}] = ${g.graph}.sdpa(${tq}, ${tk}, ${tv}, new ${g.fe}.graph.SDPA_attributes().${options.join('.')})`);
  g.output(to, y);
  if (stats && lse) g.output(`${stats}!`, lse);
  return g.done('sdpa', 'cudnn_frontend::graph::Graph::execute');
}

export const frontendGraphLowerer: Lowerer = {
  name: 'one-node cudnn-frontend graph over tensor views',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator') return undefined;
    switch (invocation.operator) {
      case 'LayerNormalization':
        return layerNorm(invocation, ctx);
      case 'RMSNormalization':
        return rmsNorm(invocation, ctx);
      case 'Attention':
        return attention(invocation, ctx);
      default:
        return pointwise(invocation, ctx);
    }
  },
};

/** The operators frontendGraphLowerer serves (one registration each; Add only when cuBLAS and cuDNN's in-place adds decline). */
export const FRONTEND_GRAPH_OPERATORS = ['LayerNormalization', 'RMSNormalization', 'Attention', 'Gelu', 'Silu', 'Add', 'Sub', 'Mul', 'Div'] as const;
