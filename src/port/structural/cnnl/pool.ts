/**
 * MaxPool and AveragePool (from cudnnPoolingForward) → cnnlPoolingForward
 * (mappings/cambricon/cnnl.yaml): x and y described in their own layout — CNNL pooling takes NHWC
 * (PaddleCustomDevice, DIOPI) or NCHW descriptors (InfiniTensor's RefactorGraph), so no
 * transpose — a pooling descriptor from cnnlSetPooling2dDescriptor_v2 (CNNL_POOLING_MAX, or for
 * AveragePool CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING / _EXCLUDE_PADDING by count_include_pad,
 * the pairing DIOPI and torch_mlu make; NaN propagated as ONNX does, pads up/down/left/right, no
 * dilation, floor rounding as cuDNN's legacy pooling), the workspace from
 * cnnlGetPoolingWorkspaceSize (output width before height), and cuDNN's alpha / beta, which CNNL
 * pooling blends the same way.
 */
import type { Invocation } from '../../ir/invocation.js';
import { listItems } from '../dnn/conv-lifter.js';
import type { DnnPlan } from './cnnl-dnn.js';
import { isFourD, labelledByStrides } from './conv-channels-last.js';

const AVERAGE_MODES: Readonly<Record<number, string>> = { 0: 'CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING', 1: 'CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING' };

export function planCnnlPool(invocation: Invocation): DnnPlan | undefined {
  if (invocation.kind !== 'operator' || (invocation.operator !== 'MaxPool' && invocation.operator !== 'AveragePool')) return undefined;
  const { inputs, outputs, attributes } = invocation;
  const x = labelledByStrides(inputs.get('X'));
  const y = labelledByStrides(outputs.get('Y'));
  const list = (name: string) => {
    const text = attributes.get(name)?.expr.text;
    return text === undefined ? undefined : listItems(text);
  };
  const [kernel, pads, strides] = [list('kernel_shape'), list('pads'), list('strides')];
  if (!x?.dims || !y?.dims || inputs.size !== 1 || outputs.size !== 1 || !kernel || !pads || !strides) return undefined;
  if (!isFourD(x) || !isFourD(y) || x.layout !== y.layout) return { ok: false, reason: 'x and y are not 4-D tensors of one layout (NCHW or NHWC); this port writes 2-D pooling on packed data' };
  if (kernel.length !== 2 || strides.length !== 2 || pads.length !== 4) return { ok: false, reason: 'the window, strides or pads are not 2-D lists the port can read' };
  const include = attributes.get('count_include_pad')?.expr.value;
  const modeName = invocation.operator === 'MaxPool' ? 'CNNL_POOLING_MAX' : include?.kind === 'number' ? AVERAGE_MODES[include.value] : undefined;
  if (!modeName) return { ok: false, reason: 'count_include_pad is not a constant 0 or 1' };
  const blend = ['alpha', 'beta'].map((name) => invocation.args.get(name));
  const impure = blend.find((e) => e && !e.pure);
  if (impure) return { ok: false, reason: `\`${impure.text}\` has side effects` };
  const [alpha, beta] = [blend[0]?.text ?? '1', blend[1]?.text ?? '0'];
  return {
    ok: true,
    dtype: x.dtype,
    emit: (s, handle, dataType) => {
      const layout = x.layout === 'NCHW' ? 'CNNL_LAYOUT_NCHW' : 'CNNL_LAYOUT_NHWC';
      const memory = (dims: typeof x.dims) => (x.layout === 'NCHW' ? dims : [dims[0], dims[2], dims[3], dims[1]]);
      const xDesc = s.tensor('x', { dims: memory(x.dims), strides: [] }, dataType, layout);
      const yDesc = s.tensor('y', { dims: memory(y.dims), strides: [] }, dataType, layout);
      const mode = s.value(modeName);
      // ONNX pads: [top, left, bottom, right]; CNNL: up, down, left, right.
      const pool = s.descriptor('poolDesc', 'cnnlPoolingDescriptor_t', 'cnnlCreatePoolingDescriptor', 'cnnlDestroyPoolingDescriptor', [
        `${s.value('cnnlSetPooling2dDescriptor_v2')}($, ${mode}, ${s.value('CNNL_PROPAGATE_NAN')}, ${kernel[0]}, ${kernel[1]}, ${pads[0]}, ${pads[2]}, ${pads[1]}, ${pads[3]}, ${strides[0]}, ${strides[1]}, 1, 1, false)`,
      ]);
      const queue = s.queue(undefined, handle);
      const [, , outH, outW] = y.dims;
      const ws = s.workspace('pool', (size) => `${s.value('cnnlGetPoolingWorkspaceSize')}(${handle}, ${mode}, ${outW.text}, ${outH.text}, ${size})`, queue);
      return `${s.value('cnnlPoolingForward')}(${handle}, ${pool}, ${alpha}, ${xDesc}, ${x.ptr.text}, ${beta}, ${yDesc}, ${y.ptr.text}, ${ws.ptr}, ${ws.size})`;
    },
  };
}
