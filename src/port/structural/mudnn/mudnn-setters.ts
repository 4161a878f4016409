/**
 * cuDNN's fixed-rank descriptor setters → muDNN's Nd setters, on the same descriptor (muDNN's
 * tensor, filter, convolution and pooling descriptors are cuDNN's objects; only the setters
 * differ). The catalog's gap notes (mappings/musa/mudnn.yaml) say how; the facade implements
 * each (src/backends/musa/mudnn-descriptors.ts, mudnn-pooling.ts):
 *
 * - cudnnSetTensor4dDescriptor(d, format, dataType, n, c, h, w) →
 *   mudnnSetTensorNdDescriptorWithScale(d, format, dataType, 4, [n, c, h, w], strides, 1): the
 *   packed strides of the format (NCHW: c·h·w, h·w, w, 1; NHWC: h·w·c, 1, w·c, c), scale 1.0.
 * - cudnnSetFilter4dDescriptor(d, dataType, format, k, c, h, w) →
 *   mudnnSetFilterNdDescriptorWithScale(d, dataType, format, 4, [k, c, h, w], 1).
 * - cudnnSetConvolution2dDescriptor(d, pad_h, pad_w, u, v, dilation_h, dilation_w, mode, computeType)
 *   → mudnnSetConvolutionNdDescriptor(d, 2, [pad_h, pad_w], [u, v], [dilation_h, dilation_w], mode, computeType).
 * - cudnnSetPooling2dDescriptor(d, mode, nanOpt, wH, wW, padV, padH, strideV, strideH) →
 *   mudnnSetPoolingNdDescriptorEx(d, mode, 0, 2, [wH, wW], [padV, padH], [strideV, strideH], [1, 1]).
 *   muDNN has no NaN option and max pooling propagates NaNs, so only CUDNN_PROPAGATE_NAN ports.
 *
 * Enum arguments are written as the musa member of the same meaning; an argument that is not a
 * constant member, or a meaning musa lacks (CUDNN_CONVOLUTION, the deterministic max pooling), is
 * declined (OB1019).
 */
import { argumentsByName, type NamedArgument } from '../../ir/arguments-by-name.js';
import type { Invocation } from '../../ir/invocation.js';
import type { Expr } from '../../ir/expr.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { contiguousStrides, product } from '../dnn/cudnn-descriptors.js';
import { generated } from '../../ir/expr.js';
import { MudnnStatements, musaMember } from './mudnn-statements.js';

export const MUDNN_SETTERS = ['cudnnSetTensor4dDescriptor', 'cudnnSetFilter4dDescriptor', 'cudnnSetConvolution2dDescriptor', 'cudnnSetPooling2dDescriptor'] as const;

type Setter = (typeof MUDNN_SETTERS)[number];

const list = (es: readonly Expr[]) => `[${es.map((e) => e.text).join(', ')}]`;

type Planned = { readonly ok: true; readonly call: (s: MudnnStatements) => string } | { readonly ok: false; readonly reason: string };

