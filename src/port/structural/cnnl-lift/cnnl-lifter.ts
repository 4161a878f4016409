/**
 * Lifts CNNL operations (read by cnnl-group.ts) to canonical operators over the row-major views
 * their tensor descriptors describe (tensor-descriptor.ts), the inverse of the CNNL lowerers
 * (structural/cnnl/):
 *
 * - cnnlMatMul_v2 / cnnlBatchMatMulBCast_v2 → `Gemm` over the views of op(A), op(B) and D: a
 *   matrix CNNL_MATMUL_DESC_TRANSA / TRANSB transposes is its stored view with the last two dims
 *   and strides swapped; CNNL_MATMUL_ALLOW_TF32 = 1 → the TF32 compute type; C read only under
 *   CNNL_MATMUL_USE_BETA (then C must be D: `Gemm` with C := Y and beta), alpha as given.
 * - cnnlOpTensor (c = op(alpha1·a, alpha2·b) + beta·c, beta 0): ADD or SUB written into a (or b)
 *   → `Add` with A := C := that operand, B := the other and the call-level `alpha` (scale of B)
 *   and `beta` (scale of C), cudnnAddTensor's convention (over 1-D views of one length with beta
 *   1 the CUDA lowering writes cublasSaxpy, as the CNNL axpy port came from); ADD into a third
 *   tensor → `Add` A, B → C with `alpha` (alpha1 = 1); MUL (alpha1 = alpha2 = 1) → `Mul` A, B → C
 *   (broadcast B); an operand that is a host value copied into a one-element tensor for the call
 *   (cnnl-group.ts, the scal port's alpha) → `Mul` by that host value (cublasSscal's form).
 * - cnnlActivationForward → Relu / Sigmoid / Tanh / Silu / Gelu by the descriptor's mode; GELU's
 *   form from cnnlSetActivationDescriptor_v6's `approximate` (tanh when true, erf when false).
 * - cnnlSoftmaxForward(_v2) over its 3-D view → Softmax / LogSoftmax (ACCURATE / LOG), the axis
 *   the mode names (HIGH = 0, MEDIUM = 1, LOW = 2).
 * - cnnlLayerNormForward without saved statistics → LayerNormalization (axis, epsilon; B shares
 *   the scale's descriptor).
 * - cnnlRmsNormForward without a bias or saved statistics → RMSNormalization.
 * - cnnlCastDataType → `Cast` to the output's element type (the cast enum must name the two
 *   descriptors' types).
 * - cnnlReduce ending a dot chain (cnnlOpTensor MUL of two vectors, cnnlReduce ADD into one
 *   element copied to the host) → `MatMul` into the 0-d host result; another reduction is
 *   declined with the reason the chain is not read.
 *
 * The operation runs on the handle's queue (handle-queue.ts: the one set on it earlier, or asked
 * of a handle from elsewhere): the invocation's stream. The CNNL handle itself is not passed
 * on (one CNNL handle stands for both the cuBLAS and the cuDNN handle, so a CUDA lowering makes
 * its own). Blend factors the target would drop (alpha ≠ 1, beta ≠ 0 of activation and softmax)
 * and what is not read statically are declined with OB1019 and the reason.
 */
import { isPure } from '../../context/expression-purity.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { generated, operand, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, Numerics, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { ts } from '../../syntax/typescript.js';
import { argNamed, type CnnlGroup, type CnnlObject } from './cnnl-group.js';
import { cnnlDecisionFor, cnnlGroupOf, isCnnlRun } from './cnnl-groups.js';
import { contiguousStrides } from '../dnn/cudnn-descriptors.js';
import { equalLengthOffsets } from '../dnn/equal-length-offsets.js';
import { handleQueue } from './handle-queue.js';
import { asMovable } from '../xdnn-lift/xdnn-views.js';
import { elementsOf, exprOf, setsBefore, tensorView, type Lifted, type ViewExpr } from './tensor-descriptor.js';
import { bareExpression } from '../../syntax/bare-expression.js';

type Structure = Pick<OpInvocation, 'operator' | 'inputs' | 'outputs' | 'attributes' | 'args'> & { readonly numerics?: Numerics };

const ONE = generated('1', { kind: 'number', value: 1 });
const ZERO = generated('0', { kind: 'number', value: 0 });

function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

function attrs(entries: readonly [string, Expr, string?][]): Map<string, AttributeExpr> {
  return new Map(entries.map(([k, expr, meaning]) => [k, { expr, ...(meaning ? { meaning } : {}) }]));
}

function all<T extends readonly Lifted<unknown>[]>(...items: T): Lifted<{ [K in keyof T]: T[K] extends Lifted<infer V> ? V : never }> {
  const failed = items.find((i) => !i.ok);
  if (failed && !failed.ok) return failed;
  return { ok: true, value: items.map((i) => (i as { value: unknown }).value) as never };
}

/** The meaning of an enum constant argument. */
function meaningOf(node: ts.Expression | undefined, context: StaticContext): string | undefined {
  const v = node ? context.constant(node) : undefined;
  return v?.kind === 'enum' ? v.meaning : undefined;
}

/** A scaling factor: a constant or pure expression; `null` is the default. */
function scale(node: ts.Expression | undefined, fallback: Expr, name: string, context: StaticContext): Lifted<Expr> {
  if (!node || bareExpression(node).kind === ts.SyntaxKind.NullKeyword) return { ok: true, value: fallback };
  if (!isPure(node)) return { ok: false, reason: `${name} \`${node.getText()}\` has side effects` };
  return { ok: true, value: exprOf(node, context) };
}

function requireValue(e: Expr, wanted: number, what: string): string | undefined {
  return numberOf(e) === wanted ? undefined : `${what} is \`${e.text}\`, not the constant ${wanted}`;
}

