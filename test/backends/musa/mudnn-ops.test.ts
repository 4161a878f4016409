/**
 * muDNN's own-shape calls (torch_musa's C-API path; inferred entries): unary, softmax, pooling,
 * batch norm, reduce, permute and dropout, in process against float64 references, plus their
 * misuse statuses (muDNN's catalog knows only SUCCESS and NOT_SUPPORTED, so every failure is
 * MUDNN_STATUS_NOT_SUPPORTED) and traces under muDNN's names.
 */
import { describe, expect, it } from 'vitest';
import * as musa from '../../../src/backends/musa/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { runProgram } from '../../../src/run/run-program.js';

const OK = musa.MUDNN_STATUS_SUCCESS;
const FAIL = musa.MUDNN_STATUS_NOT_SUPPORTED;

function inProcess(fn: (process: SimProcess) => void): SimProcess {
  const process = new SimProcess();
  withProcess(process, () => fn(process));
  return process;
}

function upload(host: Float32Array | Uint8Array): musa.DevicePtr {
  const p = musa.ref<musa.DevicePtr>();
  expect(musa.musaMalloc(p, host.byteLength)).toBe(musa.musaSuccess);
  expect(musa.musaMemcpy(p.value, host, host.byteLength, musa.musaMemcpyHostToDevice)).toBe(musa.musaSuccess);
  return p.value;
}

function download<T extends Float32Array | Uint8Array>(ptr: musa.DevicePtr, out: T): T {
  expect(musa.musaMemcpy(out, ptr, out.byteLength, musa.musaMemcpyDeviceToHost)).toBe(musa.musaSuccess);
  return out;
}

const packed = (dims: number[]) => dims.map((_, i) => dims.slice(i + 1).reduce((a, b) => a * b, 1));

function tensor(dims: number[], dataType: musa.mudnnDataType_t = musa.MUDNN_DATA_FLOAT, strides = packed(dims)): musa.mudnnTensorDescriptor_t {
  const d = musa.ref<musa.mudnnTensorDescriptor_t>();
  expect(musa.mudnnCreateTensorDescriptor(d)).toBe(OK);
  expect(musa.mudnnSetTensorNdDescriptorWithScale(d.value, musa.MUDNN_TENSOR_NCHW, dataType, dims.length, dims, strides, 1)).toBe(OK);
  return d.value;
}

function handle(): musa.mudnnHandle_t {
  const h = musa.ref<musa.mudnnHandle_t>();
  expect(musa.mudnnCreate(h)).toBe(OK);
  return h.value;
}

/** Float32 rounding of one elementwise result computed in float64: a few ulps of |ref|. */
const closeF32 = (got: number, ref: number, ulps = 4) => expect(Math.abs(got - ref)).toBeLessThanOrEqual(ulps * 2 ** -23 * Math.max(Math.abs(ref), 1e-30));

