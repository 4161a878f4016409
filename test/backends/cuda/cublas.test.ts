import { describe, expect, it } from 'vitest';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { allocate, cuda, diagnosticIds, downloadFloat32, float32DotBound, inProcess, lastDiagnostic, referenceGemm, upload } from './cuda-test-kit.js';

const {
  ref,
  CUBLAS_OP_N,
  CUBLAS_OP_T,
  CUBLAS_STATUS_SUCCESS,
  CUBLAS_STATUS_INVALID_VALUE,
  CUBLAS_STATUS_EXECUTION_FAILED,
  CUBLAS_STATUS_NOT_INITIALIZED,
  CUBLAS_STATUS_NOT_SUPPORTED,
  cudaErrorIllegalAddress,
} = cuda;

function createHandle(): cuda.cublasHandle_t {
  const h = ref<cuda.cublasHandle_t>();
  expect(cuda.cublasCreate(h)).toBe(CUBLAS_STATUS_SUCCESS);
  return h.value;
}

/** Column-major matrix of rows×cols with leading dimension ld; padding rows hold NaN, which must never be read. */
function paddedMatrix(rows: number, cols: number, ld: number, seed: number): Float32Array {
  const values = randomFloat32(ld * cols, seed);
  for (let j = 0; j < cols; j++) for (let i = rows; i < ld; i++) values[i + j * ld] = NaN;
  return values;
}

interface SgemmCase {
  transA: boolean;
  transB: boolean;
}

/** Runs cublasSgemm on padded operands; returns the result and its float64 reference. */
function runSgemm(c: SgemmCase, m = 5, n = 4, k = 7, alpha = 1.5, beta = 0, mathMode?: number, mode: 'golden' | 'profiled' = 'profiled') {
  const [rowsA, colsA] = c.transA ? [k, m] : [m, k];
  const [rowsB, colsB] = c.transB ? [n, k] : [k, n];
  const lda = rowsA + 3;
  const ldb = rowsB + 2;
  const ldc = m + 1;
  const a = paddedMatrix(rowsA, colsA, lda, 11);
  const b = paddedMatrix(rowsB, colsB, ldb, 12);
  const cInit = beta === 0 ? new Float32Array(ldc * n).fill(NaN) : randomFloat32(ldc * n, 13);
  let result!: Float32Array;
  const process = inProcess(
    () => {
      const h = createHandle();
      if (mathMode !== undefined) expect(cuda.cublasSetMathMode(h, mathMode as cuda.cublasMath_t)).toBe(CUBLAS_STATUS_SUCCESS);
      const [dA, dB, dC] = [upload(a), upload(b), upload(cInit)];
      const status = cuda.cublasSgemm(h, c.transA ? CUBLAS_OP_T : CUBLAS_OP_N, c.transB ? CUBLAS_OP_T : CUBLAS_OP_N, m, n, k, alpha, dA, lda, dB, ldb, beta, dC, ldc);
      expect(status).toBe(CUBLAS_STATUS_SUCCESS);
      result = downloadFloat32(dC, ldc * n);
      for (const p of [dA, dB, dC]) cuda.cudaFree(p);
      cuda.cublasDestroy(h);
    },
    { mode },
  );
  return { result, a, b, cInit, m, n, k, lda, ldb, ldc, alpha, beta, process };
}

