/**
 * muDNN's Nd descriptor setters → cuDNN's setters on the same descriptor, back to CUDA (the
 * inverse of structural/mudnn/mudnn-setters.ts; muDNN's tensor, filter, convolution and pooling
 * descriptors are cuDNN's objects under muDNN names, so only the setters differ):
 *
 * - mudnnSetTensorNdDescriptorWithScale(d, format, dataType, 4, [n, c, h, w], strides, 1) →
 *   cudnnSetTensor4dDescriptor(d, format, dataType, n, c, h, w) when the strides are the packed
 *   strides of the format (NCHW or NHWC; a dimension of 1 takes any stride), else
 *   cudnnSetTensorNdDescriptor(d, dataType, nbDims, dimA, strideA): the strides say everything
 *   (cuDNN's Nd setter has no format). A scale other than 1 (quantisation) is declined.
 * - mudnnSetFilterNdDescriptorWithScale(d, dataType, format, 4, [k, c, h, w], 1) →
 *   cudnnSetFilter4dDescriptor(d, dataType, format, k, c, h, w).
 * - mudnnSetConvolutionNdDescriptor(d, 2, [ph, pw], [u, v], [dh, dw], mode, computeType) →
 *   cudnnSetConvolution2dDescriptor(d, ph, pw, u, v, dh, dw, mode, computeType).
 * - mudnnSetPoolingNdDescriptorEx(d, mode, 0, 2, [wh, ww], [ph, pw], [sh, sw], [1, 1]) →
 *   cudnnSetPooling2dDescriptor(d, mode, CUDNN_PROPAGATE_NAN, wh, ww, ph, pw, sh, sw): muDNN's max
 *   pooling propagates NaNs (it has no option), a divisor override or dilation has no cuDNN form.
 *
 * Filters, convolutions and pooling of other ranks are declined (OB1019): the CUDA catalog lists
 * no Nd setter for them; so are tensors of fewer than 4 or more than 8 dims, which
 * cudnnSetTensorNdDescriptor does not support (src/backends/cuda/cudnn-tensor-descriptors.ts
 * quotes the documented limits): such a descriptor is written for muDNN's norms and attention,
 * and goes with them when they port (mudnn-operation.ts). Arrays must be array literals whose elements are written out; enum
 * arguments are written as the CUDA member of the same meaning.
 */
