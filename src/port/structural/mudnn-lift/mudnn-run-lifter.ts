/**
 * muDNN's own-shape runs → canonical operators (the inverse of structural/mudnn/mudnn-compute.ts),
 * with each tensor as a view read from its muDNN tensor descriptor (mudnn-tensor-view.ts) and the
 * descriptor kept, the op read from the op descriptor's set-call (mudnn-operation.ts):
 *
 * - mudnnBinary(h, d, cDesc, C, aDesc, A, bDesc, B) with MUDNN_BINARY_ADD / SUB / MUL / DIV → Add /
 *   Sub / Mul / Div (C = A op B, no blend: muDNN computes with none; the modes structural/mudnn/
 *   writes for cudnn-frontend's pointwise nodes). MAX / MIN / POW and the *_ALPHA modes are not
 *   lifted yet.
 * - mudnnSoftmaxForwardEx(h, d, xDesc, x, workspace, size, yDesc, y) with (dim, ACCURATE, SOFTMAX |
 *   LOG_SOFTMAX) → Softmax / LogSoftmax over axis dim (LOG_SUM_EXP has no canonical operator).
 * - mudnnUnary(h, d, yDesc, y, xDesc, x) → the operator of the mode's catalog variant (Relu,
 *   Sigmoid, Tanh, ...); modes whose parameter comes from the descriptor (ELU, LEAKY_RELU, CLIP)
 *   are declined: how muDNN reads the parameter is not documented.
 * - mudnnBatchNormForwardInference(h, d, yDesc, y, xDesc, x, mean…, var…, scale…, bias…) with
 *   (SPATIAL, epsilon, training false) → BatchNormalization (parameters as [C] views of their
 *   1 × C × 1 × 1 descriptors).
 * - mudnnLayerNormForward(h, d, y…, mean…, rstd…, x…, gamma…, beta…, workspace, size) with the
 *   normalised axes k .. rank - 1 → LayerNormalization (axis k, epsilon); mudnnRMSNormForward(h, d,
 *   y…, invvar…, x…, gamma…) likewise → RMSNormalization. The statistics must be scratch buffers
 *   nothing reads (mudnn-operation.ts): the canonical operators do not write them.
 * - mudnnScaledDotProductAttentionFlashForward(h, lse…, q…, k…, v…, mask…, d, dropout…, out…) with
 *   no mask, no dropout, K as [N, H, S, E] and not training → Attention (scale, is_causal from the
 *   descriptor; a scale of 0, torch_musa's "default", is declined as unconfirmed); lse is scratch.
 * - mudnnUnary with MUDNN_UNARY_CAST → Cast to the output descriptor's data type.
 * - mudnnPoolingForwardEx(h, p, yDesc, y, xDesc, x, null, null) on a descriptor set to
 *   MUDNN_POOLING_MAX → MaxPool (kernel, pads, strides from the set-call; `poolingDesc` carried).
 *
 * `args.handle` is the run's handle. Runs whose group stays (a descriptor shared with a run that
 * does not port, a marker) are declined with the reason.
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { ts } from '../../syntax/typescript.js';
import { carried, type Described } from '../dnn/cudnn-descriptors.js';
import { LIFT_TARGETS } from './lift-targets.js';
import { decisionFor, operationOf } from './mudnn-groups.js';
import { isMudnnRun, type MudnnOperation } from './mudnn-operation.js';
import { mudnnTensorView } from './mudnn-tensor-view.js';

type Structure = Pick<OpInvocation, 'operator' | 'inputs' | 'outputs' | 'attributes'> & { readonly args?: ReadonlyMap<string, Expr> };

const ONE = generated('1', { kind: 'number', value: 1 });

const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);

/** The binary modes' operators lifted: C = A op B, inputs A, B and output C as in ONNX. */
const ARITHMETIC: ReadonlySet<string> = new Set(['Add', 'Sub', 'Mul', 'Div']);

/** Unary modes whose parameter is read from the descriptor in a way not documented. */
const PARAMETRISED = new Set(['Elu', 'LeakyRelu', 'Clip']);

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

function isNullish(e: Expr): boolean {
  const n = e.node ? unwrap(e.node) : undefined;
  return n !== undefined && (n.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(n) && n.text === 'undefined'));
}

