/**
 * The Moore Threads MUSA facade: sample-style programs against float64 references, in-process
 * calls, misuse statuses and diagnostics under MUSA's names, and MUSA's numerics (muBLAS has no
 * TF32; muDNN convolutions default to the tensor (TF32-class) mode, MUDNN_FMA_MATH is fp32).
 */
import { describe, expect, it } from 'vitest';
import * as cuda from '../../../src/backends/cuda/index.js';
import * as musa from '../../../src/backends/musa/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { runProgram } from '../../../src/run/run-program.js';
import { float32DotBound } from '../cuda/cuda-test-kit.js';
import { conv2d } from '../cuda/cudnn-reference.js';

const program = (name: string) => new URL(`../../fixtures/programs/musa/${name}`, import.meta.url).pathname;

function values(run: Awaited<ReturnType<typeof runProgram>>, name: string, rank = 0): Float64Array {
  const t = run.ranks[rank].outputs.get(name);
  if (!t) throw new Error(`no output ${name}`);
  return t.toFloat64();
}

function inProcess(fn: (process: SimProcess) => void, mode: 'profiled' | 'golden' = 'profiled'): SimProcess {
  const process = new SimProcess({ mode });
  withProcess(process, () => fn(process));
  return process;
}

function upload(host: Float32Array): musa.DevicePtr {
  const p = musa.ref<musa.DevicePtr>();
  expect(musa.musaMalloc(p, host.byteLength)).toBe(musa.musaSuccess);
  expect(musa.musaMemcpy(p.value, host, host.byteLength, musa.musaMemcpyHostToDevice)).toBe(musa.musaSuccess);
  return p.value;
}

function download(ptr: musa.DevicePtr, count: number): Float32Array {
  const out = new Float32Array(count);
  expect(musa.musaMemcpy(out, ptr, out.byteLength, musa.musaMemcpyDeviceToHost)).toBe(musa.musaSuccess);
  return out;
}

describe('MUSA sample programs', () => {
  it('muBLAS SGEMM on a stream: float32 results within the dot-product bound of a float64 reference, traced as musa/mublasSgemm', async () => {
    const run = await runProgram(program('mublas-sgemm.ts'));
    const [M, K, N] = [5, 7, 6];
    const a = randomFloat32(M * K, 1);
    const b = randomFloat32(K * N, 2);
    const y = values(run, 'y');
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        let mag = 0;
        for (let l = 0; l < K; l++) {
          s += a[i * K + l] * b[l * N + j];
          mag += Math.abs(a[i * K + l] * b[l * N + j]);
        }
        // Tolerance: float32 dot product of length K (Higham's bound): MUBLAS_DEFAULT_MATH is plain fp32.
        expect(Math.abs(y[i * N + j] - s)).toBeLessThanOrEqual(float32DotBound(K, mag));
      }
    }
    expect(run.ranks[0].diagnostics).toEqual([]);
    const ops = run.ranks[0].trace.filter((t) => t.kind === 'op');
    expect(ops.map((t) => [t.backend, t.symbol, t.op, t.attributes.transA])).toEqual([['musa', 'mublasSgemm', 'Gemm', 0]]);
    expect(ops[0].profile).toMatch(/^musa\.mublas-default/);
    expect(ops[0].site?.file).toMatch(/mublas-sgemm\.ts$/);
  });

  it('muDNN convolution through the Nd descriptor setters: tensor mode by default (TF32 operands), MUDNN_FMA_MATH in fp32', async () => {
    const run = await runProgram(program('mudnn-conv.ts'));
    const p = { n: 2, c: 3, h: 6, w: 5, k: 4, r: 3, s: 3, pad: [1, 1], stride: [1, 1], dilation: [1, 1], group: 1 } as const;
    const x = randomFloat32(2 * 3 * 6 * 5, 1);
    const w = randomFloat32(4 * 3 * 3 * 3, 2, -0.5, 0.5);
    // profiles/musa.yaml musa.default: conv operands rounded to TF32 (nearest-even modelled), float32 accumulation.
    const tf32 = conv2d(p, x, w, (v) => roundToFormat(v, TF32, 'nearest-even'));
    const exact = conv2d(p, x, w);
    const yDefault = values(run, 'yDefault');
    const yFma = values(run, 'yFma');
    let differs = false;
    for (let i = 0; i < exact.values.length; i++) {
      // Tolerance: a float32 sum of C·R·S = 27 products.
      expect(Math.abs(yDefault[i] - tf32.values[i])).toBeLessThanOrEqual(float32DotBound(27, tf32.magnitude[i]));
      expect(Math.abs(yFma[i] - exact.values[i])).toBeLessThanOrEqual(float32DotBound(27, exact.magnitude[i]));
      if (yDefault[i] !== yFma[i]) differs = true;
    }
    expect(differs).toBe(true);
    expect(run.ranks[0].diagnostics).toEqual([]);
    const convs = run.ranks[0].trace.filter((t) => t.kind === 'op' && t.op === 'Conv');
    expect(convs.map((t) => [t.backend, t.symbol])).toEqual([
      ['musa', 'mudnnConvolutionForward'],
      ['musa', 'mudnnConvolutionForward'],
    ]);
    expect(convs[1].profile).toContain('mudnnSetConvolutionMathType.mathType=MUDNN_FMA_MATH');
  });

  it('MCCL all-reduce over two ranks: every rank holds the float32 sum', async () => {
    const run = await runProgram(program('mccl-allreduce.ts'), { ranks: 2 });
    const a = randomFloat32(256, 100);
    const b = randomFloat32(256, 101);
    for (const rank of [0, 1]) {
      const sum = values(run, 'sum', rank);
      // Two addends: the float32 sum is exact up to one rounding.
      for (let i = 0; i < 256; i++) expect(sum[i]).toBe(Math.fround(a[i] + b[i]));
      expect(run.ranks[rank].diagnostics).toEqual([]);
    }
    expect(run.ranks[0].trace.filter((t) => t.kind === 'op').map((t) => [t.backend, t.symbol, t.op])).toEqual([['musa', 'mcclAllReduce', 'AllReduce']]);
  });
});

