/**
 * Conv (from cudnnConvolutionForward) → `xpu::conv2d<TX, TW, TY, TGEMM>` as the Kunlun facade
 * and the catalog describe it (mappings/kunlun/xdnn.yaml; Paddle's conv_kernel.cc is the model):
 *
 *   xpu::conv2d(ctx, x, weight, y, n, c, h, w, f, ksize, strides, paddings, dilations, groups,
 *               x_maxptr, w_maxptr, y_maxptr, is_nchw)
 *
 * - Layout: x, the filter and y all NCHW (is_nchw = true, filter [f, c/groups, kh, kw], cuDNN's
 *   KCRS) or all NHWC (is_nchw = false, filter [f, kh, kw, c/groups], cuDNN's KRSC). cuDNN's
 *   4-D descriptors with a format are packed, so the layout label is enough.
 * - paddings: the 2-value form (h, w), both sides alike; ONNX pads with different begins and ends
 *   are declined, since the order XDNN expects for 4 values is not documented.
 * - Max pointers: null. They feed XDNN's on-the-fly quantisation, which TGEMM float / tfloat32
 *   does not do; with null each tensor's own abs-max would be used anyway.
 * - TGEMM carries the source numerics (profiles/kunlun.yaml knob on xpu::conv2d): an FP32
 *   convolution with cuDNN's default or tensor-op math may run TF32 (profiles/cuda.yaml,
 *   cuda.default), so `tfloat32`; CUDNN_FMA_MATH asks for true FP32, so `float`. Paddle's own
 *   default, int16_t quantisation, would not match cuDNN.
 *
 * Declined with the reason: CUDNN_CONVOLUTION mode (the kernel flipped), alpha ≠ 1 or beta ≠ 0
 * (conv2d overwrites y unscaled), a compute type other than FLOAT, element types other than
 * float32 (float16's TGEMM accumulation is not documented), mixed layouts, 3-D convolution.
 */
import type { Expr } from '../../ir/expr.js';
import type { OpInvocation, TensorExpr } from '../../ir/invocation.js';
import { convAttributes } from '../dnn/conv-attributes.js';
import type { ConvPorts } from '../dnn/conv-workspace-slice.js';
import { plainResult, typeName, type XdnnArgument, type XdnnPlan } from './xdnn-plan.js';

const LAYOUTS = ['NCHW', 'NHWC'];

/** TGEMM for the source's FP32 numerics, or why none matches. */
function gemmType(invocation: OpInvocation): { tgemm: string } | { reason: string } {
  const compute = invocation.numerics.computeType?.meaning;
  if (compute && compute !== 'dtype.float32') return { reason: `the compute type is ${compute.replace('dtype.', '')}; this port writes xpu::conv2d for FLOAT compute only` };
  const math = invocation.numerics.mathMode?.meaning ?? 'math.default';
  if (math === 'math.default' || math === 'math.tensor-op') return { tgemm: 'tfloat32' };
  if (math === 'math.fma') return { tgemm: 'float' };
  return { reason: `the math type ${math} has no xpu::conv2d TGEMM this port chooses` };
}

/** The xpu::conv2d call for a Conv invocation, or why it has none; undefined when not ours. */
export function planXdnnConv(invocation: OpInvocation): XdnnPlan | undefined {
  const { inputs, outputs } = invocation;
  const [x, w, y] = [inputs.get('X'), inputs.get('W'), outputs.get('Y')];
  if (!x || !w || !y || inputs.size !== 2 || outputs.size !== 1) return undefined;
  const conv = convAttributes(invocation, 'xpu::conv2d');
  if (!conv?.ok) return conv;
  if (!conv.value.kernel) return undefined;
  const { kernel, pads, strides, dilations, group } = conv.value;
  const blend = plainResult(invocation);
  if (blend) return { ok: false, reason: blend };
  const views: [string, TensorExpr][] = [['x', x], ['w', w], ['y', y]];
  const odd = views.find(([, v]) => v.dims?.length !== 4);
  if (odd) return { ok: false, reason: `${odd[0]} is not 4-D; xpu::conv2d is the 2-D convolution` };
  const layout = x.layout ?? '';
  const mixed = views.find(([, v]) => v.layout !== layout || !LAYOUTS.includes(v.layout));
  if (mixed) return { ok: false, reason: `${mixed[0]} is ${mixed[1].layout ?? 'of unknown layout'} while x is ${layout || 'of unknown layout'}; xpu::conv2d takes packed NCHW or NHWC data with a filter of the same layout` };
  const type = typeName(x);
  if (x.dtype?.dtype !== 'float32' || typeName(w) !== type || typeName(y) !== type) {
    return { ok: false, reason: `x, w and y are ${views.map(([, v]) => v.dtype?.dtype ?? '?').join(', ')}; this port writes xpu::conv2d for float32 only (the TGEMM accumulation for float16 is not documented)` };
  }
  const gemm = gemmType(invocation);
  if ('reason' in gemm) return { ok: false, reason: gemm.reason };
  if (kernel.length !== 2 || strides.length !== 2 || dilations.length !== 2 || pads.length !== 4) return { ok: false, reason: 'the window, strides, dilations or pads are not 2-D lists the port can read' };
  if (pads[0] !== pads[2] || pads[1] !== pads[3]) return { ok: false, reason: `the pads [${pads.join(', ')}] are not symmetric, and the order xpu::conv2d expects for 4 paddings is not documented` };
  const [n, c, h, wd] = x.dims!.map((d: Expr) => d.text);
  const f = w.dims![0].text;
  const text = (t: string): XdnnArgument => ({ kind: 'text', text: t });
  return {
    ok: true,
    call: {
      symbol: 'xpu::conv2d',
      template: [type!, type!, type!, gemm.tgemm],
      args: [
        { kind: 'pointer', view: x },
        { kind: 'pointer', view: w },
        { kind: 'pointer', view: y },
        text(n),
        text(c),
        text(h),
        text(wd),
        text(f),
        text(`[${kernel.join(', ')}]`),
        text(`[${strides.join(', ')}]`),
        text(`[${pads[0]}, ${pads[1]}]`),
        text(`[${dilations.join(', ')}]`),
        text(group.text),
        text('null'),
        text('null'),
        text('null'),
        text(String(layout === 'NCHW')),
      ],
    },
  };
}

/** Kunlun's answer to the convolution plan slice (dnn/conv-workspace-slice.ts). */
export const xdnnConvPorts: ConvPorts = (conv) => planXdnnConv(conv)?.ok === true;
