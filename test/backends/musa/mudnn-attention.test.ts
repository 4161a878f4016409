/**
 * muDNN's flash attention (torch_musa's C-API RunFlash; inferred entries): causal grouped-query
 * attention over [b, h, s, d] tensors against a float64 reference, the log-sum-exp per query row,
 * the scale-0 convention (1/sqrt(d), an assumption the facade states), and what is refused.
 */
import { describe, expect, it } from 'vitest';
import * as musa from '../../../src/backends/musa/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';

const OK = musa.MUDNN_STATUS_SUCCESS;
const FAIL = musa.MUDNN_STATUS_NOT_SUPPORTED;

function upload(host: Float32Array): musa.DevicePtr {
  const p = musa.ref<musa.DevicePtr>();
  expect(musa.musaMalloc(p, Math.max(host.byteLength, 4))).toBe(musa.musaSuccess);
  expect(musa.musaMemcpy(p.value, host, host.byteLength, musa.musaMemcpyHostToDevice)).toBe(musa.musaSuccess);
  return p.value;
}

function download(ptr: musa.DevicePtr, length: number): Float32Array {
  const out = new Float32Array(length);
  expect(musa.musaMemcpy(out, ptr, out.byteLength, musa.musaMemcpyDeviceToHost)).toBe(musa.musaSuccess);
  return out;
}

const packed = (dims: number[]) => dims.map((_, i) => dims.slice(i + 1).reduce((a, b) => a * b, 1));

function tensor(dims: number[], dataType: musa.mudnnDataType_t = musa.MUDNN_DATA_FLOAT): musa.mudnnTensorDescriptor_t {
  const d = musa.ref<musa.mudnnTensorDescriptor_t>();
  expect(musa.mudnnCreateTensorDescriptor(d)).toBe(OK);
  expect(musa.mudnnSetTensorNdDescriptorWithScale(d.value, musa.MUDNN_TENSOR_NCHW, dataType, dims.length, dims, packed(dims), 1)).toBe(OK);
  return d.value;
}

const [B, HQ, HK, S, D] = [1, 4, 2, 5, 8];

describe('muDNN flash attention', () => {
  it('causal GQA: out and lse match a float64 reference; scale 0 is read as 1/sqrt(d)', () => {
    const q = randomFloat32(B * HQ * S * D, 61);
    const k = randomFloat32(B * HK * S * D, 62);
    const v = randomFloat32(B * HK * S * D, 63);
    withProcess(new SimProcess(), () => {
      const h = musa.ref<musa.mudnnHandle_t>();
      expect(musa.mudnnCreate(h)).toBe(OK);
      const desc = musa.ref<musa.mudnnScaledDotProductAttentionDescriptor_t>();
      expect(musa.mudnnCreateScaledDotProductAttentionDescriptor(desc)).toBe(OK);
      expect(musa.mudnnSetScaledDotProductAttentionDescriptor(desc.value, musa.MUDNN_FMA_MATH, HQ * D, B, HQ, 0, false, false, false, true, false)).toBe(OK);
      const [qd, kd, od, ld] = [tensor([B, HQ, S, D]), tensor([B, HK, S, D]), tensor([B, HQ, S, D]), tensor([B, HQ, S])];
      const empty = tensor([0]);
      const emptyBool = tensor([0], musa.MUDNN_DATA_BOOLEAN);
      const [dq, dk, dv] = [upload(q), upload(k), upload(v)];
      const [dout, dlse] = [upload(new Float32Array(B * HQ * S * D)), upload(new Float32Array(B * HQ * S))];
      expect(musa.mudnnScaledDotProductAttentionFlashForward(h.value, ld, dlse, qd, dq, kd, dk, kd, dv, empty, null, desc.value, emptyBool, null, od, dout)).toBe(OK);
      const [out, lse] = [download(dout, B * HQ * S * D), download(dlse, B * HQ * S)];
      const scale = 1 / Math.sqrt(D);
      // Tolerance: float32 products of 8 terms and a float32 softmax over ≤ 5 keys: 1e-5 absolute
      // on O(1) values covers their rounding with margin.
      for (let hq = 0; hq < HQ; hq++) {
        const hk = Math.floor(hq / (HQ / HK));
        for (let i = 0; i < S; i++) {
          const scores = Array.from({ length: i + 1 }, (_, j) => scale * Array.from({ length: D }, (_, x) => q[(hq * S + i) * D + x] * k[(hk * S + j) * D + x]).reduce((a, b) => a + b, 0));
          const max = Math.max(...scores);
          const sum = scores.reduce((a, s) => a + Math.exp(s - max), 0);
          expect(Math.abs(lse[hq * S + i] - (max + Math.log(sum)))).toBeLessThanOrEqual(1e-5);
          for (let x = 0; x < D; x++) {
            const ref = scores.reduce((a, s, j) => a + (Math.exp(s - max) / sum) * v[(hk * S + j) * D + x], 0);
            expect(Math.abs(out[(hq * S + i) * D + x] - ref)).toBeLessThanOrEqual(1e-5);
          }
        }
      }
      // A mask, or a descriptor whose heads do not match Q, is refused rather than computed some other way.
      const mask = tensor([B, S]);
      expect(musa.mudnnScaledDotProductAttentionFlashForward(h.value, ld, dlse, qd, dq, kd, dk, kd, dv, mask, dq, desc.value, emptyBool, null, od, dout)).toBe(FAIL);
      expect(musa.mudnnSetScaledDotProductAttentionDescriptor(desc.value, musa.MUDNN_FMA_MATH, HK * D, B, HK, 0, false, false, false, true, false)).toBe(OK);
      expect(musa.mudnnScaledDotProductAttentionFlashForward(h.value, ld, dlse, qd, dq, kd, dk, kd, dv, empty, null, desc.value, emptyBool, null, od, dout)).toBe(FAIL);
      expect(musa.mudnnDestroyScaledDotProductAttentionDescriptor(desc.value)).toBe(OK);
    });
  });
});
