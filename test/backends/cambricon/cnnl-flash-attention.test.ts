/**
 * cnnlFlashAttentionForward on packed variable-length sequences: one canonical Attention per
 * sequence over views of the packed tensors, grouped-query heads, the causal mask, and the
 * float32 log-sum-exp output. References are float64 formulas on the half-precision inputs.
 */
import { describe, expect, it } from 'vitest';
import {
  CNNL_ACTIVATION_HIGH_PRECISION,
  CNNL_ATTN_MASK_CAUSAL,
  CNNL_DTYPE_FLOAT,
  CNNL_DTYPE_HALF,
  CNNL_DTYPE_INT32,
  CNNL_LAYOUT_ARRAY,
  CNNL_STATUS_NOT_SUPPORTED,
  CNNL_STATUS_SUCCESS,
  cnnlCreate,
  cnnlCreateFlashAttentionDescriptor,
  cnnlFlashAttentionForward,
  cnnlGetFlashAttentionForwardWorkspaceSize,
  cnnlSetFlashAttentionDescriptor,
  cnrtMemcpy,
  cnrtMemcpyDevToHost,
  fromFloat16Bits,
  ref,
  roundToHalf,
  toFloat16Bits,
  type cnnlFlashAttentionDescriptor_t,
  type cnnlHandle_t,
} from '../../../src/backends/cambricon/index.js';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';
import { allocate, descriptor, diagnosticIds, download, expectCloseArrays, upload } from './device-helpers.js';

const [HQ, HK, D] = [2, 1, 4];
const SEQS = [2, 3];
const TOTAL = SEQS.reduce((a, b) => a + b, 0);
const SCALE = Math.fround(1 / Math.sqrt(D));
const half = (n: number, seed: number) => Array.from(randomFloat32(n, seed), (v) => roundToHalf(v, 'float16'));

function reference(q: number[], k: number[], v: number[]): { out: number[]; lse: number[] } {
  const out = new Array<number>(TOTAL * HQ * D).fill(0);
  const lse = new Array<number>(HQ * TOTAL).fill(0);
  let start = 0;
  for (const len of SEQS) {
    for (let h = 0; h < HQ; h++) {
      const kh = Math.floor(h / (HQ / HK));
      for (let i = 0; i < len; i++) {
        const scores = Array.from({ length: i + 1 }, (_, j) => {
          let s = 0;
          for (let d = 0; d < D; d++) s += q[((start + i) * HQ + h) * D + d] * k[((start + j) * HK + kh) * D + d];
          return s * SCALE;
        });
        const m = Math.max(...scores);
        const z = scores.reduce((acc, s) => acc + Math.exp(s - m), 0);
        lse[h * TOTAL + start + i] = m + Math.log(z);
        for (let d = 0; d < D; d++) {
          out[((start + i) * HQ + h) * D + d] = scores.reduce((acc, s, j) => acc + (Math.exp(s - m) / z) * v[((start + j) * HK + kh) * D + d], 0);
        }
      }
    }
    start += len;
  }
  return { out, lse };
}

function setup(dropout = 0): cnnlFlashAttentionDescriptor_t {
  const fa = ref<cnnlFlashAttentionDescriptor_t>();
  cnnlCreateFlashAttentionDescriptor(fa);
  const status = cnnlSetFlashAttentionDescriptor(fa.value, CNNL_DTYPE_FLOAT, CNNL_ACTIVATION_HIGH_PRECISION, CNNL_ATTN_MASK_CAUSAL, true, false, false, 3, 3, dropout, SCALE);
  expect(status).toBe(dropout === 0 ? CNNL_STATUS_SUCCESS : CNNL_STATUS_NOT_SUPPORTED);
  return fa.value;
}

describe('cnnlFlashAttentionForward', () => {
  it('attends causally within each packed sequence and writes the log-sum-exp', () => {
    const p = new SimProcess();
    withProcess(p, () => {
      const h = ref<cnnlHandle_t>();
      cnnlCreate(h);
      const fa = setup();
      const [q, k, v] = [half(TOTAL * HQ * D, 1), half(TOTAL * HK * D, 2), half(TOTAL * HK * D, 3)];
      const qd = descriptor([TOTAL, HQ, D], CNNL_LAYOUT_ARRAY, CNNL_DTYPE_HALF);
      const kd = descriptor([TOTAL, HK, D], CNNL_LAYOUT_ARRAY, CNNL_DTYPE_HALF);
      const sd = descriptor([SEQS.length + 1], CNNL_LAYOUT_ARRAY, CNNL_DTYPE_INT32);
      const cu = upload(Int32Array.of(0, 2, 5));
      const size = ref<number>();
      expect(cnnlGetFlashAttentionForwardWorkspaceSize(h.value, fa, qd, kd, kd, size)).toBe(CNNL_STATUS_SUCCESS);
      const [O, L] = [allocate(TOTAL * HQ * D * 2), allocate(HQ * TOTAL * 4)];
      const status = cnnlFlashAttentionForward(
        h.value, fa, qd, upload(toFloat16Bits(q)), kd, upload(toFloat16Bits(k)), kd, upload(toFloat16Bits(v)),
        sd, cu, sd, cu, null, allocate(size.value), size.value, null, null,
        descriptor([HQ, TOTAL]), L, qd, O,
      );
      expect(status).toBe(CNNL_STATUS_SUCCESS);
      const bits = new Uint16Array(TOTAL * HQ * D);
      cnrtMemcpy(bits, O, bits.byteLength, cnrtMemcpyDevToHost);
      const expected = reference(q, k, v);
      // Half output: one rounding to float16 after float32 softmax and products (torch fp16 tolerances).
      expectCloseArrays(fromFloat16Bits(bits), expected.out, { rtol: 1e-3, atol: 1e-3 }, 'out');
      // float32 statistics from float32 scores: a few float32 ulps.
      expectCloseArrays(download(L, HQ * TOTAL), expected.lse, { rtol: 1e-6, atol: 1e-6 }, 'lse');
      expect(p.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual(['Attention', 'Attention']);
      expect(diagnosticIds(p)).toEqual([]);
      setup(0.1);
      expect(diagnosticIds(p)).toEqual(['OB2014']);
    });
  });
});