describe('muDNN own-shape calls', () => {
  it('mudnnUnary: the mode on the unary descriptor picks the operator (SIGMOID, GELU_TANH), output first', () => {
    const x = randomFloat32(24, 11, -3, 3);
    inProcess(() => {
      const h = handle();
      const desc = tensor([2, 3, 4]);
      const dx = upload(x);
      const dy = upload(new Float32Array(24));
      const u = musa.ref<musa.mudnnUnaryDescriptor_t>();
      expect(musa.mudnnCreateUnaryDescriptor(u)).toBe(OK);
      for (const [mode, f] of [
        [musa.MUDNN_UNARY_SIGMOID, (v: number) => 1 / (1 + Math.exp(-v))],
        [musa.MUDNN_UNARY_GELU_TANH, (v: number) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)))],
      ] as const) {
        expect(musa.mudnnSetUnaryDescriptor(u.value, mode, musa.MUDNN_PARAM_DATA_NONE, null, musa.MUDNN_PARAM_DATA_NONE, null)).toBe(OK);
        expect(musa.mudnnUnary(h, u.value, desc, dy, desc, dx)).toBe(OK);
        const y = download(dy, new Float32Array(24));
        // Tolerance: one float32 evaluation of a smooth function (a few ulps, 32 for GELU's tanh chain).
        x.forEach((v, i) => closeF32(y[i], f(v), 32));
      }
      expect(musa.mudnnDestroyUnaryDescriptor(u.value)).toBe(OK);
    });
  });

  it('mudnnSoftmaxForwardEx: LOG_SOFTMAX over the descriptor dim (last axis), exact to float32 rounding', () => {
    const [rows, cols] = [3, 5];
    const x = randomFloat32(rows * cols, 12, -4, 4);
    const process = inProcess(() => {
      const h = handle();
      const desc = tensor([rows, cols]);
      const s = musa.ref<musa.mudnnSoftmaxDescriptor_t>();
      expect(musa.mudnnCreateSoftmaxDescriptor(s)).toBe(OK);
      expect(musa.mudnnSetSoftmaxDescriptor(s.value, -1, musa.MUDNN_SOFTMAX_ACCURATE, musa.MUDNN_SOFTMAX_MODE_LOG_SOFTMAX)).toBe(OK);
      const size = musa.ref<number>();
      expect(musa.mudnnGetSoftmaxForwardWorkspaceSize(h, s.value, desc, desc, size)).toBe(OK);
      expect(size.value).toBe(0);
      const dx = upload(x);
      const dy = upload(new Float32Array(rows * cols));
      expect(musa.mudnnSoftmaxForwardEx(h, s.value, desc, dx, null, 0, desc, dy)).toBe(OK);
      const y = download(dy, new Float32Array(rows * cols));
      for (let r = 0; r < rows; r++) {
        const row = Array.from(x.subarray(r * cols, (r + 1) * cols));
        const max = Math.max(...row);
        const lse = max + Math.log(row.reduce((a, v) => a + Math.exp(v - max), 0));
        // Tolerance: 8 ulps of the magnitude (max subtraction, exp sum and log in float32).
        row.forEach((v, c) => expect(Math.abs(y[r * cols + c] - (v - lse))).toBeLessThanOrEqual(8 * 2 ** -23 * Math.max(Math.abs(v - lse), 1)));
      }
    });
    const record = process.tracer.records.find((r) => r.symbol === 'mudnnSoftmaxForwardEx');
    expect(record).toMatchObject({ backend: 'musa', op: 'LogSoftmax', attributes: { axis: -1 } });
  });

  it('mudnnSetPoolingNdDescriptorEx + mudnnPoolingForwardEx: 2x2 max pooling (exact) and global average pooling', () => {
    const [N, C, H, W] = [1, 2, 4, 4];
    const x = randomFloat32(N * C * H * W, 13);
    inProcess(() => {
      const h = handle();
      const xd = tensor([N, C, H, W]);
      const yd = tensor([N, C, 2, 2]);
      const gd = tensor([N, C, 1, 1]);
      const dx = upload(x);
      const dy = upload(new Float32Array(N * C * 4));
      const dg = upload(new Float32Array(N * C));
      const p = musa.ref<musa.mudnnPoolingDescriptor_t>();
      expect(musa.mudnnCreatePoolingDescriptor(p)).toBe(OK);
      expect(musa.mudnnSetPoolingNdDescriptorEx(p.value, musa.MUDNN_POOLING_MAX, 0, 2, [2, 2], [0, 0], [2, 2], [1, 1])).toBe(OK);
      expect(musa.mudnnPoolingForwardEx(h, p.value, yd, dy, xd, dx, null, null)).toBe(OK);
      const y = download(dy, new Float32Array(N * C * 4));
      for (let c = 0; c < C; c++) {
        for (let i = 0; i < 2; i++) {
          for (let j = 0; j < 2; j++) {
            const at = (a: number, b: number) => x[c * H * W + (2 * i + a) * W + 2 * j + b];
            expect(y[c * 4 + i * 2 + j]).toBe(Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1)));
          }
        }
      }
      expect(musa.mudnnSetPoolingNdDescriptorEx(p.value, musa.MUDNN_POOLING_GLOBAL_AVGPOOL, 0, 2, [H, W], [0, 0], [1, 1], [1, 1])).toBe(OK);
      expect(musa.mudnnPoolingForwardEx(h, p.value, gd, dg, xd, dx, null, null)).toBe(OK);
      const g = download(dg, new Float32Array(N * C));
      for (let c = 0; c < C; c++) {
        const mean = x.subarray(c * H * W, (c + 1) * H * W).reduce((a, v) => a + v, 0) / (H * W);
        // Tolerance: a float32 sum of 16 terms, then a division: 16 ulps.
        expect(Math.abs(g[c] - mean)).toBeLessThanOrEqual(16 * 2 ** -23);
      }
    });
  });

  it('mudnnBatchNormForwardInference: output first, statistics before scale and bias, epsilon from the descriptor', () => {
    const [N, C, HW] = [2, 3, 4];
    const x = randomFloat32(N * C * HW, 14, -2, 2);
    const [mean, variance, scale, bias] = [randomFloat32(C, 15), randomFloat32(C, 16, 0.5, 2), randomFloat32(C, 17), randomFloat32(C, 18)];
    const eps = 1e-3;
    inProcess(() => {
      const h = handle();
      const xd = tensor([N, C, 2, 2]);
      const pd = tensor([1, C, 1, 1]);
      const bn = musa.ref<musa.mudnnBatchNormDescriptor_t>();
      expect(musa.mudnnCreateBatchNormDescriptor(bn)).toBe(OK);
      expect(musa.mudnnSetBatchNormDescriptor(bn.value, musa.MUDNN_BATCHNORM_SPATIAL, eps, false)).toBe(OK);
      const dx = upload(x);
      const dy = upload(new Float32Array(x.length));
      const [dm, dv, ds, db] = [mean, variance, scale, bias].map(upload);
      expect(musa.mudnnBatchNormForwardInference(h, bn.value, xd, dy, xd, dx, pd, dm, pd, dv, pd, ds, pd, db)).toBe(OK);
      const y = download(dy, new Float32Array(x.length));
      x.forEach((v, i) => {
        const c = Math.floor(i / HW) % C;
        // Tolerance: float32 normalisation (subtract, rsqrt, two fused steps): 8 ulps of the magnitude.
        const ref = ((v - mean[c]) / Math.sqrt(variance[c] + eps)) * scale[c] + bias[c];
        expect(Math.abs(y[i] - ref)).toBeLessThanOrEqual(8 * 2 ** -23 * Math.max(Math.abs(ref), 1));
      });
      expect(musa.mudnnSetBatchNormDescriptor(bn.value, musa.MUDNN_BATCHNORM_SPATIAL, eps, true)).toBe(OK);
      expect(musa.mudnnBatchNormForwardInference(h, bn.value, xd, dy, xd, dx, pd, dm, pd, dv, pd, ds, pd, db)).toBe(FAIL);
    });
  });

  it('mudnnSetReduceDescriptor + mudnnReduce: MEAN over the named axis with the output keeping it as 1; a mismatched output is refused', () => {
    const [A, B, D] = [2, 5, 3];
    const x = randomFloat32(A * B * D, 19);
    const process = inProcess(() => {
      const h = handle();
      const ad = tensor([A, B, D]);
      const cd = tensor([A, 1, D]);
      const r = musa.ref<musa.mudnnReduceDescriptor_t>();
      expect(musa.mudnnCreateReduceDescriptor(r)).toBe(OK);
      expect(musa.mudnnSetReduceDescriptor(r.value, musa.MUDNN_REDUCE_MEAN, 1, [1], 2.0, 1)).toBe(OK);
      const bytes = musa.ref<number>();
      expect(musa.mudnnGetReduceWorkspaceSize(h, r.value, bytes, cd, ad)).toBe(OK);
      const ws = musa.ref<musa.DevicePtr>();
      if (bytes.value > 0) expect(musa.musaMalloc(ws, bytes.value)).toBe(musa.musaSuccess);
      const dx = upload(x);
      const dc = upload(new Float32Array(A * D));
      expect(musa.mudnnReduce(h, r.value, ad, dx, bytes.value > 0 ? ws.value : null, bytes.value, cd, dc)).toBe(OK);
      const c = download(dc, new Float32Array(A * D));
      for (let a = 0; a < A; a++) {
        for (let d = 0; d < D; d++) {
          let s = 0;
          for (let b = 0; b < B; b++) s += x[a * B * D + b * D + d];
          // Tolerance: float32 sum of 5 terms and a division: 8 ulps.
          expect(Math.abs(c[a * D + d] - s / B)).toBeLessThanOrEqual(8 * 2 ** -23);
        }
      }
      expect(musa.mudnnSetReduceDescriptor(r.value, musa.MUDNN_REDUCE_MEAN, 1, [2], 2.0, 1)).toBe(OK);
      expect(musa.mudnnReduce(h, r.value, ad, dx, null, 0, cd, dc)).toBe(FAIL);
      expect(musa.mudnnSetReduceDescriptor(r.value, musa.MUDNN_REDUCE_NORM, 1, [1], 2.0, 1)).toBe(FAIL);
    });
    expect(process.diagnostics.entries.map((d) => [d.id, d.symbol])).toEqual([
      ['OB2013', 'mudnnReduce'],
      ['OB2014', 'mudnnSetReduceDescriptor'],
    ]);
  });

  it('mudnnPermute: the tensor descriptors strides decide the layout (NCHW into NHWC), exact', () => {
    const [N, C, H, W] = [1, 3, 2, 2];
    const x = randomFloat32(N * C * H * W, 20);
    const process = inProcess(() => {
      const h = handle();
      const xd = tensor([N, C, H, W]);
      const yd = tensor([N, C, H, W], musa.MUDNN_DATA_FLOAT, [H * W * C, 1, W * C, C]);
      const p = musa.ref<musa.mudnnPermuteDescriptor_t>();
      expect(musa.mudnnCreatePermuteDescriptor(p)).toBe(OK);
      const dx = upload(x);
      const dy = upload(new Float32Array(x.length));
      expect(musa.mudnnPermute(h, p.value, yd, dy, xd, dx)).toBe(OK);
      const y = download(dy, new Float32Array(x.length));
      for (let c = 0; c < C; c++) for (let i = 0; i < H * W; i++) expect(y[i * C + c]).toBe(x[c * H * W + i]);
      expect(musa.mudnnDestroyPermuteDescriptor(p.value)).toBe(OK);
      expect(musa.mudnnPermute(h, p.value, yd, dy, xd, dx)).toBe(FAIL);
    });
    expect(process.tracer.records.some((r) => r.symbol === 'mudnnPermute' && r.backend === 'musa')).toBe(true);
    expect(process.diagnostics.entries.at(-1)).toMatchObject({ id: 'OB2008', symbol: 'mudnnPermute', status: 'MUDNN_STATUS_NOT_SUPPORTED' });
  });

  it('mudnnSetDropoutDescriptorEx + mudnnDropoutForwardEx: kept elements scaled by 1/(1-p), the mask says which, same (seed, offset) same mask', () => {
    const n = 4000;
    const p = 0.25;
    const x = randomFloat32(n, 21, 0.5, 1.5);
    inProcess(() => {
      const h = handle();
      const xd = tensor([n]);
      const md = tensor([n], musa.MUDNN_DATA_BOOLEAN);
      const d = musa.ref<musa.mudnnDropoutDescriptor_t>();
      expect(musa.mudnnCreateDropoutDescriptor(d)).toBe(OK);
      const run = (offset: number) => {
        expect(musa.mudnnSetDropoutDescriptorEx(d.value, p, 1 / (1 - p), musa.MUDNN_PARAM_DATA_UINT64, 42n, musa.MUDNN_PARAM_DATA_UINT64, offset, 0)).toBe(OK);
        const dx = upload(x);
        const dy = upload(new Float32Array(n));
        const dm = upload(new Uint8Array(n));
        expect(musa.mudnnDropoutForwardEx(h, d.value, xd, dx, xd, dy, md, dm)).toBe(OK);
        return { y: download(dy, new Float32Array(n)), mask: download(dm, new Uint8Array(n)) };
      };
      const first = run(0);
      let kept = 0;
      first.y.forEach((v, i) => {
        if (first.mask[i]) {
          kept++;
          closeF32(v, x[i] / (1 - p), 2);
        } else expect(v).toBe(0);
      });
      // Statistics, not positions: the kept fraction is within 5 standard deviations of 1 - p.
      expect(Math.abs(kept / n - (1 - p))).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / n));
      expect(run(0).mask).toEqual(first.mask);
      expect(run(7).mask).not.toEqual(first.mask);
      expect(musa.mudnnSetDropoutDescriptorEx(d.value, p, 2, musa.MUDNN_PARAM_DATA_UINT64, 1, musa.MUDNN_PARAM_DATA_NONE, null, 0)).toBe(FAIL);
    });
  });

  it('refuses misuse with MUDNN_STATUS_NOT_SUPPORTED and names the fault: unset descriptors, parameterised unary modes, pooling indices', () => {
    const process = inProcess(() => {
      const h = handle();
      const desc = tensor([4]);
      const dx = upload(new Float32Array(4));
      const u = musa.ref<musa.mudnnUnaryDescriptor_t>();
      expect(musa.mudnnCreateUnaryDescriptor(u)).toBe(OK);
      expect(musa.mudnnUnary(h, u.value, desc, dx, desc, dx)).toBe(FAIL);
      expect(musa.mudnnSetUnaryDescriptor(u.value, musa.MUDNN_UNARY_ELU, musa.MUDNN_PARAM_DATA_NONE, null, musa.MUDNN_PARAM_DATA_NONE, null)).toBe(FAIL);
      expect(musa.mudnnSetUnaryDescriptor(u.value, 3 as never, musa.MUDNN_PARAM_DATA_NONE, null, musa.MUDNN_PARAM_DATA_NONE, null)).toBe(FAIL);
      const p = musa.ref<musa.mudnnPoolingDescriptor_t>();
      expect(musa.mudnnCreatePoolingDescriptor(p)).toBe(OK);
      expect(musa.mudnnSetPoolingNdDescriptorEx(p.value, musa.MUDNN_POOLING_MAX, 0, 2, [1, 1], [0, 0], [1, 1], [1, 1])).toBe(OK);
      const d4 = tensor([1, 1, 2, 2]);
      expect(musa.mudnnPoolingForwardEx(h, p.value, d4, dx, d4, dx, d4, dx)).toBe(FAIL);
      expect(musa.mudnnSetPoolingNdDescriptorEx(p.value, musa.MUDNN_POOLING_MAX, 0, 2, [2, 2], [0, 0], [1, 1], [2, 2])).toBe(FAIL);
      expect(musa.mudnnDestroyUnaryDescriptor(u.value)).toBe(OK);
      expect(musa.mudnnDestroyPoolingDescriptor(p.value)).toBe(OK);
    });
    const found = process.diagnostics.entries.map((d) => `${d.id} ${d.symbol} ${d.status}`);
    expect(found).toEqual([
      'OB2013 mudnnUnary MUDNN_STATUS_NOT_SUPPORTED',
      'OB2014 mudnnSetUnaryDescriptor MUDNN_STATUS_NOT_SUPPORTED',
      'OB2013 mudnnSetUnaryDescriptor MUDNN_STATUS_NOT_SUPPORTED',
      'OB2014 mudnnPoolingForwardEx MUDNN_STATUS_NOT_SUPPORTED',
      'OB2014 mudnnSetPoolingNdDescriptorEx MUDNN_STATUS_NOT_SUPPORTED',
    ]);
    expect(process.diagnostics.entries[0].message).toContain('never set (mudnnSetUnaryDescriptor)');
  });
});

