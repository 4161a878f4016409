/**
 * Inference of one pre-LN transformer encoder block (GPT-2 / ViT style: LayerNorm before each
 * sub-layer, residual stream untouched by normalisation) in fp32, library calls only:
 *
 *   h   = LayerNorm1(x)                       cudnn-frontend layernorm graph (inference)
 *   qkv = h·Wqkvᵀ + bqkv                      cuBLASLt, BIAS epilogue
 *   S   = Q·Kᵀ / √d  per (sequence, head)     cublasSgemmStridedBatched over the heads
 *   P   = softmax(S) over the key axis        cudnnSoftmaxForward
 *   a   = P·V, heads side by side             cublasSgemmStridedBatched
 *   x1  = x + a·Woᵀ + bo                      cuBLASLt BIAS, residual with cublasSaxpy
 *   y   = x1 + GELU(LayerNorm2(x1)·W1ᵀ + b1)·W2ᵀ + b2
 *                                             cuBLASLt GELU_BIAS and BIAS, cublasSaxpy
 *
 * Bidirectional (encoder) attention: no mask. Activations are row-major [tokens, features]
 * with tokens = batch × sequence; weights are nn.Linear's [out, in]. cuBLAS is column-major,
 * so Y = X·Wᵀ is issued as Yᵀ = W·Xᵀ: W read column-major is Wᵀ (in × out, ld = in),
 * transposed back with CUBLAS_OP_T. The qkv rows hold Q | K | V, head h at columns h·d of each.
 */
import {
  CUBLASLT_EPILOGUE_BIAS,
  CUBLASLT_EPILOGUE_GELU_BIAS,
  CUBLASLT_MATMUL_DESC_BIAS_POINTER,
  CUBLASLT_MATMUL_DESC_EPILOGUE,
  CUBLASLT_MATMUL_DESC_TRANSA,
  CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES,
  CUBLAS_COMPUTE_32F,
  CUBLAS_OP_N,
  CUBLAS_OP_T,
  CUBLAS_STATUS_SUCCESS,
  CUDA_R_32F,
  CUDNN_DATA_FLOAT,
  CUDNN_SOFTMAX_ACCURATE,
  CUDNN_SOFTMAX_MODE_CHANNEL,
  CUDNN_STATUS_SUCCESS,
  CUDNN_TENSOR_NCHW,
  cublasCreate,
  cublasDestroy,
  cublasLtCreate,
  cublasLtDestroy,
  cublasLtMatmul,
  cublasLtMatmulAlgoGetHeuristic,
  cublasLtMatmulDescCreate,
  cublasLtMatmulDescDestroy,
  cublasLtMatmulDescSetAttribute,
  cublasLtMatmulPreferenceCreate,
  cublasLtMatmulPreferenceDestroy,
  cublasLtMatmulPreferenceSetAttribute,
  cublasLtMatrixLayoutCreate,
  cublasLtMatrixLayoutDestroy,
  cublasSaxpy,
  cublasSetStream,
  cublasSgemmStridedBatched,
  cudaFree,
  cudaGetErrorString,
  cudaMalloc,
  cudaMemcpy,
  cudaMemcpyDeviceToHost,
  cudaMemcpyHostToDevice,
  cudaSetDevice,
  cudaStreamCreate,
  cudaStreamDestroy,
  cudaStreamSynchronize,
  cudaSuccess,
  cudnnCreate,
  cudnnCreateTensorDescriptor,
  cudnnDestroy,
  cudnnDestroyTensorDescriptor,
  cudnnGetErrorString,
  cudnnSetStream,
  cudnnSetTensor4dDescriptor,
  cudnnSoftmaxForward,
  fe,
  randomFloat32,
  ref,
  type DevicePtr,
  type cublasHandle_t,
  type cublasLtEpilogue_t,
  type cublasLtHandle_t,
  type cublasLtMatmulDesc_t,
  type cublasLtMatmulHeuristicResult_t,
  type cublasLtMatmulPreference_t,
  type cublasLtMatrixLayout_t,
  type cublasStatus_t,
  type cudaError_t,
  type cudaStream_t,
  type cudnnHandle_t,
  type cudnnStatus_t,
  type cudnnTensorDescriptor_t,
} from 'opbridge/cuda';