describe('MUSA in process', () => {
  it('exports enum members with unconfirmed values as their names and runs calls with them', () => {
    expect(musa.musaMemcpyHostToDevice).toBe('musaMemcpyHostToDevice');
    expect(musa.MUBLAS_OP_T).toBe('MUBLAS_OP_T');
    inProcess((process) => {
      const a = upload(Float32Array.from([1, 2, 3, 4])); // column-major 2x2
      const y = musa.ref<musa.DevicePtr>();
      expect(musa.musaMalloc(y, 16)).toBe(musa.musaSuccess);
      const h = musa.ref<musa.mublasHandle_t>();
      expect(musa.mublasCreate(h)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      // Y = Aᵀ·A, exact in float32.
      expect(musa.mublasSgemm(h.value, musa.MUBLAS_OP_T, musa.MUBLAS_OP_N, 2, 2, 2, 1, a, 2, a, 2, 0, y.value, 2)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect([...download(y.value, 4)]).toEqual([5, 11, 11, 25]);
      const mode = musa.ref<musa.mublasMath_t>();
      expect(musa.mublasSetMathMode(h.value, musa.MUBLAS_MATH_MODE_DEFAULT)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect(musa.mublasGetMathMode(h.value, mode)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect(mode.value).toBe(musa.MUBLAS_DEFAULT_MATH);
      const s = musa.ref<musa.musaStream_t>();
      expect(musa.musaStreamCreate(s)).toBe(musa.musaSuccess);
      // Live objects (leak reports at exit) carry MUSA's type names.
      expect(process.liveObjects().map((o) => o.kind).sort()).toEqual(['mublasHandle_t', 'musaStream_t']);
      expect(musa.musaStreamDestroy(s.value)).toBe(musa.musaSuccess);
      expect(musa.mublasDestroy(h.value)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect(musa.musaGetErrorName(musa.musaErrorInvalidValue)).toBe('musaErrorInvalidValue');
    });
  });

  it('reports misuse with MUSA statuses and diagnostics in MUSA names', () => {
    const process = inProcess(() => {
      const p = musa.ref<musa.DevicePtr>();
      expect(musa.musaMalloc(p, 64)).toBe(musa.musaSuccess);
      expect(musa.musaFree(p.value)).toBe(musa.musaSuccess);
      expect(musa.musaFree(p.value)).toBe(musa.musaErrorInvalidValue);
      // A CUDA number is not a MUSA member (MUSA's values are unconfirmed): rejected, not reinterpreted.
      const host = new Float32Array(4);
      const q = musa.ref<musa.DevicePtr>();
      expect(musa.musaMalloc(q, 16)).toBe(musa.musaSuccess);
      expect(musa.musaMemcpy(q.value, host, 16, 1 as never)).toBe(musa.musaErrorInvalidMemcpyDirection);
      expect(musa.musaGetLastError()).toBe(musa.musaErrorInvalidMemcpyDirection);
      expect(musa.musaGetLastError()).toBe(musa.musaSuccess);
      const h = musa.ref<musa.mublasHandle_t>();
      expect(musa.mublasCreate(h)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect(musa.mublasDestroy(h.value)).toBe(musa.MUBLAS_STATUS_SUCCESS);
      expect(musa.mublasSgemm(h.value, musa.MUBLAS_OP_N, musa.MUBLAS_OP_N, 1, 1, 1, 1, q.value, 1, q.value, 1, 0, q.value, 1)).toBe(musa.MUBLAS_STATUS_INVALID_HANDLE);
      expect(musa.musaFree(q.value)).toBe(musa.musaSuccess);
    });
    const d = process.diagnostics.entries;
    expect(d.map((x) => [x.id, x.backend, x.symbol, x.status])).toEqual([
      ['OB2003', 'musa', 'musaFree', 'musaErrorInvalidValue'],
      ['OB2013', 'musa', 'musaMemcpy', 'musaErrorInvalidMemcpyDirection'],
      ['OB2008', 'musa', 'mublasSgemm', 'MUBLAS_STATUS_INVALID_HANDLE'],
    ]);
    expect(d[1].message).toContain('musaMemcpyKind');
    expect(d[2].message).toContain('mublasDestroy');
    for (const x of d) expect(x.message).not.toMatch(/\bcu(da|blas)[A-Z]/);
  });

  it('muDNN setters refuse what the simulation does not model with MUDNN_STATUS_NOT_SUPPORTED (the only failure muDNN is known to return)', () => {
    const process = inProcess(() => {
      const desc = musa.ref<musa.mudnnTensorDescriptor_t>();
      expect(musa.mudnnCreateTensorDescriptor(desc)).toBe(musa.MUDNN_STATUS_SUCCESS);
      expect(musa.mudnnSetTensorNdDescriptorWithScale(desc.value, musa.MUDNN_TENSOR_NCHW, musa.MUDNN_DATA_FLOAT, 2, [2, 3], [3, 1], 0.5)).toBe(musa.MUDNN_STATUS_NOT_SUPPORTED);
      expect(musa.mudnnSetTensorNdDescriptorWithScale(desc.value, musa.MUDNN_TENSOR_NCHW, musa.MUDNN_DATA_FLOAT, 2, [2, 3], [-3, 1], 1)).toBe(musa.MUDNN_STATUS_NOT_SUPPORTED);
      expect(musa.mudnnDestroyTensorDescriptor(desc.value)).toBe(musa.MUDNN_STATUS_SUCCESS);
      expect(musa.mudnnDestroyTensorDescriptor(desc.value)).toBe(musa.MUDNN_STATUS_NOT_SUPPORTED);
    });
    expect(process.diagnostics.entries.map((x) => [x.id, x.symbol])).toEqual([
      ['OB2014', 'mudnnSetTensorNdDescriptorWithScale'],
      ['OB2013', 'mudnnSetTensorNdDescriptorWithScale'],
      ['OB2008', 'mudnnDestroyTensorDescriptor'],
    ]);
  });

  it('mudnnBinary: output first, mode on the descriptor, B broadcast over A (bias add and subtract), exact in float32', () => {
    const x = Float32Array.from({ length: 12 }, (_, i) => i * 0.25 - 1);
    const bias = Float32Array.from([10, 20, 30]);
    const desc = (dims: number[]) => {
      const d = musa.ref<musa.mudnnTensorDescriptor_t>();
      expect(musa.mudnnCreateTensorDescriptor(d)).toBe(musa.MUDNN_STATUS_SUCCESS);
      const strides = dims.map((_, i) => dims.slice(i + 1).reduce((a, b) => a * b, 1));
      expect(musa.mudnnSetTensorNdDescriptorWithScale(d.value, musa.MUDNN_TENSOR_NCHW, musa.MUDNN_DATA_FLOAT, 4, dims, strides, 1)).toBe(musa.MUDNN_STATUS_SUCCESS);
      return d.value;
    };
    const process = inProcess(() => {
      const h = musa.ref<musa.mudnnHandle_t>();
      expect(musa.mudnnCreate(h)).toBe(musa.MUDNN_STATUS_SUCCESS);
      const [xd, bd] = [desc([1, 3, 2, 2]), desc([1, 3, 1, 1])];
      const [dx, db] = [upload(x), upload(bias)];
      const y = musa.ref<musa.DevicePtr>();
      expect(musa.musaMalloc(y, x.byteLength)).toBe(musa.musaSuccess);
      const op = musa.ref<musa.mudnnBinaryDescriptor_t>();
      expect(musa.mudnnCreateBinaryDescriptor(op)).toBe(musa.MUDNN_STATUS_SUCCESS);
      expect(musa.mudnnBinary(h.value, op.value, xd, y.value, xd, dx, bd, db)).toBe(musa.MUDNN_STATUS_NOT_SUPPORTED); // mode never set
      for (const [mode, f] of [[musa.MUDNN_BINARY_ADD, (a: number, b: number) => a + b], [musa.MUDNN_BINARY_SUB, (a: number, b: number) => a - b]] as const) {
        expect(musa.mudnnSetBinaryDescriptor(op.value, mode, musa.MUDNN_PARAM_DATA_NONE, null, musa.MUDNN_PARAM_DATA_NONE, null)).toBe(musa.MUDNN_STATUS_SUCCESS);
        expect(musa.mudnnBinary(h.value, op.value, xd, y.value, xd, dx, bd, db)).toBe(musa.MUDNN_STATUS_SUCCESS);
        expect([...download(y.value, 12)]).toEqual(Array.from(x, (v, i) => Math.fround(f(v, bias[Math.floor(i / 4)]))));
      }
      expect(musa.mudnnSetBinaryDescriptor(op.value, musa.MUDNN_BINARY_ADD_ALPHA, musa.MUDNN_PARAM_DATA_NONE, null, musa.MUDNN_PARAM_DATA_NONE, null)).toBe(musa.MUDNN_STATUS_NOT_SUPPORTED);
      expect(musa.mudnnDestroyBinaryDescriptor(op.value)).toBe(musa.MUDNN_STATUS_SUCCESS);
    });
    expect(process.tracer.records.filter((t) => t.kind === 'op').map((t) => [t.backend, t.symbol, t.op])).toEqual([
      ['musa', 'mudnnBinary', 'Add'],
      ['musa', 'mudnnBinary', 'Sub'],
    ]);
    expect(process.diagnostics.entries.map((d) => [d.id, d.symbol, d.status])).toEqual([
      ['OB2013', 'mudnnBinary', 'MUDNN_STATUS_NOT_SUPPORTED'],
      ['OB2014', 'mudnnSetBinaryDescriptor', 'MUDNN_STATUS_NOT_SUPPORTED'],
    ]);
  });

  it('a TF32 request cannot reach muBLAS: a GEMM is exact fp32 where CUDA under CUBLAS_TF32_TENSOR_OP_MATH rounds operands; golden mode is float64', () => {
    // 1 + 2^-12 needs more than TF32's 10 mantissa bits.
    const a = Float32Array.from([1 + 2 ** -12]);
    const gemm = (mode: 'profiled' | 'golden') => {
      let out = 0;
      inProcess(() => {
        const da = upload(a);
        const y = musa.ref<musa.DevicePtr>();
        expect(musa.musaMalloc(y, 4)).toBe(musa.musaSuccess);
        const h = musa.ref<musa.mublasHandle_t>();
        expect(musa.mublasCreate(h)).toBe(musa.MUBLAS_STATUS_SUCCESS);
        expect(musa.mublasSetMathMode(h.value, musa.MUBLAS_MATH_MODE_DEFAULT)).toBe(musa.MUBLAS_STATUS_SUCCESS);
        expect(musa.mublasSgemm(h.value, musa.MUBLAS_OP_N, musa.MUBLAS_OP_N, 1, 1, 1, 1, da, 1, da, 1, 0, y.value, 1)).toBe(musa.MUBLAS_STATUS_SUCCESS);
        out = download(y.value, 1)[0];
      }, mode);
      return out;
    };
    const exact = (1 + 2 ** -12) ** 2;
    expect(gemm('profiled')).toBe(Math.fround(exact));
    expect(gemm('golden')).toBe(Math.fround(exact));
    // The same call on CUDA with TF32 requested rounds the operand to 1 (ties away from 1 + 2^-11 lose).
    let tf32 = 0;
    inProcess(() => {
      const da = cuda.ref<cuda.DevicePtr>();
      const y = cuda.ref<cuda.DevicePtr>();
      expect(cuda.cudaMalloc(da, 4)).toBe(cuda.cudaSuccess);
      expect(cuda.cudaMalloc(y, 4)).toBe(cuda.cudaSuccess);
      expect(cuda.cudaMemcpy(da.value, a, 4, cuda.cudaMemcpyHostToDevice)).toBe(cuda.cudaSuccess);
      const h = cuda.ref<cuda.cublasHandle_t>();
      expect(cuda.cublasCreate(h)).toBe(cuda.CUBLAS_STATUS_SUCCESS);
      expect(cuda.cublasSetMathMode(h.value, cuda.CUBLAS_TF32_TENSOR_OP_MATH)).toBe(cuda.CUBLAS_STATUS_SUCCESS);
      expect(cuda.cublasSgemm(h.value, cuda.CUBLAS_OP_N, cuda.CUBLAS_OP_N, 1, 1, 1, 1, da.value, 1, da.value, 1, 0, y.value, 1)).toBe(cuda.CUBLAS_STATUS_SUCCESS);
      const out = new Float32Array(1);
      expect(cuda.cudaMemcpy(out, y.value, 4, cuda.cudaMemcpyDeviceToHost)).toBe(cuda.cudaSuccess);
      tf32 = out[0];
    });
    expect(tf32).not.toBe(Math.fround(exact));
    expect(tf32).toBe(roundToFormat(1 + 2 ** -12, TF32, 'nearest-away') ** 2);
  });
});
