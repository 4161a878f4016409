/**
 * Conv → aclnnConvolution (two-phase, aclnn-two-phase.ts):
 *
 *   aclnnConvolutionGetWorkspaceSize(input, weight, bias = null, stride, padding, dilation,
 *       transposed = false, outputPadding, groups, output, cubeMathType, workspaceSize, executor)
 *
 * padding is per spatial dimension and symmetric (the aclnnConvolution doc), so ONNX pads must
 * have equal begin and end. The tensors must be NCHW (the doc allows NCL, NCHW and NCDHW only).
 * cubeMathType carries the source's numerics: an FP32 cuDNN convolution with the default or
 * tensor-op math type may use TF32, and USE_HF32 is CANN's counterpart (profiles/cann.yaml,
 * cann.default: torch_npu's default for FP32 convolution); FP16/BF16 keep their dtype.
 * Declined, with the reason: CUDNN_CONVOLUTION mode (the kernel flipped: aclnnConvolution has no
 * flag for it), alpha ≠ 1 or beta ≠ 0 (no output blending), CUDNN_FMA_MATH for FP32 (true FP32 is
 * rejected for FLOAT convolution on Atlas A2/A3), a compute type other than FLOAT, NHWC tensors.
 */
import type { Expr } from '../../ir/expr.js';
import type { Invocation, OpInvocation } from '../../ir/invocation.js';
import type { Lowerer } from '../../lower/lowerer.js';
import { aclnnPlanLowerer, type Plan } from './aclnn-lowerers.js';
import { describable } from './aclnn-two-phase.js';
import { convAttributes } from './conv-attributes.js';

function numberOf(e: Expr | undefined): number | undefined {
  return e?.value?.kind === 'number' ? e.value.value : undefined;
}

const CONV_DTYPES = ['dtype.float32', 'dtype.float16', 'dtype.bfloat16'];

/** The cubeMathType meaning for the source numerics, or why none matches. */
function cubeMath(invocation: OpInvocation, dtypeMeaning: string): { meaning: string } | { reason: string } {
  const compute = invocation.numerics.computeType?.meaning;
  if (compute && compute !== 'dtype.float32') {
    return { reason: `the compute type is ${compute.replace('dtype.', '')}; aclnnConvolution has no accumulation-type argument (it accumulates FP16/BF16 inputs in FLOAT32, inferred from the Cube unit docs)` };
  }
  if (dtypeMeaning !== 'dtype.float32') return { meaning: 'math.keep-dtype' };
  const math = invocation.numerics.mathMode?.meaning ?? 'math.default';
  if (math === 'math.default' || math === 'math.tensor-op') return { meaning: 'math.hf32' };
  if (math === 'math.fma') {
    return { reason: 'CUDNN_FMA_MATH asks for true FP32; aclnnConvolution rejects cubeMathType KEEP_DTYPE for FLOAT input on Atlas A2/A3 and runs FP32 as HF32 or FP16 (aclnnConvolution doc)' };
  }
  return { reason: `the math type ${math} (FP32 data converted to FP16) has no cubeMathType this port chooses for a convolution` };
}

/** The aclnnConvolution call for a Conv invocation, or why it has none; undefined when not ours. */
export function planAclnnConv(invocation: Invocation): Plan | undefined {
  if (invocation.kind !== 'operator' || invocation.operator !== 'Conv') return undefined;
  const { inputs, outputs } = invocation;
  const x = inputs.get('X');
  const w = inputs.get('W');
  const y = outputs.get('Y');
  if (!describable(x) || !describable(w) || !describable(y) || inputs.size !== 2 || outputs.size !== 1) return undefined;
  const conv = convAttributes(invocation, 'aclnnConvolution');
  if (!conv?.ok) return conv;
  const { pads, strides, dilations, group } = conv.value;
  const alpha = invocation.args.get('alpha');
  const beta = invocation.args.get('beta');
  if (alpha && numberOf(alpha) !== 1) return { ok: false, reason: `alpha is \`${alpha.text}\`, not the constant 1 (aclnnConvolution has no output scale)` };
  if (beta && numberOf(beta) !== 0) return { ok: false, reason: `beta is \`${beta.text}\`, not the constant 0 (aclnnConvolution overwrites the output)` };
  const rank = x.dims.length;
  if (rank !== 4 || w.dims.length !== 4 || y.dims.length !== 4) return { ok: false, reason: `the convolution is ${rank - 2}-D; this port writes 2-D aclnnConvolution calls` };
  const notNchw = [['x', x], ['w', w], ['y', y]].find(([, t]) => typeof t !== 'string' && t.layout !== 'NCHW');
  if (notNchw) return { ok: false, reason: `${notNchw[0]} is not NCHW; aclnnConvolution takes NCHW tensors only (aclnnConvolution doc), so NHWC data needs an explicit transpose` };
  const spatial = pads.length / 2;
  const begins = pads.slice(0, spatial);
  const ends = pads.slice(spatial);
  if (begins.some((p, i) => p !== ends[i])) return { ok: false, reason: `the pads [${pads.join(', ')}] are not symmetric; aclnnConvolution pads both ends alike` };
  const dtypes = [x, w, y].map((t) => t.dtype!.meaning!);
  if (new Set(dtypes).size > 1) return { ok: false, reason: `x, w and y have different element types (${dtypes.map((d) => d.replace('dtype.', '')).join(', ')}); aclnnConvolution takes one` };
  if (!CONV_DTYPES.includes(dtypes[0])) return { ok: false, reason: `aclnnConvolution takes float32, float16 and bfloat16, not ${dtypes[0].replace('dtype.', '')}` };
  const math = cubeMath(invocation, dtypes[0]);
  if ('reason' in math) return { ok: false, reason: math.reason };
  return {
    ok: true,
    call: {
      op: 'aclnnConvolution',
      args: [
        { kind: 'tensor', name: 'input', view: x, format: 'NCHW' },
        { kind: 'tensor', name: 'weight', view: w, format: 'NCHW' },
        { kind: 'text', text: 'null' }, // bias: cuDNN adds it separately (cudnnAddTensor)
        { kind: 'ints', name: 'stride', values: strides },
        { kind: 'ints', name: 'padding', values: begins },
        { kind: 'ints', name: 'dilation', values: dilations },
        { kind: 'text', text: 'false' }, // transposed
        { kind: 'ints', name: 'outputPadding', values: begins.map(() => '0') },
        { kind: 'text', text: group.text },
        { kind: 'tensor', name: 'output', view: y, format: 'NCHW' },
        { kind: 'enum', enumName: 'cubeMathType', meaning: math.meaning },
      ],
    },
  };
}

export const aclnnConvLowerer: Lowerer = aclnnPlanLowerer('aclnn convolution', planAclnnConv);
