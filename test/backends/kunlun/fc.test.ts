/**
 * XDNN fc_fusion / fc_batched: the row-major reading with leading dimensions and transposes,
 * the fused epilogue, the TGEMM compute type, max pointers and misuse. References are float64
 * sums written here; the int16 references quantise exactly as the profile documents
 * (q = round-half-even(x · 32767 / max), per tensor).
 */
import { describe, expect, it } from 'vitest';
import { Error_t, XPU_SUCCESS, xpu, xpu_free, type DevicePtr } from '../../../src/backends/kunlun/index.js';
import { deviceZeros, diagnosticIds, download, inProcess, seeded, upload } from './device-data.js';

type Tgemm = 'int16_t' | 'int32_t' | 'float' | 'tfloat32' | 'float16';
const LEVELS = 32767;

/** op(x)[i][k] of a row-major matrix stored (trans ? k×m : m×k) with leading dimension ld. */
function element(data: ArrayLike<number>, trans: boolean, ld: number, i: number, k: number): number {
  return trans ? data[k * ld + i] : data[i * ld + k];
}

interface Gemm {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly xTrans: boolean;
  readonly wTrans: boolean;
  readonly ldx: number;
  readonly ldw: number;
}

/** Σ_k op(x)[i][k]·op(w)[k][j] in float64, and Σ_k |op(x)[i][k]·op(w)[k][j]| for error bounds. */
function reference(x: ArrayLike<number>, w: ArrayLike<number>, g: Gemm): { y: number[]; abs: number[] } {
  const y: number[] = [];
  const abs: number[] = [];
  for (let i = 0; i < g.m; i++)
    for (let j = 0; j < g.n; j++) {
      let s = 0;
      let a = 0;
      for (let p = 0; p < g.k; p++) {
        const prod = element(x, g.xTrans, g.ldx, i, p) * element(w, !g.wTrans, g.ldw, j, p);
        s += prod;
        a += Math.abs(prod);
      }
      y.push(s);
      abs.push(a);
    }
  return { y, abs };
}

function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function quantised(values: ArrayLike<number>, max: number): Float64Array {
  return Float64Array.from(values as ArrayLike<number>, (v) => (roundHalfEven((v * LEVELS) / max) * max) / LEVELS);
}

const absMax = (v: ArrayLike<number>): number => Math.max(...Array.from(v, Math.abs));

/** Runs fc_fusion in a fresh process, alpha 1, beta 0, no bias, LINEAR. */
function fc(x: Float32Array, w: Float32Array, g: Gemm, tgemm: Tgemm, options: { mode?: 'golden' | 'profiled'; xMax?: number; wMax?: number } = {}) {
  return inProcess(() => {
    const ctx = xpu.create_context();
    const y = deviceZeros(g.m * g.n * 4);
    const xMax = options.xMax === undefined ? null : upload(new Float32Array([options.xMax, 0, 0, 0]));
    const wMax = options.wMax === undefined ? null : upload(new Float32Array([options.wMax, 0, 0, 0]));
    const status = xpu.fc_fusion(['float', 'float', 'float', tgemm], ctx, upload(x), upload(w), y, g.m, g.n, g.k, g.xTrans, g.wTrans, xMax, wMax, null, g.ldx, g.ldw, g.n, 1, 0, null, xpu.Activation_t.LINEAR);
    expect(status).toBe(XPU_SUCCESS);
    xpu.destroy_context(ctx);
    return download(y, new Float32Array(g.m * g.n));
  }, { mode: options.mode });
}

const G: Gemm = { m: 6, n: 5, k: 48, xTrans: false, wTrans: false, ldx: 48, ldw: 5 };
const X = seeded(G.m * G.k, 1, -2, 2);
const W = seeded(G.k * G.n, 2, -0.25, 0.25);
const REF = reference(X, W, G);
/** fp32 GEMM with a float32 running sum: |error| <= k·2^-24·Σ|x·w| (+ output rounding). */
const fp32Bound = (i: number, k: number): number => (k + 1) * 2 ** -24 * REF.abs[i];

