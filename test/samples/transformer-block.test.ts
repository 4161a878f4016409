/**
 * samples/transformer-block: a pre-LN encoder block in fp32 (cudnn-frontend layernorm,
 * cuBLASLt BIAS / GELU_BIAS, cublasSgemmStridedBatched attention, cudnnSoftmaxForward,
 * cublasSaxpy residuals). Checked against float64 math of the block with the tanh GELU (what
 * the facade's CUBLASLT_EPILOGUE_GELU computes, docs/backends/cuda.md). Tolerance: the
 * rounding error model of error-model.ts, everything in fp32 (u = 2^-24: cuda.cublas-default
 * GEMMs, FLOAT compute and io types in the layernorm graph).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../src/backends/host/host-data.js';
import { runProgram, type ProgramRun } from '../../src/run/run-program.js';
import { LAMBDA, UNIT, add, exact, gather, layerNormRows, matmul, rounded, softmaxRows, transpose, unary, type Estimate } from './error-model.js';
import { expectEstimate, samplePath } from './sample-kit.js';

const [BATCH, SEQ, D_MODEL, HEADS] = [2, 16, 64, 4];
const TOKENS = BATCH * SEQ;
const D_HEAD = D_MODEL / HEADS;
const D_FF = 4 * D_MODEL;
const U = UNIT.float32;

function linearParameters(inFeatures: number, outFeatures: number, seed: number) {
  const bound = 1 / Math.sqrt(inFeatures);
  return { weight: exact(randomFloat32(outFeatures * inFeatures, seed, -bound, bound)), bias: exact(randomFloat32(outFeatures, seed + 1, -bound, bound)) };
}

/** X·Wᵀ + b as the cuBLASLt BIAS epilogue stores it: the product, then the bias sum, each in fp32. */
function linear(x: Estimate, p: ReturnType<typeof linearParameters>, rows: number, inFeatures: number, outFeatures: number): Estimate {
  const product = rounded(matmul(x, transpose(p.weight, outFeatures, inFeatures), rows, inFeatures, outFeatures, { accumulate: U }), U);
  return rounded(add(product, gather(p.bias, rows * outFeatures, (i) => i % outFeatures)), U);
}

const geluTanh = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

function reference(): Estimate {
  const x = exact(randomFloat32(TOKENS * D_MODEL, 100));
  const norm = (t: Estimate, seed: number) =>
    rounded(layerNormRows(t, TOKENS, D_MODEL, randomFloat32(D_MODEL, seed, 0.8, 1.2), randomFloat32(D_MODEL, seed + 1, -0.1, 0.1), 1e-5, { statistics: U, output: U }), U);
  const qkv = linear(norm(x, 101), linearParameters(D_MODEL, 3 * D_MODEL, 110), TOKENS, D_MODEL, 3 * D_MODEL);

  const context = { v: new Float64Array(TOKENS * D_MODEL), sd: new Float64Array(TOKENS * D_MODEL) };
  for (let b = 0; b < BATCH; b++) {
    for (let h = 0; h < HEADS; h++) {
      // Rows of sequence b, columns of head h in the Q, K or V third of each qkv row.
      const slice = (part: number) => gather(qkv, SEQ * D_HEAD, (i) => (b * SEQ + Math.floor(i / D_HEAD)) * 3 * D_MODEL + part * D_MODEL + h * D_HEAD + (i % D_HEAD));
      const scores = rounded(matmul(slice(0), transpose(slice(1), SEQ, D_HEAD), SEQ, D_HEAD, SEQ, { accumulate: U, alpha: 1 / Math.sqrt(D_HEAD) }), U);
      const probs = rounded(softmaxRows(scores, SEQ, SEQ, U), U);
      const out = rounded(matmul(probs, slice(2), SEQ, SEQ, D_HEAD, { accumulate: U }), U);
      for (let i = 0; i < SEQ * D_HEAD; i++) {
        const at = (b * SEQ + Math.floor(i / D_HEAD)) * D_MODEL + h * D_HEAD + (i % D_HEAD);
        context.v[at] = out.v[i];
        context.sd[at] = out.sd[i];
      }
    }
  }
  const x1 = rounded(add(linear(context, linearParameters(D_MODEL, D_MODEL, 120), TOKENS, D_MODEL, D_MODEL), x), U);
  const pre = linear(norm(x1, 103), linearParameters(D_MODEL, D_FF, 130), TOKENS, D_MODEL, D_FF);
  // max |GELU'| ≈ 1.13; evaluating 0.5·x·(1 + tanh(...)) in fp32 errs by a few u of |x|, not of |GELU(x)|.
  const hidden = rounded(unary(pre, geluTanh, 1.13, (v, y) => 4 * U * (Math.abs(v) + Math.abs(y))), U);
  return rounded(add(linear(hidden, linearParameters(D_FF, D_MODEL, 140), TOKENS, D_FF, D_MODEL), x1), U);
}

describe('sample transformer-block (pre-LN encoder block: frontend layernorm, cuBLASLt epilogues, strided-batched attention, cuDNN softmax)', () => {
  let run: ProgramRun;
  const ref = reference();
  beforeAll(async () => {
    run = await runProgram(samplePath('transformer-block'));
  });

  it('computes the block output within the fp32 error model of float64 math', () => {
    const y = run.ranks[0].outputs.get('y');
    expect(y?.shape).toEqual([BATCH, SEQ, D_MODEL]);
    expectEstimate('y', y!.toFloat64(), ref);
    expect(LAMBDA * Math.max(...ref.sd)).toBeLessThan(1e-4);
  });

  it('runs the block as its canonical operators, one Gemm per head of each strided batch, with no diagnostics', () => {
    const rank = run.ranks[0];
    expect(rank.diagnostics).toEqual([]);
    const ops = rank.trace.filter((t) => t.kind === 'op').map((t) => t.op);
    const perSequence = (n: number) => Array<string>(n * HEADS).fill('Gemm');
    expect(ops).toEqual([
      'LayerNormalization',
      'Gemm', 'Add',
      ...perSequence(BATCH),
      'Softmax',
      ...perSequence(BATCH),
      'Gemm', 'Add',
      'Mul', 'Add',
      'LayerNormalization',
      'Gemm', 'Add', 'Gelu',
      'Gemm', 'Add',
      'Mul', 'Add',
    ]);
    const attention = rank.trace.filter((t) => t.symbol === 'cublasSgemmStridedBatched');
    expect(attention).toHaveLength(2 * BATCH * HEADS);
    expect(rank.trace.find((t) => t.op === 'Gelu')?.attributes.approximate).toBe('tanh');
    const norms = rank.trace.filter((t) => t.op === 'LayerNormalization');
    expect(norms.map((t) => [t.symbol, t.attributes.epsilon])).toEqual(Array(2).fill(['cudnn_frontend::graph::Graph::execute', Math.fround(1e-5)]));
  });
});
