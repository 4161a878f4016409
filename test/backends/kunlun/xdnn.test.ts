/**
 * XDNN calls other than the matrix unit, in process: each against a float64 reference written
 * here (or the operator's golden run where the formula is the operator itself). Tolerances
 * are stated per test; float32 results use torch's fp32 defaults (rtol 1.3e-6, atol 1e-5).
 */
import { describe, expect, it } from 'vitest';
import { Error_t, XPU_SUCCESS, ref, xpu, xdnn, baidu, xpu_stream_create, xpu_wait, xpu_memcpy, xpu_stream_destroy, XPU_DEVICE_TO_HOST, xpu_free, type XPUStream } from '../../../src/backends/kunlun/index.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { deviceZeros, diagnosticIds, download, inProcess, seeded, toleranceRatio, upload } from './device-data.js';
import { fromFloat16Bits, toFloat16Bits } from '../../../src/backends/host/host-data.js';

const FP32 = { rtol: 1.3e-6, atol: 1e-5 };

function softmaxReference(x: Float32Array, outer: number, axis: number, inner: number, log: boolean): number[] {
  const out = new Array<number>(x.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const idx = (a: number): number => (o * axis + a) * inner + i;
      let max = -Infinity;
      for (let a = 0; a < axis; a++) max = Math.max(max, x[idx(a)]);
      let sum = 0;
      for (let a = 0; a < axis; a++) sum += Math.exp(x[idx(a)] - max);
      for (let a = 0; a < axis; a++) out[idx(a)] = log ? x[idx(a)] - max - Math.log(sum) : Math.exp(x[idx(a)] - max) / sum;
    }
  return out;
}

function rowStats(x: ArrayLike<number>, rows: number, cols: number): { mean: number[]; variance: number[]; meanSquare: number[] } {
  const mean: number[] = [];
  const variance: number[] = [];
  const meanSquare: number[] = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    let sq = 0;
    for (let c = 0; c < cols; c++) {
      s += x[r * cols + c];
      sq += x[r * cols + c] ** 2;
    }
    const m = s / cols;
    let v = 0;
    for (let c = 0; c < cols; c++) v += (x[r * cols + c] - m) ** 2;
    mean.push(m);
    variance.push(v / cols);
    meanSquare.push(sq / cols);
  }
  return { mean, variance, meanSquare };
}

