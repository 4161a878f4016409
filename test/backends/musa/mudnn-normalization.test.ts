/**
 * muDNN's layer and RMS norms (torch_musa's C-API path; inferred entries): the descriptor's
 * trailing axes, output first, statistics per row, against float64 references; misuse answers
 * MUDNN_STATUS_NOT_SUPPORTED (the only failure status the catalog knows).
 */
import { describe, expect, it } from 'vitest';
import * as musa from '../../../src/backends/musa/index.js';
import { fromBfloat16Bits, randomFloat32, roundToHalf, toBfloat16Bits } from '../../../src/backends/host/host-data.js';
import { SimProcess, withProcess } from '../../../src/backends/sim/sim-process.js';

const OK = musa.MUDNN_STATUS_SUCCESS;
const FAIL = musa.MUDNN_STATUS_NOT_SUPPORTED;

function inProcess(fn: () => void): void {
  withProcess(new SimProcess(), fn);
}

function upload(host: Float32Array | Uint16Array): musa.DevicePtr {
  const p = musa.ref<musa.DevicePtr>();
  expect(musa.musaMalloc(p, host.byteLength)).toBe(musa.musaSuccess);
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

function handle(): musa.mudnnHandle_t {
  const h = musa.ref<musa.mudnnHandle_t>();
  expect(musa.mudnnCreate(h)).toBe(OK);
  return h.value;
}

// Tolerance: float32 statistics and one float32 rounding of each output; the normalised values
// are O(1), so 1e-5 relative to max(|ref|, 1) covers a row of 16 accumulated in float32.
const close = (got: number, ref: number) => expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(ref), 1));

const [ROWS, COLS, EPS] = [6, 16, 1e-5];

