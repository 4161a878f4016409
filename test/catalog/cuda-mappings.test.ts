/**
 * Facts about the CUDA catalog that a porting engineer relies on. Every expected value below is
 * quoted from /work/shared/reference/cuda.md (section in the test name), so a typo in
 * mappings/cuda/*.yaml or profiles/cuda.yaml fails here. Exact comparisons: these are header
 * constants and signatures, not numerics.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { checkCatalog } from '../../src/catalog/check-catalog.js';
import type { Catalog } from '../../src/catalog/catalog.js';

const catalog: Catalog = loadCatalog();
const cuda = catalog.backend('cuda');

function entry(symbol: string) {
  const e = catalog.entry('cuda', symbol);
  if (!e) throw new Error(`the CUDA catalog has no entry '${symbol}'`);
  return e;
}

function members(enumName: string): Record<string, number | null> {
  const e = cuda.enums.get(enumName);
  if (!e) throw new Error(`the CUDA catalog has no enum '${enumName}'`);
  return Object.fromEntries(e.spec.members.map((m) => [m.name, m.value]));
}

function paramNames(symbol: string): string[] {
  return entry(symbol).spec.params.map((p) => p.name);
}

/** The contract of this round (/work/wt/CUDA-SYMBOLS.md): every symbol must be in the catalog. */
const CONTRACT: Record<string, string[]> = {
  'cuda-runtime': [
    'cudaGetDeviceCount', 'cudaSetDevice', 'cudaGetDevice', 'cudaDeviceSynchronize', 'cudaDeviceReset',
    'cudaMalloc', 'cudaFree', 'cudaMallocHost', 'cudaFreeHost', 'cudaHostAlloc', 'cudaMemGetInfo',
    'cudaMemcpy', 'cudaMemcpyAsync', 'cudaMemset', 'cudaMemsetAsync',
    'cudaStreamCreate', 'cudaStreamCreateWithFlags', 'cudaStreamDestroy', 'cudaStreamSynchronize', 'cudaStreamWaitEvent', 'cudaStreamQuery',
    'cudaEventCreate', 'cudaEventCreateWithFlags', 'cudaEventRecord', 'cudaEventSynchronize', 'cudaEventQuery', 'cudaEventElapsedTime', 'cudaEventDestroy',
    'cudaGetLastError', 'cudaPeekAtLastError', 'cudaGetErrorString', 'cudaGetErrorName',
  ],
  cublas: [
    'cublasCreate', 'cublasDestroy', 'cublasSetStream', 'cublasGetStream', 'cublasSetMathMode', 'cublasGetMathMode',
    'cublasSgemm', 'cublasDgemm', 'cublasHgemm', 'cublasGemmEx', 'cublasSgemmStridedBatched', 'cublasGemmStridedBatchedEx',
    'cublasSgemv', 'cublasSaxpy', 'cublasSdot', 'cublasSscal', 'cublasSnrm2', 'cublasSasum', 'cublasIsamax',
  ],
  cublaslt: [
    'cublasLtCreate', 'cublasLtDestroy', 'cublasLtMatmulDescCreate', 'cublasLtMatmulDescDestroy', 'cublasLtMatmulDescSetAttribute',
    'cublasLtMatrixLayoutCreate', 'cublasLtMatrixLayoutDestroy', 'cublasLtMatmulPreferenceCreate', 'cublasLtMatmulPreferenceDestroy',
    'cublasLtMatmulAlgoGetHeuristic', 'cublasLtMatmul',
  ],
  cudnn: [
    'cudnnCreate', 'cudnnDestroy', 'cudnnSetStream', 'cudnnGetStream', 'cudnnGetErrorString',
    'cudnnCreateTensorDescriptor', 'cudnnSetTensor4dDescriptor', 'cudnnSetTensorNdDescriptor', 'cudnnDestroyTensorDescriptor',
    'cudnnCreateFilterDescriptor', 'cudnnSetFilter4dDescriptor', 'cudnnDestroyFilterDescriptor',
    'cudnnCreateConvolutionDescriptor', 'cudnnSetConvolution2dDescriptor', 'cudnnSetConvolutionGroupCount', 'cudnnSetConvolutionMathType', 'cudnnDestroyConvolutionDescriptor',
    'cudnnGetConvolution2dForwardOutputDim', 'cudnnGetConvolutionForwardAlgorithm_v7', 'cudnnGetConvolutionForwardWorkspaceSize', 'cudnnConvolutionForward',
    'cudnnAddTensor', 'cudnnCreateActivationDescriptor', 'cudnnSetActivationDescriptor', 'cudnnDestroyActivationDescriptor', 'cudnnActivationForward',
    'cudnnSoftmaxForward',
    'cudnnCreatePoolingDescriptor', 'cudnnSetPooling2dDescriptor', 'cudnnDestroyPoolingDescriptor', 'cudnnGetPooling2dForwardOutputDim', 'cudnnPoolingForward',
    'cudnnBatchNormalizationForwardInference',
    'cudnnCreateOpTensorDescriptor', 'cudnnSetOpTensorDescriptor', 'cudnnDestroyOpTensorDescriptor', 'cudnnOpTensor',
    'cudnnCreateReduceTensorDescriptor', 'cudnnSetReduceTensorDescriptor', 'cudnnDestroyReduceTensorDescriptor', 'cudnnGetReductionWorkspaceSize', 'cudnnReduceTensor',
    'cudnnTransformTensor',
    'cudnnCreateDropoutDescriptor', 'cudnnDropoutGetStatesSize', 'cudnnDropoutGetReserveSpaceSize', 'cudnnSetDropoutDescriptor', 'cudnnDestroyDropoutDescriptor', 'cudnnDropoutForward',
  ],
  'cudnn-frontend': [
    'Graph', 'set_io_data_type', 'set_intermediate_data_type', 'set_compute_data_type',
    'tensor', 'layernorm', 'rmsnorm', 'sdpa', 'pointwise', 'matmul',
    'validate', 'build_operation_graph', 'create_execution_plans', 'check_support', 'build_plans',
    'get_workspace_size', 'execute',
  ].map((m) => `cudnn_frontend::graph::Graph::${m}`),
  nccl: [
    'ncclGetUniqueId', 'ncclCommInitRank', 'ncclCommInitAll', 'ncclCommDestroy', 'ncclCommCount', 'ncclCommUserRank',
    'ncclAllReduce', 'ncclBroadcast', 'ncclReduce', 'ncclAllGather', 'ncclReduceScatter', 'ncclSend', 'ncclRecv',
    'ncclGroupStart', 'ncclGroupEnd', 'ncclGetErrorString', 'ncclGetVersion',
  ],
  curand: [
    'curandCreateGenerator', 'curandDestroyGenerator', 'curandSetStream', 'curandSetPseudoRandomGeneratorSeed', 'curandSetGeneratorOffset',
    'curandGenerateUniform', 'curandGenerateNormal', 'curandGenerateUniformDouble', 'curandGenerateNormalDouble',
  ],
};

