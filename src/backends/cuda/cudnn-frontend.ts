/**
 * The cuDNN graph API in the shape of NVIDIA's cudnn-frontend v1 (C++ namespace
 * cudnn_frontend, exported as the object `cudnn_frontend` and its usual alias `fe`):
 * `new fe.graph.Graph()`, `fe.graph.Tensor_attributes`, the attribute classes, the enum
 * classes (names as values: their C++ ordinals are not an ABI) and error_t.
 */
import { BuildPlanPolicy_t, DataType_t, DiagonalAlignment_t, HeurMode_t, NormFwdPhase_t, PointwiseMode_t, ScalarType, error_code_t } from './constants.generated.js';
import { Layernorm_attributes, Matmul_attributes, Pointwise_attributes, Rmsnorm_attributes, SDPA_attributes } from './cudnn-fe-attributes.js';
import { error_t } from './cudnn-fe-error.js';
import { Graph } from './cudnn-fe-graph.js';
import { Tensor_attributes } from './cudnn-fe-tensor.js';

export const cudnn_frontend = Object.freeze({
  graph: Object.freeze({
    Graph,
    Tensor_attributes,
    Layernorm_attributes,
    Rmsnorm_attributes,
    SDPA_attributes,
    Pointwise_attributes,
    Matmul_attributes,
    ScalarType,
  }),
  DataType_t,
  PointwiseMode_t,
  NormFwdPhase_t,
  HeurMode_t,
  BuildPlanPolicy_t,
  DiagonalAlignment_t,
  error_code_t,
  error_t,
});

/** `namespace fe = cudnn_frontend;` as model code writes it. */
export const fe = cudnn_frontend;

export type { VariantPack } from './cudnn-fe-graph.js';
