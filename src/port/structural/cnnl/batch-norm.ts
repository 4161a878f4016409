/**
 * BatchNormalization (inference, from cudnnBatchNormalizationForwardInference in SPATIAL mode) →
 * cnnlBatchNormForwardInference (mappings/cambricon/cnnl.yaml): x and y channels-last (NCHW data
 * staged through cnnlTranspose_v2, conv-channels-last.ts, as DIOPI does), one CNNL_LAYOUT_ARRAY
 * descriptor of C elements for weight, bias, mean and variance, epsilon as given, NULL alpha and
 * beta. Declined with the reason: alpha ≠ 1 or beta ≠ 0 (y is written through a staging buffer),
 * parameters that are not packed vectors of one element type, tensors that are not 4-D NCHW/NHWC.
 */
import type { Expr } from '../../ir/expr.js';
import type { Invocation } from '../../ir/invocation.js';
import { isContiguous } from '../dnn/cudnn-descriptors.js';
import type { DnnPlan } from './cnnl-dnn.js';
import { numberOf } from './cnnl-statements.js';
import { ChannelsLast, isFourD, labelledByStrides } from './conv-channels-last.js';

export function planCnnlBatchNorm(invocation: Invocation): DnnPlan | undefined {
  if (invocation.kind !== 'operator' || invocation.operator !== 'BatchNormalization') return undefined;
  const { inputs, outputs, attributes } = invocation;
  const x = labelledByStrides(inputs.get('X'));
  const y = labelledByStrides(outputs.get('Y'));
  const [scale, bias, mean, variance] = ['scale', 'B', 'input_mean', 'input_var'].map((n) => inputs.get(n));
  const epsilon = attributes.get('epsilon')?.expr;
  if (!x || !y || outputs.size !== 1 || !scale?.dims || !bias || !mean || !variance || !epsilon) return undefined;
  const alpha = invocation.args.get('alpha');
  const beta = invocation.args.get('beta');
  if (alpha && numberOf(alpha) !== 1) return { ok: false, reason: `alpha is \`${alpha.text}\`, not the constant 1 (the port writes y through an NHWC staging buffer, so it passes no scaling)` };
  if (beta && numberOf(beta) !== 0) return { ok: false, reason: `beta is \`${beta.text}\`, not the constant 0 (the port writes y through an NHWC staging buffer, so there is no old y to blend with)` };
  if (!isFourD(x) || !isFourD(y) || x.layout !== y.layout) return { ok: false, reason: 'x and y are not 4-D tensors of one layout (NCHW or NHWC); this port writes 2-D batch norm on packed data' };
  if (!epsilon.pure) return { ok: false, reason: `epsilon \`${epsilon.text}\` has side effects` };
  const odd = [scale, bias, mean, variance].find((p) => p.dims?.length !== 1 || !isContiguous(p) || p.dtype?.meaning !== scale.dtype?.meaning);
  if (odd) return { ok: false, reason: `\`${odd.ptr.text}\` is not a packed vector of the other parameters' element type (cnnlBatchNormForwardInference describes weight, bias, mean and variance with one descriptor)` };
  const channels: Expr = scale.dims[0];
  return {
    ok: true,
    dtype: x.dtype,
    emit: (s, handle, dataType) => {
      const queue = s.queue(undefined, handle);
      const stage = new ChannelsLast(s, handle, queue, dataType);
      const xs = stage.input('x', x);
      const ys = stage.output('y', y);
      const parameterType = s.dataType(scale.dtype) ?? dataType;
      const wbmv = s.tensor('wbmv', { dims: [channels], strides: [] }, parameterType);
      const call = `${s.value('cnnlBatchNormForwardInference')}(${handle}, null, null, ${xs.desc}, ${xs.ptr}, ${wbmv}, ${[scale, bias, mean, variance].map((p) => p.ptr.text).join(', ')}, ${epsilon.text}, ${ys.desc}, ${ys.ptr})`;
      stage.finish();
      return call;
    },
  };
}
