/**
 * T-Head's cudnn-frontend (unconfirmed: acdnn is claimed to keep CUDA's names;
 * docs/backends/thead.md): the CUDA facade's graph run under the T-Head binding.
 */
import { cudnn_frontend as cuda } from '../cuda/index.js';
import { boundGraphClass } from '../cuda-compatible/bound-graph.js';
import { binding } from './binding.js';
import { BuildPlanPolicy_t, DataType_t, HeurMode_t, NormFwdPhase_t, PointwiseMode_t } from './constants.generated.js';

export const cudnn_frontend = Object.freeze({
  graph: Object.freeze({
    Graph: boundGraphClass(binding),
    Tensor_attributes: cuda.graph.Tensor_attributes,
    Layernorm_attributes: cuda.graph.Layernorm_attributes,
    Rmsnorm_attributes: cuda.graph.Rmsnorm_attributes,
    SDPA_attributes: cuda.graph.SDPA_attributes,
    Pointwise_attributes: cuda.graph.Pointwise_attributes,
    Matmul_attributes: cuda.graph.Matmul_attributes,
    ScalarType: cuda.graph.ScalarType,
  }),
  DataType_t,
  PointwiseMode_t,
  NormFwdPhase_t,
  HeurMode_t,
  BuildPlanPolicy_t,
  error_code_t: cuda.error_code_t,
  error_t: cuda.error_t,
});

/** `namespace fe = cudnn_frontend;` as model code writes it. */
export const fe = cudnn_frontend;
