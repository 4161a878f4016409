/**
 * samples/data-parallel-step: four ranks, one SGD step of a linear model. Checked against
 * float64 math of the whole step (data generated as the sample's host code does, the model
 * math written out here). Tolerance: the rounding error model of error-model.ts for float32
 * storage and accumulation (u = 2^-24; cuda.cublas-default: plain fp32 GEMMs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../src/backends/host/host-data.js';
import { runProgram, type ProgramRun } from '../../src/run/run-program.js';
import { LAMBDA, UNIT, add, exact, matmul, rounded, scale, sumOf, summationError, transpose, type Estimate } from './error-model.js';
import { expectEstimate, output, samplePath } from './sample-kit.js';

const RANKS = 4;
const [D, O, B] = [64, 8, 32];
const LR = 0.05;
const U = UNIT.float32;

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

function reference() {
  const w0 = exact(randomFloat32(D * O, 7, -0.1, 0.1));
  const gradients: Estimate[] = [];
  const losses: Estimate[] = [];
  for (let r = 0; r < RANKS; r++) {
    const { x, t } = shard(r);
    const X = exact(x);
    // Forward GEMM, then the saxpy's exact negation and rounded addition.
    const residual = rounded(add(rounded(matmul(X, w0, B, D, O, { accumulate: U }), U), scale(exact(t), -1)), U);
    // Loss: R·R (both operands carry the same errors: δ(R·R) = 2·R·δR), divided on the host and stored in float32.
    let squares = 0;
    let fourth = 0;
    let propagated = 0;
    for (let k = 0; k < B * O; k++) {
      squares += residual.v[k] ** 2;
      fourth += residual.v[k] ** 4;
      propagated += (2 * residual.v[k] * residual.sd[k]) ** 2;
    }
    const dotError = Math.hypot(Math.sqrt(propagated), U * Math.sqrt(fourth), summationError(B * O, squares, fourth, U)) + U * squares;
    losses.push(rounded({ v: Float64Array.of(squares / (B * O)), sd: Float64Array.of(dotError / (B * O)) }, U));
    gradients.push(rounded(matmul(transpose(X, B, D), residual, D, B, O, { accumulate: U, alpha: 2 / (B * O) }), U));
  }
  // All-reduce (any order), the exact scaling by 1/4, then W − lr·G: lr read as float32 and the product rounded, the sum rounded.
  const gradient = scale(rounded(sumOf(gradients, U), U), 1 / RANKS);
  const step = rounded(rounded(scale(gradient, -LR), U), U);
  const weights = rounded(add(w0, step), U);
  const loss = rounded(scale(rounded(sumOf(losses, U), U), 1 / RANKS), U);
  return { w0, weights, loss };
}

describe('sample data-parallel-step (4 ranks: cuBLAS forward/backward, NCCL all-reduce, SGD)', () => {
  let run: ProgramRun;
  const ref = reference();
  beforeAll(async () => {
    run = await runProgram(samplePath('data-parallel-step'), { ranks: RANKS });
  });

  it('updates the weights as a float64 SGD step on all shards does, identically on every rank', () => {
    for (let r = 0; r < RANKS; r++) {
      expect(run.ranks[r].outputs.get('weights')?.shape).toEqual([D, O]);
      expectEstimate(`rank ${r} weights`, output(run, 'weights', r), ref.weights);
      expect([...output(run, 'weights', r)]).toEqual([...output(run, 'weights', 0)]);
    }
    // The tolerance is far below the step itself, so a wrong gradient (sign, scale, one shard) fails.
    const steps = ref.weights.v.map((w, k) => Math.abs(w - ref.w0.v[k]));
    expect(LAMBDA * Math.max(...ref.weights.sd)).toBeLessThan(Math.max(...steps) * 1e-4);
  });

  it('reports the mean loss over all shards on every rank', () => {
    for (let r = 0; r < RANKS; r++) expectEstimate(`rank ${r} loss`, output(run, 'loss', r), ref.loss);
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
