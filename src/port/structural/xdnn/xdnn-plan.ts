/**
 * Canonical operators with tensor views → one XDNN call (`planXdnn`), or why XDNN cannot express
 * the invocation. A pure function, so the descriptor life cycle can ask whether every use of a
 * descriptor ports. Signatures and layouts are the catalog's (mappings/kunlun/xdnn.yaml):
 *
 * - Gemm → `xpu::fc_fusion<T, T, T, TGEMM>`: row-major with leading dimensions. The views come
 *   from the column-major lifters (blas/column-major-views.ts); when Y is stored with unit row
 *   stride (a column-major C) the product is issued as Yᵀ = op(B)ᵀ·op(A)ᵀ, so every operand keeps
 *   its storage and only x_trans / w_trans and the leading dimensions change. C is either Y
 *   itself (fc_fusion's beta·y) or a bias broadcast along Y's rows (fc_fusion's float32 bias,
 *   beta = 1); a RELU epilogue is the fused activation. TGEMM is `float` (`tfloat32` where the
 *   source asks for TF32): Paddle's default int16 quantisation would not match cuBLAS fp32.
 * - Add → `xpu::broadcast_add` (cuDNN's C = alpha·A + beta·C with alpha = beta = 1, or a plain
 *   C = A + B), `xpu::add` (cuBLAS axpy with alpha = 1 on unit increments).
 * - Softmax / LogSoftmax → `xpu::softmax` / `xpu::log_softmax` with the shape and axis.
 * - Relu / Sigmoid / Tanh / Silu → the element-wise call over the packed length.
 * - BatchNormalization (inference) → `xpu::batch_norm_infer` on packed NCHW.
 * - MaxPool → `xpu::max_pool2d` on packed NCHW with symmetric paddings (the order XDNN expects
 *   for 4 values is not documented).
 * - Conv → `xpu::conv2d` (conv-plan.ts).
 *
 * cuDNN's blend factors (y = alpha·op(x) + beta·y) must be 1 and 0: XDNN calls overwrite y.
 */
import { ITEM_SIZE, type DType } from '../../../runtime/dtype.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import { isContiguous, product } from '../dnn/cudnn-descriptors.js';
import { planXdnnConv } from './conv-plan.js';

/** One argument of the XDNN call. */
export type XdnnArgument =
  | { readonly kind: 'text'; readonly text: string }
  /** A device pointer (with its element offset folded into `.plus(bytes)`). */
  | { readonly kind: 'pointer'; readonly view: TensorExpr }
  /** A member of a facade enum, written through the target names (`xpu.Activation_t.RELU`). */
  | { readonly kind: 'member'; readonly symbol: string }
  /** A device scratch buffer of the plan (`XdnnPlanned.scratch`). */
  | { readonly kind: 'scratch'; readonly name: string };

/** A device buffer the lowering allocates before its calls and frees after them. */
export interface XdnnScratch {
  readonly name: string;
  /** Its size in bytes, as code. */
  readonly bytes: string;
}

export interface XdnnCall {
  /** Catalog symbol (`xpu::fc_fusion`). */
  readonly symbol: string;
  /** C++ template arguments, in the catalog's order. */
  readonly template: readonly string[];
  /** Arguments after the context. */
  readonly args: readonly XdnnArgument[];
}

export interface XdnnPlanned {
  readonly ok: true;
  /** The call whose status is the source call's. */
  readonly call: XdnnCall;
  /** Calls before it (their statuses are checked like the call's). */
  readonly before?: readonly XdnnCall[];
  readonly scratch?: readonly XdnnScratch[];
  /** A host result read back from a scratch buffer after the calls (cuBLAS's host pointer mode). */
  readonly toHost?: { readonly dst: string; readonly scratch: string; readonly bytes: string };
}

export type XdnnPlan = XdnnPlanned | { readonly ok: false; readonly reason: string };