describe('cublasSgemm (column-major, leading dimensions, transposes)', () => {
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      it(`matches a float64 reference for transa=${transA ? 'T' : 'N'}, transb=${transB ? 'T' : 'N'} with padded leading dimensions, never reading padding or C when beta = 0`, () => {
        const r = runSgemm({ transA, transB });
        const ref64 = referenceGemm(transA, transB, r.m, r.n, r.k, r.alpha, r.a, r.lda, r.b, r.ldb, r.beta, r.cInit, r.ldc);
        for (let j = 0; j < r.n; j++) {
          for (let i = 0; i < r.ldc; i++) {
            const at = i + j * r.ldc;
            // Rows past m in C are padding: cuBLAS leaves them untouched (still NaN).
            if (i >= r.m) expect(Number.isNaN(r.result[at])).toBe(true);
            else expect(Math.abs(r.result[at] - ref64.values[at])).toBeLessThanOrEqual(float32DotBound(r.k, ref64.magnitude[at]));
          }
        }
        expect(diagnosticIds(r.process)).toEqual([]);
      });
    }
  }

  it('accumulates into C when beta != 0', () => {
    const r = runSgemm({ transA: false, transB: true }, 3, 3, 4, -0.5, 2);
    const ref64 = referenceGemm(false, true, r.m, r.n, r.k, r.alpha, r.a, r.lda, r.b, r.ldb, r.beta, r.cInit, r.ldc);
    for (let j = 0; j < r.n; j++) {
      for (let i = 0; i < r.m; i++) {
        const at = i + j * r.ldc;
        expect(Math.abs(r.result[at] - ref64.values[at])).toBeLessThanOrEqual(float32DotBound(r.k, ref64.magnitude[at]));
      }
    }
  });

  it('rounds operands to TF32 under CUBLAS_TF32_TENSOR_OP_MATH, by the TF32-expected amount; golden mode ignores the knob', () => {
    const plain = runSgemm({ transA: false, transB: false }, 6, 5, 64, 1, 0);
    const tf32 = runSgemm({ transA: false, transB: false }, 6, 5, 64, 1, 0, cuda.CUBLAS_TF32_TENSOR_OP_MATH);
    // The profile models TF32 as round-to-nearest, ties away (cvt.rna): the reference rounds A and B that way.
    const toTf32 = (x: number) => roundToFormat(x, TF32, 'nearest-away');
    const refTf32 = referenceGemm(false, false, 6, 5, 64, 1, tf32.a, tf32.lda, tf32.b, tf32.ldb, 0, tf32.cInit, tf32.ldc, toTf32);
    const ref32 = referenceGemm(false, false, 6, 5, 64, 1, plain.a, plain.lda, plain.b, plain.ldb, 0, plain.cInit, plain.ldc);
    let largestShift = 0;
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 6; i++) {
        const at = i + j * tf32.ldc;
        // The TF32 result is the exact product of TF32 operands up to float32 accumulation...
        expect(Math.abs(tf32.result[at] - refTf32.values[at])).toBeLessThanOrEqual(float32DotBound(64, refTf32.magnitude[at]));
        // ...and differs from the fp32 result by at most the TF32 operand error: |Δa·b| + |a·Δb| <= 2·2^-11 per term.
        const shift = Math.abs(tf32.result[at] - plain.result[at]);
        expect(shift).toBeLessThanOrEqual(2 * 2 ** -11 * ref32.magnitude[at] + 2 * float32DotBound(64, ref32.magnitude[at]));
        largestShift = Math.max(largestShift, shift / ref32.magnitude[at]);
      }
    }
    // Random operands lose ~2^-12 relative per term to TF32: far above float32 rounding (2^-24).
    expect(largestShift).toBeGreaterThan(2 ** -16);
    const goldenPlain = runSgemm({ transA: false, transB: false }, 6, 5, 64, 1, 0, undefined, 'golden');
    const goldenTf32 = runSgemm({ transA: false, transB: false }, 6, 5, 64, 1, 0, cuda.CUBLAS_TF32_TENSOR_OP_MATH, 'golden');
    expect([...goldenTf32.result]).toEqual([...goldenPlain.result]);
    for (let j = 0; j < 5; j++) for (let i = 0; i < 6; i++) expect(goldenPlain.result[i + j * 7]).toBe(Math.fround(ref32.values[i + j * 7]));
  });

  it('records Gemm with the call attributes, the math-mode profile and the program call site in the trace', () => {
    const r = runSgemm({ transA: true, transB: false }, 2, 2, 2, 2, 0, cuda.CUBLAS_TF32_TENSOR_OP_MATH);
    const op = r.process.tracer.records.find((t) => t.kind === 'op');
    expect(op?.symbol).toBe('cublasSgemm');
    expect(op?.op).toBe('Gemm');
    expect(op?.attributes).toEqual({ alpha: 2, beta: 0, transA: 1, transB: 0 });
    expect(op?.profile).toMatch(/cublasSetMathMode\.mode=3/);
    expect(op?.site?.file).toMatch(/cublas\.test\.ts$/);
    expect(op?.outputs[0].shape).toEqual([2, 2]);
  });
});

