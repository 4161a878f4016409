/**
 * Legacy cuDNN forward operations other than convolution, each against a float64 reference
 * built from the cuDNN header's definition, plus their modes, blending and misuse statuses.
 * Tolerances: float32 results of elementwise math are held to a few float32 roundings
 * (2^-24 relative each); sums to Higham's bound (cuda-test-kit).
 */
import { describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { PhiloxStream } from '../../../src/runtime/random/philox-stream.js';
import { allocate, cuda, diagnosticIds, downloadFloat32, float32DotBound, inProcess, lastDiagnostic } from './cuda-test-kit.js';
import { device, fromHalfDevice, handle, tensor4d, zeros } from './cudnn-kit.js';
import { pool2d, sigmoid, softmaxRows } from './cudnn-reference.js';

const U = 2 ** -24;

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, ulps: number, floor = 0): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(ulps * U * Math.abs(expected[i]) + floor);
  }
}

describe('cudnnActivationForward', () => {
  const dims = [2, 3, 2, 2];
  const count = 24;
  const x = randomFloat32(count, 21, -3, 3);

  function activate(mode: number, coef: number, alpha = 1, beta = 0, yInit?: Float32Array, nanOpt: number = cuda.CUDNN_PROPAGATE_NAN, input: Float32Array = x) {
    let y: Float32Array = new Float32Array(count);
    const process = inProcess(() => {
      const h = handle();
      const ad = cuda.ref<cuda.cudnnActivationDescriptor_t>();
      expect(cuda.cudnnCreateActivationDescriptor(ad)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnSetActivationDescriptor(ad.value, mode as cuda.cudnnActivationMode_t, nanOpt as cuda.cudnnNanPropagation_t, coef)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      const d = tensor4d(dims);
      const dy = device(yInit ?? new Float32Array(count));
      expect(cuda.cudnnActivationForward(h, ad.value, alpha, d, device(input), beta, d, dy)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      y = downloadFloat32(dy, count);
      expect(cuda.cudnnDestroyActivationDescriptor(ad.value)).toBe(cuda.CUDNN_STATUS_SUCCESS);
    });
    return { y, process };
  }

  it.each([
    ['RELU', cuda.CUDNN_ACTIVATION_RELU, 0, (v: number) => Math.max(v, 0), 'Relu', 0],
    ['SIGMOID', cuda.CUDNN_ACTIVATION_SIGMOID, 0, sigmoid, 'Sigmoid', 2],
    ['TANH', cuda.CUDNN_ACTIVATION_TANH, 0, Math.tanh, 'Tanh', 2],
    ['CLIPPED_RELU (ceiling = coef)', cuda.CUDNN_ACTIVATION_CLIPPED_RELU, 1.5, (v: number) => Math.min(Math.max(v, 0), 1.5), 'Clip', 0],
    ['ELU (alpha = coef)', cuda.CUDNN_ACTIVATION_ELU, 0.7, (v: number) => (v > 0 ? v : Math.fround(0.7) * Math.expm1(v)), 'Elu', 2],
    ['SWISH (beta 1: SiLU)', cuda.CUDNN_ACTIVATION_SWISH, 0, (v: number) => v * sigmoid(v), 'Silu', 3],
  ])('%s', (_, mode, coef, f, op, ulps) => {
    const { y, process } = activate(mode, coef);
    close(y, Array.from(x, f), ulps, 1e-30);
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual([op]);
  });

  it('IDENTITY is the blend alone: y = alpha·x + beta·y', () => {
    const yInit = randomFloat32(count, 22);
    const { y, process } = activate(cuda.CUDNN_ACTIVATION_IDENTITY, 0, 2, 0.5, yInit);
    close(y, Array.from(x, (v, i) => 2 * v + 0.5 * yInit[i]), 3, 1e-30);
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual(['Mul', 'Mul', 'Add']);
  });

  it('propagates NaN, and warns (OB2014) when CUDNN_NOT_PROPAGATE_NAN meets one', () => {
    const withNan = Float32Array.from(x);
    withNan[5] = NaN;
    const { y, process } = activate(cuda.CUDNN_ACTIVATION_RELU, 0, 1, 0, undefined, cuda.CUDNN_NOT_PROPAGATE_NAN, withNan);
    expect(Number.isNaN(y[5])).toBe(true);
    expect(process.diagnostics.entries).toMatchObject([{ id: 'OB2014', severity: 'warning' }]);
    expect(activate(cuda.CUDNN_ACTIVATION_RELU, 0, 1, 0, undefined, cuda.CUDNN_NOT_PROPAGATE_NAN).process.diagnostics.entries).toEqual([]);
  });

  it('refuses an unset descriptor and differing x / y descriptors', () => {
    const process = inProcess(() => {
      const h = handle();
      const ad = cuda.ref<cuda.cudnnActivationDescriptor_t>();
      cuda.cudnnCreateActivationDescriptor(ad);
      const d = tensor4d(dims);
      const p = device(x);
      expect(cuda.cudnnActivationForward(h, ad.value, 1, d, p, 0, d, p)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
      cuda.cudnnSetActivationDescriptor(ad.value, cuda.CUDNN_ACTIVATION_RELU, cuda.CUDNN_PROPAGATE_NAN, 0);
      expect(cuda.cudnnActivationForward(h, ad.value, 1, d, p, 0, tensor4d([2, 3, 2, 2], cuda.CUDNN_TENSOR_NCHW, cuda.CUDNN_DATA_HALF), p)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
    });
    expect(diagnosticIds(process)).toEqual(['OB2013', 'OB2013']);
  });
});

describe('cudnnSoftmaxForward', () => {
  const [n, c, h, w] = [2, 3, 2, 4];
  const x = randomFloat32(n * c * h * w, 31, -4, 4);

  function softmax(algo: number, mode: number, input: Float32Array = x, format: number = cuda.CUDNN_TENSOR_NCHW) {
    let y: Float32Array = new Float32Array(input.length);
    const process = inProcess(() => {
      const d = tensor4d([n, c, h, w], format);
      const dy = allocate(input.length * 4);
      expect(cuda.cudnnSoftmaxForward(handle(), algo as cuda.cudnnSoftmaxAlgorithm_t, mode as cuda.cudnnSoftmaxMode_t, 1, d, device(input), 0, d, dy)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      y = downloadFloat32(dy, input.length);
    });
    return { y, process };
  }

  it('INSTANCE normalises over all of C, H, W for each n', () => {
    const { y, process } = softmax(cuda.CUDNN_SOFTMAX_ACCURATE, cuda.CUDNN_SOFTMAX_MODE_INSTANCE);
    // Softmax: exp in float32 and a float32 sum of C·H·W = 24 terms: ~26 roundings relative.
    close(y, softmaxRows(x, c * h * w), 32);
    const [record] = process.tracer.records.filter((r) => r.kind === 'op');
    expect(record).toMatchObject({ op: 'Softmax', attributes: { axis: 1 } });
  });

  it('CHANNEL normalises over C at each (n, h, w)', () => {
    const { y } = softmax(cuda.CUDNN_SOFTMAX_ACCURATE, cuda.CUDNN_SOFTMAX_MODE_CHANNEL);
    const expected = new Float64Array(x.length);
    for (let a = 0; a < n; a++)
      for (let p = 0; p < h * w; p++) {
        const lane = Array.from({ length: c }, (_, k) => x[(a * c + k) * h * w + p]);
        softmaxRows(lane, c).forEach((v, k) => (expected[(a * c + k) * h * w + p] = v));
      }
    close(y, expected, 8);
    // The two modes differ for these shapes.
    expect(Math.abs(y[0] - softmax(cuda.CUDNN_SOFTMAX_ACCURATE, cuda.CUDNN_SOFTMAX_MODE_INSTANCE).y[0])).toBeGreaterThan(0.01);
  });

  it('INSTANCE gives the same values for NHWC data (flattened in memory order, no copy)', () => {
    const nhwc = new Float32Array(x.length);
    for (let a = 0; a < n; a++) for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) nhwc[(a * h * w + p) * c + k] = x[(a * c + k) * h * w + p];
    const { y } = softmax(cuda.CUDNN_SOFTMAX_ACCURATE, cuda.CUDNN_SOFTMAX_MODE_INSTANCE, nhwc, cuda.CUDNN_TENSOR_NHWC);
    const ref = softmaxRows(x, c * h * w);
    for (let a = 0; a < n; a++) for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) {
      expect(Math.abs(y[(a * h * w + p) * c + k] - ref[(a * c + k) * h * w + p])).toBeLessThanOrEqual(32 * U * ref[(a * c + k) * h * w + p]);
    }
  });

  it('LOG is LogSoftmax; FAST does not subtract the maximum and overflows where ACCURATE does not', () => {
    const log = softmax(cuda.CUDNN_SOFTMAX_LOG, cuda.CUDNN_SOFTMAX_MODE_INSTANCE);
    const ref = softmaxRows(x, c * h * w, true);
    ref.forEach((v, i) => expect(Math.abs(log.y[i] - v)).toBeLessThanOrEqual(32 * U * (Math.abs(v) + 4)));
    expect(log.process.tracer.records.find((r) => r.kind === 'op')?.op).toBe('LogSoftmax');
    const large = Float32Array.from(x, (v) => v + 100);
    const fast = softmax(cuda.CUDNN_SOFTMAX_FAST, cuda.CUDNN_SOFTMAX_MODE_CHANNEL, large);
    const accurate = softmax(cuda.CUDNN_SOFTMAX_ACCURATE, cuda.CUDNN_SOFTMAX_MODE_CHANNEL, large);
    expect(fast.y.some(Number.isNaN)).toBe(true);
    expect(accurate.y.every(Number.isFinite)).toBe(true);
    expect(fast.process.tracer.records.find((r) => r.kind === 'op')?.profile).toBe('cuda.cudnn-softmax-fast');
  });
});

describe('cudnnPoolingForward', () => {
  const dims = [1, 2, 5, 6];
  const x = randomFloat32(60, 41);

  function pool(mode: number, window: [number, number], pad: [number, number], stride: [number, number]) {
    let y: Float32Array = new Float32Array(0);
    let outDims: number[] = [];
    const process = inProcess(() => {
      const pd = cuda.ref<cuda.cudnnPoolingDescriptor_t>();
      expect(cuda.cudnnCreatePoolingDescriptor(pd)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnSetPooling2dDescriptor(pd.value, mode as cuda.cudnnPoolingMode_t, cuda.CUDNN_PROPAGATE_NAN, window[0], window[1], pad[0], pad[1], stride[0], stride[1])).toBe(cuda.CUDNN_STATUS_SUCCESS);
      const xd = tensor4d(dims);
      const od = [cuda.ref<number>(), cuda.ref<number>(), cuda.ref<number>(), cuda.ref<number>()] as const;
      expect(cuda.cudnnGetPooling2dForwardOutputDim(pd.value, xd, ...od)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      outDims = od.map((r) => r.value);
      const count = outDims.reduce((a, b) => a * b, 1);
      const dy = allocate(count * 4);
      expect(cuda.cudnnPoolingForward(handle(), pd.value, 1, xd, device(x), 0, tensor4d(outDims), dy)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      y = downloadFloat32(dy, count);
      expect(cuda.cudnnDestroyPoolingDescriptor(pd.value)).toBe(cuda.CUDNN_STATUS_SUCCESS);
    });
    return { y, outDims, process };
  }

  it.each([
    ['MAX', cuda.CUDNN_POOLING_MAX, 'max', 'MaxPool'],
    ['AVERAGE_COUNT_INCLUDE_PADDING', cuda.CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING, 'avg-include', 'AveragePool'],
    ['AVERAGE_COUNT_EXCLUDE_PADDING', cuda.CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING, 'avg-exclude', 'AveragePool'],
  ] as const)('%s with padding and stride', (_, mode, ref, op) => {
    const { y, outDims, process } = pool(mode, [3, 2], [1, 1], [2, 2]);
    const expected = pool2d(x, dims, [3, 2], [1, 1], [2, 2], ref);
    expect(outDims).toEqual(expected.dims);
    // A sum of at most 6 float32 values and a division.
    close(y, expected.values, 8, 1e-30);
    expect(process.tracer.records.find((r) => r.kind === 'op')).toMatchObject({ op, attributes: { kernel_shape: [3, 2], pads: [1, 1, 1, 1], strides: [2, 2] } });
  });
});

describe('cudnnBatchNormalizationForwardInference', () => {
  const dims = [2, 3, 2, 2];
  const x = randomFloat32(24, 51);

  function batchNorm(mode: number, paramDims: number[], epsilon = 1e-5) {
    const count = paramDims.reduce((a, b) => a * b, 1);
    const scale = randomFloat32(count, 52, 0.5, 1.5);
    const bias = randomFloat32(count, 53);
    const mean = randomFloat32(count, 54);
    const variance = randomFloat32(count, 55, 0.1, 2);
    let y: Float32Array = new Float32Array(24);
    let status = 0;
    const process = inProcess(() => {
      const d = tensor4d(dims);
      const dy = allocate(96);
      status = cuda.cudnnBatchNormalizationForwardInference(handle(), mode as cuda.cudnnBatchNormMode_t, 1, 0, d, device(x), d, dy, tensor4d(paramDims), device(scale), device(bias), device(mean), device(variance), epsilon);
      if (status === 0) y = downloadFloat32(dy, 24);
    });
    const expected = Array.from(x, (v, i) => {
      const k = mode === cuda.CUDNN_BATCHNORM_PER_ACTIVATION ? i % count : Math.floor(i / 4) % 3;
      return (scale[k] * (v - mean[k])) / Math.sqrt(Math.fround(epsilon) + variance[k]) + bias[k];
    });
    return { y, expected, status, process };
  }

  it('SPATIAL: one scale / bias / mean / variance per channel', () => {
    const { y, expected, process } = batchNorm(cuda.CUDNN_BATCHNORM_SPATIAL, [1, 3, 1, 1]);
    close(y, expected, 8, 1e-6);
    expect(process.tracer.records.find((r) => r.kind === 'op')).toMatchObject({ op: 'BatchNormalization', attributes: { training_mode: 0 } });
  });

  it('PER_ACTIVATION: one per C·H·W position', () => {
    const { y, expected } = batchNorm(cuda.CUDNN_BATCHNORM_PER_ACTIVATION, [1, 3, 2, 2]);
    close(y, expected, 8, 1e-6);
  });

  it('refuses epsilon below CUDNN_BN_MIN_EPSILON and a parameter descriptor of the wrong shape', () => {
    expect(batchNorm(cuda.CUDNN_BATCHNORM_SPATIAL, [1, 3, 1, 1], -1).status).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
    const wrong = batchNorm(cuda.CUDNN_BATCHNORM_SPATIAL, [1, 3, 2, 2]);
    expect(wrong.status).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
    expect(lastDiagnostic(wrong.process).message).toMatch(/must be \[1, 3, 1, 1\]/);
    expect(cuda.CUDNN_BN_MIN_EPSILON).toBe(0);
  });
});

describe('cudnnAddTensor, cudnnOpTensor, cudnnTransformTensor', () => {
  const dims = [2, 3, 2, 2];
  const c0 = randomFloat32(24, 61);
  const bias = randomFloat32(3, 62);

  it('adds a 1×C×1×1 bias in place as one Add, and blends other factors', () => {
    let y: Float32Array = new Float32Array(24);
    let z: Float32Array = new Float32Array(24);
    const process = inProcess(() => {
      const h = handle();
      const cd = tensor4d(dims);
      const ad = tensor4d([1, 3, 1, 1]);
      const dc = device(c0);
      expect(cuda.cudnnAddTensor(h, 1, ad, device(bias), 1, cd, dc)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      y = downloadFloat32(dc, 24);
      const dz = device(c0);
      expect(cuda.cudnnAddTensor(h, 2, ad, device(bias), 0.5, cd, dz)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      z = downloadFloat32(dz, 24);
      expect(cuda.cudnnAddTensor(h, 1, tensor4d([1, 2, 1, 1]), device(bias), 1, cd, dz)).toBe(cuda.CUDNN_STATUS_BAD_PARAM);
    });
    close(y, Array.from(c0, (v, i) => v + bias[Math.floor(i / 4) % 3]), 1);
    close(z, Array.from(c0, (v, i) => 0.5 * v + 2 * bias[Math.floor(i / 4) % 3]), 3);
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual(['Add', 'Mul', 'Mul', 'Add']);
    expect(diagnosticIds(process)).toEqual(['OB2013']);
  });

  it.each([
    ['ADD', cuda.CUDNN_OP_TENSOR_ADD, (a: number, b: number) => a + b, 'Add'],
    ['MUL', cuda.CUDNN_OP_TENSOR_MUL, (a: number, b: number) => a * b, 'Mul'],
    ['MIN', cuda.CUDNN_OP_TENSOR_MIN, Math.min, 'Min'],
    ['MAX', cuda.CUDNN_OP_TENSOR_MAX, Math.max, 'Max'],
    ['SQRT (B ignored)', cuda.CUDNN_OP_TENSOR_SQRT, (a: number) => Math.sqrt(a), 'Sqrt'],
  ])('cudnnOpTensor %s: C = op(alpha1·A, alpha2·B) + beta·C with B broadcast', (_, op, f, canonical) => {
    const a = randomFloat32(24, 63, 0.1, 2);
    let out: Float32Array = new Float32Array(24);
    const process = inProcess(() => {
      const od = cuda.ref<cuda.cudnnOpTensorDescriptor_t>();
      expect(cuda.cudnnCreateOpTensorDescriptor(od)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      expect(cuda.cudnnSetOpTensorDescriptor(od.value, op as cuda.cudnnOpTensorOp_t, cuda.CUDNN_DATA_FLOAT, cuda.CUDNN_PROPAGATE_NAN)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      const dc = device(c0);
      expect(cuda.cudnnOpTensor(handle(), od.value, 2, tensor4d(dims), device(a), 3, tensor4d([1, 3, 1, 1]), device(bias), 0.5, tensor4d(dims), dc)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      out = downloadFloat32(dc, 24);
      expect(cuda.cudnnDestroyOpTensorDescriptor(od.value)).toBe(cuda.CUDNN_STATUS_SUCCESS);
    });
    const expected = Array.from(a, (v, i) => f(2 * v, 3 * bias[Math.floor(i / 4) % 3]) + 0.5 * c0[i]);
    close(expected.map((e, i) => out[i] - e), new Array(24).fill(0), 0, 8 * U * 10);
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toContain(canonical);
  });

  it('cudnnOpTensor NOT has no canonical operator: CUDNN_STATUS_NOT_SUPPORTED with OB2014', () => {
    const process = inProcess(() => {
      const od = cuda.ref<cuda.cudnnOpTensorDescriptor_t>();
      cuda.cudnnCreateOpTensorDescriptor(od);
      cuda.cudnnSetOpTensorDescriptor(od.value, cuda.CUDNN_OP_TENSOR_NOT, cuda.CUDNN_DATA_FLOAT, cuda.CUDNN_PROPAGATE_NAN);
      const d = tensor4d(dims);
      const p = device(c0);
      expect(cuda.cudnnOpTensor(handle(), od.value, 1, d, p, 1, d, p, 0, d, p)).toBe(cuda.CUDNN_STATUS_NOT_SUPPORTED);
    });
    expect(diagnosticIds(process)).toEqual(['OB2014']);
  });

  it('cudnnTransformTensor converts NCHW float to NHWC half as a Transpose and a Cast', () => {
    let half: Float32Array = new Float32Array(24);
    const process = inProcess(() => {
      const dy = allocate(48);
      expect(cuda.cudnnTransformTensor(handle(), 1, tensor4d(dims), device(c0), 0, tensor4d(dims, cuda.CUDNN_TENSOR_NHWC, cuda.CUDNN_DATA_HALF), dy)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      half = fromHalfDevice(dy, 24);
    });
    for (let a = 0; a < 2; a++) for (let k = 0; k < 3; k++) for (let p = 0; p < 4; p++) {
      const v = c0[(a * 3 + k) * 4 + p];
      // One rounding to float16 (unit roundoff 2^-11).
      expect(Math.abs(half[(a * 4 + p) * 3 + k] - v)).toBeLessThanOrEqual(2 ** -11 * Math.abs(v));
    }
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => [r.op, r.attributes.perm ?? r.attributes.to])).toEqual([
      ['Transpose', [0, 2, 3, 1]],
      ['Cast', 'float16'],
    ]);
  });
});

describe('cudnnReduceTensor', () => {
  const dims = [2, 3, 4, 1];
  const a = randomFloat32(24, 71, -2, 2);

  function reduce(op: number, cDims: number[], indices = false, alpha = 1) {
    const count = cDims.reduce((x, y) => x * y, 1);
    let c: Float32Array = new Float32Array(count);
    let idx = new Int32Array(count);
    let status = 0;
    const process = inProcess(() => {
      const h = handle();
      const rd = cuda.ref<cuda.cudnnReduceTensorDescriptor_t>();
      expect(cuda.cudnnCreateReduceTensorDescriptor(rd)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      const flag = indices ? cuda.CUDNN_REDUCE_TENSOR_FLATTENED_INDICES : cuda.CUDNN_REDUCE_TENSOR_NO_INDICES;
      expect(cuda.cudnnSetReduceTensorDescriptor(rd.value, op as cuda.cudnnReduceTensorOp_t, cuda.CUDNN_DATA_FLOAT, cuda.CUDNN_PROPAGATE_NAN, flag, cuda.CUDNN_32BIT_INDICES)).toBe(cuda.CUDNN_STATUS_SUCCESS);
      const ad = tensor4d(dims);
      const cd = tensor4d(cDims);
      const ws = cuda.ref<number>();
      const wsStatus = cuda.cudnnGetReductionWorkspaceSize(h, rd.value, ad, cd, ws);
      const workspace = wsStatus === 0 && ws.value > 0 ? allocate(ws.value) : null;
      const dc = zeros(count);
      const di = zeros(count);
      status = cuda.cudnnReduceTensor(h, rd.value, indices ? di : null, indices ? count * 4 : 0, workspace, wsStatus === 0 ? ws.value : 0, alpha, ad, device(a), 0, cd, dc);
      if (status === 0) {
        c = downloadFloat32(dc, count);
        expect(cuda.cudaMemcpy(idx, di, count * 4, cuda.cudaMemcpyDeviceToHost)).toBe(cuda.cudaSuccess);
      }
      expect(cuda.cudnnDestroyReduceTensorDescriptor(rd.value)).toBe(cuda.CUDNN_STATUS_SUCCESS);
    });
    return { c, idx, status, process };
  }

  /** Groups of A's elements reduced into each element of C = [2, 1, 4, 1] (over C, the channels). */
  const lanes = Array.from({ length: 8 }, (_, o) => Array.from({ length: 3 }, (_, k) => a[(Math.floor(o / 4) * 3 + k) * 4 + (o % 4)]));

  it.each([
    ['ADD', cuda.CUDNN_REDUCE_TENSOR_ADD, (l: number[]) => l.reduce((s, v) => s + v, 0), ['ReduceSum']],
    ['AVG', cuda.CUDNN_REDUCE_TENSOR_AVG, (l: number[]) => l.reduce((s, v) => s + v, 0) / l.length, ['ReduceMean']],
    ['MAX', cuda.CUDNN_REDUCE_TENSOR_MAX, (l: number[]) => Math.max(...l), ['ReduceMax']],
    ['MIN', cuda.CUDNN_REDUCE_TENSOR_MIN, (l: number[]) => Math.min(...l), ['ReduceMin']],
    ['AMAX', cuda.CUDNN_REDUCE_TENSOR_AMAX, (l: number[]) => Math.max(...l.map(Math.abs)), ['Abs', 'ReduceMax']],
    ['NORM1', cuda.CUDNN_REDUCE_TENSOR_NORM1, (l: number[]) => l.reduce((s, v) => s + Math.abs(v), 0), ['Abs', 'ReduceSum']],
    ['NORM2', cuda.CUDNN_REDUCE_TENSOR_NORM2, (l: number[]) => Math.sqrt(l.reduce((s, v) => s + v * v, 0)), ['Mul', 'ReduceSum', 'Sqrt']],
  ])('%s over the axes C reduces to 1', (_, op, f, ops) => {
    const { c, status, process } = reduce(op, [2, 1, 4, 1]);
    expect(status).toBe(cuda.CUDNN_STATUS_SUCCESS);
    lanes.forEach((l, i) => expect(Math.abs(c[i] - f(l))).toBeLessThanOrEqual(float32DotBound(3, l.reduce((s, v) => s + Math.abs(v) * Math.max(1, Math.abs(v)), 0)) + 4 * U * Math.abs(f(l))));
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual(ops);
  });

  it('scales A before the reduction (max(alpha·A) for alpha < 0) and returns flattened indices of the extremes', () => {
    const { c, idx, status } = reduce(cuda.CUDNN_REDUCE_TENSOR_MAX, [2, 1, 4, 1], true, -1);
    expect(status).toBe(0);
    lanes.forEach((l, i) => {
      expect(c[i]).toBe(Math.max(...l.map((v) => -v)));
      expect(idx[i]).toBe(l.map((v) => -v).indexOf(c[i]));
    });
  });

  it('MUL has no canonical product reduction (NOT_SUPPORTED, OB2014); a short workspace is SIZE_INSUFFICIENT with OB2011', () => {
    expect(reduce(cuda.CUDNN_REDUCE_TENSOR_MUL, [2, 1, 4, 1]).status).toBe(cuda.CUDNN_STATUS_NOT_SUPPORTED);
    const process = inProcess(() => {
      const rd = cuda.ref<cuda.cudnnReduceTensorDescriptor_t>();
      cuda.cudnnCreateReduceTensorDescriptor(rd);
      cuda.cudnnSetReduceTensorDescriptor(rd.value, cuda.CUDNN_REDUCE_TENSOR_NORM2, cuda.CUDNN_DATA_FLOAT, cuda.CUDNN_PROPAGATE_NAN, cuda.CUDNN_REDUCE_TENSOR_NO_INDICES, cuda.CUDNN_32BIT_INDICES);
      const ws = cuda.ref<number>();
      expect(cuda.cudnnGetReductionWorkspaceSize(handle(), rd.value, tensor4d(dims), tensor4d([2, 1, 4, 1]), ws)).toBe(0);
      // The elementwise square of A in float: 24 · 4 bytes (the documented model).
      expect(ws.value).toBe(96);
      expect(cuda.cudnnReduceTensor(handle(), rd.value, null, 0, allocate(32), 32, 1, tensor4d(dims), device(a), 0, tensor4d([2, 1, 4, 1]), zeros(8))).toBe(cuda.CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT);
    });
    expect(diagnosticIds(process)).toEqual(['OB2011']);
  });
});

describe('cudnnDropoutForward', () => {
  it('keeps elements with probability 1 - p, scales them by 1/(1 - p), writes the mask into the reserve space', () => {
    const count = 4096;
    const x = randomFloat32(count, 81, 0.5, 1.5);
    const p = 0.25;
    let y: Float32Array = new Float32Array(count);
    let mask = new Uint8Array(count);
    const process = inProcess(() => {
      const h = handle();
      const statesSize = cuda.ref<number>();
      expect(cuda.cudnnDropoutGetStatesSize(h, statesSize)).toBe(0);
      const states = allocate(statesSize.value);
      const dd = cuda.ref<cuda.cudnnDropoutDescriptor_t>();
      expect(cuda.cudnnCreateDropoutDescriptor(dd)).toBe(0);
      expect(cuda.cudnnSetDropoutDescriptor(dd.value, h, p, states, statesSize.value, 1234)).toBe(0);
      const xd = tensor4d([1, 1, 64, 64]);
      const reserveSize = cuda.ref<number>();
      expect(cuda.cudnnDropoutGetReserveSpaceSize(xd, reserveSize)).toBe(0);
      expect(reserveSize.value).toBe(count);
      const reserve = allocate(reserveSize.value);
      const dy = allocate(count * 4);
      expect(cuda.cudnnDropoutForward(h, dd.value, xd, device(x), xd, dy, reserve, reserveSize.value)).toBe(0);
      y = downloadFloat32(dy, count);
      expect(cuda.cudaMemcpy(mask, reserve, count, cuda.cudaMemcpyDeviceToHost)).toBe(cuda.cudaSuccess);
      // A reserve space smaller than the query's answer.
      expect(cuda.cudnnDropoutForward(h, dd.value, xd, device(x), xd, dy, reserve, count - 1)).toBe(cuda.CUDNN_STATUS_BAD_PARAM_SIZE_INSUFFICIENT);
      expect(cuda.cudnnDestroyDropoutDescriptor(dd.value)).toBe(0);
    });
    const u = new PhiloxStream(1234n).uniform(count, 'float32');
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const keep = u[i] < Math.fround(1 - p);
      expect(mask[i]).toBe(keep ? 1 : 0);
      // x / (1 - p) rounded once to float32.
      expect(y[i]).toBe(keep ? Math.fround(x[i] / (1 - Math.fround(p))) : 0);
      kept += keep ? 1 : 0;
    }
    // Binomial(4096, 0.75): mean 3072, standard deviation ~27.7; 5 sigma.
    expect(Math.abs(kept - 3072)).toBeLessThan(140);
    expect(process.tracer.records.filter((r) => r.kind === 'op')).toMatchObject([{ op: 'Dropout', attributes: { seed: 1234 } }]);
    expect(diagnosticIds(process)).toEqual(['OB2011']);
  });

  it('reads its RNG states: freed state memory is a use after free in the kernel', () => {
    const process = inProcess(() => {
      const h = handle();
      const states = allocate(16);
      const dd = cuda.ref<cuda.cudnnDropoutDescriptor_t>();
      cuda.cudnnCreateDropoutDescriptor(dd);
      expect(cuda.cudnnSetDropoutDescriptor(dd.value, h, 0.5, states, 16, 1)).toBe(0);
      expect(cuda.cudaFree(states)).toBe(cuda.cudaSuccess);
      const xd = tensor4d([1, 1, 2, 2]);
      expect(cuda.cudnnDropoutForward(h, dd.value, xd, device([1, 2, 3, 4]), xd, allocate(16), allocate(4), 4)).toBe(cuda.CUDNN_STATUS_EXECUTION_FAILED);
    });
    expect(diagnosticIds(process)).toEqual(['OB2002']);
  });
});
