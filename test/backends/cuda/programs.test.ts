/**
 * Sample-style CUDA programs (test/fixtures/programs/cuda/) run as real programs, one worker
 * per rank, against independent float64 references computed here.
 */
import { describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { geluTanh } from '../../../src/runtime/kernels/Gelu.js';
import { runProgram } from '../../../src/run/run-program.js';
import { float32DotBound } from './cuda-test-kit.js';

const program = (name: string) => new URL(`../../fixtures/programs/cuda/${name}`, import.meta.url).pathname;

function values(run: Awaited<ReturnType<typeof runProgram>>, name: string, rank = 0): Float64Array {
  const t = run.ranks[rank].outputs.get(name);
  if (!t) throw new Error(`no output ${name}`);
  return t.toFloat64();
}

describe('CUDA sample programs', () => {
  it('cuBLAS SGEMM sample: row-major products through swapped operands, a padded leading dimension and a transpose', async () => {
    const run = await runProgram(program('sgemm-sample.ts'));
    const [M, K, N] = [5, 7, 6];
    const a = randomFloat32(M * K, 1);
    const b = randomFloat32(K * N, 2);
    const y = values(run, 'y');
    const z = values(run, 'z');
    const y64 = new Float64Array(M * N);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        let mag = 0;
        for (let l = 0; l < K; l++) {
          s += a[i * K + l] * b[l * N + j];
          mag += Math.abs(a[i * K + l] * b[l * N + j]);
        }
        y64[i * N + j] = s;
        // Tolerance: float32 dot product of length K (Higham's bound, see cuda-test-kit).
        expect(Math.abs(y[i * N + j] - s)).toBeLessThanOrEqual(float32DotBound(K, mag));
      }
    }
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++) {
        let s = 0;
        let mag = 0;
        for (let l = 0; l < N; l++) {
          s += y[i * N + l] * y[j * N + l];
          mag += Math.abs(y[i * N + l] * y[j * N + l]);
        }
        expect(Math.abs(z[i * M + j] - s)).toBeLessThanOrEqual(float32DotBound(N, mag));
      }
    }
    expect(run.ranks[0].diagnostics).toEqual([]);
    const gemms = run.ranks[0].trace.filter((t) => t.kind === 'op');
    expect(gemms.map((t) => [t.symbol, t.op, t.attributes.transA, t.site?.line])).toEqual([
      ['cublasSgemm', 'Gemm', 0, expect.any(Number)],
      ['cublasSgemm', 'Gemm', 1, expect.any(Number)],
    ]);
  });

  it('two-stream pipeline with events: exact results, elapsed time from the simulated clock, no race reported', async () => {
    const run = await runProgram(program('streams-pipeline.ts'));
    const out = values(run, 'output');
    const HALF = 4096;
    for (let i = 0; i < HALF; i++) {
      const x0 = Math.fround((i % 97) / 8);
      const x1 = Math.fround(((i + HALF) % 97) / 8);
      // Scaling by 2 and 3 and one addition are exact in float32 for these values (multiples of 1/8 below 50).
      expect(out[i]).toBe(2 * x0);
      expect(out[HALF + i]).toBe(3 * x1 + 2 * x0);
    }
    const ms = values(run, 'elapsedMs')[0];
    expect(ms).toBeGreaterThan(0);
    // Five transfers of 16 KiB over the nominal 25 GB/s link alone take 3.3 µs; launches add 5 µs each.
    expect(ms).toBeLessThan(1);
    expect(run.ranks[0].diagnostics).toEqual([]);
  });

  it('cuBLASLt matmul + bias + GELU epilogue matches a float64 Linear + tanh-GELU reference', async () => {
    const run = await runProgram(program('cublaslt-bias-gelu.ts'));
    const [M, K, N] = [4, 32, 8];
    const x = randomFloat32(M * K, 7);
    const w = randomFloat32(N * K, 8, -0.5, 0.5);
    const b = randomFloat32(N, 9);
    const y = values(run, 'y');
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = b[j];
        let mag = Math.abs(b[j]);
        for (let l = 0; l < K; l++) {
          s += x[i * K + l] * w[j * K + l];
          mag += Math.abs(x[i * K + l] * w[j * K + l]);
        }
        // GEMM + bias error (float32) through GELU (slope < 1.13), plus GELU's own float32 rounding.
        const bound = 1.13 * float32DotBound(K + 1, mag) + 2 ** -23 * Math.abs(geluTanh(s));
        expect(Math.abs(y[i * N + j] - geluTanh(s))).toBeLessThanOrEqual(bound);
      }
    }
    expect(run.ranks[0].trace.filter((t) => t.kind === 'op').map((t) => t.op)).toEqual(['Gemm', 'Add', 'Gelu']);
    expect(run.ranks[0].diagnostics).toEqual([]);
  });

  it('reports an unsynchronised async result (OB2006) and leaked memory (OB2005) at the end of the program', async () => {
    const run = await runProgram(program('misuse-async-result.ts'));
    const ids = run.ranks[0].diagnostics.map((d) => d.id);
    expect(ids.sort()).toEqual(['OB2005', 'OB2005', 'OB2006']);
    expect(run.ranks[0].diagnostics.find((d) => d.id === 'OB2006')?.message).toMatch(/output 'result'.*cudaMemcpyAsync/);
  });
});

describe('NCCL programs across ranks', () => {
  it('four ranks all-reduce their buffers after exchanging the unique id with mpiBcast', async () => {
    const run = await runProgram(program('nccl-allreduce.ts'), { ranks: 4 });
    const inputs = [0, 1, 2, 3].map((r) => randomFloat32(1024, 100 + r));
    for (const rank of run.ranks) {
      const sum = values(run, 'sum', rank.rank);
      for (let i = 0; i < 1024; i++) {
        const exact = inputs.reduce((s, x) => s + x[i], 0);
        // Three float32 additions of values in [-1, 1): at most 3 roundings of 2^-24 relative to 4.
        expect(Math.abs(sum[i] - exact)).toBeLessThanOrEqual(3 * 2 ** -24 * 4);
      }
      expect(rank.diagnostics).toEqual([]);
      expect(rank.trace.filter((t) => t.kind === 'op').map((t) => [t.symbol, t.op, t.attributes.nranks])).toEqual([['ncclAllReduce', 'AllReduce', 4]]);
    }
    // Every rank computes the same sum in the same order.
    expect([...values(run, 'sum', 3)]).toEqual([...values(run, 'sum', 0)]);
  });

  it('turns ranks that call a collective with different counts into ncclInvalidUsage and OB2015 on every rank', async () => {
    const run = await runProgram(program('nccl-mismatch.ts'), { ranks: 2 });
    for (const rank of run.ranks) {
      expect(values(run, 'status', rank.rank)[0]).toBe(5); // ncclInvalidUsage
      expect(rank.diagnostics.map((d) => d.id)).toEqual(['OB2015']);
    }
  });
});