const TYPE_NAMES: Partial<Record<DType, string>> = { float32: 'float', float16: 'float16', bfloat16: 'bfloat16', int32: 'int', int64: 'int64_t' };

const FUSED_ACTIVATIONS: Readonly<Record<string, string>> = { Relu: 'RELU' };

const UNARY: Readonly<Record<string, { symbol: string; input: string; output: string }>> = {
  Relu: { symbol: 'xpu::relu', input: 'X', output: 'Y' },
  Sigmoid: { symbol: 'xpu::sigmoid', input: 'X', output: 'Y' },
  Tanh: { symbol: 'xpu::tanh', input: 'input', output: 'output' },
  Silu: { symbol: 'xpu::silu', input: 'X', output: 'Y' },
};

function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

function isOne(e: Expr | undefined): boolean {
  return numberOf(e) === 1;
}

function sameExpr(a: Expr | undefined, b: Expr | undefined): boolean {
  if (!a || !b) return a === b;
  const [x, y] = [numberOf(a), numberOf(b)];
  return a.text === b.text || (x !== undefined && x === y);
}

function sameView(a: TensorExpr, b: TensorExpr): boolean {
  const same = (x: readonly Expr[] | undefined, y: readonly Expr[] | undefined) => (x?.length ?? -1) === (y?.length ?? -2) && x!.every((e, i) => sameExpr(e, y![i]));
  return a.ptr.text === b.ptr.text && sameExpr(a.offset, b.offset) && same(a.dims, b.dims) && same(a.strides, b.strides);
}

export function typeName(view: TensorExpr): string | undefined {
  const dtype = view.dtype?.dtype;
  return dtype ? TYPE_NAMES[dtype] : undefined;
}

function list(items: readonly Expr[]): string {
  return `[${items.map((e) => e.text).join(', ')}]`;
}

/** y = alpha·op(x) + beta·y is op(x) only for alpha = 1 and beta = 0 (cuDNN's blend arguments). */
export function plainResult(invocation: OpInvocation): string | undefined {
  const alpha = invocation.args.get('alpha');
  const beta = invocation.args.get('beta');
  if (alpha && numberOf(alpha) !== 1) return `alpha is \`${alpha.text}\`, not the constant 1 (XDNN calls have no output scale)`;
  if (beta && numberOf(beta) !== 0) return `beta is \`${beta.text}\`, not the constant 0 (XDNN calls overwrite the output)`;
  return undefined;
}

function only(map: ReadonlyMap<string, TensorExpr>, name: string): TensorExpr | undefined {
  return map.size === 1 ? map.get(name) : undefined;
}

/** Whether every view has dims, strides and a dtype (an invocation with tensor views). */
function described(view: TensorExpr): boolean {
  return Boolean(view.dims && view.strides && view.dtype?.dtype);
}

/** A packed tensor of one element type: its XDNN type name, or why not. */
function packed(views: readonly TensorExpr[], what: string): { type: string } | { reason: string } {
  const type = typeName(views[0]);
  if (!type) return { reason: `the element type of ${what} (${views[0].dtype?.dtype ?? '?'}) has no XDNN template type` };
  if (views.some((v) => typeName(v) !== type)) return { reason: `${what} mix element types; XDNN's ${what} take one type T` };
  const strided = views.find((v) => !isContiguous(v));
  if (strided) return { reason: `\`${strided.ptr.text}\` is a strided view (strides ${list(strided.strides ?? [])}); XDNN takes packed tensors` };
  return { type };
}

interface Matrix {
  readonly view: TensorExpr;
  readonly rows: Expr;
  readonly cols: Expr;
  readonly rowStride: Expr;
  readonly colStride: Expr;
}

function matrix(view: TensorExpr): Matrix | undefined {
  if (view.dims?.length !== 2 || view.strides?.length !== 2) return undefined;
  return { view, rows: view.dims[0], cols: view.dims[1], rowStride: view.strides[0], colStride: view.strides[1] };
}

