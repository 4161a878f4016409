/**
 * CUDA lowerings of operators over tensor views (from the aclnn lifter) to legacy cuDNN calls,
 * written as CUDA code does it: a cuDNN handle for the call (CANN has none to come back from)
 * bound to the stream, a tensor descriptor per distinct view (cudnnSetTensorNdDescriptor with
 * the view's dims and element strides, padded with trailing 1s to cuDNN's minimum of 4 dims),
 * the op's own descriptor, the call, then everything destroyed in reverse order.
 *
 * - Softmax / LogSoftmax over axis a → cudnnSoftmaxForward CHANNEL mode with the axis as dim 1
 *   (a leading 1 is added for a = 0); ACCURATE, or LOG for LogSoftmax.
 * - Relu / Sigmoid / Tanh → cudnnActivationForward (NaN propagated, as aclnn does).
 * - Add in place (C := beta·C + alpha·B, B broadcast) → cudnnAddTensor.
 * - BatchNormalization (inference, 4-D X, [C] parameters) → cudnnBatchNormalizationForwardInference, SPATIAL.
 * - MaxPool (2-D, symmetric pads) → cudnnSetPooling2dDescriptor + cudnnPoolingForward.
 * - Cast (same dims) → cudnnTransformTensor between descriptors of the two data types (the
 *   catalog: differing data types convert).
 *
 * Gelu, Silu, RMSNormalization, LayerNormalization and an out-of-place Add are one-node
 * cudnn-frontend graphs (frontend-graph-lowerer.ts). Declined with the reason: views of more than
 * 8 dims, a softmax axis other than 0 or 1 of at most 4 dims, asymmetric pads.
 */
