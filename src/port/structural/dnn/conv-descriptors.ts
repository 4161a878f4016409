/**
 * What cuDNN's filter and convolution descriptors say, read from their set-calls earlier in the
 * code (as cudnn-descriptors.ts does for tensor descriptors): the filter's K, C/group, kH, kW,
 * data type and format; the convolution's pads, strides, dilations, mode and compute type
 * (cudnnSetConvolution2dDescriptor), its group count (cudnnSetConvolutionGroupCount, default 1)
 * and math type (cudnnSetConvolutionMathType, default CUDNN_DEFAULT_MATH). Values must be
 * constants or expressions without side effects, since they are evaluated again where used.
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { generated, type Expr } from '../../ir/expr.js';
import type { TensorExpr } from '../../ir/invocation.js';
import { dtypeOfMeaning } from '../../lift/role-lifter.js';
import type { ts } from '../../syntax/typescript.js';
import { carried, contiguousStrides, product, setCallFor, type Described } from './cudnn-descriptors.js';

export interface FilterDescription {
  readonly dtypeMeaning: string;
  /** K, C/group, kH, kW. */
  readonly dims: readonly [Expr, Expr, Expr, Expr];
  readonly layout: 'NCHW' | 'NHWC';
}

export interface ConvolutionDescription {
  readonly pads: readonly [Expr, Expr];
  readonly strides: readonly [Expr, Expr];
  readonly dilations: readonly [Expr, Expr];
  /** `conv-mode.cross-correlation` or `conv-mode.convolution`. */
  readonly mode: string;
  readonly computeMeaning: string;
  readonly group: Expr;
  /** `math.default` unless cudnnSetConvolutionMathType set another. */
  readonly mathMeaning: string;
}

function param(set: ResolvedCall, name: string, context: StaticContext): Expr {
  const index = set.entry.spec.params.findIndex((p) => p.name === name);
  return carried(set.args[index], context);
}

function meaningOf(e: Expr): string | undefined {
  return e.value?.kind === 'enum' ? e.value.meaning : undefined;
}

function sideEffect(values: readonly Expr[], where: string): Described<never> | undefined {
  const impure = values.find((v) => !v.pure);
  return impure ? { ok: false, reason: `\`${impure.text}\` in ${where} has side effects, so it cannot be evaluated again where it is used` } : undefined;
}

export function filterOf(descriptor: Expr, before: ts.Node, context: StaticContext): Described<FilterDescription> {
  const found = setCallFor(descriptor, before, ['cudnnSetFilter4dDescriptor'], context);
  if (!found.ok) return found;
  const set = found.value;
  const where = `\`cudnnSetFilter4dDescriptor\` of \`${descriptor.text}\``;
  const dtypeMeaning = meaningOf(param(set, 'dataType', context));
  if (!dtypeMeaning || !dtypeOfMeaning(dtypeMeaning)) return { ok: false, reason: `the data type in ${where} is not a constant data type` };
  const format = meaningOf(param(set, 'format', context));
  if (format !== 'layout.nchw' && format !== 'layout.nhwc') return { ok: false, reason: `the format in ${where} is not CUDNN_TENSOR_NCHW or CUDNN_TENSOR_NHWC` };
  const dims = (['k', 'c', 'h', 'w'] as const).map((n) => param(set, n, context)) as [Expr, Expr, Expr, Expr];
  const impure = sideEffect(dims, where);
  if (impure) return impure;
  return { ok: true, value: { dtypeMeaning, dims, layout: format === 'layout.nchw' ? 'NCHW' : 'NHWC' } };
}

/** The filter as a tensor view over `ptr`: dims K, C/group, kH, kW with the format's strides. */
export function filterView(filter: FilterDescription, ptr: Expr, descriptor: Expr): TensorExpr {
  const [k, c, h, w] = filter.dims;
  const strides = filter.layout === 'NCHW' ? contiguousStrides(filter.dims) : [product([h, w, c]), generated('1', { kind: 'number', value: 1 }), product([w, c]), c];
  return { ptr, dtype: { meaning: filter.dtypeMeaning, dtype: dtypeOfMeaning(filter.dtypeMeaning) }, dims: [k, c, h, w], strides, layout: filter.layout, descriptor };
}

export function convolutionOf(descriptor: Expr, before: ts.Node, context: StaticContext): Described<ConvolutionDescription> {
  const found = setCallFor(descriptor, before, ['cudnnSetConvolution2dDescriptor'], context);
  if (!found.ok) return found;
  const set = found.value;
  const where = `\`cudnnSetConvolution2dDescriptor\` of \`${descriptor.text}\``;
  const p = (name: string) => param(set, name, context);
  const [padH, padW, strideH, strideW, dilationH, dilationW] = ['pad_h', 'pad_w', 'u', 'v', 'dilation_h', 'dilation_w'].map(p);
  const impure = sideEffect([padH, padW, strideH, strideW, dilationH, dilationW], where);
  if (impure) return impure;
  const mode = meaningOf(p('mode'));
  if (!mode) return { ok: false, reason: `the mode \`${p('mode').text}\` in ${where} is not a constant` };
  const computeMeaning = meaningOf(p('computeType'));
  if (!computeMeaning) return { ok: false, reason: `the compute type \`${p('computeType').text}\` in ${where} is not a constant` };
  let group = generated('1', { kind: 'number', value: 1 });
  const groupSet = descriptor.node ? context.lastSetCall(descriptor.node, before, { symbols: ['cudnnSetConvolutionGroupCount'], role: 'descriptor' }) : undefined;
  if (groupSet) {
    group = param(groupSet, 'groupCount', context);
    if (!group.pure) return { ok: false, reason: `the group count \`${group.text}\` set on \`${descriptor.text}\` has side effects` };
  }
  let mathMeaning = 'math.default';
  const mathSet = descriptor.node ? context.lastSetCall(descriptor.node, before, { symbols: ['cudnnSetConvolutionMathType'], role: 'descriptor' }) : undefined;
  if (mathSet) {
    const math = param(mathSet, 'mathType', context);
    const meaning = meaningOf(math);
    if (!meaning) return { ok: false, reason: `the math type \`${math.text}\` set on \`${descriptor.text}\` is not a constant` };
    mathMeaning = meaning;
  }
  return { ok: true, value: { pads: [padH, padW], strides: [strideH, strideW], dilations: [dilationH, dilationW], mode, computeMeaning, group, mathMeaning } };
}
