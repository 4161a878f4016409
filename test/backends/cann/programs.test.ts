/**
 * Sample-style CANN programs (test/fixtures/programs/cann) run in workers with runProgram, each
 * checked against float64 references computed here from the operator definitions. Tolerances
 * are stated per check; they follow from float32 storage and accumulation.
 */
import { describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { HF32, FP16, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { runProgram, type ProgramRun } from '../../../src/run/run-program.js';
import { finalChecks } from '../../../src/run/final-checks.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import type { RunMode } from '../../../src/runtime/kernel.js';
import {
  attention64,
  dotBound,
  geluErf64,
  geluTanh64,
  layerNormRows64,
  matmul64,
  rmsNormRows64,
  softmaxRows64,
  worstExcess,
} from './references.js';

const program = (name: string): string => new URL(`../../fixtures/programs/cann/${name}`, import.meta.url).pathname;

/** The parts of a run the checks read, whether it ran in workers or in-process. */
interface Outcome {
  readonly outputs: readonly ReadonlyMap<string, Float64Array>[];
  readonly diagnostics: readonly (readonly { id: string; symbol: string; severity: string; message: string }[])[];
}

function fromRun(run: ProgramRun): Outcome {
  return {
    outputs: run.ranks.map((r) => new Map([...r.outputs].map(([k, t]) => [k, t.toFloat64()]))),
    diagnostics: run.ranks.map((r) => r.diagnostics),
  };
}

/**
 * Single-rank programs also run in-process (the same main(), the same facade module): a
 * worker costs seconds of start-up, and the runner itself is covered by the runProgram cases.
 */

const FIXTURES: Readonly<Record<string, () => Promise<unknown>>> = {
  'matmul.ts': () => import('../../fixtures/programs/cann/matmul.js'),
  'addmm.ts': () => import('../../fixtures/programs/cann/addmm.js'),
  'normalization.ts': () => import('../../fixtures/programs/cann/normalization.js'),
  'gelu.ts': () => import('../../fixtures/programs/cann/gelu.js'),
  'flash-attention.ts': () => import('../../fixtures/programs/cann/flash-attention.js'),
  'leaks.ts': () => import('../../fixtures/programs/cann/leaks.js'),
};

async function inProcess(name: string, mode: RunMode = 'profiled'): Promise<Outcome> {
  const module = (await FIXTURES[name]()) as { main: () => Record<string, Float32Array> };
  const process = new SimProcess({ mode });
  const returned = withProcess(process, () => module.main());
  finalChecks(process, Object.entries(returned).map(([n, value]) => ({ name: n, value })));
  return { outputs: [new Map(Object.entries(returned).map(([k, v]) => [k, Float64Array.from(v)]))], diagnostics: [process.diagnostics.entries] };
}

function output(run: Outcome, name: string, rank = 0): Float64Array {
  const t = run.outputs[rank].get(name);
  if (!t) throw new Error(`no output ${name}`);
  return t;
}

function errors(run: Outcome, rank = 0): string[] {
  return run.diagnostics[rank].filter((d) => d.severity === 'error').map((d) => `${d.id} ${d.symbol}: ${d.message}`);
}

describe('sample-style CANN programs', () => {
  it('aclnnMatmul: KEEP_DTYPE is true FP32; USE_HF32 and USE_FP16 round the inputs as documented', async () => {
    const run = fromRun(await runProgram(program('matmul.ts')));
    expect(errors(run)).toEqual([]);
    const [M, K, N] = [8, 64, 6];
    const a = randomFloat32(M * K, 11);
    const b = randomFloat32(K * N, 12);
    const exact = matmul64(a, b, M, K, N);
    const hf32 = matmul64(Array.from(a, (x) => roundToFormat(x, HF32, 'nearest-away')), Array.from(b, (x) => roundToFormat(x, HF32, 'nearest-away')), M, K, N);
    const fp16 = matmul64(Array.from(a, (x) => roundToFormat(x, FP16)), Array.from(b, (x) => roundToFormat(x, FP16)), M, K, N);
    const keep = output(run, 'keep');
    const outHf32 = output(run, 'hf32');
    const outFp16 = output(run, 'fp16');
    for (let i = 0; i < M * N; i++) {
      // Each result is its rounded-operand product accumulated in float32: within k·u·Σ|ab| of it.
      expect(Math.abs(keep[i] - exact.c[i])).toBeLessThanOrEqual(dotBound(K, exact.abs[i]));
      expect(Math.abs(outHf32[i] - hf32.c[i])).toBeLessThanOrEqual(dotBound(K, hf32.abs[i]));
      expect(Math.abs(outFp16[i] - fp16.c[i])).toBeLessThanOrEqual(dotBound(K, fp16.abs[i]));
      // Rounding each operand to 11 (HF32) or 10 (FP16) mantissa bits moves a product by at most
      // 2·2^-12 or 2·2^-11 of |ab| (plus the float32 accumulation).
      expect(Math.abs(outHf32[i] - exact.c[i])).toBeLessThanOrEqual(2 * 2 ** -12 * exact.abs[i] + dotBound(K, exact.abs[i]));
      expect(Math.abs(outFp16[i] - exact.c[i])).toBeLessThanOrEqual(2 * 2 ** -11 * exact.abs[i] + dotBound(K, exact.abs[i]));
    }
    // The precisions really differ, by far more than float32 rounding: HF32 and FP16 lose input bits.
    const maxDiff = (x: Float64Array, y: Float64Array) => Math.max(...Array.from(x, (v, i) => Math.abs(v - y[i])));
    expect(maxDiff(outHf32, keep)).toBeGreaterThan(1e-5);
    expect(maxDiff(outFp16, keep)).toBeGreaterThan(maxDiff(outHf32, keep));
    // ALLOW_FP32_DOWN_PRECISION is HF32 on Atlas A2/A3 (profiles/cann.yaml).
    expect(Array.from(output(run, 'down'))).toEqual(Array.from(outHf32));
  });

  it('golden mode is not affected by cubeMathType: every product is the float64 result rounded once', async () => {
    const run = await inProcess('matmul.ts', 'golden');
    const [M, K, N] = [8, 64, 6];
    const exact = matmul64(randomFloat32(M * K, 11), randomFloat32(K * N, 12), M, K, N);
    for (const name of ['keep', 'down', 'fp16', 'hf32']) {
      // One rounding of the float64 sum; float64 summation order may differ by far less than an fp32 ulp.
      expect(worstExcess(output(run, name), Array.from(exact.c, Math.fround), 2 ** -23, 0), name).toBeLessThanOrEqual(0);
    }
  });

  it('aclnnAddmm with a transposed-view weight: out = beta·bias + alpha·input·weightᵀ', async () => {
    const run = await inProcess('addmm.ts');
    expect(errors(run)).toEqual([]);
    const [M, K, N] = [5, 24, 7];
    const bias = randomFloat32(N, 21);
    const product = matmul64(randomFloat32(M * K, 22), randomFloat32(N * K, 23), M, K, N, [1, K]);
    const out = output(run, 'out');
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        const e = 0.5 * bias[j] + 2 * product.c[i * N + j];
        expect(Math.abs(out[i * N + j] - e)).toBeLessThanOrEqual(2 * dotBound(K + 2, product.abs[i * N + j] + Math.abs(bias[j])));
      }
    }
  });

  it('aclnnSoftmax, aclnnLayerNorm and aclnnRmsNorm match their float64 definitions', async () => {
    const run = await inProcess('normalization.ts');
    expect(errors(run)).toEqual([]);
    const [rows, cols] = [6, 16];
    const x = randomFloat32(rows * cols, 31, -3, 3);
    // float32 storage and float32 sums over 16 values: a few ulps.
    const fp32 = { rtol: 1e-5, atol: 1e-6 };
    expect(worstExcess(output(run, 'softmax'), softmaxRows64(x, rows, cols), fp32.rtol, fp32.atol)).toBeLessThanOrEqual(0);
    const ln = layerNormRows64(x, rows, cols, randomFloat32(cols, 32, 0.5, 1.5), randomFloat32(cols, 33), Math.fround(1e-5));
    expect(worstExcess(output(run, 'layerNorm'), ln.y, fp32.rtol, fp32.atol)).toBeLessThanOrEqual(0);
    expect(worstExcess(output(run, 'mean'), ln.mean, fp32.rtol, fp32.atol)).toBeLessThanOrEqual(0);
    expect(worstExcess(output(run, 'rstd'), ln.rstd, fp32.rtol, fp32.atol)).toBeLessThanOrEqual(0);
    const rms = rmsNormRows64(x, rows, cols, randomFloat32(cols, 34, 0.5, 1.5), Math.fround(1e-6));
    expect(worstExcess(output(run, 'rmsNorm'), rms.y, fp32.rtol, fp32.atol)).toBeLessThanOrEqual(0);
    expect(worstExcess(output(run, 'rmsRstd'), rms.rstd, fp32.rtol, fp32.atol)).toBeLessThanOrEqual(0);
  });

  it('aclnnGelu is the tanh form whatever the caller meant; aclnnGeluV2(approximate = 0) is exact erf', async () => {
    const run = await inProcess('gelu.ts');
    expect(errors(run)).toEqual([]);
    const x = randomFloat32(64, 41, -4, 4);
    // float32 results of float64 formulas: 2 ulps, plus 1e-7 absolute near the zeros.
    expect(worstExcess(output(run, 'gelu'), Array.from(x, geluTanh64), 2.4e-7, 1e-7)).toBeLessThanOrEqual(0);
    expect(worstExcess(output(run, 'geluV2'), Array.from(x, geluErf64), 2.4e-7, 1e-7)).toBeLessThanOrEqual(0);
    // The two forms differ by up to ~2e-4 on [-4, 4]: far above the tolerance above.
    const diff = Math.max(...Array.from(output(run, 'gelu'), (v, i) => Math.abs(v - output(run, 'geluV2')[i])));
    expect(diff).toBeGreaterThan(1e-4);
  });

  it('aclnnFlashAttentionScore (BSH, causal uint8 mask) matches float64 attention, with softmaxMax / softmaxSum', async () => {
    const run = await inProcess('flash-attention.ts');
    expect(errors(run)).toEqual([]);
    const [B, S, N, D] = [2, 8, 2, 16];
    const [q, k, v] = [51, 52, 53].map((seed) => randomFloat32(B * S * N * D, seed));
    const at = (t: Float32Array) => (b: number, n: number, s: number, d: number) => t[((b * S + s) * N + n) * D + d];
    const ref = attention64(at(q), at(k), at(v), { B, N, Sq: S, Skv: S, D }, 1 / Math.sqrt(D), (i, j) => j <= i);
    const out = output(run, 'attentionOut');
    // Reorder the BNSD reference to the BSH output.
    const expected = new Float64Array(out.length);
    for (let b = 0; b < B; b++) for (let n = 0; n < N; n++) for (let s = 0; s < S; s++) for (let d = 0; d < D; d++) {
      expected[((b * S + s) * N + n) * D + d] = ref.out[((b * N + n) * S + s) * D + d];
    }
    // float32 products of length 16 and softmax over <= 8 keys: 1e-5 relative.
    expect(worstExcess(out, expected, 1e-5, 1e-6)).toBeLessThanOrEqual(0);
    const eightTimes = (x: Float64Array) => Float64Array.from({ length: x.length * 8 }, (_, i) => x[i >> 3]);
    expect(worstExcess(output(run, 'softmaxMax'), eightTimes(ref.max), 1e-5, 1e-6)).toBeLessThanOrEqual(0);
    expect(worstExcess(output(run, 'softmaxSum'), eightTimes(ref.sum), 1e-5, 1e-6)).toBeLessThanOrEqual(0);
  });

  it('HcclAllReduce over 4 ranks: every rank holds the float32 sum of all ranks', async () => {
    const run = fromRun(await runProgram(program('allreduce.ts'), { ranks: 4 }));
    const inputs = [0, 1, 2, 3].map((r) => randomFloat32(32, 100 + r));
    const expected = Array.from({ length: 32 }, (_, i) => inputs.reduce((s, x) => s + x[i], 0));
    for (let r = 0; r < 4; r++) {
      expect(errors(run, r)).toEqual([]);
      // Four float32 terms summed in float32: at most 3 roundings.
      expect(worstExcess(output(run, 'sum', r), expected, 3 * 2 ** -24 * 4, 1e-7)).toBeLessThanOrEqual(0);
      expect(Array.from(output(run, 'sum', r))).toEqual(Array.from(output(run, 'sum', 0)));
    }
  });

  it('reports a copy-back without aclrtSynchronizeStream (OB2007) and an unsynchronised async result (OB2006)', async () => {
    const run = fromRun(await runProgram(program('missing-sync.ts')));
    const ids = run.diagnostics[0].map((d) => `${d.id} ${d.symbol}`);
    expect(ids).toContain('OB2007 aclrtMemcpy');
    expect(ids).toContain('OB2006 aclrtMemcpyAsync');
  });

  it('reports aclTensors, device memory, executors and streams never released (OB2005)', async () => {
    const run = await inProcess('leaks.ts');
    const leaks = run.diagnostics[0].filter((d) => d.id === 'OB2005').map((d) => d.message);
    expect(leaks.filter((m) => m.startsWith('aclTensor created'))).toHaveLength(2);
    expect(leaks.filter((m) => m.includes('bytes of device memory'))).toHaveLength(2);
    expect(leaks.some((m) => m.startsWith('aclOpExecutor created'))).toBe(true);
    expect(leaks.some((m) => m.startsWith('aclrtStream created'))).toBe(true);
  });
});
