/**
 * Lifts cuDNN's legacy (descriptor-based) compute calls to canonical operators with tensor
 * views: the shapes, strides and data types live in the descriptors' earlier set-calls, the
 * operator in an enum argument or an activation descriptor, the stream on the handle.
 *
 * - cudnnSoftmaxForward: ACCURATE / FAST → Softmax, LOG → LogSoftmax; CHANNEL mode → axis 1 of
 *   the N, C, H, W view; INSTANCE mode → axis 1 of the packed [N, C·H·W] view.
 * - cudnnAddTensor: C = alpha·A + beta·C → Add with inputs A := C (the accumulator), B := A (the
 *   broadcast operand), output C; alpha and beta stay call-level arguments.
 * - cudnnOpTensor with an ADD / MUL op-tensor descriptor, alpha1 = alpha2 = 1 and beta = 0:
 *   C = A op B → Add / Mul (A, B, C); B broadcasts only where its dims are 1 and A has C's dims
 *   (cuDNN's rule, which ONNX's broadcasting contains); the blend factors are consumed.
 * - cudnnActivationForward: the activation descriptor's mode → Relu, Sigmoid, Tanh, Elu (alpha =
 *   coef).
 * - cudnnConvolutionForward → Conv, with the filter and convolution descriptors (conv-lifter.ts).
 * - cudnnTransformTensor with alpha 1, beta 0 between views of one shape → Cast (to y's type).
 *
 * `alpha` / `beta` (y = alpha·op(x) + beta·y) are kept as arguments; lowerers decline what their
 * target cannot express. Anything not statically known is declined with OB1019.
 */
import type { ResolvedCall } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { ts } from '../../syntax/typescript.js';
import { liftConvolution } from './conv-lifter.js';
import { activationOf, carried, handleStream, isContiguous, product, setCallFor, tensorView, type Described } from './cudnn-descriptors.js';

type Lifted = Described<Omit<OpInvocation, 'kind' | 'origin' | 'numerics' | 'enums'> & { numerics?: OpInvocation['numerics'] }>;

function argument(call: { readonly entry: SourceCall['entry'] }, args: readonly Expr[], name: string): Expr {
  const index = call.entry.spec.params.findIndex((p) => p.name === name);
  if (index < 0 || !args[index]) throw new Error(`${call.entry.spec.symbol} has no argument ${name}`);
  return args[index];
}

function meaning(e: Expr): string | undefined {
  return e.value?.kind === 'enum' ? e.value.meaning : undefined;
}

const ACTIVATIONS: Readonly<Record<string, { operator: string; input: string; output: string; alpha?: boolean }>> = {
  'activation.relu': { operator: 'Relu', input: 'X', output: 'Y' },
  'activation.sigmoid': { operator: 'Sigmoid', input: 'X', output: 'Y' },
  'activation.tanh': { operator: 'Tanh', input: 'input', output: 'output' },
  'activation.elu': { operator: 'Elu', input: 'X', output: 'Y', alpha: true },
};

