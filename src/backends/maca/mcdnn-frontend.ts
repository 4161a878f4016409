/**
 * MetaX's mcdnn_frontend (cudnn-frontend v1 in the mcdnn_frontend namespace, header
 * mcdnn_frontend.h; docs/backends/maca.md): the CUDA facade's graph run under the MACA
 * binding. Only get_workspace_size differs: mcTVM calls the overload that returns the size,
 * and the catalog records only that one.
 */
import { cudnn_frontend } from '../cuda/index.js';
import { boundGraphClass } from '../cuda-compatible/bound-graph.js';
import { binding } from './binding.js';
import { BuildPlanPolicy_t, DataType_t, HeurMode_t, NormFwdPhase_t, PointwiseMode_t } from './constants.generated.js';

class Graph extends boundGraphClass(binding) {
  /** Workspace bytes the built plan needs (0 before build_plans). The out-parameter form is not MACA's: passing one does not type-check. */
  override get_workspace_size(): number;
  override get_workspace_size(cudnn_workspace_size: never): never;
  override get_workspace_size(): number {
    return binding.run(() => this.inner.get_workspace_size());
  }
}

const cuda = cudnn_frontend.graph;

export const mcdnn_frontend = Object.freeze({
  graph: Object.freeze({
    Graph,
    Tensor_attributes: cuda.Tensor_attributes,
    Layernorm_attributes: cuda.Layernorm_attributes,
    Rmsnorm_attributes: cuda.Rmsnorm_attributes,
    SDPA_attributes: cuda.SDPA_attributes,
    Pointwise_attributes: cuda.Pointwise_attributes,
    Matmul_attributes: cuda.Matmul_attributes,
    ScalarType: cuda.ScalarType,
  }),
  DataType_t,
  PointwiseMode_t,
  NormFwdPhase_t,
  HeurMode_t,
  BuildPlanPolicy_t,
  error_code_t: cudnn_frontend.error_code_t,
  error_t: cudnn_frontend.error_t,
});