describe('cuBLAS argument checks and misuse', () => {
  it('returns CUBLAS_STATUS_INVALID_VALUE for negative sizes, short leading dimensions, bad transposes and NULL scalars', () => {
    const p = inProcess(() => {
      const h = createHandle();
      const d = allocate(256);
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, -1, 2, 2, 1, d, 2, d, 2, 0, d, 2)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 4, 2, 2, 1, d, 3, d, 2, 0, d, 4)).toBe(CUBLAS_STATUS_INVALID_VALUE); // lda < m
      expect(cuda.cublasSgemm(h, CUBLAS_OP_T, CUBLAS_OP_N, 4, 2, 3, 1, d, 2, d, 3, 0, d, 4)).toBe(CUBLAS_STATUS_INVALID_VALUE); // lda < k for op T
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, d, 2, d, 2, 0, d, 1)).toBe(CUBLAS_STATUS_INVALID_VALUE); // ldc < m
      expect(cuda.cublasSgemm(h, 7 as never, CUBLAS_OP_N, 2, 2, 2, 1, d, 2, d, 2, 0, d, 2)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, null as never, d, 2, d, 2, 0, d, 2)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      // m = 0: nothing to do, nothing read, even through invalid pointers.
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 0, 2, 2, 1, null, 1, null, 2, 0, null, 1)).toBe(CUBLAS_STATUS_SUCCESS);
      cuda.cudaFree(d);
      cuda.cublasDestroy(h);
    });
    expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2013', 'OB2013', 'OB2013', 'OB2013', 'OB2012']);
  });

  it('turns a leading dimension that reads past the allocation into an out-of-bounds fault that loses the context', () => {
    const p = inProcess(() => {
      const h = createHandle();
      const a = upload(new Float32Array(6)); // a 2×3 matrix with lda = 2
      const b = upload(new Float32Array(6));
      const c = allocate(16);
      // lda = 4 is valid by the rules (>= m) but the third column then starts past the 24-byte allocation.
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 3, 1, a, 4, b, 3, 0, c, 2)).toBe(CUBLAS_STATUS_EXECUTION_FAILED);
      expect(cuda.cudaDeviceSynchronize()).toBe(cudaErrorIllegalAddress);
      expect(cuda.cudaGetLastError()).toBe(cudaErrorIllegalAddress);
      expect(cuda.cudaGetLastError()).toBe(cudaErrorIllegalAddress); // sticky
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 3, 1, a, 2, b, 3, 0, c, 2)).toBe(CUBLAS_STATUS_EXECUTION_FAILED);
    });
    expect(diagnosticIds(p)).toEqual(['OB2001']);
    expect(p.diagnostics.entries[0].message).toMatch(/^A \(2×3 float32, column-major, leading dimension 4\): access of 40 bytes .* holds 24 bytes/);
    expect(p.diagnostics.entries[0].status).toBe('CUBLAS_STATUS_EXECUTION_FAILED');
  });

  it('reports host memory passed as a device matrix (OB2004), freed device memory (OB2002) and a destroyed handle (OB2008)', () => {
    const p = inProcess(() => {
      const h = createHandle();
      const d = allocate(64);
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, new Float32Array(4), 2, d, 2, 0, d, 2)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      expect(cuda.cublasDestroy(h)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, d, 2, d, 2, 0, d, 2)).toBe(CUBLAS_STATUS_NOT_INITIALIZED);
      expect(cuda.cublasDestroy(h)).toBe(CUBLAS_STATUS_NOT_INITIALIZED);
      // A kernel reading freed memory loses the context, like an out-of-bounds read.
      const h2 = createHandle();
      const freed = allocate(64);
      cuda.cudaFree(freed);
      expect(cuda.cublasSgemm(h2, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, freed, 2, d, 2, 0, d, 2)).toBe(CUBLAS_STATUS_EXECUTION_FAILED);
      expect(cuda.cudaPeekAtLastError()).toBe(cudaErrorIllegalAddress);
    });
    expect(diagnosticIds(p)).toEqual(['OB2004', 'OB2008', 'OB2008', 'OB2002']);
  });

  it('keeps the handle stream and math mode, and fails a launch on a destroyed stream', () => {
    const p = inProcess((process) => {
      const h = createHandle();
      const s = ref<cuda.cudaStream_t>();
      cuda.cudaStreamCreate(s);
      expect(cuda.cublasSetStream(h, s.value)).toBe(CUBLAS_STATUS_SUCCESS);
      const got = ref<cuda.cudaStream_t>();
      cuda.cublasGetStream(h, got);
      expect(got.value).toBe(s.value);
      const mode = ref<cuda.cublasMath_t>();
      cuda.cublasSetMathMode(h, (cuda.CUBLAS_TF32_TENSOR_OP_MATH | cuda.CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION) as cuda.cublasMath_t);
      cuda.cublasGetMathMode(h, mode);
      expect(mode.value).toBe(19);
      expect(cuda.cublasSetMathMode(h, 5 as never)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      const d = upload(new Float32Array(4));
      cuda.cudaStreamDestroy(s.value);
      expect(cuda.cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 1, 1, d, 2, d, 1, 0, d, 2)).toBe(CUBLAS_STATUS_EXECUTION_FAILED);
      expect(lastDiagnostic(process).id).toBe('OB2008');
    });
    expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2008']);
  });
});