function liftCall(call: SourceCall, ctx: LiftContext): Lifted | undefined {
  const a = (name: string) => argument(call, call.args, name);
  const view = (desc: string, ptr: string) => tensorView(a(desc), a(ptr), call.node, ctx.context);
  const context = ctx.context;
  const common = (operator: string, inputs: [string, TensorExpr][], outputs: [string, TensorExpr][], attributes: [string, AttributeExpr][]): Lifted => {
    const stream = handleStream(a('handle'), call.node, context);
    if (!stream.ok) return stream;
    const args = new Map<string, Expr>([['handle', a('handle')], ['alpha', a('alpha')], ['beta', a('beta')]]);
    return { ok: true, value: { operator, inputs: new Map(inputs), outputs: new Map(outputs), attributes: new Map(attributes), ...(stream.value ? { stream: stream.value } : {}), args } };
  };
  switch (call.entry.spec.symbol) {
    case 'cudnnSoftmaxForward': {
      const algo = meaning(a('algo'));
      const mode = meaning(a('mode'));
      if (!algo) return { ok: false, reason: `the algorithm \`${a('algo').text}\` is not a constant` };
      if (mode !== 'softmax-mode.channel' && mode !== 'softmax-mode.instance') return { ok: false, reason: `the mode \`${a('mode').text}\` is not a constant softmax mode` };
      let x = view('xDesc', 'x');
      let y = view('yDesc', 'y');
      if (!x.ok) return x;
      if (!y.ok) return y;
      if (x.value.dims!.length !== 4 || y.value.dims!.length !== 4) return { ok: false, reason: 'the softmax tensors are not 4-D (N, C, H, W)' };
      if (mode === 'softmax-mode.instance') {
        // Over C·H·W per n: the packed [N, C·H·W] view.
        if (!isContiguous(x.value) || !isContiguous(y.value)) return { ok: false, reason: 'INSTANCE mode over a tensor that is not packed NCHW' };
        const flat = (t: TensorExpr): Described<TensorExpr> => {
          const [n, ...rest] = t.dims!;
          const inner = product(rest);
          return { ok: true, value: { ...t, dims: [n, inner], strides: [inner, generated('1', { kind: 'number', value: 1 })], layout: 'row-major' } };
        };
        x = flat(x.value);
        y = flat(y.value);
        if (!x.ok || !y.ok) return undefined;
      }
      const operator = algo === 'softmax.log' ? 'LogSoftmax' : algo === 'softmax.accurate' || algo === 'softmax.fast' ? 'Softmax' : undefined;
      if (!operator) return { ok: false, reason: `the algorithm \`${a('algo').text}\` is not a softmax algorithm` };
      return common(operator, [['input', x.value]], [['output', y.value]], [['axis', { expr: generated('1', { kind: 'number', value: 1 }) }]]);
    }
    case 'cudnnAddTensor': {
      const bias = view('aDesc', 'A');
      const accumulator = view('cDesc', 'C');
      if (!bias.ok) return bias;
      if (!accumulator.ok) return accumulator;
      return common('Add', [['A', accumulator.value], ['B', bias.value]], [['C', accumulator.value]], []);
    }
    case 'cudnnOpTensor':
      return liftOpTensor(call, ctx);
    case 'cudnnActivationForward': {
      const activation = activationOf(a('activationDesc'), call.node, context);
      if (!activation.ok) return activation;
      const op = ACTIVATIONS[activation.value.mode];
      if (!op) return { ok: false, reason: `activation mode ${activation.value.mode} has no canonical operator this port supports` };
      const x = view('xDesc', 'x');
      const y = view('yDesc', 'y');
      if (!x.ok) return x;
      if (!y.ok) return y;
      const attributes: [string, AttributeExpr][] = op.alpha ? [['alpha', { expr: activation.value.coef }]] : [];
      const lifted = common(op.operator, [[op.input, x.value]], [[op.output, y.value]], attributes);
      if (lifted.ok) (lifted.value.args as Map<string, Expr>).set('activationDesc', a('activationDesc'));
      return lifted;
    }
    case 'cudnnPoolingForward': {
      const found = setCallFor(a('poolingDesc'), call.node, ['cudnnSetPooling2dDescriptor'], context);
      if (!found.ok) return found;
      const set = found.value;
      const p = (name: string) => carried(set.args[set.entry.spec.params.findIndex((q) => q.name === name)], context);
      const mode = p('mode').value;
      const modeMeaning = mode?.kind === 'enum' ? mode.meaning : undefined;
      const average = modeMeaning === 'pool.avg-include-pad' || modeMeaning === 'pool.avg-exclude-pad';
      if (modeMeaning !== 'pool.max' && modeMeaning !== 'pool.max-deterministic' && !average) return { ok: false, reason: `the pooling mode \`${p('mode').text}\` is not a constant max or average pooling mode` };
      const values = ['windowHeight', 'windowWidth', 'verticalPadding', 'horizontalPadding', 'verticalStride', 'horizontalStride'].map(p);
      const impure = values.find((v) => !v.pure);
      if (impure) return { ok: false, reason: `\`${impure.text}\` in the pooling descriptor has side effects` };
      const [kh, kw, ph, pw, sh, sw] = values;
      const x = view('xDesc', 'x');
      const y = view('yDesc', 'y');
      if (!x.ok) return x;
      if (!y.ok) return y;
      // An Nd descriptor with packed 4-D strides describes NCHW as the 4-D setter's NCHW format does.
      const nchw = (t: TensorExpr): TensorExpr | undefined => (t.layout === 'NCHW' ? t : t.layout === 'strided' && t.dims?.length === 4 && isContiguous(t) ? { ...t, layout: 'NCHW' } : undefined);
      const [xs, ys] = [nchw(x.value), nchw(y.value)];
      if (!xs || !ys) return { ok: false, reason: 'pooling over a tensor that is not packed NCHW' };
      const ints = (list: Expr[]): AttributeExpr => ({ expr: generated(`[${list.map((e) => e.text).join(', ')}]`) });
      const window: [string, AttributeExpr][] = [['kernel_shape', ints([kh, kw])], ['pads', ints([ph, pw, ph, pw])], ['strides', ints([sh, sw])]];
      if (!average) return common('MaxPool', [['X', xs]], [['Y', ys]], window);
      // cuDNN's two average modes are ONNX AveragePool's count_include_pad (the divisor counts the padding or not).
      const include = modeMeaning === 'pool.avg-include-pad' ? 1 : 0;
      return common('AveragePool', [['X', xs]], [['Y', ys]], [...window, ['count_include_pad', { expr: generated(String(include), { kind: 'number', value: include }), meaning: modeMeaning }]]);
    }
    case 'cudnnTransformTensor': {
      // y = x in another element type over the same view (how the CUDA lowerings write Cast);
      // a layout conversion is another lifter's (the catalog binds it to Transpose).
      const x = view('xDesc', 'x');
      const y = view('yDesc', 'y');
      if (!x.ok || !y.ok) return undefined;
      const constant = (e: Expr) => (e.value?.kind === 'number' ? e.value.value : undefined);
      const sameExpr = (e: Expr, f: Expr) => e.text === f.text || (constant(e) !== undefined && constant(e) === constant(f));
      const same = (a: readonly Expr[] = [], b: readonly Expr[] = []) => a.length === b.length && a.every((e, i) => sameExpr(e, b[i]));
      // The stride of a dim of 1 addresses no other element: views differing only there are one view.
      const dims = x.value.dims ?? [];
      const sameStrides = (a: readonly Expr[] = [], b: readonly Expr[] = []) => a.length === b.length && a.every((e, i) => constant(dims[i]) === 1 || sameExpr(e, b[i]));
      if (!same(x.value.dims, y.value.dims) || !sameStrides(x.value.strides, y.value.strides) || x.value.dtype?.meaning === y.value.dtype?.meaning) return undefined;
      if (constant(a('alpha')) !== 1 || constant(a('beta')) !== 0) return { ok: false, reason: `alpha \`${a('alpha').text}\` and beta \`${a('beta').text}\` are not 1 and 0: only a plain cast is ported` };
      const code = ONNX_DTYPE_CODES[y.value.dtype?.dtype ?? ''];
      if (code === undefined) return { ok: false, reason: `a cast to ${y.value.dtype?.dtype ?? 'an unknown type'} is not ported` };
      // Cast's `to` is the ONNX TensorProto data type; the meaning is what lowerers read.
      const to: AttributeExpr = { expr: generated(String(code), { kind: 'number', value: code }), meaning: y.value.dtype!.meaning };
      const lifted = common('Cast', [['input', x.value]], [['output', y.value]], [['to', to]]);
      if (lifted.ok) (lifted.value.args as Map<string, Expr>).delete('alpha');
      if (lifted.ok) (lifted.value.args as Map<string, Expr>).delete('beta');
      return lifted;
    }
    case 'cudnnBatchNormalizationForwardInference': {
      const mode = meaning(a('mode'));
      if (mode !== 'batchnorm.spatial') return { ok: false, reason: `the batch-norm mode \`${a('mode').text}\` is not CUDNN_BATCHNORM_SPATIAL` };
      const x = view('xDesc', 'x');
      const y = view('yDesc', 'y');
      if (!x.ok) return x;
      if (!y.ok) return y;
      const parameters: [string, TensorExpr][] = [];
      for (const [name, ptr] of [['scale', 'bnScale'], ['B', 'bnBias'], ['input_mean', 'estimatedMean'], ['input_var', 'estimatedVariance']] as const) {
        const v = view('bnScaleBiasMeanVarDesc', ptr);
        if (!v.ok) return v;
        // The 1 × C × 1 × 1 parameter descriptor is ONNX's [C].
        const dims = v.value.dims!;
        if (dims.length !== 4 || ![0, 2, 3].every((i) => dims[i].value?.kind === 'number' && dims[i].value.value === 1)) return { ok: false, reason: 'the batch-norm parameter descriptor is not 1 × C × 1 × 1' };
        parameters.push([name, { ...v.value, dims: [dims[1]], strides: [generated('1', { kind: 'number', value: 1 })], layout: 'row-major' }]);
      }
      const epsilon = a('epsilon');
      if (!epsilon.pure) return { ok: false, reason: `epsilon \`${epsilon.text}\` has side effects` };
      return common('BatchNormalization', [['X', x.value], ...parameters], [['Y', y.value]], [['epsilon', { expr: epsilon }]]);
    }
    case 'cudnnConvolutionForward':
      return liftConvolution(call, ctx);
    default:
      return undefined;
  }
}

