/**
 * Lifts aclnn operations (read by aclnn-group.ts) to canonical operators over the tensor views
 * their aclCreateTensor calls describe (dims, element strides, element offset, dtype, format,
 * device pointer), the inverse of the CANN lowerers:
 *
 * - aclnnMm / aclnnBatchMatMul / aclnnMatmul (2-D, 3-D) → `Gemm` (A, B → Y; alpha 1, beta 0);
 *   aclnnAddmm / aclnnBaddbmm → `Gemm` with C := self, alpha and beta from their scalars;
 *   cubeMathType → the compute type (USE_HF32 and ALLOW_FP32_DOWN_PRECISION: TF32-class);
 *   aclnnMatmul of two vectors into a 0-d tensor → `MatMul` (a dot product into device memory);
 * - aclnnInplaceAdd(selfRef, other, alpha) → `Add` with A := C := selfRef, B := other and the
 *   call-level `alpha` / `beta` = 1 (C = alpha·B + beta·C, cudnnAddTensor's convention);
 *   aclnnAdd(self, other, alpha, out) → `Add` A := self, B := other, C := out;
 * - aclnnSoftmax / aclnnLogSoftmax (dim) → Softmax / LogSoftmax (axis); aclnnRelu / Sigmoid /
 *   Tanh / Silu / Gelu → the activation (aclnnGelu is the tanh approximation: `approximate`);
 * - aclnnBatchNorm (training = false) → BatchNormalization; aclnnMaxPool → MaxPool (dilations 1,
 *   floor mode); aclnnLayerNorm → LayerNormalization (axis from normalizedShape).
 *
 * The run's stream is the invocation's stream; a stream asked of an aclblas handle for this call
 * leaves the handle in `args` instead. For matrix products the aclblas handle bound to the same
 * stream earlier (`aclblasSetStream(h, stream)`) is passed on as `args.handle`, so a lowering to
 * cuBLAS can use it. What is not read statically is declined with OB1019 and a reason.
 */
import { isPure } from '../../context/expression-purity.js';
import type { StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { AttributeExpr, Numerics, OpInvocation, TensorExpr } from '../../ir/invocation.js';
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { dtypeOfMeaning } from '../../lift/role-lifter.js';
import { ts } from '../../syntax/typescript.js';
import type { AclnnGroup, AclnnOperand } from './aclnn-group.js';
import { decisionFor, groupOf, isAclnnRun } from './aclnn-groups.js';
import { causalMaskOf } from './causal-mask.js';
import { variableName } from '../../context/static-context.js';

type Lifted<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const LAYOUTS: Readonly<Record<string, string>> = { 'layout.nchw': 'NCHW', 'layout.nhwc': 'NHWC', 'layout.nd': 'row-major' };

function exprOf(node: ts.Expression, context: StaticContext): Expr {
  const value = context.constant(node);
  return { text: node.getText(context.sourceFile), node, pure: isPure(node), ...(value ? { value } : {}) };
}

function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

function elements(node: ts.Expression): readonly ts.Expression[] | undefined {
  let e = node;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return ts.isArrayLiteralExpression(e) && e.elements.every((x) => !ts.isSpreadElement(x)) ? e.elements : undefined;
}

/** The view an aclCreateTensor call describes. */
function tensorView(operand: AclnnOperand | undefined, context: StaticContext): Lifted<TensorExpr> {
  if (!operand || operand.kind !== 'tensor') return { ok: false, reason: `an operand is not a tensor made by aclCreateTensor${operand?.kind === 'value' ? ` (\`${operand.node.getText()}\`)` : ''}` };
  const [viewDims, , dataType, stride, offset, format, , , data] = operand.args;
  const name = operand.object.name;
  const dims = viewDims ? elements(viewDims) : undefined;
  const strides = stride ? elements(stride) : undefined;
  if (!dims || !strides || dims.length !== strides.length) return { ok: false, reason: `the shape and strides of \`${name}\` are not array literals of one length` };
  const parts = [...dims, ...strides, offset, data];
  const impure = parts.find((p) => !isPure(p));
  if (impure) return { ok: false, reason: `\`${impure.getText()}\` (tensor \`${name}\`) has side effects and cannot move to the call` };
  const dtype = context.constant(dataType);
  const meaning = dtype?.kind === 'enum' ? dtype.meaning : undefined;
  if (!meaning?.startsWith('dtype.')) return { ok: false, reason: `the data type \`${dataType.getText()}\` of \`${name}\` is not a constant` };
  const formatValue = context.constant(format);
  const layout = formatValue?.kind === 'enum' && formatValue.meaning ? LAYOUTS[formatValue.meaning] : undefined;
  if (!layout) return { ok: false, reason: `the format \`${format.getText()}\` of \`${name}\` is not ND, NCHW or NHWC` };
  const offsetExpr = exprOf(offset, context);
  const dt = dtypeOfMeaning(meaning);
  return {
    ok: true,
    value: {
      ptr: exprOf(data, context),
      ...(numberOf(offsetExpr) === 0 ? {} : { offset: offsetExpr }),
      dtype: { meaning, ...(dt ? { dtype: dt } : {}) },
      dims: dims.map((d) => exprOf(d, context)),
      strides: strides.map((s) => exprOf(s, context)),
      layout,
    },
  };
}

function scalarValue(operand: AclnnOperand | undefined, context: StaticContext): Lifted<Expr> {
  if (operand?.kind === 'scalar') {
    if (!isPure(operand.value)) return { ok: false, reason: `the scalar \`${operand.object.name}\` is made from an expression with side effects` };
    return { ok: true, value: exprOf(operand.value, context) };
  }
  return { ok: false, reason: 'a scalar operand is not made by aclCreateScalar' };
}

/** Pure, or arithmetic whose calls are `Math` functions of pure values (`1 / Math.sqrt(D)`, a scale). */
function isPureArithmetic(node: ts.Expression): boolean {
  if (isPure(node)) return true;
  if (ts.isParenthesizedExpression(node)) return isPureArithmetic(node.expression);
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && isPureArithmetic(node.operand);
  if (ts.isBinaryExpression(node)) return [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.AsteriskAsteriskToken].includes(node.operatorToken.kind) && isPureArithmetic(node.left) && isPureArithmetic(node.right);
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'Math' &&
    node.expression.name.text !== 'random' &&
    node.arguments.every((a) => !ts.isSpreadElement(a) && isPureArithmetic(a))
  );
}