describe('muDNN layer and RMS norms', () => {
  it('mudnnLayerNormForward: over the trailing axis, with mean and rstd per row', () => {
    const x = randomFloat32(ROWS * COLS, 31, -3, 3);
    const gamma = randomFloat32(COLS, 32, 0.5, 1.5);
    const beta = randomFloat32(COLS, 33, -1, 1);
    inProcess(() => {
      const h = handle();
      const d = musa.ref<musa.mudnnLayerNormDescriptor_t>();
      expect(musa.mudnnCreateLayerNormDescriptor(d)).toBe(OK);
      expect(musa.mudnnSetLayerNormDescriptor(d.value, EPS, musa.MUDNN_LAYER_NORM_MODE_DIRECT, [1], 1)).toBe(OK);
      const [xd, pd, sd] = [tensor([ROWS, COLS]), tensor([COLS]), tensor([ROWS])];
      const size = musa.ref(-1);
      expect(musa.mudnnGetLayerNormForwardWorkspaceSize(h, d.value, xd, sd, sd, xd, pd, pd, size)).toBe(OK);
      expect(size.value).toBe(0);
      const [dx, dg, db] = [upload(x), upload(gamma), upload(beta)];
      const [dy, dm, dr] = [upload(new Float32Array(ROWS * COLS)), upload(new Float32Array(ROWS)), upload(new Float32Array(ROWS))];
      expect(musa.mudnnLayerNormForward(h, d.value, xd, dy, sd, dm, sd, dr, xd, dx, pd, dg, pd, db, null, 0)).toBe(OK);
      const [y, mean, rstd] = [download(dy, ROWS * COLS), download(dm, ROWS), download(dr, ROWS)];
      for (let r = 0; r < ROWS; r++) {
        const row = Array.from(x.subarray(r * COLS, (r + 1) * COLS));
        const mu = row.reduce((a, b) => a + b, 0) / COLS;
        const inv = 1 / Math.sqrt(row.reduce((a, b) => a + (b - mu) ** 2, 0) / COLS + EPS);
        close(mean[r], mu);
        close(rstd[r], inv);
        row.forEach((v, c) => close(y[r * COLS + c], (v - mu) * inv * gamma[c] + beta[c]));
      }
      // Axes that are not trailing are refused, not computed some other way.
      expect(musa.mudnnSetLayerNormDescriptor(d.value, EPS, musa.MUDNN_LAYER_NORM_MODE_WELFORD, [0], 1)).toBe(OK);
      expect(musa.mudnnLayerNormForward(h, d.value, xd, dy, sd, dm, sd, dr, xd, dx, pd, dg, pd, db, null, 0)).toBe(FAIL);
      expect(musa.mudnnDestroyLayerNormDescriptor(d.value)).toBe(OK);
    });
  });

  it('mudnnRMSNormForward: mode before epsilon, invvar = 1 / sqrt(mean(x²) + eps) per row', () => {
    const x = randomFloat32(ROWS * COLS, 41, -3, 3);
    const gamma = randomFloat32(COLS, 42, 0.5, 1.5);
    inProcess(() => {
      const h = handle();
      const d = musa.ref<musa.mudnnRMSNormDescriptor_t>();
      expect(musa.mudnnCreateRMSNormDescriptor(d)).toBe(OK);
      expect(musa.mudnnSetRMSNormDescriptor(d.value, musa.MUDNN_RMS_NORM_MODE_DIRECT, EPS, [-1], 1)).toBe(OK);
      const [xd, pd, sd] = [tensor([ROWS, COLS]), tensor([1, COLS]), tensor([ROWS, 1])];
      const [dx, dg] = [upload(x), upload(gamma)];
      const [dy, di] = [upload(new Float32Array(ROWS * COLS)), upload(new Float32Array(ROWS))];
      expect(musa.mudnnRMSNormForward(h, d.value, xd, dy, sd, di, xd, dx, pd, dg)).toBe(OK);
      const [y, invvar] = [download(dy, ROWS * COLS), download(di, ROWS)];
      for (let r = 0; r < ROWS; r++) {
        const row = Array.from(x.subarray(r * COLS, (r + 1) * COLS));
        const inv = 1 / Math.sqrt(row.reduce((a, b) => a + b * b, 0) / COLS + EPS);
        close(invvar[r], inv);
        row.forEach((v, c) => close(y[r * COLS + c], v * inv * gamma[c]));
      }
      // A statistic with the wrong row count is refused.
      expect(musa.mudnnRMSNormForward(h, d.value, xd, dy, tensor([ROWS + 1]), di, xd, dx, pd, dg)).toBe(FAIL);
      // An unset descriptor is refused.
      const unset = musa.ref<musa.mudnnRMSNormDescriptor_t>();
      expect(musa.mudnnCreateRMSNormDescriptor(unset)).toBe(OK);
      expect(musa.mudnnRMSNormForward(h, unset.value, xd, dy, sd, di, xd, dx, pd, dg)).toBe(FAIL);
      expect(musa.mudnnDestroyRMSNormDescriptor(d.value)).toBe(OK);
    });
  });

  it('mudnnUnary CAST: converts to the output descriptor\'s type, both ways (bf16 ↔ float32)', () => {
    const x = randomFloat32(12, 51, -5, 5);
    inProcess(() => {
      const h = handle();
      const u = musa.ref<musa.mudnnUnaryDescriptor_t>();
      expect(musa.mudnnCreateUnaryDescriptor(u)).toBe(OK);
      expect(musa.mudnnSetUnaryDescriptor(u.value, musa.MUDNN_UNARY_CAST, musa.MUDNN_PARAM_DATA_NONE, null, musa.MUDNN_PARAM_DATA_NONE, null)).toBe(OK);
      const [f32, bf16] = [tensor([3, 4]), tensor([3, 4], musa.MUDNN_DATA_BFLOAT16)];
      const [dx, dh, dback] = [upload(x), upload(new Uint16Array(12)), upload(new Float32Array(12))];
      expect(musa.mudnnUnary(h, u.value, bf16, dh, f32, dx)).toBe(OK);
      const bits = new Uint16Array(12);
      expect(musa.musaMemcpy(bits, dh, bits.byteLength, musa.musaMemcpyDeviceToHost)).toBe(musa.musaSuccess);
      // Exact: a cast rounds each value once to nearest-even bf16, and widening back is exact.
      expect(Array.from(fromBfloat16Bits(bits))).toEqual(Array.from(x, (v) => roundToHalf(v, 'bfloat16')));
      expect(Array.from(bits)).toEqual(Array.from(toBfloat16Bits(x)));
      expect(musa.mudnnUnary(h, u.value, f32, dback, bf16, dh)).toBe(OK);
      expect(Array.from(download(dback, 12))).toEqual(Array.from(fromBfloat16Bits(bits)));
      expect(musa.mudnnDestroyUnaryDescriptor(u.value)).toBe(OK);
    });
  });
});
