/**
 * The T-Head facade. Everything about T-Head's API is unconfirmed (a third-party claim of
 * CUDA compatibility): the facade keeps CUDA's names, knows no enum value (constants are
 * their names), and assumes CUDA's numerics (profiles/thead.yaml, all unconfirmed).
 */
import { describe, expect, it } from 'vitest';
import * as thead from '../../../src/backends/thead/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { runProgram } from '../../../src/run/run-program.js';
import { float32DotBound } from '../cuda/cuda-test-kit.js';

const program = (name: string) => new URL(`../../fixtures/programs/thead/${name}`, import.meta.url).pathname;

function values(run: Awaited<ReturnType<typeof runProgram>>, name: string): Float64Array {
  const t = run.ranks[0].outputs.get(name);
  if (!t) throw new Error(`no output ${name}`);
  return t.toFloat64();
}

describe('T-Head sample programs (CUDA code unchanged)', () => {
  it('cuBLAS SGEMM in default math and with CUBLAS_TF32_TENSOR_OP_MATH, as CUDA would compute it', async () => {
    const run = await runProgram(program('cublas-sgemm-tf32.ts'));
    const [M, K, N] = [3, 12, 4];
    const a = randomFloat32(M * K, 31);
    const b = randomFloat32(K * N, 32);
    const cDefault = values(run, 'cDefault');
    const cTf32 = values(run, 'cTf32');
    // profiles/thead.yaml assumes cuda.cublas-tf32: TF32 operands rounded ties-away (unconfirmed for T-Head).
    const tf32 = (v: number) => roundToFormat(v, TF32, 'nearest-away');
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let exact = 0;
        let rounded = 0;
        let mag = 0;
        for (let l = 0; l < K; l++) {
          exact += a[i + l * M] * b[l + j * K];
          rounded += tf32(a[i + l * M]) * tf32(b[l + j * K]);
          mag += Math.abs(a[i + l * M] * b[l + j * K]);
        }
        // Tolerance: float32 accumulation of K products (Higham's bound).
        expect(Math.abs(cDefault[i + j * M] - exact)).toBeLessThanOrEqual(float32DotBound(K, mag));
        expect(Math.abs(cTf32[i + j * M] - rounded)).toBeLessThanOrEqual(float32DotBound(K, mag));
      }
    }
    const ops = run.ranks[0].trace.filter((t) => t.kind === 'op');
    expect(ops.map((t) => [t.backend, t.symbol, t.op])).toEqual([
      ['thead', 'cublasSgemm', 'Gemm'],
      ['thead', 'cublasSgemm', 'Gemm'],
    ]);
    expect(ops[1].profile).toContain('cublasSetMathMode.mode=CUBLAS_TF32_TENSOR_OP_MATH');
  });

  it('cuDNN max pooling: exact window maxima', async () => {
    const run = await runProgram(program('cudnn-pooling.ts'));
    const x = randomFloat32(2 * 4 * 6, 51, -1, 1);
    expect([...values(run, 'dims')]).toEqual([1, 2, 2, 3]);
    const y = values(run, 'y');
    for (let c = 0; c < 2; c++) {
      for (let p = 0; p < 2; p++) {
        for (let q = 0; q < 3; q++) {
          const window = [0, 1].flatMap((i) => [0, 1].map((j) => x[c * 24 + (2 * p + i) * 6 + 2 * q + j]));
          expect(y[c * 6 + p * 3 + q]).toBe(Math.max(...window));
        }
      }
    }
    expect(run.ranks[0].diagnostics).toEqual([]);
  });
});

describe('T-Head in process', () => {
  it('is unconfirmed throughout: every callable entry and every enum in the catalog says so', () => {
    const b = loadCatalog().backend('thead');
    for (const e of b.entries.values()) expect(e.spec.confidence, e.spec.symbol).toBe('unconfirmed');
    for (const e of b.enums.values()) {
      expect(e.spec.confidence, e.spec.name).toBe('unconfirmed');
      for (const m of e.spec.members) expect(m.value, m.name).toBeNull();
    }
    expect(thead.cudaMemcpyHostToDevice).toBe('cudaMemcpyHostToDevice');
    expect(thead.CUBLAS_OP_T).toBe('CUBLAS_OP_T');
  });

  it("refuses CUDA's numbers for T-Head enums (their values are unknown) with T-Head's statuses and names", () => {
    const process = new SimProcess();
    withProcess(process, () => {
      const p = thead.ref<thead.DevicePtr>();
      expect(thead.cudaMalloc(p, 16)).toBe(thead.cudaSuccess);
      const host = new Float32Array(4);
      expect(thead.cudaMemcpy(p.value, host, 16, 1 as never)).toBe(thead.cudaErrorInvalidMemcpyDirection);
      expect(thead.cudaMemcpy(p.value, host, 16, thead.cudaMemcpyHostToDevice)).toBe(thead.cudaSuccess);
      expect(thead.cudaGetErrorName(thead.cudaErrorInvalidMemcpyDirection)).toBe('cudaErrorInvalidMemcpyDirection');
      expect(thead.cudaFree(p.value)).toBe(thead.cudaSuccess);
    });
    expect(process.diagnostics.entries.map((d) => [d.id, d.backend, d.symbol, d.status])).toEqual([['OB2013', 'thead', 'cudaMemcpy', 'cudaErrorInvalidMemcpyDirection']]);
  });

  it('names its live objects with the (CUDA) type names T-Head is said to keep', () => {
    const process = new SimProcess();
    withProcess(process, () => {
      const h = thead.ref<thead.cublasHandle_t>();
      expect(thead.cublasCreate(h)).toBe(thead.CUBLAS_STATUS_SUCCESS);
      expect(process.liveObjects().map((o) => o.kind)).toEqual(['cublasHandle_t']);
    });
  });
});
