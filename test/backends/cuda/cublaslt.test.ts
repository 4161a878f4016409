import { describe, expect, it } from 'vitest';
import { geluTanh } from '../../../src/runtime/kernels/Gelu.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { allocate, cuda, diagnosticIds, downloadFloat32, float32DotBound, inProcess, upload } from './cuda-test-kit.js';

const { ref, CUBLAS_STATUS_SUCCESS, CUBLAS_STATUS_INVALID_VALUE, CUBLAS_STATUS_NOT_SUPPORTED, CUBLAS_STATUS_NOT_INITIALIZED } = cuda;

interface Linear {
  readonly M: number;
  readonly K: number;
  readonly N: number;
  readonly x: Float32Array; // [M, K] row-major
  readonly w: Float32Array; // [N, K] row-major (PyTorch Linear weight)
  readonly bias: Float32Array; // [N]
}

function linear(M: number, K: number, N: number, seed: number): Linear {
  return { M, K, N, x: randomFloat32(M * K, seed), w: randomFloat32(N * K, seed + 1), bias: randomFloat32(N, seed + 2) };
}

/** Y[M, N] = X·Wᵀ + b (+ activation) in float64, and Σ|terms| per element. */
function referenceLinear(l: Linear, useBias: boolean): { values: Float64Array; magnitude: Float64Array } {
  const values = new Float64Array(l.M * l.N);
  const magnitude = new Float64Array(l.M * l.N);
  for (let i = 0; i < l.M; i++) {
    for (let j = 0; j < l.N; j++) {
      let s = useBias ? l.bias[j] : 0;
      let mag = useBias ? Math.abs(l.bias[j]) : 0;
      for (let k = 0; k < l.K; k++) {
        s += l.x[i * l.K + k] * l.w[j * l.K + k];
        mag += Math.abs(l.x[i * l.K + k] * l.w[j * l.K + k]);
      }
      values[i * l.N + j] = s;
      magnitude[i * l.N + j] = mag;
    }
  }
  return { values, magnitude };
}

/**
 * The usual row-major Linear layer issued to cuBLASLt with swapped operands: D (N×M,
 * column-major) = op(W) · X, W seen column-major as K×N with TRANSA = T, X column-major K×M.
 * D's memory is then Y[M, N] row-major, and the bias (length rows(D) = N) is per feature.
 */
function runLinear(l: Linear, epilogue: number, rowOrderOutput = false) {
  let y!: Float32Array;
  const process = inProcess(() => {
    const lt = ref<cuda.cublasLtHandle_t>();
    expect(cuda.cublasLtCreate(lt)).toBe(CUBLAS_STATUS_SUCCESS);
    const [dX, dW, dB] = [upload(l.x), upload(l.w), upload(l.bias)];
    const dY = allocate(l.M * l.N * 4);
    const desc = ref<cuda.cublasLtMatmulDesc_t>();
    expect(cuda.cublasLtMatmulDescCreate(desc, cuda.CUBLAS_COMPUTE_32F, cuda.CUDA_R_32F)).toBe(CUBLAS_STATUS_SUCCESS);
    expect(cuda.cublasLtMatmulDescSetAttribute(desc.value, cuda.CUBLASLT_MATMUL_DESC_TRANSA, new Int32Array([cuda.CUBLAS_OP_T]), 4)).toBe(CUBLAS_STATUS_SUCCESS);
    expect(cuda.cublasLtMatmulDescSetAttribute(desc.value, cuda.CUBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([epilogue]), 4)).toBe(CUBLAS_STATUS_SUCCESS);
    expect(cuda.cublasLtMatmulDescSetAttribute(desc.value, cuda.CUBLASLT_MATMUL_DESC_BIAS_POINTER, dB, 8)).toBe(CUBLAS_STATUS_SUCCESS);
    const [la, lb, ld] = [ref<cuda.cublasLtMatrixLayout_t>(), ref<cuda.cublasLtMatrixLayout_t>(), ref<cuda.cublasLtMatrixLayout_t>()];
    cuda.cublasLtMatrixLayoutCreate(la, cuda.CUDA_R_32F, l.K, l.N, l.K);
    cuda.cublasLtMatrixLayoutCreate(lb, cuda.CUDA_R_32F, l.K, l.M, l.K);
    if (rowOrderOutput) {
      // The same memory described as a row-major M×N... is the column-major N×M matrix transposed,
      // so here D is declared N×M row-major with ld = M, i.e. Y stored transposed ([N, M]).
      cuda.cublasLtMatrixLayoutCreate(ld, cuda.CUDA_R_32F, l.N, l.M, l.M);
      expect(cuda.cublasLtMatrixLayoutSetAttribute(ld.value, cuda.CUBLASLT_MATRIX_LAYOUT_ORDER, cuda.CUBLASLT_ORDER_ROW, 4)).toBe(CUBLAS_STATUS_SUCCESS);
    } else cuda.cublasLtMatrixLayoutCreate(ld, cuda.CUDA_R_32F, l.N, l.M, l.N);
    const pref = ref<cuda.cublasLtMatmulPreference_t>();
    cuda.cublasLtMatmulPreferenceCreate(pref);
    cuda.cublasLtMatmulPreferenceSetAttribute(pref.value, cuda.CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, new BigUint64Array([1n << 22n]), 8);
    const results: cuda.cublasLtMatmulHeuristicResult_t[] = [];
    const count = ref<number>();
    expect(cuda.cublasLtMatmulAlgoGetHeuristic(lt.value, desc.value, la.value, lb.value, ld.value, ld.value, pref.value, 1, results, count)).toBe(CUBLAS_STATUS_SUCCESS);
    expect(count.value).toBe(1);
    expect(results[0].workspaceSize).toBe(0);
    const workspace = allocate(1 << 22);
    const status = cuda.cublasLtMatmul(lt.value, desc.value, 1, dW, la.value, dX, lb.value, 0, dY, ld.value, dY, ld.value, results[0].algo, workspace, 1 << 22, 0);
    expect(status).toBe(CUBLAS_STATUS_SUCCESS);
    y = downloadFloat32(dY, l.M * l.N);
  });
  return { y, process };
}

