/**
 * Shared pieces of the CUDA facade tests: a fresh simulated process per test, device
 * upload / download through the facade itself, diagnostics by id, and the float32 error
 * bound of a length-k dot product used as GEMM tolerance.
 */
import { expect } from 'vitest';
import * as cuda from '../../../src/backends/cuda/index.js';
import type { RuntimeDiagnosticId } from '../../../src/backends/sim/diagnostics.js';
import { SimProcess, withProcess, type SimProcessOptions } from '../../../src/backends/sim/sim-process.js';

export { cuda };


/** Runs `fn` in a fresh single-rank process; returns the process for its diagnostics and trace. */
export function inProcess(fn: (process: SimProcess) => void, options: SimProcessOptions = {}): SimProcess {
  const process = new SimProcess(options);
  withProcess(process, () => fn(process));
  return process;
}

export function upload(host: ArrayBufferView): cuda.DevicePtr {
  const p = cuda.ref<cuda.DevicePtr>();
  expect(cuda.cudaMalloc(p, host.byteLength)).toBe(cuda.cudaSuccess);
  expect(cuda.cudaMemcpy(p.value, host, host.byteLength, cuda.cudaMemcpyHostToDevice)).toBe(cuda.cudaSuccess);
  return p.value;
}

export function allocate(bytes: number): cuda.DevicePtr {
  const p = cuda.ref<cuda.DevicePtr>();
  expect(cuda.cudaMalloc(p, bytes)).toBe(cuda.cudaSuccess);
  return p.value;
}

export function downloadFloat32(ptr: cuda.DevicePtr, count: number): Float32Array {
  const out = new Float32Array(count);
  expect(cuda.cudaMemcpy(out, ptr, out.byteLength, cuda.cudaMemcpyDeviceToHost)).toBe(cuda.cudaSuccess);
  return out;
}

export function diagnosticIds(process: SimProcess): RuntimeDiagnosticId[] {
  return process.diagnostics.entries.map((d) => d.id);
}

export function lastDiagnostic(process: SimProcess) {
  const all = process.diagnostics.entries;
  return all[all.length - 1];
}

/**
 * Column-major C = alpha·op(A)·op(B) + beta·C in float64, and for each element the sum of
 * |alpha·a·b| terms (for error bounds).
 */
export function referenceGemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: ArrayLike<number>,
  lda: number,
  b: ArrayLike<number>,
  ldb: number,
  beta: number,
  c: ArrayLike<number>,
  ldc: number,
  round: (x: number) => number = (x) => x,
): { values: Float64Array; magnitude: Float64Array } {
  const values = new Float64Array(ldc * n);
  const magnitude = new Float64Array(ldc * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let sum = 0;
      let mag = 0;
      for (let l = 0; l < k; l++) {
        const av = round(transA ? a[l + i * lda] : a[i + l * lda]);
        const bv = round(transB ? b[j + l * ldb] : b[l + j * ldb]);
        sum += av * bv;
        mag += Math.abs(av * bv);
      }
      values[i + j * ldc] = alpha * sum + (beta === 0 ? 0 : beta * c[i + j * ldc]);
      magnitude[i + j * ldc] = Math.abs(alpha) * mag + Math.abs(beta === 0 ? 0 : beta * c[i + j * ldc]);
    }
  }
  return { values, magnitude };
}

/**
 * Tolerance of a float32 result built from float32 products summed in float32, in any
 * order: |error| <= gamma(k + 2) · Σ|terms| with gamma(n) = n·u / (1 - n·u), u = 2^-24
 * (Higham, Accuracy and Stability of Numerical Algorithms, §3.1), plus the final rounding.
 */
export function float32DotBound(k: number, magnitude: number): number {
  const u = 2 ** -24;
  const n = k + 2;
  return ((n * u) / (1 - n * u)) * magnitude + u * magnitude;
}
