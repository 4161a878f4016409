/**
 * Legacy cuDNN: handles, descriptors and cudnnConvolutionForward against a float64
 * reference (cudnn-reference.ts), the math-type knob, the algorithm query, workspaces and the
 * statuses of misuse.
 */
import { describe, expect, it } from 'vitest';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess } from '../../../src/backends/sim/sim-process.js';
import { allocate, cuda, diagnosticIds, downloadFloat32, float32DotBound, inProcess, lastDiagnostic, upload } from './cuda-test-kit.js';
import { convolution, device, filter4d, handle, tensor4d } from './cudnn-kit.js';
import { conv2d, convOutputDims, kcrsToKrsc, nchwToNhwc, type Conv2dProblem } from './cudnn-reference.js';

const problem: Conv2dProblem = { n: 2, c: 4, h: 7, w: 6, k: 6, r: 3, s: 2, pad: [1, 2], stride: [2, 1], dilation: [1, 2], group: 2 };

interface ConvRun {
  readonly y: Float32Array;
  readonly process: SimProcess;
}

/** One convolution through the facade (NCHW unless `nhwc`), returning y as NCHW values. */
function runConvolution(p: Conv2dProblem, options: { nhwc?: boolean; math?: number; alpha?: number; beta?: number; yInit?: ArrayLike<number>; mode?: 'golden' } = {}): ConvRun & { x: Float32Array; w: Float32Array } {
  const x = randomFloat32(p.n * p.c * p.h * p.w, 11);
  const w = randomFloat32(p.k * (p.c / p.group) * p.r * p.s, 12);
  const out = convOutputDims(p);
  const count = out.reduce((a, b) => a * b, 1);
  let y: Float32Array = new Float32Array(count);
  const process = inProcess(
    () => {
      const h = handle();
      const fmt = options.nhwc ? cuda.CUDNN_TENSOR_NHWC : cuda.CUDNN_TENSOR_NCHW;
      const xd = tensor4d([p.n, p.c, p.h, p.w], fmt);
      const wd = filter4d([p.k, p.c / p.group, p.r, p.s], fmt);
      const cd = convolution(p.pad, p.stride, p.dilation, p.flip ? cuda.CUDNN_CONVOLUTION : cuda.CUDNN_CROSS_CORRELATION, p.group, options.math);
      const yd = tensor4d(out, fmt);
      const xs = options.nhwc ? nchwToNhwc(x, [p.n, p.c, p.h, p.w]) : x;
      const ws = options.nhwc ? kcrsToKrsc(w, [p.k, p.c / p.group, p.r, p.s]) : w;
      const yInit = options.yInit ? (options.nhwc ? nchwToNhwc(options.yInit, out) : options.yInit) : new Float32Array(count);
      const dy = device(yInit);
      const status = cuda.cudnnConvolutionForward(h, options.alpha ?? 1, xd, device(xs), wd, device(ws), cd, cuda.CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM, null, 0, options.beta ?? 0, yd, dy);
      expect(status).toBe(cuda.CUDNN_STATUS_SUCCESS);
      const raw = downloadFloat32(dy, count);
      y = options.nhwc ? fromNhwc(raw, out) : raw;
    },
    { mode: options.mode },
  );
  return { y, process, x, w };
}