describe('CUDA catalog contract (CUDA-SYMBOLS.md)', () => {
  for (const [library, symbols] of Object.entries(CONTRACT)) {
    it(`lists every ${library} symbol in mappings/cuda/${library}.yaml`, () => {
      const missing = symbols.filter((s) => cuda.entries.get(s)?.library !== library);
      expect(missing).toEqual([]);
    });
  }

  it('has no consistency issue in its own files other than operators not yet written', () => {
    // Operator YAMLs come from other work; every other finding in the CUDA files is a real defect.
    const own = checkCatalog(catalog).filter(
      (i) => (/mappings[\\/]cuda[\\/]/.test(i.file) || /profiles[\\/]cuda\.yaml$/.test(i.file)),
    );
    expect(own.map((i) => `${i.file}:${i.line ?? '?'} ${i.path}: ${i.message}`)).toEqual([]);
  });

  it('marks every CUDA entry native, the source side of every port', () => {
    expect([...cuda.entries.values()].filter((e) => e.spec.status !== 'native').map((e) => e.spec.symbol)).toEqual([]);
  });
});

describe('CUDA runtime facts (cuda.md §1)', () => {
  it('numbers cudaMemcpyKind 0..4 and tags each direction', () => {
    expect(members('cudaMemcpyKind')).toEqual({
      cudaMemcpyHostToHost: 0,
      cudaMemcpyHostToDevice: 1,
      cudaMemcpyDeviceToHost: 2,
      cudaMemcpyDeviceToDevice: 3,
      cudaMemcpyDefault: 4,
    });
    const tags = cuda.enums.get('cudaMemcpyKind')!.spec.members.map((m) => m.meaning);
    expect(tags).toEqual(['copy.host-to-host', 'copy.host-to-device', 'copy.device-to-host', 'copy.device-to-device', 'copy.default']);
  });

  it('uses CUDA 13 cudaError_t values, not the old 0..30 numbering', () => {
    const e = members('cudaError_t');
    expect([e.cudaSuccess, e.cudaErrorInvalidValue, e.cudaErrorMemoryAllocation, e.cudaErrorNotReady, e.cudaErrorIllegalAddress, e.cudaErrorUnknown]).toEqual([0, 1, 2, 600, 700, 999]);
  });

  it('takes (dst, src, count, kind) in cudaMemcpy and puts the output first in cudaEventElapsedTime', () => {
    expect(paramNames('cudaMemcpy')).toEqual(['dst', 'src', 'count', 'kind']);
    expect(entry('cudaMemcpy').spec.params.map((p) => p.role)).toEqual(['dst', 'src', 'bytes', 'copy-kind']);
    expect(paramNames('cudaEventElapsedTime')).toEqual(['ms', 'start', 'end']);
  });
});