function plainValue(operand: AclnnOperand | undefined, context: StaticContext): Lifted<Expr> {
  if (operand?.kind !== 'value') return { ok: false, reason: 'an attribute operand is not a plain value' };
  if (!isPureArithmetic(operand.node)) return { ok: false, reason: `\`${operand.node.getText()}\` has side effects` };
  return { ok: true, value: { ...exprOf(operand.node, context), pure: true } };
}

function intList(operand: AclnnOperand | undefined, context: StaticContext): Lifted<Expr[]> {
  if (operand?.kind !== 'ints') return { ok: false, reason: 'an int-array operand is not made by aclCreateIntArray' };
  return { ok: true, value: operand.values.map((v) => exprOf(v, context)) };
}

function isNull(operand: AclnnOperand | undefined): boolean {
  return operand?.kind === 'value' && operand.node.kind === ts.SyntaxKind.NullKeyword;
}

/** cubeMathType → the compute type meaning (inferred from the catalog's notes on both sides). */
function numericsOf(operand: AclnnOperand | undefined, context: StaticContext): Lifted<Numerics> {
  if (operand?.kind !== 'value') return { ok: false, reason: 'cubeMathType is not a plain value' };
  const v = context.constant(operand.node);
  const meaning = v?.kind === 'enum' ? v.meaning : v?.kind === 'number' ? ['math.keep-dtype', 'math.allow-down-precision', 'math.fp16', 'math.hf32', 'math.fp32-add'][v.value] : undefined;
  switch (meaning) {
    case 'math.keep-dtype':
    case 'math.fp32-add':
      return { ok: true, value: {} };
    case 'math.hf32':
    case 'math.allow-down-precision':
      return { ok: true, value: { computeType: { meaning: 'compute.32f-fast-tf32', from: 'argument' } } };
    case 'math.fp16':
      return { ok: true, value: { computeType: { meaning: 'compute.32f-fast-16f', from: 'argument' } } };
    default:
      return { ok: false, reason: `cubeMathType \`${operand.node.getText()}\` is not a constant` };
  }
}

type Structure = Pick<OpInvocation, 'operator' | 'inputs' | 'outputs' | 'attributes' | 'args'> & { readonly numerics?: Numerics };