function fromNhwc(values: Float32Array, [n, c, h, w]: readonly number[]): Float32Array {
  const out = new Float32Array(values.length);
  for (let a = 0; a < n; a++) for (let b = 0; b < c; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[((a * c + b) * h + y) * w + x] = values[((a * h + y) * w + x) * c + b];
  return out;
}

const taps = (p: Conv2dProblem) => (p.c / p.group) * p.r * p.s;

describe('cuDNN handles and descriptors', () => {
  it('creates, binds a stream to and destroys a handle; a destroyed handle is CUDNN_STATUS_BAD_PARAM with OB2008', () => {
    const process = inProcess(() => {
      const h = handle();
      const s = cuda.ref<cuda.cudaStream_t>();
      const got = cuda.ref<cuda.cudaStream_t>();
      expect(cuda.cudaStreamCreate(s)).toBe(cuda.cudaSuccess);
      // A new handle reports the legacy default stream, then the one cudnnSetStream gave it.
      expect(cuda.cudnnGetStream(h, got)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(got.value).toBe(0);
      expect(cuda.cudnnSetStream(h, s.value)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnGetStream(h, got)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(got.value).toBe(s.value);
      expect(cuda.cudnnDestroy(h)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnSetStream(h, 0)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
      expect(cuda.cudnnDestroy(null as unknown as cuda.cudnnHandle_t)).toBe(cuda.CUDNN_STATUS_BAD_PARAM_NULL_POINTER);
      expect(cuda.cudaStreamDestroy(s.value)).toBe(cuda.cudaSuccess);
    });
    expect(diagnosticIds(process)).toEqual(['OB2008', 'OB2012']);
    expect(process.diagnostics.entries[0].message).toMatch(/destroyed with cudnnDestroy/);
  });

  it('names statuses as cuDNN 9 does', () => {
    expect(cuda.cudnnGetErrorString(cuda.CUDNN_STATUS_SUCCESS)).toBe('CUDNN_STATUS_SUCCESS');
    expect(cuda.cudnnGetErrorString(cuda.CUDNN_STATUS_BAD_PARAM)).toBe('CUDNN_STATUS_BAD_PARAM');
    expect(cuda.cudnnGetErrorString(2006 as cuda.cudnnStatus_t)).toBe('CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT');
    expect(cuda.cudnnGetErrorString(12345 as cuda.cudnnStatus_t)).toBe('CUDNN_UNKNOWN_STATUS');
  });

  it('refuses descriptors cuDNN documents as invalid, and vectorised layouts it does not simulate', () => {
    const process = inProcess(() => {
      const d = cuda.ref<cuda.cudnnTensorDescriptor_t>();
      expect(cuda.cudnnCreateTensorDescriptor(d)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnSetTensor4dDescriptor(d.value, cuda.CUDNN_TENSOR_NCHW, cuda.CUDNN_DATA_FLOAT, 1, 0, 2, 2)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
      expect(cuda.cudnnSetTensor4dDescriptor(d.value, cuda.CUDNN_TENSOR_NCHW_VECT_C, cuda.CUDNN_DATA_INT8, 1, 4, 2, 2)).toBe(cuda.CUDNN_STATUS_NOT_SUPPORTED);
      // nbDims outside [4, CUDNN_DIM_MAX] (cudnnSetTensorNdDescriptor docs).
      expect(cuda.cudnnSetTensorNdDescriptor(d.value, cuda.CUDNN_DATA_FLOAT, 3, [2, 3, 4], [12, 4, 1])).toBe(cuda.CUDNN_STATUS_NOT_SUPPORTED);
      expect(cuda.cudnnSetTensorNdDescriptor(d.value, cuda.CUDNN_DATA_FLOAT, 9, new Array(9).fill(1), new Array(9).fill(1))).toBe(cuda.CUDNN_STATUS_NOT_SUPPORTED);
      expect(cuda.cudnnSetTensorNdDescriptor(d.value, cuda.CUDNN_DATA_FLOAT, 5, [1, 2, 3, 4, 5], [120, 60, 20, 5, 1])).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnDestroyTensorDescriptor(d.value)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnDestroyTensorDescriptor(d.value)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
    });
    expect(diagnosticIds(process)).toEqual(['OB2013', 'OB2014', 'OB2013', 'OB2013', 'OB2008']);
  });
});

describe('cudnnConvolutionForward', () => {
  it('gives the documented output size for pads, strides and dilations', () => {
    inProcess(() => {
      const p = problem;
      const dims = [cuda.ref<number>(), cuda.ref<number>(), cuda.ref<number>(), cuda.ref<number>()] as const;
      const status = cuda.cudnnGetConvolution2dForwardOutputDim(convolution(p.pad, p.stride, p.dilation, undefined, p.group), tensor4d([p.n, p.c, p.h, p.w]), filter4d([p.k, p.c / p.group, p.r, p.s]), ...dims);
      expect(status).toBe(cuda.CUDNN_STATUS_SUCCESS);
      // 1 + (7 + 2 - 3) / 2 = 4, 1 + (6 + 4 - 3) / 1 = 8
      expect(dims.map((d) => d.value)).toEqual([2, 6, 4, 8]);
      expect(convOutputDims(p)).toEqual([2, 6, 4, 8]);
    });
  });

  it('cross-correlates grouped, padded, strided, dilated NCHW data as the float64 reference does (FMA math: plain fp32)', () => {
    const { y, x, w, process } = runConvolution(problem, { math: cuda.CUDNN_FMA_MATH });
    const ref = conv2d(problem, x, w);
    // Tolerance: a float32 dot product of length C/g·R·S (Higham's bound, cuda-test-kit).
    ref.values.forEach((v, i) => expect(Math.abs(y[i] - v)).toBeLessThanOrEqual(float32DotBound(taps(problem), ref.magnitude[i])));
    expect(process.diagnostics.entries).toEqual([]);
    const [record] = process.tracer.records.filter((r) => r.kind === 'op');
    expect(record).toMatchObject({ symbol: 'cudnnConvolutionForward', op: 'Conv', attributes: { pads: [1, 2, 1, 2], strides: [2, 1], dilations: [1, 2], group: 2 } });
    expect(record.site?.file).toMatch(/cudnn-convolution\.test\.ts$/);
  });

  it('flips the filter for CUDNN_CONVOLUTION (true convolution)', () => {
    const p = { ...problem, flip: true };
    const { y, x, w } = runConvolution(p, { math: cuda.CUDNN_FMA_MATH });
    const ref = conv2d(p, x, w);
    const crossCorrelation = conv2d({ ...problem }, x, w);
    ref.values.forEach((v, i) => expect(Math.abs(y[i] - v)).toBeLessThanOrEqual(float32DotBound(taps(p), ref.magnitude[i])));
    // The flip matters for these data: the results are not the cross-correlation's.
    expect(Math.max(...ref.values.map((v, i) => Math.abs(v - crossCorrelation.values[i])))).toBeGreaterThan(0.1);
  });

  it('runs NHWC tensors and KRSC filters as Conv with data_format NHWC, giving the NCHW results', () => {
    const nchw = runConvolution(problem, { math: cuda.CUDNN_FMA_MATH });
    const nhwc = runConvolution(problem, { math: cuda.CUDNN_FMA_MATH, nhwc: true });
    // The same im2col sums in the same order: bitwise equal.
    expect([...nhwc.y]).toEqual([...nchw.y]);
    const [record] = nhwc.process.tracer.records.filter((r) => r.kind === 'op');
    expect(record.attributes).toMatchObject({ data_format: 'NHWC' });
  });

  it('blends y = alpha·conv + beta·y through traced Mul / Add launches', () => {
    const out = convOutputDims(problem);
    const yInit = randomFloat32(out.reduce((a, b) => a * b, 1), 13);
    const { y, x, w, process } = runConvolution(problem, { math: cuda.CUDNN_FMA_MATH, alpha: 0.5, beta: -2, yInit });
    const ref = conv2d(problem, x, w);
    // The conv's float32 bound scaled by alpha, plus three float32 roundings of the blend.
    ref.values.forEach((v, i) => {
      const exact = 0.5 * v - 2 * yInit[i];
      expect(Math.abs(y[i] - exact)).toBeLessThanOrEqual(0.5 * float32DotBound(taps(problem), ref.magnitude[i]) + 3 * 2 ** -24 * (Math.abs(0.5 * v) + Math.abs(2 * yInit[i])) + 2 ** -24 * 0.5 * ref.magnitude[i]);
    });
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual(['Conv', 'Mul', 'Mul', 'Add']);
  });

  it('rounds fp32 operands to TF32 under CUDNN_DEFAULT_MATH (the default), and not under CUDNN_FMA_MATH; golden mode ignores both', () => {
    const p = { ...problem, group: 1, c: 8, k: 4 };
    const fma = runConvolution(p, { math: cuda.CUDNN_FMA_MATH });
    const byDefault = runConvolution(p);
    const tf32 = (v: number) => roundToFormat(v, TF32, 'nearest-away');
    const exact = conv2d(p, fma.x, fma.w);
    const rounded = conv2d(p, fma.x, fma.w, tf32);
    let largest = 0;
    exact.values.forEach((v, i) => {
      // FMA math: within float32 accumulation of the exact result.
      expect(Math.abs(fma.y[i] - v)).toBeLessThanOrEqual(float32DotBound(taps(p), exact.magnitude[i]));
      // Default math: within float32 accumulation of the TF32-rounded operands' result ...
      expect(Math.abs(byDefault.y[i] - rounded.values[i])).toBeLessThanOrEqual(float32DotBound(taps(p), rounded.magnitude[i]));
      // ... which is at most two TF32 roundings (2^-11 each, relative) per product from the exact one.
      expect(Math.abs(byDefault.y[i] - fma.y[i])).toBeLessThanOrEqual((2 * 2 ** -11 + 2 ** -22) * exact.magnitude[i] + 2 * float32DotBound(taps(p), exact.magnitude[i]));
      largest = Math.max(largest, Math.abs(byDefault.y[i] - fma.y[i]) / exact.magnitude[i]);
    });
    // TF32 visibly changes results (relative differences well above float32's 2^-24).
    expect(largest).toBeGreaterThan(2 ** -16);
    expect(byDefault.process.tracer.records.find((r) => r.op === 'Conv')?.profile).toMatch(/cudnn-default-math/);
    const golden = [runConvolution(p, { mode: 'golden' }), runConvolution(p, { mode: 'golden', math: cuda.CUDNN_FMA_MATH })];
    expect([...golden[0].y]).toEqual([...golden[1].y]);
    expect([...golden[0].y]).toEqual([...exact.values.map(Math.fround)]);
  });

  it('reports the simulated algorithms first, by workspace, and the unsimulated ones as CUDNN_STATUS_NOT_SUPPORTED', () => {
    inProcess(() => {
      const p = problem;
      const h = handle();
      const xd = tensor4d([p.n, p.c, p.h, p.w]);
      const wd = filter4d([p.k, p.c / p.group, p.r, p.s]);
      const cd = convolution(p.pad, p.stride, p.dilation, undefined, p.group);
      const yd = tensor4d(convOutputDims(p));
      const results: cuda.cudnnConvolutionFwdAlgoPerf_t[] = [];
      const count = cuda.ref<number>();
      expect(cuda.cudnnGetConvolutionForwardAlgorithm_v7(h, xd, wd, cd, yd, 4, count, results)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(count.value).toBe(4);
      expect(results.map((r) => [r.algo, r.status])).toEqual([
        [cuda.CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM, cuda.CUDNN_STATUS_SUCCESS],
        [cuda.CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM, cuda.CUDNN_STATUS_SUCCESS],
        [cuda.CUDNN_CONVOLUTION_FWD_ALGO_GEMM, cuda.CUDNN_STATUS_SUCCESS],
        [cuda.CUDNN_CONVOLUTION_FWD_ALGO_DIRECT, cuda.CUDNN_STATUS_NOT_SUPPORTED],
      ]);
      expect(results[0]).toMatchObject({ memory: 0, determinism: cuda.CUDNN_DETERMINISTIC, mathType: cuda.CUDNN_DEFAULT_MATH });
      // The workspace model: int32 offsets per filter tap, and one image's im2col matrix.
      expect(results[1].memory).toBe(2 * 3 * 2 * 4);
      expect(results[2].memory).toBe(2 * 3 * 2 * 4 * 8 * 4);
      const size = cuda.ref<number>();
      expect(cuda.cudnnGetConvolutionForwardWorkspaceSize(h, xd, wd, cd, yd, cuda.CUDNN_CONVOLUTION_FWD_ALGO_GEMM, size)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(size.value).toBe(results[2].memory);
    });
  });
});

describe('cudnnConvolutionForward misuse', () => {
  function setup() {
    const p = problem;
    const h = handle();
    const xd = tensor4d([p.n, p.c, p.h, p.w]);
    const wd = filter4d([p.k, p.c / p.group, p.r, p.s]);
    const cd = convolution(p.pad, p.stride, p.dilation, undefined, p.group);
    const out = convOutputDims(p);
    const yd = tensor4d(out);
    const x = allocate(p.n * p.c * p.h * p.w * 4);
    const w = allocate(p.k * (p.c / p.group) * p.r * p.s * 4);
    const y = allocate(out.reduce((a, b) => a * b, 1) * 4);
    return { h, xd, wd, cd, yd, x, w, y };
  }

  it('refuses a workspace smaller than the algorithm needs (CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT, OB2011)', () => {
    const process = inProcess(() => {
      const s = setup();
      const status = cuda.cudnnConvolutionForward(s.h, 1, s.xd, s.x, s.wd, s.w, s.cd, cuda.CUDNN_CONVOLUTION_FWD_ALGO_GEMM, allocate(64), 64, 0, s.yd, s.y);
      expect(status).toBe(cuda.CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT);
    });
    expect(lastDiagnostic(process)).toMatchObject({ id: 'OB2011', status: 'CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT' });
    expect(lastDiagnostic(process).message).toMatch(/workSpaceSizeInBytes = 64 is less than the 1536 bytes/);
  });

  it('faults like a kernel when a workspace buffer is shorter than the size claimed for it', () => {
    const process = inProcess(() => {
      const s = setup();
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, s.x, s.wd, s.w, s.cd, cuda.CUDNN_CONVOLUTION_FWD_ALGO_GEMM, allocate(64), 4096, 0, s.yd, s.y)).toBe(cuda.CUDNN_STATUS_EXECUTION_FAILED);
    });
    expect(diagnosticIds(process)).toEqual(['OB2001']);
  });

  it('turns a tensor descriptor larger than its allocation into an out-of-bounds kernel access that loses the context', () => {
    const process = inProcess(() => {
      const s = setup();
      const short = allocate(16);
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, short, s.wd, s.w, s.cd, cuda.CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM, null, 0, 0, s.yd, s.y)).toBe(cuda.CUDNN_STATUS_EXECUTION_FAILED);
      // The context is lost: later launches fail at their first CUDA call, the runtime reports the sticky error.
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, s.x, s.wd, s.w, s.cd, cuda.CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM, null, 0, 0, s.yd, s.y)).toBe(cuda.CUDNN_STATUS_EXECUTION_FAILED_CUDART);
      expect(cuda.cudaDeviceSynchronize()).toBe(cuda.cudaErrorIllegalAddress);
    });
    expect(process.diagnostics.entries[0]).toMatchObject({ id: 'OB2001', status: 'CUDNN_STATUS_EXECUTION_FAILED' });
    expect(process.diagnostics.entries[0].message).toMatch(/out of bounds/);
  });

  it('refuses mismatched data types (BAD_PARAM), a wrong output shape (NOT_SUPPORTED), unsimulated algorithms and destroyed descriptors', () => {
    const process = inProcess(() => {
      const s = setup();
      const half = tensor4d(convOutputDims(problem), cuda.CUDNN_TENSOR_NCHW, cuda.CUDNN_DATA_HALF);
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, s.x, s.wd, s.w, s.cd, 0, null, 0, 0, half, s.y)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, s.x, s.wd, s.w, s.cd, 0, null, 0, 0, tensor4d([2, 6, 4, 7]), s.y)).toBe(cuda.CUDNN_STATUS_NOT_SUPPORTED);
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, s.x, s.wd, s.w, s.cd, cuda.CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD, null, 0, 0, s.yd, s.y)).toBe(cuda.CUDNN_STATUS_NOT_SUPPORTED);
      expect(cuda.cudnnDestroyFilterDescriptor(s.wd)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, s.x, s.wd, s.w, s.cd, 0, null, 0, 0, s.yd, s.y)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
      // A host array where device memory belongs.
      expect(cuda.cudnnConvolutionForward(s.h, 1, s.xd, new Float32Array(10), filter4d([6, 2, 3, 2]), s.w, s.cd, 0, null, 0, 0, s.yd, s.y)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
    });
    expect(diagnosticIds(process)).toEqual(['OB2013', 'OB2013', 'OB2014', 'OB2008', 'OB2004']);
    expect(process.diagnostics.entries[1].message).toMatch(/\[2, 6, 4, 7\] does not match the convolution output \[2, 6, 4, 8\]/);
  });

  it('reads x through the described strides: an Nd descriptor with padded rows', () => {
    const p: Conv2dProblem = { n: 1, c: 1, h: 3, w: 3, k: 1, r: 2, s: 2, pad: [0, 0], stride: [1, 1], dilation: [1, 1], group: 1 };
    // Rows of 3 values stored 5 apart; the padding holds NaN that must never be read.
    const stored = new Float32Array(15).fill(NaN);
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    x.forEach((v, i) => (stored[Math.floor(i / 3) * 5 + (i % 3)] = v));
    let y: Float32Array = new Float32Array(4);
    inProcess(() => {
      const h = handle();
      const xd = cuda.ref<cuda.cudnnTensorDescriptor_t>();
      cuda.cudnnCreateTensorDescriptor(xd);
      expect(cuda.cudnnSetTensorNdDescriptor(xd.value, cuda.CUDNN_DATA_FLOAT, 4, [1, 1, 3, 3], [15, 15, 5, 1])).toBe(cuda.CUDNN_STATUS_SUCCESS);
      const dy = allocate(16);
      const status = cuda.cudnnConvolutionForward(h, 1, xd.value, upload(stored), filter4d([1, 1, 2, 2]), device([1, 10, 100, 1000]), convolution([0, 0], [1, 1], [1, 1], undefined, 1, cuda.CUDNN_FMA_MATH), 0, null, 0, 0, tensor4d([1, 1, 2, 2]), dy);
      expect(status).toBe(cuda.CUDNN_STATUS_SUCCESS);
      y = downloadFloat32(dy, 4);
    });
    // Exact small integers.
    expect([...y]).toEqual([...conv2d(p, x, [1, 10, 100, 1000]).values]);
  });
});
