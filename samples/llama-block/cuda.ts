/**
 * Inference of one Llama decoder block (prefill of a batch of prompts) in bfloat16, library
 * calls only — activations and weights in bf16, fp32 accumulation and fp32 compute types, as
 * Llama inference code runs it:
 *
 *   h   = RMSNorm(x)·g_attn                         cudnn-frontend rmsnorm graph
 *   q, k, v = h·Wqᵀ, h·Wkᵀ, h·Wvᵀ                   cublasGemmEx (bf16 in/out, CUBLAS_COMPUTE_32F)
 *   q, k = RoPE(q), RoPE(k)                         cublasGemmEx + frontend pointwise (below)
 *   o   = causal GQA attention(q, k, v)             cudnn-frontend sdpa, 4 query heads sharing
 *                                                   2 key/value heads, attn_scale = 1/√d
 *   x1  = x + o·Woᵀ                                 cublasGemmEx, frontend pointwise ADD
 *   h2  = RMSNorm(x1)·g_ffn
 *   y   = x1 + (SiLU(h2·Wgᵀ) ⊙ h2·Wuᵀ)·Wdᵀ          cublasGemmEx, frontend SWISH and MUL, ADD
 *
 * Activations are row-major [tokens, features], tokens = batch × sequence; q is [tokens,
 * heads·d], so per head it is [batch, seq, heads, d] in memory (the "BSHD" layout the sdpa
 * graph reads through strides). Weights are [out, in]; Y = X·Wᵀ is issued column-major as
 * Yᵀ = W·Xᵀ with CUBLAS_OP_T on W. Llama's linear layers have no biases.
 *
 * Rotary embedding. RoPE is normally a custom (often fused) kernel; a facade offers none, so
 * it is written with library calls from its definition (Hugging Face's rotate-half form):
 * RoPE(x) = x ⊙ cos + rotate_half(x) ⊙ sin, rotate_half([x1, x2]) = [−x2, x1] per head.
 * rotate_half is a fixed linear map, x·R with R the d×d signed permutation R[i + d/2][i] = −1,
 * R[i][i + d/2] = +1, so it is one GEMM over all [tokens·heads, d] rows; exact in any precision
 * (each output is one input times ±1). The products with the cos / sin tables (one row per
 * position, broadcast over batch and heads) and the sum are a pointwise graph.
 */
import {
  CUBLAS_COMPUTE_32F,
  CUBLAS_GEMM_DEFAULT,
  CUBLAS_OP_N,
  CUBLAS_OP_T,
  CUBLAS_STATUS_SUCCESS,
  CUDA_R_16BF,
  cublasCreate,
  cublasDestroy,
  cublasGemmEx,
  cublasSetStream,
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
  cudnnDestroy,
  cudnnGetErrorString,
  cudnnSetStream,
  CUDNN_STATUS_SUCCESS,
  fe,
  randomFloat32,
  ref,
  toBfloat16Bits,
  type DevicePtr,
  type cublasHandle_t,
  type cublasStatus_t,
  type cudaError_t,
  type cudaStream_t,
  type cudnnHandle_t,
  type cudnnStatus_t,
} from 'opbridge/cuda';

const BATCH = 2;
const SEQ = 16;
const TOKENS = BATCH * SEQ;
const D_MODEL = 64;
const HEADS = 4;
const KV_HEADS = 2;
const D_HEAD = D_MODEL / HEADS;
const D_FF = 176; // Llama's 8/3·d_model, rounded up to a multiple of 16
const RMS_EPSILON = 1e-5;
const ROPE_THETA = 10000;
const BF16 = 2; // bytes per element

/** cudnn_frontend::error_t, the result of every graph call. */
type error_t = InstanceType<typeof fe.error_t>;
type Graph = InstanceType<typeof fe.graph.Graph>;

function checkCuda(status: cudaError_t, what: string): void {
  if (status !== cudaSuccess) throw new Error(`${what}: ${cudaGetErrorString(status)}`);
}

function checkCublas(status: cublasStatus_t, what: string): void {
  if (status !== CUBLAS_STATUS_SUCCESS) throw new Error(`${what}: cuBLAS status ${status}`);
}