function sameView(x: TensorExpr, y: TensorExpr): boolean {
  const list = (es: readonly Expr[] | undefined) => (es ?? []).map((e) => e.text).join();
  return x.ptr.text === y.ptr.text && list(x.dims) === list(y.dims) && list(x.strides) === list(y.strides);
}

/** op(M): the stored matrix, or its transpose (last two dims and strides swapped). */
function op(v: ViewExpr, transposed: boolean): ViewExpr {
  if (!transposed) return v;
  const n = v.dims.length;
  return { ...v, dims: [...v.dims.slice(0, n - 2), v.dims[n - 1], v.dims[n - 2]], strides: [...v.strides.slice(0, n - 2), v.strides[n - 1], v.strides[n - 2]] };
}

/** The descriptor object passed as `arg`. */
function objectArg(group: CnnlGroup, arg: ts.Expression | undefined): CnnlObject | undefined {
  if (!arg) return undefined;
  const u = bareExpression(arg);
  const name = ts.isPropertyAccessExpression(u) && u.name.text === 'value' && ts.isIdentifier(u.expression) ? u.expression.text : undefined;
  return name ? group.objects.get(name) : undefined;
}

function tensor(group: CnnlGroup, descName: string, dataName: string, context: StaticContext): Lifted<ViewExpr> {
  const run = group.run;
  const staged = group.staging?.get(dataName);
  if (staged) return stagedTensor(group, descName, staged, context);
  return tensorView(objectArg(group, argNamed(run, descName)), argNamed(run, dataName), run.node, context);
}

const TO_NHWC = [0, 2, 3, 1];
const TO_NCHW = [0, 3, 1, 2];

/**
 * A tensor staged channels-last: the NCHW tensor on the other side of its transpose, when the
 * transpose's permutation is the channels-last one and the staged descriptor's dims are the NCHW
 * dims permuted (conv-channels-last.ts).
 */
function stagedTensor(group: CnnlGroup, descName: string, staged: NonNullable<CnnlGroup['staging']> extends ReadonlyMap<string, infer S> ? S : never, context: StaticContext): Lifted<ViewExpr> {
  const t = staged.transpose;
  const inward = staged.direction === 'in';
  const desc = objectArg(t, argNamed(t.run, 'trans_desc'));
  const set = desc ? setsBefore(desc, t.run.node, new Set(['cnnlSetTransposeDescriptor'])).at(-1) : undefined;
  const perm = set ? elementsOf(set.args[2], set.node)?.map((e) => context.constant(e)) : undefined;
  const wanted = inward ? TO_NHWC : TO_NCHW;
  if (!perm || perm.length !== 4 || perm.some((v, i) => v?.kind !== 'number' || v.value !== wanted[i])) return { ok: false, reason: `the staging transpose is not the permutation [${wanted.join(', ')}]` };
  const r = all(tensor(t, 'x_desc', 'x', context), tensor(t, 'y_desc', 'y', context), tensorView(objectArg(group, argNamed(group.run, descName)), argNamed(group.run, inward ? 'x' : 'y'), group.run.node, context));
  if (!r.ok) return r;
  const [from, to, staging] = r.value;
  const nchw = inward ? from : to;
  const nhwc = inward ? to : from;
  const expected = TO_NHWC.map((i) => nchw.dims[i].text);
  if (nhwc.dims.map((d) => d.text).join() !== expected.join() || staging.dims.map((d) => d.text).join() !== expected.join()) return { ok: false, reason: 'the staged descriptor is not the NCHW tensor channels-last' };
  return { ok: true, value: { ...nchw, layout: 'NCHW' } };
}

function listExpr(items: readonly ts.Expression[]): Expr {
  return generated(`[${items.map((e) => e.getText()).join(', ')}]`);
}

function batchNorm(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const r = all(
    tensor(group, 'x_desc', 'x', context),
    tensor(group, 'wbmv_desc', 'weight', context),
    tensor(group, 'wbmv_desc', 'bias', context),
    tensor(group, 'wbmv_desc', 'mean', context),
    tensor(group, 'wbmv_desc', 'variance', context),
    tensor(group, 'y_desc', 'y', context),
    scale(argNamed(run, 'alpha'), ONE, 'alpha', context),
    scale(argNamed(run, 'beta'), ZERO, 'beta', context),
    scale(argNamed(run, 'eps'), ZERO, 'eps', context),
  );
  if (!r.ok) return r;
  const [x, weight, bias, mean, variance, y, alpha, beta, epsilon] = r.value;
  const blend = requireValue(alpha, 1, 'alpha') ?? requireValue(beta, 0, 'beta');
  if (blend) return { ok: false, reason: blend };
  return {
    ok: true,
    value: {
      operator: 'BatchNormalization',
      inputs: new Map<string, TensorExpr>([['X', x], ['scale', weight], ['B', bias], ['input_mean', mean], ['input_var', variance]]),
      outputs: new Map([['Y', y]]),
      attributes: attrs([['epsilon', epsilon]]),
      args: new Map(),
    },
  };
}

