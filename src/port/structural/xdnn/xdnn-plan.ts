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
 *   beta = 1); a RELU epilogue is the fused activation, a tanh GELU epilogue calls after it
 *   (xpu::gelu's formula is undocumented). TGEMM is `float` (`tfloat32` where the source asks
 *   for TF32): Paddle's default int16 quantisation would not match cuBLAS fp32. A batch is one
 *   `xpu::fc_batched` when its matrices are packed, else one fc_fusion per matrix.
 * - Add → `xpu::broadcast_add` (cuDNN's C = alpha·A + beta·C with beta = 1 — alpha·A first
 *   scaled into a scratch buffer by `xpu::scale` when alpha ≠ 1 — or a plain C = A + B), `xpu::add` (cuBLAS axpy with alpha = 1 on unit increments).
 * - Cast → `xpu::cast<TX, TY>` over the packed length.
 * - Softmax / LogSoftmax → `xpu::softmax` / `xpu::log_softmax` with the shape and axis.
 * - Relu / Sigmoid / Tanh / Silu → the element-wise call over the packed length (also for input
 *   and output views alike over one dense block in another order, dense-views.ts).
 * - BatchNormalization (inference) → `xpu::batch_norm_infer` on packed NCHW.
 * - MaxPool → `xpu::max_pool2d`, AveragePool → `xpu::avg_pool2d` with count_include_pad, on
 *   packed NCHW with symmetric paddings (the order XDNN expects for 4 values is not documented).
 * - Conv → `xpu::conv2d` (conv-plan.ts).
 *
 * cuDNN's blend factors (y = alpha·op(x) + beta·y) must be 1 and 0: XDNN calls overwrite y.
 */
import { ITEM_SIZE, type DType } from '../../../runtime/dtype.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, Invocation, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import { isContiguous, product } from '../dnn/cudnn-descriptors.js';
import { planXdnnConv } from './conv-plan.js';
import { denseAlike } from './dense-views.js';

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
  /** Calls on the result after the call. */
  readonly activation?: XdnnActivation;
  /** The call runs once per matrix of a batch: `call(index)` is the one for matrix `index`. */
  readonly perMatrix?: { readonly count: string; readonly call: (index: string) => XdnnCall };
  /** A host result read back from a scratch buffer after the calls (cuBLAS's host pointer mode). */
  readonly toHost?: { readonly dst: string; readonly scratch: string; readonly bytes: string };
}

export type XdnnPlan = XdnnPlanned | { readonly ok: false; readonly reason: string };

/** Calls run on the result after the planned call (an activation XDNN does not fuse), with their scratch. */
export interface XdnnActivation {
  readonly calls: readonly XdnnCall[];
  readonly scratch: readonly XdnnScratch[];
  /** For a helper's epilogue parameter: only for these of its values. */
  readonly when?: NonNullable<AttributeExpr['when']>;
}

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

