/**
 * Conv (from cudnnConvolutionForward) → cnnlConvolutionForward, written as Cambricon's framework
 * adapters write it (mappings/cambricon/cnnl.yaml, src/backends/cambricon/cnnl-convolution.ts):
 *
 *   NHWC descriptors for x, the filter ([O, kH, kW, C/group]) and y — NCHW data staged through
 *   cnnlTranspose_v2 (conv-channels-last.ts); a convolution descriptor
 *   (cnnlSetConvolutionDescriptor with (before, after) pad pairs, strides, dilations, groups and
 *   the compute type, and cnnlSetConvolutionDescriptorAllowTF32); cnnlGetConvolutionForwardAlgorithm
 *   (CNNL_CONVOLUTION_FWD_FASTEST); cnnlGetConvolutionForwardWorkspaceSize, the workspace
 *   allocated when non-zero; cnnlConvolutionForward with no bias and NULL alpha / beta.
 *
 * The source's algorithm and workspace are cuDNN's and go away (dnn/conv-workspace-slice.ts).
 * AllowTF32 carries the source numerics (profiles/cambricon.yaml knob): an FP32 convolution with
 * cuDNN's default or tensor-op math may run TF32 (profiles/cuda.yaml), so 1; CUDNN_FMA_MATH asks
 * for true FP32, so 0; other element types 0 (torch_mlu forces it off unless the input is float32).
 *
 * Declined with the reason: CUDNN_CONVOLUTION mode (the kernel flipped), alpha ≠ 1 or beta ≠ 0
 * (y is written through a staging buffer, so there is nothing to blend with), mixed layouts or
 * element types, 3-D convolution, a math type that converts FP32 down, a compute type CNNL has
 * no cnnlDataType_t for.
 */
import type { Invocation } from '../../ir/invocation.js';
import { convAttributes } from '../dnn/conv-attributes.js';
import type { ConvPorts } from '../dnn/conv-workspace-slice.js';
import type { DnnPlan } from './cnnl-dnn.js';
import { ChannelsLast, isFourD, labelledByStrides } from './conv-channels-last.js';
import { numberOf } from './cnnl-statements.js';

const CONV_DTYPES = ['float32', 'float16', 'bfloat16'];

/** AllowTF32 for the source numerics, or why no setting matches. */
function allowTf32(invocation: Invocation & { kind: 'operator' }, dtype: string): { allow: 0 | 1 } | { reason: string } {
  if (dtype !== 'float32') return { allow: 0 };
  const math = invocation.numerics.mathMode?.meaning ?? 'math.default';
  if (math === 'math.default' || math === 'math.tensor-op') return { allow: 1 };
  if (math === 'math.fma') return { allow: 0 };
  return { reason: `the math type ${math} (FP32 data converted to FP16) has no cnnlConvolutionForward setting this port chooses` };
}

