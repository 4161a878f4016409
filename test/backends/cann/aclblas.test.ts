/** ops-blas and blasLt: column-major BLAS semantics, documented restrictions, results in device memory. */
import { describe, expect, it } from 'vitest';
import * as cann from '../../../src/backends/cann/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { ref } from '../../../src/backends/sim/ref.js';
import { numberToFloat16Bits, float16BitsToNumber } from '../../../src/runtime/numerics/half-bits.js';
import { dotBound } from './references.js';
import { withCann, type Session } from './harness.js';

function handle(s: Session): cann.aclblasHandle_t {
  const h = ref<cann.aclblasHandle_t | null>();
  expect(cann.aclblasCreate(h)).toBe(cann.ACLBLAS_STATUS_SUCCESS);
  cann.aclblasSetStream(h.value!, s.stream);
  return h.value!;
}

/** Column-major C = A·B (+ transposes) in float64, with Σ|ab| per element. */
function gemm64(a: ArrayLike<number>, b: ArrayLike<number>, m: number, n: number, k: number, ta: boolean, tb: boolean, lda: number, ldb: number) {
  const c = new Float64Array(m * n);
  const abs = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    for (let p = 0; p < k; p++) {
      const av = ta ? a[i * lda + p] : a[p * lda + i];
      const bv = tb ? b[p * ldb + j] : b[j * ldb + p];
      c[j * m + i] += av * bv;
      abs[j * m + i] += Math.abs(av * bv);
    }
  }
  return { c, abs };
}