/** Packed tensors (and `dense` views, already known to be alike over one block) of one element type: the XDNN type name, or why not. */
function packed(views: readonly TensorExpr[], what: string, dense: readonly TensorExpr[] = []): { type: string } | { reason: string } {
  const all = [...views, ...dense];
  const type = typeName(all[0]);
  if (!type) return { reason: `the element type of ${what} (${all[0].dtype?.dtype ?? '?'}) has no XDNN template type` };
  if (all.some((v) => typeName(v) !== type)) return { reason: `${what} mix element types; XDNN's ${what} take one type T` };
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

/** One fc_fusion problem: y = act(alpha·op(x)·op(w) + beta·y + bias), row-major with leading dimensions. */
interface FcProblem {
  readonly type: string;
  readonly tgemm: string;
  readonly x: Matrix;
  readonly w: Matrix;
  /** Which Gemm operand became x (A, or B when Y is computed transposed). */
  readonly xIs: 'A' | 'B';
  readonly out: Matrix;
  readonly xTrans: boolean;
  readonly wTrans: boolean;
  readonly ldx: Expr;
  readonly ldw: Expr;
  readonly alpha: Expr;
  readonly beta: Expr;
  readonly bias?: TensorExpr;
  /** The activation fused into fc_fusion (RELU), or LINEAR. */
  readonly act: string;
  /** An activation fc_fusion cannot fuse, run on y afterwards. */
  readonly after?: XdnnActivation;
}

/** How a 2-D Gemm over views becomes fc_fusion's arguments, or why it cannot. */
function fcProblem(invocation: OpInvocation, a: TensorExpr, b: TensorExpr, c: TensorExpr | undefined, y: TensorExpr): FcProblem | { reason: string } | undefined {
  const { attributes } = invocation;
  const [ma, mb, my] = [matrix(a), matrix(b), matrix(y)];
  if (!ma || !mb || !my) return undefined;
  for (const name of ['transA', 'transB']) {
    const t = attributes.get(name)?.expr;
    if (t && numberOf(t) !== 0) return { reason: `${name} is \`${t.text}\`; the row-major views already hold the transposes` };
  }
  const type = typeName(a);
  if (!type) return { reason: `the element type ${a.dtype?.dtype ?? '(unknown)'} has no fc_fusion instantiation` };
  if (typeName(b) !== type || typeName(y) !== type) return { reason: 'A, B and Y have different element types; fc_fusion is instantiated with one type for x, w and y' };
  if (a.dtype?.dtype === 'float64') return { reason: 'fc_fusion has no float64 instantiation' };
  // Row-major Y (unit column stride) is fc_fusion's y; a unit row stride is Yᵀ = op(B)ᵀ·op(A)ᵀ.
  const direct = isOne(my.colStride);
  if (!direct && !isOne(my.rowStride)) return { reason: `Y has no unit stride (strides ${list(y.strides!)}); fc_fusion writes rows with a leading dimension` };
  const [x, w, out] = direct ? [ma, mb, my] : [transposed(mb), transposed(ma), transposed(my)];
  const fx = fcOperand(x);
  const fw = fcOperand(w);
  if (!fx || !fw) return { reason: `${!fx ? (direct ? 'A' : 'B') : direct ? 'B' : 'A'} has no unit stride; fc_fusion reads rows with a leading dimension` };
  const alpha = attributes.get('alpha')?.expr ?? generated('1', { kind: 'number', value: 1 });
  const beta = attributes.get('beta')?.expr ?? generated('1', { kind: 'number', value: 1 });
  let fcBeta: Expr = beta;
  let bias: TensorExpr | undefined;
  if (c && !sameView(c, y) && numberOf(beta) !== 0) {
    // C must be a bias along Y's rows (ONNX's broadcast C), added once: fc_fusion's bias.
    const mc = matrix(c);
    const oriented = mc ? (direct ? mc : transposed(mc)) : undefined;
    if (!oriented || !isOne(oriented.rows) || !sameExpr(oriented.cols, out.cols) || !(isOne(oriented.colStride) || isOne(oriented.cols))) {
      return { reason: `C (\`${c.ptr.text}\`) is neither Y (fc_fusion's beta·y) nor a bias vector broadcast along Y's rows` };
    }
    if (numberOf(beta) !== 1) return { reason: `beta is \`${beta.text}\` with a bias C; fc_fusion adds its bias unscaled` };
    if (c.dtype?.dtype !== 'float32') return { reason: `the bias is ${c.dtype?.dtype ?? 'of unknown type'}; fc_fusion's bias is float32` };
    bias = c;
    fcBeta = generated('0', { kind: 'number', value: 0 });
  }
  const activation = attributes.get('activation');
  let act = 'LINEAR';
  let after: XdnnActivation | undefined;
  if (activation) {
    const fused = activation.meaning && !activation.when ? FUSED_ACTIVATIONS[activation.meaning] : undefined;
    if (fused) act = fused;
    else {
      const planned = separateActivation(invocation, activation, out, type);
      if ('reason' in planned) return planned;
      after = planned;
    }
  }
  const computeMeaning = invocation.numerics.computeType?.meaning ?? '';
  const tf32 = computeMeaning.includes('tf32') || invocation.numerics.mathMode?.meaning === 'math.tf32';
  if (tf32 && type !== 'float') return { reason: `TF32 compute on ${type} operands has no fc_fusion instantiation` };
  return { type, tgemm: tf32 ? 'tfloat32' : 'float', x, w, xIs: direct ? 'A' : 'B', out, xTrans: fx.trans, wTrans: fw.trans, ldx: fx.ld, ldw: fw.ld, alpha, beta: fcBeta, ...(bias ? { bias } : {}), act, ...(after ? { after } : {}) };
}

function fcFusionCall(p: FcProblem): XdnnCall {
  const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
  return {
    symbol: 'xpu::fc_fusion',
    template: [p.type, p.type, p.type, p.tgemm],
    args: [
      { kind: 'pointer', view: p.x.view },
      { kind: 'pointer', view: p.w.view },
      { kind: 'pointer', view: p.out.view },
      text(p.out.rows.text),
      text(p.out.cols.text),
      text(p.x.cols.text),
      text(String(p.xTrans)),
      text(String(p.wTrans)),
      text('null'),
      text('null'),
      text('null'),
      text(p.ldx.text),
      text(p.ldw.text),
      text(p.out.rowStride.text),
      text(p.alpha.text),
      text(p.beta.text),
      p.bias ? { kind: 'pointer', view: p.bias } : text('null'),
      { kind: 'member', symbol: `xpu::Activation_t::${p.act}` },
    ],
  };
}

/**
 * GELU in the tanh form on a packed y of `len` elements, from calls whose formulas are not in
 * doubt: 0.5·y·(1 + tanh(√(2/π)·(y + 0.044715·y³))) = y·sigmoid(2√(2/π)·y·(1 + 0.044715·y²)).
 * xpu::gelu is not used: which GELU it computes is not documented (mappings/kunlun/xdnn.yaml).
 */
function tanhGelu(y: TensorExpr, len: string, type: string): XdnnActivation {
  const t: XdnnArgument = { kind: 'scratch', name: 'gelu' };
  const v: XdnnArgument = { kind: 'pointer', view: y };
  const n: XdnnArgument = { kind: 'text', text: len };
  const call = (symbol: string, ...args: XdnnArgument[]): XdnnCall => ({ symbol, template: [type], args });
  const text = (s: string): XdnnArgument => ({ kind: 'text', text: s });
  return {
    scratch: [{ name: 'gelu', bytes: `${operand(len)} * ${ITEM_SIZE[y.dtype!.dtype!]}` }],
    calls: [
      call('xpu::mul', v, v, t, n),
      call('xpu::scale', t, t, n, text('true'), text('2 * Math.sqrt(2 / Math.PI) * 0.044715'), text('2 * Math.sqrt(2 / Math.PI)')),
      call('xpu::mul', t, v, t, n),
      call('xpu::sigmoid', t, t, n),
      call('xpu::mul', v, t, v, n),
    ],
  };
}

/** An activation fc_fusion does not fuse, as calls on y after it (under the epilogue parameter's test, if any). */
function separateActivation(invocation: OpInvocation, activation: AttributeExpr, out: Matrix, type: string): XdnnActivation | { reason: string } {
  const approximate = invocation.attributes.get('approximate')?.meaning;
  const when = activation.when ? { when: activation.when } : {};
  // y is written row by row with leading dimension ldy: packed when ldy is its row length (either orientation of the source's view).
  if (!isOne(out.colStride) || !sameExpr(out.rowStride, out.cols)) return { reason: `the ${activation.meaning ?? 'fused'} activation runs on y afterwards, and y (strides ${list(out.view.strides ?? [])}) is not packed` };
  const len = `${operand(out.rows.text)} * ${operand(out.cols.text)}`;
  if (activation.meaning === 'Relu') return { calls: [{ symbol: 'xpu::relu', template: [type], args: [{ kind: 'pointer', view: out.view }, { kind: 'pointer', view: out.view }, { kind: 'text', text: len }] }], scratch: [], ...when };
  if (activation.meaning === 'Gelu' && approximate === 'tanh') return { ...tanhGelu(out.view, len, type), ...when };
  return { reason: `the ${activation.meaning ?? activation.expr.text} epilogue${approximate ? ` (approximate ${approximate})` : ''} has no XDNN form whose formula the catalog confirms` };
}

function planGemm(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs } = invocation;
  const [a, b, c, y] = [inputs.get('A'), inputs.get('B'), inputs.get('C'), only(outputs, 'Y')];
  if (!a || !b || !y) return undefined;
  if ([a, b, y].some((v) => v.dims?.length === 3)) return planBatchedGemm(invocation, a, b, c, y);
  const problem = fcProblem(invocation, a, b, c, y);
  if (!problem) return undefined;
  if ('reason' in problem) return { ok: false, reason: problem.reason };
  return { ok: true, call: fcFusionCall(problem), ...(problem.after ? { activation: problem.after } : {}) };
}