describe('cublasGetStatusString', () => {
  // cuBLAS returns a description; the reference runtime names the enumerator (its string table was not read).
  it('names each status by its cublasStatus_t member, and a code that is none as unknown', () => {
    expect(cuda.cublasGetStatusString(CUBLAS_STATUS_SUCCESS)).toBe('CUBLAS_STATUS_SUCCESS');
    expect(cuda.cublasGetStatusString(CUBLAS_STATUS_INVALID_VALUE)).toBe('CUBLAS_STATUS_INVALID_VALUE');
    expect(cuda.cublasGetStatusString(16 as cuda.cublasStatus_t)).toBe('CUBLAS_STATUS_LICENSE_ERROR');
    expect(cuda.cublasGetStatusString(2 as cuda.cublasStatus_t)).toBe('CUBLAS_STATUS_UNKNOWN');
  });
});

describe('cublasDgemm, cublasHgemm, cublasGemmEx and strided batches', () => {
  it('computes Dgemm in float64 and Hgemm in fp16 with fp16 alpha', () => {
    inProcess(() => {
      const h = createHandle();
      const a = new Float64Array([1, 2, 3, 4]);
      const b = new Float64Array([0.1, 0.2, 0.3, 0.4]);
      const [dA, dB, dC] = [upload(a), upload(b), allocate(32)];
      expect(cuda.cublasDgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, dA, 2, dB, 2, 0, dC, 2)).toBe(CUBLAS_STATUS_SUCCESS);
      const c = new Float64Array(4);
      cuda.cudaMemcpy(c, dC, 32, cuda.cudaMemcpyDeviceToHost);
      // Column-major: C(0,0) = 1·0.1 + 3·0.2 in double arithmetic.
      expect(c[0]).toBe(1 * 0.1 + 3 * 0.2);
      expect(c[3]).toBe(2 * 0.3 + 4 * 0.4);
      const ha = cuda.toFloat16Bits([1, 2, 3, 4]);
      const hb = cuda.toFloat16Bits([0.5, 0.25, 2, 1]);
      const [hA, hB, hC] = [upload(ha), upload(hb), allocate(8)];
      expect(cuda.cublasHgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1 / 3, hA, 2, hB, 2, 0, hC, 2)).toBe(CUBLAS_STATUS_SUCCESS);
      const out = new Uint16Array(4);
      cuda.cudaMemcpy(out, hC, 8, cuda.cudaMemcpyDeviceToHost);
      // alpha is read as a __half: fp16(1/3) = 0.333251953125; C(0,0) = fp16(alpha · (0.5 + 0.75)).
      const alpha16 = cuda.roundToHalf(1 / 3, 'float16');
      expect(alpha16).toBe(0.333251953125);
      expect([...cuda.fromFloat16Bits(out)]).toEqual([1.25, 2, 5, 8].map((v) => cuda.roundToHalf(alpha16 * v, 'float16')));
    });
  });

  it('runs GemmEx for the supported type combinations and rejects the others with CUBLAS_STATUS_NOT_SUPPORTED', () => {
    const p = inProcess(() => {
      const h = createHandle();
      // fp16 A/B with fp32 C and 32F compute: fp16 values widen exactly, products accumulate in fp32.
      const a = cuda.toFloat16Bits([1, 2, 3, 4]);
      const b = cuda.toFloat16Bits([1, 1, 1, 1]);
      const [dA, dB, dC] = [upload(a), upload(b), allocate(16)];
      expect(cuda.cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, dA, cuda.CUDA_R_16F, 2, dB, cuda.CUDA_R_16F, 2, 0, dC, cuda.CUDA_R_32F, 2, cuda.CUBLAS_COMPUTE_32F, cuda.CUBLAS_GEMM_DEFAULT)).toBe(CUBLAS_STATUS_SUCCESS);
      expect([...downloadFloat32(dC, 4)]).toEqual([4, 6, 4, 6]);
      // int8 × int8 → int32 with 32I compute (integer alpha).
      const [iA, iB, iC] = [upload(new Int8Array([-3, 2, 5, 7])), upload(new Int8Array([2, 1, 1, 0])), allocate(16)];
      expect(cuda.cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 2, iA, cuda.CUDA_R_8I, 2, iB, cuda.CUDA_R_8I, 2, 0, iC, cuda.CUDA_R_32I, 2, cuda.CUBLAS_COMPUTE_32I, cuda.CUBLAS_GEMM_DEFAULT)).toBe(CUBLAS_STATUS_SUCCESS);
      const ints = new Int32Array(4);
      cuda.cudaMemcpy(ints, iC, 16, cuda.cudaMemcpyDeviceToHost);
      expect([...ints]).toEqual([2 * (-3 * 2 + 5 * 1), 2 * (2 * 2 + 7 * 1), 2 * -3, 2 * 2]);
      // fp32 A/B with fp16 C is not a combination of 32F compute; Atype != Btype never is.
      expect(cuda.cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, dA, cuda.CUDA_R_32F, 2, dB, cuda.CUDA_R_32F, 2, 0, dC, cuda.CUDA_R_16F, 2, cuda.CUBLAS_COMPUTE_32F, cuda.CUBLAS_GEMM_DEFAULT)).toBe(CUBLAS_STATUS_NOT_SUPPORTED);
      expect(cuda.cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, dA, cuda.CUDA_R_16F, 2, dB, cuda.CUDA_R_32F, 2, 0, dC, cuda.CUDA_R_32F, 2, cuda.CUBLAS_COMPUTE_32F, cuda.CUBLAS_GEMM_DEFAULT)).toBe(CUBLAS_STATUS_NOT_SUPPORTED);
      expect(cuda.cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, 1, dA, cuda.CUDA_R_16F, 2, dB, cuda.CUDA_R_16F, 2, 0, dC, cuda.CUDA_R_32F, 2, cuda.CUBLAS_COMPUTE_32F_EMULATED_16BFX9, cuda.CUBLAS_GEMM_DEFAULT)).toBe(CUBLAS_STATUS_NOT_SUPPORTED);
    });
    expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2013', 'OB2014']);
  });

  it('applies the computeType knob: CUBLAS_COMPUTE_32F_FAST_TF32 equals the TF32 math mode, CUBLAS_COMPUTE_32F overrides it', () => {
    const a = randomFloat32(64 * 4, 21);
    const b = randomFloat32(64 * 3, 22);
    const run = (mathMode: number, computeType: number): Float32Array => {
      let out!: Float32Array;
      inProcess(() => {
        const h = createHandle();
        cuda.cublasSetMathMode(h, mathMode as cuda.cublasMath_t);
        const [dA, dB, dC] = [upload(a), upload(b), allocate(4 * 3 * 4)];
        expect(cuda.cublasGemmEx(h, CUBLAS_OP_T, CUBLAS_OP_N, 4, 3, 64, 1, dA, cuda.CUDA_R_32F, 64, dB, cuda.CUDA_R_32F, 64, 0, dC, cuda.CUDA_R_32F, 4, computeType as cuda.cublasComputeType_t, cuda.CUBLAS_GEMM_DEFAULT)).toBe(CUBLAS_STATUS_SUCCESS);
        out = downloadFloat32(dC, 12);
      });
      return out;
    };
    const fast = run(cuda.CUBLAS_DEFAULT_MATH, cuda.CUBLAS_COMPUTE_32F_FAST_TF32);
    const viaMode = (() => {
      let out!: Float32Array;
      inProcess(() => {
        const h = createHandle();
        cuda.cublasSetMathMode(h, cuda.CUBLAS_TF32_TENSOR_OP_MATH);
        const [dA, dB, dC] = [upload(a), upload(b), allocate(48)];
        cuda.cublasSgemm(h, CUBLAS_OP_T, CUBLAS_OP_N, 4, 3, 64, 1, dA, 64, dB, 64, 0, dC, 4);
        out = downloadFloat32(dC, 12);
      });
      return out;
    })();
    expect([...fast]).toEqual([...viaMode]);
    const full = run(cuda.CUBLAS_TF32_TENSOR_OP_MATH, cuda.CUBLAS_COMPUTE_32F);
    const plain = run(cuda.CUBLAS_DEFAULT_MATH, cuda.CUBLAS_COMPUTE_32F);
    expect([...full]).toEqual([...plain]);
    expect([...full]).not.toEqual([...fast]);
  });

  it('runs strided batches, a stride of 0 reusing one matrix for every batch member', () => {
    inProcess(() => {
      const h = createHandle();
      const m = 2;
      const k = 2;
      const batch = 3;
      const a = new Float32Array([1, 0, 0, 1, 2, 0, 0, 2, 3, 0, 0, 3]); // three scaled identities, 2×2 each
      const b = new Float32Array([1, 2, 3, 4]); // one 2×2 matrix shared (strideB = 0)
      const [dA, dB, dC] = [upload(a), upload(b), allocate(4 * 4 * batch)];
      expect(cuda.cublasSgemmStridedBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, m, 2, k, 1, dA, 2, 4, dB, 2, 0, 0, dC, 2, 4, batch)).toBe(CUBLAS_STATUS_SUCCESS);
      expect([...downloadFloat32(dC, 12)]).toEqual([1, 2, 3, 4, 2, 4, 6, 8, 3, 6, 9, 12]);
      const hb = cuda.toBfloat16Bits([1, 2, 3, 4]);
      const [bA, bB, bC] = [upload(cuda.toBfloat16Bits([...a])), upload(hb), allocate(4 * 2 * batch)];
      expect(cuda.cublasGemmStridedBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_N, m, 2, k, 1, bA, cuda.CUDA_R_16BF, 2, 4, bB, cuda.CUDA_R_16BF, 2, 0, 0, bC, cuda.CUDA_R_16BF, 2, 4, batch, cuda.CUBLAS_COMPUTE_32F, cuda.CUBLAS_GEMM_DEFAULT)).toBe(CUBLAS_STATUS_SUCCESS);
      const out = new Uint16Array(12);
      cuda.cudaMemcpy(out, bC, 24, cuda.cudaMemcpyDeviceToHost);
      expect([...cuda.fromBfloat16Bits(out)]).toEqual([1, 2, 3, 4, 2, 4, 6, 8, 3, 6, 9, 12]);
      expect(cuda.cublasSgemmStridedBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, m, 2, k, 1, dA, 2, 4, dB, 2, 0, 0, dC, 2, 4, -1)).toBe(CUBLAS_STATUS_INVALID_VALUE);
    });
  });
});

