/**
 * samples/llama-block: a Llama decoder block in bfloat16 (cudnn-frontend rmsnorm, sdpa with
 * causal grouped-query attention, pointwise RoPE / SwiGLU / residual graphs; cublasGemmEx
 * projections and rotate_half). Checked against float64 math of the block written from its
 * definition (Hugging Face's rotate-half RoPE, SiLU(x·W1ᵀ) ⊙ x·W3ᵀ, top-left causal mask).
 * Tolerance: the rounding error model of error-model.ts with the program's precisions:
 * every stored activation rounded to bf16 (u = 2^-8); GEMM products and sums, norm
 * statistics, attention scores and softmax, and the graphs' virtual intermediates in fp32
 * (u = 2^-24: CUBLAS_COMPUTE_32F, FLOAT compute and intermediate data types).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBfloat16Bits, randomFloat32, toBfloat16Bits } from '../../src/backends/host/host-data.js';
import { runProgram, type ProgramRun } from '../../src/run/run-program.js';
import { LAMBDA, UNIT, add, exact, gather, matmul, mul, rmsNormRows, rounded, softmaxRows, transpose, unary, type Estimate } from './error-model.js';
import { expectEstimate, samplePath } from './sample-kit.js';

const [BATCH, SEQ, D_MODEL, HEADS, KV_HEADS, D_FF] = [2, 16, 64, 4, 2, 176];
const TOKENS = BATCH * SEQ;
const D_HEAD = D_MODEL / HEADS;
const EPSILON = Math.fround(1e-5); // a FLOAT scalar in the graph
const [U32, U16] = [UNIT.float32, UNIT.bfloat16];

/** Values the program holds in bf16. */
const bf16 = (values: Float32Array) => fromBfloat16Bits(toBfloat16Bits(values));

function weight(inFeatures: number, outFeatures: number, seed: number): Estimate {
  const bound = 1 / Math.sqrt(inFeatures);
  return exact(bf16(randomFloat32(outFeatures * inFeatures, seed, -bound, bound)));
}

/** X·Wᵀ with fp32 accumulation, stored in bf16. */
function linear(x: Estimate, w: Estimate, rows: number, inFeatures: number, outFeatures: number): Estimate {
  return rounded(matmul(x, transpose(w, outFeatures, inFeatures), rows, inFeatures, outFeatures, { accumulate: U32 }), U16);
}

function rmsNorm(x: Estimate, seed: number): Estimate {
  return rounded(rmsNormRows(x, TOKENS, D_MODEL, bf16(randomFloat32(D_MODEL, seed, 0.8, 1.2)), EPSILON, { statistics: U32, output: U16 }), U16);
}

/** RoPE on [tokens, heads·d]: x·cos + rotate_half(x)·sin, the products kept in fp32, the sum stored in bf16. */
function rope(x: Estimate, heads: number): Estimate {
  const n = TOKENS * heads * D_HEAD;
  const half = D_HEAD / 2;
  const position = (i: number) => Math.floor(i / (heads * D_HEAD)) % SEQ;
  const angle = (i: number) => position(i) * 10000 ** (-(2 * ((i % D_HEAD) % half)) / D_HEAD);
  const cos = exact(bf16(Float32Array.from({ length: n }, (_, i) => Math.cos(angle(i)))));
  const sin = exact(bf16(Float32Array.from({ length: n }, (_, i) => Math.sin(angle(i)))));
  // rotate_half([x1, x2]) = [−x2, x1] within each head: exact.
  const partner = gather(x, n, (i) => (i % D_HEAD < half ? i + half : i - half));
  const rotated = mul(partner, exact(Float64Array.from({ length: n }, (_, i) => (i % D_HEAD < half ? -1 : 1))));
  return rounded(add(rounded(mul(x, cos), U32), rounded(mul(rotated, sin), U32)), U16);
}

/** Causal attention per (sequence, query head); query head h reads key/value head h / (HEADS / KV_HEADS). */
function attention(q: Estimate, k: Estimate, v: Estimate): Estimate {
  const out = { v: new Float64Array(TOKENS * HEADS * D_HEAD), sd: new Float64Array(TOKENS * HEADS * D_HEAD) };
  const head = (t: Estimate, heads: number, b: number, h: number) =>
    gather(t, SEQ * D_HEAD, (i) => (b * SEQ + Math.floor(i / D_HEAD)) * heads * D_HEAD + h * D_HEAD + (i % D_HEAD));
  for (let b = 0; b < BATCH; b++) {
    for (let h = 0; h < HEADS; h++) {
      const kvHead = Math.floor(h / (HEADS / KV_HEADS));
      const scores = rounded(matmul(head(q, HEADS, b, h), transpose(head(k, KV_HEADS, b, kvHead), SEQ, D_HEAD), SEQ, D_HEAD, SEQ, { accumulate: U32, alpha: 1 / Math.sqrt(D_HEAD) }), U32);
      for (let i = 0; i < SEQ; i++) {
        for (let j = i + 1; j < SEQ; j++) [scores.v[i * SEQ + j], scores.sd[i * SEQ + j]] = [-Infinity, 0];
      }
      const probs = rounded(softmaxRows(scores, SEQ, SEQ, U32), U32);
      const o = rounded(matmul(probs, head(v, KV_HEADS, b, kvHead), SEQ, SEQ, D_HEAD, { accumulate: U32 }), U16);
      for (let i = 0; i < SEQ * D_HEAD; i++) {
        const at = (b * SEQ + Math.floor(i / D_HEAD)) * HEADS * D_HEAD + h * D_HEAD + (i % D_HEAD);
        [out.v[at], out.sd[at]] = [o.v[i], o.sd[i]];
      }
    }
  }
  return out;
}