function maxPool(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const desc = objectArg(group, argNamed(run, 'pool_desc'));
  const set = desc ? setsBefore(desc, run.node, new Set(['cnnlSetPooling2dDescriptor_v2'])).at(-1) : undefined;
  if (!set) return { ok: false, reason: 'the pooling descriptor is not set with cnnlSetPooling2dDescriptor_v2' };
  const a = (name: string) => argNamed(set, name)!;
  if (meaningOf(a('mode'), context) !== 'pool.max') return { ok: false, reason: `the pooling mode \`${a('mode').getText()}\` is not CNNL_POOLING_MAX` };
  const one = (name: string) => context.constant(a(name));
  if (['dilation_h', 'dilation_w'].some((n) => { const v = one(n); return v?.kind !== 'number' || v.value !== 1; })) return { ok: false, reason: 'the pooling dilations are not 1' };
  const ceil = one('ceil_mode');
  if (ceil?.kind !== 'boolean' || ceil.value) return { ok: false, reason: `ceil_mode is \`${a('ceil_mode').getText()}\`, not false` };
  if ([a('window_h'), a('window_w'), a('pad_up'), a('pad_down'), a('pad_left'), a('pad_right'), a('stride_h'), a('stride_w')].some((e) => !isPure(e))) return { ok: false, reason: 'a pooling window, pad or stride has side effects' };
  const r = all(tensor(group, 'x_desc', 'x', context), tensor(group, 'y_desc', 'y', context), scale(argNamed(run, 'alpha'), ONE, 'alpha', context), scale(argNamed(run, 'beta'), ZERO, 'beta', context));
  if (!r.ok) return r;
  const [x, y, alpha, beta] = r.value;
  const blend = requireValue(alpha, 1, 'alpha') ?? requireValue(beta, 0, 'beta');
  if (blend) return { ok: false, reason: blend };
  // ONNX pads: all begins, then all ends.
  const pads = listExpr([a('pad_up'), a('pad_left'), a('pad_down'), a('pad_right')]);
  return {
    ok: true,
    value: {
      operator: 'MaxPool',
      inputs: new Map([['X', x]]),
      outputs: new Map([['Y', y]]),
      attributes: attrs([['kernel_shape', listExpr([a('window_h'), a('window_w')])], ['pads', pads], ['strides', listExpr([a('stride_h'), a('stride_w')])]]),
      args: new Map(),
    },
  };
}

function conv(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const desc = objectArg(group, argNamed(run, 'conv_desc'));
  const sets = desc ? setsBefore(desc, run.node) : [];
  const set = sets.filter((c) => c.entry.spec.symbol === 'cnnlSetConvolutionDescriptor').at(-1);
  if (!set) return { ok: false, reason: 'the convolution descriptor is not set with cnnlSetConvolutionDescriptor' };
  const [pairs, strides, dilations] = ['pad', 'stride', 'dilation'].map((n) => elementsOf(argNamed(set, n)!, set.node));
  const group_ = argNamed(set, 'group_count')!;
  if (pairs?.length !== 4 || strides?.length !== 2 || dilations?.length !== 2) return { ok: false, reason: 'the pads, strides or dilations are not 2-D array literals' };
  if ([...pairs, ...strides, ...dilations, group_].some((e) => !isPure(e))) return { ok: false, reason: 'a pad, stride, dilation or group count has side effects' };
  const compute = meaningOf(argNamed(set, 'compute_type'), context);
  const bias = argNamed(run, 'bias');
  if (bias && bareExpression(bias).kind !== ts.SyntaxKind.NullKeyword) return { ok: false, reason: 'the convolution has a bias (only bias-free convolutions are lifted)' };
  const tf32 = sets.filter((c) => c.entry.spec.symbol === 'cnnlSetConvolutionDescriptorAllowTF32').at(-1);
  const allow = tf32 ? context.constant(tf32.args[1]) : undefined;
  if (allow?.kind !== 'number') return { ok: false, reason: 'cnnlSetConvolutionDescriptorAllowTF32 does not set the math with a constant' };
  const r = all(tensor(group, 'x_desc', 'x', context), tensor(group, 'w_desc', 'w', context), tensor(group, 'y_desc', 'y', context), scale(argNamed(run, 'alpha'), ONE, 'alpha', context), scale(argNamed(run, 'beta'), ZERO, 'beta', context));
  if (!r.ok) return r;
  const [x, w, y, alpha, beta] = r.value;
  const blend = requireValue(alpha, 1, 'alpha') ?? requireValue(beta, 0, 'beta');
  if (blend) return { ok: false, reason: blend };
  if (compute !== x.dtype?.meaning) return { ok: false, reason: `the compute type \`${argNamed(set, 'compute_type')?.getText()}\` is not the data's` };
  // CNNL pads are (before, after) pairs per spatial dim; ONNX lists all begins, then all ends.
  const pads = listExpr([pairs[0], pairs[2], pairs[1], pairs[3]]);
  return {
    ok: true,
    value: {
      operator: 'Conv',
      inputs: new Map<string, TensorExpr>([['X', x], ['W', w]]),
      outputs: new Map([['Y', y]]),
      attributes: attrs([['kernel_shape', generated(`[${w.dims.slice(2).map((d) => d.text).join(', ')}]`)], ['pads', pads], ['strides', listExpr(strides)], ['dilations', listExpr(dilations)], ['group', exprOf(group_, context)]]),
      args: new Map(),
      // AllowTF32 1: TF32-class products (cuDNN's DEFAULT math); 0: IEEE float32 (FMA), as conv-plan.ts maps them.
      numerics: { mathMode: { meaning: allow.value ? 'math.default' : 'math.fma', from: 'descriptor' } },
    },
  };
}

/** cnnlSetMatMulDescAttr values by attribute meaning (`matmul-attr.trans-a` → 1). */
function matmulAttributes(desc: CnnlObject | undefined, run: ResolvedCall, context: StaticContext): Lifted<Map<string, number>> {
  if (!desc) return { ok: false, reason: 'the matmul descriptor is not made by cnnlMatMulDescCreate' };
  const found = new Map<string, number>();
  for (const set of setsBefore(desc, run.node)) {
    if (set.entry.spec.symbol !== 'cnnlSetMatMulDescAttr') return { ok: false, reason: `\`${set.entry.spec.symbol}\` sets the matmul descriptor` };
    const [, attr, buffer] = set.args;
    const meaning = meaningOf(attr, context);
    if (!meaning) return { ok: false, reason: `the matmul attribute \`${attr?.getText() ?? '?'}\` is not a constant` };
    const element = buffer ? (elementsOf(buffer, set.node)?.[0] ?? buffer) : undefined;
    const v = element ? context.constant(element) : undefined;
    const value = v?.kind === 'number' ? v.value : v?.kind === 'boolean' ? Number(v.value) : undefined;
    if (value === undefined) return { ok: false, reason: `the value \`${buffer?.getText() ?? '?'}\` of ${attr.getText()} is not a constant` };
    found.set(meaning, value);
  }
  const unknown = [...found.keys()].find((k) => !['matmul-attr.trans-a', 'matmul-attr.trans-b', 'matmul-attr.allow-tf32', 'matmul-attr.use-beta'].includes(k));
  if (unknown) return { ok: false, reason: `the matmul descriptor sets ${unknown.replace('matmul-attr.', '')}, which is not lifted` };
  return { ok: true, value: found };
}