describe('XDNN context', () => {
  it('is the same namespace as xdnn and baidu.xpu.api, and exposes Error_t and Activation_t', () => {
    expect(xdnn).toBe(xpu);
    expect(baidu.xpu.api).toBe(xpu);
    expect(xpu.Error_t.SUCCESS).toBe(0);
    expect(xpu.Activation_t.RELU).toBe(1);
    expect(new xpu.Activation_t(xpu.Activation_t.GELU).type).toBe(4);
  });

  it('rejects a destroyed or missing context with INVALID_PARAM and records who destroyed it', () => {
    const { process } = inProcess(() => {
      const ctx = xpu.create_context();
      const x = upload(new Float32Array(4));
      const y = deviceZeros(16);
      xpu.destroy_context(ctx);
      expect(xpu.relu(['float'], ctx, x, y, 4)).toBe(Error_t.INVALID_PARAM);
      expect(xpu.relu(['float'], null as never, x, y, 4)).toBe(Error_t.INVALID_PARAM);
      xpu.destroy_context(ctx);
      xpu_free(x);
      xpu_free(y);
    });
    expect(diagnosticIds(process)).toEqual(['OB2008', 'OB2012', 'OB2008']);
    expect(process.diagnostics.entries[0].status).toBe('INVALID_PARAM');
  });

  it('checks template arguments: their number, the type names, and the instantiations that exist', () => {
    const { process } = inProcess(() => {
      const ctx = xpu.create_context();
      const x = upload(new Float32Array(4));
      const y = deviceZeros(32);
      expect(xpu.softmax([] as never, ctx, x, y, [4], 0)).toBe(Error_t.INVALID_PARAM);
      expect(xpu.softmax(['floot'], ctx, x, y, [4], 0)).toBe(Error_t.INVALID_PARAM);
      expect(xpu.softmax(['double'], ctx, x, y, [4], 0)).toBe(Error_t.NOT_IMPLEMENT);
      xpu.destroy_context(ctx);
    });
    expect(diagnosticIds(process)).toEqual(['OB2013', 'OB2013', 'OB2014']);
    expect(process.diagnostics.entries[2].message).toMatch(/no T = double instantiation \(supported: float32, float16\)/);
  });

  it("runs ops on the context's stream: reading the result without xpu_wait on that stream is a race", () => {
    const body = (wait: boolean) => () => {
      const ctx = xpu.create_context();
      const s = ref<XPUStream>();
      xpu_stream_create(s);
      ctx.set_stream(s.value);
      expect(ctx.xpu_stream).toBe(s.value);
      const x = upload(new Float32Array([-1, 2, -3, 4]));
      const y = deviceZeros(16);
      expect(xpu.relu(['float'], ctx, x, y, 4)).toBe(XPU_SUCCESS);
      if (wait) expect(xpu_wait(ctx.xpu_stream)).toBe(XPU_SUCCESS);
      const out = new Float32Array(4);
      xpu_memcpy(out, y, 16, XPU_DEVICE_TO_HOST);
      xpu_stream_destroy(s.value);
      xpu.destroy_context(ctx);
      return [...out];
    };
    const racy = inProcess(body(false));
    expect(diagnosticIds(racy.process)).toEqual(['OB2007']);
    expect(racy.process.diagnostics.entries[0].message).toMatch(/xpu_memcpy copies memory written by xpu::relu/);
    const synced = inProcess(body(true));
    expect(diagnosticIds(synced.process)).toEqual([]);
    expect(synced.result).toEqual([0, 2, 0, 4]);
  });

  it('records the canonical operator, its attributes, the profile and the call site in the trace', () => {
    const { process } = inProcess(() => {
      const ctx = xpu.create_context();
      const x = upload(seeded(6, 1));
      const y = deviceZeros(24);
      xpu.softmax(['float'], ctx, x, y, [2, 3], 1);
      xpu.destroy_context(ctx);
    });
    // The upload before it is traced as a copy; the operator is the one op record.
    const [record, ...others] = process.tracer.records.filter((r) => r.kind === 'op');
    expect(others).toEqual([]);
    expect(record).toMatchObject({ backend: 'kunlun', symbol: 'xpu::softmax', op: 'Softmax', attributes: { axis: 1 }, profile: 'kunlun.default' });
    expect(record.site?.file).toMatch(/xdnn\.test\.ts$/);
  });
});