describe('fc_fusion: row-major reading', () => {
  it('matches float64 for every transpose pair with leading dimensions wider than the rows (TGEMM = float)', () => {
    const [m, n, k] = [3, 4, 5];
    for (const xTrans of [false, true])
      for (const wTrans of [false, true]) {
        const ldx = (xTrans ? m : k) + 2;
        const ldw = (wTrans ? k : n) + 3;
        const g: Gemm = { m, n, k, xTrans, wTrans, ldx, ldw };
        const x = seeded((xTrans ? k : m) * ldx, 3, -1, 1);
        const w = seeded((wTrans ? n : k) * ldw, 4, -1, 1);
        const { result } = fc(x, w, g, 'float');
        const ref = reference(x, w, g);
        result.forEach((v, i) => expect(Math.abs(v - ref.y[i]), `x_trans ${xTrans} w_trans ${wTrans} [${i}]`).toBeLessThanOrEqual((k + 1) * 2 ** -24 * ref.abs[i]));
      }
  });

  it('computes act(alpha·x·w + beta·y + bias) with the fused activation', () => {
    const [m, n, k] = [2, 3, 4];
    const x = seeded(m * k, 5);
    const w = seeded(k * n, 6);
    const y0 = seeded(m * n, 7);
    const bias = seeded(n, 8);
    const ref = reference(x, w, { m, n, k, xTrans: false, wTrans: false, ldx: k, ldw: n });
    const pre = ref.y.map((v, i) => 2 * v + 0.5 * y0[i] + bias[i % n]);
    const { result, process } = inProcess(() => {
      const ctx = xpu.create_context();
      const [xs, ws, bs] = [upload(x), upload(w), upload(bias)];
      const run = (act: InstanceType<typeof xpu.Activation_t> | number): Float32Array | string | number => {
        const y = upload(y0);
        const status = xpu.fc_fusion(['float', 'float', 'float', 'float'], ctx, xs, ws, y, m, n, k, false, false, null, null, null, k, n, n, 2, 0.5, bs, act as never);
        return status === XPU_SUCCESS ? download(y, new Float32Array(m * n)) : status;
      };
      const leaky = new xpu.Activation_t(xpu.Activation_t.LEAKY_RELU);
      const unsetLeaky = new xpu.Activation_t(xpu.Activation_t.LEAKY_RELU);
      leaky.leaky_alpha = 0.1;
      const out = {
        linear: run(xpu.Activation_t.LINEAR),
        relu6: run(new xpu.Activation_t(xpu.Activation_t.RELU6)),
        leaky: run(leaky),
        unsetLeaky: run(unsetLeaky),
        hardSwish: run(xpu.Activation_t.HARD_SWISH),
      };
      xpu.destroy_context(ctx);
      return out;
    });
    const tol = (v: number): number => 1e-6 * (1 + Math.abs(v));
    (result.linear as Float32Array).forEach((v, i) => expect(Math.abs(v - pre[i])).toBeLessThanOrEqual(tol(pre[i])));
    (result.relu6 as Float32Array).forEach((v, i) => expect(Math.abs(v - Math.min(6, Math.max(0, pre[i])))).toBeLessThanOrEqual(tol(pre[i])));
    (result.leaky as Float32Array).forEach((v, i) => expect(Math.abs(v - (pre[i] < 0 ? 0.1 * pre[i] : pre[i]))).toBeLessThanOrEqual(tol(pre[i])));
    expect(result.unsetLeaky).toBe(Error_t.INVALID_PARAM);
    expect(result.hardSwish).toBe(Error_t.NOT_IMPLEMENT);
    expect(diagnosticIds(process)).toEqual(['OB2013', 'OB2014']);
  });
});

describe('fc_fusion: TGEMM numerics', () => {
  it('int16_t (the default) carries int16 quantisation error within its bound; float is ~100x closer; int32_t and tfloat32 in between as expected', () => {
    const sx = absMax(X) / LEVELS;
    const sw = absMax(W) / LEVELS;
    // |x·w - x̂·ŵ| <= (sx/2)|w| + (sw/2)(|x| + sx/2) per product, plus the float32 output rounding.
    const int16Bound = REF.y.map((v, idx) => {
      const [i, j] = [Math.floor(idx / G.n), idx % G.n];
      let b = 0;
      for (let p = 0; p < G.k; p++) b += (sx / 2) * Math.abs(W[p * G.n + j]) + (sw / 2) * (Math.abs(X[i * G.k + p]) + sx / 2);
      return b + 2 ** -24 * (Math.abs(v) + b);
    });
    const errors = (tgemm: Tgemm): number[] => Array.from(fc(X, W, G, tgemm).result, (v, i) => Math.abs(v - REF.y[i]));
    const [int16, float, int31, tf32] = (['int16_t', 'float', 'int32_t', 'tfloat32'] as const).map(errors);
    int16.forEach((e, i) => expect(e, `int16 [${i}]`).toBeLessThanOrEqual(int16Bound[i]));
    float.forEach((e, i) => expect(e, `float [${i}]`).toBeLessThanOrEqual(fp32Bound(i, G.k)));
    int31.forEach((e, i) => expect(e, `int31 [${i}]`).toBeLessThanOrEqual(fp32Bound(i, G.k)));
    // tfloat32 rounds operands to 10 mantissa bits: |error| <= 2·2^-11·Σ|x·w| + fp32 accumulation.
    tf32.forEach((e, i) => expect(e, `tf32 [${i}]`).toBeLessThanOrEqual(2 * 2 ** -11 * REF.abs[i] + fp32Bound(i, G.k)));
    const worst = (e: number[]): number => Math.max(...e);
    expect(worst(int16)).toBeGreaterThan(100 * worst(float));
    expect(worst(tf32)).toBeGreaterThan(10 * worst(float));
  });

  it('golden mode ignores TGEMM: every compute type gives the float64 result rounded once', () => {
    const expected = REF.y.map(Math.fround);
    for (const tgemm of ['int16_t', 'float', 'float16'] as const) expect([...fc(X, W, G, tgemm, { mode: 'golden' }).result]).toEqual(expected);
  });

  it('records Gemm with the row-major attributes and the TGEMM-specific profile in the trace', () => {
    const { process } = fc(X, W, { ...G, wTrans: false }, 'int16_t');
    const gemm = process.tracer.records.find((r) => r.op === 'Gemm');
    expect(gemm).toMatchObject({ symbol: 'xpu::fc_fusion', attributes: { alpha: 1, beta: 1, transA: 0, transB: 0 }, profile: 'kunlun.default+xpu::fc_fusion.TGEMM=int16_t' });
    expect(gemm?.site?.file).toMatch(/fc\.test\.ts$/);
  });
});