describe('cuBLAS facts (cuda.md §2, §3)', () => {
  it('numbers cublasOperation_t with CUBLAS_OP_T = 1', () => {
    const op = members('cublasOperation_t');
    expect([op.CUBLAS_OP_N, op.CUBLAS_OP_T, op.CUBLAS_OP_C]).toEqual([0, 1, 2]);
  });

  it('keeps the non-monotonic cudaDataType_t numbering (CUDA_R_16F = 2)', () => {
    const dt = members('cudaDataType_t');
    expect([dt.CUDA_R_32F, dt.CUDA_R_64F, dt.CUDA_R_16F, dt.CUDA_R_8I, dt.CUDA_R_16BF, dt.CUDA_R_8F_E4M3]).toEqual([0, 1, 2, 3, 14, 28]);
  });

  it('gives cublasSgemm its header parameter order and resolves the _v2 alias', () => {
    expect(paramNames('cublasSgemm')).toEqual(['handle', 'transa', 'transb', 'm', 'n', 'k', 'alpha', 'A', 'lda', 'B', 'ldb', 'beta', 'C', 'ldc']);
    expect(catalog.entry('cuda', 'cublasSgemm_v2')?.spec.symbol).toBe('cublasSgemm');
    const binds = entry('cublasSgemm').spec.binds;
    expect('operator' in binds && binds.operator).toBe('Gemm');
    expect('operator' in binds && binds.layout).toBe('column-major');
  });

  it('takes computeType and algo last in cublasGemmEx, with compute-type values from cublas_api.h', () => {
    expect(paramNames('cublasGemmEx').slice(-2)).toEqual(['computeType', 'algo']);
    const ct = members('cublasComputeType_t');
    expect([ct.CUBLAS_COMPUTE_16F, ct.CUBLAS_COMPUTE_32F, ct.CUBLAS_COMPUTE_32F_FAST_TF32]).toEqual([64, 68, 77]);
    expect(members('cublasStatus_t').CUBLAS_STATUS_INVALID_VALUE).toBe(7);
  });
});