function transposed(m: Matrix): Matrix {
  return { view: m.view, rows: m.cols, cols: m.rows, rowStride: m.colStride, colStride: m.rowStride };
}

/** An fc_fusion operand: row-major with leading dimension ld, or stored transposed. */
function fcOperand(m: Matrix): { trans: boolean; ld: Expr } | undefined {
  if (isOne(m.colStride)) return { trans: false, ld: m.rowStride };
  if (isOne(m.rowStride)) return { trans: true, ld: m.colStride };
  return undefined;
}

function planGemm(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs, attributes } = invocation;
  const [a, b, c, y] = [inputs.get('A'), inputs.get('B'), inputs.get('C'), only(outputs, 'Y')];
  if (!a || !b || !y) return undefined;
  if ([a, b, y].some((v) => v.dims?.length === 3)) return { ok: false, reason: 'a strided batched GEMM: xpu::fc_batched takes packed matrices only, and the views here are not known to be packed' };
  const [ma, mb, my] = [matrix(a), matrix(b), matrix(y)];
  if (!ma || !mb || !my) return undefined;
  for (const name of ['transA', 'transB']) {
    const t = attributes.get(name)?.expr;
    if (t && numberOf(t) !== 0) return { ok: false, reason: `${name} is \`${t.text}\`; the row-major views already hold the transposes` };
  }
  const type = typeName(a);
  if (!type) return { ok: false, reason: `the element type ${a.dtype?.dtype ?? '(unknown)'} has no fc_fusion instantiation` };
  if (typeName(b) !== type || typeName(y) !== type) return { ok: false, reason: 'A, B and Y have different element types; fc_fusion is instantiated with one type for x, w and y' };
  if (a.dtype?.dtype === 'float64') return { ok: false, reason: 'fc_fusion has no float64 instantiation' };
  // Row-major Y (unit column stride) is fc_fusion's y; a unit row stride is Yᵀ = op(B)ᵀ·op(A)ᵀ.
  const direct = isOne(my.colStride);
  if (!direct && !isOne(my.rowStride)) return { ok: false, reason: `Y has no unit stride (strides ${list(y.strides!)}); fc_fusion writes rows with a leading dimension` };
  const [x, w, out] = direct ? [ma, mb, my] : [transposed(mb), transposed(ma), transposed(my)];
  const fx = fcOperand(x);
  const fw = fcOperand(w);
  if (!fx || !fw) return { ok: false, reason: `${!fx ? (direct ? 'A' : 'B') : direct ? 'B' : 'A'} has no unit stride; fc_fusion reads rows with a leading dimension` };
  const alpha = attributes.get('alpha')?.expr ?? generated('1', { kind: 'number', value: 1 });
  const beta = attributes.get('beta')?.expr ?? generated('1', { kind: 'number', value: 1 });
  let fcBeta: Expr = beta;
  let bias: TensorExpr | undefined;
  if (c && !sameView(c, y) && numberOf(beta) !== 0) {
    // C must be a bias along Y's rows (ONNX's broadcast C), added once: fc_fusion's bias.
    const mc = matrix(c);
    const oriented = mc ? (direct ? mc : transposed(mc)) : undefined;
    if (!oriented || !isOne(oriented.rows) || !sameExpr(oriented.cols, out.cols) || !(isOne(oriented.colStride) || isOne(oriented.cols))) {
      return { ok: false, reason: `C (\`${c.ptr.text}\`) is neither Y (fc_fusion's beta·y) nor a bias vector broadcast along Y's rows` };
    }
    if (numberOf(beta) !== 1) return { ok: false, reason: `beta is \`${beta.text}\` with a bias C; fc_fusion adds its bias unscaled` };
    if (c.dtype?.dtype !== 'float32') return { ok: false, reason: `the bias is ${c.dtype?.dtype ?? 'of unknown type'}; fc_fusion's bias is float32` };
    bias = c;
    fcBeta = generated('0', { kind: 'number', value: 0 });
  }
  const activation = attributes.get('activation');
  let act = 'LINEAR';
  if (activation) {
    const fused = activation.meaning ? FUSED_ACTIVATIONS[activation.meaning] : undefined;
    if (!fused) return { ok: false, reason: `the ${activation.meaning ?? activation.expr.text} epilogue has no fc_fusion activation whose formula the catalog confirms` };
    act = fused;
  }
  const computeMeaning = invocation.numerics.computeType?.meaning ?? '';
  const tf32 = computeMeaning.includes('tf32') || invocation.numerics.mathMode?.meaning === 'math.tf32';
  const tgemm = tf32 ? 'tfloat32' : 'float';
  if (tf32 && type !== 'float') return { ok: false, reason: `TF32 compute on ${type} operands has no fc_fusion instantiation` };
  const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
  return {
    ok: true,
    call: {
      symbol: 'xpu::fc_fusion',
      template: [type, type, type, tgemm],
      args: [
        { kind: 'pointer', view: x.view },
        { kind: 'pointer', view: w.view },
        { kind: 'pointer', view: y },
        text(out.rows.text),
        text(out.cols.text),
        text(x.cols.text),
        text(String(fx.trans)),
        text(String(fw.trans)),
        text('null'),
        text('null'),
        text('null'),
        text(fx.ld.text),
        text(fw.ld.text),
        text(out.rowStride.text),
        text(alpha.text),
        text(fcBeta.text),
        bias ? { kind: 'pointer', view: bias } : text('null'),
        { kind: 'member', symbol: `xpu::Activation_t::${act}` },
      ],
    },
  };
}