/** The variant of a muDNN entry selected by a mode member: its operator and fixed attributes. */
function variantOf(ctx: LiftContext, symbol: string, member: string | undefined): { operator: string; fixed?: Record<string, unknown> } | undefined {
  const binds = ctx.catalog.entry('musa', symbol)?.spec.binds;
  if (!binds || !('operator' in binds) || !member) return undefined;
  const v = (binds.variants ?? []).find((x) => x.when === member);
  return v ? { operator: v.operator ?? binds.operator, ...(v.fixed ? { fixed: v.fixed as Record<string, unknown> } : {}) } : undefined;
}

/** The first input and output names of a canonical operator (catalog operators/). */
function ioNames(ctx: LiftContext, operator: string): { input: string; output: string } | undefined {
  const spec = ctx.catalog.operator(operator)?.spec;
  const input = spec?.inputs[0]?.name;
  const output = spec?.outputs[0]?.name;
  return input && output ? { input, output } : undefined;
}

/**
 * ONNX's `axis` of a norm whose descriptor's set-call (`set`) lists the normalised axes (role
 * `dims`, count `ndims`): they must be the constant axes k .. rank - 1 (negatives counted from the
 * end), and k is the axis. Otherwise the reason.
 */
function normalisedFrom(set: ResolvedCall | undefined, rank: number, context: StaticContext): number | string {
  const node = set ? context.argumentFor(set, 'dims') : undefined;
  const literal = node ? unwrap(node) : undefined;
  if (!literal || !ts.isArrayLiteralExpression(literal)) return `the normalised axes \`${node?.getText() ?? '?'}\` are not an array literal`;
  const axes = literal.elements.map((e) => {
    const v = context.constant(e);
    return v?.kind === 'number' ? (v.value < 0 ? v.value + rank : v.value) : undefined;
  });
  const countNode = set ? context.argumentFor(set, 'ndims') : undefined;
  const count = countNode ? context.constant(countNode) : undefined;
  if (count?.kind !== 'number' || count.value !== axes.length) return `the axis count \`${countNode?.getText() ?? '?'}\` is not the ${axes.length} axes listed`;
  const first = axes[0];
  if (first === undefined || axes.some((v, i) => v !== first + i) || first + axes.length !== rank) {
    return `the normalised axes \`${literal.getText()}\` are not constant trailing axes of the ${rank}-D input (ONNX normalises the axes from one on to the last)`;
  }
  return first;
}