const OP_TENSOR_OPERATORS: Readonly<Record<string, string>> = { 'op-tensor.add': 'Add', 'op-tensor.mul': 'Mul' };

/** C = op(alpha1·A, alpha2·B) + beta·C with alpha1 = alpha2 = 1, beta = 0 and op ADD / MUL → Add / Mul. */
function liftOpTensor(call: SourceCall, ctx: LiftContext): Lifted {
  const a = (name: string) => argument(call, call.args, name);
  const context = ctx.context;
  const found = setCallFor(a('opTensorDesc'), call.node, ['cudnnSetOpTensorDescriptor'], context);
  if (!found.ok) return found;
  const set = found.value;
  const p = (name: string) => carried(set.args[set.entry.spec.params.findIndex((q) => q.name === name)], context);
  const op = p('opTensorOp');
  const operator = OP_TENSOR_OPERATORS[meaning(op) ?? ''];
  if (!operator) return { ok: false, reason: `the operation \`${op.text}\` in \`cudnnSetOpTensorDescriptor\` is not a constant CUDNN_OP_TENSOR_ADD or CUDNN_OP_TENSOR_MUL` };
  // A float32 (or wider) compute type rounds the exact sum / product once into C's type, as the
  // target's Add / Mul in that type do.
  const compute = p('opTensorCompType');
  const computeMeaning = meaning(compute);
  if (computeMeaning !== 'dtype.float32' && computeMeaning !== 'dtype.float64') return { ok: false, reason: `the compute type \`${compute.text}\` is not a constant CUDNN_DATA_FLOAT or CUDNN_DATA_DOUBLE` };
  const constant = (e: Expr) => (e.value?.kind === 'number' ? e.value.value : undefined);
  for (const [name, wanted] of [['alpha1', 1], ['alpha2', 1], ['beta', 0]] as const) {
    if (constant(a(name)) !== wanted) return { ok: false, reason: `${name} is \`${a(name).text}\`, not the constant ${wanted}: only C = A ${operator === 'Add' ? '+' : '·'} B is ported` };
  }
  const views: Described<TensorExpr>[] = ([['aDesc', 'A'], ['bDesc', 'B'], ['cDesc', 'C']] as const).map(([desc, ptr]) => tensorView(a(desc), a(ptr), call.node, context));
  for (const v of views) if (!v.ok) return v;
  const [x, y, z] = views.map((v) => (v as { value: TensorExpr }).value);
  if (x.dtype?.meaning !== z.dtype?.meaning || y.dtype?.meaning !== z.dtype?.meaning) return { ok: false, reason: `A, B and C have element types ${[x, y, z].map((t) => t.dtype?.dtype ?? '?').join(', ')}; only one type is ported` };
  const sameSize = (e: Expr, f: Expr) => e.text === f.text || (constant(e) !== undefined && constant(e) === constant(f));
  const [xd, yd, zd] = [x.dims ?? [], y.dims ?? [], z.dims ?? []];
  if (xd.length !== zd.length || yd.length !== zd.length || !xd.every((d, i) => sameSize(d, zd[i]))) return { ok: false, reason: 'A and C do not have the same dimensions as written' };
  const loose = yd.findIndex((d, i) => !sameSize(d, zd[i]) && constant(d) !== 1);
  if (loose >= 0) return { ok: false, reason: `dimension ${loose} of B (\`${yd[loose].text}\`) is neither C's (\`${zd[loose].text}\`) nor the constant 1` };
  const stream = handleStream(a('handle'), call.node, context);
  if (!stream.ok) return stream;
  const args = new Map<string, Expr>([['handle', a('handle')]]);
  return { ok: true, value: { operator, inputs: new Map([['A', x], ['B', y]]), outputs: new Map([['C', z]]), attributes: new Map(), ...(stream.value ? { stream: stream.value } : {}), args } };
}