describe('XDNN softmax and normalisation', () => {
  it('softmax and log_softmax over a middle axis of an N-D shape vector', () => {
    const x = seeded(24, 7, -4, 4);
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const xs = upload(x);
      const [s, l] = [deviceZeros(96), deviceZeros(96)];
      expect(xpu.softmax(['float'], ctx, xs, s, [2, 3, 4], 1)).toBe(XPU_SUCCESS);
      expect(xpu.log_softmax(['float'], ctx, xs, l, [2, 3, 4], -2)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return [download(s, new Float32Array(24)), download(l, new Float32Array(24))];
    });
    expect(toleranceRatio(result[0], softmaxReference(x, 2, 3, 4, false), FP32.rtol, FP32.atol)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(result[1], softmaxReference(x, 2, 3, 4, true), FP32.rtol, FP32.atol)).toBeLessThanOrEqual(1);
  });

  it('layer_norm writes y, the mean and the variance (not InvStdDev) for float32 and float16 x', () => {
    const [m, n, eps] = [3, 8, 1e-5];
    const x = seeded(m * n, 3, -2, 3);
    const scale = seeded(n, 4, 0.5, 1.5);
    const bias = seeded(n, 5);
    const { mean, variance } = rowStats(x, m, n);
    const expected = Array.from(x, (v, i) => {
      const r = Math.floor(i / n);
      return ((v - mean[r]) / Math.sqrt(variance[r] + eps)) * scale[i % n] + bias[i % n];
    });
    const { result, process } = inProcess(() => {
      const ctx = xpu.create_context();
      const [xs, ss, bs] = [upload(x), upload(scale), upload(bias)];
      const [y, mu, v] = [deviceZeros(m * n * 4), deviceZeros(m * 4), deviceZeros(m * 4)];
      expect(xpu.layer_norm(['float'], ctx, xs, y, m, n, eps, ss, bs, mu, v)).toBe(XPU_SUCCESS);
      const xh = upload(toFloat16Bits(x));
      const yh = deviceZeros(m * n * 2);
      expect(xpu.layer_norm(['float16'], ctx, xh, yh, m, n, eps, ss, bs, null, null)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return {
        y: download(y, new Float32Array(m * n)),
        mean: download(mu, new Float32Array(m)),
        variance: download(v, new Float32Array(m)),
        half: fromFloat16Bits(download(yh, new Uint16Array(m * n))),
      };
    });
    expect(diagnosticIds(process)).toEqual([]);
    expect(toleranceRatio(result.y, expected, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(result.mean, mean, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(result.variance, variance, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(1);
    // float16 x: its own rounding of x (2^-11 relative) and of y; torch's fp16 tolerances.
    const xh = fromFloat16Bits(toFloat16Bits(x));
    const sh = rowStats(xh, m, n);
    const expectedHalf = Array.from(xh, (v, i) => {
      const r = Math.floor(i / n);
      return ((v - sh.mean[r]) / Math.sqrt(sh.variance[r] + eps)) * scale[i % n] + bias[i % n];
    });
    expect(toleranceRatio(result.half, expectedHalf, 1e-3, 1e-5)).toBeLessThanOrEqual(1);
  });

  it('rms_layer_norm normalises rows, adds the optional bias and saves 1/rms or rms', () => {
    const [rows, cols, eps] = [2, 6, 1e-6];
    const x = seeded(rows * cols, 11, -3, 3);
    const w = seeded(cols, 12, 0.5, 2);
    const b = seeded(cols, 13);
    const { meanSquare } = rowStats(x, rows, cols);
    const rms = meanSquare.map((ms) => Math.sqrt(ms + eps));
    const expected = Array.from(x, (v, i) => (v / rms[Math.floor(i / cols)]) * w[i % cols] + b[i % cols]);
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const [xs, ws, bs] = [upload(x), upload(w), upload(b)];
      const [y, inv, plain] = [deviceZeros(rows * cols * 4), deviceZeros(rows * 4), deviceZeros(rows * 4)];
      expect(xpu.rms_layer_norm(['float', 'float'], ctx, xs, y, rows, cols, eps, ws, bs, inv, true)).toBe(XPU_SUCCESS);
      expect(xpu.rms_layer_norm(['float', 'float'], ctx, xs, deviceZeros(rows * cols * 4), rows, cols, eps, ws, null, plain, false)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return { y: download(y, new Float32Array(rows * cols)), inv: download(inv, new Float32Array(rows)), rms: download(plain, new Float32Array(rows)) };
    });
    expect(toleranceRatio(result.y, expected, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(result.inv, rms.map((r) => 1 / r), FP32.rtol, 0)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(result.rms, rms, FP32.rtol, 0)).toBeLessThanOrEqual(1);
  });

  it('batch_norm_infer gives the same result for NCHW data and its NHWC transpose', () => {
    const [n, c, h, w, eps] = [2, 3, 2, 2, 1e-5];
    const x = seeded(n * c * h * w, 21, -2, 2);
    const params = [seeded(c, 22, 0.5, 1.5), seeded(c, 23), seeded(c, 24), seeded(c, 25, 0.5, 2)];
    const nhwc = new Float32Array(x.length);
    for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) for (let p = 0; p < h * w; p++) nhwc[(i * h * w + p) * c + ch] = x[(i * c + ch) * h * w + p];
    const expected = Array.from(x, (v, i) => {
      const ch = Math.floor(i / (h * w)) % c;
      return ((v - params[2][ch]) / Math.sqrt(params[3][ch] + eps)) * params[0][ch] + params[1][ch];
    });
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const [s, b, mu, v] = params.map(upload);
      const [y1, y2] = [deviceZeros(x.byteLength), deviceZeros(x.byteLength)];
      expect(xpu.batch_norm_infer(['float'], ctx, upload(x), y1, n, c, h, w, eps, s, b, mu, v, true)).toBe(XPU_SUCCESS);
      expect(xpu.batch_norm_infer(['float'], ctx, upload(nhwc), y2, n, c, h, w, eps, s, b, mu, v, false)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return [download(y1, new Float32Array(x.length)), download(y2, new Float32Array(x.length))];
    });
    expect(toleranceRatio(result[0], expected, FP32.rtol, FP32.atol)).toBeLessThanOrEqual(1);
    const back = new Float32Array(x.length);
    for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) for (let p = 0; p < h * w; p++) back[(i * c + ch) * h * w + p] = result[1][(i * h * w + p) * c + ch];
    expect([...back]).toEqual([...result[0]]);
  });
});

describe('XDNN elementwise activations', () => {
  it('match their formulas (GELU: the erf form) and write max|y| to max_y', () => {
    const x = seeded(16, 31, -3, 3);
    const ops = ['relu', 'sigmoid', 'tanh', 'silu', 'gelu', 'exp', 'erf'] as const;
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const xs = upload(x);
      const outs = ops.map((name) => {
        const y = deviceZeros(64);
        const status = name === 'gelu' || name === 'exp' || name === 'erf' ? xpu[name](['float'], ctx, xs, y, 16) : xpu[name](['float'], ctx, xs, y, 16, null, null);
        expect(status).toBe(XPU_SUCCESS);
        return download(y, new Float32Array(16));
      });
      const maxY = deviceZeros(4);
      expect(xpu.relu(['float'], ctx, xs, deviceZeros(64), 16, null, maxY)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return { outs, maxY: download(maxY, new Float32Array(1))[0] };
    });
    const golden = (op: string): Float64Array => runOp(op, [Tensor.fromNumbers(x, [16], 'float32')], op === 'Gelu' ? { approximate: 'none' } : {}, { mode: 'golden' })[0].toFloat64();
    const refs = [
      Array.from(x, (v) => Math.max(v, 0)),
      Array.from(x, (v) => 1 / (1 + Math.exp(-v))),
      Array.from(x, Math.tanh),
      Array.from(x, (v) => v / (1 + Math.exp(-v))),
      golden('Gelu'),
      Array.from(x, Math.exp),
      golden('Erf'),
    ];
    refs.forEach((ref, i) => expect(toleranceRatio(result.outs[i], ref, FP32.rtol, FP32.atol), ops[i]).toBeLessThanOrEqual(1));
    expect(result.maxY).toBe(Math.max(...Array.from(x, (v) => Math.max(v, 0))));
  });
});

