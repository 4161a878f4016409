/**
 * CNNL descriptors and the op families that are not matrix products: op tensor, activation,
 * softmax, normalisations, reduce, transpose, cast, concat / split, embedding, random.
 * References are float64 formulas written here; tolerances are torch.testing's float32
 * defaults (rtol 1.3e-6, atol 1e-5) unless a comment says otherwise.
 */
import { describe, expect, it } from 'vitest';
import {
  CNNL_ACTIVATION_CLIPPED_RELU,
  CNNL_ACTIVATION_GELU,
  CNNL_ACTIVATION_HARDSWISH,
  CNNL_ACTIVATION_HIGH_PRECISION,
  CNNL_ACTIVATION_LEAKYRELU,
  CNNL_CAST_FLOAT_TO_HALF,
  CNNL_COMPUTATION_FAST,
  CNNL_DTYPE_FLOAT,
  CNNL_DTYPE_HALF,
  CNNL_DTYPE_INT32,
  CNNL_DTYPE_INVALID,
  CNNL_DTYPE_UINT32,
  CNNL_LAYOUT_ARRAY,
  CNNL_LAYOUT_NCHW,
  CNNL_LAYOUT_NHWC,
  CNNL_NOT_PROPAGATE_NAN,
  CNNL_OP_TENSOR_ADD,
  CNNL_OP_TENSOR_MUL,
  CNNL_RAND_RNG_MTGP32,
  CNNL_REDUCE_ADD,
  CNNL_REDUCE_AVG,
  CNNL_REDUCE_MAX,
  CNNL_REDUCE_ONLY_INDICES,
  CNNL_SOFTMAX_ACCURATE,
  CNNL_SOFTMAX_LOG,
  CNNL_SOFTMAX_MODE_HIGH_DIMENSION,
  CNNL_SOFTMAX_MODE_LOW_DIMENSION,
  CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION,
  CNNL_STATUS_BAD_PARAM,
  CNNL_STATUS_EXECUTION_FAILED,
  CNNL_STATUS_NOT_SUPPORTED,
  CNNL_STATUS_SUCCESS,
  cnnlActivationForward,
  cnnlBatchNormForwardInference,
  cnnlCastDataType,
  cnnlConcat,
  cnnlCreate,
  cnnlCreateActivationDescriptor,
  cnnlCreateOpTensorDescriptor,
  cnnlCreateReduceDescriptor,
  cnnlCreateTensorDescriptor,
  cnnlCreateTransposeDescriptor,
  cnnlDestroy,
  cnnlDestroyTensorDescriptor,
  cnnlEmbeddingForward_v2,
  cnnlGetConcatWorkspaceSize,
  cnnlGetErrorString,
  cnnlGetLayerNormOpWorkspaceSize,
  cnnlGetOpTensorWorkspaceSize,
  cnnlGetQueue,
  cnnlGetReduceOpWorkspaceSize,
  cnnlGetRmsNormOpWorkspaceSize,
  cnnlGetSplitWorkspaceSize,
  cnnlGetTensorElementNum,
  cnnlLayerNormForward,
  cnnlOpTensor,
  cnnlRandCreateGenerator,
  cnnlRandDestroyGenerator,
  cnnlRandGenerateUniform,
  cnnlRandSetPseudoRandomGeneratorSeed,
  cnnlReduce,
  cnnlRmsNormForward,
  cnnlSetActivationDescriptor,
  cnnlSetActivationDescriptor_v6,
  cnnlSetOpTensorDescriptor,
  cnnlSetQueue,
  cnnlSetReduceDescriptor_v2,
  cnnlSetTensorDescriptor,
  cnnlSetTensorDescriptorEx,
  cnnlSetTensorDescriptorEx_v2,
  cnnlSetTensorDescriptor_v2,
  cnnlSetTransposeDescriptor,
  cnnlSoftmaxForward,
  cnnlSoftmaxForward_v2,
  cnnlSplit,
  cnnlTranspose_v2,
  cnrtMemcpy,
  cnrtMemcpyDevToHost,
  cnrtQueueCreate,
  fromFloat16Bits,
  ref,
  roundToHalf,
  toFloat16Bits,
  type DevicePtr,
  type cnnlActivationDescriptor_t,
  type cnnlHandle_t,
  type cnnlOpTensorDescriptor_t,
  type cnnlRandGenerator_t,
  type cnnlReduceDescriptor_t,
  type cnnlTensorDescriptor_t,
  type cnnlTransposeDescriptor_t,
  type cnrtQueue_t,
} from '../../../src/backends/cambricon/index.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { allocate, descriptor, diagnosticIds, download, expectCloseArrays, lastOp, upload } from './device-helpers.js';