describe('fc_fusion: max pointers', () => {
  it('the true maxima reproduce the nullptr result bit for bit; a larger x max quantises more coarsely, exactly as the scheme says', () => {
    const [mx, mw] = [absMax(X), absMax(W)];
    const base = fc(X, W, G, 'int16_t').result;
    expect([...fc(X, W, G, 'int16_t', { xMax: mx, wMax: mw }).result]).toEqual([...base]);
    const coarse = fc(X, W, G, 'int16_t', { xMax: 4 * mx }).result;
    const manual = reference(quantised(X, 4 * mx), quantised(W, mw), G).y;
    coarse.forEach((v, i) => expect(Math.abs(v - manual[i])).toBeLessThanOrEqual(2 ** -23 * Math.abs(manual[i]) + 1e-12));
    expect([...coarse]).not.toEqual([...base]);
  });

  it('an understated maximum is reported (the device would saturate) and the real one is used', () => {
    const run = fc(X, W, G, 'int16_t', { xMax: absMax(X) / 2 });
    expect(diagnosticIds(run.process)).toEqual(['OB2013']);
    expect(run.process.diagnostics.entries[0].message).toMatch(/x_maxptr holds .* largest magnitude is/);
    expect([...run.result]).toEqual([...fc(X, W, G, 'int16_t').result]);
  });

  it("pre-quantised int16 weights with w_maxptr (fc_fusion<float, int16_t, float, int16_t>) equal float weights quantised with that maximum; y_maxptr gets max|y|", () => {
    const mw = absMax(W);
    const q = Int16Array.from(W, (v) => roundHalfEven((v * LEVELS) / mw));
    const { result, process } = inProcess(() => {
      const ctx = xpu.create_context();
      const xs = upload(X);
      const wq = upload(q);
      const wMax = upload(new Float32Array([mw, 0, 0, 0]));
      const [y, yMax] = [deviceZeros(G.m * G.n * 4), deviceZeros(4)];
      expect(xpu.fc_fusion(['float', 'int16_t', 'float', 'int16_t'], ctx, xs, wq, y, G.m, G.n, G.k, false, false, null, wMax, yMax, G.k, G.n, G.n, 1, 0, null, xpu.Activation_t.LINEAR)).toBe(XPU_SUCCESS);
      const missingMax = xpu.fc_fusion(['float', 'int16_t', 'float', 'int16_t'], ctx, xs, wq, y, G.m, G.n, G.k, false, false, null, null, null, G.k, G.n, G.n, 1, 0, null, xpu.Activation_t.LINEAR);
      xpu.destroy_context(ctx);
      return { y: download(y, new Float32Array(G.m * G.n)), yMax: download(yMax, new Float32Array(1))[0], missingMax };
    });
    expect([...result.y]).toEqual([...fc(X, W, G, 'int16_t', { wMax: mw }).result]);
    expect(result.yMax).toBe(absMax(result.y));
    expect(result.missingMax).toBe(Error_t.INVALID_PARAM);
    expect(diagnosticIds(process)).toEqual(['OB2013']);
  });
});