const UNARY: Readonly<Record<string, { operator: string; input: string; output: string }>> = {
  aclnnRelu: { operator: 'Relu', input: 'X', output: 'Y' },
  aclnnSigmoid: { operator: 'Sigmoid', input: 'X', output: 'Y' },
  aclnnTanh: { operator: 'Tanh', input: 'input', output: 'output' },
  aclnnSilu: { operator: 'Silu', input: 'X', output: 'Y' },
  aclnnGelu: { operator: 'Gelu', input: 'X', output: 'Y' },
};

const ONE = generated('1', { kind: 'number', value: 1 });
const ZERO = generated('0', { kind: 'number', value: 0 });

function all<T extends readonly Lifted<unknown>[]>(...items: T): Lifted<{ [K in keyof T]: T[K] extends Lifted<infer V> ? V : never }> {
  const failed = items.find((i) => !i.ok);
  if (failed && !failed.ok) return failed;
  return { ok: true, value: items.map((i) => (i as { value: unknown }).value) as never };
}

function structure(group: AclnnGroup, context: StaticContext): Lifted<Structure> | undefined {
  const o = group.operands;
  const t = (i: number) => tensorView(o[i], context);
  const attrs = (entries: [string, Expr][]) => new Map<string, AttributeExpr>(entries.map(([k, expr]) => [k, { expr }]));
  const gemm = (a: TensorExpr, b: TensorExpr, y: TensorExpr, numerics: Numerics, c?: TensorExpr, alpha: Expr = ONE, beta: Expr = ZERO): Structure => ({
    operator: 'Gemm',
    inputs: new Map([['A', a], ['B', b], ...(c ? [['C', c] as [string, TensorExpr]] : [])]),
    outputs: new Map([['Y', y]]),
    attributes: attrs([['alpha', alpha], ['beta', beta]]),
    args: new Map(),
    numerics,
  });
  switch (group.op) {
    case 'aclnnMm':
    case 'aclnnBatchMatMul':
    case 'aclnnMatmul': {
      const r = all(t(0), t(1), t(2), numericsOf(o[3], context));
      if (!r.ok) return r;
      const [a, b, y, numerics] = r.value;
      const ranks = [a, b, y].map((v) => v.dims!.length);
      if (group.op === 'aclnnMatmul' && ranks[0] === 1 && ranks[1] === 1 && ranks[2] === 0) {
        return { ok: true, value: { operator: 'MatMul', inputs: new Map([['A', a], ['B', b]]), outputs: new Map([['Y', y]]), attributes: new Map(), args: new Map(), numerics } };
      }
      if (!(ranks.every((r) => r === 2) || ranks.every((r) => r === 3))) return { ok: false, reason: `the operands are ${ranks.join('-D, ')}-D; only 2-D products and 3-D batches are lifted` };
      return { ok: true, value: gemm(a, b, y, numerics) };
    }
    case 'aclnnAddmm':
    case 'aclnnBaddbmm': {
      const r = all(t(0), t(1), t(2), scalarValue(o[3], context), scalarValue(o[4], context), t(5), numericsOf(o[6], context));
      if (!r.ok) return r;
      const [c, a, b, beta, alpha, y, numerics] = r.value;
      return { ok: true, value: gemm(a, b, y, numerics, c, alpha, beta) };
    }
    case 'aclnnInplaceAdd': {
      const r = all(t(0), t(1), scalarValue(o[2], context));
      if (!r.ok) return r;
      const [self, other, alpha] = r.value;
      return { ok: true, value: { operator: 'Add', inputs: new Map([['A', self], ['B', other]]), outputs: new Map([['C', self]]), attributes: new Map(), args: new Map([['alpha', alpha], ['beta', ONE]]) } };
    }
    case 'aclnnAdd': {
      const r = all(t(0), t(1), scalarValue(o[2], context), t(3));
      if (!r.ok) return r;
      const [self, other, alpha, out] = r.value;
      return { ok: true, value: { operator: 'Add', inputs: new Map([['A', self], ['B', other]]), outputs: new Map([['C', out]]), attributes: new Map(), args: new Map([['alpha', alpha]]) } };
    }
    case 'aclnnMul': {
      const r = all(t(0), t(1), t(2));
      if (!r.ok) return r;
      const [self, other, out] = r.value;
      return { ok: true, value: { operator: 'Mul', inputs: new Map([['A', self], ['B', other]]), outputs: new Map([['C', out]]), attributes: new Map(), args: new Map() } };
    }
    case 'aclnnRmsNorm': {
      const r = all(t(0), t(1), plainValue(o[2], context), t(3));
      if (!r.ok) return r;
      const [x, gamma, epsilon, y] = r.value;
      // rstd (1 / sqrt(mean(x²) + epsilon)) is an output aclnnRmsNorm always writes.
      const rstd = isNull(o[4]) ? undefined : tensorView(o[4], context);
      if (rstd && !rstd.ok) return rstd;
      const axis = x.dims!.length - gamma.dims!.length;
      return {
        ok: true,
        value: {
          operator: 'RMSNormalization',
          inputs: new Map([['X', x], ['scale', gamma]]),
          outputs: new Map([['Y', y], ...(rstd ? [['InvStdDev', rstd.value] as [string, TensorExpr]] : [])]),
          attributes: attrs([['axis', generated(String(axis), { kind: 'number', value: axis })], ['epsilon', epsilon]]),
          args: new Map(),
        },
      };
    }
    case 'aclnnCast': {
      const r = all(t(0), plainValue(o[1], context), t(2));
      if (!r.ok) return r;
      const [input, dtype, output] = r.value;
      const meaning = dtype.value?.kind === 'enum' ? dtype.value.meaning : undefined;
      if (meaning !== output.dtype?.meaning) return { ok: false, reason: `the cast's dtype \`${dtype.text}\` is not the output tensor's` };
      const to = output.dtype?.dtype;
      return { ok: true, value: { operator: 'Cast', inputs: new Map([['input', input]]), outputs: new Map([['output', output]]), attributes: attrs([['to', generated(`'${to ?? meaning}'`, { kind: 'string', value: to ?? meaning ?? '' })]]), args: new Map() } };
    }
    case 'aclnnConvolution': {
      const r = all(t(0), t(1), intList(o[3], context), intList(o[4], context), intList(o[5], context), plainValue(o[6], context), intList(o[7], context), plainValue(o[8], context), t(9));
      if (!r.ok) return r;
      const [x, w, strides, padding, dilations, transposed, outputPadding, groups, y] = r.value;
      if (!isNull(o[2])) return { ok: false, reason: 'the convolution has a bias tensor (only bias-free convolutions are lifted)' };
      if (transposed.value?.kind !== 'boolean' || transposed.value.value) return { ok: false, reason: `transposed is \`${transposed.text}\`, not the constant false` };
      if (!outputPadding.every((p) => numberOf(p) === 0)) return { ok: false, reason: 'outputPadding is not all 0' };
      const math = o[10]?.kind === 'value' ? context.constant(o[10].node) : undefined;
      const cube = math?.kind === 'enum' ? math.meaning : undefined;
      // cubeMathType for FLOAT data: HF32 / ALLOW_FP32_DOWN_PRECISION round to a TF32-class format
      // (cuDNN's DEFAULT math), KEEP_DTYPE computes FP32 (FMA math); FP16 has no cuDNN math type here.
      const mathMeaning = cube === 'math.hf32' || cube === 'math.allow-down-precision' ? 'math.default' : cube === 'math.keep-dtype' ? 'math.fma' : undefined;
      if (!mathMeaning) return { ok: false, reason: `cubeMathType \`${o[10]?.kind === 'value' ? o[10].node.getText() : '?'}\` has no cuDNN math type this port writes` };
      const list = (items: Expr[]) => generated(`[${items.map((e) => e.text).join(', ')}]`);
      const [kH, kW] = [w.dims![2], w.dims![3]];
      return {
        ok: true,
        value: {
          operator: 'Conv',
          inputs: new Map([['X', x], ['W', w]]),
          outputs: new Map([['Y', y]]),
          attributes: attrs([['kernel_shape', list([kH, kW])], ['pads', list([...padding, ...padding])], ['strides', list(strides)], ['dilations', list(dilations)], ['group', groups]]),
          args: new Map(),
          numerics: { mathMode: { meaning: mathMeaning, from: 'argument' }, computeType: { meaning: 'dtype.float32', from: 'argument' } },
        },
      };
    }
    case 'aclnnFusedInferAttentionScoreV2':
      return fusedInferAttention(group, context);
    case 'aclnnSoftmax':
    case 'aclnnLogSoftmax': {
      const r = all(t(0), plainValue(o[1], context), t(2));
      if (!r.ok) return r;
      const [x, axis, y] = r.value;
      return { ok: true, value: { operator: group.op === 'aclnnSoftmax' ? 'Softmax' : 'LogSoftmax', inputs: new Map([['input', x]]), outputs: new Map([['output', y]]), attributes: attrs([['axis', axis]]), args: new Map() } };
    }
    case 'aclnnBatchNorm': {
      const r = all(t(0), t(1), t(2), t(3), t(4), plainValue(o[5], context), plainValue(o[7], context), t(8));
      if (!r.ok) return r;
      const [x, scale, bias, mean, variance, training, epsilon, y] = r.value;
      if (training.value?.kind !== 'boolean' || training.value.value) return { ok: false, reason: `training is \`${training.text}\`, not the constant false (only inference batch norm is lifted)` };
      if (!isNull(o[9]) || !isNull(o[10])) return { ok: false, reason: 'saveMean / saveInvstd are not null (only inference batch norm is lifted)' };
      return {
        ok: true,
        value: {
          operator: 'BatchNormalization',
          inputs: new Map([['X', x], ['scale', scale], ['B', bias], ['input_mean', mean], ['input_var', variance]]),
          outputs: new Map([['Y', y]]),
          attributes: attrs([['epsilon', epsilon]]),
          args: new Map(),
        },
      };
    }
    case 'aclnnMaxPool': {
      const r = all(t(0), intList(o[1], context), intList(o[2], context), plainValue(o[3], context), intList(o[4], context), intList(o[5], context), plainValue(o[6], context), t(7));
      if (!r.ok) return r;
      const [x, kernel, strides, autoPad, pads, dilations, ceilMode, y] = r.value;
      if (numberOf(autoPad) !== 0) return { ok: false, reason: `autoPad is \`${autoPad.text}\`, not 0 (explicit pads)` };
      if (numberOf(ceilMode) !== 0 && ceilMode.value?.kind !== 'boolean') return { ok: false, reason: `ceilMode is \`${ceilMode.text}\`, not the constant 0` };
      if (ceilMode.value?.kind === 'boolean' && ceilMode.value.value) return { ok: false, reason: 'ceilMode is true' };
      if (!dilations.every((d) => numberOf(d) === 1)) return { ok: false, reason: `the dilations are [${dilations.map((d) => d.text).join(', ')}], not 1` };
      const list = (items: Expr[]) => generated(`[${items.map((e) => e.text).join(', ')}]`);
      return { ok: true, value: { operator: 'MaxPool', inputs: new Map([['X', x]]), outputs: new Map([['Y', y]]), attributes: attrs([['kernel_shape', list(kernel)], ['pads', list(pads)], ['strides', list(strides)]]), args: new Map() } };
    }
    case 'aclnnLayerNorm': {
      const r = all(t(0), intList(o[1], context), t(2), plainValue(o[4], context), t(5));
      if (!r.ok) return r;
      const [x, normalized, scale, epsilon, y] = r.value;
      if (!isNull(o[6]) || !isNull(o[7])) return { ok: false, reason: 'the mean / rstd outputs are not null' };
      const bias = isNull(o[3]) ? undefined : tensorView(o[3], context);
      if (bias && !bias.ok) return bias;
      const axis = x.dims!.length - normalized.length;
      return {
        ok: true,
        value: {
          operator: 'LayerNormalization',
          inputs: new Map([['X', x], ['Scale', scale], ...(bias ? [['B', bias.value] as [string, TensorExpr]] : [])]),
          outputs: new Map([['Y', y]]),
          attributes: attrs([['axis', generated(String(axis), { kind: 'number', value: axis })], ['epsilon', epsilon]]),
          args: new Map(),
        },
      };
    }
    default: {
      const unary = UNARY[group.op];
      if (!unary) return undefined;
      const r = all(t(0), t(1));
      if (!r.ok) return r;
      const [x, y] = r.value;
      const fixed = group.run.entry.spec.binds;
      const approximate = 'fixed' in fixed && fixed.fixed && typeof fixed.fixed === 'object' ? (fixed.fixed as Record<string, unknown>).approximate : undefined;
      return {
        ok: true,
        value: {
          operator: unary.operator,
          inputs: new Map([[unary.input, x]]),
          outputs: new Map([[unary.output, y]]),
          attributes: typeof approximate === 'string' ? attrs([['approximate', generated(`'${approximate}'`, { kind: 'string', value: approximate })]]) : new Map(),
          args: new Map(),
        },
      };
    }
  }
}

