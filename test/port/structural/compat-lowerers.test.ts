/**
 * Structural lowerers for the CUDA-compatible targets (src/port/structural/compat/): enum
 * attribute values passed as themselves where the target's numbers are unconfirmed, and
 * cuBLAS compute types written as MUSA data types (llama.cpp musa.h) and back.
 */
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const LT = lines(
  "import { CUBLASLT_EPILOGUE_RELU_BIAS, CUBLASLT_MATMUL_DESC_EPILOGUE, CUBLASLT_MATMUL_DESC_TRANSA, CUBLAS_OP_T, cublasLtMatmulDescSetAttribute, type cublasLtEpilogue_t, type cublasLtMatmulDesc_t } from 'opbridge/cuda';",
  'export function configure(desc: cublasLtMatmulDesc_t, epilogue: cublasLtEpilogue_t, count: number) {',
  '  cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_TRANSA, new Int32Array([CUBLAS_OP_T]), 4);',
  '  cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([epilogue]), 4);',
  '  cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([CUBLASLT_EPILOGUE_RELU_BIAS]), 4);',
  '  cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([count]), 4);',
  '}',
);

describe('enum attribute buffers on name-valued targets', () => {
  it('passes enum members and enum-typed variables as themselves (a typed array cannot hold a name); other buffers stay', () => {
    const maca = portSource(LT, { to: 'maca' }).output;
    expect(maca).toContain('mcblasLtMatmulDescSetAttribute(desc, MCBLASLT_MATMUL_DESC_TRANSA, MCBLAS_OP_T, 4);');
    expect(maca).toContain('mcblasLtMatmulDescSetAttribute(desc, MCBLASLT_MATMUL_DESC_EPILOGUE, epilogue, 4);');
    expect(maca).toContain('mcblasLtMatmulDescSetAttribute(desc, MCBLASLT_MATMUL_DESC_EPILOGUE, MCBLASLT_EPILOGUE_RELU_BIAS, 4);');
    expect(maca).toContain('mcblasLtMatmulDescSetAttribute(desc, MCBLASLT_MATMUL_DESC_EPILOGUE, new Uint32Array([count]), 4);');
    // T-Head keeps CUDA's names but not its numbers: the same rewrite.
    expect(portSource(LT, { to: 'thead' }).output).toContain('cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_TRANSA, CUBLAS_OP_T, 4);');
  });
});

describe('compute types as data types on MUSA', () => {
  const GEMM = lines(
    "import { CUBLAS_COMPUTE_32F, CUBLAS_COMPUTE_32F_FAST_TF32, CUBLAS_GEMM_DEFAULT, CUBLAS_OP_N, CUDA_R_16BF, cublasGemmEx, type DevicePtr, type cublasHandle_t } from 'opbridge/cuda';",
    'export function mm(h: cublasHandle_t, a: DevicePtr, b: DevicePtr, c: DevicePtr, n: number) {',
    '  cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, 1, a, CUDA_R_16BF, n, b, CUDA_R_16BF, n, 0, c, CUDA_R_16BF, n, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);',
    '  cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, 1, a, CUDA_R_16BF, n, b, CUDA_R_16BF, n, 0, c, CUDA_R_16BF, n, CUBLAS_COMPUTE_32F_FAST_TF32, CUBLAS_GEMM_DEFAULT);',
    '}',
  );

  it('CUBLAS_COMPUTE_32F becomes MUSA_R_32F for mublasGemmEx; a compute type without a data-type twin is still reported (OB1006)', () => {
    const result = portSource(GEMM, { to: 'musa' });
    expect(result.output).toContain('mublasGemmEx(h, MUBLAS_OP_N, MUBLAS_OP_N, n, n, n, 1, a, MUSA_R_16BF, n, b, MUSA_R_16BF, n, 0, c, MUSA_R_16BF, n, MUSA_R_32F, MUBLAS_GEMM_DEFAULT);');
    expect(result.diagnostics.filter((d) => d.id === 'OB1006').map((d) => d.line)).toEqual([4]);
  });

  it('back to CUDA, MUSA_R_32F given as the compute type becomes CUBLAS_COMPUTE_32F', () => {
    const musa = portSource(GEMM, { to: 'musa' }).output;
    const back = portSource(musa, { to: 'cuda', from: 'musa' });
    expect(back.output).toContain('cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, 1, a, CUDA_R_16BF, n, b, CUDA_R_16BF, n, 0, c, CUDA_R_16BF, n, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);');
    expect(back.diagnostics.filter((d) => d.id === 'OB1006' && d.message.includes('MUSA_R_32F'))).toEqual([]);
  });
});
