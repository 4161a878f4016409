/**
 * CNNL matrix products, NHWC convolution and pooling: argument orders, descriptor attributes
 * (TRANSA / TRANSB / USE_BETA), heuristic and workspace queries, the channels-last
 * requirement, and the TF32 switches. References are float64 loops written here; TF32
 * references round each operand to 10 mantissa bits (nearest even) first.
 */
import { describe, expect, it } from 'vitest';
import {
  CNNL_CONVOLUTION_FWD_ALGO_DIRECT,
  CNNL_CONVOLUTION_FWD_FASTEST,
  CNNL_DTYPE_FLOAT,
  CNNL_LAYOUT_HWCN,
  CNNL_LAYOUT_NCHW,
  CNNL_LAYOUT_NHWC,
  CNNL_MATMUL_ALLOW_TF32,
  CNNL_MATMUL_DESC_TRANSA,
  CNNL_MATMUL_DESC_TRANSB,
  CNNL_MATMUL_USE_BETA,
  CNNL_NOT_PROPAGATE_NAN,
  CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING,
  CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING,
  CNNL_POOLING_MAX,
  CNNL_STATUS_BAD_PARAM,
  CNNL_STATUS_EXECUTION_FAILED,
  CNNL_STATUS_NOT_SUPPORTED,
  CNNL_STATUS_SUCCESS,
  cnnlBatchMatMulBCast_v2,
  cnnlConvolutionForward,
  cnnlCreate,
  cnnlCreateConvolutionDescriptor,
  cnnlCreateMatMulHeuristicResult,
  cnnlCreatePoolingDescriptor,
  cnnlGetBatchMatMulAlgoHeuristic,
  cnnlGetBatchMatMulHeuristicResult,
  cnnlGetConvolutionForwardAlgorithm,
  cnnlGetConvolutionForwardWorkspaceSize,
  cnnlGetMatMulAlgoHeuristic,
  cnnlGetMatMulHeuristicResult,
  cnnlGetPoolingWorkspaceSize,
  cnnlMatMul,
  cnnlMatMulAlgoCreate,
  cnnlMatMulDescCreate,
  cnnlMatMul_v2,
  cnnlPoolingForward,
  cnnlSetConvolutionDescriptor,
  cnnlSetConvolutionDescriptorAllowTF32,
  cnnlSetMatMulDescAttr,
  cnnlSetPooling2dDescriptor_v2,
  ref,
  type DevicePtr,
  type cnnlConvolutionDescriptor_t,
  type cnnlConvolutionForwardAlgo_t,
  type cnnlHandle_t,
  type cnnlMatMulAlgo_t,
  type cnnlMatMulDescriptor_t,
  type cnnlMatMulHeuristicResult_t,
  type cnnlPoolingDescriptor_t,
} from '../../../src/backends/cambricon/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import type { RunMode } from '../../../src/runtime/kernel.js';
import { allocate, descriptor, diagnosticIds, download, expectCloseArrays, lastOp, upload } from './device-helpers.js';

/** float32 results of short (K <= 27) float32 sums: torch's float32 defaults. */
const FP32 = { rtol: 1.3e-6, atol: 1e-5 };

function inProcess<T>(fn: (p: SimProcess, h: cnnlHandle_t) => T, mode: RunMode = 'profiled'): T {
  const p = new SimProcess({ mode });
  return withProcess(p, () => {
    const h = ref<cnnlHandle_t>();
    cnnlCreate(h);
    return fn(p, h.value);
  });
}

/** Round to TF32 (10 mantissa bits, nearest even), written independently of the runtime. */
function tf32(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer);
  u[0] = (u[0] + 0xfff + ((u[0] >>> 13) & 1)) & ~0x1fff;
  return f[0];
}

/** Row-major C[m, n] = Σ_k A[m, k]·B[k, n], operands passed through `round`. */
function gemm(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number, round = (x: number) => x): number[] {
  return Array.from({ length: m * n }, (_, idx) => {
    const [i, j] = [Math.floor(idx / n), idx % n];
    let s = 0;
    for (let t = 0; t < k; t++) s += round(a[i * k + t]) * round(b[t * n + j]);
    return s;
  });
}

function transpose(x: ArrayLike<number>, rows: number, cols: number): number[] {
  return Array.from({ length: rows * cols }, (_, idx) => x[(idx % rows) * cols + Math.floor(idx / rows)]);
}

