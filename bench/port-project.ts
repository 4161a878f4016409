/**
 * The generated projects the port benchmarks time (bench/port.bench.ts, bench/port-trees.ts):
 * deterministic TypeScript model code against the CUDA facade, and files that check every status
 * through status helpers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../test/helpers/seeded-random.js';


const IMPORTS = `import {
  cudaMalloc,
  cudaFree,
  cudaMallocHost,
  cudaFreeHost,
  cudaMemcpy,
  cudaMemcpyAsync,
  cudaMemset,
  cudaMemcpyHostToDevice,
  cudaMemcpyDeviceToHost,
  cudaMemcpyDeviceToDevice,
  cudaStreamCreate,
  cudaStreamSynchronize,
  cudaStreamWaitEvent,
  cudaStreamDestroy,
  cudaEventCreate,
  cudaEventRecord,
  cudaEventSynchronize,
  cudaEventElapsedTime,
  cudaEventDestroy,
  cudaGetLastError,
  cudaSuccess,
  ncclAllReduce,
  ncclBroadcast,
  ncclAllGather,
  ncclSum,
  ncclAvg,
  ncclFloat32,
  ncclFloat16,
  ncclSuccess,
  curandCreateGenerator,
  curandSetPseudoRandomGeneratorSeed,
  curandGenerateNormal,
  curandDestroyGenerator,
  CURAND_RNG_PSEUDO_PHILOX4_32_10,
  cudnnCreate,
  ref,
  type DevicePtr,
  type cudaStream_t,
  type cudaEvent_t,
  type ncclComm_t,
  type curandGenerator_t,
} from 'opbridge/cuda';
`;

const snippets: ((n: number) => string)[] = [
  (n) => `
/** Activations of layer ${n}; cudaMallocManaged is not used (see the design notes). */
export function allocLayer${n}(elements: number, stream: cudaStream_t): DevicePtr {
  const p = ref<DevicePtr>();
  if (cudaMalloc(p, elements * 4) !== cudaSuccess) throw new Error('cudaMalloc failed for layer ${n}');
  cudaMemset(p.value, 0, elements * 4);
  return p.value;
}
`,
  (n) => `
export function upload${n}(device: DevicePtr, host: Float32Array, stream: cudaStream_t): void {
  const staging = ref<DevicePtr>();
  cudaMallocHost(staging, host.byteLength);
  cudaMemcpyAsync(device, host, host.byteLength, cudaMemcpyHostToDevice, stream);
  cudaStreamSynchronize(stream);
  cudaFreeHost(staging.value);
}
`,
  (n) => `
