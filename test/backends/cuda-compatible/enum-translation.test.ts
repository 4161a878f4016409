/**
 * Enum translation at the CUDA-compatible boundary: enum typedefs (`cudaDataType`) resolve to
 * their enum, and result-struct fields are translated for targets that keep CUDA's enum names.
 */
import { describe, expect, it } from 'vitest';
import * as cuda from '../../../src/backends/cuda/index.js';
import * as maca from '../../../src/backends/maca/index.js';
import * as musa from '../../../src/backends/musa/index.js';
import * as thead from '../../../src/backends/thead/index.js';
import { binding as musaBinding } from '../../../src/backends/musa/binding.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';

describe('enum typedefs', () => {
  it('MUSA_R_32F given to mublasLtMatrixLayoutCreate (declared cudaDataType in CUDA) is a data type, not a compute type', () => {
    expect(musaBinding.toCudaEnum(musa.MUSA_R_32F, 'musaDataType_t', 'cudaDataType_t')).toBe(0);
    withProcess(new SimProcess(), () => {
      const layout = musa.ref<musa.mublasLtMatrixLayout_t>();
      expect(musa.mublasLtMatrixLayoutCreate(layout, musa.MUSA_R_32F, 4, 3, 4)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect(musa.mublasLtMatrixLayoutDestroy(layout.value)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      const mc = maca.ref<maca.mcblasLtMatrixLayout_t>();
      expect(maca.mcblasLtMatrixLayoutCreate(mc, maca.MACA_R_32F, 4, 3, 4)).toBe(maca.MCBLAS_STATUS_SUCCESS);
      expect(maca.mcblasLtMatrixLayoutDestroy(mc.value)).toBe(maca.MCBLAS_STATUS_SUCCESS);
    });
  });

  it('an enum attribute value passed as the member itself reaches cuBLASLt as the CUDA member (name-valued targets)', () => {
    withProcess(new SimProcess(), () => {
      const desc = musa.ref<musa.mublasLtMatmulDesc_t>();
      expect(musa.mublasLtMatmulDescCreate(desc, musa.MUBLAS_COMPUTE_32F, musa.MUSA_R_32F)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect(musa.mublasLtMatmulDescSetAttribute(desc.value, musa.MUBLASLT_MATMUL_DESC_EPILOGUE, musa.MUBLASLT_EPILOGUE_RELU_BIAS, 4)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      // The descriptor underneath is cuBLASLt's: it holds CUDA's member.
      expect((desc.value as unknown as { attributes: Map<number, unknown> }).attributes.get(cuda.CUBLASLT_MATMUL_DESC_EPILOGUE)).toBe(cuda.CUBLASLT_EPILOGUE_RELU_BIAS);
      expect(musa.mublasLtMatmulDescDestroy(desc.value)).toBe(musa.MUBLAS_STATUS_SUCCESS);
    });
  });
});

describe('result structs on a target that keeps CUDA names (T-Head)', () => {
  it('cudnnGetConvolutionForwardAlgorithm_v7 fills perf.status with T-Head values, so it compares with CUDNN_STATUS_SUCCESS', () => {
    withProcess(new SimProcess(), () => {
      const h = thead.ref<thead.cudnnHandle_t>();
      expect(thead.cudnnCreate(h)).toBe(thead.CUDNN_STATUS_SUCCESS);
      const make = () => {
        const d = thead.ref<thead.cudnnTensorDescriptor_t>();
        expect(thead.cudnnCreateTensorDescriptor(d)).toBe(thead.CUDNN_STATUS_SUCCESS);
        return d.value;
      };
      const [x, y] = [make(), make()];
      expect(thead.cudnnSetTensor4dDescriptor(x, thead.CUDNN_TENSOR_NCHW, thead.CUDNN_DATA_FLOAT, 1, 2, 5, 5)).toBe(thead.CUDNN_STATUS_SUCCESS);
      expect(thead.cudnnSetTensor4dDescriptor(y, thead.CUDNN_TENSOR_NCHW, thead.CUDNN_DATA_FLOAT, 1, 3, 3, 3)).toBe(thead.CUDNN_STATUS_SUCCESS);
      const w = thead.ref<thead.cudnnFilterDescriptor_t>();
      expect(thead.cudnnCreateFilterDescriptor(w)).toBe(thead.CUDNN_STATUS_SUCCESS);
      expect(thead.cudnnSetFilter4dDescriptor(w.value, thead.CUDNN_DATA_FLOAT, thead.CUDNN_TENSOR_NCHW, 3, 2, 3, 3)).toBe(thead.CUDNN_STATUS_SUCCESS);
      const conv = thead.ref<thead.cudnnConvolutionDescriptor_t>();
      expect(thead.cudnnCreateConvolutionDescriptor(conv)).toBe(thead.CUDNN_STATUS_SUCCESS);
      expect(thead.cudnnSetConvolution2dDescriptor(conv.value, 0, 0, 1, 1, 1, 1, thead.CUDNN_CROSS_CORRELATION, thead.CUDNN_DATA_FLOAT)).toBe(thead.CUDNN_STATUS_SUCCESS);
      const count = thead.ref<number>();
      const perf: thead.cudnnConvolutionFwdAlgoPerf_t[] = [];
      // The count member is name-valued on T-Head: the parameter takes its name as well as a
      // number, and the binding translates it to CUDA's count.
      expect(thead.cudnnGetConvolutionForwardAlgorithm_v7(h.value, x, w.value, conv.value, y, thead.CUDNN_CONVOLUTION_FWD_ALGO_COUNT, count, perf)).toBe(thead.CUDNN_STATUS_SUCCESS);
      expect(count.value).toBeGreaterThan(0);
      expect(perf.slice(0, count.value).some((p) => p.status === thead.CUDNN_STATUS_SUCCESS)).toBe(true);
      expect(perf.every((p) => typeof p.algo === 'string')).toBe(true);
    });
  });
});
