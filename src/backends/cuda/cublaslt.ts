/** The cuBLASLt API of the facade (cublasLt.h, cuBLAS 13.1): matmul with layouts, heuristics and fused epilogues. */
export {
  cublasLtCreate,
  cublasLtDestroy,
  cublasLtMatmulDescCreate,
  cublasLtMatmulDescDestroy,
  cublasLtMatmulDescSetAttribute,
  cublasLtMatrixLayoutCreate,
  cublasLtMatrixLayoutSetAttribute,
  cublasLtMatrixLayoutDestroy,
  cublasLtMatmulPreferenceCreate,
  cublasLtMatmulPreferenceSetAttribute,
  cublasLtMatmulPreferenceDestroy,
  type cublasLtHandle_t,
  type cublasLtMatmulDesc_t,
  type cublasLtMatrixLayout_t,
  type cublasLtMatmulPreference_t,
} from './cublaslt-descriptors.js';
export { cublasLtMatmulAlgoGetHeuristic, cublasLtMatmul, cublasLtMatmulAlgo_t, type cublasLtMatmulHeuristicResult_t } from './cublaslt-matmul.js';
