/**
 * baidu::xpu::xfa::mha_varlen_fwd on a packed two-sequence batch with grouped-query heads,
 * against a float64 attention written here (out and softmax_lse).
 */
import { describe, expect, it } from 'vitest';
import { Error_t, XPU_SUCCESS, baidu, xpu } from '../../../src/backends/kunlun/index.js';
import { deviceZeros, diagnosticIds, download, inProcess, seeded, upload } from './device-data.js';

const [H, HK, D] = [4, 2, 8];
const LOD = [0, 3, 8];
const MAX_SEQ = 5;
const TOTAL = LOD[2];
const Q = seeded(TOTAL * H * D, 61, -1, 1);
const K = seeded(TOTAL * HK * D, 62, -1, 1);
const V = seeded(TOTAL * HK * D, 63, -1, 1);

function reference(causal: boolean, scale: number): { out: number[]; lse: number[]; abs: number[] } {
  const out = new Array<number>(TOTAL * H * D).fill(0);
  const abs = new Array<number>(TOTAL * H * D).fill(0);
  const lse = new Array<number>(2 * H * MAX_SEQ).fill(0);
  for (let b = 0; b < 2; b++) {
    const [start, end] = [LOD[b], LOD[b + 1]];
    for (let h = 0; h < H; h++) {
      const kvh = Math.floor(h / (H / HK));
      for (let i = start; i < end; i++) {
        const scores: number[] = [];
        for (let j = start; j < end; j++) {
          let s = 0;
          for (let d = 0; d < D; d++) s += Q[(i * H + h) * D + d] * K[(j * HK + kvh) * D + d];
          scores.push(causal && j - start > i - start ? -Infinity : s * scale);
        }
        const max = Math.max(...scores);
        const sum = scores.reduce((a, s) => a + Math.exp(s - max), 0);
        lse[(b * H + h) * MAX_SEQ + (i - start)] = max + Math.log(sum);
        scores.forEach((s, jj) => {
          const p = Math.exp(s - max) / sum;
          for (let d = 0; d < D; d++) {
            out[(i * H + h) * D + d] += p * V[((start + jj) * HK + kvh) * D + d];
            abs[(i * H + h) * D + d] += Math.abs(p * V[((start + jj) * HK + kvh) * D + d]);
          }
        });
      }
    }
  }
  return { out, lse, abs };
}

function run(tgemm: string, causal: boolean, scale: number, extra: { dropout?: number; seqK?: number[] } = {}) {
  return inProcess(() => {
    const ctx = xpu.create_context();
    const [out, lse] = [deviceZeros(TOTAL * H * D * 4), deviceZeros(2 * H * MAX_SEQ * 4)];
    const lodQ = new xpu.VectorParam(LOD, LOD.length);
    const lodK = new xpu.VectorParam(extra.seqK ?? LOD, LOD.length);
    const status = baidu.xpu.xfa.mha_varlen_fwd(['float', 'float', tgemm, 'int'], ctx, upload(Q), upload(K), upload(V), out, lse, lodQ, lodK, MAX_SEQ, MAX_SEQ, H, HK, D, scale, extra.dropout ?? 0, 0x45678901, causal);
    xpu.destroy_context(ctx);
    return status === XPU_SUCCESS ? { out: download(out, new Float32Array(TOTAL * H * D)), lse: download(lse, new Float32Array(2 * H * MAX_SEQ)) } : status;
  });
}

describe('mha_varlen_fwd', () => {
  it('matches float64 attention per packed sequence (causal, GQA) with TGEMM = float; lse is [batch, heads, max_seqlen_q]', () => {
    const scale = 1 / Math.sqrt(D);
    const ref = reference(true, scale);
    const { result, process } = run('float', true, scale);
    expect(diagnosticIds(process)).toEqual([]);
    const { out, lse } = result as { out: Float32Array; lse: Float32Array };
    // fp32 scores over D terms and a softmax over <= 5 keys: errors of a few 2^-24 relative.
    out.forEach((v, i) => expect(Math.abs(v - ref.out[i])).toBeLessThanOrEqual(1e-6 * (1 + ref.abs[i])));
    for (let b = 0; b < 2; b++)
      for (let h = 0; h < H; h++)
        for (let i = 0; i < MAX_SEQ; i++) {
          const idx = (b * H + h) * MAX_SEQ + i;
          if (i < LOD[b + 1] - LOD[b]) expect(Math.abs(lse[idx] - ref.lse[idx])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(ref.lse[idx])));
          else expect(lse[idx]).toBe(0); // rows past the sequence are not written
        }
    expect(process.tracer.records.filter((r) => r.op === 'Attention').map((r) => r.profile)).toEqual([
      'kunlun.attention-tf32+baidu::xpu::xfa::mha_varlen_fwd.TGEMM=float',
      'kunlun.attention-tf32+baidu::xpu::xfa::mha_varlen_fwd.TGEMM=float',
    ]);
  });

  it("Paddle's default TGEMM = tfloat32 stays within TF32 operand rounding; softmax_scale 0 means 1/sqrt(head_dim)", () => {
    const ref = reference(false, 1 / Math.sqrt(D));
    const { out } = run('tfloat32', false, 0).result as { out: Float32Array };
    const errors = Array.from(out, (v, i) => Math.abs(v - ref.out[i]));
    // Q·Kᵀ and P·V each round their operands to 10 mantissa bits (2^-11 relative per operand).
    errors.forEach((e, i) => expect(e).toBeLessThanOrEqual(1e-2 * (1 + ref.abs[i])));
    expect(Math.max(...errors)).toBeGreaterThan(1e-5);
  });

  it('returns NOT_IMPLEMENT for dropout and for causal masking of unequal q / k lengths', () => {
    const dropout = run('float', true, 0.3, { dropout: 0.1 });
    expect(dropout.result).toBe(Error_t.NOT_IMPLEMENT);
    const cross = run('float', true, 0.3, { seqK: [0, 4, 8] });
    expect(cross.result).toBe(Error_t.NOT_IMPLEMENT);
    expect([...diagnosticIds(dropout.process), ...diagnosticIds(cross.process)]).toEqual(['OB2014', 'OB2014']);
  });
});