function gemm(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const batched = run.entry.spec.symbol === 'cnnlBatchMatMulBCast_v2';
  const descArg = argNamed(run, batched ? 'bmm_desc' : 'matmul_desc');
  const outNames = batched ? ['c_desc', 'c'] : ['d_desc', 'd'];
  const r = all(
    matmulAttributes(objectArg(group, descArg), run, context),
    tensor(group, 'a_desc', 'a', context),
    tensor(group, 'b_desc', 'b', context),
    tensor(group, outNames[0], outNames[1], context),
    scale(argNamed(run, 'alpha'), ONE, 'alpha', context),
    scale(argNamed(run, 'beta'), ZERO, 'beta', context),
  );
  if (!r.ok) return r;
  const [attributes, a, b, y, alpha, beta] = r.value;
  const rank = y.dims.length;
  if (![a, b, y].every((t) => t.dims.length === rank) || rank !== (batched ? 3 : 2)) {
    return { ok: false, reason: `the operands are ${[a, b, y].map((t) => t.dims.length).join('-D, ')}-D; 2-D products (cnnlMatMul_v2) and 3-D batches (cnnlBatchMatMulBCast_v2) are lifted` };
  }
  if (batched && ![a, b].every((t) => t.dims[0].text === y.dims[0].text)) return { ok: false, reason: 'the batch dims differ (a broadcast batch is not lifted)' };
  const numerics: Numerics = attributes.get('matmul-attr.allow-tf32') === 1 ? { computeType: { meaning: 'compute.32f-fast-tf32', from: 'descriptor' } } : {};
  let c: ViewExpr | undefined;
  let betaExpr = ZERO;
  // Without USE_BETA, cnnlMatMul_v2 does not read C; the batched call blends its output with beta.
  const usesBeta = batched || attributes.get('matmul-attr.use-beta') === 1;
  if (usesBeta && numberOf(beta) !== 0) {
    if (!batched) {
      const cView = tensor(group, 'c_desc', 'c', context);
      if (!cView.ok) return cView;
      if (!sameView(cView.value, y)) return { ok: false, reason: 'C is not D: the port reads a C other than the output only as a separate add' };
    }
    c = y;
    betaExpr = beta;
  } else if (!usesBeta && numberOf(beta) !== 0) return { ok: false, reason: `beta is \`${beta.text}\` without CNNL_MATMUL_USE_BETA` };
  return {
    ok: true,
    value: {
      operator: 'Gemm',
      inputs: new Map<string, TensorExpr>([['A', op(a, attributes.get('matmul-attr.trans-a') === 1)], ['B', op(b, attributes.get('matmul-attr.trans-b') === 1)], ...(c ? [['C', c] as [string, TensorExpr]] : [])]),
      outputs: new Map([['Y', y]]),
      attributes: attrs([['alpha', alpha], ['beta', betaExpr]]),
      args: new Map(),
      numerics,
    },
  };
}

function negated(e: Expr): Expr {
  const n = numberOf(e);
  return n !== undefined ? generated(String(-n), { kind: 'number', value: -n }) : generated(`-${operand(e.text)}`);
}

function opTensor(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const desc = objectArg(group, argNamed(run, 'op_desc'));
  const set = desc ? setsBefore(desc, run.node, new Set(['cnnlSetOpTensorDescriptor'])).at(-1) : undefined;
  const kind = set ? meaningOf(set.args[1], context) : undefined;
  if (!kind) return { ok: false, reason: 'the op-tensor descriptor is not set with a constant operation (cnnlSetOpTensorDescriptor)' };
  const r = all(
    tensor(group, 'a_desc', 'a', context),
    tensor(group, 'b_desc', 'b', context),
    tensor(group, 'c_desc', 'c', context),
    scale(argNamed(run, 'alpha1'), ONE, 'alpha1', context),
    scale(argNamed(run, 'alpha2'), ONE, 'alpha2', context),
    scale(argNamed(run, 'beta'), ZERO, 'beta', context),
  );
  if (!r.ok) return r;
  const [a, b, c, alpha1, alpha2, beta] = r.value;
  const blended = requireValue(beta, 0, 'beta (the output blended with its old value)');
  if (blended) return { ok: false, reason: blended };
  const structure = (operator: string, inputs: [string, TensorExpr][], args: [string, Expr][]): Lifted<Structure> => ({
    ok: true,
    value: { operator, inputs: new Map(inputs), outputs: new Map([['C', c]]), attributes: new Map(), args: new Map(args) },
  });
  switch (kind) {
    case 'op-tensor.add':
    case 'op-tensor.sub': {
      const sub = kind === 'op-tensor.sub';
      // c := alpha1·a ± alpha2·b: in place on a (or b) is C := beta·C + alpha·B.
      if (sameView(c, a)) return structure('Add', [['A', c], ['B', b]], [['alpha', sub ? negated(alpha2) : alpha2], ['beta', alpha1]]);
      if (sameView(c, b) && !sub) return structure('Add', [['A', c], ['B', a]], [['alpha', alpha1], ['beta', alpha2]]);
      const scaled = requireValue(alpha1, 1, 'alpha1 of an add into a third tensor');
      if (scaled || sub) return { ok: false, reason: scaled ?? 'a subtraction into a third tensor is not lifted' };
      return structure('Add', [['A', a], ['B', b]], [['alpha', alpha2]]);
    }
    case 'op-tensor.mul': {
      const scaled = requireValue(alpha1, 1, 'alpha1 of a product') ?? requireValue(alpha2, 1, 'alpha2 of a product');
      if (scaled) return { ok: false, reason: scaled };
      // A host value copied into a one-element tensor for the call (the scal port): the product by that value.
      // Its buffer's statements go with the run (cnnl-group.ts), so the lift reads it so or declines.
      const [scalarA, scalarB] = [group.scalars?.get('a'), group.scalars?.get('b')];
      if (scalarA && scalarB) return { ok: false, reason: 'both operands are host values copied to the device' };
      const scalar = scalarB ? { value: scalarB, view: b, other: a } : scalarA ? { value: scalarA, view: a, other: b } : undefined;
      if (!scalar) return structure('Mul', [['A', a], ['B', b]], []);
      if (!scalar.view.dims.every((d) => numberOf(d) === 1)) return { ok: false, reason: `the operand copied from \`${scalar.value.getText()}\` is described as [${scalar.view.dims.map((d) => d.text).join(', ')}], not one element` };
      return structure('Mul', [['A', scalar.other], ['B', hostScalar(scalar.value, scalar.view, context)]], []);
    }
    default:
      return { ok: false, reason: `the op-tensor operation ${kind} is not lifted` };
  }
}