function planAdd(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs, attributes, args } = invocation;
  const [a, b, c] = [inputs.get('A'), inputs.get('B'), only(outputs, 'C')];
  if (!a || !b || !c || inputs.size !== 2) return undefined;
  const scaled = attributes.get('alpha')?.expr;
  if (scaled) {
    // cuBLAS axpy: C := y = alpha·A + B, vectors with increments.
    const types = packed([a, b, c], 'the operands');
    if ('reason' in types) return { ok: false, reason: types.reason };
    const n = product(c.dims!).text;
    if (numberOf(scaled) === 1) return { ok: true, call: { symbol: 'xpu::add', template: [types.type], args: [{ kind: 'pointer', view: a }, { kind: 'pointer', view: b }, { kind: 'pointer', view: c }, { kind: 'text', text: n }] } };
    if (!scaled.pure) return { ok: false, reason: `alpha \`${scaled.text}\` has side effects` };
    // xpu::add has no scale: alpha·x goes to a scratch buffer first (xpu::scale, bias 0).
    const size = ITEM_SIZE[a.dtype!.dtype!];
    return {
      ok: true,
      scratch: [{ name: 'scaled', bytes: `${operand(n)} * ${size}` }],
      before: [{ symbol: 'xpu::scale', template: [types.type], args: [{ kind: 'pointer', view: a }, { kind: 'scratch', name: 'scaled' }, { kind: 'text', text: n }, { kind: 'text', text: 'true' }, { kind: 'text', text: scaled.text }, { kind: 'text', text: '0' }] }],
      call: { symbol: 'xpu::add', template: [types.type], args: [{ kind: 'scratch', name: 'scaled' }, { kind: 'pointer', view: b }, { kind: 'pointer', view: c }, { kind: 'text', text: n }] },
    };
  }
  const alpha = args.get('alpha');
  const beta = args.get('beta');
  if (alpha || beta) {
    // cuDNN: C = alpha·B + beta·C with A the old C.
    if (!sameView(a, c)) return undefined;
    if (alpha && numberOf(alpha) !== 1) return { ok: false, reason: `alpha is \`${alpha.text}\`, not the constant 1 (xpu::broadcast_add has no scale)` };
    if (beta && numberOf(beta) !== 1) return { ok: false, reason: `beta is \`${beta.text}\`, not the constant 1 (xpu::broadcast_add adds to the output as it is)` };
  }
  const types = packed([a, b, c], 'the operands');
  if ('reason' in types) return { ok: false, reason: types.reason };
  return {
    ok: true,
    call: { symbol: 'xpu::broadcast_add', template: [types.type], args: [{ kind: 'pointer', view: a }, { kind: 'pointer', view: b }, { kind: 'pointer', view: c }, { kind: 'text', text: list(a.dims!) }, { kind: 'text', text: list(b.dims!) }] },
  };
}