function matmulDesc(attrs: [unknown, number][]): cnnlMatMulDescriptor_t {
  const d = ref<cnnlMatMulDescriptor_t>();
  expect(cnnlMatMulDescCreate(d)).toBe(CNNL_STATUS_SUCCESS);
  for (const [attr, value] of attrs) expect(cnnlSetMatMulDescAttr(d.value, attr as never, Int32Array.of(value), 4)).toBe(CNNL_STATUS_SUCCESS);
  return d.value;
}

function heuristic(h: cnnlHandle_t, desc: cnnlMatMulDescriptor_t, a: unknown, b: unknown, c: unknown, d: unknown): { algo: cnnlMatMulAlgo_t; size: number } {
  const result = ref<cnnlMatMulHeuristicResult_t>();
  const algo = ref<cnnlMatMulAlgo_t>();
  const returned = ref<number>();
  const size = ref<number>();
  cnnlCreateMatMulHeuristicResult(result);
  cnnlMatMulAlgoCreate(algo);
  expect(cnnlGetMatMulAlgoHeuristic(h, desc, a as never, b as never, c as never, d as never, null, 1, [result.value], returned)).toBe(CNNL_STATUS_SUCCESS);
  expect(returned.value).toBe(1);
  expect(cnnlGetMatMulHeuristicResult(result.value, algo.value, size)).toBe(CNNL_STATUS_SUCCESS);
  return { algo: algo.value, size: size.value };
}