const EPILOGUE_CASES = [
  ['DEFAULT', cuda.CUBLASLT_EPILOGUE_DEFAULT, false, (v: number) => v, ['Gemm']],
  ['RELU', cuda.CUBLASLT_EPILOGUE_RELU, false, (v: number) => Math.max(v, 0), ['Gemm', 'Relu']],
  ['BIAS', cuda.CUBLASLT_EPILOGUE_BIAS, true, (v: number) => v, ['Gemm', 'Add']],
  ['RELU_BIAS', cuda.CUBLASLT_EPILOGUE_RELU_BIAS, true, (v: number) => Math.max(v, 0), ['Gemm', 'Add', 'Relu']],
  ['GELU', cuda.CUBLASLT_EPILOGUE_GELU, false, geluTanh, ['Gemm', 'Gelu']],
  ['GELU_BIAS', cuda.CUBLASLT_EPILOGUE_GELU_BIAS, true, geluTanh, ['Gemm', 'Add', 'Gelu']],
] as const;

describe('cublasLtMatmul epilogues', () => {
  for (const [name, epilogue, useBias, activation, ops] of EPILOGUE_CASES) {
    it(`CUBLASLT_EPILOGUE_${name}: a row-major Linear layer matches its float64 reference, traced as ${ops.join(' + ')}`, () => {
      const l = linear(3, 16, 5, 40);
      const { y, process } = runLinear(l, epilogue);
      const ref64 = referenceLinear(l, useBias);
      for (let i = 0; i < y.length; i++) {
        // Float32 GEMM error bound, carried through the activation (both have slope <= 1.13).
        const bound = 1.13 * float32DotBound(l.K + 1, ref64.magnitude[i]) + 2 ** -23 * Math.abs(activation(ref64.values[i]));
        expect(Math.abs(y[i] - activation(ref64.values[i]))).toBeLessThanOrEqual(bound);
      }
      const trace = process.tracer.records.filter((r) => r.kind === 'op');
      expect(trace.map((r) => r.op)).toEqual([...ops]);
      expect(trace.every((r) => r.symbol === 'cublasLtMatmul')).toBe(true);
      if (name.startsWith('GELU')) expect(trace[trace.length - 1].attributes).toEqual({ approximate: 'tanh' });
      expect(diagnosticIds(process)).toEqual([]);
    });
  }

  it('reads a row-major (CUBLASLT_ORDER_ROW) output layout', () => {
    const l = linear(2, 8, 3, 50);
    const { y } = runLinear(l, cuda.CUBLASLT_EPILOGUE_BIAS, true);
    const ref64 = referenceLinear(l, true);
    // y is [N, M] row-major: element (j, i) holds Y[i, j].
    for (let i = 0; i < l.M; i++) {
      for (let j = 0; j < l.N; j++) expect(Math.abs(y[j * l.M + i] - ref64.values[i * l.N + j])).toBeLessThanOrEqual(float32DotBound(l.K + 1, ref64.magnitude[i * l.N + j]));
    }
  });
});

