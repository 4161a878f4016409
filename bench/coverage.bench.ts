/**
 * Coverage scanner throughput: writes a generated tree of realistic CUDA/C++ code (about
 * 220k lines: host code calling the runtime, cuBLAS, cuDNN, NCCL and cuRAND, custom kernels,
 * macros, comments, strings and templates) to a temp directory, then times the whole
 * `coverage()` pipeline (discover, read, lex, scan, join with the catalog) and prints lines/s.
 * Target: at least 50,000 lines/s on 2 cores (the scanner is single-threaded).
 *
 *   npm run bench:coverage            # default size
 *   npm run bench:coverage -- 400000  # about 400k lines
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { coverage } from '../src/coverage/coverage.js';
import { mulberry32 } from '../test/helpers/seeded-random.js';


const HEADER = `// Generated benchmark source: a model's CUDA host and device code.
#include <cuda_runtime.h>
#include <cublas_v2.h>
#include <cudnn.h>
#include <nccl.h>
#include <curand.h>
#include <cstdio>
#include <vector>

#define CUDA_CHECK(call)                                                    \\
  do {                                                                      \\
    cudaError_t err_ = (call);                                              \\
    if (err_ != cudaSuccess) {                                              \\
      std::fprintf(stderr, "%s:%d %s\\n", __FILE__, __LINE__,                \\
                   cudaGetErrorString(err_));                               \\
      std::abort();                                                         \\
    }                                                                       \\
  } while (0)
`;

const snippets: ((n: number, r: () => number) => string)[] = [
  (n) => `
/* Allocates the activations of layer ${n}.
 * cudaMallocManaged is deliberately not used: see the design notes. */
static float* alloc_layer_${n}(size_t elements, cudaStream_t stream) {
  float* ptr = nullptr;
  CUDA_CHECK(cudaMalloc(reinterpret_cast<void**>(&ptr), elements * sizeof(float)));
  CUDA_CHECK(cudaMemsetAsync(ptr, 0, elements * sizeof(float), stream));
  return ptr;
}
`,
  (n, r) => `
__global__ void bias_gelu_${n}(float* __restrict__ y, const float* __restrict__ bias, int rows, int cols) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= rows * cols) return;
  const float x = y[i] + bias[i % cols];
  // tanh approximation, as the reference implementation does
  const float c = 0.7978845608f * (x + 0.044715f * x * x * x);
  y[i] = 0.5f * x * (1.0f + tanhf(c));${r() < 0.5 ? `
  if (threadIdx.x == 0 && blockIdx.x == 0 && rows < 0) printf("unreachable: %d\\n", rows);` : ''}
}
`,
  (n) => `
void gemm_forward_${n}(cublasHandle_t handle, const float* a, const float* b, float* c, int m, int n, int k) {
  const float alpha = 1.0f, beta = 0.0f;
  cublasSetMathMode(handle, CUBLAS_TF32_TENSOR_OP_MATH);
  cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, n, m, k, &alpha, b, n, a, k, &beta, c, n);
  cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, m, k, &alpha, b, CUDA_R_32F, n, a, CUDA_R_32F, k, &beta, c,
               CUDA_R_32F, n, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
}
`,
  (n) => `
cudnnStatus_t conv_forward_${n}(cudnnHandle_t handle, const float* x, const float* w, float* y, void* workspace, size_t bytes) {
  cudnnTensorDescriptor_t xDesc, yDesc;
  cudnnFilterDescriptor_t wDesc;
  cudnnConvolutionDescriptor_t convDesc;
  cudnnCreateTensorDescriptor(&xDesc);
  cudnnCreateTensorDescriptor(&yDesc);
  cudnnCreateFilterDescriptor(&wDesc);
  cudnnCreateConvolutionDescriptor(&convDesc);
  cudnnSetTensor4dDescriptor(xDesc, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 8, 64, 56, 56);
  cudnnSetFilter4dDescriptor(wDesc, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, 64, 64, 3, 3);
  cudnnSetConvolution2dDescriptor(convDesc, 1, 1, 1, 1, 1, 1, CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT);
  const float one = 1.0f, zero = 0.0f;
  cudnnStatus_t status = cudnnConvolutionForward(handle, &one, xDesc, x, wDesc, w, convDesc,
      CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM, workspace, bytes, &zero, yDesc, y);
  cudnnDestroyConvolutionDescriptor(convDesc);
  cudnnDestroyFilterDescriptor(wDesc);
  cudnnDestroyTensorDescriptor(yDesc);
  cudnnDestroyTensorDescriptor(xDesc);
  return status;
}
`,
  (n) => `
void all_reduce_grads_${n}(ncclComm_t comm, float* grads, size_t count, cudaStream_t stream) {
  ncclGroupStart();
  ncclAllReduce(grads, grads, count, ncclFloat, ncclSum, comm, stream);
  ncclGroupEnd();
  CUDA_CHECK(cudaStreamSynchronize(stream));
}
`,
  (n) => `