const NO_LIMIT = 2147483647;

/**
 * aclnnFusedInferAttentionScoreV2 (the CANN lowering of dnn/frontend-attention.ts, read back) →
 * Attention over [b, h, s, d] views: query and the one-tensor key / value lists in the BSND or
 * BNSD layout `inputLayout` names, numHeads / numKeyValueHeads, scaleValue; the causal mask from
 * the attenMask's host data (causal-mask.ts) with preTokens / nextTokens that agree with it
 * (2147483647 / 0 or 2147483647), sparseMode 0; softmaxLse as softmax_lse when its flag is set.
 * Everything else (pse shift, sequence lengths, quantisation, paged KV, shared prefix) must be null.
 */
function fusedInferAttention(group: AclnnGroup, context: StaticContext): Lifted<Structure> {
  const o = group.operands;
  const layoutValue = plainValue(o[28], context);
  if (!layoutValue.ok) return layoutValue;
  const layout = layoutValue.value.value?.kind === 'string' ? layoutValue.value.value.value : undefined;
  if (layout !== 'BSND' && layout !== 'BNSD') return { ok: false, reason: `inputLayout is \`${layoutValue.value.text}\`, not the constant 'BSND' or 'BNSD'` };
  const only = (operand: AclnnOperand | undefined): AclnnOperand | undefined => (operand?.kind === 'list' && operand.elements.length === 1 ? operand.elements[0] : undefined);
  const r = all(tensorView(o[0], context), tensorView(only(o[1]), context), tensorView(only(o[2]), context), tensorView(o[37], context), plainValue(o[24], context), plainValue(o[25], context), plainValue(o[26], context), plainValue(o[27], context), plainValue(o[29], context), plainValue(o[34], context));
  if (!r.ok) return r;
  const [q, k, v, y, heads, scale, pre, next, kvHeads, lseFlag] = r.value;
  const unused = [3, ...Array.from({ length: 19 }, (_, i) => 5 + i)].find((i) => !isNull(o[i]));
  if (unused !== undefined) return { ok: false, reason: `argument ${unused + 1} of aclnnFusedInferAttentionScoreV2GetWorkspaceSize is not null (only plain attention with an optional causal mask is lifted)` };
  const zeros = [30, 32, 33, 35, 36].find((i) => o[i]?.kind !== 'value' || numberOf(exprOf((o[i] as { node: ts.Expression }).node, context)) !== 0);
  if (zeros !== undefined) return { ok: false, reason: `argument ${zeros + 1} (sparseMode, blockSize or an antiquant mode) is not 0` };
  const bhsd = (t: TensorExpr): TensorExpr => (layout === 'BNSD' ? t : { ...t, dims: [0, 2, 1, 3].map((i) => t.dims![i]), strides: [0, 2, 1, 3].map((i) => t.strides![i]) });
  if ([q, k, v, y].some((t) => t.dims!.length !== 4)) return { ok: false, reason: 'query, key, value or attentionOut is not 4-D' };
  const [ql, kl, vl, yl] = [q, k, v, y].map(bhsd);
  const [sq, skv] = [numberOf(ql.dims![2]), numberOf(kl.dims![2])];
  let causal: 'top-left' | 'bottom-right' | undefined;
  if (!isNull(o[4])) {
    const mask = o[4];
    if (mask?.kind !== 'tensor' || sq === undefined || skv === undefined) return { ok: false, reason: 'the attention mask or the sequence lengths are not known statically' };
    const buffer = variableName(mask.args[8]);
    const block = mask.object.declaration.parent;
    if (!buffer || !ts.isBlock(block)) return { ok: false, reason: 'the attention mask tensor does not view a device buffer variable' };
    const found = causalMaskOf(buffer, sq, skv, block.statements, mask.object.declaration, context);
    if (found !== 'top-left' && found !== 'bottom-right') return { ok: false, reason: found };
    causal = sq === skv ? 'top-left' : found;
  }
  const [preValue, nextValue] = [numberOf(pre), numberOf(next)];
  if (preValue !== NO_LIMIT) return { ok: false, reason: `preTokens is \`${pre.text}\`, not 2147483647 (a sliding window is not lifted)` };
  const nextAgrees = causal === undefined ? nextValue === NO_LIMIT : nextValue === NO_LIMIT || (nextValue === 0 && causal === 'top-left');
  if (!nextAgrees) return { ok: false, reason: `nextTokens \`${next.text}\` does not agree with the ${causal ? `${causal} causal` : 'absent'} mask` };
  const withLse = lseFlag.value?.kind === 'boolean' && lseFlag.value.value;
  const lse = withLse ? tensorView(o[38], context) : undefined;
  if (lse && !lse.ok) return lse;
  return {
    ok: true,
    value: {
      operator: 'Attention',
      inputs: new Map([['Q', ql], ['K', kl], ['V', vl]]),
      outputs: new Map([['Y', yl], ...(lse ? [['softmax_lse', lse.value] as [string, TensorExpr]] : [])]),
      attributes: new Map<string, AttributeExpr>([
        ['scale', { expr: scale }],
        ['is_causal', { expr: generated(causal ? '1' : '0', { kind: 'number', value: causal ? 1 : 0 }), ...(causal ? { meaning: `causal.${causal}` } : {}) }],
        ['q_num_heads', { expr: heads }],
        ['kv_num_heads', { expr: kvHeads }],
      ]),
      args: new Map(),
    },
  };
}