describe('cuBLASLt facts (cuda.md §4)', () => {
  it('composes epilogue values from flags (GELU_BIAS = GELU | BIAS = 36)', () => {
    const ep = members('cublasLtEpilogue_t');
    expect([ep.CUBLASLT_EPILOGUE_DEFAULT, ep.CUBLASLT_EPILOGUE_RELU, ep.CUBLASLT_EPILOGUE_BIAS, ep.CUBLASLT_EPILOGUE_GELU]).toEqual([1, 2, 4, 32]);
    expect(ep.CUBLASLT_EPILOGUE_RELU_BIAS).toBe((ep.CUBLASLT_EPILOGUE_RELU ?? 0) | (ep.CUBLASLT_EPILOGUE_BIAS ?? 0));
    expect(ep.CUBLASLT_EPILOGUE_GELU_BIAS).toBe(36);
  });

  it('binds the bias + GELU epilogue as Gemm then Add then Gelu', () => {
    const binds = entry('cublasLtMatmul').spec.binds;
    if (!('operator' in binds)) throw new Error('cublasLtMatmul must bind an operator');
    const geluBias = binds.variants?.find((v) => v.when === 'CUBLASLT_EPILOGUE_GELU_BIAS');
    expect(geluBias?.then?.map((s) => s.operator)).toEqual(['Add', 'Gelu']);
  });
});

describe('cuDNN facts (cuda.md §5)', () => {
  it('uses cuDNN 9 status codes', () => {
    const s = members('cudnnStatus_t');
    expect([s.CUDNN_STATUS_SUCCESS, s.CUDNN_STATUS_NOT_INITIALIZED, s.CUDNN_STATUS_BAD_PARAM, s.CUDNN_STATUS_NOT_SUPPORTED, s.CUDNN_STATUS_INTERNAL_ERROR, s.CUDNN_STATUS_EXECUTION_FAILED]).toEqual([0, 1001, 2000, 3000, 4000, 5000]);
    expect(s.CUDNN_STATUS_ALLOC_FAILED).toBe(4003);
  });

  it('orders dataType before format in cudnnSetFilter4dDescriptor, the opposite of cudnnSetTensor4dDescriptor', () => {
    expect(paramNames('cudnnSetTensor4dDescriptor').slice(1, 3)).toEqual(['format', 'dataType']);
    expect(paramNames('cudnnSetFilter4dDescriptor').slice(1, 3)).toEqual(['dataType', 'format']);
  });

  it('picks Softmax or LogSoftmax by algorithm', () => {
    const binds = entry('cudnnSoftmaxForward').spec.binds;
    if (!('operator' in binds)) throw new Error('cudnnSoftmaxForward must bind an operator');
    expect(binds.operator).toBe('Softmax');
    expect(binds.variants?.find((v) => v.when === 'CUDNN_SOFTMAX_LOG')?.operator).toBe('LogSoftmax');
    expect(members('cudnnSoftmaxAlgorithm_t')).toEqual({ CUDNN_SOFTMAX_FAST: 0, CUDNN_SOFTMAX_ACCURATE: 1, CUDNN_SOFTMAX_LOG: 2 });
  });
});

describe('cudnn-frontend facts (cuda.md §6)', () => {
  it('binds sdpa to Attention and warns that an unset attn_scale means no scaling', () => {
    const binds = entry('cudnn_frontend::graph::Graph::sdpa').spec.binds;
    if (!('operator' in binds)) throw new Error('sdpa must bind an operator');
    expect(binds.operator).toBe('Attention');
    expect(binds.notes).toMatch(/no implicit 1\/sqrt\(d\)/);
  });

  it('maps GELU_APPROX_TANH_FWD to Gelu(approximate = tanh) and SWISH_FWD to Silu', () => {
    const binds = entry('cudnn_frontend::graph::Graph::pointwise').spec.binds;
    if (!('operator' in binds)) throw new Error('pointwise must bind an operator');
    expect(binds.variants?.find((v) => v.when === 'GELU_APPROX_TANH_FWD')?.fixed).toEqual({ approximate: 'tanh' });
    expect(binds.variants?.find((v) => v.when === 'SWISH_FWD')?.operator).toBe('Silu');
    expect(members('cudnnPointwiseMode_t').CUDNN_POINTWISE_GELU_APPROX_TANH_FWD).toBe(107);
  });
});

