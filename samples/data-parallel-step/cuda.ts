/**
 * One data-parallel SGD step of a linear regression model Y = X·W, as a DDP-style training
 * loop writes it with cuBLAS and NCCL, one GPU per rank (MPI launches one process per rank).
 *
 *   rank 0 initialises W and broadcasts it (every replica starts from the same weights);
 *   each rank, on its own shard (X_r, T_r):
 *     R_r  = X_r·W − T_r                        forward GEMM, residual with cublasSaxpy
 *     L_r  = ‖R_r‖² / (B·O)                     mean squared error (cublasSdot)
 *     G_r  = 2/(B·O) · X_rᵀ·R_r                 gradient GEMM
 *   G = (1/nranks)·Σ_r G_r                      ncclAllReduce(sum), then cublasSscal
 *   W ← W − lr·G                                SGD update with cublasSaxpy
 *
 * Host matrices are row-major; cuBLAS is column-major, so a row-major M×N matrix is the
 * column-major N×M matrix of its transpose, and each product is issued transposed:
 * row-major Y = X·W is column-major Yᵀ = Wᵀ·Xᵀ.
 */
import {
  CUBLAS_OP_N,
  CUBLAS_OP_T,
  CUBLAS_STATUS_SUCCESS,
  cublasCreate,
  cublasDestroy,
  cublasSaxpy,
  cublasSdot,
  cublasSetStream,
  cublasSgemm,
  cublasSscal,
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
  mpiBcast,
  ncclAllReduce,
  ncclBroadcast,
  ncclCommDestroy,
  ncclCommInitRank,
  ncclFloat,
  ncclGetErrorString,
  ncclGetUniqueId,
  ncclGroupEnd,
  ncclGroupStart,
  ncclSuccess,
  ncclSum,
  ncclUniqueId,
  randomFloat32,
  ref,
  type DevicePtr,
  type ProgramContext,
  type cublasHandle_t,
  type cublasStatus_t,
  type cudaError_t,
  type cudaStream_t,
  type ncclComm_t,
  type ncclResult_t,
} from 'opbridge/cuda';

const FEATURES = 64; // D
const OUTPUTS = 8; // O
const BATCH_PER_RANK = 32; // B: rows of this rank's shard
const LEARNING_RATE = 0.05;

function checkCuda(status: cudaError_t, what: string): void {
  if (status !== cudaSuccess) throw new Error(`${what}: ${cudaGetErrorString(status)}`);
}

function checkCublas(status: cublasStatus_t, what: string): void {
  if (status !== CUBLAS_STATUS_SUCCESS) throw new Error(`${what}: cuBLAS status ${status}`);
}

function checkNccl(status: ncclResult_t, what: string): void {
  if (status !== ncclSuccess) throw new Error(`${what}: ${ncclGetErrorString(status)}`);
}

/** This rank's shard: inputs X (B×D) and noisy targets T = X·W_teacher + noise (B×O). */
function makeShard(rank: number): { x: Float32Array; t: Float32Array } {
  const x = randomFloat32(BATCH_PER_RANK * FEATURES, 1000 + rank);
  const teacher = randomFloat32(FEATURES * OUTPUTS, 42, -0.5, 0.5);
  const noise = randomFloat32(BATCH_PER_RANK * OUTPUTS, 2000 + rank, -0.05, 0.05);
  const t = new Float32Array(BATCH_PER_RANK * OUTPUTS);
  for (let i = 0; i < BATCH_PER_RANK; i++) {
    for (let o = 0; o < OUTPUTS; o++) {
      let sum = noise[i * OUTPUTS + o];
      for (let d = 0; d < FEATURES; d++) sum += x[i * FEATURES + d] * teacher[d * OUTPUTS + o];
      t[i * OUTPUTS + o] = sum;
    }
  }
  return { x, t };
}