const silu = (x: number) => x / (1 + Math.exp(-x));

function reference(): Estimate {
  const x = exact(bf16(randomFloat32(TOKENS * D_MODEL, 200)));
  const h = rmsNorm(x, 201);
  const q = rope(linear(h, weight(D_MODEL, HEADS * D_HEAD, 210), TOKENS, D_MODEL, HEADS * D_HEAD), HEADS);
  const k = rope(linear(h, weight(D_MODEL, KV_HEADS * D_HEAD, 211), TOKENS, D_MODEL, KV_HEADS * D_HEAD), KV_HEADS);
  const v = linear(h, weight(D_MODEL, KV_HEADS * D_HEAD, 212), TOKENS, D_MODEL, KV_HEADS * D_HEAD);
  const projected = linear(attention(q, k, v), weight(HEADS * D_HEAD, D_MODEL, 213), TOKENS, HEADS * D_HEAD, D_MODEL);
  const x1 = rounded(add(x, projected), U16);
  const h2 = rmsNorm(x1, 202);
  const gate = linear(h2, weight(D_MODEL, D_FF, 220), TOKENS, D_MODEL, D_FF);
  const up = linear(h2, weight(D_MODEL, D_FF, 221), TOKENS, D_MODEL, D_FF);
  // max |SiLU'| ≈ 1.1; SiLU kept in fp32 (a virtual tensor), its evaluation within a few u of |x|.
  const activated = rounded(mul(rounded(unary(gate, silu, 1.1, (value, y) => 4 * U32 * (Math.abs(value) + Math.abs(y))), U32), up), U16);
  return rounded(add(x1, linear(activated, weight(D_FF, D_MODEL, 222), TOKENS, D_FF, D_MODEL)), U16);
}

describe('sample llama-block (bf16: frontend rmsnorm / sdpa GQA / pointwise graphs, cublasGemmEx)', () => {
  let run: ProgramRun;
  const ref = reference();
  beforeAll(async () => {
    run = await runProgram(samplePath('llama-block'));
  });

  it('computes the block output within the bf16 error model of float64 math', () => {
    const y = run.ranks[0].outputs.get('y');
    expect(y?.dtype).toBe('bfloat16');
    expect(y?.shape).toEqual([BATCH, SEQ, D_MODEL]);
    expectEstimate('y', y!.toFloat64(), ref);
    // bf16 storage costs a few 2^-8 of the residual stream (order 1), still far below the signal.
    expect(LAMBDA * Math.max(...ref.sd)).toBeLessThan(0.1);
  });

  it('runs RMSNorm, projections, RoPE, causal GQA attention, residuals and SwiGLU as canonical operators with no diagnostics', () => {
    const rank = run.ranks[0];
    expect(rank.diagnostics).toEqual([]);
    expect(rank.trace.filter((t) => t.kind === 'op').map((t) => t.op)).toEqual([
      'RMSNormalization',
      'Gemm', 'Gemm', 'Gemm',
      'Gemm', 'Gemm',
      'Mul', 'Mul', 'Add', 'Mul', 'Mul', 'Add',
      'Attention',
      'Gemm',
      'Add',
      'RMSNormalization',
      'Gemm', 'Gemm',
      'Silu', 'Mul',
      'Gemm',
      'Add',
    ]);
    const attention = rank.trace.find((t) => t.op === 'Attention');
    expect(attention?.attributes).toMatchObject({ scale: 1 / Math.sqrt(D_HEAD), is_causal: 1 });
    // Small changes of the scale or epsilon hide in bf16 noise: the recorded attributes pin them.
    for (const norm of rank.trace.filter((t) => t.op === 'RMSNormalization')) expect(norm.attributes.epsilon).toBe(EPSILON);
    expect(new Set(rank.trace.filter((t) => t.op === 'Gemm').map((t) => t.symbol))).toEqual(new Set(['cublasGemmEx']));
  });
});
