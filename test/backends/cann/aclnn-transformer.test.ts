/** Fused attention and rotary embedding: layouts, masks, sparse modes, GQA, and both RoPE forms. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { attention64, worstExcess } from './references.js';
import { withCann, type Session } from './harness.js';

const [B, N, S, D] = [2, 2, 5, 4];
const q = randomFloat32(B * N * S * D, 81);
const k = randomFloat32(B * N * S * D, 82);
const v = randomFloat32(B * N * S * D, 83);
const bnsd = (t: Float32Array) => (b: number, n: number, s: number, d: number) => t[((b * N + n) * S + s) * D + d];

/** BNSD data re-laid out as `layout`. */
function relayout(t: Float32Array, layout: 'BNSD' | 'BSND' | 'SBH', heads = N, seq = S): { data: Float32Array; shape: number[] } {
  const out = new Float32Array(t.length);
  const at = (b: number, n: number, s: number, d: number) => t[((b * heads + n) * seq + s) * D + d];
  for (let b = 0; b < B; b++) for (let n = 0; n < heads; n++) for (let s = 0; s < seq; s++) for (let d = 0; d < D; d++) {
    const i = layout === 'BNSD' ? ((b * heads + n) * seq + s) * D + d : layout === 'BSND' ? ((b * seq + s) * heads + n) * D + d : ((s * B + b) * heads + n) * D + d;
    out[i] = at(b, n, s, d);
  }
  const shape = layout === 'BNSD' ? [B, heads, seq, D] : layout === 'BSND' ? [B, seq, heads, D] : [seq, B, heads * D];
  return { data: out, shape };
}

function flash(s: Session, layout: 'BNSD' | 'BSND' | 'SBH', mask: Uint8Array | null, sparseMode = 0, keepProb = 1): { status: number; out: Float32Array } {
  const [qt, kt, vt] = [q, k, v].map((t) => relayout(t, layout));
  const out = s.dev(new Float32Array(qt.data.length), qt.shape);
  const m = mask ? s.dev(mask, [S, S], cann.ACL_UINT8).t : null;
  const { prepared, ran } = s.twoPhase(
    (ws, ex) =>
      cann.aclnnFlashAttentionScoreGetWorkspaceSize(
        s.dev(qt.data, qt.shape).t, s.dev(kt.data, kt.shape).t, s.dev(vt.data, vt.shape).t, null, null, null, m, null,
        0.5, keepProb, 2147483647, 2147483647, N, layout, 0, sparseMode, null, null, null, out.t, ws, ex,
      ),
    cann.aclnnFlashAttentionScore,
  );
  const raw = s.read(out.ptr, qt.data.length);
  // Back to BNSD for comparison.
  const back = new Float32Array(raw.length);
  const re = relayout(Float32Array.from({ length: raw.length }, (_, i) => i), layout);
  re.data.forEach((src, i) => (back[src] = raw[i]));
  return { status: prepared || ran, out: back };
}