/** `[a, b, c]` written by a lifter: its elements (top-level commas only). */
function elements(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of t.slice(1, -1)) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function planMaxPool(invocation: OpInvocation): XdnnPlan | undefined {
  const x = only(invocation.inputs, 'X');
  const y = invocation.outputs.get('Y');
  if (!x || !y || invocation.outputs.size !== 1) return undefined;
  const blend = plainResult(invocation);
  if (blend) return { ok: false, reason: blend };
  if (x.layout !== 'NCHW' || y.layout !== 'NCHW' || x.dims?.length !== 4) return { ok: false, reason: 'pooling over a tensor that is not packed NCHW' };
  const types = packed([x, y], 'the pooling tensors');
  if ('reason' in types) return { ok: false, reason: types.reason };
  const attr = (name: string) => elements(invocation.attributes.get(name)?.expr.text ?? '');
  const [kernel, strides, pads] = [attr('kernel_shape'), attr('strides'), attr('pads')];
  if (!kernel || !strides || !pads || kernel.length !== 2 || strides.length !== 2 || pads.length !== 4) return { ok: false, reason: 'the window, strides or paddings are not 2-D lists the port can read' };
  if (invocation.attributes.has('dilations') || invocation.attributes.has('ceil_mode')) return { ok: false, reason: 'xpu::max_pool2d has no dilations or ceil_mode' };
  // ONNX pads are [h_begin, w_begin, h_end, w_end]; XDNN's 2-value form is (h, w) on both sides.
  if (pads[0] !== pads[2] || pads[1] !== pads[3]) return { ok: false, reason: `the paddings ${list(pads.map((p) => generated(p)))} are not symmetric, and the order XDNN expects for 4 values is not documented` };
  const [n, c, h, w] = x.dims.map((d) => d.text);
  const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
  return {
    ok: true,
    call: {
      symbol: 'xpu::max_pool2d',
      template: [types.type],
      args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, text('null'), text(n), text(c), text(h), text(w), text(`[${kernel.join(', ')}]`), text(`[${strides.join(', ')}]`), text(`[${pads[0]}, ${pads[1]}]`), text('true')],
    },
  };
}

function planBatchNorm(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs } = invocation;
  const [x, scale, bias, mean, variance] = ['X', 'scale', 'B', 'input_mean', 'input_var'].map((n) => inputs.get(n));
  const y = only(outputs, 'Y');
  if (!x || !scale || !bias || !mean || !variance || !y) return undefined;
  const blend = plainResult(invocation);
  if (blend) return { ok: false, reason: blend };
  if (x.layout !== 'NCHW' || y.layout !== 'NCHW' || x.dims?.length !== 4) return { ok: false, reason: 'batch normalization over a tensor that is not packed NCHW' };
  const types = packed([x, y], 'x and y');
  if ('reason' in types) return { ok: false, reason: types.reason };
  const parameters = [scale, bias, mean, variance];
  const odd = parameters.find((p) => p.dtype?.dtype !== 'float32' || !isContiguous(p));
  if (odd) return { ok: false, reason: `the parameter \`${odd.ptr.text}\` is not a packed float32 vector (xpu::batch_norm_infer takes float32 scale, bias, mean and variance)` };
  const epsilon = invocation.attributes.get('epsilon')?.expr;
  if (!epsilon) return { ok: false, reason: 'no epsilon' };
  const [n, c, h, w] = x.dims.map((d) => d.text);
  const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
  return {
    ok: true,
    call: {
      symbol: 'xpu::batch_norm_infer',
      template: [types.type],
      args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, text(n), text(c), text(h), text(w), text(epsilon.text), ...parameters.map((p): XdnnArgument => ({ kind: 'pointer', view: p })), text('true')],
    },
  };
}