function plan(symbol: Setter, arg: (name: string) => NamedArgument, ctx: LowerContext): Planned {
  const member = (name: string, enumName: string): string | { reason: string } => {
    const a = arg(name);
    const found = musaMember(ctx.catalog, enumName, a.enumArg?.meaning);
    if (found) return found;
    return { reason: a.enumArg ? `\`${a.expr.text}\` (${a.enumArg.meaning}) has no ${enumName} member` : `\`${a.expr.text}\` is not a constant member, so its ${enumName} member is not known` };
  };
  const members = (pairs: readonly [string, string][]): string[] | { reason: string } => {
    const out: string[] = [];
    for (const [name, enumName] of pairs) {
      const m = member(name, enumName);
      if (typeof m !== 'string') return m;
      out.push(m);
    }
    return out;
  };
  const impure = (names: readonly string[]) => names.map((n) => arg(n).expr).find((e) => !e.pure);
  const sideEffects = (names: readonly string[]): Planned | undefined => {
    const e = impure(names);
    return e ? { ok: false, reason: `\`${e.text}\` has side effects, and the muDNN setter uses it in another place` } : undefined;
  };
  const desc = arg(symbol === 'cudnnSetTensor4dDescriptor' ? 'tensorDesc' : symbol === 'cudnnSetFilter4dDescriptor' ? 'filterDesc' : symbol === 'cudnnSetConvolution2dDescriptor' ? 'convDesc' : 'poolingDesc').expr;
  switch (symbol) {
    case 'cudnnSetTensor4dDescriptor': {
      const found = members([['format', 'mudnnTensorFormat_t'], ['dataType', 'mudnnDataType_t']]);
      if (!Array.isArray(found)) return { ok: false, reason: found.reason };
      const [format, dataType] = found;
      const dims = ['n', 'c', 'h', 'w'].map((n) => arg(n).expr);
      const bad = sideEffects(['n', 'c', 'h', 'w']);
      if (bad) return bad;
      const [, c, h, w] = dims;
      const meaning = arg('format').enumArg?.meaning;
      const one = generated('1', { kind: 'number', value: 1 });
      const strides = meaning === 'layout.nchw' ? contiguousStrides(dims) : meaning === 'layout.nhwc' ? [product([h, w, c]), one, product([w, c]), c] : undefined;
      if (!strides) return { ok: false, reason: `the format \`${arg('format').expr.text}\` is not NCHW or NHWC, so its strides are not known` };
      return { ok: true, call: (s) => `${s.value('mudnnSetTensorNdDescriptorWithScale')}(${desc.text}, ${s.value(format)}, ${s.value(dataType)}, 4, ${list(dims)}, ${list(strides)}, 1)` };
    }
    case 'cudnnSetFilter4dDescriptor': {
      const found = members([['dataType', 'mudnnDataType_t'], ['format', 'mudnnTensorFormat_t']]);
      if (!Array.isArray(found)) return { ok: false, reason: found.reason };
      const [dataType, format] = found;
      const dims = ['k', 'c', 'h', 'w'].map((n) => arg(n).expr);
      return { ok: true, call: (s) => `${s.value('mudnnSetFilterNdDescriptorWithScale')}(${desc.text}, ${s.value(dataType)}, ${s.value(format)}, 4, ${list(dims)}, 1)` };
    }
    case 'cudnnSetConvolution2dDescriptor': {
      const found = members([['mode', 'mudnnConvolutionMode_t'], ['computeType', 'mudnnDataType_t']]);
      if (!Array.isArray(found)) return { ok: false, reason: found.reason };
      const [mode, computeType] = found;
      const a = (names: string[]) => list(names.map((n) => arg(n).expr));
      return {
        ok: true,
        call: (s) => `${s.value('mudnnSetConvolutionNdDescriptor')}(${desc.text}, 2, ${a(['pad_h', 'pad_w'])}, ${a(['u', 'v'])}, ${a(['dilation_h', 'dilation_w'])}, ${s.value(mode)}, ${s.value(computeType)})`,
      };
    }
    case 'cudnnSetPooling2dDescriptor': {
      const nan = arg('maxpoolingNanOpt');
      if (nan.enumArg?.meaning !== 'nan.propagate') {
        return { ok: false, reason: `the NaN option \`${nan.expr.text}\` is not CUDNN_PROPAGATE_NAN: muDNN's pooling has no NaN option and its max pooling propagates NaNs` };
      }
      const mode = member('mode', 'mudnnPoolingMode_t');
      if (typeof mode !== 'string') return { ok: false, reason: mode.reason };
      const a = (names: string[]) => list(names.map((n) => arg(n).expr));
      return {
        ok: true,
        call: (s) =>
          `${s.value('mudnnSetPoolingNdDescriptorEx')}(${desc.text}, ${s.value(mode)}, 0, 2, ${a(['windowHeight', 'windowWidth'])}, ${a(['verticalPadding', 'horizontalPadding'])}, ${a(['verticalStride', 'horizontalStride'])}, [1, 1])`,
      };
    }
  }
}

export const mudnnSetterLowerer: Lowerer = {
  name: 'cuDNN 4-D / 2-D descriptor setters as muDNN Nd setters',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || !(MUDNN_SETTERS as readonly string[]).includes(invocation.origin.symbol)) return undefined;
    const symbol = invocation.origin.symbol as Setter;
    const planned = plan(symbol, argumentsByName(invocation), ctx);
    if (!planned.ok) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: planned.reason }, symbol)] };
    const s = new MudnnStatements(ctx);
    const call = planned.call(s);
    return { ok: true, lowering: { prelude: [], call, targetSymbols: s.symbols, diagnostics: [] } };
  },
};