const BATCH = 2;
const SEQ = 16;
const TOKENS = BATCH * SEQ;
const D_MODEL = 64;
const HEADS = 4;
const D_HEAD = D_MODEL / HEADS;
const D_FF = 4 * D_MODEL;
const LN_EPSILON = 1e-5;
const WORKSPACE_BYTES = 4 << 20;

function checkCuda(status: cudaError_t, what: string): void {
  if (status !== cudaSuccess) throw new Error(`${what}: ${cudaGetErrorString(status)}`);
}

function checkCublas(status: cublasStatus_t, what: string): void {
  if (status !== CUBLAS_STATUS_SUCCESS) throw new Error(`${what}: cuBLAS status ${status}`);
}

function checkCudnn(status: cudnnStatus_t, what: string): void {
  if (status !== CUDNN_STATUS_SUCCESS) throw new Error(`${what}: ${cudnnGetErrorString(status)}`);
}

/** cudnn_frontend::error_t, the result of every graph call. */
type error_t = InstanceType<typeof fe.error_t>;

function checkFrontend(error: error_t, what: string): void {
  if (!error.is_good()) throw new Error(`${what}: ${error.get_message()}`);
}

function upload(host: Float32Array, what: string): DevicePtr {
  const p = ref<DevicePtr>();
  checkCuda(cudaMalloc(p, host.byteLength), `cudaMalloc ${what}`);
  checkCuda(cudaMemcpy(p.value, host, host.byteLength, cudaMemcpyHostToDevice), `copy ${what}`);
  return p.value;
}

function allocate(bytes: number, what: string): DevicePtr {
  const p = ref<DevicePtr>();
  checkCuda(cudaMalloc(p, bytes), `cudaMalloc ${what}`);
  return p.value;
}

/** nn.Linear parameters: weight [out, in] and bias [out], uniform in ±1/√in. */
function linearParameters(inFeatures: number, outFeatures: number, seed: number) {
  const bound = 1 / Math.sqrt(inFeatures);
  return { weight: randomFloat32(outFeatures * inFeatures, seed, -bound, bound), bias: randomFloat32(outFeatures, seed + 1, -bound, bound) };
}

/** Y[rows, out] = epilogue(X[rows, in]·Wᵀ + b) with cuBLASLt, as Yᵀ = W·Xᵀ column-major. */
function linear(
  lt: cublasLtHandle_t,
  epilogue: cublasLtEpilogue_t,
  weight: DevicePtr,
  bias: DevicePtr,
  x: DevicePtr,
  y: DevicePtr,
  rows: number,
  inFeatures: number,
  outFeatures: number,
  workspace: DevicePtr,
  stream: cudaStream_t,
): void {
  const desc = ref<cublasLtMatmulDesc_t>();
  checkCublas(cublasLtMatmulDescCreate(desc, CUBLAS_COMPUTE_32F, CUDA_R_32F), 'cublasLtMatmulDescCreate');
  checkCublas(cublasLtMatmulDescSetAttribute(desc.value, CUBLASLT_MATMUL_DESC_TRANSA, new Int32Array([CUBLAS_OP_T]), 4), 'set TRANSA');
  checkCublas(cublasLtMatmulDescSetAttribute(desc.value, CUBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([epilogue]), 4), 'set EPILOGUE');
  checkCublas(cublasLtMatmulDescSetAttribute(desc.value, CUBLASLT_MATMUL_DESC_BIAS_POINTER, bias, 8), 'set BIAS_POINTER');
  const layoutW = ref<cublasLtMatrixLayout_t>();
  const layoutX = ref<cublasLtMatrixLayout_t>();
  const layoutY = ref<cublasLtMatrixLayout_t>();
  checkCublas(cublasLtMatrixLayoutCreate(layoutW, CUDA_R_32F, inFeatures, outFeatures, inFeatures), 'layout W');
  checkCublas(cublasLtMatrixLayoutCreate(layoutX, CUDA_R_32F, inFeatures, rows, inFeatures), 'layout X');
  checkCublas(cublasLtMatrixLayoutCreate(layoutY, CUDA_R_32F, outFeatures, rows, outFeatures), 'layout Y');
  const preference = ref<cublasLtMatmulPreference_t>();
  checkCublas(cublasLtMatmulPreferenceCreate(preference), 'cublasLtMatmulPreferenceCreate');
  checkCublas(
    cublasLtMatmulPreferenceSetAttribute(preference.value, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, new BigUint64Array([BigInt(WORKSPACE_BYTES)]), 8),
    'set MAX_WORKSPACE_BYTES',
  );
  const heuristics: cublasLtMatmulHeuristicResult_t[] = [];
  const found = ref<number>();
  checkCublas(cublasLtMatmulAlgoGetHeuristic(lt, desc.value, layoutW.value, layoutX.value, layoutY.value, layoutY.value, preference.value, 1, heuristics, found), 'heuristic');
  if (found.value === 0) throw new Error(`cuBLASLt found no algorithm for a ${rows}×${inFeatures} → ${outFeatures} linear layer`);
  checkCublas(
    cublasLtMatmul(lt, desc.value, 1, weight, layoutW.value, x, layoutX.value, 0, y, layoutY.value, y, layoutY.value, heuristics[0].algo, workspace, WORKSPACE_BYTES, stream),
    'cublasLtMatmul',
  );
  checkCublas(cublasLtMatmulPreferenceDestroy(preference.value), 'cublasLtMatmulPreferenceDestroy');
  checkCublas(cublasLtMatrixLayoutDestroy(layoutW.value), 'destroy layout W');
  checkCublas(cublasLtMatrixLayoutDestroy(layoutX.value), 'destroy layout X');
  checkCublas(cublasLtMatrixLayoutDestroy(layoutY.value), 'destroy layout Y');
  checkCublas(cublasLtMatmulDescDestroy(desc.value), 'cublasLtMatmulDescDestroy');
}