import { argumentsByName, type NamedArgument } from '../../ir/arguments-by-name.js';
import type { Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { CudaStatements } from '../cuda-lower/cuda-statements.js';
import { carried } from '../dnn/cudnn-descriptors.js';
import { packedLayout } from './mudnn-tensor-view.js';

export const MUDNN_ND_SETTERS = ['mudnnSetTensorNdDescriptorWithScale', 'mudnnSetFilterNdDescriptorWithScale', 'mudnnSetConvolutionNdDescriptor', 'mudnnSetPoolingNdDescriptorEx'] as const;

type Setter = (typeof MUDNN_ND_SETTERS)[number];

const numberOf = (e: Expr | undefined) => (e?.value?.kind === 'number' ? e.value.value : undefined);

/**
 * The elements of an array literal argument, each as an expression of its own; undefined when the
 * argument is not a literal written out (a variable, a spread) or was rewritten inside.
 */
function elements(arg: Expr, ctx: LowerContext): Expr[] | undefined {
  const node = arg.node;
  if (!node || !ts.isArrayLiteralExpression(node) || node.getText(ctx.context.sourceFile) !== arg.text) return undefined;
  if (node.elements.some((e) => ts.isSpreadElement(e) || ts.isOmittedExpression(e))) return undefined;
  return node.elements.map((e) => carried(e, ctx.context));
}

type Planned = { readonly ok: true; readonly target: string; readonly call: (s: CudaStatements) => string } | { readonly ok: false; readonly reason: string };

function plan(symbol: Setter, arg: (name: string) => NamedArgument, ctx: LowerContext): Planned {
  const fail = (reason: string): Planned => ({ ok: false, reason });
  const member = (name: string, enumName: string, s: CudaStatements): string => {
    const a = arg(name);
    return (a.enumArg && s.member(enumName, a.enumArg.meaning)) || a.expr.text;
  };
  /** An enum argument must be a constant member CUDA has, so the call can be written with its member. */
  const known = (pairs: readonly [string, string][]): string | undefined => {
    for (const [name, enumName] of pairs) {
      const a = arg(name);
      if (!a.enumArg) return `\`${a.expr.text}\` is not a constant member, so its ${enumName} member is not known`;
      const e = ctx.catalog.backend('cuda').enums.get(enumName);
      if (!e?.spec.members.some((m) => m.meaning === a.enumArg!.meaning)) return `\`${a.expr.text}\` (${a.enumArg.meaning}) has no ${enumName} member`;
    }
    return undefined;
  };
  const list = (name: string, length: number): Expr[] | string => {
    const items = elements(arg(name).expr, ctx);
    if (!items) return `\`${arg(name).expr.text}\` is not an array literal written out`;
    if (items.length !== length) return `\`${arg(name).expr.text}\` has ${items.length} elements, not ${length}`;
    const impure = items.find((e) => !e.pure);
    return impure ? `\`${impure.text}\` has side effects, and the cuDNN setter takes it as an argument of its own` : items;
  };
  const rank = (name: string): number | undefined => numberOf(arg(name).expr);
  const desc = arg(symbol === 'mudnnSetTensorNdDescriptorWithScale' ? 'tensorDesc' : symbol === 'mudnnSetFilterNdDescriptorWithScale' ? 'filterDesc' : symbol === 'mudnnSetConvolutionNdDescriptor' ? 'convDesc' : 'poolingDesc').expr;
  switch (symbol) {
    case 'mudnnSetTensorNdDescriptorWithScale': {
      const scale = arg('scale').expr;
      if (numberOf(scale) !== 1) return fail(`the scale \`${scale.text}\` is not 1: cuDNN tensor descriptors have no quantisation scale`);
      const bad = known([['dataType', 'cudnnDataType_t']]);
      if (bad) return fail(bad);
      const dims = elements(arg('dimA').expr, ctx);
      const strides = elements(arg('strideA').expr, ctx);
      const format = arg('format').enumArg?.meaning;
      if (rank('nbDims') === 4 && dims && strides && packedLayout(format, dims, strides) !== undefined && dims.every((d) => d.pure)) {
        return { ok: true, target: 'cudnnSetTensor4dDescriptor', call: (s) => `${s.value('cudnnSetTensor4dDescriptor')}(${desc.text}, ${member('format', 'cudnnTensorFormat_t', s)}, ${member('dataType', 'cudnnDataType_t', s)}, ${dims.map((d) => d.text).join(', ')})` };
      }
      // cuDNN answers CUDNN_STATUS_NOT_SUPPORTED outside 4 .. CUDNN_DIM_MAX (8) dims (the setter's documented limits).
      const nbDims = rank('nbDims');
      if (nbDims !== undefined && (nbDims < 4 || nbDims > 8)) {
        return fail(`a ${nbDims}-D tensor: cudnnSetTensorNdDescriptor takes 4 to 8 dims (CUDNN_STATUS_NOT_SUPPORTED otherwise); the descriptor goes with the muDNN runs it describes when they port and nothing else uses it`);
      }
      return {
        ok: true,
        target: 'cudnnSetTensorNdDescriptor',
        call: (s) => `${s.value('cudnnSetTensorNdDescriptor')}(${desc.text}, ${member('dataType', 'cudnnDataType_t', s)}, ${arg('nbDims').expr.text}, ${arg('dimA').expr.text}, ${arg('strideA').expr.text})`,
      };
    }
    case 'mudnnSetFilterNdDescriptorWithScale': {
      const scale = arg('scale').expr;
      if (numberOf(scale) !== 1) return fail(`the scale \`${scale.text}\` is not 1: cuDNN filter descriptors have no quantisation scale`);
      if (rank('nbDims') !== 4) return fail(`a ${arg('nbDims').expr.text}-D filter: the CUDA catalog lists only cudnnSetFilter4dDescriptor`);
      const bad = known([['dataType', 'cudnnDataType_t'], ['format', 'cudnnTensorFormat_t']]);
      if (bad) return fail(bad);
      const dims = list('filterDimA', 4);
      if (typeof dims === 'string') return fail(dims);
      return { ok: true, target: 'cudnnSetFilter4dDescriptor', call: (s) => `${s.value('cudnnSetFilter4dDescriptor')}(${desc.text}, ${member('dataType', 'cudnnDataType_t', s)}, ${member('format', 'cudnnTensorFormat_t', s)}, ${dims.map((d) => d.text).join(', ')})` };
    }
    case 'mudnnSetConvolutionNdDescriptor': {
      if (rank('arrayLength') !== 2) return fail(`a convolution over ${arg('arrayLength').expr.text} spatial dims: the CUDA catalog lists only cudnnSetConvolution2dDescriptor`);
      const bad = known([['mode', 'cudnnConvolutionMode_t'], ['computeType', 'cudnnDataType_t']]);
      if (bad) return fail(bad);
      const found = ['padA', 'filterStrideA', 'dilationA'].map((n) => list(n, 2));
      const failed = found.find((f): f is string => typeof f === 'string');
      if (failed) return fail(failed);
      const values = (found as Expr[][]).flat().map((e) => e.text).join(', ');
      return { ok: true, target: 'cudnnSetConvolution2dDescriptor', call: (s) => `${s.value('cudnnSetConvolution2dDescriptor')}(${desc.text}, ${values}, ${member('mode', 'cudnnConvolutionMode_t', s)}, ${member('computeType', 'cudnnDataType_t', s)})` };
    }
    case 'mudnnSetPoolingNdDescriptorEx': {
      if (rank('nbDims') !== 2) return fail(`pooling over ${arg('nbDims').expr.text} spatial dims: the CUDA catalog lists only cudnnSetPooling2dDescriptor`);
      if (numberOf(arg('divisor').expr) !== 0) return fail(`the divisor \`${arg('divisor').expr.text}\` is not 0: cuDNN pooling has no divisor override`);
      const bad = known([['mode', 'cudnnPoolingMode_t']]);
      if (bad) return fail(bad);
      const found = ['windowDimA', 'paddingA', 'strideA', 'dilationA'].map((n) => list(n, 2));
      const failed = found.find((f): f is string => typeof f === 'string');
      if (failed) return fail(failed);
      const [window, pads, strides, dilations] = found as Expr[][];
      if (!dilations.every((d) => numberOf(d) === 1)) return fail(`the dilations [${dilations.map((d) => d.text).join(', ')}] are not 1: cudnnSetPooling2dDescriptor has no dilation`);
      const values = [...window, ...pads, ...strides].map((e) => e.text).join(', ');
      return {
        ok: true,
        target: 'cudnnSetPooling2dDescriptor',
        call: (s) => {
          // muDNN's pooling has no NaN option; its max pooling propagates NaNs.
          const nan = s.member('cudnnNanPropagation_t', 'nan.propagate') ?? s.value('CUDNN_PROPAGATE_NAN');
          return `${s.value('cudnnSetPooling2dDescriptor')}(${desc.text}, ${member('mode', 'cudnnPoolingMode_t', s)}, ${nan}, ${values})`;
        },
      };
    }
  }
}

export const cudnnSetterLowerer: Lowerer = {
  name: "muDNN's Nd descriptor setters as cuDNN's setters",
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.origin.backend !== 'musa' || !(MUDNN_ND_SETTERS as readonly string[]).includes(invocation.origin.symbol)) return undefined;
    const symbol = invocation.origin.symbol as Setter;
    const planned = plan(symbol, argumentsByName(invocation), ctx);
    if (!planned.ok) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: planned.reason }, symbol)] };
    const s = new CudaStatements(ctx);
    const call = planned.call(s);
    return { ok: true, lowering: { prelude: [], call, targetSymbols: [planned.target], diagnostics: [] } };
  },
};