describe('cublasSgemv and level-1 routines', () => {
  it('computes y = alpha·op(A)·x + beta·y for both transposes with strided vectors', () => {
    inProcess(() => {
      const h = createHandle();
      // A is 2×3 column-major with lda = 3 (one padding row of NaN).
      const a = new Float32Array([1, 2, NaN, 3, 4, NaN, 5, 6, NaN]);
      const x = new Float32Array([1, 0, 2, 0, 3, 0]); // [1, 2, 3] with incx = 2
      const [dA, dx] = [upload(a), upload(x)];
      const dy = upload(new Float32Array([10, 20]));
      expect(cuda.cublasSgemv(h, CUBLAS_OP_N, 2, 3, 1, dA, 3, dx, 2, 0.5, dy, 1)).toBe(CUBLAS_STATUS_SUCCESS);
      expect([...downloadFloat32(dy, 2)]).toEqual([1 + 6 + 15 + 5, 2 + 8 + 18 + 10]);
      const dz = upload(new Float32Array(3).fill(NaN));
      expect(cuda.cublasSgemv(h, CUBLAS_OP_T, 2, 3, 2, dA, 3, dx, 2, 0, dz, 1)).toBe(CUBLAS_STATUS_SUCCESS);
      // op(A) = Aᵀ (3×2) times the first two elements of x (1, 2).
      expect([...downloadFloat32(dz, 3)]).toEqual([2 * (1 + 4), 2 * (3 + 8), 2 * (5 + 12)]);
      expect(cuda.cublasSgemv(h, CUBLAS_OP_N, 2, 3, 1, dA, 1, dx, 1, 0, dy, 1)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      expect(cuda.cublasSgemv(h, CUBLAS_OP_N, 2, 3, 1, dA, 3, dx, 0, 0, dy, 1)).toBe(CUBLAS_STATUS_INVALID_VALUE);
    });
  });

  it('computes axpy, dot, scal, nrm2, asum and the 1-based amax, with results in host memory', () => {
    const p = inProcess(() => {
      const h = createHandle();
      const x = new Float32Array([3, -1, -4, 7, 1, 2, -4, 9]);
      const dx = upload(x);
      const dy = upload(new Float32Array([1, 1, 1, 1]));
      const result = new Float32Array(1);
      expect(cuda.cublasSdot(h, 4, dx, 2, dy, 1, result)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(result[0]).toBe(3 - 4 + 1 - 4);
      expect(cuda.cublasSnrm2(h, 4, dx, 1, result)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(result[0]).toBe(Math.fround(Math.sqrt(9 + 1 + 16 + 49)));
      expect(cuda.cublasSasum(h, 8, dx, 1, result)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(result[0]).toBe(31);
      const index = new Int32Array(1);
      expect(cuda.cublasIsamax(h, 8, dx, 1, index)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(index[0]).toBe(8); // |9| at 0-based position 7
      expect(cuda.cublasIsamax(h, 4, dx, 2, index)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(index[0]).toBe(2); // [3, -4, 1, -4]: the first of the two |−4| is the smallest index
      expect(cuda.cublasIsamax(h, 0, dx, 1, index)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(index[0]).toBe(0); // n <= 0 gives 0
      expect(cuda.cublasSaxpy(h, 4, 2, dx, 2, dy, 1)).toBe(CUBLAS_STATUS_SUCCESS);
      expect([...downloadFloat32(dy, 4)]).toEqual([7, -7, 3, -7]);
      expect(cuda.cublasSscal(h, 2, -1, dy, 2)).toBe(CUBLAS_STATUS_SUCCESS);
      expect([...downloadFloat32(dy, 4)]).toEqual([-7, -7, -3, -7]);
      // A device pointer for a host-mode result is refused.
      expect(cuda.cublasSdot(h, 4, dx, 1, dy, 1, dy)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      expect(cuda.cublasSdot(h, 4, dx, -1, dy, 1, result)).toBe(CUBLAS_STATUS_NOT_SUPPORTED);
    });
    expect(diagnosticIds(p)).toEqual(['OB2004', 'OB2014']);
    const ops = p.tracer.records.filter((r) => r.kind === 'op').map((r) => `${r.symbol}:${r.op}`);
    expect(ops).toEqual([
      'cublasSdot:MatMul',
      'cublasSnrm2:Mul',
      'cublasSnrm2:ReduceSum',
      'cublasSnrm2:Sqrt',
      'cublasSasum:Abs',
      'cublasSasum:ReduceSum',
      'cublasIsamax:Abs',
      'cublasIsamax:ArgMax',
      'cublasIsamax:Abs',
      'cublasIsamax:ArgMax',
      'cublasSaxpy:Mul',
      'cublasSaxpy:Add',
      'cublasSscal:Mul',
    ]);
  });

  it('waits for the handle stream before returning a host result', () => {
    inProcess((p) => {
      const h = createHandle();
      const s = ref<cuda.cudaStream_t>();
      cuda.cudaStreamCreateWithFlags(s, cuda.cudaStreamNonBlocking);
      cuda.cublasSetStream(h, s.value);
      const dx = upload(new Float32Array([1, 2]));
      const result = new Float32Array(1);
      cuda.cublasSdot(h, 2, dx, 1, dx, 1, result);
      // The host clock has already passed the end of the dot kernel on the stream.
      const streamEnd = (s.value as unknown as { sim: { time: number } }).sim.time;
      expect(p.ordering.hostTime).toBeGreaterThanOrEqual(streamEnd);
      expect(result[0]).toBe(5);
    });
  });
});