describe('aclnnFlashAttentionScore', () => {
  it('gives the same attention in BNSD, BSND and SBH layouts, matching float64', () =>
    withCann((s) => {
      const ref = attention64(bnsd(q), bnsd(k), bnsd(v), { B, N, Sq: S, Skv: S, D }, 0.5, () => true);
      for (const layout of ['BNSD', 'BSND', 'SBH'] as const) {
        const { status, out } = flash(s, layout, null);
        expect(status, layout).toBe(0);
        // float32 dot products of 4 and softmax over 5 keys.
        expect(worstExcess(out, ref.out, 1e-5, 1e-6), layout).toBeLessThanOrEqual(0);
      }
    }));

  it('masks where attenMask is 1 (the opposite of an ONNX bool mask); sparseMode 3 is right-down causal', () =>
    withCann((s) => {
      const mask = new Uint8Array(S * S);
      for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) mask[i * S + j] = (i + j) % 3 === 0 && j !== i ? 1 : 0;
      const masked = flash(s, 'BNSD', mask);
      const ref = attention64(bnsd(q), bnsd(k), bnsd(v), { B, N, Sq: S, Skv: S, D }, 0.5, (i, j) => mask[i * S + j] === 0);
      expect(worstExcess(masked.out, ref.out, 1e-5, 1e-6)).toBeLessThanOrEqual(0);
      // Modes 2 and 3 take the compressed causal mask; its contents do not matter here.
      const causal = flash(s, 'BNSD', new Uint8Array(S * S), 3);
      const causalRef = attention64(bnsd(q), bnsd(k), bnsd(v), { B, N, Sq: S, Skv: S, D }, 0.5, (i, j) => j <= i);
      expect(worstExcess(causal.out, causalRef.out, 1e-5, 1e-6)).toBeLessThanOrEqual(0);
      expect(flash(s, 'BNSD', mask, 4).status).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(flash(s, 'BNSD', null, 0, 0.9).status).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(s.process.diagnostics.entries.filter((d) => d.id === 'OB2014')).toHaveLength(2);
    }));
});

describe('aclnnFusedInferAttentionScoreV2', () => {
  it('runs grouped-query attention (numKeyValueHeads 1) in BSND with softmaxLse', () =>
    withCann((s) => {
      const kv1 = (t: Float32Array) => t.subarray(0, B * S * D); // one KV head, BNSD with N = 1
      const qt = relayout(q, 'BSND');
      const kt = relayout(Float32Array.from(kv1(k)), 'BSND', 1);
      const vt = relayout(Float32Array.from(kv1(v)), 'BSND', 1);
      const out = s.dev(new Float32Array(qt.data.length), qt.shape);
      const lse = s.dev(new Float32Array(B * N * S), [B, N, S, 1]);
      const list = (t: { data: Float32Array; shape: number[] }) => cann.aclCreateTensorList([s.dev(t.data, t.shape).t], 1)!;
      const { prepared, ran } = s.twoPhase(
        (ws, ex) =>
          cann.aclnnFusedInferAttentionScoreV2GetWorkspaceSize(
            s.dev(qt.data, qt.shape).t, list(kt), list(vt),
            // pseShift, attenMask, actualSeqLengths(Kv), quantisation, paging, padding and shared-prefix optionals: none
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            N, 0.5, 2147483647, 2147483647, 'BSND', 1, 0, 0, 0, 0, true, 0, 0, out.t, lse.t, ws, ex,
          ),
        cann.aclnnFusedInferAttentionScoreV2,
      );
      expect([prepared, ran]).toEqual([0, 0]);
      const kOne = (b: number, _n: number, s2: number, d: number) => k[(b * S + s2) * D + d];
      const vOne = (b: number, _n: number, s2: number, d: number) => v[(b * S + s2) * D + d];
      const ref = attention64(bnsd(q), kOne, vOne, { B, N, Sq: S, Skv: S, D }, 0.5, () => true);
      const got = s.read(out.ptr, qt.data.length);
      const expected = relayout(Float32Array.from(ref.out), 'BSND').data;
      expect(worstExcess(got, expected, 1e-5, 1e-6)).toBeLessThanOrEqual(0);
      // log-sum-exp per row = max + log(sum).
      expect(worstExcess(s.read(lse.ptr, B * N * S), Array.from(ref.max, (m, i) => m + Math.log(ref.sum[i])), 1e-5, 1e-6)).toBeLessThanOrEqual(0);
    }));
});