function checkCudnn(status: cudnnStatus_t, what: string): void {
  if (status !== CUDNN_STATUS_SUCCESS) throw new Error(`${what}: ${cudnnGetErrorString(status)}`);
}

function checkFrontend(error: error_t, what: string): void {
  if (!error.is_good()) throw new Error(`${what}: ${error.get_message()}`);
}

function upload(host: Uint16Array, what: string): DevicePtr {
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

/** A bias-free Linear weight [out, in] in bf16, uniform in ±1/√in. */
function linearWeight(inFeatures: number, outFeatures: number, seed: number): Uint16Array {
  const bound = 1 / Math.sqrt(inFeatures);
  return toBfloat16Bits(randomFloat32(outFeatures * inFeatures, seed, -bound, bound));
}

/** Y[rows, out] = X[rows, in]·Wᵀ in bf16 with fp32 accumulation. */
function linear(cublas: cublasHandle_t, weight: DevicePtr, x: DevicePtr, y: DevicePtr, rows: number, inFeatures: number, outFeatures: number, what: string): void {
  checkCublas(
    cublasGemmEx(
      cublas, CUBLAS_OP_T, CUBLAS_OP_N, outFeatures, rows, inFeatures,
      1, weight, CUDA_R_16BF, inFeatures, x, CUDA_R_16BF, inFeatures,
      0, y, CUDA_R_16BF, outFeatures, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT,
    ),
    what,
  );
}

/** A bf16 graph with fp32 intermediates and compute, as the frontend samples configure it. */
function bf16Graph(): Graph {
  const graph = new fe.graph.Graph();
  graph.set_io_data_type(fe.DataType_t.BFLOAT16).set_intermediate_data_type(fe.DataType_t.FLOAT).set_compute_data_type(fe.DataType_t.FLOAT);
  return graph;
}

function buildGraph(graph: Graph, cudnn: cudnnHandle_t, what: string): number {
  checkFrontend(graph.validate(), `${what} validate`);
  checkFrontend(graph.build_operation_graph(cudnn), `${what} build_operation_graph`);
  checkFrontend(graph.create_execution_plans([fe.HeurMode_t.A, fe.HeurMode_t.FALLBACK]), `${what} create_execution_plans`);
  checkFrontend(graph.check_support(), `${what} check_support`);
  checkFrontend(graph.build_plans(), `${what} build_plans`);
  const workspaceBytes = ref<number>();
  checkFrontend(graph.get_workspace_size(workspaceBytes), `${what} get_workspace_size`);
  return workspaceBytes.value;
}

function tensor(name: string, dim: number[], stride: number[]) {
  return new fe.graph.Tensor_attributes().set_name(name).set_dim(dim).set_stride(stride);
}

/** cos and sin of position·θ_i per position and head dimension (both halves share θ_i), bf16. */
function ropeTables(): { cos: Uint16Array; sin: Uint16Array } {
  const cos = new Float32Array(SEQ * D_HEAD);
  const sin = new Float32Array(SEQ * D_HEAD);
  for (let position = 0; position < SEQ; position++) {
    for (let j = 0; j < D_HEAD; j++) {
      const theta = ROPE_THETA ** (-(2 * (j % (D_HEAD / 2))) / D_HEAD);
      cos[position * D_HEAD + j] = Math.cos(position * theta);
      sin[position * D_HEAD + j] = Math.sin(position * theta);
    }
  }
  return { cos: toBfloat16Bits(cos), sin: toBfloat16Bits(sin) };
}

/** rotate_half as a matrix: (x·R)[i] = −x[i + d/2] for i < d/2, x[i − d/2] otherwise. */
function rotateHalfMatrix(): Uint16Array {
  const r = new Float32Array(D_HEAD * D_HEAD);
  for (let i = 0; i < D_HEAD / 2; i++) {
    r[(i + D_HEAD / 2) * D_HEAD + i] = -1;
    r[i * D_HEAD + i + D_HEAD / 2] = 1;
  }
  return toBfloat16Bits(r);
}

export function main() {
  checkCuda(cudaSetDevice(0), 'cudaSetDevice');
  const stream = ref<cudaStream_t>();
  checkCuda(cudaStreamCreate(stream), 'cudaStreamCreate');
  const cublas = ref<cublasHandle_t>();
  checkCublas(cublasCreate(cublas), 'cublasCreate');
  checkCublas(cublasSetStream(cublas.value, stream.value), 'cublasSetStream');
  const cudnn = ref<cudnnHandle_t>();
  checkCudnn(cudnnCreate(cudnn), 'cudnnCreate');
  checkCudnn(cudnnSetStream(cudnn.value, stream.value), 'cudnnSetStream');

  // ---- host data in bf16
  const { cos, sin } = ropeTables();
  const dX = upload(toBfloat16Bits(randomFloat32(TOKENS * D_MODEL, 200)), 'x');
  const dAttnNorm = upload(toBfloat16Bits(randomFloat32(D_MODEL, 201, 0.8, 1.2)), 'attention_norm');
  const dFfnNorm = upload(toBfloat16Bits(randomFloat32(D_MODEL, 202, 0.8, 1.2)), 'ffn_norm');
  const dWq = upload(linearWeight(D_MODEL, HEADS * D_HEAD, 210), 'wq');
  const dWk = upload(linearWeight(D_MODEL, KV_HEADS * D_HEAD, 211), 'wk');
  const dWv = upload(linearWeight(D_MODEL, KV_HEADS * D_HEAD, 212), 'wv');
  const dWo = upload(linearWeight(HEADS * D_HEAD, D_MODEL, 213), 'wo');
  const dWGate = upload(linearWeight(D_MODEL, D_FF, 220), 'w1 (gate)');
  const dWUp = upload(linearWeight(D_MODEL, D_FF, 221), 'w3 (up)');
  const dWDown = upload(linearWeight(D_FF, D_MODEL, 222), 'w2 (down)');
  const dRotate = upload(rotateHalfMatrix(), 'rotate_half matrix');
  const dCos = upload(cos, 'cos');
  const dSin = upload(sin, 'sin');

  const dNormed = allocate(TOKENS * D_MODEL * BF16, 'normed');
  const dQ = allocate(TOKENS * HEADS * D_HEAD * BF16, 'q');
  const dK = allocate(TOKENS * KV_HEADS * D_HEAD * BF16, 'k');
  const dV = allocate(TOKENS * KV_HEADS * D_HEAD * BF16, 'v');
  const dQRotated = allocate(TOKENS * HEADS * D_HEAD * BF16, 'rotate_half(q)');
  const dKRotated = allocate(TOKENS * KV_HEADS * D_HEAD * BF16, 'rotate_half(k)');
  const dQRope = allocate(TOKENS * HEADS * D_HEAD * BF16, 'RoPE(q)');
  const dKRope = allocate(TOKENS * KV_HEADS * D_HEAD * BF16, 'RoPE(k)');
  const dAttention = allocate(TOKENS * HEADS * D_HEAD * BF16, 'attention output');
  const dProjected = allocate(TOKENS * D_MODEL * BF16, 'projected');
  const dResidual = allocate(TOKENS * D_MODEL * BF16, 'x1');
  const dGate = allocate(TOKENS * D_FF * BF16, 'gate');
  const dUp = allocate(TOKENS * D_FF * BF16, 'up');
  const dActivated = allocate(TOKENS * D_FF * BF16, 'SiLU(gate)·up');
  const dY = allocate(TOKENS * D_MODEL * BF16, 'y');

  // ---- graphs, built once: RMSNorm (both norms), RoPE, attention, residual add, SwiGLU
  const rowStrides = (features: number) => [features, 1, features, features];
  const norm = bf16Graph();
  const normX = norm.tensor(tensor('X', [TOKENS, D_MODEL, 1, 1], rowStrides(D_MODEL)));
  const normScale = norm.tensor(tensor('scale', [1, D_MODEL, 1, 1], rowStrides(D_MODEL)));
  const normEpsilon = norm.tensor(RMS_EPSILON);
  const [normY] = norm.rmsnorm(normX, normScale, new fe.graph.Rmsnorm_attributes().set_forward_phase(fe.NormFwdPhase_t.INFERENCE).set_epsilon(normEpsilon));
  normY.set_output(true);

  // RoPE over [batch, seq, heads, d]; the tables are [1, seq, 1, d] and broadcast.
  const rope = bf16Graph();
  const headDims = (heads: number) => [BATCH, SEQ, heads, D_HEAD];
  const headStrides = (heads: number) => [SEQ * heads * D_HEAD, heads * D_HEAD, D_HEAD, 1];
  const ropeCos = rope.tensor(tensor('cos', [1, SEQ, 1, D_HEAD], [SEQ * D_HEAD, D_HEAD, D_HEAD, 1]));
  const ropeSin = rope.tensor(tensor('sin', [1, SEQ, 1, D_HEAD], [SEQ * D_HEAD, D_HEAD, D_HEAD, 1]));
  const mul = () => new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.MUL);
  const add = () => new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.ADD);
  const ropeInputs = ([['q', HEADS], ['k', KV_HEADS]] as const).map(([name, heads]) => {
    const x = rope.tensor(tensor(name, headDims(heads), headStrides(heads)));
    const rotated = rope.tensor(tensor(`rotate_half(${name})`, headDims(heads), headStrides(heads)));
    const out = rope.pointwise(rope.pointwise(x, ropeCos, mul()), rope.pointwise(rotated, ropeSin, mul()), add());
    out.set_output(true).set_dim(headDims(heads)).set_stride(headStrides(heads));
    return { x, rotated, out };
  });

  // Causal grouped-query attention; Q, K, V and O are [batch, heads, seq, d] views of BSHD memory.
  const sdpa = bf16Graph();
  const bhsd = (heads: number) => [BATCH, heads, SEQ, D_HEAD];
  const bhsdStrides = (heads: number) => [SEQ * heads * D_HEAD, D_HEAD, heads * D_HEAD, 1];
  const sdpaQ = sdpa.tensor(tensor('Q', bhsd(HEADS), bhsdStrides(HEADS)));
  const sdpaK = sdpa.tensor(tensor('K', bhsd(KV_HEADS), bhsdStrides(KV_HEADS)));
  const sdpaV = sdpa.tensor(tensor('V', bhsd(KV_HEADS), bhsdStrides(KV_HEADS)));
  const sdpaOptions = new fe.graph.SDPA_attributes().set_name('flash_attention').set_generate_stats(false).set_causal_mask(true).set_attn_scale(1 / Math.sqrt(D_HEAD));
  const [sdpaO] = sdpa.sdpa(sdpaQ, sdpaK, sdpaV, sdpaOptions);
  sdpaO.set_output(true).set_dim(bhsd(HEADS)).set_stride(bhsdStrides(HEADS));

  const residual = bf16Graph();
  const residualA = residual.tensor(tensor('residual', [TOKENS, D_MODEL, 1, 1], rowStrides(D_MODEL)));
  const residualB = residual.tensor(tensor('branch', [TOKENS, D_MODEL, 1, 1], rowStrides(D_MODEL)));
  const residualSum = residual.pointwise(residualA, residualB, add());
  residualSum.set_output(true);

  const swiglu = bf16Graph();
  const swigluGate = swiglu.tensor(tensor('gate', [TOKENS, D_FF, 1, 1], rowStrides(D_FF)));
  const swigluUp = swiglu.tensor(tensor('up', [TOKENS, D_FF, 1, 1], rowStrides(D_FF)));
  const silu = swiglu.pointwise(swigluGate, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.SWISH_FWD));
  const swigluOut = swiglu.pointwise(silu, swigluUp, mul());
  swigluOut.set_output(true);

  const workspaceBytes = Math.max(
    buildGraph(norm, cudnn.value, 'rmsnorm'),
    buildGraph(rope, cudnn.value, 'rope'),
    buildGraph(sdpa, cudnn.value, 'sdpa'),
    buildGraph(residual, cudnn.value, 'residual add'),
    buildGraph(swiglu, cudnn.value, 'swiglu'),
  );
  let workspace: DevicePtr | null = null;
  if (workspaceBytes > 0) workspace = allocate(workspaceBytes, 'cuDNN workspace');

  // ---- attention sub-layer
  checkFrontend(norm.execute(cudnn.value, new Map([[normX, dX], [normScale, dAttnNorm], [normY, dNormed]]), workspace), 'attention_norm');
  linear(cublas.value, dWq, dNormed, dQ, TOKENS, D_MODEL, HEADS * D_HEAD, 'q = h·Wqᵀ');
  linear(cublas.value, dWk, dNormed, dK, TOKENS, D_MODEL, KV_HEADS * D_HEAD, 'k = h·Wkᵀ');
  linear(cublas.value, dWv, dNormed, dV, TOKENS, D_MODEL, KV_HEADS * D_HEAD, 'v = h·Wvᵀ');
  // rotate_half over [tokens·heads, d] rows: column-major (x·R)ᵀ = Rᵀ·xᵀ, R read column-major is Rᵀ.
  for (const [x, rotated, heads] of [[dQ, dQRotated, HEADS], [dK, dKRotated, KV_HEADS]] as const) {
    checkCublas(
      cublasGemmEx(
        cublas.value, CUBLAS_OP_N, CUBLAS_OP_N, D_HEAD, TOKENS * heads, D_HEAD,
        1, dRotate, CUDA_R_16BF, D_HEAD, x, CUDA_R_16BF, D_HEAD,
        0, rotated, CUDA_R_16BF, D_HEAD, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT,
      ),
      'rotate_half',
    );
  }
  const [ropeQ, ropeK] = ropeInputs;
  checkFrontend(
    rope.execute(
      cudnn.value,
      new Map([
        [ropeQ.x, dQ], [ropeQ.rotated, dQRotated], [ropeQ.out, dQRope],
        [ropeK.x, dK], [ropeK.rotated, dKRotated], [ropeK.out, dKRope],
        [ropeCos, dCos], [ropeSin, dSin],
      ]),
      workspace,
    ),
    'RoPE',
  );
  checkFrontend(sdpa.execute(cudnn.value, new Map([[sdpaQ, dQRope], [sdpaK, dKRope], [sdpaV, dV], [sdpaO, dAttention]]), workspace), 'attention');
  linear(cublas.value, dWo, dAttention, dProjected, TOKENS, HEADS * D_HEAD, D_MODEL, 'o·Woᵀ');
  checkFrontend(residual.execute(cudnn.value, new Map([[residualA, dX], [residualB, dProjected], [residualSum, dResidual]]), workspace), 'x1 = x + attention');

  // ---- SwiGLU feed-forward sub-layer
  checkFrontend(norm.execute(cudnn.value, new Map([[normX, dResidual], [normScale, dFfnNorm], [normY, dNormed]]), workspace), 'ffn_norm');
  linear(cublas.value, dWGate, dNormed, dGate, TOKENS, D_MODEL, D_FF, 'gate = h·W1ᵀ');
  linear(cublas.value, dWUp, dNormed, dUp, TOKENS, D_MODEL, D_FF, 'up = h·W3ᵀ');
  checkFrontend(swiglu.execute(cudnn.value, new Map([[swigluGate, dGate], [swigluUp, dUp], [swigluOut, dActivated]]), workspace), 'SiLU(gate)·up');
  linear(cublas.value, dWDown, dActivated, dProjected, TOKENS, D_FF, D_MODEL, 'down = a·W2ᵀ');
  checkFrontend(residual.execute(cudnn.value, new Map([[residualA, dResidual], [residualB, dProjected], [residualSum, dY]]), workspace), 'y = x1 + ffn');

  checkCuda(cudaStreamSynchronize(stream.value), 'cudaStreamSynchronize');
  const y = new Uint16Array(TOKENS * D_MODEL);
  checkCuda(cudaMemcpy(y, dY, y.byteLength, cudaMemcpyDeviceToHost), 'copy y');

  checkCudnn(cudnnDestroy(cudnn.value), 'cudnnDestroy');
  checkCublas(cublasDestroy(cublas.value), 'cublasDestroy');
  checkCuda(cudaStreamDestroy(stream.value), 'cudaStreamDestroy');
  if (workspace) checkCuda(cudaFree(workspace), 'cudaFree workspace');
  for (const p of [
    dX, dAttnNorm, dFfnNorm, dWq, dWk, dWv, dWo, dWGate, dWUp, dWDown, dRotate, dCos, dSin,
    dNormed, dQ, dK, dV, dQRotated, dKRotated, dQRope, dKRope, dAttention, dProjected, dResidual, dGate, dUp, dActivated, dY,
  ]) {
    checkCuda(cudaFree(p), 'cudaFree');
  }
  return { y: { dtype: 'bfloat16', data: y, shape: [BATCH, SEQ, D_MODEL] } } as const;
}