describe('ops-blas level 3 and 2', () => {
  it('aclblasCreate needs *handle null on entry; SgemmEx is column-major with transposes and leading dimensions', () =>
    withCann((s) => {
      const taken = ref<cann.aclblasHandle_t | null>();
      cann.aclblasCreate(taken);
      expect(cann.aclblasCreate(taken)).toBe(cann.ACLBLAS_STATUS_INVALID_VALUE);
      const h = handle(s);
      const [m, n, k, lda, ldb] = [3, 2, 4, 5, 4];
      const a = randomFloat32(lda * m, 1); // A stored k x m (transA = T) with lda 5
      const b = randomFloat32(ldb * n, 2); // B stored k x n with ldb 4
      const C = s.dev(new Float32Array(m * n).fill(1), [m * n]);
      const status = cann.aclblasSgemmEx(h, cann.ACLBLAS_OP_T, cann.ACLBLAS_OP_N, m, n, k, 2, s.dev(a, [a.length]).ptr, lda, s.dev(b, [b.length]).ptr, ldb, 0.5, C.ptr, m, cann.ACLBLAS_GEMM_DEFAULT);
      expect(status).toBe(0);
      const ref64 = gemm64(a, b, m, n, k, true, false, lda, ldb);
      s.read(C.ptr, m * n).forEach((v, i) => expect(Math.abs(v - (2 * ref64.c[i] + 0.5))).toBeLessThanOrEqual(2 * dotBound(k + 1, ref64.abs[i] + 1)));
      expect(cann.aclblasSgemmEx(h, 111, 111, m, n, k, 1, C.ptr, 1, C.ptr, k, 0, C.ptr, m, cann.ACLBLAS_GEMM_DEFAULT)).toBe(cann.ACLBLAS_STATUS_INVALID_VALUE);
      expect(cann.aclGetRecentErrMsg()).toMatch(/ldA = 1 must be at least max\(1, 3\)/);
      expect(cann.aclblasSgemmEx(h, 7 as never, 111, m, n, k, 1, C.ptr, m, C.ptr, k, 0, C.ptr, m, 0)).toBe(cann.ACLBLAS_STATUS_INVALID_ENUM);
      expect(cann.aclblasSgemmEx(h, 111, 111, m, n, k, 1, C.ptr, m, C.ptr, k, 0, C.ptr, m, cann.ACLBLAS_GEMM_ALGO0)).toBe(cann.ACLBLAS_STATUS_NOT_SUPPORTED);
      expect(cann.aclblasSgemmEx(null as never, 111, 111, m, n, k, 1, C.ptr, m, C.ptr, k, 0, C.ptr, m, 0)).toBe(cann.ACLBLAS_STATUS_HANDLE_IS_NULLPTR);
      cann.aclblasDestroy(h);
      expect(cann.aclblasSgemmEx(h, 111, 111, m, n, k, 1, C.ptr, m, C.ptr, k, 0, C.ptr, m, 0)).toBe(cann.ACLBLAS_STATUS_NOT_INITIALIZED);
    }));

  it('GemmEx widens FLOAT16 inputs into a FLOAT32 C; GemmStridedBatchedEx runs per batch and respects the handle workspace', () =>
    withCann((s) => {
      const h = handle(s);
      const [m, n, k] = [2, 2, 3];
      const a = [0.5, 1.5, -2, 0.25, 1, 3]; // col-major 2x3
      const b = [1, 2, 3, -1, 0.5, 4]; // col-major 3x2
      const A = s.dev(Uint16Array.from(a, numberToFloat16Bits), [6], cann.ACL_FLOAT16);
      const B = s.dev(Uint16Array.from(b, numberToFloat16Bits), [6], cann.ACL_FLOAT16);
      const C = s.dev(new Float32Array(4), [4]);
      expect(cann.aclblasGemmEx(h, 111, 111, m, n, k, 1, A.ptr, cann.ACL_FLOAT16, m, B.ptr, cann.ACL_FLOAT16, k, 0, C.ptr, cann.ACL_FLOAT, m, cann.ACLBLAS_COMPUTE_32F, 0)).toBe(0);
      const expected = gemm64(a, b, m, n, k, false, false, m, k).c; // exact in float32 for these values
      expect(Array.from(s.read(C.ptr, 4))).toEqual(Array.from(expected));
      expect(cann.aclblasGemmEx(h, 111, 111, m, n, k, 1, A.ptr, cann.ACL_FLOAT16, m, B.ptr, cann.ACL_FLOAT16, k, 0, C.ptr, cann.ACL_FLOAT, m, cann.ACLBLAS_COMPUTE_64F, 0)).toBe(cann.ACLBLAS_STATUS_NOT_SUPPORTED);
      const H = s.dev(new Uint16Array(8), [8], cann.ACL_FLOAT16);
      expect(cann.aclblasGemmStridedBatchedEx(h, 111, 111, m, n, k, 1, A.ptr, cann.ACL_FLOAT16, m, 0, B.ptr, cann.ACL_FLOAT16, k, 0, 0, H.ptr, cann.ACL_FLOAT16, m, 4, 2, cann.ACLBLAS_COMPUTE_16F, 0)).toBe(0);
      const halves = Array.from(s.read(H.ptr, 8, Uint16Array), float16BitsToNumber);
      expect(halves).toEqual([...expected, ...expected]);
      expect(cann.aclblasGemmStridedBatchedEx(h, 111, 111, 2048, 2048, 1, 1, A.ptr, cann.ACL_FLOAT16, 2048, 0, B.ptr, cann.ACL_FLOAT16, 1, 0, 0, H.ptr, cann.ACL_FLOAT16, 2048, 0, 4, cann.ACLBLAS_COMPUTE_16F, 0)).toBe(cann.ACLBLAS_STATUS_ALLOC_FAILED);
    }));

  it('Sgemv with increments, and Saxpy', () =>
    withCann((s) => {
      const h = handle(s);
      const A = s.dev(Float32Array.of(1, 2, 3, 4, 5, 6), [6]); // col-major 2x3
      const x = s.dev(Float32Array.of(1, 0, 1, 0, 1, 0), [6]); // incx 2 -> (1, 1, 1)
      const y = s.dev(Float32Array.of(10, 20), [2]);
      expect(cann.aclblasSgemv(h, cann.ACLBLAS_OP_N, 2, 3, 1, A.ptr, 2, x.ptr, 2, 1, y.ptr, 1)).toBe(0);
      expect(Array.from(s.read(y.ptr, 2))).toEqual([19, 32]);
      const t = s.dev(new Float32Array(3), [3]);
      expect(cann.aclblasSgemv(h, cann.ACLBLAS_OP_T, 2, 3, 1, A.ptr, 2, y.ptr, 1, 0, t.ptr, 1)).toBe(0);
      expect(Array.from(s.read(t.ptr, 3))).toEqual([19 + 64, 57 + 128, 95 + 192]);
      expect(cann.aclblasSaxpy(h, 2, 2, y.ptr, 1, t.ptr, 1)).toBe(0);
      expect(Array.from(s.read(t.ptr, 3))).toEqual([83 + 38, 185 + 64, 287]);
    }));
});