/** A host value standing for the one-element tensor it was copied into: a 0-d `host` operand of that tensor's type. */
function hostScalar(value: ts.Expression, tensor: ViewExpr, context: StaticContext): TensorExpr {
  return { ptr: exprOf(value, context), dims: [], strides: [], layout: 'host', ...(tensor.dtype ? { dtype: tensor.dtype } : {}) };
}

const ACTIVATIONS: Readonly<Record<string, { operator: string; input: string; output: string }>> = {
  'activation.relu': { operator: 'Relu', input: 'X', output: 'Y' },
  'activation.sigmoid': { operator: 'Sigmoid', input: 'X', output: 'Y' },
  'activation.tanh': { operator: 'Tanh', input: 'input', output: 'output' },
  'activation.silu': { operator: 'Silu', input: 'X', output: 'Y' },
  'activation.gelu': { operator: 'Gelu', input: 'X', output: 'Y' },
};

function activation(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const desc = objectArg(group, argNamed(run, 'act_desc'));
  const set = desc ? setsBefore(desc, run.node).at(-1) : undefined;
  if (!set) return { ok: false, reason: 'the activation descriptor is not set before the run' };
  const mode = meaningOf(argNamed(set, 'mode'), context);
  const spec = mode ? ACTIVATIONS[mode] : undefined;
  if (!spec) return { ok: false, reason: `the activation mode \`${argNamed(set, 'mode')?.getText() ?? '?'}\` is not lifted` };
  const r = all(tensor(group, 'x_desc', 'x', context), tensor(group, 'y_desc', 'y', context), scale(argNamed(run, 'alpha'), ONE, 'alpha', context), scale(argNamed(run, 'beta'), ZERO, 'beta', context));
  if (!r.ok) return r;
  const [x, y, alpha, beta] = r.value;
  const blend = requireValue(alpha, 1, 'alpha') ?? requireValue(beta, 0, 'beta');
  if (blend) return { ok: false, reason: blend };
  let attributes = new Map<string, AttributeExpr>();
  if (spec.operator === 'Gelu') {
    // Only _v6 says which GELU: the legacy setters' form is not documented (mappings/cambricon/cnnl.yaml).
    const flag = set.entry.spec.symbol === 'cnnlSetActivationDescriptor_v6' ? context.constant(argNamed(set, 'approximate') ?? set.args[9]) : undefined;
    if (flag?.kind !== 'boolean') return { ok: false, reason: `which GELU \`${set.entry.spec.symbol}\` selects is not known (cnnlSetActivationDescriptor_v6's approximate says tanh or erf)` };
    const form = flag.value ? 'tanh' : 'none';
    attributes = attrs([['approximate', generated(`'${form}'`, { kind: 'string', value: form }), form]]);
  }
  return { ok: true, value: { operator: spec.operator, inputs: new Map([[spec.input, x]]), outputs: new Map([[spec.output, y]]), attributes, args: new Map() } };
}

const SOFTMAX_AXES: Readonly<Record<string, number>> = { 'softmax-mode.first-dim': 0, 'softmax-mode.middle-dim': 1, 'softmax-mode.last-dim': 2 };

function softmax(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const algorithm = meaningOf(argNamed(run, 'algorithm'), context);
  const axis = SOFTMAX_AXES[meaningOf(argNamed(run, 'mode'), context) ?? ''];
  if (algorithm !== 'softmax.accurate' && algorithm !== 'softmax.log') return { ok: false, reason: `the softmax algorithm \`${argNamed(run, 'algorithm')?.getText()}\` is not ACCURATE or LOG` };
  if (axis === undefined) return { ok: false, reason: `the softmax mode \`${argNamed(run, 'mode')?.getText()}\` is not a constant` };
  const r = all(tensor(group, 'x_desc', 'x', context), tensor(group, 'y_desc', 'y', context), scale(argNamed(run, 'alpha'), ONE, 'alpha', context), scale(argNamed(run, 'beta'), ZERO, 'beta', context));
  if (!r.ok) return r;
  const [x, y, alpha, beta] = r.value;
  const blend = requireValue(alpha, 1, 'alpha') ?? requireValue(beta, 0, 'beta');
  if (blend) return { ok: false, reason: blend };
  if (x.dims.length !== 3) return { ok: false, reason: `the softmax input is ${x.dims.length}-D; CNNL's modes name dims of a 3-D view` };
  return {
    ok: true,
    value: {
      operator: algorithm === 'softmax.log' ? 'LogSoftmax' : 'Softmax',
      inputs: new Map([['input', x]]),
      outputs: new Map([['output', y]]),
      attributes: attrs([['axis', generated(String(axis), { kind: 'number', value: axis })]]),
      args: new Map(),
    },
  };
}

