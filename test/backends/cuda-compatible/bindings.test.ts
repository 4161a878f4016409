/**
 * The generated bindings of the CUDA-compatible facades are fresh (npm run generate), and the
 * binding pairs enums and members by meaning, not by position.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cudaFacade from '../../../src/backends/cuda/index.js';
import { COMPATIBLE_BACKENDS, compatibleBindingsPath, generateCompatibleBindings } from '../../../src/backends/codegen/compatible-bindings.js';
import { CompatibleBackend } from '../../../src/backends/cuda-compatible/compatible-backend.js';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { packageRoot } from '../../../src/catalog/package-root.js';

const cudaArity = new Map(
  Object.entries(cudaFacade as Record<string, unknown>)
    .filter((e): e is [string, (...args: never[]) => unknown] => typeof e[1] === 'function')
    .map(([name, fn]) => [name, fn.length]),
);

describe('CUDA-compatible bindings', () => {
  it.each(COMPATIBLE_BACKENDS)('%s: bindings.generated.ts is fresh', (backend) => {
    const path = join(packageRoot(), compatibleBindingsPath(backend));
    expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run generate`).toBe(generateCompatibleBindings(loadCatalog(), backend, cudaArity));
  });

  it('names CUDA symbols, enums, members and types in the target spelling, and translates by meaning', () => {
    const musa = new CompatibleBackend('musa');
    expect(['cudaMalloc', 'cublasSgemm', 'cudaMemcpyKind', 'cudaMemcpyHostToDevice', 'CUBLAS_OP_T', 'cublasHandle_t', 'ncclSum'].map((n) => musa.name(n))).toEqual([
      'musaMalloc',
      'mublasSgemm',
      'musaMemcpyKind',
      'musaMemcpyHostToDevice',
      'MUBLAS_OP_T',
      'mublasHandle_t',
      'mcclSum',
    ]);
    expect(musa.toCudaEnum('musaMemcpyDeviceToHost', 'musaMemcpyKind', 'cudaMemcpyKind')).toBe(cudaFacade.cudaMemcpyDeviceToHost);
    // llama.cpp's musa.h passes compute types as data types: MUSA_R_32F means CUBLAS_COMPUTE_32F.
    expect(musa.toCudaEnum('MUSA_R_32F', 'musaDataType_t', 'cublasComputeType_t')).toBe(cudaFacade.CUBLAS_COMPUTE_32F);
    expect(musa.fromCuda(cudaFacade.cudaErrorNotReady, 'musaError_t', 'cudaError_t')).toBe('musaErrorNotReady');
    // muBLAS names a stale handle INVALID_HANDLE where cuBLAS says NOT_INITIALIZED.
    expect(musa.fromCuda(cudaFacade.CUBLAS_STATUS_NOT_INITIALIZED, 'mublasStatus_t', 'cublasStatus_t')).toBe('MUBLAS_STATUS_INVALID_HANDLE');
    expect(musa.message('cudaFree: double free (cudaMalloc at x.ts:3)')).toBe('musaFree: double free (musaMalloc at x.ts:3)');
  });
});