describe('rotary position embedding', () => {
  const [Bs, Ss, Ns, Ds] = [1, 3, 2, 4];
  const x = randomFloat32(Bs * Ss * Ns * Ds, 91);
  const reference = (cos: Float32Array, sin: Float32Array, mode: number) =>
    Array.from(x, (xv, idx) => {
      const i = idx % Ds;
      const s2 = Math.floor(idx / (Ns * Ds));
      const base = idx - i;
      const rot = mode === 0 ? (i < Ds / 2 ? -x[base + i + Ds / 2] : x[base + i - Ds / 2]) : i % 2 === 0 ? -x[base + i + 1] : x[base + i - 1];
      return xv * cos[s2 * Ds + i] + rot * sin[s2 * Ds + i];
    });

  it('runs standard tables as RotaryEmbedding and arbitrary tables as the formula, in both modes', () =>
    withCann((s) => {
      const angle = (p: number, i: number) => p / 100 ** ((2 * i) / Ds);
      const tables = {
        half: [0, (p: number, i: number) => angle(p, i % (Ds / 2))],
        interleave: [1, (p: number, i: number) => angle(p, i >> 1)],
      } as const;
      for (const [name, [mode, ang]] of Object.entries(tables)) {
        for (const random of [false, true]) {
          const cos = random ? randomFloat32(Ss * Ds, 92) : Float32Array.from({ length: Ss * Ds }, (_, j) => Math.cos(ang(Math.floor(j / Ds), j % Ds)));
          const sin = random ? randomFloat32(Ss * Ds, 93) : Float32Array.from({ length: Ss * Ds }, (_, j) => Math.sin(ang(Math.floor(j / Ds), j % Ds)));
          const out = s.dev(new Float32Array(x.length), [Bs, Ss, Ns, Ds]);
          const before = s.process.tracer.records.length;
          const { ran } = s.twoPhase(
            (ws, ex) => cann.aclnnRotaryPositionEmbeddingGetWorkspaceSize(s.dev(x, [Bs, Ss, Ns, Ds]).t, s.dev(cos, [1, Ss, 1, Ds]).t, s.dev(sin, [1, Ss, 1, Ds]).t, mode, out.t, ws, ex),
            cann.aclnnRotaryPositionEmbedding,
          );
          expect(ran).toBe(0);
          // Two float32 products and a sum: a few ulps of the operands' magnitude.
          expect(worstExcess(s.read(out.ptr, x.length), reference(cos, sin, mode), 1e-6, 1e-6), `${name} random=${random}`).toBeLessThanOrEqual(0);
          const ops = s.process.tracer.records.slice(before).filter((r) => r.kind === 'op').map((r) => r.op);
          expect(ops, `${name} random=${random}`).toEqual(random ? ['Neg', 'Concat', 'Mul', 'Mul', 'Add'] : ['RotaryEmbedding']);
        }
      }
    }));

  it('ApplyRotaryPosEmb rotates query and key in place; modes 2 and 3 are not simulated', () =>
    withCann((s) => {
      const cos = Float32Array.from({ length: Ss * Ds }, (_, j) => Math.cos(j));
      const sin = Float32Array.from({ length: Ss * Ds }, (_, j) => Math.sin(j));
      const qd = s.dev(x, [Bs, Ss, Ns, Ds]);
      const kd = s.dev(x, [Bs, Ss, Ns, Ds]);
      const [c, sn] = [s.dev(cos, [1, Ss, 1, Ds]).t, s.dev(sin, [1, Ss, 1, Ds]).t];
      expect(s.twoPhase((ws, ex) => cann.aclnnApplyRotaryPosEmbGetWorkspaceSize(qd.t, kd.t, c, sn, 1, ws, ex), cann.aclnnApplyRotaryPosEmb).ran).toBe(0);
      const expected = reference(cos, sin, 0);
      expect(worstExcess(s.read(qd.ptr, x.length), expected, 1e-6, 1e-6)).toBeLessThanOrEqual(0);
      expect(worstExcess(s.read(kd.ptr, x.length), expected, 1e-6, 1e-6)).toBeLessThanOrEqual(0);
      const out = s.dev(new Float32Array(x.length), [Bs, Ss, Ns, Ds]);
      expect(s.twoPhase((ws, ex) => cann.aclnnRotaryPositionEmbeddingGetWorkspaceSize(qd.t, c, sn, 2, out.t, ws, ex), cann.aclnnRotaryPositionEmbedding).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));
});