const FP32 = { rtol: 1.3e-6, atol: 1e-5 };

function inProcess<T>(fn: (p: SimProcess, handle: cnnlHandle_t) => T, options = {}): T {
  const p = new SimProcess(options);
  return withProcess(p, () => {
    const h = ref<cnnlHandle_t>();
    expect(cnnlCreate(h)).toBe(CNNL_STATUS_SUCCESS);
    return fn(p, h.value);
  });
}

function seeded(n: number, seed: number, scale = 1): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.fround(((s / 2147483648) * 2 - 1) * scale);
  });
}

describe('CNNL handle and tensor descriptors', () => {
  it('binds the handle to a queue and names statuses', () =>
    inProcess((_p, h) => {
      const q = ref<cnrtQueue_t>();
      cnrtQueueCreate(q);
      expect(cnnlSetQueue(h, q.value)).toBe(CNNL_STATUS_SUCCESS);
      const got = ref<cnrtQueue_t>();
      expect(cnnlGetQueue(h, got)).toBe(CNNL_STATUS_SUCCESS);
      expect(got.value).toBe(q.value);
      expect(cnnlGetErrorString(CNNL_STATUS_BAD_PARAM)).toBe('CNNL_STATUS_BAD_PARAM');
      expect(cnnlDestroy(h)).toBe(CNNL_STATUS_SUCCESS);
      expect(cnnlSetQueue(h, null)).toBe(CNNL_STATUS_BAD_PARAM);
    }));

  it('validates layout rank, dtype and dims, and counts elements', () =>
    inProcess((p) => {
      const d = ref<cnnlTensorDescriptor_t>();
      cnnlCreateTensorDescriptor(d);
      expect(cnnlSetTensorDescriptor(d.value, CNNL_LAYOUT_NHWC, CNNL_DTYPE_FLOAT, 3, [1, 2, 3])).toBe(CNNL_STATUS_BAD_PARAM);
      expect(cnnlSetTensorDescriptor(d.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_INVALID, 1, [4])).toBe(CNNL_STATUS_BAD_PARAM);
      expect(cnnlSetTensorDescriptor(d.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_UINT32, 1, [4])).toBe(CNNL_STATUS_NOT_SUPPORTED);
      expect(cnnlSetTensorDescriptor(d.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 9, new Array(9).fill(1))).toBe(CNNL_STATUS_BAD_PARAM);
      expect(cnnlSetTensorDescriptor_v2(d.value, CNNL_LAYOUT_NHWC, CNNL_DTYPE_HALF, 4, BigInt64Array.of(2n, 3n, 4n, 5n))).toBe(CNNL_STATUS_SUCCESS);
      expect(cnnlGetTensorElementNum(d.value)).toBe(120);
      expect(diagnosticIds(p)).toEqual(['OB2013', 'OB2013', 'OB2014', 'OB2013']);
    }));

  it('reads strided memory through cnnlSetTensorDescriptorEx(_v2) and catches descriptors larger than the allocation', () =>
    inProcess((p, h) => {
      // A 2x2 column-major view of [1, 2, 3, 4]: strides {1, 2}.
      const x = upload(Float32Array.of(1, 2, 3, 4));
      const xd = ref<cnnlTensorDescriptor_t>();
      cnnlCreateTensorDescriptor(xd);
      expect(cnnlSetTensorDescriptorEx(xd.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [2, 2], [1, 2])).toBe(CNNL_STATUS_SUCCESS);
      const y = allocate(16);
      const yd = descriptor([2, 2]);
      const t = ref<cnnlTransposeDescriptor_t>();
      cnnlCreateTransposeDescriptor(t);
      cnnlSetTransposeDescriptor(t.value, 2, [0, 1]);
      expect(cnnlTranspose_v2(h, t.value, xd.value, x, yd, y, null, 0)).toBe(CNNL_STATUS_SUCCESS);
      expect(Array.from(download(y, 4))).toEqual([1, 3, 2, 4]);
      expect(cnnlSetTensorDescriptorEx_v2(xd.value, CNNL_LAYOUT_ARRAY, CNNL_DTYPE_FLOAT, 2, [2, 3], [3, 1])).toBe(CNNL_STATUS_SUCCESS);
      expect(cnnlTranspose_v2(h, t.value, xd.value, x, descriptor([2, 3]), allocate(24), null, 0)).toBe(CNNL_STATUS_EXECUTION_FAILED);
      expect(diagnosticIds(p)).toEqual(['OB2001']);
      expect(p.diagnostics.entries[0].message).toMatch(/holds 16 bytes/);
    }));

  it('rejects a destroyed descriptor with CNNL_STATUS_BAD_PARAM and OB2008', () =>
    inProcess((p, h) => {
      const xd = descriptor([4]);
      const x = upload(new Float32Array(4));
      expect(cnnlDestroyTensorDescriptor(xd)).toBe(CNNL_STATUS_SUCCESS);
      const t = ref<cnnlTransposeDescriptor_t>();
      cnnlCreateTransposeDescriptor(t);
      cnnlSetTransposeDescriptor(t.value, 1, [0]);
      expect(cnnlTranspose_v2(h, t.value, xd, x, descriptor([4]), allocate(16), null, 0)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(cnnlDestroyTensorDescriptor(xd)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(diagnosticIds(p)).toEqual(['OB2008', 'OB2008']);
    }));
});

function opTensorDesc(op: unknown, comp: number): cnnlOpTensorDescriptor_t {
  const d = ref<cnnlOpTensorDescriptor_t>();
  cnnlCreateOpTensorDescriptor(d);
  expect(cnnlSetOpTensorDescriptor(d.value, op as never, comp as never, CNNL_NOT_PROPAGATE_NAN)).toBe(CNNL_STATUS_SUCCESS);
  return d.value;
}

describe('cnnlOpTensor', () => {
  it('computes c = op(alpha1·a, alpha2·b) + beta·c with broadcasting and checks its workspace', () =>
    inProcess((p, h) => {
      const a = seeded(6, 1);
      const b = seeded(3, 2);
      const c0 = seeded(6, 3);
      const [A, B, C] = [upload(a), upload(b), upload(c0)];
      const [ad, bd, cd] = [descriptor([2, 3]), descriptor([1, 3]), descriptor([2, 3])];
      const size = ref<number>();
      expect(cnnlGetOpTensorWorkspaceSize(h, ad, bd, cd, size)).toBe(CNNL_STATUS_SUCCESS);
      expect(size.value).toBe(6 * 4); // b is broadcast: float32 staging of c
      const ws = allocate(size.value);
      const desc = opTensorDesc(CNNL_OP_TENSOR_ADD, CNNL_DTYPE_FLOAT);
      expect(cnnlOpTensor(h, desc, 2, ad, A, -1, bd, B, ws, size.value - 4, 0.5, cd, C)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(diagnosticIds(p)).toEqual(['OB2011']);
      expect(cnnlOpTensor(h, desc, 2, ad, A, -1, bd, B, ws, size.value, 0.5, cd, C)).toBe(CNNL_STATUS_SUCCESS);
      const expected = Array.from(a, (v, i) => 2 * v - b[i % 3] + 0.5 * c0[i]);
      expectCloseArrays(download(C, 6), expected, FP32);
      const record = lastOp(p);
      expect(record.op).toBe('Add');
      expect(record.symbol).toBe('cnnlOpTensor');
      expect(record.site?.file).toMatch(/cnnl-ops\.test\.ts$/);
    }));

  it('computes half data in the descriptor compute type (float) and rounds once to half', () =>
    inProcess((_p, h) => {
      const a = Array.from(seeded(8, 4), (v) => roundToHalf(v, 'float16'));
      const b = Array.from(seeded(8, 5), (v) => roundToHalf(v, 'float16'));
      const [A, B, C] = [upload(toFloat16Bits(a)), upload(toFloat16Bits(b)), allocate(16)];
      const d = descriptor([8], CNNL_LAYOUT_ARRAY, CNNL_DTYPE_HALF);
      expect(cnnlOpTensor(h, opTensorDesc(CNNL_OP_TENSOR_MUL, CNNL_DTYPE_FLOAT), 3, d, A, 1, d, B, null, 0, 0, d, C)).toBe(CNNL_STATUS_SUCCESS);
      const out = new Uint16Array(8);
      cnrtMemcpy(out, C, 16, cnrtMemcpyDevToHost);
      // (3a)·b in float32 then one rounding to half: exact products of halves fit float32, so this is the correctly rounded result.
      expect(Array.from(fromFloat16Bits(out))).toEqual(a.map((v, i) => roundToHalf(Math.fround(3 * v) * b[i], 'float16')));
    }));
});

function activation(setter: (d: cnnlActivationDescriptor_t) => number): cnnlActivationDescriptor_t {
  const d = ref<cnnlActivationDescriptor_t>();
  cnnlCreateActivationDescriptor(d);
  expect(setter(d.value)).toBe(CNNL_STATUS_SUCCESS);
  return d.value;
}

const erf = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 is too coarse; use the series / continued fraction via Math functions.
  let sum = x;
  let term = x;
  for (let n = 1; n < 60; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
};

describe('cnnlActivationForward', () => {
  const xs = Float32Array.of(-3, -1.5, -0.25, 0, 0.3, 1, 2.5, 4);

  function run(h: cnnlHandle_t, desc: cnnlActivationDescriptor_t, alpha: number | null = null, beta: number | null = null, y0?: Float32Array): Float32Array {
    const x = upload(xs);
    const y = upload(y0 ?? new Float32Array(8));
    const d = descriptor([2, 4]);
    expect(cnnlActivationForward(h, desc, alpha, d, x, beta, d, y)).toBe(CNNL_STATUS_SUCCESS);
    return download(y, 8);
  }

  it('GELU: the _v6 approximate flag selects the tanh form, and the knob shows in the trace profile', () =>
    inProcess((p, h) => {
      const v6 = (approximate: boolean) =>
        activation((d) => cnnlSetActivationDescriptor_v6(d, CNNL_ACTIVATION_GELU, CNNL_ACTIVATION_HIGH_PRECISION, CNNL_NOT_PROPAGATE_NAN, 1, 0, 0, 0, false, approximate));
      const exact = run(h, v6(false));
      expectCloseArrays(exact, Array.from(xs, (x) => 0.5 * x * (1 + erf(x / Math.SQRT2))), FP32);
      const tanh = run(h, v6(true));
      expectCloseArrays(tanh, Array.from(xs, (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)))), FP32);
      expect(lastOp(p).profile).toContain('cnnlSetActivationDescriptor_v6.approximate=true');
      expect(lastOp(p).attributes).toMatchObject({ approximate: 'tanh' });
      // The legacy setter has no flag: erf (assumed, unconfirmed).
      const legacy = run(h, activation((d) => cnnlSetActivationDescriptor(d, CNNL_ACTIVATION_GELU, CNNL_NOT_PROPAGATE_NAN, 1)));
      expect(Array.from(legacy)).toEqual(Array.from(exact));
    }));

  it('LEAKYRELU and CLIPPED_RELU take coef; alpha / beta blend into y; unsupported modes say so', () =>
    inProcess((p, h) => {
      const leaky = run(h, activation((d) => cnnlSetActivationDescriptor(d, CNNL_ACTIVATION_LEAKYRELU, CNNL_NOT_PROPAGATE_NAN, 0.1)));
      expectCloseArrays(leaky, Array.from(xs, (x) => (x < 0 ? Math.fround(0.1) * x : x)), FP32);
      const y0 = seeded(8, 9);
      const clipped = run(h, activation((d) => cnnlSetActivationDescriptor(d, CNNL_ACTIVATION_CLIPPED_RELU, CNNL_NOT_PROPAGATE_NAN, 2)), 2, 0.5, y0);
      expectCloseArrays(clipped, Array.from(xs, (x, i) => 2 * Math.min(Math.max(x, 0), 2) + 0.5 * y0[i]), FP32);
      const d = activation((dd) => cnnlSetActivationDescriptor(dd, CNNL_ACTIVATION_HARDSWISH, CNNL_NOT_PROPAGATE_NAN, 0));
      const x = upload(xs);
      expect(cnnlActivationForward(h, d, null, descriptor([8]), x, null, descriptor([8]), allocate(32))).toBe(CNNL_STATUS_NOT_SUPPORTED);
      expect(diagnosticIds(p)).toEqual(['OB2014']);
    }));
});

describe('cnnlSoftmaxForward(_v2)', () => {
  // x viewed as [2, 3, 4]; each mode names one axis of that 3-D view.
  const x = seeded(24, 11, 3);
  const at = (i: number, j: number, k: number) => x[(i * 3 + j) * 4 + k];
  function reference(axis: number, log: boolean): number[] {
    const out = new Array<number>(24);
    const dims = [2, 3, 4];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++)
        for (let k = 0; k < 4; k++) {
          const idx = [i, j, k];
          const lane = Array.from({ length: dims[axis] }, (_, t) => {
            const c = [...idx];
            c[axis] = t;
            return at(c[0], c[1], c[2]);
          });
          const m = Math.max(...lane);
          const z = lane.reduce((s, v) => s + Math.exp(v - m), 0);
          const v = at(i, j, k);
          out[(i * 3 + j) * 4 + k] = log ? v - m - Math.log(z) : Math.exp(v - m) / z;
        }
    return out;
  }

  it('LOW, MEDIUM and HIGH_DIMENSION run over dims 2, 1 and 0 of the 3-D view; CNNL_SOFTMAX_LOG is LogSoftmax', () =>
    inProcess((p, h) => {
      const X = upload(x);
      const d = descriptor([2, 3, 4]);
      const cases = [
        [CNNL_SOFTMAX_MODE_LOW_DIMENSION, 2],
        [CNNL_SOFTMAX_MODE_MEDIUM_DIMENSION, 1],
        [CNNL_SOFTMAX_MODE_HIGH_DIMENSION, 0],
      ] as const;
      for (const [mode, axis] of cases) {
        const Y = allocate(96);
        expect(cnnlSoftmaxForward_v2(h, CNNL_SOFTMAX_ACCURATE, mode, CNNL_COMPUTATION_FAST, null, d, X, null, d, Y)).toBe(CNNL_STATUS_SUCCESS);
        expectCloseArrays(download(Y, 24), reference(axis, false), FP32, mode);
        expect(lastOp(p).attributes).toMatchObject({ axis });
      }
      const Y = allocate(96);
      expect(cnnlSoftmaxForward(h, CNNL_SOFTMAX_LOG, CNNL_SOFTMAX_MODE_LOW_DIMENSION, null, d, X, null, d, Y)).toBe(CNNL_STATUS_SUCCESS);
      expectCloseArrays(download(Y, 24), reference(2, true), FP32);
      expect(lastOp(p).op).toBe('LogSoftmax');
    }));

  it('takes 3-D descriptors only (PaddleCustomDevice and torch_mlu reshape to [d1, d2, d3])', () =>
    inProcess((p, h) => {
      const d = descriptor([6, 4]);
      expect(cnnlSoftmaxForward(h, CNNL_SOFTMAX_ACCURATE, CNNL_SOFTMAX_MODE_LOW_DIMENSION, null, d, upload(x), null, d, allocate(96))).toBe(CNNL_STATUS_BAD_PARAM);
      expect(p.diagnostics.entries[0].message).toMatch(/3-D tensors/);
    }));
});

