/**
 * The XDNN lifters (src/port/structural/xdnn-lift/) and the CUDA lowerers, decided by numbers:
 * programs go CUDA → Kunlun → CUDA in process (portSource both ways) and the program that comes
 * back runs against the original on the reference runtime (`verify`: golden and profiled runs of
 * both, compared call by call and output by output); a Kunlun program written by hand the way
 * Paddle calls XDNN is ported to CUDA and verified against itself.
 *
 * Verdicts: pass, or warn where only documented numerics differ (docs/verify.md): Kunlun's
 * profile against CUDA's for the hand-written program (TF32 products included), the CUDA facade
 * on both sides for the round trips.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

async function verifies(original: string, ported: string) {
  const dir = tempDir({ 'original.ts': original, 'ported.ts': ported, 'package.json': '{ "type": "module" }' });
  return verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
}

const XDNN_CALL = /\bxpu\.[a-z_0-9]+\(|\.set_stream\(/;
const TIMEOUT = 400_000; // the runs take seconds alone; a loaded 2-core machine stretches them

describe('cuda → kunlun → cuda keeps the results', () => {
  it.each([
    ['cudnn-softmax-add', ['cudnnAddTensor(', 'cudnnSoftmaxForward(', 'cudnnCreate(']],
    ['cudnn-batchnorm-pool', ['cudnnBatchNormalizationForwardInference(', 'cudnnActivationForward(', 'cudnnPoolingForward(']],
    // The erf GELU chain (xpu.scale, xpu.erf, xpu.scale, xpu.mul over a scratch) comes back as GELU_FWD.
    ['cudnn-frontend-erf-gelu', ['PointwiseMode_t.GELU_FWD']],
  ] as const)('%s', async (name, calls) => {
    const original = fixture(name);
    const there = portSource(original, { to: 'kunlun' });
    // Nothing stays CUDA on the way out (cudaDeviceSynchronize in a program that makes no stream is xpu_wait()).
    expect(there.diagnostics.filter((d) => d.severity === 'error').map((d) => d.symbol)).toEqual([]);
    expect(there.output).toMatch(XDNN_CALL); // the way out really went through XDNN
    const back = portSource(there.output, { to: 'cuda', from: 'kunlun' });
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(back.output).not.toMatch(XDNN_CALL);
    expect(back.output).not.toContain("from 'opbridge/kunlun'");
    for (const call of calls) expect(back.output).toContain(call);
    const report = await verifies(original, back.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});

describe('a Kunlun program written the way Paddle calls XDNN, ported to CUDA', () => {
  it('has its contexts become the handles their uses need, and matches the Kunlun program (test/fixtures/port/xdnn-to-cuda)', async () => {
    const input = fixture('xdnn-to-cuda');
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(XDNN_CALL);
    // GEMMs only: a cuBLAS handle; DNN ops only: a cuDNN handle; both: one of each.
    expect(ported.output).toContain('const blas = ref<cublasHandle_t>();');
    expect(ported.output).toContain('const dnn = ref<cudnnHandle_t>();');
    expect(ported.output).toMatch(/const both = ref<cublasHandle_t>\(\);\s+const bothDnn = ref<cudnnHandle_t>\(\);/);
    expect(ported.output).toContain('cublasSaxpy(both.value,');
    expect(ported.output).toContain('cudnnAddTensor(bothDnn.value,');
    expect(ported.output).toContain('CUBLAS_COMPUTE_32F_FAST_TF32');
    // The chains over scratch buffers come back as the one cuBLAS call each stands for, their scratch gone.
    expect(ported.output).toContain('cublasSaxpy(ctx, n, a, x, 1, y, 1)');
    expect(ported.output).toContain('cublasSdot(blas.value, M * N, dZ, 1, dZ, 1, dot)');
    expect(ported.output).not.toMatch(/const (scaled|products|sum) =|cudaMalloc\((scaled|products|sum),/);
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});