describe('fc_fusion: misuse', () => {
  it('returns INVALID_PARAM / RUNTIME_ERROR / NOT_IMPLEMENT with the matching diagnostics', () => {
    const { result, process } = inProcess(() => {
      const ctx = xpu.create_context();
      const [m, n, k] = [2, 3, 4];
      const x = upload(seeded(m * k, 9));
      const w = upload(seeded(k * n, 10));
      const y = deviceZeros(m * n * 4);
      const call = (types: string[], xp: DevicePtr, ldx: number): unknown =>
        xpu.fc_fusion(types, ctx, xp, w, y, m, n, k, false, false, null, null, null, ldx, n, n, 1, 0, null, xpu.Activation_t.LINEAR);
      const f = ['float', 'float', 'float', 'float'];
      const statuses = [
        call(f, x, k - 1), // ldx smaller than a row
        call(f, x, k + 2), // rows run past the allocation
        call(f, new Float32Array(8) as unknown as DevicePtr, k), // host memory
        call(['bfloat16', 'bfloat16', 'bfloat16', 'int16_t'], x, k), // Paddle declares this unsupported
        call(['float', 'float', 'float', 'int8_t'], x, k), // not a compute type
      ];
      xpu_free(x);
      statuses.push(call(f, x, k)); // use after free
      xpu.destroy_context(ctx);
      return statuses;
    });
    expect(result).toEqual([Error_t.INVALID_PARAM, Error_t.RUNTIME_ERROR, Error_t.INVALID_PARAM, Error_t.NOT_IMPLEMENT, Error_t.INVALID_PARAM, Error_t.RUNTIME_ERROR]);
    expect(diagnosticIds(process)).toEqual(['OB2013', 'OB2001', 'OB2004', 'OB2014', 'OB2013', 'OB2002']);
    expect(process.diagnostics.entries[0].message).toMatch(/ldx = 3 is smaller than the row length 4/);
  });
});

describe('fc_batched', () => {
  it('multiplies strided batches; int16 uses one maximum per operand across the whole batch', () => {
    const [bs, m, n, k] = [3, 2, 3, 16];
    const [sx, sw, sy] = [m * k + 5, k * n, m * n + 1];
    // Batch 0 has much smaller values, so a per-batch maximum would quantise it more finely.
    const x = Float32Array.from(seeded(bs * sx, 11), (v, i) => (i < sx ? v / 64 : v));
    const w = seeded(bs * sw, 12);
    const run = (tgemm: Tgemm): Float32Array =>
      inProcess(() => {
        const ctx = xpu.create_context();
        const y = deviceZeros(bs * sy * 4);
        expect(xpu.fc_batched(['float', 'float', 'float', tgemm], ctx, bs, false, true, m, n, k, 1, upload(x), sx, upload(w), sw, 0, y, sy)).toBe(XPU_SUCCESS);
        xpu.destroy_context(ctx);
        return download(y, new Float32Array(bs * sy));
      }).result;
    const batchRef = (xv: ArrayLike<number>, wv: ArrayLike<number>, b: number) =>
      reference(Array.from({ length: m * k }, (_, i) => xv[b * sx + i]), Array.from({ length: k * n }, (_, i) => wv[b * sw + i]), { m, n, k, xTrans: false, wTrans: true, ldx: k, ldw: k });
    const float = run('float');
    const int16 = run('int16_t');
    const [qx, qw] = [quantised(x, absMax(x)), quantised(w, absMax(w))];
    for (let b = 0; b < bs; b++) {
      const exact = batchRef(x, w, b);
      const manual = batchRef(qx, qw, b).y;
      for (let i = 0; i < m * n; i++) {
        expect(Math.abs(float[b * sy + i] - exact.y[i])).toBeLessThanOrEqual((k + 1) * 2 ** -24 * exact.abs[i]);
        expect(Math.abs(int16[b * sy + i] - manual[i])).toBeLessThanOrEqual(2 ** -23 * Math.abs(manual[i]) + 1e-12);
      }
    }
  });

  it('rejects broadcast (0) and overlapping batch strides', () => {
    const { result, process } = inProcess(() => {
      const ctx = xpu.create_context();
      const [x, w, y] = [upload(seeded(8, 1)), upload(seeded(8, 2)), deviceZeros(64)];
      const statuses = [
        xpu.fc_batched(['float', 'float', 'float', 'float'], ctx, 2, false, false, 2, 2, 2, 1, x, 0, w, 4, 0, y, 4),
        xpu.fc_batched(['float', 'float', 'float', 'float'], ctx, 2, false, false, 2, 2, 2, 1, x, 4, w, 3, 0, y, 4),
      ];
      xpu.destroy_context(ctx);
      return statuses;
    });
    expect(result).toEqual([Error_t.NOT_IMPLEMENT, Error_t.INVALID_PARAM]);
    expect(diagnosticIds(process)).toEqual(['OB2014', 'OB2013']);
  });
});
