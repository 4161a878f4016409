/**
 * cnnlEmbeddingForward_v2: rows of `weight` gathered by `indices` (Gather along axis 0).
 * padding_idx only affects gradients (the forward still returns that row, as in PyTorch);
 * max_norm renormalises rows in place and is not simulated.
 */
import { DeviceFault } from '../sim/device-fault.js';
import { requireCatalogDType } from './catalog-dtypes.js';
import { cnnlCall } from './library-calls.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { tensorOperand, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import type { cnnlStatus_t } from './constants.generated.js';

export function cnnlEmbeddingForward_v2(
  handle: cnnlHandle_t,
  weight_desc: cnnlTensorDescriptor_t,
  weight: unknown,
  indices_desc: cnnlTensorDescriptor_t,
  indices: unknown,
  padding_idx = -1,
  max_norm: unknown = null,
  norm_type: unknown = null,
  output_desc: cnnlTensorDescriptor_t,
  output: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlEmbeddingForward_v2', (ctx) => {
    const h = requireHandle(handle);
    const W = tensorOperand(ctx.process, weight_desc, weight, 'weight');
    const I = tensorOperand(ctx.process, indices_desc, indices, 'indices');
    const Y = tensorOperand(ctx.process, output_desc, output, 'output');
    requireCatalogDType('cnnlEmbeddingForward_v2', W.view.dtype, 'weights');
    if (W.view.rank !== 2) throw new DeviceFault('invalid-value', `weight must be [num_embeddings, embedding_dim], got rank ${W.view.rank}`);
    if (I.view.dtype !== 'int32' && I.view.dtype !== 'int64') throw new DeviceFault('invalid-value', `indices must be int32 or int64, got ${I.view.dtype}`);
    if (!Number.isInteger(padding_idx)) throw new DeviceFault('invalid-value', `padding_idx must be an integer, got ${padding_idx}`);
    if (max_norm !== null && max_norm !== undefined) throw new DeviceFault('not-supported', 'max_norm renormalises weight rows in place; the facade does not simulate it (pass NULL)');
    void norm_type; // only used with max_norm
    launchCnnl(ctx, h, { op: 'Gather', inputs: [W, I], attributes: { axis: 0 }, outputs: [Y] });
  });
}
