/**
 * The result structs CUDA calls fill in, with a target's enum types in their enum fields
 * (`CompatibleBackend` translates the values after the call).
 */
import type { cublasLtMatmulHeuristicResult_t, cudnnConvolutionFwdAlgoPerf_t } from '../cuda/index.js';

/** cudnnConvolutionFwdAlgoPerf_t with the target's algorithm, status and math-type enums. */
export type ConvolutionFwdAlgoPerf<Algo, Status, MathType, Determinism = cudnnConvolutionFwdAlgoPerf_t['determinism']> = Omit<
  cudnnConvolutionFwdAlgoPerf_t,
  'algo' | 'status' | 'mathType' | 'determinism'
> & { algo: Algo; status: Status; mathType: MathType; determinism: Determinism };

/** cublasLtMatmulHeuristicResult_t with the target's status enum. */
export type MatmulHeuristicResult<Status> = Omit<cublasLtMatmulHeuristicResult_t, 'state'> & { state: Status };