/** x := alpha·x (cuBLAS scal): Mul of the vector A by the host scalar B, in place. */
function planScale(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs } = invocation;
  const [a, b, c] = [inputs.get('A'), inputs.get('B'), only(outputs, 'C')];
  if (!a || !b || !c || b.layout !== 'host' || !described(a) || !described(c)) return undefined;
  const types = packed([a, c], 'x and y');
  if ('reason' in types) return { ok: false, reason: types.reason };
  return {
    ok: true,
    call: { symbol: 'xpu::scale', template: [types.type], args: [{ kind: 'pointer', view: a }, { kind: 'pointer', view: c }, { kind: 'text', text: product(c.dims!).text }, { kind: 'text', text: 'true' }, { kind: 'text', text: b.ptr.text }, { kind: 'text', text: '0' }] },
  };
}

/** result = Σ x·y into host memory (cuBLAS dot): xpu::mul, xpu::reduce_sum, then a copy to the host. */
function planDot(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs } = invocation;
  const [a, b, y] = [inputs.get('A'), inputs.get('B'), only(outputs, 'Y')];
  if (!a || !b || !y || y.layout !== 'host' || a.dims?.length !== 1 || b.dims?.length !== 1 || !described(a) || !described(b)) return undefined;
  const types = packed([a, b], 'x and y');
  if ('reason' in types) return { ok: false, reason: types.reason };
  const n = a.dims[0].text;
  const size = ITEM_SIZE[a.dtype!.dtype!];
  return {
    ok: true,
    scratch: [
      { name: 'products', bytes: `${operand(n)} * ${size}` },
      { name: 'sum', bytes: String(size) },
    ],
    before: [{ symbol: 'xpu::mul', template: [types.type], args: [{ kind: 'pointer', view: a }, { kind: 'pointer', view: b }, { kind: 'scratch', name: 'products' }, { kind: 'text', text: n }] }],
    call: { symbol: 'xpu::reduce_sum', template: [types.type], args: [{ kind: 'scratch', name: 'products' }, { kind: 'scratch', name: 'sum' }, { kind: 'text', text: `[${n}]` }, { kind: 'text', text: '[0]' }] },
    toHost: { dst: y.ptr.text, scratch: 'sum', bytes: String(size) },
  };
}

/**
 * LayerNormalization / RMSNormalization over the axes from `axis` on: XDNN normalises the rows of
 * the (m, n) view of a packed tensor, with float32 scale and bias of n elements.
 */
function planNormalization(invocation: OpInvocation): XdnnPlan | undefined {
  const { operator, inputs, outputs, attributes } = invocation;
  const layer = operator === 'LayerNormalization';
  const [x, scale, bias, y] = [inputs.get('X'), inputs.get(layer ? 'Scale' : 'scale'), inputs.get('B'), only(outputs, 'Y')];
  const axis = numberOf(attributes.get('axis')?.expr);
  const epsilon = attributes.get('epsilon')?.expr;
  if (!x || !scale || !y || axis === undefined || !epsilon) return undefined;
  if (!layer && bias) return undefined;
  const types = packed([x, y], 'x and y');
  if ('reason' in types) return { ok: false, reason: types.reason };
  const parameters = bias ? [scale, bias] : [scale];
  const odd = parameters.find((p) => !isContiguous(p) || (layer && p.dtype?.dtype !== 'float32') || (!layer && typeName(p) !== types.type));
  if (odd) return { ok: false, reason: `\`${odd.ptr.text}\` is not a packed ${layer ? 'float32' : types.type} vector (XDNN's ${layer ? 'layer_norm takes float32 scale and bias' : 'rms_layer_norm takes a weight of type T'})` };
  const rank = x.dims!.length;
  const at = axis < 0 ? axis + rank : axis;
  const m = product(x.dims!.slice(0, at)).text;
  const n = product(x.dims!.slice(at)).text;
  const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
  if (layer) {
    return {
      ok: true,
      call: { symbol: 'xpu::layer_norm', template: [types.type], args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, text(m), text(n), text(epsilon.text), { kind: 'pointer', view: scale }, bias ? { kind: 'pointer', view: bias } : text('null')] },
    };
  }
  return {
    ok: true,
    call: { symbol: 'xpu::rms_layer_norm', template: [types.type, types.type], args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, text(m), text(n), text(epsilon.text), { kind: 'pointer', view: scale }] },
  };
}