describe('ops-blas level 1 (results in device memory)', () => {
  it('Sdot, Snrm2, Sasum and Isamax (1-based); unit increments where the README requires them', () =>
    withCann((s) => {
      const h = handle(s);
      const x = s.dev(Float32Array.of(3, -4, 1, -4), [4]);
      const y = s.dev(Float32Array.of(1, 1, 2, 0), [4]);
      const r = s.dev(new Float32Array(1), [1]);
      const i = s.dev(new Int32Array(1), [1], cann.ACL_INT32);
      expect(cann.aclblasSdot(h, 4, x.ptr, 1, y.ptr, 1, r.ptr)).toBe(0);
      expect(s.read(r.ptr, 1)[0]).toBe(1);
      expect(cann.aclblasSdot(h, 2, x.ptr, 2, y.ptr, 1, r.ptr)).toBe(cann.ACLBLAS_STATUS_NOT_SUPPORTED);
      expect(cann.aclblasSnrm2(h, 2, x.ptr, 1, r.ptr)).toBe(0);
      expect(s.read(r.ptr, 1)[0]).toBe(5);
      expect(cann.aclblasSasum(h, 4, x.ptr, 1, r.ptr)).toBe(0);
      expect(s.read(r.ptr, 1)[0]).toBe(12);
      expect(cann.aclblasIsamax(h, 4, x.ptr, 1, i.ptr)).toBe(0);
      expect(s.read(i.ptr, 1, Int32Array)[0]).toBe(2);
      expect(cann.aclblasSdot(h, 4, x.ptr, 1, y.ptr, 1, new Float32Array(1) as never)).toBe(cann.ACLBLAS_STATUS_INVALID_VALUE);
      expect(s.ids()).toContain('OB2004');
    }));

  it('Sscal ignores incx on Atlas A2/A3 (README) and says so', () =>
    withCann((s) => {
      const h = handle(s);
      const x = s.dev(Float32Array.of(1, 2, 3, 4), [4]);
      expect(cann.aclblasSscal(h, 2, 10, x.ptr, 2)).toBe(0);
      expect(Array.from(s.read(x.ptr, 4))).toEqual([10, 20, 3, 4]);
      const warning = s.process.diagnostics.entries.find((d) => d.id === 'OB2014');
      expect(warning?.severity).toBe('warning');
    }));
});