/** Targets whose DNN library has no cuDNN-style descriptors; the structural lowerers serve them. */
// Cambricon has descriptors, but CNNL's differ (3-D softmax, NHWC convolution, separate op
// descriptors): its structural lowerers describe each call's operands themselves (structural/cnnl).
export const DESCRIPTORLESS_TARGETS: ReadonlySet<string> = new Set(['cann', 'cambricon', 'kunlun']);

/** ONNX TensorProto.DataType codes (Cast's `to`). */
const ONNX_DTYPE_CODES: Readonly<Record<string, number>> = { float32: 1, uint8: 2, int8: 3, int32: 6, int64: 7, float16: 10, float64: 11, bfloat16: 16 };

/** The symbols this lifter takes. */
export const CUDNN_LIFTED = ['cudnnSoftmaxForward', 'cudnnAddTensor', 'cudnnOpTensor', 'cudnnActivationForward', 'cudnnPoolingForward', 'cudnnBatchNormalizationForwardInference', 'cudnnConvolutionForward', 'cudnnTransformTensor'] as const;

export function liftCudnn(call: SourceCall, ctx: LiftContext): Described<OpInvocation> | undefined {
  const lifted = liftCall(call, ctx);
  if (!lifted) return undefined;
  if (!lifted.ok) return lifted;
  const entry = call.entry;
  return { ok: true, value: { kind: 'operator', ...lifted.value, numerics: lifted.value.numerics ?? {}, enums: new Map(), origin: { backend: call.backend, entry, symbol: entry.spec.symbol } } };
}