/** The XDNN call for an operator invocation, or why it has none; undefined when not ours. */
export function planXdnn(invocation: Invocation): XdnnPlan | undefined {
  if (invocation.kind !== 'operator') return undefined;
  const { operator, inputs, outputs, attributes } = invocation;
  if (operator === 'Mul') return planScale(invocation);
  if (operator === 'MatMul') return planDot(invocation);
  if (![...inputs.values(), ...outputs.values()].every(described)) return undefined;
  switch (operator) {
    case 'Gemm':
      return planGemm(invocation);
    case 'Add':
      return planAdd(invocation);
    case 'MaxPool':
      return planMaxPool(invocation);
    case 'Conv':
      return planXdnnConv(invocation);
    case 'BatchNormalization':
      return planBatchNorm(invocation);
    case 'LayerNormalization':
    case 'RMSNormalization':
      return planNormalization(invocation);
    case 'Softmax':
    case 'LogSoftmax': {
      const x = only(inputs, 'input');
      const y = only(outputs, 'output');
      const axis = attributes.get('axis')?.expr;
      if (!x || !y || !axis) return undefined;
      const blend = plainResult(invocation);
      if (blend) return { ok: false, reason: blend };
      const types = packed([x, y], 'input and output');
      if ('reason' in types) return { ok: false, reason: types.reason };
      const symbol = operator === 'Softmax' ? 'xpu::softmax' : 'xpu::log_softmax';
      return { ok: true, call: { symbol, template: [types.type], args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, { kind: 'text', text: list(x.dims!) }, { kind: 'text', text: axis.text }] } };
    }
    default: {
      const unary = UNARY[operator];
      if (!unary) return undefined;
      const x = only(inputs, unary.input);
      const y = only(outputs, unary.output);
      if (!x || !y) return undefined;
      const blend = plainResult(invocation);
      if (blend) return { ok: false, reason: blend };
      const types = packed([x, y], 'input and output');
      if ('reason' in types) return { ok: false, reason: types.reason };
      return { ok: true, call: { symbol: unary.symbol, template: [types.type], args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, { kind: 'text', text: product(x.dims!).text }] } };
    }
  }
}

/** The operators planXdnn serves (one registration each). */
export const XDNN_OPERATORS = ['Gemm', 'Add', 'Mul', 'MatMul', 'Softmax', 'LogSoftmax', 'MaxPool', 'Conv', 'BatchNormalization', 'LayerNormalization', 'RMSNormalization', ...Object.keys(UNARY)] as const;

/** A pointer argument: the base pointer, or `base.plus(bytes)` for a view with an element offset. */
export function pointerText(view: TensorExpr): string {
  if (!view.offset) return view.ptr.text;
  const size = view.dtype?.dtype ? ITEM_SIZE[view.dtype.dtype] : undefined;
  const known = numberOf(view.offset);
  const bytes = known !== undefined && size ? String(known * size) : `${operand(view.offset.text)} * ${size ?? '?'}`;
  return `${view.ptr.text}.plus(${bytes})`;
}
