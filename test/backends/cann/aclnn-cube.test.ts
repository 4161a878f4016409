/** aclnn Cube-unit operators (matmul family, convolution) and pooling: cubeMathType rules and results. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { numberToBfloat16Bits, numberToFloat16Bits } from '../../../src/runtime/numerics/half-bits.js';
import { dotBound, matmul64, worstExcess } from './references.js';
import { withCann } from './harness.js';

describe('cubeMathType rules on Atlas A2/A3', () => {
  it('rejects unknown values, USE_FP16 with BFLOAT16, USE_HF32 with FLOAT16 and KEEP_DTYPE for FLOAT32 convolution', () =>
    withCann((s) => {
      const a = s.dev(new Float32Array(4), [2, 2]);
      const mm = (x: cann.aclTensor, cube: number) => s.twoPhase((ws, ex) => cann.aclnnMmGetWorkspaceSize(x, x, x, cube, ws, ex), cann.aclnnMm).prepared;
      expect(mm(a.t, 7)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      const bf = s.dev(Uint16Array.from([1, 2, 3, 4], numberToBfloat16Bits), [2, 2], cann.ACL_BF16);
      expect(mm(bf.t, cann.USE_FP16)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/USE_FP16 is not allowed with BFLOAT16/);
      const half = s.dev(Uint16Array.from([1, 2, 3, 4], numberToFloat16Bits), [2, 2], cann.ACL_FLOAT16);
      expect(mm(half.t, cann.USE_HF32)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(mm(half.t, cann.ALLOW_FP32_DOWN_PRECISION)).toBe(0);
      const x = s.dev(new Float32Array(16), [1, 1, 4, 4]);
      const w = s.dev(new Float32Array(9), [1, 1, 3, 3]);
      const y = s.dev(new Float32Array(4), [1, 1, 2, 2]);
      const ints = (v: number[]) => cann.aclCreateIntArray(v, v.length)!;
      const conv = (cube: number) =>
        s.twoPhase((ws, ex) => cann.aclnnConvolutionGetWorkspaceSize(x.t, w.t, null, ints([1, 1]), ints([0, 0]), ints([1, 1]), false, null, 1, y.t, cube, ws, ex), cann.aclnnConvolution).prepared;
      expect(conv(cann.KEEP_DTYPE)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/KEEP_DTYPE is not supported for FLOAT32 convolution/);
      expect(conv(cann.USE_FP32_ADD)).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(conv(cann.USE_HF32)).toBe(0);
    }));

  it('validates shapes in the first phase: K must chain, out must be the product shape, Mm takes 2-D only', () =>
    withCann((s) => {
      const a = s.dev(new Float32Array(6), [2, 3]);
      const b = s.dev(new Float32Array(6), [2, 3]);
      const out = s.dev(new Float32Array(4), [2, 2]);
      expect(s.twoPhase((ws, ex) => cann.aclnnMatmulGetWorkspaceSize(a.t, b.t, out.t, 0, ws, ex), cann.aclnnMatmul).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/K is 3 in self and 2 in mat2/);
      const v = s.dev(new Float32Array(3), [3]);
      const o2 = s.dev(new Float32Array(2), [2]);
      expect(s.twoPhase((ws, ex) => cann.aclnnMmGetWorkspaceSize(a.t, v.t, o2.t, 0, ws, ex), cann.aclnnMm).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(s.twoPhase((ws, ex) => cann.aclnnMatmulGetWorkspaceSize(a.t, v.t, out.t, 0, ws, ex), cann.aclnnMatmul).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      expect(cann.aclGetRecentErrMsg()).toMatch(/out has shape \[2, 2\] but the result is \[2\]/);
    }));
});

describe('matrix products', () => {
  it('Mm with a transposed view, BatchMatMul and a broadcasting Matmul match float64 within the float32 dot-product bound', () =>
    withCann((s) => {
      const [M, K, N] = [3, 5, 4];
      const a = randomFloat32(M * K, 1);
      const bt = randomFloat32(N * K, 2); // stored (N, K); mat2 = its transpose
      const ad = s.dev(a, [M, K]);
      const bd = s.dev(bt, [N, K]);
      const view = cann.aclCreateTensor([K, N], 2, cann.ACL_FLOAT, [1, K], 0, cann.ACL_FORMAT_ND, [N, K], 2, bd.ptr)!;
      const out = s.dev(new Float32Array(M * N), [M, N]);
      expect(s.twoPhase((ws, ex) => cann.aclnnMmGetWorkspaceSize(ad.t, view, out.t, cann.KEEP_DTYPE, ws, ex), cann.aclnnMm).ran).toBe(0);
      const ref = matmul64(a, bt, M, K, N, [1, K]);
      s.read(out.ptr, M * N).forEach((v, i) => expect(Math.abs(v - ref.c[i])).toBeLessThanOrEqual(dotBound(K, ref.abs[i])));
      const batched = s.dev(new Float32Array(2 * M * N), [2, M, N]);
      const a2 = s.dev(Float32Array.of(...a, ...a.map((x) => 2 * x)), [2, M, K]);
      const b2 = s.dev(Float32Array.from({ length: 2 * K * N }, (_, i) => bt[(i % N) * K + Math.floor((i % (K * N)) / N)]), [2, K, N]);
      expect(s.twoPhase((ws, ex) => cann.aclnnBatchMatMulGetWorkspaceSize(a2.t, b2.t, batched.t, cann.KEEP_DTYPE, ws, ex), cann.aclnnBatchMatMul).ran).toBe(0);
      const got = s.read(batched.ptr, 2 * M * N);
      ref.c.forEach((e, i) => {
        expect(Math.abs(got[i] - e)).toBeLessThanOrEqual(dotBound(K, ref.abs[i]));
        expect(Math.abs(got[M * N + i] - 2 * e)).toBeLessThanOrEqual(2 * dotBound(K, ref.abs[i]));
      });
      // A 1-D self is a row vector broadcast over mat2's batch: out is (2, N).
      const vec = s.dev(a.subarray(0, K), [K]);
      const vout = s.dev(new Float32Array(2 * N), [2, N]);
      expect(s.twoPhase((ws, ex) => cann.aclnnMatmulGetWorkspaceSize(vec.t, b2.t, vout.t, cann.KEEP_DTYPE, ws, ex), cann.aclnnMatmul).ran).toBe(0);
      s.read(vout.ptr, N).forEach((v, j) => expect(Math.abs(v - ref.c[j])).toBeLessThanOrEqual(dotBound(K, ref.abs[j])));
    }));

  it('Baddbmm ignores self when beta = 0 (NaN does not propagate) and Addmv computes beta·self + alpha·mat·vec', () =>
    withCann((s) => {
      const [B, M, K, N] = [2, 2, 3, 2];
      const a = randomFloat32(B * M * K, 3);
      const b = randomFloat32(B * K * N, 4);
      const self = s.dev(new Float32Array(M * N).fill(Number.NaN), [M, N]);
      const out = s.dev(new Float32Array(B * M * N), [B, M, N]);
      const zero = cann.aclCreateScalar(0, cann.ACL_FLOAT)!;
      const two = cann.aclCreateScalar(2, cann.ACL_FLOAT)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnBaddbmmGetWorkspaceSize(self.t, s.dev(a, [B, M, K]).t, s.dev(b, [B, K, N]).t, zero, two, out.t, 0, ws, ex), cann.aclnnBaddbmm).ran).toBe(0);
      const got = s.read(out.ptr, B * M * N);
      for (let bi = 0; bi < B; bi++) {
        const ref = matmul64(a.subarray(bi * M * K), b.subarray(bi * K * N), M, K, N);
        ref.c.forEach((e, i) => expect(Math.abs(got[bi * M * N + i] - 2 * e)).toBeLessThanOrEqual(2 * dotBound(K + 1, ref.abs[i])));
      }
      expect(s.process.tracer.records.filter((r) => r.op === 'Gemm')).toHaveLength(B);
      const mat = randomFloat32(6, 5);
      const y = s.dev(Float32Array.of(1, -1), [2]);
      const r = s.dev(new Float32Array(2), [2]);
      expect(s.twoPhase((ws, ex) => cann.aclnnAddmvGetWorkspaceSize(y.t, s.dev(mat, [2, 3]).t, s.dev(Float32Array.of(1, 2, 3), [3]).t, two, two, r.t, 0, ws, ex), cann.aclnnAddmv).ran).toBe(0);
      const expected = [0, 1].map((i) => 2 * (i === 0 ? 1 : -1) + 2 * (mat[i * 3] + 2 * mat[i * 3 + 1] + 3 * mat[i * 3 + 2]));
      expect(worstExcess(s.read(r.ptr, 2), expected, 1e-6, 1e-6)).toBeLessThanOrEqual(0);
    }));
});

describe('convolution and pooling', () => {
  it('Convolution (groups 2, stride 2, padding 1, bias) in HF32 stays within HF32 error of a float64 convolution', () =>
    withCann((s) => {
      const [N, C, H, W, Co, kh] = [1, 4, 5, 5, 2, 3];
      const x = randomFloat32(N * C * H * W, 6);
      const w = randomFloat32(Co * (C / 2) * kh * kh, 7);
      const bias = Float32Array.of(0.5, -0.25);
      const Ho = Math.floor((H + 2 - kh) / 2) + 1;
      const out = s.dev(new Float32Array(N * Co * Ho * Ho), [N, Co, Ho, Ho]);
      const ints = (v: number[]) => cann.aclCreateIntArray(v, v.length)!;
      const { ran } = s.twoPhase(
        (ws, ex) =>
          cann.aclnnConvolutionGetWorkspaceSize(s.dev(x, [N, C, H, W]).t, s.dev(w, [Co, C / 2, kh, kh]).t, s.dev(bias, [Co]).t, ints([2]), ints([1]), ints([1]), false, null, 2, out.t, cann.USE_HF32, ws, ex),
        cann.aclnnConvolution,
      );
      expect(ran).toBe(0);
      const got = s.read(out.ptr, N * Co * Ho * Ho);
      for (let o = 0; o < Co; o++) for (let i = 0; i < Ho; i++) for (let j = 0; j < Ho; j++) {
        let acc = 0;
        let abs = 0;
        const g = o; // one output channel per group here
        for (let c = 0; c < C / 2; c++) for (let u = 0; u < kh; u++) for (let v = 0; v < kh; v++) {
          const hi = i * 2 - 1 + u;
          const wi = j * 2 - 1 + v;
          if (hi < 0 || wi < 0 || hi >= H || wi >= W) continue;
          const p = x[((g * (C / 2) + c) * H + hi) * W + wi] * w[((o * (C / 2) + c) * kh + u) * kh + v];
          acc += p;
          abs += Math.abs(p);
        }
        // HF32 keeps 11 mantissa bits of each operand: 2·2^-12 of Σ|xw|, plus float32 accumulation.
        const e = acc + bias[o];
        expect(Math.abs(got[(o * Ho + i) * Ho + j] - e)).toBeLessThanOrEqual(2 * 2 ** -12 * abs + dotBound(18, abs + 1));
      }
    }));

  it('MaxPool2dWithIndices gives torch indices (within each plane); AvgPool2d and AdaptiveAvgPool2d average windows', () =>
    withCann((s) => {
      const x = Float32Array.from({ length: 2 * 4 * 4 }, (_, i) => (i * 37) % 17);
      const xd = s.dev(x, [2, 4, 4]);
      const out = s.dev(new Float32Array(8), [2, 2, 2]);
      const idx = s.dev(new BigInt64Array(8), [2, 2, 2], cann.ACL_INT64);
      const ints = (v: number[]) => cann.aclCreateIntArray(v, v.length)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnMaxPool2dWithIndicesGetWorkspaceSize(xd.t, ints([2, 2]), ints([]), ints([0]), ints([1]), false, out.t, idx.t, ws, ex), cann.aclnnMaxPool2dWithIndices).ran).toBe(0);
      const expectedIdx: number[] = [];
      const expectedMax: number[] = [];
      for (let c = 0; c < 2; c++) for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
        let best = -1;
        let at = 0;
        for (let u = 0; u < 2; u++) for (let v = 0; v < 2; v++) {
          const p = (2 * i + u) * 4 + 2 * j + v;
          if (x[c * 16 + p] > best) [best, at] = [x[c * 16 + p], p];
        }
        expectedMax.push(best);
        expectedIdx.push(at);
      }
      expect(Array.from(s.read(out.ptr, 8))).toEqual(expectedMax);
      expect(Array.from(s.read(idx.ptr, 8, BigInt64Array), Number)).toEqual(expectedIdx);
      const avg = s.dev(new Float32Array(8), [2, 2, 2]);
      expect(s.twoPhase((ws, ex) => cann.aclnnAvgPool2dGetWorkspaceSize(xd.t, ints([2, 2]), ints([2, 2]), ints([0, 0]), false, true, 0, 0, avg.t, ws, ex), cann.aclnnAvgPool2d).ran).toBe(0);
      const adaptive = s.dev(new Float32Array(8), [2, 2, 2]);
      expect(s.twoPhase((ws, ex) => cann.aclnnAdaptiveAvgPool2dGetWorkspaceSize(xd.t, ints([2, 2]), adaptive.t, ws, ex), cann.aclnnAdaptiveAvgPool2d).ran).toBe(0);
      expect(Array.from(s.read(adaptive.ptr, 8))).toEqual(Array.from(s.read(avg.ptr, 8)));
      const global = s.dev(new Float32Array(2), [2, 1, 1]);
      expect(s.twoPhase((ws, ex) => cann.aclnnAdaptiveAvgPool2dGetWorkspaceSize(xd.t, ints([1, 1]), global.t, ws, ex), cann.aclnnAdaptiveAvgPool2d).ran).toBe(0);
      expect(Array.from(s.read(global.ptr, 2))).toEqual([0, 1].map((c) => Math.fround(x.subarray(c * 16, c * 16 + 16).reduce((a, b) => a + b, 0) / 16)));
      expect(s.twoPhase((ws, ex) => cann.aclnnAdaptiveAvgPool2dGetWorkspaceSize(xd.t, ints([3, 3]), s.dev(new Float32Array(18), [2, 3, 3]).t, ws, ex), cann.aclnnAdaptiveAvgPool2d).prepared).toBe(cann.ACLNN_ERR_PARAM_INVALID);
      const onnx = s.dev(new Float32Array(8), [1, 2, 2, 2]);
      const x4 = cann.aclCreateTensor([1, 2, 4, 4], 4, cann.ACL_FLOAT, [32, 16, 4, 1], 0, cann.ACL_FORMAT_NCHW, [32], 1, xd.ptr)!;
      expect(s.twoPhase((ws, ex) => cann.aclnnMaxPoolGetWorkspaceSize(x4, ints([2, 2]), ints([2, 2]), 0, ints([0, 0, 0, 0]), ints([1, 1]), 0, onnx.t, ws, ex), cann.aclnnMaxPool).ran).toBe(0);
      expect(Array.from(s.read(onnx.ptr, 8))).toEqual(expectedMax);
    }));
});