describe('CNNL normalisations', () => {
  it('cnnlLayerNormForward normalises dims [axis, rank) and writes mean and rstd', () =>
    inProcess((p, h) => {
      const x = seeded(24, 21, 2);
      const w = seeded(4, 22);
      const b = seeded(4, 23);
      const xd = descriptor([2, 3, 4]);
      const size = ref<number>();
      expect(cnnlGetLayerNormOpWorkspaceSize(h, 2, xd, size)).toBe(CNNL_STATUS_SUCCESS);
      expect(size.value).toBe(2 * 6 * 4);
      const [X, W, B, Y, M, R, ws] = [upload(x), upload(w), upload(b), allocate(96), allocate(24), allocate(24), allocate(size.value)];
      const md = descriptor([2, 3]);
      expect(cnnlLayerNormForward(h, xd, X, 2, descriptor([4]), W, B, 1e-5, ws, 0, xd, Y, md, M, R)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(diagnosticIds(p)).toEqual(['OB2011']);
      expect(cnnlLayerNormForward(h, xd, X, 2, descriptor([4]), W, B, 1e-5, ws, size.value, xd, Y, md, M, R)).toBe(CNNL_STATUS_SUCCESS);
      const mean: number[] = [];
      const rstd: number[] = [];
      const y: number[] = [];
      for (let r = 0; r < 6; r++) {
        const row = Array.from(x.subarray(r * 4, r * 4 + 4));
        const m = row.reduce((s, v) => s + v, 0) / 4;
        const v = row.reduce((s, t) => s + (t - m) ** 2, 0) / 4;
        const inv = 1 / Math.sqrt(v + Math.fround(1e-5));
        mean.push(m);
        rstd.push(inv);
        row.forEach((t, i) => y.push((t - m) * inv * w[i] + b[i]));
      }
      expectCloseArrays(download(Y, 24), y, FP32);
      expectCloseArrays(download(M, 6), mean, FP32);
      expectCloseArrays(download(R, 6), rstd, FP32);
    }));

  it('cnnlRmsNormForward adds the optional bias and writes 1 / rms to saved_rms', () =>
    inProcess((_p, h) => {
      const x = seeded(12, 31, 2);
      const s = seeded(4, 32);
      const b = seeded(4, 33);
      const xd = descriptor([3, 4]);
      const size = ref<number>();
      expect(cnnlGetRmsNormOpWorkspaceSize(h, 1, xd, size)).toBe(CNNL_STATUS_SUCCESS);
      const [X, S, B, Y, R, ws] = [upload(x), upload(s), upload(b), allocate(48), allocate(12), allocate(size.value)];
      expect(cnnlRmsNormForward(h, 1, xd, X, descriptor([4]), S, B, 1e-6, ws, size.value, xd, Y, descriptor([3]), R)).toBe(CNNL_STATUS_SUCCESS);
      const y: number[] = [];
      const inv: number[] = [];
      for (let r = 0; r < 3; r++) {
        const row = Array.from(x.subarray(r * 4, r * 4 + 4));
        const k = 1 / Math.sqrt(row.reduce((acc, v) => acc + v * v, 0) / 4 + Math.fround(1e-6));
        inv.push(k);
        row.forEach((v, i) => y.push(v * k * s[i] + b[i]));
      }
      // Y is rounded to float32 twice (the operator's output, then the bias glue): 2 ulp.
      expectCloseArrays(download(Y, 12), y, { rtol: 2.5e-7 * 2 + 1.3e-6, atol: 1e-5 });
      expectCloseArrays(download(R, 3), inv, FP32);
    }));

  it('cnnlBatchNormForwardInference runs on channels-last data and rejects NCHW', () =>
    inProcess((p, h) => {
      const x = seeded(2 * 2 * 2 * 3, 41, 2); // NHWC [2, 2, 2, 3]
      const [w, b, m, v] = [seeded(3, 42), seeded(3, 43), seeded(3, 44), Float32Array.of(0.5, 1, 2)];
      const xd = descriptor([2, 2, 2, 3], CNNL_LAYOUT_NHWC);
      const cd = descriptor([3]);
      const [X, W, B, M, V, Y] = [upload(x), upload(w), upload(b), upload(m), upload(v), allocate(96)];
      expect(cnnlBatchNormForwardInference(h, null, null, xd, X, cd, W, B, M, V, 1e-5, xd, Y)).toBe(CNNL_STATUS_SUCCESS);
      const expected = Array.from(x, (t, i) => {
        const c = i % 3;
        return ((t - m[c]) / Math.sqrt(v[c] + Math.fround(1e-5))) * w[c] + b[c];
      });
      expectCloseArrays(download(Y, 24), expected, FP32);
      const nchw = descriptor([2, 3, 2, 2], CNNL_LAYOUT_NCHW);
      expect(cnnlBatchNormForwardInference(h, null, null, nchw, X, cd, W, B, M, V, 1e-5, nchw, Y)).toBe(CNNL_STATUS_NOT_SUPPORTED);
      expect(diagnosticIds(p)).toEqual(['OB2014']);
    }));
});

function reduceDesc(axes: number[], op: unknown, indices?: unknown): cnnlReduceDescriptor_t {
  const d = ref<cnnlReduceDescriptor_t>();
  cnnlCreateReduceDescriptor(d);
  expect(cnnlSetReduceDescriptor_v2(d.value, axes, axes.length, op as never, CNNL_DTYPE_FLOAT, CNNL_NOT_PROPAGATE_NAN, indices as never)).toBe(CNNL_STATUS_SUCCESS);
  return d.value;
}

describe('cnnlReduce', () => {
  const x = seeded(24, 51, 4);
  const xd = () => descriptor([2, 3, 4]);

  it('sums and averages over the descriptor axes, keeping reduced dims as 1', () =>
    inProcess((_p, h) => {
      const X = upload(x);
      const yd = descriptor([2, 1, 4]);
      const desc = reduceDesc([1], CNNL_REDUCE_ADD);
      const size = ref<number>();
      expect(cnnlGetReduceOpWorkspaceSize(h, xd(), yd, desc, size)).toBe(CNNL_STATUS_SUCCESS);
      const ws = allocate(size.value);
      const Y = allocate(32);
      expect(cnnlReduce(h, desc, ws, size.value, null, xd(), X, 0, null, null, yd, Y)).toBe(CNNL_STATUS_SUCCESS);
      const sums = Array.from({ length: 8 }, (_, o) => {
        const [i, k] = [Math.floor(o / 4), o % 4];
        return x[i * 12 + k] + x[i * 12 + 4 + k] + x[i * 12 + 8 + k];
      });
      expectCloseArrays(download(Y, 8), sums, FP32);
      expect(cnnlReduce(h, reduceDesc([1], CNNL_REDUCE_AVG), ws, size.value, null, xd(), X, 0, null, null, yd, Y)).toBe(CNNL_STATUS_SUCCESS);
      expectCloseArrays(download(Y, 8), sums.map((s) => s / 3), FP32);
    }));

  it('writes int32 arg max indices with CNNL_REDUCE_ONLY_INDICES', () =>
    inProcess((_p, h) => {
      const X = upload(x);
      const yd = descriptor([2, 3, 1]);
      const I = allocate(24);
      const desc = reduceDesc([2], CNNL_REDUCE_MAX, CNNL_REDUCE_ONLY_INDICES);
      const size = ref<number>();
      cnnlGetReduceOpWorkspaceSize(h, xd(), yd, desc, size);
      expect(cnnlReduce(h, desc, allocate(size.value), size.value, null, xd(), X, 24, I, null, yd, allocate(24))).toBe(CNNL_STATUS_SUCCESS);
      const idx = new Int32Array(6);
      cnrtMemcpy(idx, I, 24, cnrtMemcpyDevToHost);
      const expected = Array.from({ length: 6 }, (_, r) => {
        const row = Array.from(x.subarray(r * 4, r * 4 + 4));
        return row.indexOf(Math.max(...row));
      });
      expect(Array.from(idx)).toEqual(expected);
    }));
});

describe('CNNL data movement', () => {
  it('cnnlTranspose_v2 converts NCHW data to NHWC with perm {0, 2, 3, 1}', () =>
    inProcess((_p, h) => {
      const x = Float32Array.from({ length: 24 }, (_, i) => i);
      const t = ref<cnnlTransposeDescriptor_t>();
      cnnlCreateTransposeDescriptor(t);
      cnnlSetTransposeDescriptor(t.value, 4, [0, 2, 3, 1]);
      const Y = allocate(96);
      expect(cnnlTranspose_v2(h, t.value, descriptor([1, 2, 3, 4], CNNL_LAYOUT_NCHW), upload(x), descriptor([1, 3, 4, 2], CNNL_LAYOUT_NHWC), Y, null, 0)).toBe(CNNL_STATUS_SUCCESS);
      const expected: number[] = [];
      for (let hh = 0; hh < 3; hh++) for (let w = 0; w < 4; w++) for (let c = 0; c < 2; c++) expected.push(c * 12 + hh * 4 + w);
      expect(Array.from(download(Y, 24))).toEqual(expected);
    }));

  it('cnnlCastDataType checks the cast pair against the descriptors', () =>
    inProcess((p, h) => {
      const x = Float32Array.of(1 / 3, 65504, 1e-8, -2.5);
      const Y = allocate(8);
      const yd = descriptor([4], CNNL_LAYOUT_ARRAY, CNNL_DTYPE_HALF);
      expect(cnnlCastDataType(h, descriptor([4]), upload(x), CNNL_CAST_FLOAT_TO_HALF, yd, Y)).toBe(CNNL_STATUS_SUCCESS);
      const bits = new Uint16Array(4);
      cnrtMemcpy(bits, Y, 8, cnrtMemcpyDevToHost);
      expect(Array.from(fromFloat16Bits(bits))).toEqual(Array.from(x, (v) => roundToHalf(v, 'float16')));
      expect(cnnlCastDataType(h, descriptor([4], CNNL_LAYOUT_ARRAY, CNNL_DTYPE_INT32), upload(new Int32Array(4)), CNNL_CAST_FLOAT_TO_HALF, yd, Y)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(diagnosticIds(p)).toEqual(['OB2013']);
    }));

  it('cnnlConcat and cnnlSplit move pieces along an axis, with pointer-table workspaces', () =>
    inProcess((_p, h) => {
      const a = Float32Array.of(1, 2, 3, 4);
      const b = Float32Array.of(5, 6);
      const size = ref<number>();
      expect(cnnlGetConcatWorkspaceSize(h, 2, size)).toBe(CNNL_STATUS_SUCCESS);
      expect(size.value).toBe(16);
      const Y = allocate(24);
      const ws = allocate(16);
      expect(cnnlConcat(h, 2, 1, [descriptor([2, 2]), descriptor([2, 1])], [upload(a), upload(b)], ws, 16, descriptor([2, 3]), Y)).toBe(CNNL_STATUS_SUCCESS);
      expect(Array.from(download(Y, 6))).toEqual([1, 2, 5, 3, 4, 6]);
      expect(cnnlGetSplitWorkspaceSize(h, 2, size)).toBe(CNNL_STATUS_SUCCESS);
      const [P, Q] = [allocate(16), allocate(8)];
      expect(cnnlSplit(h, 2, -1, descriptor([2, 3]), Y, ws, 16, [descriptor([2, 2]), descriptor([2, 1])], [P, Q])).toBe(CNNL_STATUS_SUCCESS);
      expect([Array.from(download(P, 4)), Array.from(download(Q, 2))]).toEqual([Array.from(a), Array.from(b)]);
    }));

  it('cnnlEmbeddingForward_v2 gathers rows by int32 indices', () =>
    inProcess((_p, h) => {
      const w = Float32Array.from({ length: 12 }, (_, i) => i / 2);
      const idx = Int32Array.of(2, 0, 2, 1);
      const Y = allocate(48);
      const id = descriptor([2, 2], CNNL_LAYOUT_ARRAY, CNNL_DTYPE_INT32);
      expect(cnnlEmbeddingForward_v2(h, descriptor([4, 3]), upload(w), id, upload(idx), -1, null, null, descriptor([2, 2, 3]), Y)).toBe(CNNL_STATUS_SUCCESS);
      expect(Array.from(download(Y, 12))).toEqual(Array.from(idx).flatMap((r) => [w[r * 3], w[r * 3 + 1], w[r * 3 + 2]]));
    }));
});

describe('CNNL random generators', () => {
  it('draws uniform values in [min, max), a fresh stream per call, reproducible from the seed', () =>
    inProcess((_p, h) => {
      const g = ref<cnnlRandGenerator_t>();
      expect(cnnlRandCreateGenerator(g, CNNL_RAND_RNG_MTGP32)).toBe(CNNL_STATUS_SUCCESS);
      cnnlRandSetPseudoRandomGeneratorSeed(g.value, 42);
      const draw = () => {
        const out: DevicePtr = allocate(4096 * 4);
        expect(cnnlRandGenerateUniform(h, g.value, CNNL_DTYPE_FLOAT, null, 4096, -2, 3, out)).toBe(CNNL_STATUS_SUCCESS);
        return download(out, 4096);
      };
      const first = draw();
      const second = draw();
      expect(Math.min(...first)).toBeGreaterThanOrEqual(-2);
      expect(Math.max(...first)).toBeLessThan(3);
      // Mean of 4096 uniform(-2, 3) draws: 0.5 ± 4 σ (σ = 5 / sqrt(12 · 4096) ≈ 0.023).
      expect(Math.abs(first.reduce((s, v) => s + v, 0) / 4096 - 0.5)).toBeLessThan(0.1);
      expect(Array.from(second)).not.toEqual(Array.from(first));
      cnnlRandSetPseudoRandomGeneratorSeed(g.value, 42);
      expect(Array.from(draw())).toEqual(Array.from(first));
      expect(cnnlRandDestroyGenerator(g.value)).toBe(CNNL_STATUS_SUCCESS);
    }));
});