import type { Expr } from '../../ir/expr.js';
import type { OpInvocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { convAttributes } from '../dnn/conv-attributes.js';
import { declineOn } from './cublas-lowerers.js';
import { CudaStatements, isView, numberOf, sameView, stemOf, type ViewTensor } from './cuda-statements.js';

const ONE: Expr = { text: '1', pure: true, value: { kind: 'number', value: 1 } };

/** Dims and strides as written for cudnnSetTensorNdDescriptor: at least 4 dims. */
function padded(view: ViewTensor, leading = 0): { dims: string[]; strides: string[] } | string {
  const dims = [...Array<Expr>(leading).fill(ONE), ...view.dims];
  const strides = [...Array<Expr>(leading).fill(ONE), ...view.strides];
  while (dims.length < 4) {
    dims.push(ONE);
    strides.push(ONE);
  }
  if (dims.length > 8) return `a ${view.dims.length}-D view exceeds CUDNN_DIM_MAX (8)`;
  return { dims: dims.map((d) => d.text), strides: strides.map((s) => s.text) };
}

class CudnnCall {
  readonly s: CudaStatements;
  private readonly descriptors = new Map<string, string>();
  private handleName: string | undefined;

  constructor(
    ctx: LowerContext,
    private readonly invocation: OpInvocation,
  ) {
    this.s = new CudaStatements(ctx);
  }

  handle(): string {
    if (this.handleName) return this.handleName;
    // A cuDNN handle the source already has (an XDNN context serving DNN ops, xdnn-lift/xdnn-contexts.ts).
    const given = this.invocation.args.get('cudnn-handle');
    if (given) return (this.handleName = given.text);
    const s = this.s;
    const handle = s.declareRef('cudnnHandle', 'cudnnHandle_t');
    s.before('cudnnCreate', [handle]);
    const stream = this.invocation.stream;
    if (stream && !/^(null|undefined|0)$/.test(stream.text)) s.before('cudnnSetStream', [`${handle}.value`, stream.text]);
    s.after('cudnnDestroy', [`${handle}.value`]);
    this.handleName = `${handle}.value`;
    return this.handleName;
  }

  /** The descriptor of a view (one per distinct view), or why not. */
  tensor(view: ViewTensor, fallback: string, leading = 0): string | { error: string } {
    const layout = padded(view, leading);
    if (typeof layout === 'string') return { error: layout };
    const key = `${view.dtype.meaning}\u0000${layout.dims.join(',')}\u0000${layout.strides.join(',')}`;
    const existing = this.descriptors.get(key);
    if (existing) return existing;
    const s = this.s;
    const dataType = s.member('cudnnDataType_t', view.dtype.meaning!);
    if (!dataType) return { error: `cuDNN has no data type for ${view.dtype.meaning}` };
    const desc = s.declareRef(`${stemOf(view.ptr, fallback)}Desc`, 'cudnnTensorDescriptor_t');
    s.before('cudnnCreateTensorDescriptor', [desc]);
    s.before('cudnnSetTensorNdDescriptor', [`${desc}.value`, dataType, String(layout.dims.length), `[${layout.dims.join(', ')}]`, `[${layout.strides.join(', ')}]`]);
    s.after('cudnnDestroyTensorDescriptor', [`${desc}.value`]);
    this.descriptors.set(key, `${desc}.value`);
    return `${desc}.value`;
  }

  address(view: ViewTensor): string | { error: string } {
    return this.s.address(view) ?? { error: 'a sub-buffer offset of a tensor whose element size is unknown' };
  }

  done(call: string, symbol: string): LowerResult {
    return { ok: true, lowering: this.s.lowering(`${this.s.value(symbol)}(${call})`, symbol) };
  }
}

function views(invocation: OpInvocation, inputs: readonly string[], outputs: readonly string[]): ViewTensor[] | undefined {
  const found = [...inputs.map((n) => invocation.inputs.get(n)), ...outputs.map((n) => invocation.outputs.get(n))];
  if (invocation.inputs.size !== inputs.length || invocation.outputs.size !== outputs.length) return undefined;
  return found.every(isView) ? found : undefined;
}

/** Collects `string | { error }` results; the first error wins. */
function texts(items: readonly (string | { error: string })[]): string[] | string {
  const failed = items.find((i): i is { error: string } => typeof i !== 'string');
  return failed ? failed.error : (items as string[]);
}

const ACTIVATION: Readonly<Record<string, { input: string; output: string; mode?: string; why?: string }>> = {
  Relu: { input: 'X', output: 'Y', mode: 'activation.relu' },
  Sigmoid: { input: 'X', output: 'Y', mode: 'activation.sigmoid' },
  Tanh: { input: 'input', output: 'output', mode: 'activation.tanh' },
};

function softmax(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const found = views(invocation, ['input'], ['output']);
  if (!found) return undefined;
  const [x, y] = found;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const axisExpr = invocation.attributes.get('axis')?.expr;
  let axis = numberOf(axisExpr);
  if (axis === undefined) return fail(`the softmax axis \`${axisExpr?.text ?? '?'}\` is not a constant`);
  const rank = x.dims.length;
  if (axis < 0) axis += rank;
  if (axis > 1 || rank + (axis === 0 ? 1 : 0) > 4) return fail(`softmax over axis ${axis} of a ${rank}-D view: cuDNN's CHANNEL mode normalises dim 1 of at most 4 dims`);
  const c = new CudnnCall(ctx, invocation);
  const leading = axis === 0 ? 1 : 0;
  const handle = c.handle();
  const parts = texts([c.tensor(x, 'x', leading), c.address(x), c.tensor(y, 'y', leading), c.address(y)]);
  if (typeof parts === 'string') return fail(parts);
  const [xDesc, px, yDesc, py] = parts;
  const s = c.s;
  const algo = s.member('cudnnSoftmaxAlgorithm_t', invocation.operator === 'LogSoftmax' ? 'softmax.log' : 'softmax.accurate');
  const mode = s.member('cudnnSoftmaxMode_t', 'softmax-mode.channel');
  if (!algo || !mode) return fail('the CUDA catalog lacks the softmax enums');
  return c.done([handle, algo, mode, '1', xDesc, px, '0', yDesc, py].join(', '), 'cudnnSoftmaxForward');
}

function activation(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const spec = ACTIVATION[invocation.operator];
  const found = spec ? views(invocation, [spec.input], [spec.output]) : undefined;
  if (!spec || !found) return undefined;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  if (spec.why || !spec.mode) return fail(spec.why ?? 'no cuDNN activation mode');
  const [x, y] = found;
  const c = new CudnnCall(ctx, invocation);
  const s = c.s;
  const handle = c.handle();
  const desc = activationDescriptor(s, invocation.operator, spec.mode);
  if (!desc) return fail('the CUDA catalog lacks the activation enums');
  const parts = texts([c.tensor(x, 'x'), c.address(x), c.tensor(y, 'y'), c.address(y)]);
  if (typeof parts === 'string') return fail(parts);
  const [xDesc, px, yDesc, py] = parts;
  return c.done([handle, desc, '1', xDesc, px, '0', yDesc, py].join(', '), 'cudnnActivationForward');
}

function add(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const found = views(invocation, ['A', 'B'], ['C']);
  if (!found) return undefined;
  const [acc, b, out] = found;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  // Out of place: the cudnn-frontend pointwise ADD (frontend-graph-lowerer.ts, registered after).
  if (!sameView(acc, out)) return undefined;
  const alpha = invocation.args.get('alpha') ?? ONE;
  const beta = invocation.args.get('beta') ?? ONE;
  if (!alpha.pure || !beta.pure) return fail('alpha or beta has side effects');
  if (b.dims.length !== out.dims.length) return fail(`the added tensor is ${b.dims.length}-D and the sum ${out.dims.length}-D; cudnnAddTensor broadcasts dims of equal rank`);
  const c = new CudnnCall(ctx, invocation);
  const handle = c.handle();
  const parts = texts([c.tensor(b, 'b'), c.address(b), c.tensor(out, 'c'), c.address(out)]);
  if (typeof parts === 'string') return fail(parts);
  const [bDesc, pb, cDesc, pc] = parts;
  return c.done([handle, alpha.text, bDesc, pb, beta.text, cDesc, pc].join(', '), 'cudnnAddTensor');
}

/** Cast: cudnnTransformTensor converts when the two descriptors' data types differ (y = 1·x + 0·y). */
function cast(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const found = views(invocation, ['input'], ['output']);
  if (!found) return undefined;
  const [x, y] = found;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const list = (v: ViewTensor) => v.dims.map((d) => d.text).join(', ');
  if (list(x) !== list(y)) return fail(`the cast's input [${list(x)}] and output [${list(y)}] have different dims; cudnnTransformTensor converts tensors of one shape`);
  const c = new CudnnCall(ctx, invocation);
  const handle = c.handle();
  const parts = texts([c.tensor(x, 'x'), c.address(x), c.tensor(y, 'y'), c.address(y)]);
  if (typeof parts === 'string') return fail(parts);
  const [xDesc, px, yDesc, py] = parts;
  return c.done([handle, '1', xDesc, px, '0', yDesc, py].join(', '), 'cudnnTransformTensor');
}

/**
 * Conv (2-D, NCHW, symmetric pads) → cudnnConvolutionForward: a filter descriptor (K, C/group,
 * kH, kW), a cross-correlation convolution descriptor computing in FLOAT with the group count and
 * the math type of the numerics (DEFAULT: TF32-class rounding, FMA: FP32), the implicit-GEMM
 * algorithm (cuDNN's always-supported one), its workspace queried and allocated when non-zero.
 */
function conv(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const found = views(invocation, ['X', 'W'], ['Y']);
  if (!found) return undefined;
  const [x, w, y] = found;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const attributes = convAttributes(invocation, 'cudnnConvolutionForward');
  if (!attributes) return undefined;
  if (!attributes.ok) return fail(attributes.reason);
  const { pads, strides, dilations, group } = attributes.value;
  if ([x, w, y].some((t) => t.dims.length !== 4)) return fail('the convolution is not 2-D over N, C, H, W tensors');
  if ([x, w, y].some((t) => t.layout === 'NHWC')) return fail('an NHWC tensor; this port writes NCHW convolutions');
  if (pads.length !== 4 || pads[0] !== pads[2] || pads[1] !== pads[3]) return fail(`the pads [${pads.join(', ')}] are not symmetric; cudnnSetConvolution2dDescriptor takes one pad per dimension`);
  if (strides.length !== 2 || dilations.length !== 2) return fail('the strides or dilations are not 2-D');
  const alpha = invocation.args.get('alpha');
  const beta = invocation.args.get('beta');
  if ((alpha && !alpha.pure) || (beta && !beta.pure)) return fail('alpha or beta has side effects');
  if (new Set([x, w, y].map((t) => t.dtype.meaning)).size > 1) return fail('x, w and y have different element types');
  const c = new CudnnCall(ctx, invocation);
  const s = c.s;
  const math = invocation.numerics.mathMode?.meaning ?? 'math.default';
  const mathType = s.member('cudnnMathType_t', math);
  const dataType = s.member('cudnnDataType_t', w.dtype.meaning!);
  const computeType = s.member('cudnnDataType_t', 'dtype.float32');
  const nchw = s.member('cudnnTensorFormat_t', 'layout.nchw');
  const crossCorrelation = s.member('cudnnConvolutionMode_t', 'conv-mode.cross-correlation');
  const algorithm = s.member('cudnnConvolutionFwdAlgo_t', 'conv-algo.implicit-gemm');
  if (!mathType || !dataType || !computeType || !nchw || !crossCorrelation || !algorithm) return fail(`the CUDA catalog lacks a convolution enum member (math ${math}, ${w.dtype.meaning})`);
  const handle = c.handle();
  const parts = texts([c.tensor(x, 'x'), c.address(x), c.address(w), c.tensor(y, 'y'), c.address(y)]);
  if (typeof parts === 'string') return fail(parts);
  const [xDesc, px, pw, yDesc, py] = parts;
  const filter = s.declareRef(`${stemOf(w.ptr, 'w')}Desc`, 'cudnnFilterDescriptor_t');
  s.before('cudnnCreateFilterDescriptor', [filter]);
  s.before('cudnnSetFilter4dDescriptor', [`${filter}.value`, dataType, nchw, ...w.dims.map((d) => d.text)]);
  s.after('cudnnDestroyFilterDescriptor', [`${filter}.value`]);
  const convDesc = s.declareRef('convDesc', 'cudnnConvolutionDescriptor_t');
  s.before('cudnnCreateConvolutionDescriptor', [convDesc]);
  s.before('cudnnSetConvolution2dDescriptor', [`${convDesc}.value`, pads[0], pads[1], strides[0], strides[1], dilations[0], dilations[1], crossCorrelation, computeType]);
  if (numberOf(group) !== 1) s.before('cudnnSetConvolutionGroupCount', [`${convDesc}.value`, group.text]);
  s.before('cudnnSetConvolutionMathType', [`${convDesc}.value`, mathType]);
  s.after('cudnnDestroyConvolutionDescriptor', [`${convDesc}.value`]);
  const size = s.declareRef('convWorkspaceSize', 'number');
  s.before('cudnnGetConvolutionForwardWorkspaceSize', [handle, xDesc, `${filter}.value`, `${convDesc}.value`, yDesc, algorithm, size]);
  const workspace = s.declareRef('convWorkspace', 'DevicePtr');
  s.prelude.push({ text: `if (${size}.value > 0) ${s.value('cudaMalloc')}(${workspace}, ${size}.value)`, declares: false });
  s.symbols.push('cudaMalloc');
  s.epilogue.push({ text: `if (${size}.value > 0) ${s.value('cudaFree')}(${workspace}.value)`, declares: false });
  s.symbols.push('cudaFree');
  return c.done(
    [handle, alpha?.text ?? '1', xDesc, px, `${filter}.value`, pw, `${convDesc}.value`, algorithm, `${size}.value > 0 ? ${workspace}.value : null`, `${size}.value`, beta?.text ?? '0', yDesc, py].join(', '),
    'cudnnConvolutionForward',
  );
}

function batchNorm(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const found = views(invocation, ['X', 'scale', 'B', 'input_mean', 'input_var'], ['Y']);
  if (!found) return undefined;
  const [x, scale, bias, mean, variance, y] = found;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  if (x.dims.length !== 4) return fail(`batch norm over a ${x.dims.length}-D tensor; this port writes 4-D N, C, H, W`);
  const params = [scale, bias, mean, variance];
  // The channel count as the parameters state it (`C` where X says `outC.value`): cuDNN checks
  // the parameter descriptor against X's channels when it runs, as aclnnBatchNorm does.
  const channels = scale.dims[0];
  if (!params.every((p) => p.dims.length === 1 && p.dims[0].text === channels?.text && (numberOf(p.strides[0]) === 1 || p.strides[0].text === '1'))) {
    return fail('the scale, bias, mean and variance are not packed [C] tensors of one length');
  }
  if (new Set(params.map((p) => p.dtype.meaning)).size > 1) return fail('the batch-norm parameters have different element types');
  const epsilon = invocation.attributes.get('epsilon')?.expr;
  if (!epsilon?.pure) return fail('epsilon is missing or has side effects');
  const c = new CudnnCall(ctx, invocation);
  const s = c.s;
  const handle = c.handle();
  const paramView: ViewTensor = { ...scale, dims: [ONE, channels, ONE, ONE], strides: [channels, ONE, ONE, ONE], ptr: { text: 'bn', pure: true } };
  const parts = texts([c.tensor(x, 'x'), c.address(x), c.tensor(y, 'y'), c.address(y), c.tensor(paramView, 'bn'), ...params.map((p) => c.address(p))]);
  if (typeof parts === 'string') return fail(parts);
  const [xDesc, px, yDesc, py, bnDesc, ...pp] = parts;
  const mode = s.member('cudnnBatchNormMode_t', 'batchnorm.spatial');
  if (!mode) return fail('the CUDA catalog lacks CUDNN_BATCHNORM_SPATIAL');
  return c.done([handle, mode, '1', '0', xDesc, px, yDesc, py, bnDesc, ...pp, epsilon.text].join(', '), 'cudnnBatchNormalizationForwardInference');
}

function maxPool(invocation: OpInvocation, ctx: LowerContext): LowerResult | undefined {
  const found = views(invocation, ['X'], ['Y']);
  if (!found) return undefined;
  const [x, y] = found;
  const fail = (reason: string) => declineOn(invocation, ctx, reason);
  const list = (name: string) => invocation.attributes.get(name)?.expr.text.replace(/^\[|\]$/g, '').split(',').map((v) => v.trim()).filter((v) => v !== '');
  const [kernel, pads, strides] = [list('kernel_shape'), list('pads'), list('strides')];
  if (!kernel || !strides || kernel.length !== 2 || strides.length !== 2 || x.dims.length !== 4) return fail('only 2-D max pooling over N, C, H, W tensors is written');
  const p = pads ?? ['0', '0', '0', '0'];
  if (p.length !== 4 || p[0] !== p[2] || p[1] !== p[3]) return fail(`the pads [${p.join(', ')}] are not symmetric; cudnnSetPooling2dDescriptor takes one pad per dimension`);
  if (x.layout === 'NHWC') return fail('max pooling over an NHWC-formatted tensor is not written');
  const c = new CudnnCall(ctx, invocation);
  const s = c.s;
  const handle = c.handle();
  const mode = s.member('cudnnPoolingMode_t', 'pool.max');
  const nan = s.member('cudnnNanPropagation_t', 'nan.propagate');
  if (!mode || !nan) return fail('the CUDA catalog lacks the pooling enums');
  const desc = s.declareRef('poolDesc', 'cudnnPoolingDescriptor_t');
  s.before('cudnnCreatePoolingDescriptor', [desc]);
  s.before('cudnnSetPooling2dDescriptor', [`${desc}.value`, mode, nan, kernel[0], kernel[1], p[0], p[1], strides[0], strides[1]]);
  s.after('cudnnDestroyPoolingDescriptor', [`${desc}.value`]);
  const parts = texts([c.tensor(x, 'x'), c.address(x), c.tensor(y, 'y'), c.address(y)]);
  if (typeof parts === 'string') return fail(parts);
  const [xDesc, px, yDesc, py] = parts;
  return c.done([handle, `${desc}.value`, '1', xDesc, px, '0', yDesc, py].join(', '), 'cudnnPoolingForward');
}

export const cudnnLegacyLowerer: Lowerer = {
  name: 'legacy cuDNN over tensor views',
  lower(invocation, ctx) {
    if (invocation.kind !== 'operator') return undefined;
    switch (invocation.operator) {
      case 'Softmax':
      case 'LogSoftmax':
        return softmax(invocation, ctx);
      case 'Add':
        return add(invocation, ctx);
      case 'BatchNormalization':
        return batchNorm(invocation, ctx);
      case 'MaxPool':
        return maxPool(invocation, ctx);
      case 'Cast':
        return cast(invocation, ctx);
      case 'Conv':
        return conv(invocation, ctx);
      default:
        return activation(invocation, ctx);
    }
  },
};

/** The operators cudnnLegacyLowerer serves (one registration each). */
export const CUDNN_LEGACY_OPERATORS = ['Softmax', 'LogSoftmax', 'Add', 'BatchNormalization', 'MaxPool', 'Cast', 'Conv', ...Object.keys(ACTIVATION)] as const;

/**
 * An activation descriptor for `mode` (a cudnnActivationMode_t meaning, NaN propagated), made
 * before the call and destroyed after it; its value's text, or undefined when the CUDA catalog
 * lacks the enums.
 */
export function activationDescriptor(s: CudaStatements, operator: string, mode: string): string | undefined {
  const member = s.member('cudnnActivationMode_t', mode);
  const nan = s.member('cudnnNanPropagation_t', 'nan.propagate');
  if (!member || !nan) return undefined;
  const desc = s.declareRef(`${operator.toLowerCase()}Desc`, 'cudnnActivationDescriptor_t');
  s.before('cudnnCreateActivationDescriptor', [desc]);
  s.before('cudnnSetActivationDescriptor', [`${desc}.value`, member, nan, '0']);
  s.after('cudnnDestroyActivationDescriptor', [`${desc}.value`]);
  return `${desc}.value`;
}