/**
 * A strided batched GEMM. `xpu::fc_batched` takes packed matrices a fixed stride apart (its
 * leading dimensions are implied: x is m×k or k×m, w k×n or n×k, y m×n); when every matrix is
 * packed that is the call. Otherwise (heads side by side in a row, say) each matrix is one
 * fc_fusion, which takes leading dimensions: the call runs once per matrix, its pointers moved
 * by the batch strides.
 */
function planBatchedGemm(invocation: OpInvocation, a: TensorExpr, b: TensorExpr, c: TensorExpr | undefined, y: TensorExpr): XdnnPlan {
  if (![a, b, y, ...(c ? [c] : [])].every((v) => v.dims?.length === 3 && v.strides?.length === 3)) return { ok: false, reason: 'the operands of a batched GEMM have different ranks' };
  if (invocation.attributes.get('activation')) return { ok: false, reason: 'a batched GEMM with an epilogue activation is not ported' };
  const count = y.dims![0];
  const matrixAt = (t: TensorExpr, index?: string): TensorExpr => {
    const step = index === undefined ? undefined : `${operand(index)} * ${operand(t.strides![0].text)}`;
    const offset = step === undefined ? t.offset : generated(t.offset ? `${operand(t.offset.text)} + ${step}` : step);
    return { ...t, dims: t.dims!.slice(1), strides: t.strides!.slice(1), ...(offset ? { offset } : {}) };
  };
  const first = fcProblem(invocation, matrixAt(a), matrixAt(b), c && matrixAt(c), matrixAt(y));
  if (!first) return { ok: false, reason: 'the matrices of the batch are not 2-D views' };
  if ('reason' in first) return { ok: false, reason: first.reason };
  if (first.bias) return { ok: false, reason: 'a batched GEMM with a bias C is not ported' };
  const [xSource, wSource] = first.xIs === 'A' ? [a, b] : [b, a];
  const [m, n, k] = [first.out.rows, first.out.cols, first.x.cols];
  const packedLd = sameExpr(first.ldx, first.xTrans ? m : k) && sameExpr(first.ldw, first.wTrans ? k : n) && sameExpr(first.out.rowStride, n);
  const strides = [xSource, wSource, y].map((t) => t.strides![0]);
  const known = strides.map(numberOf);
  const wide = [numberOf(m)! * numberOf(k)!, numberOf(k)! * numberOf(n)!, numberOf(m)! * numberOf(n)!];
  const apart = known.every((s, i) => s !== undefined && !Number.isNaN(wide[i]) && s >= wide[i]);
  if (packedLd && apart) {
    const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
    const [sx, sw, sy] = strides.map((s) => s.text);
    return {
      ok: true,
      call: {
        symbol: 'xpu::fc_batched',
        template: [first.type, first.type, first.type, first.tgemm],
        args: [text(count.text), text(String(first.xTrans)), text(String(first.wTrans)), text(m.text), text(n.text), text(k.text), text(first.alpha.text), { kind: 'pointer', view: first.x.view }, text(sx), { kind: 'pointer', view: first.w.view }, text(sw), text(first.beta.text), { kind: 'pointer', view: first.out.view }, text(sy), text('null'), text('null')],
      },
    };
  }
  return {
    ok: true,
    call: fcFusionCall(first),
    perMatrix: {
      count: count.text,
      // Matrix `index` of each operand: the first's view moved by its batch stride.
      call: (index) => fcFusionCall({ ...first, x: { ...first.x, view: matrixAt(xSource, index) }, w: { ...first.w, view: matrixAt(wSource, index) }, out: { ...first.out, view: matrixAt(y, index) } }),
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
  let scale: Expr | undefined;
  if (alpha || beta) {
    // cuDNN: C = alpha·B + beta·C with A the old C.
    if (!sameView(a, c)) return undefined;
    if (beta && numberOf(beta) !== 1) return { ok: false, reason: `beta is \`${beta.text}\`, not the constant 1 (xpu::broadcast_add adds to the output as it is)` };
    if (alpha && numberOf(alpha) !== 1) {
      if (!alpha.pure) return { ok: false, reason: `alpha \`${alpha.text}\` has side effects` };
      scale = alpha;
    }
  }
  const types = packed([a, b, c], 'the operands');
  if ('reason' in types) return { ok: false, reason: types.reason };
  const add = (addend: XdnnArgument): XdnnCall => ({
    symbol: 'xpu::broadcast_add',
    template: [types.type],
    args: [{ kind: 'pointer', view: a }, addend, { kind: 'pointer', view: c }, { kind: 'text', text: list(a.dims!) }, { kind: 'text', text: list(b.dims!) }],
  });
  if (!scale) return { ok: true, call: add({ kind: 'pointer', view: b }) };
  // xpu::broadcast_add has no scale: alpha·B goes to a scratch buffer first (xpu::scale, bias 0).
  const n = product(b.dims!).text;
  return {
    ok: true,
    scratch: [{ name: 'scaled', bytes: `${operand(n)} * ${ITEM_SIZE[b.dtype!.dtype!]}` }],
    before: [{ symbol: 'xpu::scale', template: [types.type], args: [{ kind: 'pointer', view: b }, { kind: 'scratch', name: 'scaled' }, { kind: 'text', text: n }, { kind: 'text', text: 'true' }, { kind: 'text', text: scale.text }, { kind: 'text', text: '0' }] }],
    call: add({ kind: 'scratch', name: 'scaled' }),
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

/** MaxPool → xpu::max_pool2d; AveragePool → xpu::avg_pool2d with count_include_pad (cuDNN's INCLUDE / EXCLUDE_PADDING mode). */
function planPool(invocation: OpInvocation): XdnnPlan | undefined {
  const average = invocation.operator === 'AveragePool';
  const symbol = average ? 'xpu::avg_pool2d' : 'xpu::max_pool2d';
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
  if (invocation.attributes.has('dilations') || invocation.attributes.has('ceil_mode')) return { ok: false, reason: `${symbol} has no dilations or ceil_mode` };
  const include = invocation.attributes.get('count_include_pad')?.expr.value;
  if (average && (include?.kind !== 'number' || (include.value !== 0 && include.value !== 1))) return { ok: false, reason: 'count_include_pad is not a constant 0 or 1' };
  // ONNX pads are [h_begin, w_begin, h_end, w_end]; XDNN's 2-value form is (h, w) on both sides.
  if (pads[0] !== pads[2] || pads[1] !== pads[3]) return { ok: false, reason: `the paddings ${list(pads.map((p) => generated(p)))} are not symmetric, and the order XDNN expects for 4 values is not documented` };
  const [n, c, h, w] = x.dims.map((d) => d.text);
  const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
  return {
    ok: true,
    call: {
      symbol,
      template: [types.type],
      args: [
        { kind: 'pointer', view: x },
        { kind: 'pointer', view: y },
        ...(average ? [] : [text('null')]),
        text(n),
        text(c),
        text(h),
        text(w),
        text(`[${kernel.join(', ')}]`),
        text(`[${strides.join(', ')}]`),
        text(`[${pads[0]}, ${pads[1]}]`),
        ...(average && include?.kind === 'number' ? [text(include.value === 1 ? 'true' : 'false')] : []),
        text('true'),
      ],
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

/** C = A · B with no blend factors (cudnnOpTensor's out-of-place MUL) → `xpu::broadcast_mul` with the two shapes. */
function planBroadcastMul(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs, args } = invocation;
  const [a, b, c] = [inputs.get('A'), inputs.get('B'), only(outputs, 'C')];
  if (!a || !b || !c || inputs.size !== 2 || ![a, b, c].every(described) || [...args.keys()].some((k) => k !== 'handle')) return undefined;
  const types = packed([a, b, c], 'the operands');
  if ('reason' in types) return { ok: false, reason: types.reason };
  return { ok: true, call: { symbol: 'xpu::broadcast_mul', template: [types.type], args: [{ kind: 'pointer', view: a }, { kind: 'pointer', view: b }, { kind: 'pointer', view: c }, { kind: 'text', text: list(a.dims!) }, { kind: 'text', text: list(b.dims!) }] } };
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

/**
 * Cast (cudnnTransformTensor between two element types over one view) → `xpu::cast<TX, TY>` over
 * the packed length: element k of x becomes element k of y, so packed views, or views alike over
 * one dense block, convert exactly.
 */
function planCast(invocation: OpInvocation): XdnnPlan | undefined {
  const [x, y] = [only(invocation.inputs, 'input'), only(invocation.outputs, 'output')];
  if (!x || !y) return undefined;
  const blend = plainResult(invocation);
  if (blend) return { ok: false, reason: blend };
  const [from, to] = [typeName(x), typeName(y)];
  if (!from || !to) return { ok: false, reason: `the cast from ${x.dtype?.dtype ?? '?'} to ${y.dtype?.dtype ?? '?'} has no XDNN template types` };
  const alike = denseAlike([x, y]) || (isContiguous(x) && isContiguous(y));
  if (!alike) return { ok: false, reason: `\`${x.ptr.text}\` and \`${y.ptr.text}\` are not packed, nor alike over one dense block; xpu::cast converts a packed length` };
  return { ok: true, call: { symbol: 'xpu::cast', template: [from, to], args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, { kind: 'text', text: product(x.dims!).text }] } };
}

/** The XDNN call for an operator invocation, or why it has none; undefined when not ours. */
export function planXdnn(invocation: Invocation): XdnnPlan | undefined {
  if (invocation.kind !== 'operator') return undefined;
  const { operator, inputs, outputs, attributes } = invocation;
  if (operator === 'Mul') return planScale(invocation) ?? planBroadcastMul(invocation);
  if (operator === 'MatMul') return planDot(invocation);
  if (![...inputs.values(), ...outputs.values()].every(described)) return undefined;
  switch (operator) {
    case 'Gemm':
      return planGemm(invocation);
    case 'Add':
      return planAdd(invocation);
    case 'MaxPool':
    case 'AveragePool':
      return planPool(invocation);
    case 'Conv':
      return planXdnnConv(invocation);
    case 'BatchNormalization':
      return planBatchNorm(invocation);
    case 'LayerNormalization':
    case 'RMSNormalization':
      return planNormalization(invocation);
    case 'Cast':
      return planCast(invocation);
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
      // Views alike over one dense block (a column-major matrix) are the packed length too.
      const types = denseAlike([x, y]) ? packed([], 'input and output', [x, y]) : packed([x, y], 'input and output');
      if ('reason' in types) return { ok: false, reason: types.reason };
      return { ok: true, call: { symbol: unary.symbol, template: [types.type], args: [{ kind: 'pointer', view: x }, { kind: 'pointer', view: y }, { kind: 'text', text: product(x.dims!).text }] } };
    }
  }
}

/** The operators planXdnn serves (one registration each). */
export const XDNN_OPERATORS = ['Gemm', 'Add', 'Mul', 'MatMul', 'Cast', 'Softmax', 'LogSoftmax', 'MaxPool', 'AveragePool', 'Conv', 'BatchNormalization', 'LayerNormalization', 'RMSNormalization', ...Object.keys(UNARY)] as const;

/** A pointer argument: the base pointer, or `base.plus(bytes)` for a view with an element offset. */
export function pointerText(view: TensorExpr): string {
  if (!view.offset) return view.ptr.text;
  const size = view.dtype?.dtype ? ITEM_SIZE[view.dtype.dtype] : undefined;
  const known = numberOf(view.offset);
  const bytes = known !== undefined && size ? String(known * size) : `${operand(view.offset.text)} * ${size ?? '?'}`;
  return `${view.ptr.text}.plus(${bytes})`;
}
