/**
 * The MetaX MACA facade: sample-style programs against float64 references, in-process calls,
 * misuse under MACA's names, and MACA's numerics (plain fp32 GEMM unless the TF32 compute
 * type is requested; fp32 convolution by default, unlike CUDA's TF32).
 */
import { describe, expect, it } from 'vitest';
import * as maca from '../../../src/backends/maca/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { runProgram } from '../../../src/run/run-program.js';
import { float32DotBound } from '../cuda/cuda-test-kit.js';

const program = (name: string) => new URL(`../../fixtures/programs/maca/${name}`, import.meta.url).pathname;

function values(run: Awaited<ReturnType<typeof runProgram>>, name: string): Float64Array {
  const t = run.ranks[0].outputs.get(name);
  if (!t) throw new Error(`no output ${name}`);
  return t.toFloat64();
}

function inProcess(fn: () => void): SimProcess {
  const process = new SimProcess();
  withProcess(process, fn);
  return process;
}

describe('MACA sample programs', () => {
  it('mcblasGemmEx: MCBLAS_COMPUTE_32F is fp32, MCBLAS_COMPUTE_32F_FAST_TF32 rounds operands to TF32', async () => {
    const run = await runProgram(program('mcblas-gemmex.ts'));
    const [M, K, N] = [4, 16, 3];
    const a = randomFloat32(K * M, 7);
    const b = randomFloat32(K * N, 8);
    const c32 = values(run, 'c32');
    const cTf32 = values(run, 'cTf32');
    const tf32 = (v: number) => roundToFormat(v, TF32, 'nearest-even'); // profiles/maca.yaml: nearest-even modelled
    let differs = false;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let exact = 0;
        let rounded = 0;
        let mag = 0;
        for (let l = 0; l < K; l++) {
          exact += a[i * K + l] * b[j * K + l];
          rounded += tf32(a[i * K + l]) * tf32(b[j * K + l]);
          mag += Math.abs(a[i * K + l] * b[j * K + l]);
        }
        // Tolerance: float32 accumulation of K products (Higham's bound) around each reference.
        expect(Math.abs(c32[i + j * M] - exact)).toBeLessThanOrEqual(float32DotBound(K, mag));
        expect(Math.abs(cTf32[i + j * M] - rounded)).toBeLessThanOrEqual(float32DotBound(K, mag));
        if (c32[i + j * M] !== cTf32[i + j * M]) differs = true;
      }
    }
    expect(differs).toBe(true);
    const ops = run.ranks[0].trace.filter((t) => t.kind === 'op');
    expect(ops.map((t) => [t.backend, t.symbol, t.op])).toEqual([
      ['maca', 'mcblasGemmEx', 'Gemm'],
      ['maca', 'mcblasGemmEx', 'Gemm'],
    ]);
    expect(ops[1].profile).toContain('computeType=MCBLAS_COMPUTE_32F_FAST_TF32');
    expect(run.ranks[0].diagnostics).toEqual([]);
  });

  it('mcdnnSoftmaxForward over channels: ACCURATE and LOG against float64 references', async () => {
    const run = await runProgram(program('mcdnn-softmax.ts'));
    const [N, C, H, W] = [2, 5, 3, 2];
    const x = randomFloat32(N * C * H * W, 21, -4, 4);
    const p = values(run, 'probabilities');
    const lp = values(run, 'logProbabilities');
    for (let n = 0; n < N; n++) {
      for (let s = 0; s < H * W; s++) {
        const at = (c: number) => n * C * H * W + c * H * W + s;
        const max = Math.max(...Array.from({ length: C }, (_, c) => x[at(c)]));
        const sum = Array.from({ length: C }, (_, c) => Math.exp(x[at(c)] - max)).reduce((u, v) => u + v, 0);
        for (let c = 0; c < C; c++) {
          const ref = Math.exp(x[at(c)] - max) / sum;
          // Tolerance: a few float32 roundings in exp, the 5-term sum and the division.
          expect(Math.abs(p[at(c)] - ref)).toBeLessThanOrEqual(1e-6 * Math.max(ref, 1e-3) + 1e-7);
          expect(Math.abs(lp[at(c)] - (x[at(c)] - max - Math.log(sum)))).toBeLessThanOrEqual(2e-6 * (1 + Math.abs(lp[at(c)])));
        }
      }
    }
    expect(run.ranks[0].trace.filter((t) => t.kind === 'op').map((t) => [t.symbol, t.op])).toEqual([
      ['mcdnnSoftmaxForward', 'Softmax'],
      ['mcdnnSoftmaxForward', 'LogSoftmax'],
    ]);
  });

  it('mcdnn_frontend RMSNorm graph built step by step; get_workspace_size() returns the bytes', async () => {
    const run = await runProgram(program('mcdnn-fe-rmsnorm.ts'));
    const [tokens, hidden] = [4, 32];
    const x = randomFloat32(tokens * hidden, 40, -3, 3);
    const scale = randomFloat32(hidden, 41, 0.5, 1.5);
    const y = values(run, 'y');
    for (let t = 0; t < tokens; t++) {
      let ms = 0;
      for (let h = 0; h < hidden; h++) ms += x[t * hidden + h] ** 2;
      const inv = 1 / Math.sqrt(ms / hidden + Math.fround(1e-6));
      for (let h = 0; h < hidden; h++) {
        const ref = x[t * hidden + h] * inv * scale[h];
        // Tolerance: float32 mean of 32 squares, rsqrt and two products.
        expect(Math.abs(y[t * hidden + h] - ref)).toBeLessThanOrEqual(4e-6 * Math.abs(ref) + 1e-6);
      }
    }
    expect(values(run, 'workspaceBytes')[0]).toBeGreaterThanOrEqual(0);
    const ops = run.ranks[0].trace.filter((t) => t.kind === 'op');
    expect(ops.length).toBeGreaterThan(0);
    for (const t of ops) expect([t.backend, t.symbol]).toEqual(['maca', 'mcdnn_frontend::graph::Graph::execute']);
    expect(run.ranks[0].diagnostics).toEqual([]);
  });
});