describe('blasLt', () => {
  it('matmul with the BIAS and RELU epilogues and a heuristic algorithm', () =>
    withCann((s) => {
      const lt = ref<cann.aclblasLtHandle_t>();
      const desc = ref<cann.aclblasLtMatmulDesc_t>();
      const layout = ref<cann.aclblasLtMatrixLayout_t>();
      const pref = ref<cann.aclblasLtMatmulPreference_t>();
      cann.aclblasLtCreate(lt);
      cann.aclblasLtMatmulDescCreate(desc, cann.ACLBLAS_COMPUTE_32F, cann.ACL_FLOAT);
      cann.aclblasLtMatrixLayoutCreate(layout, cann.ACL_FLOAT, 2, 2, 2);
      cann.aclblasLtMatmulPreferenceCreate(pref);
      const bias = s.dev(Float32Array.of(-10, 1), [2]);
      expect(cann.aclblasLtMatmulDescSetAttribute(desc.value, 2, cann.ACLBLASLT_EPILOGUE_RELU_BIAS, 4)).toBe(0);
      expect(cann.aclblasLtMatmulDescSetAttribute(desc.value, 3, bias.ptr, 8)).toBe(0);
      expect(cann.aclblasLtMatmulDescSetAttribute(desc.value, 2, 99, 4)).toBe(cann.ACLBLAS_STATUS_INVALID_VALUE);
      const results: cann.aclblasLtMatmulHeuristicResult_t[] = [];
      const count = ref<number>();
      const L = layout.value;
      expect(cann.aclblasLtMatmulAlgoGetHeuristic(lt.value, desc.value, L, L, L, L, pref.value, 1, results, count)).toBe(0);
      expect(count.value).toBe(1);
      const A = s.dev(Float32Array.of(1, 2, 3, 4), [4]); // col-major [[1, 3], [2, 4]]
      const D = s.dev(new Float32Array(4), [4]);
      expect(cann.aclblasLtMatmul(lt.value, desc.value, 1, A.ptr, L, A.ptr, L, 0, D.ptr, L, D.ptr, L, results[0].algo, null, 0, s.stream)).toBe(0);
      // A·A = [[7, 15], [10, 22]] (col-major 7, 10, 15, 22); bias by row (-10, 1); then ReLU.
      expect(Array.from(s.read(D.ptr, 4))).toEqual([0, 11, 5, 23]);
      for (const [fn, obj] of [[cann.aclblasLtMatmulPreferenceDestroy, pref.value], [cann.aclblasLtMatrixLayoutDestroy, L], [cann.aclblasLtMatmulDescDestroy, desc.value], [cann.aclblasLtDestroy, lt.value]] as const) {
        expect((fn as (o: unknown) => number)(obj)).toBe(0);
      }
    }));

  it('honours row-major and batched layouts set with aclblasLtMatrixLayoutSetAttribute', () =>
    withCann((s) => {
      const lt = ref<cann.aclblasLtHandle_t>();
      const desc = ref<cann.aclblasLtMatmulDesc_t>();
      const layout = ref<cann.aclblasLtMatrixLayout_t>();
      const pref = ref<cann.aclblasLtMatmulPreference_t>();
      cann.aclblasLtCreate(lt);
      cann.aclblasLtMatmulDescCreate(desc, cann.ACLBLAS_COMPUTE_32F, cann.ACL_FLOAT);
      cann.aclblasLtMatrixLayoutCreate(layout, cann.ACL_FLOAT, 2, 2, 2);
      cann.aclblasLtMatmulPreferenceCreate(pref);
      expect(cann.aclblasLtMatmulPreferenceSetAttribute(pref.value, 1, 1024n, 8)).toBe(0);
      expect(cann.aclblasLtMatmulPreferenceSetAttribute(pref.value, 1, 1024, 4)).toBe(cann.ACLBLAS_STATUS_INVALID_VALUE);
      const L = layout.value;
      expect(cann.aclblasLtMatrixLayoutSetAttribute(L, 3, cann.ACLBLASLT_ORDER_ROW, 4)).toBe(0);
      expect(cann.aclblasLtMatrixLayoutSetAttribute(L, 0, 2, 4)).toBe(0);
      expect(cann.aclblasLtMatrixLayoutSetAttribute(L, 1, 4n, 8)).toBe(0);
      expect(cann.aclblasLtMatrixLayoutSetAttribute(L, 3, cann.ACLBLASLT_ORDER_COL32, 4)).toBe(cann.ACLBLAS_STATUS_NOT_SUPPORTED);
      // Two row-major 2x2 matrices, 4 elements apart: [[1, 2], [3, 4]] and the identity.
      const A = s.dev(Float32Array.of(1, 2, 3, 4, 1, 0, 0, 1), [8]);
      const D = s.dev(new Float32Array(8), [8]);
      expect(cann.aclblasLtMatmul(lt.value, desc.value, 1, A.ptr, L, A.ptr, L, 0, D.ptr, L, D.ptr, L, null, null, 0, s.stream)).toBe(0);
      expect(Array.from(s.read(D.ptr, 8))).toEqual([7, 10, 15, 22, 1, 0, 0, 1]);
    }));
});
