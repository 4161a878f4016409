/**
 * Kunlun model programs run by runProgram (one worker per rank), compared with float64
 * references computed here from the same seeded inputs.
 */
import { describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { runProgram } from '../../../src/run/run-program.js';

const fixture = (name: string): string => new URL(`../../fixtures/programs/kunlun/${name}`, import.meta.url).pathname;
const [M, K, N] = [8, 64, 32];

/** relu(x·w + bias) in float64, with Σ|x·w| per element for error bounds. */
function feedForward(): { y: number[]; abs: number[]; x: Float32Array; w: Float32Array } {
  const x = randomFloat32(M * K, 1);
  const w = randomFloat32(K * N, 2, -0.5, 0.5);
  const bias = randomFloat32(N, 3, -0.1, 0.1);
  const y: number[] = [];
  const abs: number[] = [];
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = bias[j];
      let a = 0;
      for (let p = 0; p < K; p++) {
        s += x[i * K + p] * w[p * N + j];
        a += Math.abs(x[i * K + p] * w[p * N + j]);
      }
      y.push(Math.max(0, s));
      abs.push(a);
    }
  return { y, abs, x, w };
}

describe('the MLP forward program (fc_fusion + softmax + layer_norm on an XPU stream)', () => {
  it('reproduces float64 within the stated bounds; int16 fc deviates within the quantisation bound, TGEMM = float far closer', async () => {
    const run = await runProgram(fixture('mlp-forward.ts'));
    const [rank] = run.ranks;
    expect(rank.diagnostics).toEqual([]);
    const ref = feedForward();
    const fcFloat = rank.outputs.get('fcFloat')!.toFloat64();
    const fcInt16 = rank.outputs.get('fcInt16')!.toFloat64();
    // TGEMM = float: float32 products summed in float32, bias added once: |e| <= (K+2)·2^-24·(Σ|x·w| + |b|).
    fcFloat.forEach((v, i) => expect(Math.abs(v - ref.y[i])).toBeLessThanOrEqual((K + 2) * 2 ** -24 * (ref.abs[i] + 0.1)));
    // int16: per product (sx/2)|w| + (sw/2)(|x| + sx/2), sx = max|x|/32767, sw = max|w|/32767 (ReLU is 1-Lipschitz).
    const sx = Math.max(...Array.from(ref.x, Math.abs)) / 32767;
    const sw = Math.max(...Array.from(ref.w, Math.abs)) / 32767;
    const errors = Array.from(fcInt16, (v, i) => Math.abs(v - ref.y[i]));
    errors.forEach((e, i) => {
      const [row, col] = [Math.floor(i / N), i % N];
      let bound = 0;
      for (let p = 0; p < K; p++) bound += (sx / 2) * Math.abs(ref.w[p * N + col]) + (sw / 2) * (Math.abs(ref.x[row * K + p]) + sx / 2);
      expect(e).toBeLessThanOrEqual(bound + 2 ** -23 * (Math.abs(ref.y[i]) + bound));
    });
    const floatWorst = Math.max(...Array.from(fcFloat, (v, i) => Math.abs(v - ref.y[i])));
    expect(Math.max(...errors)).toBeGreaterThan(20 * floatWorst);

    // softmax and layer_norm of the TGEMM = float hidden layer, from the program's own hidden values.
    const probs = rank.outputs.get('probs')!.toFloat64();
    const normed = rank.outputs.get('normed')!.toFloat64();
    const gamma = randomFloat32(N, 4, 0.5, 1.5);
    const beta = randomFloat32(N, 5, -0.2, 0.2);
    for (let i = 0; i < M; i++) {
      const row = Array.from(fcFloat.subarray(i * N, (i + 1) * N));
      const max = Math.max(...row);
      const sum = row.reduce((a, v) => a + Math.exp(v - max), 0);
      const mean = row.reduce((a, v) => a + v, 0) / N;
      const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / N;
      row.forEach((v, j) => {
        // torch's fp32 tolerances (rtol 1.3e-6, atol 1e-5).
        expect(Math.abs(probs[i * N + j] - Math.exp(v - max) / sum)).toBeLessThanOrEqual(1e-5 + 1.3e-6 * (Math.exp(v - max) / sum));
        const ln = ((v - mean) / Math.sqrt(variance + 1e-5)) * gamma[j] + beta[j];
        expect(Math.abs(normed[i * N + j] - ln)).toBeLessThanOrEqual(1e-5 + 1.3e-6 * Math.abs(ln));
      });
    }

    const ops = rank.trace.filter((t) => t.kind === 'op').map((t) => [t.symbol, t.op, t.profile]);
    expect(ops).toEqual([
      ['xpu::fc_fusion', 'Gemm', 'kunlun.default+xpu::fc_fusion.TGEMM=int16_t'],
      ['xpu::fc_fusion', 'Gemm', 'kunlun.default+xpu::fc_fusion.TGEMM=float'],
      ['xpu::softmax', 'Softmax', 'kunlun.default'],
      ['xpu::layer_norm', 'LayerNormalization', 'kunlun.default'],
    ]);
    expect(rank.trace.find((t) => t.op === 'Gemm')?.site?.file).toMatch(/mlp-forward\.ts$/);
  });
});