describe('MACA in process', () => {
  it('MCCL keeps its confirmed numeric values; MACA runtime enums with unconfirmed values are their names', () => {
    expect([maca.mcclFloat, maca.mcclSum, maca.mcclSuccess]).toEqual([7, 0, 0]);
    expect(maca.mcMemcpyHostToDevice).toBe('mcMemcpyHostToDevice');
    const version = maca.ref<number>();
    inProcess(() => expect(maca.mcclGetVersion(version)).toBe(maca.mcclSuccess));
    expect(version.value).toBeGreaterThan(0);
  });

  it('reports misuse with MACA statuses and diagnostics in MACA names', () => {
    const process = inProcess(() => {
      const p = maca.ref<maca.DevicePtr>();
      expect(maca.mcMalloc(p, 16)).toBe(maca.mcSuccess);
      const host = new Float32Array(8);
      // 32 bytes into a 16-byte allocation.
      expect(maca.mcMemcpy(p.value, host, 32, maca.mcMemcpyHostToDevice)).toBe(maca.mcErrorInvalidValue);
      expect(maca.mcFree(p.value)).toBe(maca.mcSuccess);
      const h = maca.ref<maca.mcblasHandle_t>();
      expect(maca.mcblasCreate(h)).toBe(maca.MCBLAS_STATUS_SUCCESS);
      expect(maca.mcblasSgemm(h.value, maca.MCBLAS_OP_N, maca.MCBLAS_OP_N, -1, 1, 1, 1, p.value, 1, p.value, 1, 0, p.value, 1)).toBe(maca.MCBLAS_STATUS_INVALID_VALUE);
      expect(maca.mcblasDestroy(h.value)).toBe(maca.MCBLAS_STATUS_SUCCESS);
      expect(maca.mcblasDestroy(h.value)).toBe(maca.MCBLAS_STATUS_NOT_INITIALIZED);
    });
    const d = process.diagnostics.entries;
    expect(d.map((x) => [x.id, x.backend, x.symbol, x.status])).toEqual([
      ['OB2001', 'maca', 'mcMemcpy', 'mcErrorInvalidValue'],
      ['OB2013', 'maca', 'mcblasSgemm', 'MCBLAS_STATUS_INVALID_VALUE'],
      ['OB2008', 'maca', 'mcblasDestroy', 'MCBLAS_STATUS_NOT_INITIALIZED'],
    ]);
    for (const x of d) expect(x.message).not.toMatch(/\bcu(da|blas)[A-Z]/);
  });

  it('the default profile runs convolutions in fp32 (CUDA: TF32) and GEMMs in fp32', () => {
    const catalog = loadCatalog();
    expect(catalog.defaultProfile('maca').conv.format).toBe('fp32');
    expect(catalog.defaultProfile('maca').matmul.format).toBe('fp32');
    expect(catalog.defaultProfile('cuda').conv.format).toBe('tf32');
  });
});