describe('cuBLASLt descriptors and misuse', () => {
  it('checks attribute sizes, layout conflicts, unsimulated epilogues, missing bias pointers and stale handles', () => {
    const p = inProcess(() => {
      const lt = ref<cuda.cublasLtHandle_t>();
      cuda.cublasLtCreate(lt);
      const desc = ref<cuda.cublasLtMatmulDesc_t>();
      cuda.cublasLtMatmulDescCreate(desc, cuda.CUBLAS_COMPUTE_32F, cuda.CUDA_R_32F);
      // TRANSA is an int32: 8 bytes is the wrong size.
      expect(cuda.cublasLtMatmulDescSetAttribute(desc.value, cuda.CUBLASLT_MATMUL_DESC_TRANSA, cuda.CUBLAS_OP_T, 8)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      const [la, lb, lc] = [ref<cuda.cublasLtMatrixLayout_t>(), ref<cuda.cublasLtMatrixLayout_t>(), ref<cuda.cublasLtMatrixLayout_t>()];
      cuda.cublasLtMatrixLayoutCreate(la, cuda.CUDA_R_32F, 4, 3, 4);
      cuda.cublasLtMatrixLayoutCreate(lb, cuda.CUDA_R_32F, 2, 5, 2); // k = 3 expected, 2 given
      cuda.cublasLtMatrixLayoutCreate(lc, cuda.CUDA_R_32F, 4, 5, 4);
      const d = allocate(256);
      expect(cuda.cublasLtMatmul(lt.value, desc.value, 1, d, la.value, d, lb.value, 0, d, lc.value, d, lc.value, null, null, 0, 0)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      const results: cuda.cublasLtMatmulHeuristicResult_t[] = [];
      const count = ref<number>();
      const pref = ref<cuda.cublasLtMatmulPreference_t>();
      cuda.cublasLtMatmulPreferenceCreate(pref);
      cuda.cublasLtMatmulDescSetAttribute(desc.value, cuda.CUBLASLT_MATMUL_DESC_EPILOGUE, cuda.CUBLASLT_EPILOGUE_DGELU, 4);
      cuda.cublasLtMatrixLayoutSetAttribute(lb.value, cuda.CUBLASLT_MATRIX_LAYOUT_ROWS, 3, 8);
      cuda.cublasLtMatrixLayoutSetAttribute(lb.value, cuda.CUBLASLT_MATRIX_LAYOUT_LD, 3, 8);
      expect(cuda.cublasLtMatmulAlgoGetHeuristic(lt.value, desc.value, la.value, lb.value, lc.value, lc.value, pref.value, 1, results, count)).toBe(CUBLAS_STATUS_NOT_SUPPORTED);
      expect(count.value).toBe(0);
      cuda.cublasLtMatmulDescSetAttribute(desc.value, cuda.CUBLASLT_MATMUL_DESC_EPILOGUE, cuda.CUBLASLT_EPILOGUE_BIAS, 4);
      expect(cuda.cublasLtMatmul(lt.value, desc.value, 1, d, la.value, d, lb.value, 0, d, lc.value, d, lc.value, null, null, 0, 0)).toBe(CUBLAS_STATUS_INVALID_VALUE);
      cuda.cublasLtMatmulDescSetAttribute(desc.value, cuda.CUBLASLT_MATMUL_DESC_EPILOGUE, cuda.CUBLASLT_EPILOGUE_DEFAULT, 4);
      expect(cuda.cublasLtMatmul(lt.value, desc.value, 1, d, la.value, d, lb.value, 0, d, lc.value, d, lc.value, null, null, 0, 0)).toBe(CUBLAS_STATUS_SUCCESS);
      // A workspace that claims more bytes than its allocation holds is an out-of-bounds access.
      expect(cuda.cublasLtMatmul(lt.value, desc.value, 1, d, la.value, d, lb.value, 0, d, lc.value, d, lc.value, null, d, 4096, 0)).toBe(cuda.CUBLAS_STATUS_EXECUTION_FAILED);
      expect(cuda.cublasLtMatrixLayoutDestroy(la.value)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(cuda.cublasLtMatrixLayoutDestroy(la.value)).toBe(CUBLAS_STATUS_NOT_INITIALIZED);
      expect(cuda.cublasLtDestroy(lt.value)).toBe(CUBLAS_STATUS_SUCCESS);
      expect(cuda.cublasLtDestroy(lt.value)).toBe(CUBLAS_STATUS_NOT_INITIALIZED);
    });
    expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2013', 'OB2014', 'OB2012', 'OB2001', 'OB2008', 'OB2008']);
  });

  it('runs batches through CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT and STRIDED_BATCH_OFFSET', () => {
    inProcess(() => {
      const lt = ref<cuda.cublasLtHandle_t>();
      cuda.cublasLtCreate(lt);
      const desc = ref<cuda.cublasLtMatmulDesc_t>();
      cuda.cublasLtMatmulDescCreate(desc, cuda.CUBLAS_COMPUTE_32F, cuda.CUDA_R_32F);
      const layouts = [ref<cuda.cublasLtMatrixLayout_t>(), ref<cuda.cublasLtMatrixLayout_t>(), ref<cuda.cublasLtMatrixLayout_t>()];
      for (const l of layouts) {
        cuda.cublasLtMatrixLayoutCreate(l, cuda.CUDA_R_32F, 2, 2, 2);
        cuda.cublasLtMatrixLayoutSetAttribute(l.value, cuda.CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT, 2, 4);
        cuda.cublasLtMatrixLayoutSetAttribute(l.value, cuda.CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET, 4, 8);
      }
      const a = upload(new Float32Array([1, 0, 0, 1, 2, 0, 0, 2]));
      const b = upload(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]));
      const c = allocate(32);
      const [la, lb, lc] = layouts.map((l) => l.value);
      expect(cuda.cublasLtMatmul(lt.value, desc.value, 1, a, la, b, lb, 0, c, lc, c, lc, null, null, 0, 0)).toBe(CUBLAS_STATUS_SUCCESS);
      expect([...downloadFloat32(c, 8)]).toEqual([1, 2, 3, 4, 10, 12, 14, 16]);
    });
  });
});