function layerNorm(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  for (const name of ['mean_rstd_desc', 'saved_mean', 'saved_rstd']) {
    const arg = argNamed(run, name);
    if (arg && bareExpression(arg).kind !== ts.SyntaxKind.NullKeyword) return { ok: false, reason: `${name} is \`${arg.getText()}\`, not null (only inference layer norm is lifted)` };
  }
  const r = all(
    tensor(group, 'x_desc', 'x', context),
    tensor(group, 'weight_bias_desc', 'weight', context),
    tensor(group, 'weight_bias_desc', 'bias', context),
    tensor(group, 'y_desc', 'y', context),
    scale(argNamed(run, 'axis'), ZERO, 'axis', context),
    scale(argNamed(run, 'eps'), ZERO, 'eps', context),
  );
  if (!r.ok) return r;
  const [x, weight, bias, y, axis, epsilon] = r.value;
  if (numberOf(axis) === undefined) return { ok: false, reason: `the axis \`${axis.text}\` is not a constant` };
  return {
    ok: true,
    value: {
      operator: 'LayerNormalization',
      inputs: new Map<string, TensorExpr>([['X', x], ['Scale', weight], ['B', bias]]),
      outputs: new Map([['Y', y]]),
      attributes: attrs([['axis', axis], ['epsilon', epsilon]]),
      args: new Map(),
    },
  };
}

/**
 * The dot chain a cnnlReduce ends (cnnl-group.ts): the product's MUL of two 1-D views of one
 * length into a packed scratch, summed over its one axis (reduce axes [0], ADD) into one element
 * copied to the host → `MatMul` of the two views into the 0-d host result (cublasSdot's form).
 */
function dot(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const chain = group.chain;
  if (!chain) return { ok: false, reason: 'cnnlReduce is lifted only as the sum of a dot product' };
  if (!chain.ok) return chain;
  const run = group.run;
  const product = opTensor(chain.value.product, context);
  if (!product.ok) return product;
  if (product.value.operator !== 'Mul') return { ok: false, reason: 'the products are not a cnnlOpTensor MUL' };
  const [a, b] = [product.value.inputs.get('A') as ViewExpr, product.value.inputs.get('B') as ViewExpr];
  if (a.dims.length !== 1 || b.dims.length !== 1 || a.dims[0].text !== b.dims[0].text) return { ok: false, reason: 'the products are not of two 1-D views of one length' };
  const desc = objectArg(group, argNamed(run, 'reduce_desc'));
  const set = desc ? setsBefore(desc, run.node, new Set(['cnnlSetReduceDescriptor_v2'])).at(-1) : undefined;
  const axes = set ? elementsOf(set.args[1], set.node) : undefined;
  const axis = axes?.length === 1 ? context.constant(axes[0]) : undefined;
  if (!set || meaningOf(argNamed(set, 'reduce_op'), context) !== 'reduce.sum' || axis?.kind !== 'number' || axis.value !== 0) {
    return { ok: false, reason: 'the reduction is not cnnlSetReduceDescriptor_v2 ADD over axis [0]' };
  }
  const r = all(tensor(group, 'x_desc', 'x', context), tensor(group, 'y_desc', 'y', context));
  if (!r.ok) return r;
  const [x, y] = r.value;
  const c = product.value.outputs.get('C')!;
  if (!sameView(x, c) || x.dims.length !== 1 || y.dims.length !== 1 || numberOf(y.dims[0]) !== 1) return { ok: false, reason: 'the reduction does not sum the products into one element' };
  const extra = ['alpha', 'beta', 'indices'].map((n) => argNamed(run, n)).find((e) => e && bareExpression(e).kind !== ts.SyntaxKind.NullKeyword);
  if (extra) return { ok: false, reason: `\`${extra.getText()}\` is passed to cnnlReduce where the dot lowering passes null` };
  const result: TensorExpr = { ptr: exprOf(chain.value.result, context), dims: [], strides: [], layout: 'host', ...(y.dtype ? { dtype: y.dtype } : {}) };
  return { ok: true, value: { operator: 'MatMul', inputs: new Map([['A', a], ['B', b]]), outputs: new Map([['Y', result]]), attributes: new Map(), args: new Map() } };
}

/** cnnlRmsNormForward without a bias or saved statistics → RMSNormalization (axis, epsilon). */
function rmsNorm(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  for (const name of ['bias', 'rms_desc', 'saved_rms']) {
    const arg = argNamed(run, name);
    if (arg && bareExpression(arg).kind !== ts.SyntaxKind.NullKeyword) return { ok: false, reason: `${name} is \`${arg.getText()}\`, not null (an RMS norm with a bias or saved statistics is not lifted)` };
  }
  const r = all(
    tensor(group, 'x_desc', 'x', context),
    tensor(group, 'scale_bias_desc', 'scale', context),
    tensor(group, 'y_desc', 'y', context),
    scale(argNamed(run, 'axis'), ZERO, 'axis', context),
    scale(argNamed(run, 'eps'), ZERO, 'eps', context),
  );
  if (!r.ok) return r;
  const [x, weight, y, axis, epsilon] = r.value;
  if (numberOf(axis) === undefined) return { ok: false, reason: `the axis \`${axis.text}\` is not a constant` };
  return {
    ok: true,
    value: { operator: 'RMSNormalization', inputs: new Map([['X', x], ['scale', weight]]), outputs: new Map([['Y', y]]), attributes: attrs([['axis', axis], ['epsilon', epsilon]]), args: new Map() },
  };
}