describe('XDNN data movement and arithmetic', () => {
  it("embedding gathers rows and zeroes Paddle's padding_idx rows; ids outside the table are invalid", () => {
    const table = Float32Array.from({ length: 12 }, (_, i) => i + 1);
    const { result, process } = inProcess(() => {
      const ctx = xpu.create_context();
      const t = upload(table);
      const y = deviceZeros(4 * 3 * 4);
      expect(xpu.embedding(['float', 'int64_t'], ctx, t, upload(new BigInt64Array([3n, 0n, 2n, 3n])), y, 4, 3, 4, 2)).toBe(XPU_SUCCESS);
      expect(xpu.embedding(['float', 'int'], ctx, t, upload(new Int32Array([1, 4])), deviceZeros(24), 4, 3, 2, -1)).toBe(Error_t.INVALID_PARAM);
      xpu.destroy_context(ctx);
      return download(y, new Float32Array(12));
    });
    expect([...result]).toEqual([10, 11, 12, 1, 2, 3, 0, 0, 0, 10, 11, 12]);
    expect(diagnosticIds(process)).toEqual(['OB2013']);
  });

  it('reduce_* drop the reduced axes; an empty rdims copies', () => {
    const x = Float32Array.from({ length: 24 }, (_, i) => (i % 7) - 3);
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const xs = upload(x);
      const run = (name: 'reduce_sum' | 'reduce_mean' | 'reduce_max' | 'reduce_min', rdims: number[], count: number): number[] => {
        const y = deviceZeros(count * 4);
        expect(xpu[name](['float'], ctx, xs, y, [2, 3, 4], rdims)).toBe(XPU_SUCCESS);
        return [...download(y, new Float32Array(count))];
      };
      const out = { sum: run('reduce_sum', [0, 2], 3), mean: run('reduce_mean', [1], 8), max: run('reduce_max', [2], 6), min: run('reduce_min', [0, 1, 2], 1), copy: run('reduce_sum', [], 24) };
      xpu.destroy_context(ctx);
      return out;
    });
    const at = (a: number, b: number, c: number): number => x[(a * 3 + b) * 4 + c];
    const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    expect(result.sum).toEqual(range(3).map((b) => range(2).reduce((s, a) => s + range(4).reduce((t, c) => t + at(a, b, c), 0), 0)));
    expect(result.mean).toEqual(range(8).map((i) => Math.fround(range(3).reduce((s, b) => s + at(Math.floor(i / 4), b, i % 4), 0) / 3)));
    expect(result.max).toEqual(range(6).map((i) => Math.max(...range(4).map((c) => at(Math.floor(i / 3), i % 3, c)))));
    expect(result.min).toEqual([Math.min(...x)]);
    expect(result.copy).toEqual([...x]);
  });

  it('transpose, concat and split move elements exactly', () => {
    const x = Float32Array.from({ length: 6 }, (_, i) => i);
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const xs = upload(x);
      const t = deviceZeros(24);
      expect(xpu.transpose(['float'], ctx, xs, t, [2, 3], [1, 0])).toBe(XPU_SUCCESS);
      const c = deviceZeros(48);
      expect(xpu.concat(['float'], ctx, [xs, t], c, [[2, 3], [2, 3]], 0)).toBe(XPU_SUCCESS);
      const parts = [deviceZeros(8), deviceZeros(16)];
      expect(xpu.split(['float'], ctx, xs, parts, [2, 3], [1, 2], 1)).toBe(XPU_SUCCESS);
      expect(xpu.transpose(['float'], ctx, xs, t, [2, 3], [0, 0])).toBe(Error_t.INVALID_PARAM);
      xpu.destroy_context(ctx);
      return { t: [...download(t, new Float32Array(6))], c: [...download(c, new Float32Array(12))], p0: [...download(parts[0], new Float32Array(2))], p1: [...download(parts[1], new Float32Array(4))] };
    });
    expect(result.t).toEqual([0, 3, 1, 4, 2, 5]);
    expect(result.c).toEqual([0, 1, 2, 3, 4, 5, 0, 3, 1, 4, 2, 5]);
    expect(result.p0).toEqual([0, 3]);
    expect(result.p1).toEqual([1, 2, 4, 5]);
  });

  it('cast converts to TY; broadcast_add / add / mul / scale compute as documented; constant fills typed elements', () => {
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const x = upload(new Float32Array([1.5, -2.25, 3, 65504.5]));
      const h = deviceZeros(8);
      expect(xpu.cast(['float', 'float16'], ctx, x, h, 4)).toBe(XPU_SUCCESS);
      const i = deviceZeros(16);
      expect(xpu.cast(['float', 'int'], ctx, x, i, 4)).toBe(XPU_SUCCESS);
      const row = upload(new Float32Array([10, 20]));
      const mat = upload(new Float32Array([1, 2, 3, 4, 5, 6]));
      const z = deviceZeros(24);
      expect(xpu.broadcast_add(['float'], ctx, mat, row, z, [3, 2], [2])).toBe(XPU_SUCCESS);
      expect(xpu.broadcast_mul(['float'], ctx, mat, row, deviceZeros(24), [3, 2], [3])).toBe(Error_t.INVALID_PARAM);
      const [sum, prod] = [deviceZeros(16), deviceZeros(16)];
      expect(xpu.add(['float'], ctx, x, x, sum, 4)).toBe(XPU_SUCCESS);
      expect(xpu.mul(['float'], ctx, x, x, prod, 4)).toBe(XPU_SUCCESS);
      const [after, before] = [deviceZeros(16), deviceZeros(16)];
      expect(xpu.scale(['float'], ctx, x, after, 4, true, 2, 1)).toBe(XPU_SUCCESS);
      expect(xpu.scale(['float'], ctx, x, before, 4, false, 2, 1)).toBe(XPU_SUCCESS);
      const filled = deviceZeros(12);
      expect(xpu.constant(['int'], ctx, filled, 3, 7)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return {
        half: [...fromFloat16Bits(download(h, new Uint16Array(4)))],
        ints: [...download(i, new Int32Array(4))],
        z: [...download(z, new Float32Array(6))],
        sum: [...download(sum, new Float32Array(4))],
        prod: [...download(prod, new Float32Array(4))],
        after: [...download(after, new Float32Array(4))],
        before: [...download(before, new Float32Array(4))],
        filled: [...download(filled, new Int32Array(3))],
      };
    });
    expect(result.half).toEqual([1.5, -2.25, 3, 65504]);
    expect(result.ints).toEqual([1, -2, 3, 65504]);
    expect(result.z).toEqual([11, 22, 13, 24, 15, 26]);
    expect(result.sum).toEqual([3, -4.5, 6, 131009]);
    expect(result.prod).toEqual([2.25, 5.0625, 9, Math.fround(65504.5 * 65504.5)]);
    expect(result.after).toEqual([4, -3.5, 7, 131010]);
    expect(result.before).toEqual([5, -2.5, 8, 131011]);
    expect(result.filled).toEqual([7, 7, 7]);
  });
});