function structure(operation: MudnnOperation, call: SourceCall, ctx: LiftContext): Described<Structure> {
  const context: StaticContext = ctx.context;
  const params = call.entry.spec.params;
  const a = (name: string): Expr => call.args[params.findIndex((p) => p.name === name)];
  const view = (desc: string, ptr: string) => mudnnTensorView(a(desc), a(ptr), call.node, context);
  const set = operation.descriptor?.set;
  const setArg = (role: string): Expr | undefined => {
    const node = set ? context.argumentFor(set, role) : undefined;
    return node ? carried(node, context) : undefined;
  };
  const member = (e: Expr | undefined) => (e?.value?.kind === 'enum' ? e.value.member : undefined);
  const symbol = call.entry.spec.symbol;
  const fail = (reason: string): Described<Structure> => ({ ok: false, reason });
  const attrs = (entries: [string, Expr][]) => new Map<string, AttributeExpr>(entries.map(([k, expr]) => [k, { expr }]));
  const unary = (operator: string, x: TensorExpr, y: TensorExpr, attributes = new Map<string, AttributeExpr>()): Described<Structure> => {
    const io = ioNames(ctx, operator);
    if (!io) return fail(`the catalog has no operator ${operator}`);
    return { ok: true, value: { operator, inputs: new Map([[io.input, x]]), outputs: new Map([[io.output, y]]), attributes } };
  };
  switch (symbol) {
    case 'mudnnBinary': {
      const mode = setArg('mode');
      const variant = variantOf(ctx, symbol, member(mode));
      if (!variant || !ARITHMETIC.has(variant.operator)) return fail(`the binary mode \`${mode?.text ?? '?'}\` is not the constant MUDNN_BINARY_ADD, SUB, MUL or DIV (other modes are not lifted yet)`);
      const [c, x, b] = [view('cDesc', 'C'), view('aDesc', 'A'), view('bDesc', 'B')];
      for (const t of [c, x, b]) if (!t.ok) return t;
      if (!c.ok || !x.ok || !b.ok) return fail('unreachable');
      return { ok: true, value: { operator: variant.operator, inputs: new Map([['A', x.value], ['B', b.value]]), outputs: new Map([['C', c.value]]), attributes: new Map() } };
    }
    case 'mudnnSoftmaxForwardEx': {
      const mode = setArg('mode');
      const variant = variantOf(ctx, symbol, member(mode));
      if (!variant) return fail(`the softmax mode \`${mode?.text ?? '?'}\` is not a constant mode with a canonical operator`);
      const algorithm = setArg('algorithm');
      if (algorithm?.value?.kind !== 'enum' || algorithm.value.meaning !== 'softmax.accurate') return fail(`the softmax algorithm \`${algorithm?.text ?? '?'}\` is not MUDNN_SOFTMAX_ACCURATE`);
      const axis = setArg('attr:axis');
      if (axis?.value?.kind !== 'number') return fail(`the softmax dim \`${axis?.text ?? '?'}\` is not a constant`);
      const [x, y] = [view('xDesc', 'x'), view('yDesc', 'y')];
      if (!x.ok) return x;
      if (!y.ok) return y;
      return unary(variant.operator, x.value, y.value, attrs([['axis', generated(String(axis.value.value), axis.value)]]));
    }
    case 'mudnnUnary': {
      const mode = setArg('mode');
      const variant = variantOf(ctx, symbol, member(mode));
      if (!variant) return fail(`the unary mode \`${mode?.text ?? '?'}\` is not a constant mode with a canonical operator`);
      if (PARAMETRISED.has(variant.operator)) return fail(`${mode!.text} takes its parameter from the descriptor, and how muDNN reads it is not documented`);
      const [x, y] = [view('xDesc', 'x'), view('yDesc', 'y')];
      if (!x.ok) return x;
      if (!y.ok) return y;
      const fixed = Object.entries(variant.fixed ?? {}).map(([k, v]): [string, Expr] => [k, typeof v === 'string' ? generated(`'${v}'`, { kind: 'string', value: v }) : generated(String(v))]);
      // CAST converts to the output descriptor's data type.
      const to = y.value.dtype?.dtype;
      if (variant.operator === 'Cast') fixed.push(['to', generated(`'${to}'`, { kind: 'string', value: to ?? '' })]);
      return unary(variant.operator, x.value, y.value, attrs(fixed));
    }
    case 'mudnnBatchNormForwardInference': {
      const mode = setArg('mode');
      if (mode?.value?.kind !== 'enum' || mode.value.meaning !== 'batchnorm.spatial') return fail(`the batch-norm mode \`${mode?.text ?? '?'}\` is not MUDNN_BATCHNORM_SPATIAL`);
      const training = set?.args[set.entry.spec.params.findIndex((q) => q.name === 'training')];
      const trainingValue = training ? context.constant(training) : undefined;
      const isFalse = (trainingValue?.kind === 'boolean' && !trainingValue.value) || (trainingValue?.kind === 'number' && trainingValue.value === 0);
      if (!isFalse) return fail(`training is \`${training?.getText() ?? '?'}\`, not the constant false`);
      const epsilon = setArg('attr:epsilon');
      if (!epsilon?.pure) return fail(`epsilon \`${epsilon?.text ?? '?'}\` has side effects or is missing`);
      const [x, y] = [view('xDesc', 'x'), view('yDesc', 'y')];
      if (!x.ok) return x;
      if (!y.ok) return y;
      const parameters: [string, TensorExpr][] = [];
      for (const [name, desc, ptr] of [['scale', 'scaleDesc', 'bnScale'], ['B', 'biasDesc', 'bnBias'], ['input_mean', 'meanDesc', 'estimatedMean'], ['input_var', 'varDesc', 'estimatedVariance']] as const) {
        const v = view(desc, ptr);
        if (!v.ok) return v;
        const dims = v.value.dims!;
        // The 1 × C × 1 × 1 parameter descriptor is ONNX's [C].
        if (dims.length !== 4 || ![0, 2, 3].every((i) => dims[i].value?.kind === 'number' && dims[i].value.value === 1)) return fail(`the ${name} descriptor \`${a(desc).text}\` is not 1 × C × 1 × 1`);
        parameters.push([name, { ...v.value, dims: [dims[1]], strides: [ONE], layout: 'row-major' }]);
      }
      return { ok: true, value: { operator: 'BatchNormalization', inputs: new Map([['X', x.value], ...parameters]), outputs: new Map([['Y', y.value]]), attributes: attrs([['epsilon', epsilon]]) } };
    }
    case 'mudnnLayerNormForward': {
      const mode = setArg('mode');
      // Both modes compute the population variance; they differ in how it is accumulated.
      if (mode?.value?.kind !== 'enum' || !['variance.direct', 'variance.welford'].includes(mode.value.meaning ?? '')) return fail(`the layer-norm mode \`${mode?.text ?? '?'}\` is not a constant MUDNN_LAYER_NORM_MODE_* member`);
      const epsilon = setArg('attr:epsilon');
      if (!epsilon?.pure) return fail(`epsilon \`${epsilon?.text ?? '?'}\` has side effects or is missing`);
      const [x, y, scale, bias] = [view('xDesc', 'x'), view('yDesc', 'y'), view('gammaDesc', 'gamma'), view('betaDesc', 'beta')];
      for (const t of [x, y, scale, bias]) if (!t.ok) return t;
      if (!x.ok || !y.ok || !scale.ok || !bias.ok) return fail('unreachable');
      const axis = normalisedFrom(set, x.value.dims!.length, context);
      if (typeof axis === 'string') return fail(axis);
      return {
        ok: true,
        value: {
          operator: 'LayerNormalization',
          inputs: new Map([['X', x.value], ['Scale', scale.value], ['B', bias.value]]),
          outputs: new Map([['Y', y.value]]),
          attributes: attrs([['axis', generated(String(axis), { kind: 'number', value: axis })], ['epsilon', epsilon]]),
        },
      };
    }
    case 'mudnnRMSNormForward': {
      const mode = setArg('mode');
      if (mode?.value?.kind !== 'enum' || mode.value.meaning !== 'variance.direct') return fail(`the RMS-norm mode \`${mode?.text ?? '?'}\` is not MUDNN_RMS_NORM_MODE_DIRECT`);
      const epsilon = setArg('attr:epsilon');
      if (!epsilon?.pure) return fail(`epsilon \`${epsilon?.text ?? '?'}\` has side effects or is missing`);
      const [x, y, scale] = [view('xDesc', 'x'), view('yDesc', 'y'), view('gammaDesc', 'gamma')];
      for (const t of [x, y, scale]) if (!t.ok) return t;
      if (!x.ok || !y.ok || !scale.ok) return fail('unreachable');
      const axis = normalisedFrom(set, x.value.dims!.length, context);
      if (typeof axis === 'string') return fail(axis);
      return {
        ok: true,
        value: {
          operator: 'RMSNormalization',
          inputs: new Map([['X', x.value], ['scale', scale.value]]),
          outputs: new Map([['Y', y.value]]),
          attributes: attrs([['axis', generated(String(axis), { kind: 'number', value: axis })], ['epsilon', epsilon]]),
        },
      };
    }
    case 'mudnnScaledDotProductAttentionFlashForward': {
      if (!isNullish(a('mask'))) return fail(`the attention mask \`${a('mask').text}\` is not null (masked attention is not lifted yet)`);
      if (!isNullish(a('dropoutMask'))) return fail(`the dropout mask \`${a('dropoutMask').text}\` is not null`);
      const flag = (name: string): boolean | undefined => {
        const node = set?.args[set.entry.spec.params.findIndex((q) => q.name === name)];
        const v = node ? context.constant(node) : undefined;
        return v?.kind === 'boolean' ? v.value : v?.kind === 'number' ? v.value !== 0 : undefined;
      };
      for (const name of ['usePadMask', 'keyFormatBHDS', 'training']) {
        if (flag(name) !== false) return fail(`${name} of the attention descriptor is not the constant false`);
      }
      const causal = flag('causal');
      if (causal === undefined) return fail('the causal flag of the attention descriptor is not a constant');
      const scale = setArg('attr:scale');
      if (!scale?.pure) return fail(`the attention scale \`${scale?.text ?? '?'}\` has side effects or is missing`);
      // 0 stands for 1/√E in torch_musa (an assumption, catalog note): not lifted as a scale of 0.
      if (numberOf(scale) === 0) return fail('the attention scale is 0, whose meaning (1/√E) is not confirmed');
      const [q, k, v, y] = [view('qDesc', 'q'), view('kDesc', 'k'), view('vDesc', 'v'), view('outDesc', 'out')];
      for (const t of [q, k, v, y]) if (!t.ok) return t;
      if (!q.ok || !k.ok || !v.ok || !y.ok) return fail('unreachable');
      return {
        ok: true,
        value: {
          operator: 'Attention',
          inputs: new Map([['Q', q.value], ['K', k.value], ['V', v.value]]),
          outputs: new Map([['Y', y.value]]),
          attributes: attrs([['scale', scale], ['is_causal', generated(causal ? '1' : '0', { kind: 'number', value: causal ? 1 : 0 })]]),
        },
      };
    }
    case 'mudnnPoolingForwardEx': {
      if (!isNullish(a('indices')) || !isNullish(a('indicesDesc'))) return fail('the run asks for the argmax indices, which MaxPool (and cuDNN) do not return');
      const pooling = a('poolingDesc');
      const found = pooling.node ? context.lastSetCall(pooling.node, call.node, { symbols: ['mudnnSetPoolingNdDescriptorEx'], role: 'descriptor' }) : undefined;
      if (!found) return fail(`no mudnnSetPoolingNdDescriptorEx call for \`${pooling.text}\` precedes it`);
      const p = (role: string) => carried(context.argumentFor(found, role)!, context);
      const mode = p('mode');
      if (mode.value?.kind !== 'enum' || mode.value.meaning !== 'pool.max') return fail(`the pooling mode \`${mode.text}\` is not MUDNN_POOLING_MAX (average pooling is not lifted yet)`);
      const lists = ['attr:kernel_shape', 'attr:pads', 'attr:strides', 'attr:dilations'].map((role) => {
        const n = context.argumentFor(found, role);
        const u = n ? unwrap(n) : undefined;
        return u && ts.isArrayLiteralExpression(u) && u.elements.length === 2 ? u.elements.map((e) => carried(e, context)) : undefined;
      });
      if (lists.some((l) => !l) || lists.flat().some((e) => !e!.pure)) return fail('the window, pads, strides and dilations of the pooling descriptor are not 2-element array literals without side effects');
      const [kernel, pads, strides, dilations] = lists as Expr[][];
      if (!dilations.every((d) => d.value?.kind === 'number' && d.value.value === 1)) return fail(`the pooling dilations [${dilations.map((d) => d.text).join(', ')}] are not 1`);
      const [x, y] = [view('xDesc', 'x'), view('yDesc', 'y')];
      if (!x.ok) return x;
      if (!y.ok) return y;
      const ints = (items: Expr[]) => generated(`[${items.map((e) => e.text).join(', ')}]`);
      return {
        ok: true,
        value: {
          operator: 'MaxPool',
          inputs: new Map([['X', x.value]]),
          outputs: new Map([['Y', y.value]]),
          attributes: attrs([['kernel_shape', ints(kernel)], ['pads', ints([...pads, ...pads])], ['strides', ints(strides)]]),
          args: new Map([['poolingDesc', pooling]]),
        },
      };
    }
    default:
      return fail(`\`${symbol}\` has no lifter to a canonical operator yet`);
  }
}