describe('a muDNN sample program', () => {
  it('softmax and pooling as torch_musa issues them: outputs match float64 references', async () => {
    const run = await runProgram(new URL('../../fixtures/programs/musa/mudnn-ops.ts', import.meta.url).pathname);
    const x = randomFloat32(2 * 4 * 4, 1, -2, 2);
    const probs = run.ranks[0].outputs.get('probs')!.toFloat64();
    for (let r = 0; r < 8; r++) {
      const row = Array.from(x.subarray(r * 4, r * 4 + 4));
      const max = Math.max(...row);
      const sum = row.reduce((a, v) => a + Math.exp(v - max), 0);
      // Tolerance: float32 softmax of 4 values: 8 ulps.
      row.forEach((v, c) => expect(Math.abs(probs[r * 4 + c] - Math.exp(v - max) / sum)).toBeLessThanOrEqual(8 * 2 ** -23));
    }
    const pooled = run.ranks[0].outputs.get('pooled')!.toFloat64();
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const at = (a: number, b: number) => x[c * 16 + (2 * i + a) * 4 + 2 * j + b];
          expect(pooled[c * 4 + i * 2 + j]).toBe(Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1)));
        }
      }
    }
    expect(run.ranks[0].diagnostics ?? []).toEqual([]);
  });
});
