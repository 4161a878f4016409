/**
 * Lifts cudnnConvolutionForward (y = alpha·conv(x, w) + beta·y) to the canonical Conv: X and Y
 * from their tensor descriptors, W from the filter descriptor (K, C/group, kH, kW), and the ONNX
 * attributes from the convolution descriptor: pads [padH, padW, padH, padW] (cuDNN pads both
 * ends alike), strides, dilations, group, kernel_shape. The mode, compute type and math type go
 * to the invocation's numerics and attributes so a lowerer can decline what it cannot express
 * (CUDNN_CONVOLUTION flips the kernel, which ONNX Conv does not). alpha, beta, the algorithm and
 * the workspace stay call-level arguments: the workspace belongs to the source library, and
 * which uses of it go away with the call is decided by conv-workspace-slice.ts.
 */
import type { Expr } from '../../ir/expr.js';
import { generated } from '../../ir/expr.js';
import type { AttributeExpr, Numerics, OpInvocation } from '../../ir/invocation.js';
import type { LiftContext, SourceCall } from '../../lift/lifter.js';
import { handleStream, tensorView, type Described } from './cudnn-descriptors.js';
import { convolutionOf, filterOf, filterView } from './conv-descriptors.js';

export type LiftedConv = Described<Omit<OpInvocation, 'kind' | 'origin' | 'enums'>>;

/** `[a, b, …]` as one attribute expression (the form the MaxPool lift uses too). */
export function intList(items: readonly Expr[]): AttributeExpr {
  return { expr: generated(`[${items.map((e) => e.text).join(', ')}]`) };
}

/** The items of an `[a, b, …]` attribute text, split at top-level commas. */
export function listItems(text: string): string[] {
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      items.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (inner.slice(start).trim() !== '') items.push(inner.slice(start).trim());
  return items;
}

export function liftConvolution(call: SourceCall, ctx: LiftContext): LiftedConv {
  const a = (name: string): Expr => {
    const index = call.entry.spec.params.findIndex((p) => p.name === name);
    if (index < 0 || !call.args[index]) throw new Error(`${call.entry.spec.symbol} has no argument ${name}`);
    return call.args[index];
  };
  const context = ctx.context;
  const x = tensorView(a('xDesc'), a('x'), call.node, context);
  if (!x.ok) return x;
  const y = tensorView(a('yDesc'), a('y'), call.node, context);
  if (!y.ok) return y;
  const filter = filterOf(a('wDesc'), call.node, context);
  if (!filter.ok) return filter;
  const conv = convolutionOf(a('convDesc'), call.node, context);
  if (!conv.ok) return conv;
  const stream = handleStream(a('handle'), call.node, context);
  if (!stream.ok) return stream;
  const c = conv.value;
  const [, , kH, kW] = filter.value.dims;
  const attributes = new Map<string, AttributeExpr>([
    ['kernel_shape', intList([kH, kW])],
    ['pads', intList([c.pads[0], c.pads[1], c.pads[0], c.pads[1]])],
    ['strides', intList(c.strides)],
    ['dilations', intList(c.dilations)],
    ['group', { expr: c.group }],
    // Not ONNX: the cuDNN mode, for the lowerers to decline true convolution.
    ['mode', { expr: a('convDesc'), meaning: c.mode }],
  ]);
  const numerics: Numerics = {
    mathMode: { meaning: c.mathMeaning, from: 'descriptor' },
    computeType: { meaning: c.computeMeaning, from: 'descriptor' },
  };
  const args = new Map<string, Expr>(['handle', 'alpha', 'beta', 'algo', 'workSpace', 'workSpaceSizeInBytes'].map((n) => [n, a(n)]));
  return {
    ok: true,
    value: {
      operator: 'Conv',
      inputs: new Map([
        ['X', x.value],
        ['W', filterView(filter.value, a('w'), a('wDesc'))],
      ]),
      outputs: new Map([['Y', y.value]]),
      attributes,
      numerics,
      ...(stream.value ? { stream: stream.value } : {}),
      args,
    },
  };
}
