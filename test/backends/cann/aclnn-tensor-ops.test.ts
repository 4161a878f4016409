/** aclnn normalisation, reduction and data-movement operators against float64 references. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { numberToFloat16Bits } from '../../../src/runtime/numerics/half-bits.js';
import { worstExcess } from './references.js';
import { withCann } from './harness.js';

const FP32 = { rtol: 1e-5, atol: 1e-6 }; // float32 storage and short float32 sums

describe('aclnn normalisations', () => {
  it('LogSoftmax along a middle dim', () =>
    withCann((s) => {
      const xs = randomFloat32(2 * 3 * 4, 1, -2, 2);
      const x = s.dev(xs, [2, 3, 4]);
      const out = s.dev(new Float32Array(24), [2, 3, 4]);
      expect(s.twoPhase((ws, ex) => cann.aclnnLogSoftmaxGetWorkspaceSize(x.t, 1, out.t, ws, ex), cann.aclnnLogSoftmax).ran).toBe(0);
      const expected = new Float64Array(24);
      for (let a = 0; a < 2; a++) for (let c = 0; c < 4; c++) {
        const lane = [0, 1, 2].map((b) => xs[(a * 3 + b) * 4 + c]);
        const m = Math.max(...lane);
        const lse = m + Math.log(lane.reduce((t, v) => t + Math.exp(v - m), 0));
        lane.forEach((v, b) => (expected[(a * 3 + b) * 4 + c] = v - lse));
      }
      expect(worstExcess(s.read(out.ptr, 24), expected, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(0);
    }));

  it('GroupNorm writes out, meanOut and rstdOut (per sample and group)', () =>
    withCann((s) => {
      const [N, C, HW, G] = [2, 4, 3, 2];
      const xs = randomFloat32(N * C * HW, 2);
      const gamma = randomFloat32(C, 3, 0.5, 1.5);
      const beta = randomFloat32(C, 4);
      const x = s.dev(xs, [N, C, HW]);
      const y = s.dev(new Float32Array(N * C * HW), [N, C, HW]);
      const mean = s.dev(new Float32Array(N * G), [N, G]);
      const rstd = s.dev(new Float32Array(N * G), [N, G]);
      const { ran } = s.twoPhase(
        (ws, ex) => cann.aclnnGroupNormGetWorkspaceSize(x.t, s.dev(gamma, [C]).t, s.dev(beta, [C]).t, N, C, HW, G, 1e-5, y.t, mean.t, rstd.t, ws, ex),
        cann.aclnnGroupNorm,
      );
      expect(ran).toBe(0);
      const ey = new Float64Array(N * C * HW);
      const em = new Float64Array(N * G);
      const er = new Float64Array(N * G);
      const per = (C / G) * HW;
      for (let n = 0; n < N; n++) for (let g = 0; g < G; g++) {
        const start = (n * C + g * (C / G)) * HW;
        const vals = Array.from(xs.subarray(start, start + per));
        const m = vals.reduce((a, b) => a + b, 0) / per;
        const v = vals.reduce((a, b) => a + (b - m) ** 2, 0) / per;
        em[n * G + g] = m;
        er[n * G + g] = 1 / Math.sqrt(v + Math.fround(1e-5));
        vals.forEach((val, i) => {
          const c = g * (C / G) + Math.floor(i / HW);
          ey[start + i] = (val - m) * er[n * G + g] * gamma[c] + beta[c];
        });
      }
      expect(worstExcess(s.read(y.ptr, N * C * HW), ey, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(0);
      expect(worstExcess(s.read(mean.ptr, N * G), em, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(0);
      expect(worstExcess(s.read(rstd.ptr, N * G), er, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(0);
    }));

  it('BatchNorm runs the inference form; training is reported as not simulated', () =>
    withCann((s) => {
      const xs = randomFloat32(2 * 3 * 2, 5);
      const x = s.dev(xs, [2, 3, 2]);
      const y = s.dev(new Float32Array(12), [2, 3, 2]);
      const [w, b, m, v] = [Float32Array.of(1, 2, 3), Float32Array.of(0, 1, -1), Float32Array.of(0.5, 0, -0.5), Float32Array.of(1, 4, 0.25)];
      const args = [s.dev(w, [3]).t, s.dev(b, [3]).t, s.dev(m, [3]).t, s.dev(v, [3]).t] as const;
      expect(s.twoPhase((ws, ex) => cann.aclnnBatchNormGetWorkspaceSize(x.t, ...args, false, 0.1, 1e-5, y.t, null, null, ws, ex), cann.aclnnBatchNorm).ran).toBe(0);
      const expected = Array.from(xs, (val, i) => {
        const c = Math.floor(i / 2) % 3;
        return ((val - m[c]) / Math.sqrt(v[c] + Math.fround(1e-5))) * w[c] + b[c];
      });
      expect(worstExcess(s.read(y.ptr, 12), expected, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(0);
      expect(s.twoPhase((ws, ex) => cann.aclnnBatchNormGetWorkspaceSize(x.t, ...args, true, 0.1, 1e-5, y.t, null, null, ws, ex), cann.aclnnBatchNorm).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(s.process.diagnostics.entries.at(-1)?.id).toBe('OB2014');
    }));

  it('LayerNorm without weight and bias, and LayerNormWithImplMode 2 (FLOAT16 only)', () =>
    withCann((s) => {
      const xs = randomFloat32(8, 6);
      const x = s.dev(xs, [2, 4]);
      const y = s.dev(new Float32Array(8), [2, 4]);
      const shape = cann.aclCreateIntArray([4], 1)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnLayerNormGetWorkspaceSize(x.t, shape, null, null, 1e-5, y.t, null, null, ws, ex), cann.aclnnLayerNorm).ran).toBe(0);
      const expected: number[] = [];
      for (let r = 0; r < 2; r++) {
        const row = Array.from(xs.subarray(r * 4, r * 4 + 4));
        const m = row.reduce((a, b) => a + b, 0) / 4;
        const v = row.reduce((a, b) => a + (b - m) ** 2, 0) / 4;
        expected.push(...row.map((val) => (val - m) / Math.sqrt(v + Math.fround(1e-5))));
      }
      expect(worstExcess(s.read(y.ptr, 8), expected, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(0);
      expect(s.twoPhase((ws, ex) => cann.aclnnLayerNormWithImplModeGetWorkspaceSize(x.t, shape, null, null, 1e-5, y.t, null, null, 2, ws, ex), cann.aclnnLayerNormWithImplMode).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      const h = s.dev(Uint16Array.from(xs, numberToFloat16Bits), [2, 4], cann.ACL_FLOAT16);
      const hy = s.dev(new Uint16Array(8), [2, 4], cann.ACL_FLOAT16);
      expect(s.twoPhase((ws, ex) => cann.aclnnLayerNormWithImplModeGetWorkspaceSize(h.t, shape, null, null, 1e-5, hy.t, null, null, 2, ws, ex), cann.aclnnLayerNormWithImplMode).ran).toBe(0);
      expect(s.twoPhase((ws, ex) => cann.aclnnLayerNormGetWorkspaceSize(x.t, cann.aclCreateIntArray([3], 1)!, null, null, 1e-5, y.t, null, null, ws, ex), cann.aclnnLayerNorm).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));
});

describe('aclnn reductions', () => {
  it('ReduceSum over all dims (empty list) and Mean over one dim keeping it, in the requested dtype', () =>
    withCann((s) => {
      const xs = Float32Array.of(1, 2, 3, 4, 5, 6);
      const x = s.dev(xs, [2, 3]);
      const sum = s.dev(new Float32Array(1), []);
      const none = cann.aclCreateIntArray([], 0)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnReduceSumGetWorkspaceSize(x.t, none, false, cann.ACL_FLOAT, sum.t, ws, ex), cann.aclnnReduceSum).ran).toBe(0);
      expect(Array.from(s.read(sum.ptr, 1))).toEqual([21]);
      const mean = s.dev(new Float64Array(2), [2, 1], cann.ACL_DOUBLE);
      expect(s.twoPhase((ws, ex) => cann.aclnnMeanGetWorkspaceSize(x.t, cann.aclCreateIntArray([-1], 1)!, true, cann.ACL_DOUBLE, mean.t, ws, ex), cann.aclnnMean).ran).toBe(0);
      expect(Array.from(s.read(mean.ptr, 2, Float64Array))).toEqual([2, 5]);
      expect(s.twoPhase((ws, ex) => cann.aclnnReduceSumGetWorkspaceSize(x.t, none, false, cann.ACL_DOUBLE, sum.t, ws, ex), cann.aclnnReduceSum).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));

  it('Amax, Amin, ArgMax (INT32 out), Cumsum and Topk', () =>
    withCann((s) => {
      const x = s.dev(Float32Array.of(3, 9, 1, 7, 2, 8), [2, 3]);
      const two = s.dev(new Float32Array(2), [2]);
      s.twoPhase((ws, ex) => cann.aclnnAmaxGetWorkspaceSize(x.t, cann.aclCreateIntArray([1], 1)!, false, two.t, ws, ex), cann.aclnnAmax);
      expect(Array.from(s.read(two.ptr, 2))).toEqual([9, 8]);
      s.twoPhase((ws, ex) => cann.aclnnAminGetWorkspaceSize(x.t, cann.aclCreateIntArray([1], 1)!, false, two.t, ws, ex), cann.aclnnAmin);
      expect(Array.from(s.read(two.ptr, 2))).toEqual([1, 2]);
      const idx = s.dev(new Int32Array(3), [3], cann.ACL_INT32);
      s.twoPhase((ws, ex) => cann.aclnnArgMaxGetWorkspaceSize(x.t, 0, false, idx.t, ws, ex), cann.aclnnArgMax);
      expect(Array.from(s.read(idx.ptr, 3, Int32Array))).toEqual([1, 0, 1]);
      const cum = s.dev(new Float32Array(6), [2, 3]);
      s.twoPhase((ws, ex) => cann.aclnnCumsumGetWorkspaceSize(x.t, 1, cann.ACL_FLOAT, cum.t, ws, ex), cann.aclnnCumsum);
      expect(Array.from(s.read(cum.ptr, 6))).toEqual([3, 12, 13, 7, 9, 17]);
      const values = s.dev(new Float32Array(4), [2, 2]);
      const indices = s.dev(new BigInt64Array(4), [2, 2], cann.ACL_INT64);
      expect(s.twoPhase((ws, ex) => cann.aclnnTopkGetWorkspaceSize(x.t, 2, 1, true, true, values.t, indices.t, ws, ex), cann.aclnnTopk).ran).toBe(0);
      expect(Array.from(s.read(values.ptr, 4))).toEqual([9, 3, 8, 7]);
      expect(Array.from(s.read(indices.ptr, 4, BigInt64Array), Number)).toEqual([1, 0, 2, 0]);
      expect(s.twoPhase((ws, ex) => cann.aclnnTopkGetWorkspaceSize(x.t, 4, 1, true, true, values.t, indices.t, ws, ex), cann.aclnnTopk).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
    }));
});

describe('aclnn data movement', () => {
  it('Permute, Cat, SplitTensor, SplitWithSize and Slice', () =>
    withCann((s) => {
      const x = s.dev(Float32Array.of(0, 1, 2, 3, 4, 5), [2, 3]);
      const t = s.dev(new Float32Array(6), [3, 2]);
      s.twoPhase((ws, ex) => cann.aclnnPermuteGetWorkspaceSize(x.t, cann.aclCreateIntArray([1, 0], 2)!, t.t, ws, ex), cann.aclnnPermute);
      expect(Array.from(s.read(t.ptr, 6))).toEqual([0, 3, 1, 4, 2, 5]);
      const cat = s.dev(new Float32Array(12), [4, 3]);
      const twice = cann.aclCreateTensorList([s.dev(Float32Array.of(0, 1, 2, 3, 4, 5), [2, 3]).t, s.dev(Float32Array.of(6, 7, 8, 9, 10, 11), [2, 3]).t], 2)!;
      s.twoPhase((ws, ex) => cann.aclnnCatGetWorkspaceSize(twice, 0, cat.t, ws, ex), cann.aclnnCat);
      expect(Array.from(s.read(cat.ptr, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      const a = s.dev(new Float32Array(4), [2, 2]);
      const b = s.dev(new Float32Array(2), [2, 1]);
      const pieces = cann.aclCreateTensorList([a.t, b.t], 2)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnSplitTensorGetWorkspaceSize(x.t, 2, 1, pieces, ws, ex), cann.aclnnSplitTensor).ran).toBe(0);
      expect([Array.from(s.read(a.ptr, 4)), Array.from(s.read(b.ptr, 2))]).toEqual([[0, 1, 3, 4], [2, 5]]);
      const c = s.dev(new Float32Array(2), [2, 1]);
      const d = s.dev(new Float32Array(4), [2, 2]);
      s.twoPhase((ws, ex) => cann.aclnnSplitWithSizeGetWorkspaceSize(x.t, cann.aclCreateIntArray([1, 2], 2)!, 1, cann.aclCreateTensorList([c.t, d.t], 2)!, ws, ex), cann.aclnnSplitWithSize);
      expect([Array.from(s.read(c.ptr, 2)), Array.from(s.read(d.ptr, 4))]).toEqual([[0, 3], [1, 2, 4, 5]]);
      const sl = s.dev(new Float32Array(4), [2, 2]);
      s.twoPhase((ws, ex) => cann.aclnnSliceGetWorkspaceSize(x.t, 1, 0, 3, 2, sl.t, ws, ex), cann.aclnnSlice);
      expect(Array.from(s.read(sl.ptr, 4))).toEqual([0, 2, 3, 5]);
    }));

  it('GatherV2, IndexSelect and Embedding gather rows; InplaceCopy broadcasts and converts into a strided view', () =>
    withCann((s) => {
      const w = s.dev(Float32Array.of(0, 1, 10, 11, 20, 21), [3, 2]);
      const idx = s.dev(BigInt64Array.of(2n, 0n), [2], cann.ACL_INT64);
      const out = s.dev(new Float32Array(4), [2, 2]);
      s.twoPhase((ws, ex) => cann.aclnnEmbeddingGetWorkspaceSize(w.t, idx.t, out.t, ws, ex), cann.aclnnEmbedding);
      expect(Array.from(s.read(out.ptr, 4))).toEqual([20, 21, 0, 1]);
      s.twoPhase((ws, ex) => cann.aclnnIndexSelectGetWorkspaceSize(w.t, 1, s.dev(Int32Array.of(1, 1), [2], cann.ACL_INT32).t, s.dev(new Float32Array(6), [3, 2]).t, ws, ex), cann.aclnnIndexSelect);
      const g = s.dev(new Float32Array(4), [2, 2]);
      s.twoPhase((ws, ex) => cann.aclnnGatherV2GetWorkspaceSize(w.t, 0, idx.t, g.t, ws, ex), cann.aclnnGatherV2);
      expect(Array.from(s.read(g.ptr, 4))).toEqual([20, 21, 0, 1]);
      expect(s.twoPhase((ws, ex) => cann.aclnnIndexSelectGetWorkspaceSize(w.t, 0, s.dev(BigInt64Array.of(0n, 1n), [1, 2], cann.ACL_INT64).t, g.t, ws, ex), cann.aclnnIndexSelect).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      // Copy a FLOAT16 row into every column of a transposed FLOAT32 view.
      const dst = s.dev(new Float32Array(6), [2, 3]);
      const view = cann.aclCreateTensor([3, 2], 2, cann.ACL_FLOAT, [1, 3], 0, cann.ACL_FORMAT_ND, [6], 1, dst.ptr)!;
      const row = s.dev(Uint16Array.from([1.5, -2], numberToFloat16Bits), [2], cann.ACL_FLOAT16);
      expect(s.twoPhase((ws, ex) => cann.aclnnInplaceCopyGetWorkspaceSize(view, row.t, ws, ex), cann.aclnnInplaceCopy).ran).toBe(0);
      expect(Array.from(s.read(dst.ptr, 6))).toEqual([1.5, 1.5, 1.5, -2, -2, -2]);
    }));
});