export function main({ rank, nranks }: ProgramContext) {
  const id = new ncclUniqueId();
  if (rank === 0) checkNccl(ncclGetUniqueId(id), 'ncclGetUniqueId');
  mpiBcast(id.internal, 0);
  checkCuda(cudaSetDevice(rank), 'cudaSetDevice');

  const { x, t } = makeShard(rank);
  const dX = ref<DevicePtr>();
  const dT = ref<DevicePtr>();
  const dW = ref<DevicePtr>();
  const dR = ref<DevicePtr>();
  const dG = ref<DevicePtr>();
  const dLoss = ref<DevicePtr>();
  checkCuda(cudaMalloc(dX, x.byteLength), 'cudaMalloc X');
  checkCuda(cudaMalloc(dT, t.byteLength), 'cudaMalloc T');
  checkCuda(cudaMalloc(dW, FEATURES * OUTPUTS * 4), 'cudaMalloc W');
  checkCuda(cudaMalloc(dR, BATCH_PER_RANK * OUTPUTS * 4), 'cudaMalloc R');
  checkCuda(cudaMalloc(dG, FEATURES * OUTPUTS * 4), 'cudaMalloc G');
  checkCuda(cudaMalloc(dLoss, 4), 'cudaMalloc loss');
  checkCuda(cudaMemcpy(dX.value, x, x.byteLength, cudaMemcpyHostToDevice), 'copy X');
  checkCuda(cudaMemcpy(dT.value, t, t.byteLength, cudaMemcpyHostToDevice), 'copy T');
  if (rank === 0) {
    const w0 = randomFloat32(FEATURES * OUTPUTS, 7, -0.1, 0.1);
    checkCuda(cudaMemcpy(dW.value, w0, w0.byteLength, cudaMemcpyHostToDevice), 'copy W');
  }

  const stream = ref<cudaStream_t>();
  checkCuda(cudaStreamCreate(stream), 'cudaStreamCreate');
  const comm = ref<ncclComm_t>();
  checkNccl(ncclCommInitRank(comm, nranks, id, rank), 'ncclCommInitRank');
  const handle = ref<cublasHandle_t>();
  checkCublas(cublasCreate(handle), 'cublasCreate');
  checkCublas(cublasSetStream(handle.value, stream.value), 'cublasSetStream');

  // Replicas start identical: rank 0's weights go to everyone, in place.
  checkNccl(ncclBroadcast(dW.value, dW.value, FEATURES * OUTPUTS, ncclFloat, 0, comm.value, stream.value), 'ncclBroadcast W');

  // Forward: row-major R (B×O) = X·W, i.e. column-major Rᵀ (O×B, ld O) = Wᵀ (O×D, ld O)·Xᵀ (D×B, ld D).
  checkCublas(
    cublasSgemm(handle.value, CUBLAS_OP_N, CUBLAS_OP_N, OUTPUTS, BATCH_PER_RANK, FEATURES, 1, dW.value, OUTPUTS, dX.value, FEATURES, 0, dR.value, OUTPUTS),
    'forward GEMM',
  );
  // Residual: R = R − T.
  checkCublas(cublasSaxpy(handle.value, BATCH_PER_RANK * OUTPUTS, -1, dT.value, 1, dR.value, 1), 'residual');
  const sumOfSquares = new Float32Array(1);
  checkCublas(cublasSdot(handle.value, BATCH_PER_RANK * OUTPUTS, dR.value, 1, dR.value, 1, sumOfSquares), 'loss');
  const localLoss = sumOfSquares[0] / (BATCH_PER_RANK * OUTPUTS);

  // Gradient of the shard's mean squared error: row-major G (D×O) = 2/(B·O)·Xᵀ·R, i.e.
  // column-major Gᵀ (O×D, ld O) = Rᵀ (O×B, ld O)·X, where X is the transpose of the stored
  // column-major Xᵀ (D×B, ld D).
  checkCublas(
    cublasSgemm(handle.value, CUBLAS_OP_N, CUBLAS_OP_T, OUTPUTS, FEATURES, BATCH_PER_RANK, 2 / (BATCH_PER_RANK * OUTPUTS), dR.value, OUTPUTS, dX.value, FEATURES, 0, dG.value, OUTPUTS),
    'gradient GEMM',
  );

  // Sum gradients (in place) and the losses for logging in one NCCL group.
  checkCuda(cudaMemcpy(dLoss.value, new Float32Array([localLoss]), 4, cudaMemcpyHostToDevice), 'copy loss');
  checkNccl(ncclGroupStart(), 'ncclGroupStart');
  checkNccl(ncclAllReduce(dG.value, dG.value, FEATURES * OUTPUTS, ncclFloat, ncclSum, comm.value, stream.value), 'ncclAllReduce gradients');
  checkNccl(ncclAllReduce(dLoss.value, dLoss.value, 1, ncclFloat, ncclSum, comm.value, stream.value), 'ncclAllReduce loss');
  checkNccl(ncclGroupEnd(), 'ncclGroupEnd');

  // Average over replicas, then W ← W − lr·G.
  checkCublas(cublasSscal(handle.value, FEATURES * OUTPUTS, 1 / nranks, dG.value, 1), 'average gradients');
  checkCublas(cublasSaxpy(handle.value, FEATURES * OUTPUTS, -LEARNING_RATE, dG.value, 1, dW.value, 1), 'SGD update');
  checkCuda(cudaStreamSynchronize(stream.value), 'cudaStreamSynchronize');

  const weights = new Float32Array(FEATURES * OUTPUTS);
  const lossSum = new Float32Array(1);
  checkCuda(cudaMemcpy(weights, dW.value, weights.byteLength, cudaMemcpyDeviceToHost), 'copy W out');
  checkCuda(cudaMemcpy(lossSum, dLoss.value, 4, cudaMemcpyDeviceToHost), 'copy loss out');

  checkCublas(cublasDestroy(handle.value), 'cublasDestroy');
  checkNccl(ncclCommDestroy(comm.value), 'ncclCommDestroy');
  checkCuda(cudaStreamDestroy(stream.value), 'cudaStreamDestroy');
  for (const p of [dX, dT, dW, dR, dG, dLoss]) checkCuda(cudaFree(p.value), 'cudaFree');
  return { weights: { dtype: 'float32', data: weights, shape: [FEATURES, OUTPUTS] }, loss: new Float32Array([lossSum[0] / nranks]) } as const;
}
