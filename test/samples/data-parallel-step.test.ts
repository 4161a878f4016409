/**
 * samples/data-parallel-step: four ranks, one SGD step of a linear model. Checked against a
 * float64 reference of the whole step (data generated as the sample's host code does, the
 * model math written out here) with error bounds built from float32 rounding (u = 2^-24,
 * cuda.cublas-default: fp32 GEMMs with fp32 accumulation).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../src/backends/host/host-data.js';
import { runProgram, type ProgramRun } from '../../src/run/run-program.js';
import { U32, expectWithin, gamma, output, samplePath } from './sample-kit.js';

const RANKS = 4;
const [D, O, B] = [64, 8, 32];
const LR = 0.05;

/** The shard the sample's host code builds for `rank` (input data, not reference math). */
function shard(rank: number): { x: Float32Array; t: Float32Array } {
  const x = randomFloat32(B * D, 1000 + rank);
  const teacher = randomFloat32(D * O, 42, -0.5, 0.5);
  const noise = randomFloat32(B * O, 2000 + rank, -0.05, 0.05);
  const t = new Float32Array(B * O);
  for (let i = 0; i < B; i++) {
    for (let o = 0; o < O; o++) {
      let sum = noise[i * O + o];
      for (let d = 0; d < D; d++) sum += x[i * D + d] * teacher[d * O + o];
      t[i * O + o] = sum;
    }
  }
  return { x, t };
}

/** Float64 SGD step with, per element, a bound on the float32 pipeline's error. */
function reference() {
  const w0 = randomFloat32(D * O, 7, -0.1, 0.1);
  const alpha = 2 / (B * O);
  const gradSum = new Float64Array(D * O);
  const gradErrSum = new Float64Array(D * O);
  const gradAbsSum = new Float64Array(D * O);
  let lossSum = 0;
  let lossErrSum = 0;
  for (let r = 0; r < RANKS; r++) {
    const { x, t } = shard(r);
    const res = new Float64Array(B * O);
    const resErr = new Float64Array(B * O);
    let squares = 0;
    for (let i = 0; i < B; i++) {
      for (let o = 0; o < O; o++) {
        let y = 0;
        let mag = 0;
        for (let d = 0; d < D; d++) {
          y += x[i * D + d] * w0[d * O + o];
          mag += Math.abs(x[i * D + d] * w0[d * O + o]);
        }
        const v = y - t[i * O + o];
        res[i * O + o] = v;
        // Forward dot of length D (γ(D+2)·Σ|x·w| plus its rounding), then the saxpy's addition.
        const eY = (gamma(D + 2) + U32) * mag;
        resErr[i * O + o] = eY + U32 * (Math.abs(v) + eY);
        squares += v * v;
      }
    }
    // Loss: the dot R·R of length B·O on the perturbed residuals, divided on the host.
    let dSquares = gamma(B * O + 2) * squares;
    for (let k = 0; k < B * O; k++) dSquares += 2 * Math.abs(res[k]) * resErr[k] + resErr[k] ** 2;
    lossSum += squares / (B * O);
    lossErrSum += dSquares / (B * O);
    for (let d = 0; d < D; d++) {
      for (let o = 0; o < O; o++) {
        let g = 0;
        let mag = 0;
        let propagated = 0;
        for (let i = 0; i < B; i++) {
          g += x[i * D + d] * res[i * O + o];
          mag += Math.abs(x[i * D + d] * res[i * O + o]);
          propagated += Math.abs(x[i * D + d]) * resErr[i * O + o];
        }
        gradSum[d * O + o] += alpha * g;
        gradAbsSum[d * O + o] += Math.abs(alpha * g);
        // Residual errors carried through the GEMM, plus the GEMM's own rounding (alpha = 2^-7 is exact).
        gradErrSum[d * O + o] += alpha * (propagated + (gamma(B + 2) + U32) * mag);
      }
    }
  }
  const weights = new Float64Array(D * O);
  const weightsBound = new Float64Array(D * O);
  for (let k = 0; k < D * O; k++) {
    const g = gradSum[k] / RANKS;
    weights[k] = w0[k] - LR * g;
    // All-reduce (RANKS − 1 additions) and the exact scaling by 1/4: γ(RANKS)·Σ|G_r|/4; then the
    // saxpy: lr read as float32 and the product rounded (2u·lr·|G|), the sum rounded (u·|W|).
    const eG = gradErrSum[k] / RANKS + (gamma(RANKS) * gradAbsSum[k]) / RANKS;
    weightsBound[k] = LR * eG + 2 * U32 * LR * Math.abs(g) + U32 * (Math.abs(weights[k]) + LR * Math.abs(g)) + 1e-12;
  }
  const loss = lossSum / RANKS;
  // Host float32 of each local loss, the all-reduce's additions and the final float32 store.
  const lossBound = lossErrSum / RANKS + gamma(RANKS + 2) * loss;
  return { w0, weights, weightsBound, loss, lossBound };
}

describe('sample data-parallel-step (4 ranks: cuBLAS forward/backward, NCCL all-reduce, SGD)', () => {
  let run: ProgramRun;
  const ref = reference();
  beforeAll(async () => {
    run = await runProgram(samplePath('data-parallel-step'), { ranks: RANKS });
  });

  it('updates the weights as a float64 SGD step on all shards does, identically on every rank', () => {
    for (let r = 0; r < RANKS; r++) {
      expectWithin(`rank ${r} weights`, output(run, 'weights', r), ref.weights, ref.weightsBound);
      expect([...output(run, 'weights', r)]).toEqual([...output(run, 'weights', 0)]);
    }
    // The bound is far below the step itself, so a wrong gradient (sign, scale, one shard) fails.
    let step = 0;
    let bound = 0;
    for (let k = 0; k < D * O; k++) {
      step = Math.max(step, Math.abs(ref.weights[k] - ref.w0[k]));
      bound = Math.max(bound, ref.weightsBound[k]);
    }
    expect(bound).toBeLessThan(step * 1e-4);
  });

  it('reports the mean loss over all shards on every rank', () => {
    for (let r = 0; r < RANKS; r++) {
      expectWithin(`rank ${r} loss`, output(run, 'loss', r), [ref.loss], [ref.lossBound]);
    }
  });

  it('runs broadcast, forward GEMM, residual, loss, gradient GEMM, all-reduces, scaling and update with no diagnostics', () => {
    for (const rank of run.ranks) {
      expect(rank.diagnostics).toEqual([]);
      expect(rank.trace.filter((t) => t.kind === 'op').map((t) => `${t.symbol}:${t.op}`)).toEqual([
        'ncclBroadcast:Broadcast',
        'cublasSgemm:Gemm',
        'cublasSaxpy:Mul',
        'cublasSaxpy:Add',
        'cublasSdot:MatMul',
        'cublasSgemm:Gemm',
        'ncclAllReduce:AllReduce',
        'ncclAllReduce:AllReduce',
        'cublasSscal:Mul',
        'cublasSaxpy:Mul',
        'cublasSaxpy:Add',
      ]);
    }
  });
});
