/**
 * cuDNN's output-shape queries on a target without descriptors: the shape is host arithmetic on
 * what the descriptors were set to, written where the query was, one assignment per output.
 *
 * - cudnnGetConvolution2dForwardOutputDim: N of x, K of the filter, and per spatial dimension
 *   `1 + floor((in + 2·pad - ((k - 1)·dilation + 1)) / stride)` (the formula of the cuDNN docs,
 *   ONNX Conv's floor rule with symmetric pads; the catalog notes it).
 * - cudnnGetPooling2dForwardOutputDim: N and C of x, `1 + floor((in + 2·pad - window) / stride)`
 *   (floor rounding, as cuDNN's legacy pooling and the reference facade compute it).
 *
 * Terms that are 1 or 0 are left out (`outH.value = H + 2 * 1 - 3 + 1`), so the line reads like
 * the formula. The outputs must be expressions without side effects (they are written with
 * `.value`); otherwise, or when a descriptor is not traceable, the query stays (OB1019).
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import { operand, type Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { carried, setCallFor, tensorView, type Described } from './cudnn-descriptors.js';
import { convolutionOf, filterOf } from './conv-descriptors.js';
import { vanishingCall } from '../../lower/vanishing-call.js';
import { successValue } from '../../lower/vanishing-call.js';

export const OUTPUT_DIM_QUERIES = ['cudnnGetConvolution2dForwardOutputDim', 'cudnnGetPooling2dForwardOutputDim'] as const;

function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

/** `in + 2 * pad - extent + 1`, or with `Math.floor((…) / stride)` when the stride is not 1. */
function outputExtent(input: Expr, kernel: Expr, pad: Expr, stride: Expr, dilation?: Expr): string {
  const extent = dilation && numberOf(dilation) !== 1 ? `(${operand(kernel.text)} - 1) * ${operand(dilation.text)} + 1` : kernel.text;
  const padded = numberOf(pad) === 0 ? operand(input.text) : `${operand(input.text)} + 2 * ${operand(pad.text)}`;
  const span = `${padded} - ${operand(extent)}`;
  return numberOf(stride) === 1 ? `${span} + 1` : `Math.floor((${span}) / ${operand(stride.text)}) + 1`;
}

/** N, C, H, W of a query's result as expressions, from the descriptors in effect at `call`. */
function outputDims(call: ResolvedCall, context: StaticContext): Described<string[]> {
  const arg = (name: string) => carried(call.args[call.entry.spec.params.findIndex((p) => p.name === name)], context);
  const x = tensorView(arg('inputTensorDesc'), arg('inputTensorDesc'), call.node, context);
  if (!x.ok) return x;
  if (x.value.dims!.length !== 4) return { ok: false, reason: 'the input descriptor is not 4-D' };
  const [n, c, h, w] = x.value.dims!;
  if (call.entry.spec.symbol === 'cudnnGetConvolution2dForwardOutputDim') {
    const filter = filterOf(arg('filterDesc'), call.node, context);
    if (!filter.ok) return filter;
    const conv = convolutionOf(arg('convDesc'), call.node, context);
    if (!conv.ok) return conv;
    const [k, , kH, kW] = filter.value.dims;
    const { pads, strides, dilations } = conv.value;
    return { ok: true, value: [n.text, k.text, outputExtent(h, kH, pads[0], strides[0], dilations[0]), outputExtent(w, kW, pads[1], strides[1], dilations[1])] };
  }
  const found = setCallFor(arg('poolingDesc'), call.node, ['cudnnSetPooling2dDescriptor'], context);
  if (!found.ok) return found;
  const set = found.value;
  const p = (name: string) => carried(set.args[set.entry.spec.params.findIndex((q) => q.name === name)], context);
  const values = ['windowHeight', 'windowWidth', 'verticalPadding', 'horizontalPadding', 'verticalStride', 'horizontalStride'].map(p);
  const impure = values.find((v) => !v.pure);
  if (impure) return { ok: false, reason: `\`${impure.text}\` in the pooling descriptor has side effects` };
  const [kH, kW, padH, padW, strideH, strideW] = values;
  return { ok: true, value: [n.text, c.text, outputExtent(h, kH, padH, strideH), outputExtent(w, kW, padW, strideW)] };
}

/** The assignments that replace an output-shape query, or why there are none. */
export function outputDimAssignments(call: ResolvedCall, context: StaticContext): Described<string[]> {
  if (!(OUTPUT_DIM_QUERIES as readonly string[]).includes(call.entry.spec.symbol)) return { ok: false, reason: 'not an output-shape query' };
  const dims = outputDims(call, context);
  if (!dims.ok) return dims;
  const outs = ['n', 'c', 'h', 'w'].map((name) => carried(call.args[call.entry.spec.params.findIndex((p) => p.name === name)], context));
  const impure = outs.find((o) => !o.pure);
  if (impure) return { ok: false, reason: `the output \`${impure.text}\` has side effects` };
  return { ok: true, value: outs.map((o, i) => `${operand(o.text)}.value = ${dims.value[i]}`) };
}

/** The call expression an argument belongs to. */
function callOf(e: Expr | undefined): ts.CallExpression | undefined {
  for (let n: ts.Node | undefined = e?.node; n; n = n.parent) if (ts.isCallExpression(n) && n.arguments.some((a) => a.pos <= e!.node!.pos && e!.node!.end <= a.end)) return n;
  return undefined;
}

/** The lowerer on a target without descriptors; a vanished query returns the target's `success`. */
export function outputDimLowererFor(success: (ctx: LowerContext) => string): Lowerer {
  return {
    name: 'cudnn output shape as host arithmetic',
    lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
      const symbol = invocation.origin.symbol;
      if (invocation.kind !== 'primitive' || !(OUTPUT_DIM_QUERIES as readonly string[]).includes(symbol)) return undefined;
      const node = callOf(invocation.args.get('descriptor'));
      const call = node ? ctx.context.resolve(node) : undefined;
      if (!call) return undefined;
      const assignments = outputDimAssignments(call, ctx.context);
      if (!assignments.ok) return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: assignments.reason }, symbol)] };
      return vanishingCall(ctx, success, { prelude: assignments.value.map((text) => ({ text, declares: false })) });
    },
  };
}

export const outputDimLowerer = outputDimLowererFor(successValue('ACLNN_SUCCESS'));