/** The lift of a legacy cuDNN compute call as a lifter answers it (OB1019 with the reason when declined). */
export function liftCudnnResult(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
  const lifted = liftCudnn(call, ctx);
  if (!lifted) return undefined;
  if (!lifted.ok) return { ok: false, diagnostics: [pending('OB1019', { symbol: call.entry.spec.symbol, target: ctx.target, reason: lifted.reason }, call.entry.spec.symbol)] };
  return { ok: true, invocation: lifted.value };
}

export const cudnnLifter: Lifter = {
  name: 'cudnn descriptors',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    // Within the cuDNN convention (MUSA, MACA, T-Head) the roles port the call as it is; muDNN's
    // own-shape calls have their lifter (structural/mudnn).
    if (!DESCRIPTORLESS_TARGETS.has(ctx.target)) return undefined;
    return liftCudnnResult(call, ctx);
  },
};

/** A source call built from a resolved call (nodes only, source text), for checks ahead of the walk. */
export function sourceCallOf(call: ResolvedCall, ctx: LiftContext): SourceCall {
  return {
    node: call.node,
    backend: call.backend,
    entry: call.entry,
    args: call.args.map((node, order) => {
      const value = ctx.context.constant(node);
      return { text: node.getText(ctx.context.sourceFile), node, pure: !ts.isCallExpression(node), order, ...(value ? { value } : {}) };
    }),
  };
}