describe('NCCL facts (cuda.md §7)', () => {
  it('counts per-rank send elements in ncclAllGather and per-rank receive elements in ncclReduceScatter', () => {
    expect(paramNames('ncclAllGather')).toEqual(['sendbuff', 'recvbuff', 'sendcount', 'datatype', 'comm', 'stream']);
    expect(paramNames('ncclReduceScatter')).toEqual(['sendbuff', 'recvbuff', 'recvcount', 'datatype', 'op', 'comm', 'stream']);
    const allGather = entry('ncclAllGather').spec;
    expect('operator' in allGather.binds && allGather.binds.notes).toMatch(/per-rank send count/);
  });

  it('uses NCCL 2.30 result codes (ncclTimeout = 8, ncclNumResults = 9)', () => {
    const r = members('ncclResult_t');
    expect([r.ncclSuccess, r.ncclInvalidArgument, r.ncclInProgress, r.ncclTimeout, r.ncclNumResults]).toEqual([0, 4, 7, 8, 9]);
    expect(members('ncclRedOp_t').ncclAvg).toBe(4);
  });
});

describe('cuRAND facts (cuda.md §8)', () => {
  it('binds curandGenerateNormal to RandomNormal with stddev as ONNX scale', () => {
    const e = entry('curandGenerateNormal').spec;
    expect(paramNames('curandGenerateNormal')).toEqual(['generator', 'outputPtr', 'n', 'mean', 'stddev']);
    expect(e.params.find((p) => p.name === 'stddev')?.role).toBe('attr:scale');
    expect('operator' in e.binds && e.binds.operator).toBe('RandomNormal');
    expect(members('curandRngType_t').CURAND_RNG_PSEUDO_PHILOX4_32_10).toBe(161);
  });
});

describe('CUDA numeric profiles (cuda.md §9)', () => {
  it('keeps fp32 GEMM exact by default and switches to TF32 only through the math-mode knob', () => {
    expect(cuda.defaultProfile).toBe('cuda.default');
    expect(catalog.profile('cuda.cublas-default').matmul.format).toBe('fp32');
    const knob = catalog.knobsFor('cuda', 'cublasSetMathMode')[0];
    const tf32 = knob?.spec.values.find((v) => v.member === 'CUBLAS_TF32_TENSOR_OP_MATH');
    expect(tf32?.value).toBe(members('cublasMath_t').CUBLAS_TF32_TENSOR_OP_MATH);
    expect(tf32?.set.matmul?.format).toBe('tf32');
    expect(catalog.profile('cuda.cublas-tf32').matmul.format).toBe('tf32');
  });

  it('records the cuDNN TF32 default as inferred, not confirmed', () => {
    expect(catalog.findProfile('cuda.cudnn-default-math')?.spec.confidence).toBe('inferred');
    expect(catalog.profile('cuda.cudnn-default-math').conv.format).toBe('tf32');
    expect(catalog.profile('cuda.cudnn-fma-math').conv.format).toBe('fp32');
  });

  it('gives half GEMM under CUBLAS_COMPUTE_16F a float16 accumulator', () => {
    expect(catalog.profile('cuda.cublas-16f').matmul).toMatchObject({ format: 'fp16', accumulate: 'float16' });
    const knob = catalog.knobsFor('cuda', 'cublasGemmEx').find((k) => k.spec.param === 'computeType');
    expect(knob?.spec.values.find((v) => v.member === 'CUBLAS_COMPUTE_32F')?.set.matmul?.accumulate).toBe('float32');
  });
});