export const mudnnRunLifter: Lifter = {
  name: 'muDNN own-shape runs',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    if (!LIFT_TARGETS.has(ctx.target)) return undefined;
    const resolved = ctx.context.resolve(call.node);
    if (!resolved || !isMudnnRun(resolved)) return undefined;
    const symbol = call.entry.spec.symbol;
    const fail = (reason: string): LiftResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    const reading = operationOf(resolved, ctx.context);
    if (!reading.ok) return fail(reading.reason);
    const decision = decisionFor(call.node);
    if (decision && !decision.accepted && decision.reason) return fail(decision.reason);
    const lifted = structure(reading.operation, call, ctx);
    if (!lifted.ok) return fail(lifted.reason);
    const handle = call.args[call.entry.spec.params.findIndex((p) => p.role === 'handle')];
    const args = new Map<string, Expr>([['handle', handle], ...(lifted.value.args ?? new Map())]);
    // The stream the handle runs on: its last mudnnSetStream (the default stream when none).
    const setStream = handle.node ? ctx.context.lastSetCall(handle.node, call.node, { symbols: ['mudnnSetStream'], role: 'handle' }) : undefined;
    const streamNode = setStream ? ctx.context.argumentFor(setStream, 'stream') : undefined;
    const stream = streamNode ? carried(streamNode, ctx.context) : undefined;
    const { operator, inputs, outputs, attributes } = lifted.value;
    return {
      ok: true,
      invocation: {
        kind: 'operator',
        operator,
        inputs,
        outputs,
        attributes,
        args,
        ...(stream?.pure ? { stream } : {}),
        numerics: {},
        enums: new Map(),
        origin: { backend: call.backend, entry: call.entry, symbol },
      },
    };
  },
};

/** The runs this lifter takes (one registration each). */
export const MUDNN_LIFTED_RUNS = ['mudnnBinary', 'mudnnSoftmaxForwardEx', 'mudnnUnary', 'mudnnBatchNormForwardInference', 'mudnnPoolingForwardEx', 'mudnnLayerNormForward', 'mudnnRMSNormForward', 'mudnnScaledDotProductAttentionFlashForward'] as const;