/**
 * cnnlCastDataType → `Cast` (`to` = the output's element type): the cast enum names both types
 * (`cast.float32-to-bfloat16`), which must be the two descriptors' data types.
 */
function cast(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const r = all(tensor(group, 'input_desc', 'input', context), tensor(group, 'output_desc', 'output', context));
  if (!r.ok) return r;
  const [input, output] = r.value;
  const kind = meaningOf(argNamed(run, 'cast_type'), context);
  const [from, to] = [input.dtype?.meaning?.replace('dtype.', ''), output.dtype?.meaning?.replace('dtype.', '')];
  if (kind !== `cast.${from}-to-${to}`) return { ok: false, reason: `the cast \`${argNamed(run, 'cast_type')?.getText() ?? '?'}\` is not ${from} to ${to}, the descriptors' data types` };
  return {
    ok: true,
    value: { operator: 'Cast', inputs: new Map([['input', input]]), outputs: new Map([['output', output]]), attributes: attrs([['to', generated(`'${to}'`, { kind: 'string', value: to! })]]), args: new Map() },
  };
}

/** Whether two expressions are the same size: equal constants, or the same text. */
function sameSize(a: Expr, b: Expr): boolean {
  const [x, y] = [numberOf(a), numberOf(b)];
  return x !== undefined && y !== undefined ? x === y : a.text === b.text;
}

function times(a: Expr, b: Expr): Expr {
  const [x, y] = [numberOf(a), numberOf(b)];
  if (x !== undefined && y !== undefined) return generated(String(x * y), { kind: 'number', value: x * y });
  if (x === 1) return b;
  if (y === 1) return a;
  return generated(`${operand(a.text)} * ${operand(b.text)}`);
}

/**
 * Offsets of equal-length sequences, `Int32Array.from({ length: b + 1 }, (_, i) => i * s)`
 * (cnnl-frontend.ts writes them): [b, s], or why not.
 */
function offsetsOfEqualLengths(array: ts.Expression | undefined, context: StaticContext): Lifted<[Expr, Expr]> {
  const offsets = array ? equalLengthOffsets(array, 'Int32Array.from') : undefined;
  if (!offsets) return { ok: false, reason: `the sequence offsets \`${array?.getText() ?? '?'}\` are not \`Int32Array.from({ length: B + 1 }, (_, i) => i * S)\` (equal lengths, which is all dense Attention expresses)` };
  return { ok: true, value: [exprOf(offsets.batch, context), exprOf(offsets.length, context)] };
}

const FLASH_NULLS = ['rng_state', 'dropout_mask_desc', 'dropout_mask', 'softmax_lse_desc', 'softmax_lse'];

/**
 * cnnlFlashAttentionForward in packed mode over equal-length sequences (the inverse of
 * cnnl-frontend.ts's sdpa lowering): Q / K / V / O are [b·s, h, d] tensors, i.e. packed
 * [b, s, h, d] memory → Attention over [b, h, s, d] views of it; causality, the scale and the
 * maximum lengths from cnnlSetFlashAttentionDescriptor; no dropout, no log-sum-exp output.
 */