describe('cnnlMatMul_v2', () => {
  const [M, K, N] = [3, 6, 4];
  const a = randomFloat32(M * K, 1);
  const bT = randomFloat32(N * K, 2); // B stored transposed: [N, K]
  const c = randomFloat32(M * N, 3);

  function run(h: cnnlHandle_t, allowTf32: number | undefined): Float32Array {
    const attrs: [unknown, number][] = [
      [CNNL_MATMUL_DESC_TRANSB, 1],
      [CNNL_MATMUL_USE_BETA, 1],
    ];
    if (allowTf32 !== undefined) attrs.push([CNNL_MATMUL_ALLOW_TF32, allowTf32]);
    const desc = matmulDesc(attrs);
    const [ad, bd, cd] = [descriptor([M, K]), descriptor([N, K]), descriptor([M, N])];
    const { algo, size } = heuristic(h, desc, ad, bd, cd, cd);
    expect(size).toBe(M * N * 4);
    const D = allocate(M * N * 4);
    expect(cnnlMatMul_v2(h, desc, algo, 1.5, ad, upload(a), bd, upload(bT), 0.5, cd, upload(c), allocate(size), size, cd, D)).toBe(CNNL_STATUS_SUCCESS);
    return download(D, M * N);
  }

  const expectedWith = (round?: (x: number) => number) =>
    gemm(a, transpose(bT, N, K), M, K, N, round).map((ab, i) => 1.5 * ab + 0.5 * c[i]);

  it('computes D = alpha·A·op(B) + beta·C with TRANSB and USE_BETA; ALLOW_TF32 = 0 is IEEE float32', () =>
    inProcess((p, h) => {
      expectCloseArrays(run(h, 0), expectedWith(), FP32);
      const record = lastOp(p);
      expect(record.op).toBe('Gemm');
      expect(record.attributes).toMatchObject({ alpha: 1.5, beta: 0.5, transA: 0, transB: 1 });
      expect(record.profile).toContain('cnnlSetMatMulDescAttr.buf=0');
    }));

  it('ALLOW_TF32 = 1 rounds float32 operands to TF32 and moves results by about 2^-11 relative; golden mode is unaffected', () => {
    const fp32 = inProcess((_p, h) => run(h, 0));
    const tf = inProcess((_p, h) => run(h, 1));
    expectCloseArrays(tf, expectedWith(tf32), FP32, 'tf32');
    const exact = expectedWith();
    const worst = Math.max(...Array.from(tf, (v, i) => Math.abs(v - exact[i])));
    // TF32 keeps 10 mantissa bits: each product is off by up to ~2^-10 relative; |a|, |b| < 1 and K = 6.
    expect(worst).toBeGreaterThan(1e-5);
    expect(worst).toBeLessThan(1.5 * K * 2 ** -10);
    expect(Math.max(...Array.from(fp32, (v, i) => Math.abs(v - exact[i])))).toBeLessThan(1e-5);
    const golden = inProcess((_p, h) => run(h, 1), 'golden');
    expect(Array.from(golden)).toEqual(exact.map(Math.fround));
  });

  it('without ALLOW_TF32 the Cambricon default profile applies (TF32: unconfirmed, see docs)', () =>
    inProcess((p, h) => {
      expectCloseArrays(run(h, undefined), expectedWith(tf32), FP32);
      expect(lastOp(p).profile).toBe('cambricon.default');
    }));

  it('checks the workspace against the heuristic size (OB2011) and the attribute buffer size', () =>
    inProcess((p, h) => {
      const desc = matmulDesc([]);
      const [ad, bd, dd] = [descriptor([M, K]), descriptor([K, N]), descriptor([M, N])];
      const { algo, size } = heuristic(h, desc, ad, bd, null, dd);
      const [A, B, D] = [upload(a), upload(bT), allocate(M * N * 4)];
      expect(cnnlMatMul_v2(h, desc, algo, 1, ad, A, bd, B, 0, null, null, null, 0, dd, D)).toBe(CNNL_STATUS_BAD_PARAM);
      // A workspace_size larger than the allocation is a device fault (the kernel would write past it).
      expect(cnnlMatMul_v2(h, desc, algo, 1, ad, A, bd, B, 0, null, null, allocate(8), size, dd, D)).toBe(CNNL_STATUS_EXECUTION_FAILED);
      expect(cnnlSetMatMulDescAttr(desc, CNNL_MATMUL_DESC_TRANSA, Int32Array.of(1), 8)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(cnnlMatMul_v2(h, desc, algo, 1, ad, A, descriptor([N, K]), B, 0, null, null, allocate(size), size, dd, D)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(diagnosticIds(p)).toEqual(['OB2011', 'OB2001', 'OB2013', 'OB2013']);
    }));
});

describe('cnnlMatMul (legacy) and cnnlBatchMatMulBCast_v2', () => {
  it('legacy cnnlMatMul takes trans flags as arguments and updates C in place', () =>
    inProcess((_p, h) => {
      const [M, K, N] = [2, 3, 2];
      const aT = randomFloat32(K * M, 4); // A stored [K, M]
      const b = randomFloat32(K * N, 5);
      const c = randomFloat32(M * N, 6);
      const C = upload(c);
      expect(cnnlMatMul(h, true, false, 2, descriptor([K, M]), upload(aT), descriptor([K, N]), upload(b), -1, descriptor([M, N]), C)).toBe(CNNL_STATUS_SUCCESS);
      const expected = gemm(transpose(aT, K, M), b, M, K, N, tf32).map((v, i) => 2 * v - c[i]);
      expectCloseArrays(download(C, M * N), expected, FP32);
    }));

  it('batch matmul broadcasts batch dims, transposes as views and blends alpha / beta', () =>
    inProcess((p, h) => {
      const [Bt, M, K, N] = [2, 3, 4, 2];
      const aT = randomFloat32(Bt * K * M, 7); // [2, K, M] with TRANSA
      const b = randomFloat32(K * N, 8); // [K, N] broadcast over the batch
      const c = randomFloat32(Bt * M * N, 9);
      const desc = matmulDesc([
        [CNNL_MATMUL_DESC_TRANSA, 1],
        [CNNL_MATMUL_USE_BETA, 1],
        [CNNL_MATMUL_ALLOW_TF32, 0],
      ]);
      const [ad, bd, cd] = [descriptor([Bt, K, M]), descriptor([K, N]), descriptor([Bt, M, N])];
      const result = ref<cnnlMatMulHeuristicResult_t>();
      const algo = ref<cnnlMatMulAlgo_t>();
      const [returned, size] = [ref<number>(), ref<number>()];
      cnnlCreateMatMulHeuristicResult(result);
      cnnlMatMulAlgoCreate(algo);
      expect(cnnlGetBatchMatMulAlgoHeuristic(h, desc, ad, bd, cd, null, 1, result.value, returned)).toBe(CNNL_STATUS_SUCCESS);
      expect(cnnlGetBatchMatMulHeuristicResult(result.value, algo.value, size)).toBe(CNNL_STATUS_SUCCESS);
      const C = upload(c);
      expect(cnnlBatchMatMulBCast_v2(h, desc, algo.value, 0.5, ad, upload(aT), bd, upload(b), 2, cd, C, allocate(size.value), size.value)).toBe(CNNL_STATUS_SUCCESS);
      const expected = [0, 1].flatMap((t) => gemm(transpose(aT.subarray(t * K * M, (t + 1) * K * M), K, M), b, M, K, N)).map((v, i) => 0.5 * v + 2 * c[i]);
      // The product is rounded to float32 before the float32 blend: one extra rounding.
      expectCloseArrays(download(C, Bt * M * N), expected, { rtol: 2.6e-6, atol: 1e-5 });
      expect(lastOp(p).op).toBe('MatMul');
    }));
});

/** NHWC convolution reference: x [N, H, W, C], w [O, kH, kW, C/g], pads {top, bottom, left, right}. */
function conv2d(
  x: ArrayLike<number>,
  [n, hIn, wIn, c]: number[],
  w: ArrayLike<number>,
  [o, kh, kw]: number[],
  pads: number[],
  strides: number[],
  group: number,
  bias: ArrayLike<number> | undefined,
  round = (v: number) => v,
): { y: number[]; shape: number[] } {
  const ho = Math.floor((hIn + pads[0] + pads[1] - kh) / strides[0]) + 1;
  const wo = Math.floor((wIn + pads[2] + pads[3] - kw) / strides[1]) + 1;
  const cg = c / group;
  const og = o / group;
  const y: number[] = [];
  for (let b = 0; b < n; b++)
    for (let i = 0; i < ho; i++)
      for (let j = 0; j < wo; j++)
        for (let oc = 0; oc < o; oc++) {
          const g = Math.floor(oc / og);
          let s = bias ? bias[oc] : 0;
          for (let di = 0; di < kh; di++)
            for (let dj = 0; dj < kw; dj++) {
              const [yi, xj] = [i * strides[0] - pads[0] + di, j * strides[1] - pads[2] + dj];
              if (yi < 0 || yi >= hIn || xj < 0 || xj >= wIn) continue;
              for (let ci = 0; ci < cg; ci++) {
                s += round(x[((b * hIn + yi) * wIn + xj) * c + g * cg + ci]) * round(w[((oc * kh + di) * kw + dj) * cg + ci]);
              }
            }
          y.push(s);
        }
  return { y, shape: [n, ho, wo, o] };
}

function convDesc(pads: number[], strides: number[], group: number, allowTf32?: number): cnnlConvolutionDescriptor_t {
  const d = ref<cnnlConvolutionDescriptor_t>();
  cnnlCreateConvolutionDescriptor(d);
  expect(cnnlSetConvolutionDescriptor(d.value, 4, pads, strides, [1, 1], group, CNNL_DTYPE_FLOAT)).toBe(CNNL_STATUS_SUCCESS);
  if (allowTf32 !== undefined) expect(cnnlSetConvolutionDescriptorAllowTF32(d.value, allowTf32)).toBe(CNNL_STATUS_SUCCESS);
  return d.value;
}

describe('cnnlConvolutionForward (NHWC)', () => {
  const xShape = [1, 5, 6, 3];
  const x = randomFloat32(90, 11);
  const w = randomFloat32(4 * 3 * 3 * 3, 12);
  const bias = randomFloat32(4, 13);
  const pads = [1, 0, 1, 1];
  const strides = [2, 1];

  function run(h: cnnlHandle_t, allowTf32: number | undefined): { y: Float32Array; expected: number[]; shape: number[] } {
    const ref64 = conv2d(x, xShape, w, [4, 3, 3], pads, strides, 1, bias);
    const desc = convDesc(pads, strides, 1, allowTf32);
    const [xd, wd, yd] = [descriptor(xShape, CNNL_LAYOUT_NHWC), descriptor([4, 3, 3, 3], CNNL_LAYOUT_NHWC), descriptor(ref64.shape, CNNL_LAYOUT_NHWC)];
    const algo = ref<cnnlConvolutionForwardAlgo_t>();
    expect(cnnlGetConvolutionForwardAlgorithm(h, desc, xd, wd, yd, CNNL_CONVOLUTION_FWD_FASTEST, algo)).toBe(CNNL_STATUS_SUCCESS);
    expect(algo.value).toBe(CNNL_CONVOLUTION_FWD_ALGO_DIRECT);
    const size = ref<number>();
    const bd = descriptor([4]);
    expect(cnnlGetConvolutionForwardWorkspaceSize(h, xd, wd, yd, bd, desc, algo.value, size)).toBe(CNNL_STATUS_SUCCESS);
    expect(size.value).toBe(3 * 9 * ref64.shape[1] * ref64.shape[2] * 4);
    const Y = allocate(ref64.y.length * 4);
    expect(cnnlConvolutionForward(h, desc, algo.value, null, xd, upload(x), wd, upload(w), bd, upload(bias), allocate(size.value), size.value, null, yd, Y)).toBe(CNNL_STATUS_SUCCESS);
    return { y: download(Y, ref64.y.length), expected: ref64.y, shape: ref64.shape };
  }

  it('convolves NHWC data with an NHWC-ordered filter, fused bias, pads as (before, after) pairs', () =>
    inProcess((p, h) => {
      const { y, expected, shape } = run(h, 0);
      expect(shape).toEqual([1, 2, 6, 4]);
      // 27-term float32 sums: torch's float32 tolerance.
      expectCloseArrays(y, expected, FP32);
      const record = lastOp(p);
      expect(record.op).toBe('Conv');
      expect(record.attributes).toMatchObject({ data_format: 'NHWC', pads: [1, 1, 0, 1], strides: [2, 1], group: 1 });
    }));

  it('AllowTF32 = 1 rounds float32 operands to TF32 (the bias is added exactly)', () =>
    inProcess((_p, h) => {
      const { y, expected } = run(h, 1);
      const tfRef = conv2d(x, xShape, w, [4, 3, 3], pads, strides, 1, bias, tf32).y;
      expectCloseArrays(y, tfRef, FP32, 'tf32');
      expect(Math.max(...Array.from(y, (v, i) => Math.abs(v - expected[i])))).toBeGreaterThan(1e-5);
    }));

  it('rejects NCHW tensors with CNNL_STATUS_NOT_SUPPORTED (transpose to NHWC first) and wrong output shapes', () =>
    inProcess((p, h) => {
      const desc = convDesc([0, 0, 0, 0], [1, 1], 1, 0);
      const xd = descriptor([1, 3, 5, 6], CNNL_LAYOUT_NCHW);
      const wd = descriptor([4, 3, 3, 3], CNNL_LAYOUT_NCHW);
      const yd = descriptor([1, 4, 3, 4], CNNL_LAYOUT_NCHW);
      const X = upload(x);
      expect(cnnlConvolutionForward(h, desc, CNNL_CONVOLUTION_FWD_ALGO_DIRECT, null, xd, X, wd, upload(w), null, null, null, 0, null, yd, allocate(192))).toBe(CNNL_STATUS_NOT_SUPPORTED);
      expect(p.diagnostics.entries.at(-1)!.message).toMatch(/transpose NCHW data to NHWC/);
      const badY = descriptor([1, 3, 4, 5], CNNL_LAYOUT_NHWC);
      const size = ref<number>();
      expect(cnnlGetConvolutionForwardWorkspaceSize(h, descriptor(xShape, CNNL_LAYOUT_NHWC), descriptor([4, 3, 3, 3], CNNL_LAYOUT_NHWC), badY, null, desc, CNNL_CONVOLUTION_FWD_ALGO_DIRECT, size)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(diagnosticIds(p)).toEqual(['OB2014', 'OB2013']);
    }));

  it('runs a depth-wise convolution with torch_mlu\'s HWCN filter layout', () =>
    inProcess((_p, h) => {
      const c = 3;
      const xs = [1, 4, 4, c];
      const xdata = randomFloat32(48, 14);
      const whwcn = randomFloat32(3 * 3 * 1 * c, 15); // [kH, kW, C/group = 1, O = 3]
      const wohwc = Array.from({ length: 27 }, (_, i) => {
        const [oc, rest] = [Math.floor(i / 9), i % 9];
        return whwcn[rest * c + oc];
      });
      const ref64 = conv2d(xdata, xs, wohwc, [c, 3, 3], [1, 1, 1, 1], [1, 1], c, undefined);
      const desc = convDesc([1, 1, 1, 1], [1, 1], c, 0);
      const [xd, wd, yd] = [descriptor(xs, CNNL_LAYOUT_NHWC), descriptor([3, 3, 1, c], CNNL_LAYOUT_HWCN), descriptor(ref64.shape, CNNL_LAYOUT_NHWC)];
      const size = ref<number>();
      cnnlGetConvolutionForwardWorkspaceSize(h, xd, wd, yd, null, desc, CNNL_CONVOLUTION_FWD_ALGO_DIRECT, size);
      const Y = allocate(ref64.y.length * 4);
      expect(cnnlConvolutionForward(h, desc, CNNL_CONVOLUTION_FWD_ALGO_DIRECT, null, xd, upload(xdata), wd, upload(whwcn), null, null, allocate(size.value), size.value, null, yd, Y)).toBe(CNNL_STATUS_SUCCESS);
      expectCloseArrays(download(Y, ref64.y.length), ref64.y, FP32);
    }));
});

describe('cnnlPoolingForward', () => {
  // x is NCHW [1, 2, 4, 4] as values; the NHWC copy holds the same tensor channels-last.
  const nchw = randomFloat32(32, 21);
  const nhwc = Float32Array.from({ length: 32 }, (_, i) => {
    const [hw, c] = [Math.floor(i / 2), i % 2];
    return nchw[c * 16 + hw];
  });

  function poolDesc(mode: unknown): cnnlPoolingDescriptor_t {
    const d = ref<cnnlPoolingDescriptor_t>();
    cnnlCreatePoolingDescriptor(d);
    expect(cnnlSetPooling2dDescriptor_v2(d.value, mode as never, CNNL_NOT_PROPAGATE_NAN, 3, 3, 1, 1, 1, 1, 2, 2, 1, 1, false)).toBe(CNNL_STATUS_SUCCESS);
    return d.value;
  }

  /** 3x3 windows, stride 2, pad 1 on every side: out 2x2 per channel (NCHW order). */
  function reference(kind: 'max' | 'avg-in' | 'avg-ex'): number[] {
    const out: number[] = [];
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) {
          const vals: number[] = [];
          for (let di = 0; di < 3; di++)
            for (let dj = 0; dj < 3; dj++) {
              const [y, x] = [i * 2 - 1 + di, j * 2 - 1 + dj];
              if (y >= 0 && y < 4 && x >= 0 && x < 4) vals.push(nchw[c * 16 + y * 4 + x]);
            }
          const sum = vals.reduce((s, v) => s + v, 0);
          out.push(kind === 'max' ? Math.max(...vals) : sum / (kind === 'avg-in' ? 9 : vals.length));
        }
    return out;
  }

  const toNhwc = (v: number[]) => Array.from({ length: 8 }, (_, i) => v[(i % 2) * 4 + Math.floor(i / 2)]);

  it('pools NHWC data (max, average including / excluding padding) with the queried workspace', () =>
    inProcess((_p, h) => {
      const cases = [
        [CNNL_POOLING_MAX, 'max', 0],
        [CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING, 'avg-in', 16],
        [CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING, 'avg-ex', 16],
      ] as const;
      for (const [mode, kind, bytes] of cases) {
        const size = ref<number>();
        expect(cnnlGetPoolingWorkspaceSize(h, mode, 2, 2, size)).toBe(CNNL_STATUS_SUCCESS);
        expect(size.value).toBe(bytes);
        const Y: DevicePtr = allocate(32);
        const status = cnnlPoolingForward(h, poolDesc(mode), null, descriptor([1, 4, 4, 2], CNNL_LAYOUT_NHWC), upload(nhwc), null, descriptor([1, 2, 2, 2], CNNL_LAYOUT_NHWC), Y, size.value ? allocate(size.value) : null, size.value);
        expect(status).toBe(CNNL_STATUS_SUCCESS);
        expectCloseArrays(download(Y, 8), toNhwc(reference(kind)), FP32, kind);
      }
    }));

  it('pools NCHW descriptors too (InfiniTensor passes NCHW) and checks the workspace', () =>
    inProcess((p, h) => {
      const Y = allocate(32);
      const args = [h, poolDesc(CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING), null, descriptor([1, 2, 4, 4], CNNL_LAYOUT_NCHW), upload(nchw), null, descriptor([1, 2, 2, 2], CNNL_LAYOUT_NCHW), Y] as const;
      expect(cnnlPoolingForward(...args, null, 0)).toBe(CNNL_STATUS_BAD_PARAM);
      expect(diagnosticIds(p)).toEqual(['OB2011']);
      expect(cnnlPoolingForward(...args, allocate(16), 16)).toBe(CNNL_STATUS_SUCCESS);
      expectCloseArrays(download(Y, 8), reference('avg-ex'), FP32);
      expect(lastOp(p).attributes).toMatchObject({ data_format: 'NCHW', kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] });
    }));
});