export function download${n}(device: DevicePtr, length: number): Float32Array {
  const out = new Float32Array(length);
  const status = cudaMemcpy(out, device, bytesOf(out), cudaMemcpyDeviceToHost); // byte count computed once
  if (status !== cudaSuccess) console.warn(\`copy ${n} failed: \${status}\`);
  return out;
}
`,
  (n) => `
export function allReduce${n}(grads: DevicePtr, count: number, comm: ncclComm_t, stream: cudaStream_t): void {
  const st = ncclAllReduce(grads, grads, count, ncclFloat32, ncclSum, comm, stream);
  if (st !== ncclSuccess) throw new Error('all-reduce ${n}');
  ncclBroadcast(grads, grads, count, ncclFloat32, 0, comm, stream);
}
`,
  (n) => `
export function gather${n}(shard: DevicePtr, full: DevicePtr, count: number, comm: ncclComm_t, stream: cudaStream_t): void {
  ncclAllGather(shard, full, count, ncclFloat16, comm, stream);
  // Averaging needs a reduction the target may not have (ncclAvg):
  ncclAllReduce(full, full, count * 8, ncclFloat16, ncclAvg, comm, stream);
}
`,
  (n) => `
export function time${n}(work: (s: cudaStream_t) => void): number {
  const s = ref<cudaStream_t>();
  cudaStreamCreate(s);
  const start = ref<cudaEvent_t>();
  const stop = ref<cudaEvent_t>();
  cudaEventCreate(start);
  cudaEventCreate(stop);
  cudaEventRecord(start.value, s.value);
  work(s.value);
  cudaEventRecord(stop.value, s.value);
  cudaStreamWaitEvent(s.value, stop.value, 0);
  cudaEventSynchronize(stop.value);
  const ms = ref<number>();
  cudaEventElapsedTime(ms, start.value, stop.value); // "ms" as cudaEventElapsedTime documents it
  cudaEventDestroy(stop.value);
  cudaEventDestroy(start.value);
  cudaStreamDestroy(s.value);
  return ms.value;
}
`,
  (n) => `
export function initWeights${n}(weights: DevicePtr, count: number): void {
  const gen = ref<curandGenerator_t>();
  curandCreateGenerator(gen, CURAND_RNG_PSEUDO_PHILOX4_32_10);
  curandSetPseudoRandomGeneratorSeed(gen.value, ${1000 + n});
  curandGenerateNormal(gen.value, weights, count, 0, 0.02);
  curandDestroyGenerator(gen.value);
}
`,
  (n) => `
const HELP_${n} = \`usage: train --layers N
  (this template mentions cudaDeviceReset() and cudnnCreate and is not code)\`;

export function teardown${n}(buffers: DevicePtr[]): string {
  for (const b of buffers) cudaFree(b);
  cudnnCreate(ref()); // a library handle some targets do not have
  if (cudaGetLastError() !== cudaSuccess) return HELP_${n};
  const copy = ref<DevicePtr>();
  cudaMalloc(copy, 64);
  cudaMemcpy(copy.value, buffers[0], 64, cudaMemcpyDeviceToDevice);
  return '';
}
`,
];

const FOOTER = `
function bytesOf(t: Float32Array): number {
  return t.byteLength;
}
`;

/**
 * The status-helper project: files that check every status through the file's helpers
 * (`checkCuda(cudaMalloc(…), 'what')`). With `typed`, the helpers' parameters are the facade's
 * status enums, so the porter plans them (file-porter.ts planStatusHelpers over context/status-helpers.ts: each helper call's argument
 * is lowered once more, on trial, before the walk); without, the same text with the parameters
 * typed `number`: not status helpers, no planning. The two differ in nothing else.
 */
export function helperFile(f: number, typed: boolean): string {
  const [cudaStatus, ncclStatus, curandStatus] = typed ? ['cudaError_t', 'ncclResult_t', 'curandStatus_t'] : ['number', 'number', 'number'];
  const parts = [
    `// Generated benchmark model code with status helpers, file ${f}.\n`,
    IMPORTS.replace("  type DevicePtr,", "  type DevicePtr,\n  type cudaError_t,\n  type ncclResult_t,\n  type curandStatus_t,"),
    `
function checkCuda(status: ${cudaStatus}, what: string): void {
  if (status !== cudaSuccess) throw new Error(\`\${what}: CUDA error \${status}\`);
}

function checkNccl(status: ${ncclStatus}, what: string): void {
  if (status !== ncclSuccess) throw new Error(\`\${what}: NCCL error \${status}\`);
}

function checkCurand(status: ${curandStatus}, what: string): void {
  if (status !== 0) throw new Error(\`\${what}: cuRAND error \${status}\`);
}
`,
  ];
  for (let k = 0; k < 3; k++) {
    const n = f * 3 + k;
    parts.push(`
export function step${n}(host: Float32Array, count: number, comm: ncclComm_t, stream: cudaStream_t): Float32Array {
  const p = ref<DevicePtr>();
  checkCuda(cudaMalloc(p, host.byteLength), 'malloc ${n}');
  checkCuda(cudaMemcpyAsync(p.value, host, host.byteLength, cudaMemcpyHostToDevice, stream), 'upload ${n}');
  const gen = ref<curandGenerator_t>();
  checkCurand(curandCreateGenerator(gen, CURAND_RNG_PSEUDO_PHILOX4_32_10), 'generator ${n}');
  checkCurand(curandGenerateNormal(gen.value, p.value, count, 0, 0.02), 'normal ${n}');
  checkCurand(curandDestroyGenerator(gen.value), 'destroy generator ${n}');
  checkNccl(ncclAllReduce(p.value, p.value, count, ncclFloat32, ncclSum, comm, stream), 'all-reduce ${n}');
  checkCuda(cudaStreamSynchronize(stream), 'sync ${n}');
  const out = new Float32Array(host.length);
  checkCuda(cudaMemcpy(out, p.value, host.byteLength, cudaMemcpyDeviceToHost), 'download ${n}');
  checkCuda(cudaFree(p.value), 'free ${n}');
  return out;
}
`);
  }
  return parts.join('');
}

export function generateHelperProject(root: string, files: number, typed: boolean): void {
  for (let f = 0; f < files; f++) {
    const dir = join(root, `module_${Math.floor(f / 25)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `steps_${f}.ts`), helperFile(f, typed));
  }
}

export function generateProject(root: string, files: number): number {
  const r = mulberry32(20261128);
  let lines = 0;
  let n = 0;
  for (let f = 0; f < files; f++) {
    const dir = join(root, `module_${Math.floor(f / 25)}`);
    mkdirSync(dir, { recursive: true });
    const parts = [`// Generated benchmark model code, file ${f}.\n`, IMPORTS];
    let fileLines = parts.join('').split('\n').length;
    while (fileLines < 95) {
      const snippet = snippets[Math.floor(r() * snippets.length)](n++);
      parts.push(snippet);
      fileLines += snippet.split('\n').length - 1;
    }
    parts.push(FOOTER);
    const text = parts.join('');
    writeFileSync(join(dir, `layer_${f}.ts`), text);
    lines += text.split('\n').length - 1;
  }
  return lines;
}