function attention(group: CnnlGroup, context: StaticContext): Lifted<Structure> {
  const run = group.run;
  const fail = (reason: string): Lifted<Structure> => ({ ok: false, reason });
  const desc = objectArg(group, argNamed(run, 'fa_desc'));
  const set = desc ? setsBefore(desc, run.node, new Set(['cnnlSetFlashAttentionDescriptor'])).at(-1) : undefined;
  if (!set || !desc || setsBefore(desc, run.node).length !== 1) return fail('the flash attention descriptor is not set once with cnnlSetFlashAttentionDescriptor');
  const a = (name: string) => argNamed(set, name)!;
  const flag = (name: string) => {
    const v = context.constant(a(name));
    return v?.kind === 'boolean' ? v.value : undefined;
  };
  if (flag('is_pack_mode') !== true) return fail(`is_pack_mode is \`${a('is_pack_mode').getText()}\`, not true (the padded layout is not lifted)`);
  if (flag('is_out_zero') !== false || flag('return_softmax') !== false) return fail('is_out_zero or return_softmax is not false');
  const dropout = context.constant(a('dropout'));
  if (dropout?.kind !== 'number' || dropout.value !== 0) return fail(`dropout is \`${a('dropout').getText()}\`, not 0 (inference attention only)`);
  if (meaningOf(a('compute_dtype'), context) !== 'dtype.float32') return fail(`the compute type \`${a('compute_dtype').getText()}\` is not CNNL_DTYPE_FLOAT`);
  const mask = meaningOf(a('attn_mask_mode'), context);
  if (mask !== 'attn-mask.causal' && mask !== 'attn-mask.none') return fail(`the mask mode \`${a('attn_mask_mode').getText()}\` is not a constant`);
  const passed = FLASH_NULLS.map((n) => argNamed(run, n)).find((e) => e && bareExpression(e).kind !== ts.SyntaxKind.NullKeyword);
  if (passed) return fail(`\`${passed.getText()}\` is passed where sdpa has nothing to take it (rng state, dropout mask or log-sum-exp)`);
  // The scale is a host value such as `1 / Math.sqrt(D_HEAD)` (a Math function of pure values may move).
  const scale = asMovable(exprOf(a('softmax_scale'), context));
  const [maxQ, maxK] = [a('max_seqlen_q'), a('max_seqlen_k')];
  if (!scale.pure || ![maxQ, maxK].every((e) => isPure(e))) return fail('the scale or a maximum length has side effects');
  const r = all(
    tensor(group, 'q_desc', 'q', context),
    tensor(group, 'k_desc', 'k', context),
    tensor(group, 'v_desc', 'v', context),
    tensor(group, 'out_desc', 'out', context),
    offsetsOfEqualLengths(group.offsets?.get('cu_seqlens_q'), context),
    offsetsOfEqualLengths(group.offsets?.get('cu_seqlens_k'), context),
  );
  if (!r.ok) return r;
  const [q, k, v, o, [batch, sq], [batchK, skv]] = r.value;
  const packed = (t: ViewExpr) => t.dims.length === 3 && t.strides.map((x, i) => sameSize(x, contiguousStrides(t.dims)[i])).every(Boolean);
  if (![q, k, v, o].every(packed)) return fail('Q, K, V and O are not packed [tokens, heads, dim] tensors');
  if ([k, v, o].some((t) => t.dtype?.meaning !== q.dtype?.meaning)) return fail('Q, K, V and O mix element types');
  const dim = q.dims[2];
  if (!sameSize(batch, batchK) || !sameSize(sq, exprOf(maxQ, context)) || !sameSize(skv, exprOf(maxK, context))) return fail('the offsets, batch and maximum lengths disagree (only equal-length sequences are dense Attention)');
  const rows = (seq: Expr) => times(batch, seq);
  if (!sameSize(q.dims[0], rows(sq)) || !sameSize(o.dims[0], rows(sq)) || !sameSize(k.dims[0], rows(skv)) || !sameSize(v.dims[0], rows(skv))) return fail('the token counts of Q, K, V and O are not batch × sequence length');
  if (!sameSize(k.dims[1], v.dims[1]) || !sameSize(o.dims[1], q.dims[1]) || ![k, v, o].every((t) => sameSize(t.dims[2], dim))) return fail('the head counts or head sizes of Q, K, V and O disagree');
  const causal = mask === 'attn-mask.causal';
  if (causal && !sameSize(sq, skv)) return fail('a causal mask over s_q ≠ s_kv: CNNL\'s alignment for unequal lengths is not documented');
  const [heads, kvHeads] = [q.dims[1], k.dims[1]];
  // [b, h, s, d] views of packed [b, s, h, d] memory.
  const view = (t: ViewExpr, s: Expr, h: Expr): TensorExpr => ({ ptr: t.ptr, dims: [batch, h, s, dim], strides: [times(times(s, h), dim), dim, times(h, dim), ONE], ...(t.dtype ? { dtype: t.dtype } : {}), layout: 'row-major' });
  return {
    ok: true,
    value: {
      operator: 'Attention',
      inputs: new Map([['Q', view(q, sq, heads)], ['K', view(k, skv, kvHeads)], ['V', view(v, skv, kvHeads)]]),
      outputs: new Map([['Y', view(o, sq, heads)]]),
      attributes: new Map<string, AttributeExpr>([
        ['scale', { expr: scale }],
        ['is_causal', { expr: generated(causal ? '1' : '0', { kind: 'number', value: causal ? 1 : 0 }), ...(causal ? { meaning: 'causal.top-left' } : {}) }],
        ['q_num_heads', { expr: heads }],
        ['kv_num_heads', { expr: kvHeads }],
      ]),
      args: new Map(),
    },
  };
}

function structure(group: CnnlGroup, context: StaticContext): Lifted<Structure> | undefined {
  switch (group.run.entry.spec.symbol) {
    case 'cnnlMatMul_v2':
    case 'cnnlBatchMatMulBCast_v2':
      return gemm(group, context);
    case 'cnnlOpTensor':
      return opTensor(group, context);
    case 'cnnlActivationForward':
      return activation(group, context);
    case 'cnnlSoftmaxForward':
    case 'cnnlSoftmaxForward_v2':
      return softmax(group, context);
    case 'cnnlLayerNormForward':
      return layerNorm(group, context);
    case 'cnnlReduce':
      return dot(group, context);
    case 'cnnlCastDataType':
      return cast(group, context);
    case 'cnnlRmsNormForward':
      return rmsNorm(group, context);
    case 'cnnlConvolutionForward':
      return conv(group, context);
    case 'cnnlBatchNormForwardInference':
      return batchNorm(group, context);
    case 'cnnlPoolingForward':
      return maxPool(group, context);
    case 'cnnlFlashAttentionForward':
      return attention(group, context);
    default:
      return undefined;
  }
}

export function liftCnnl(group: CnnlGroup, call: SourceCall, context: StaticContext): Lifted<OpInvocation> | undefined {
  const lifted = structure(group, context);
  if (!lifted) return undefined;
  if (!lifted.ok) return lifted;
  const { numerics, ...rest } = lifted.value;
  const queue = handleQueue(group.run, context);
  const stream = queue?.kind === 'set' ? exprOf(queue.stream, context) : queue ? generated(`${queue.variable}.value`) : undefined;
  return {
    ok: true,
    value: {
      kind: 'operator',
      ...rest,
      numerics: numerics ?? {},
      enums: new Map(),
      ...(stream ? { stream } : {}),
      origin: { backend: call.backend, entry: call.entry, symbol: call.entry.spec.symbol },
    },
  };
}

export const cnnlLifter: Lifter = {
  name: 'CNNL descriptor operations',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    const resolved = ctx.context.resolve(call.node);
    if (!resolved || !isCnnlRun(resolved)) return undefined;
    const symbol = call.entry.spec.symbol;
    const fail = (reason: string): LiftResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    const reading = cnnlGroupOf(resolved, ctx.context);
    if (!reading.ok) return fail(reading.reason);
    // A descriptor another facade's call already takes: what stayed on an earlier run stays the same way.
    if ([...reading.group.objects.values()].some((o) => o.foreign)) return undefined;
    const decision = cnnlDecisionFor(call.node);
    if (decision && !decision.accepted && decision.reason) return fail(decision.reason);
    const lifted = liftCnnl(reading.group, call, ctx.context);
    // Operations with no lifter here (convolution, casts, ...) keep the generic path's answer.
    if (!lifted) return undefined;
    if (!lifted.ok) return fail(lifted.reason);
    return { ok: true, invocation: lifted.value };
  },
};
