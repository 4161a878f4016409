/**
 * samples/mlp: 784 → 128 → 10 perceptron inference (cuBLASLt RELU_BIAS, cublasSgemm,
 * cudnnAddTensor, cudnnSoftmaxForward), checked against float64 math. Tolerance: the rounding
 * error model of error-model.ts for float32 storage and float32 accumulation (u = 2^-24: the
 * cuda.cublas-default profile computes fp32 GEMMs in plain fp32, TF32 being off unless asked).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../src/backends/host/host-data.js';
import { runProgram, type ProgramRun } from '../../src/run/run-program.js';
import { LAMBDA, UNIT, add, exact, gather, matmul, rounded, softmaxRows, transpose, unary, type Estimate } from './error-model.js';
import { expectEstimate, output, samplePath } from './sample-kit.js';

const [BATCH, INPUTS, HIDDEN, CLASSES] = [16, 784, 128, 10];
const U = UNIT.float32;

function reference() {
  const x = exact(randomFloat32(BATCH * INPUTS, 1, 0, 1));
  const w1 = exact(randomFloat32(HIDDEN * INPUTS, 2, -1 / Math.sqrt(INPUTS), 1 / Math.sqrt(INPUTS)));
  const b1 = exact(randomFloat32(HIDDEN, 3, -1 / Math.sqrt(INPUTS), 1 / Math.sqrt(INPUTS)));
  const w2 = exact(randomFloat32(CLASSES * HIDDEN, 4, -1 / Math.sqrt(HIDDEN), 1 / Math.sqrt(HIDDEN)));
  const b2 = exact(randomFloat32(CLASSES, 5, -1 / Math.sqrt(HIDDEN), 1 / Math.sqrt(HIDDEN)));
  const perRow = (bias: Estimate, n: number) => gather(bias, BATCH * n, (i) => i % n);
  // Every step is stored in float32 before the next (the epilogue writes D between its steps).
  const product1 = rounded(matmul(x, transpose(w1, HIDDEN, INPUTS), BATCH, INPUTS, HIDDEN, { accumulate: U }), U);
  const hidden = unary(rounded(add(product1, perRow(b1, HIDDEN)), U), (v) => Math.max(v, 0), 1, () => 0);
  const product2 = rounded(matmul(hidden, transpose(w2, CLASSES, HIDDEN), BATCH, HIDDEN, CLASSES, { accumulate: U }), U);
  const logits = rounded(add(product2, perRow(b2, CLASSES)), U);
  const probs = rounded(softmaxRows(logits, BATCH, CLASSES, U), U);
  return { logits, probs };
}

describe('sample mlp (cuBLASLt RELU_BIAS, cublasSgemm, cudnnAddTensor, cudnnSoftmaxForward)', () => {
  let run: ProgramRun;
  const ref = reference();
  beforeAll(async () => {
    run = await runProgram(samplePath('mlp'));
  });

  it('computes logits and class probabilities within the float32 error model of float64 math', () => {
    expect(run.ranks[0].outputs.get('probs')?.shape).toEqual([BATCH, CLASSES]);
    expectEstimate('logits', output(run, 'logits'), ref.logits);
    expectEstimate('probs', output(run, 'probs'), ref.probs);
    // Tight enough that a slip (TF32 products, a dropped bias element, a wrong ld) fails.
    expect(LAMBDA * Math.max(...ref.logits.sd)).toBeLessThan(1e-5);
  });

  it('runs Gemm, bias Add, Relu, Gemm, bias Add, Softmax with no diagnostics', () => {
    const rank = run.ranks[0];
    expect(rank.diagnostics).toEqual([]);
    expect(rank.trace.filter((t) => t.kind === 'op').map((t) => `${t.symbol}:${t.op}`)).toEqual([
      'cublasLtMatmul:Gemm',
      'cublasLtMatmul:Add',
      'cublasLtMatmul:Relu',
      'cublasSgemm:Gemm',
      'cudnnAddTensor:Add',
      'cudnnSoftmaxForward:Softmax',
    ]);
  });
});