/** The aclblas handle bound to `stream` by an earlier `aclblasSetStream(h, stream)` in scope. */
function handleBoundTo(stream: ts.Expression, before: ts.Node, context: StaticContext): ts.Expression | undefined {
  const text = stream.getText(context.sourceFile);
  for (let scope: ts.Node = before; ; ) {
    const fn = context.enclosingScope(scope);
    const calls = context.allCalls().filter((c) => c.node.end <= before.getStart(context.sourceFile) && context.enclosingScope(c.node) === fn);
    for (const call of calls.reverse()) {
      const binds = call.entry.spec.binds;
      if (call.entry.library === 'aclblas' && 'primitive' in binds && binds.primitive === 'handle.set-stream' && context.argumentFor(call, 'stream')?.getText(context.sourceFile) === text) {
        return context.argumentFor(call, 'handle');
      }
    }
    if (ts.isSourceFile(fn)) return undefined;
    scope = fn;
  }
}

export function liftAclnn(group: AclnnGroup, call: SourceCall, context: StaticContext): Lifted<OpInvocation> | undefined {
  const lifted = structure(group, context);
  if (!lifted) return undefined;
  if (!lifted.ok) return lifted;
  const { numerics, ...rest } = lifted.value;
  const args = new Map(rest.args);
  let stream: Expr | undefined;
  if (group.stream.kind === 'handle') args.set('handle', exprOf(group.stream.handle, context));
  else {
    stream = call.args[3];
    if (rest.operator === 'Gemm' || rest.operator === 'MatMul' || rest.operator === 'Add') {
      const handle = handleBoundTo(group.stream.node, call.node, context);
      if (handle) args.set('handle', exprOf(handle, context));
    }
  }
  return {
    ok: true,
    value: { kind: 'operator', ...rest, args, numerics: numerics ?? {}, enums: new Map(), ...(stream ? { stream } : {}), origin: { backend: call.backend, entry: call.entry, symbol: call.entry.spec.symbol } },
  };
}

export const aclnnLifter: Lifter = {
  name: 'aclnn two-phase operations',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    const resolved = ctx.context.resolve(call.node);
    if (!resolved || !isAclnnRun(resolved)) return undefined;
    const symbol = call.entry.spec.symbol;
    const fail = (reason: string): LiftResult => ({ ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason }, symbol)] });
    const reading = groupOf(resolved, ctx.context);
    if (!reading.ok) return fail(reading.reason);
    const decision = decisionFor(call.node);
    // Held back by a shared object or a marker; otherwise the lift and lowering say why (they failed on trial).
    if (decision && !decision.accepted && decision.reason) return fail(decision.reason);
    const lifted = liftAclnn(reading.group, call, ctx.context);
    if (!lifted) return fail(`\`${symbol}\` has no lifter to a canonical operator yet`);
    if (!lifted.ok) return fail(lifted.reason);
    return { ok: true, invocation: lifted.value };
  },
};