/** The CNNL statements for a Conv invocation, or why there are none; undefined when not ours. */
export function planCnnlConv(invocation: Invocation): DnnPlan | undefined {
  if (invocation.kind !== 'operator' || invocation.operator !== 'Conv') return undefined;
  const { inputs, outputs } = invocation;
  const [x, w, y] = [inputs.get('X'), inputs.get('W'), outputs.get('Y')].map(labelledByStrides);
  if (!x?.dims || !w?.dims || !y?.dims || inputs.size !== 2 || outputs.size !== 1) return undefined;
  const conv = convAttributes(invocation, 'cnnlConvolutionForward');
  if (!conv?.ok) return conv;
  const { pads, strides, dilations, group } = conv.value;
  const alpha = invocation.args.get('alpha');
  const beta = invocation.args.get('beta');
  if (alpha && numberOf(alpha) !== 1) return { ok: false, reason: `alpha is \`${alpha.text}\`, not the constant 1 (the port writes y through an NHWC staging buffer, so it passes no scaling)` };
  if (beta && numberOf(beta) !== 0) return { ok: false, reason: `beta is \`${beta.text}\`, not the constant 0 (the port writes y through an NHWC staging buffer, so there is no old y to blend with)` };
  if (!isFourD(x) || !isFourD(w) || !isFourD(y)) return { ok: false, reason: 'x, w and y are not all 4-D NCHW or NHWC tensors; this port writes 2-D cnnlConvolutionForward calls on packed data' };
  if (new Set([x.layout, w.layout, y.layout]).size > 1) return { ok: false, reason: `x, w and y have layouts ${x.layout}, ${w.layout}, ${y.layout}; the port stages one layout` };
  const dtypes = [x, w, y].map((t) => t.dtype?.dtype);
  if (new Set(dtypes).size > 1 || !dtypes[0]) return { ok: false, reason: `x, w and y have element types ${dtypes.join(', ')}; cnnlConvolutionForward takes one` };
  if (!CONV_DTYPES.includes(dtypes[0])) return { ok: false, reason: `cnnlConvolutionForward takes float32, float16 and bfloat16, not ${dtypes[0]}` };
  const tf32 = allowTf32(invocation, dtypes[0]);
  if ('reason' in tf32) return { ok: false, reason: tf32.reason };
  if (pads.length !== 4 || strides.length !== 2 || dilations.length !== 2) return { ok: false, reason: 'the pads, strides or dilations are not 2-D lists the port can read' };
  const computeMeaning = invocation.numerics.computeType?.meaning ?? 'dtype.float32';
  if (!CONV_DTYPES.map((d) => `dtype.${d}`).includes(computeMeaning)) return { ok: false, reason: `the compute type is ${computeMeaning.replace('dtype.', '')}; cnnlSetConvolutionDescriptor takes a float32, float16 or bfloat16 compute type` };
  return {
    ok: true,
    dtype: x.dtype,
    emit: (s, handle, dataType) => {
      const queue = s.queue(undefined, handle);
      const stage = new ChannelsLast(s, handle, queue, dataType);
      const xs = stage.input('x', x);
      const ws = stage.input('w', w);
      const ys = stage.output('y', y);
      const compute = s.dataType({ meaning: computeMeaning })!;
      // CNNL pads are (before, after) pairs per spatial dim; ONNX lists all begins, then all ends.
      const padPairs = `[${pads[0]}, ${pads[2]}, ${pads[1]}, ${pads[3]}]`;
      const conv = s.descriptor('convDesc', 'cnnlConvolutionDescriptor_t', 'cnnlCreateConvolutionDescriptor', 'cnnlDestroyConvolutionDescriptor', [
        `${s.value('cnnlSetConvolutionDescriptor')}($, 4, ${padPairs}, [${strides.join(', ')}], [${dilations.join(', ')}], ${group.text}, ${compute})`,
        `${s.value('cnnlSetConvolutionDescriptorAllowTF32')}($, ${tf32.allow})`,
      ]);
      const algo = s.fresh('algo');
      s.push(`const ${algo} = ${s.value('ref')}<${s.type('cnnlConvolutionForwardAlgo_t')}>()`, true);
      s.push(`${s.value('cnnlGetConvolutionForwardAlgorithm')}(${handle}, ${conv}, ${xs.desc}, ${ws.desc}, ${ys.desc}, ${s.value('CNNL_CONVOLUTION_FWD_FASTEST')}, ${algo})`, false, true);
      const workspace = s.workspace('conv', (size) => `${s.value('cnnlGetConvolutionForwardWorkspaceSize')}(${handle}, ${xs.desc}, ${ws.desc}, ${ys.desc}, null, ${conv}, ${algo}.value, ${size})`, queue);
      const call = `${s.value('cnnlConvolutionForward')}(${handle}, ${conv}, ${algo}.value, null, ${xs.desc}, ${xs.ptr}, ${ws.desc}, ${ws.ptr}, null, null, ${workspace.ptr}, ${workspace.size}, null, ${ys.desc}, ${ys.ptr})`;
      stage.finish();
      return call;
    },
  };
}

/** Cambricon's answer to the convolution plan slice (dnn/conv-workspace-slice.ts). */
export const cnnlConvPorts: ConvPorts = (conv) => planCnnlConv(conv)?.ok === true;