export function main() {
  checkCuda(cudaSetDevice(0), 'cudaSetDevice');
  const stream = ref<cudaStream_t>();
  checkCuda(cudaStreamCreate(stream), 'cudaStreamCreate');
  const cublas = ref<cublasHandle_t>();
  checkCublas(cublasCreate(cublas), 'cublasCreate');
  checkCublas(cublasSetStream(cublas.value, stream.value), 'cublasSetStream');
  const lt = ref<cublasLtHandle_t>();
  checkCublas(cublasLtCreate(lt), 'cublasLtCreate');
  const cudnn = ref<cudnnHandle_t>();
  checkCudnn(cudnnCreate(cudnn), 'cudnnCreate');
  checkCudnn(cudnnSetStream(cudnn.value, stream.value), 'cudnnSetStream');

  // ---- host parameters and input
  const x = randomFloat32(TOKENS * D_MODEL, 100);
  const ln1 = { gamma: randomFloat32(D_MODEL, 101, 0.8, 1.2), beta: randomFloat32(D_MODEL, 102, -0.1, 0.1) };
  const ln2 = { gamma: randomFloat32(D_MODEL, 103, 0.8, 1.2), beta: randomFloat32(D_MODEL, 104, -0.1, 0.1) };
  const qkvProj = linearParameters(D_MODEL, 3 * D_MODEL, 110);
  const outProj = linearParameters(D_MODEL, D_MODEL, 120);
  const fc1 = linearParameters(D_MODEL, D_FF, 130);
  const fc2 = linearParameters(D_FF, D_MODEL, 140);

  const dX = upload(x, 'x');
  const dLn1 = [upload(ln1.gamma, 'ln1 gamma'), upload(ln1.beta, 'ln1 beta')];
  const dLn2 = [upload(ln2.gamma, 'ln2 gamma'), upload(ln2.beta, 'ln2 beta')];
  const dQkvW = upload(qkvProj.weight, 'Wqkv');
  const dQkvB = upload(qkvProj.bias, 'bqkv');
  const dOutW = upload(outProj.weight, 'Wo');
  const dOutB = upload(outProj.bias, 'bo');
  const dFc1W = upload(fc1.weight, 'W1');
  const dFc1B = upload(fc1.bias, 'b1');
  const dFc2W = upload(fc2.weight, 'W2');
  const dFc2B = upload(fc2.bias, 'b2');
  const dNormed = allocate(TOKENS * D_MODEL * 4, 'normed');
  const dQkv = allocate(TOKENS * 3 * D_MODEL * 4, 'qkv');
  const dScores = allocate(BATCH * HEADS * SEQ * SEQ * 4, 'scores');
  const dProbs = allocate(BATCH * HEADS * SEQ * SEQ * 4, 'probs');
  const dContext = allocate(TOKENS * D_MODEL * 4, 'context');
  const dResidual = allocate(TOKENS * D_MODEL * 4, 'x1');
  const dHidden = allocate(TOKENS * D_FF * 4, 'mlp hidden');
  const dY = allocate(TOKENS * D_MODEL * 4, 'y');
  const dWorkspace = allocate(WORKSPACE_BYTES, 'cuBLASLt workspace');

  // ---- LayerNorm graph: X [tokens, d_model, 1, 1] normalised over d_model, built once and run for both norms
  const graph = new fe.graph.Graph();
  graph.set_io_data_type(fe.DataType_t.FLOAT).set_intermediate_data_type(fe.DataType_t.FLOAT).set_compute_data_type(fe.DataType_t.FLOAT);
  const lnX = graph.tensor(new fe.graph.Tensor_attributes().set_name('X').set_dim([TOKENS, D_MODEL, 1, 1]).set_stride([D_MODEL, 1, D_MODEL, D_MODEL]));
  const lnScale = graph.tensor(new fe.graph.Tensor_attributes().set_name('scale').set_dim([1, D_MODEL, 1, 1]).set_stride([D_MODEL, 1, D_MODEL, D_MODEL]));
  const lnBias = graph.tensor(new fe.graph.Tensor_attributes().set_name('bias').set_dim([1, D_MODEL, 1, 1]).set_stride([D_MODEL, 1, D_MODEL, D_MODEL]));
  const lnEpsilon = graph.tensor(LN_EPSILON);
  const [lnY] = graph.layernorm(lnX, lnScale, lnBias, new fe.graph.Layernorm_attributes().set_forward_phase(fe.NormFwdPhase_t.INFERENCE).set_epsilon(lnEpsilon));
  lnY.set_output(true);
  checkFrontend(graph.validate(), 'layernorm validate');
  checkFrontend(graph.build_operation_graph(cudnn.value), 'layernorm build_operation_graph');
  checkFrontend(graph.create_execution_plans([fe.HeurMode_t.A, fe.HeurMode_t.FALLBACK]), 'layernorm create_execution_plans');
  checkFrontend(graph.check_support(), 'layernorm check_support');
  checkFrontend(graph.build_plans(), 'layernorm build_plans');
  const lnWorkspaceBytes = ref<number>();
  checkFrontend(graph.get_workspace_size(lnWorkspaceBytes), 'layernorm get_workspace_size');
  let lnWorkspace: DevicePtr | null = null;
  if (lnWorkspaceBytes.value > 0) lnWorkspace = allocate(lnWorkspaceBytes.value, 'layernorm workspace');

  // ---- attention sub-layer
  checkFrontend(graph.execute(cudnn.value, new Map([[lnX, dX], [lnScale, dLn1[0]], [lnBias, dLn1[1]], [lnY, dNormed]]), lnWorkspace), 'layernorm 1');
  linear(lt.value, CUBLASLT_EPILOGUE_BIAS, dQkvW, dQkvB, dNormed, dQkv, TOKENS, D_MODEL, 3 * D_MODEL, dWorkspace, stream.value);

  // Per sequence, one strided batch over the heads (head h starts h·D_HEAD floats into each
  // qkv row). Column-major Sᵀ [keys × queries, ld SEQ] = op_T(K) · Q, where K and Q read
  // column-major are Kᵀ and Qᵀ (D_HEAD × SEQ, ld 3·D_MODEL); row-major that is S[query][key].
  const rowStride = 3 * D_MODEL;
  for (let b = 0; b < BATCH; b++) {
    const q = dQkv.plus(b * SEQ * rowStride * 4);
    const k = q.plus(D_MODEL * 4);
    const scores = dScores.plus(b * HEADS * SEQ * SEQ * 4);
    checkCublas(
      cublasSgemmStridedBatched(
        cublas.value, CUBLAS_OP_T, CUBLAS_OP_N, SEQ, SEQ, D_HEAD, 1 / Math.sqrt(D_HEAD),
        k, rowStride, D_HEAD, q, rowStride, D_HEAD, 0, scores, SEQ, SEQ * SEQ, HEADS,
      ),
      'scores = Q·Kᵀ/√d',
    );
  }
  // Softmax over the key axis: the scores as NCHW [batch·heads·queries, keys, 1, 1], per channel.
  const scoresDesc = ref<cudnnTensorDescriptor_t>();
  checkCudnn(cudnnCreateTensorDescriptor(scoresDesc), 'cudnnCreateTensorDescriptor scores');
  checkCudnn(cudnnSetTensor4dDescriptor(scoresDesc.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, BATCH * HEADS * SEQ, SEQ, 1, 1), 'describe scores');
  checkCudnn(
    cudnnSoftmaxForward(cudnn.value, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_CHANNEL, 1, scoresDesc.value, dScores, 0, scoresDesc.value, dProbs),
    'softmax over keys',
  );
  // Column-major contextᵀ [D_HEAD × queries, ld D_MODEL] = Vᵀ (D_HEAD × keys, ld 3·D_MODEL) · Pᵀ
  // (keys × queries, ld SEQ): head h's output lands at columns h·D_HEAD of the context rows.
  for (let b = 0; b < BATCH; b++) {
    const v = dQkv.plus((b * SEQ * rowStride + 2 * D_MODEL) * 4);
    const probs = dProbs.plus(b * HEADS * SEQ * SEQ * 4);
    const context = dContext.plus(b * SEQ * D_MODEL * 4);
    checkCublas(
      cublasSgemmStridedBatched(
        cublas.value, CUBLAS_OP_N, CUBLAS_OP_N, D_HEAD, SEQ, SEQ, 1,
        v, rowStride, D_HEAD, probs, SEQ, SEQ * SEQ, 0, context, D_MODEL, D_HEAD, HEADS,
      ),
      'context = P·V',
    );
  }
  linear(lt.value, CUBLASLT_EPILOGUE_BIAS, dOutW, dOutB, dContext, dResidual, TOKENS, D_MODEL, D_MODEL, dWorkspace, stream.value);
  checkCublas(cublasSaxpy(cublas.value, TOKENS * D_MODEL, 1, dX, 1, dResidual, 1), 'x1 = x + attention');

  // ---- MLP sub-layer
  checkFrontend(graph.execute(cudnn.value, new Map([[lnX, dResidual], [lnScale, dLn2[0]], [lnBias, dLn2[1]], [lnY, dNormed]]), lnWorkspace), 'layernorm 2');
  linear(lt.value, CUBLASLT_EPILOGUE_GELU_BIAS, dFc1W, dFc1B, dNormed, dHidden, TOKENS, D_MODEL, D_FF, dWorkspace, stream.value);
  linear(lt.value, CUBLASLT_EPILOGUE_BIAS, dFc2W, dFc2B, dHidden, dY, TOKENS, D_FF, D_MODEL, dWorkspace, stream.value);
  checkCublas(cublasSaxpy(cublas.value, TOKENS * D_MODEL, 1, dResidual, 1, dY, 1), 'y = x1 + mlp');

  checkCuda(cudaStreamSynchronize(stream.value), 'cudaStreamSynchronize');
  const y = new Float32Array(TOKENS * D_MODEL);
  checkCuda(cudaMemcpy(y, dY, y.byteLength, cudaMemcpyDeviceToHost), 'copy y');

  checkCudnn(cudnnDestroyTensorDescriptor(scoresDesc.value), 'destroy scores descriptor');
  checkCudnn(cudnnDestroy(cudnn.value), 'cudnnDestroy');
  checkCublas(cublasLtDestroy(lt.value), 'cublasLtDestroy');
  checkCublas(cublasDestroy(cublas.value), 'cublasDestroy');
  checkCuda(cudaStreamDestroy(stream.value), 'cudaStreamDestroy');
  if (lnWorkspace) checkCuda(cudaFree(lnWorkspace), 'cudaFree layernorm workspace');
  for (const p of [
    dX, ...dLn1, ...dLn2, dQkvW, dQkvB, dOutW, dOutB, dFc1W, dFc1B, dFc2W, dFc2B,
    dNormed, dQkv, dScores, dProbs, dContext, dResidual, dHidden, dY, dWorkspace,
  ]) {
    checkCuda(cudaFree(p), 'cudaFree');
  }
  return { y: { dtype: 'float32', data: y, shape: [BATCH, SEQ, D_MODEL] } } as const;
}