template <typename T, int kBlock>
__global__ void __launch_bounds__(kBlock) row_softmax_${n}(const T* x, T* y, int cols) {
  __shared__ float partial[kBlock];
  const T* row = x + blockIdx.x * cols;
  float m = -1e30f;
  for (int j = threadIdx.x; j < cols; j += kBlock) m = fmaxf(m, static_cast<float>(row[j]));
  partial[threadIdx.x] = m;
  __syncthreads();
  for (int s = kBlock / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) partial[threadIdx.x] = fmaxf(partial[threadIdx.x], partial[threadIdx.x + s]);
    __syncthreads();
  }
  const float row_max = partial[0];
  float sum = 0.f;
  for (int j = threadIdx.x; j < cols; j += kBlock) sum += __expf(static_cast<float>(row[j]) - row_max);
  partial[threadIdx.x] = sum;
  __syncthreads();
  for (int s = kBlock / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) partial[threadIdx.x] += partial[threadIdx.x + s];
    __syncthreads();
  }
  for (int j = threadIdx.x; j < cols; j += kBlock) y[blockIdx.x * cols + j] = static_cast<T>(__expf(static_cast<float>(row[j]) - row_max) / partial[0]);
}

void launch_softmax_${n}(const float* x, float* y, int rows, int cols, cudaStream_t stream) {
  row_softmax_${n}<float, 256><<<rows, 256, 0, stream>>>(x, y, cols);
  CUDA_CHECK(cudaGetLastError());
}
`,
  (n) => `
void init_weights_${n}(float* w, size_t count, unsigned long long seed) {
  curandGenerator_t gen;
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_PHILOX4_32_10);
  curandSetPseudoRandomGeneratorSeed(gen, seed + ${n});
  curandGenerateNormal(gen, w, count, 0.0f, 0.02f);
  curandDestroyGenerator(gen);
}
`,
  (n) => `
struct Timer${n} {
  cudaEvent_t start, stop;
  Timer${n}() { cudaEventCreate(&start); cudaEventCreate(&stop); }
  ~Timer${n}() { cudaEventDestroy(start); cudaEventDestroy(stop); }
  void begin(cudaStream_t s) { cudaEventRecord(start, s); }
  float end(cudaStream_t s) {
    float ms = 0.0f;
    cudaEventRecord(stop, s);
    cudaEventSynchronize(stop);
    cudaEventElapsedTime(&ms, start, stop);
    return ms;  // "ms" as in cudaEventElapsedTime's documentation
  }
};
`,
  (n) => `
static const char* kHelp${n} = R"txt(
  usage: train --layers N --batch B
  (this raw string mentions cudaDeviceReset() and must not count)
)txt";

void copy_batch_${n}(float* device, const float* host, size_t count, cudaStream_t stream) {
  std::vector<float> staging(host, host + count);
  CUDA_CHECK(cudaMemcpyAsync(device, staging.data(), count * sizeof(float), cudaMemcpyHostToDevice, stream));
  CUDA_CHECK(cudaStreamSynchronize(stream));
}
`,
];

function generateTree(root: string, targetLines: number): { files: number; lines: number } {
  const r = mulberry32(20260710);
  let lines = 0;
  let files = 0;
  let n = 0;
  while (lines < targetLines) {
    const dir = join(root, `module_${Math.floor(files / 20)}`);
    mkdirSync(dir, { recursive: true });
    const parts = [HEADER];
    let fileLines = HEADER.split('\n').length;
    while (fileLines < 1000) {
      const snippet = snippets[Math.floor(r() * snippets.length)](n++, r);
      parts.push(snippet);
      fileLines += snippet.split('\n').length - 1;
    }
    const text = parts.join('');
    writeFileSync(join(dir, `layer_${files}.${files % 3 === 0 ? 'cpp' : 'cu'}`), text);
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    files++;
  }
  return { files, lines };
}

async function main(): Promise<void> {
  // A number argument sets the tree size; --quick (from `npm run bench -- --quick`) a small one.
  const sizeArg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const targetLines = sizeArg ? Number(sizeArg) : process.argv.includes('--quick') ? 20_000 : 220_000;
  const root = mkdtempSync(join(tmpdir(), 'opbridge-bench-coverage-'));
  try {
    const tree = generateTree(root, targetLines);
    const catalogStart = performance.now();
    const catalog = loadCatalog();
    const catalogMs = performance.now() - catalogStart;
    const runs: { wall: number; cpu: number }[] = [];
    let report;
    for (let i = 0; i < 5; i++) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      report = await coverage([root], { catalog, cwd: root });
      const cpu = process.cpuUsage(cpuStart);
      runs.push({ wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 });
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    const linesPerSecond = (tree.lines / wall) * 1000;
    const entries = [...catalog.backends.values()].reduce((n, b) => n + b.entries.size, 0);
    const rate = (ms: number) => `${Math.round((tree.lines / ms) * 1000).toLocaleString('en-US')} lines/s`;
    console.log(`coverage scanner: ${tree.lines.toLocaleString('en-US')} lines in ${tree.files} files (C++/CUDA), ${cpus().length} cores, node ${process.version}, load average ${loadavg()[0].toFixed(1)}`);
    console.log(`  catalog: ${entries} entries, loaded in ${catalogMs.toFixed(0)} ms (not timed below)`);
    console.log(`  found: ${report!.summary.apis} APIs at ${report!.summary.sites.toLocaleString('en-US')} sites, ${report!.summary.kernels} kernels, ${report!.summary.launches} launches`);
    console.log(`  coverage(), median of ${runs.length}: wall ${wall.toFixed(0)} ms → ${rate(wall)}; CPU ${cpu.toFixed(0)} ms → ${rate(cpu)} per CPU-second`);
    console.log(`  target ≥ 50,000 lines/s (wall): ${linesPerSecond >= 50_000 ? 'met' : 'NOT met'}${loadavg()[0] > cpus().length ? ' (machine busy: the CPU-time figure is the fairer one)' : ''}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
