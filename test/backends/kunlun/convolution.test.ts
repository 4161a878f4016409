/**
 * XDNN conv2d and pooling against direct float64 loops written here: NCHW and NHWC, groups,
 * Paddle's 4-element paddings [top, bottom, left, right], the conv TGEMM and max pointers.
 */
import { describe, expect, it } from 'vitest';
import { Error_t, XPU_SUCCESS, xpu } from '../../../src/backends/kunlun/index.js';
import { deviceZeros, diagnosticIds, download, inProcess, seeded, upload } from './device-data.js';

interface ConvCase {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly f: number;
  readonly k: [number, number];
  readonly stride: [number, number];
  readonly dilation: [number, number];
  /** Paddle order: top, bottom, left, right. */
  readonly pad: [number, number, number, number];
  readonly groups: number;
}

const CASE: ConvCase = { n: 2, c: 4, h: 7, w: 6, f: 6, k: [3, 2], stride: [2, 1], dilation: [1, 2], pad: [1, 0, 2, 1], groups: 2 };

function outDims(p: ConvCase): [number, number] {
  const oh = Math.floor((p.h + p.pad[0] + p.pad[1] - p.dilation[0] * (p.k[0] - 1) - 1) / p.stride[0]) + 1;
  const ow = Math.floor((p.w + p.pad[2] + p.pad[3] - p.dilation[1] * (p.k[1] - 1) - 1) / p.stride[1]) + 1;
  return [oh, ow];
}

/** Direct NCHW convolution in float64 (cross-correlation), and Σ|x·w| per output for error bounds. */
function convReference(x: Float32Array, wgt: Float32Array, p: ConvCase): { y: number[]; abs: number[] } {
  const [oh, ow] = outDims(p);
  const cg = p.c / p.groups;
  const fg = p.f / p.groups;
  const y: number[] = [];
  const abs: number[] = [];
  for (let b = 0; b < p.n; b++)
    for (let f = 0; f < p.f; f++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++) {
          let s = 0;
          let a = 0;
          const g = Math.floor(f / fg);
          for (let cc = 0; cc < cg; cc++)
            for (let u = 0; u < p.k[0]; u++)
              for (let v = 0; v < p.k[1]; v++) {
                const hi = i * p.stride[0] - p.pad[0] + u * p.dilation[0];
                const wi = j * p.stride[1] - p.pad[2] + v * p.dilation[1];
                if (hi < 0 || hi >= p.h || wi < 0 || wi >= p.w) continue;
                const prod = x[((b * p.c + g * cg + cc) * p.h + hi) * p.w + wi] * wgt[((f * cg + cc) * p.k[0] + u) * p.k[1] + v];
                s += prod;
                a += Math.abs(prod);
              }
          y.push(s);
          abs.push(a);
        }
  return { y, abs };
}

/** NCHW -> NHWC for activations ([n, c, h, w]) and OIHW -> OHWI for filters. */
function channelsLast(data: ArrayLike<number>, n: number, c: number, h: number, w: number): Float32Array {
  const out = new Float32Array(n * c * h * w);
  for (let b = 0; b < n; b++) for (let ch = 0; ch < c; ch++) for (let p = 0; p < h * w; p++) out[(b * h * w + p) * c + ch] = data[(b * c + ch) * h * w + p];
  return out;
}

function runConv(x: Float32Array, wgt: Float32Array, p: ConvCase, tgemm: string, options: { nhwc?: boolean; xMax?: number; paddings?: number[] } = {}) {
  const [oh, ow] = outDims(p);
  return inProcess(() => {
    const ctx = xpu.create_context();
    const y = deviceZeros(p.n * p.f * oh * ow * 4);
    const xMax = options.xMax === undefined ? null : upload(new Float32Array([options.xMax]));
    const status = xpu.conv2d(['float', 'float', 'float', tgemm], ctx, upload(x), upload(wgt), y, p.n, p.c, p.h, p.w, p.f, p.k, p.stride, options.paddings ?? p.pad, p.dilation, p.groups, xMax, null, null, !options.nhwc);
    xpu.destroy_context(ctx);
    return status === XPU_SUCCESS ? download(y, new Float32Array(p.n * p.f * oh * ow)) : status;
  });
}

const X = seeded(CASE.n * CASE.c * CASE.h * CASE.w, 41, -1, 1);
const WGT = seeded(CASE.f * (CASE.c / CASE.groups) * CASE.k[0] * CASE.k[1], 42, -1, 1);
const REF = convReference(X, WGT, CASE);
const TAPS = (CASE.c / CASE.groups) * CASE.k[0] * CASE.k[1];

describe('conv2d', () => {
  it('matches a direct float64 convolution (groups, strides, dilations, asymmetric paddings) with TGEMM = float', () => {
    const y = runConv(X, WGT, CASE, 'float').result as Float32Array;
    y.forEach((v, i) => expect(Math.abs(v - REF.y[i])).toBeLessThanOrEqual((TAPS + 1) * 2 ** -24 * REF.abs[i]));
  });

  it('NHWC data with an [f, kh, kw, c/groups] filter gives the same numbers in NHWC order', () => {
    const [oh, ow] = outDims(CASE);
    const nchw = runConv(X, WGT, CASE, 'float').result as Float32Array;
    const cg = CASE.c / CASE.groups;
    const nhwc = runConv(channelsLast(X, CASE.n, CASE.c, CASE.h, CASE.w), channelsLast(WGT, CASE.f, cg, CASE.k[0], CASE.k[1]), CASE, 'float', { nhwc: true }).result as Float32Array;
    expect([...nhwc]).toEqual([...channelsLast(nchw, CASE.n, CASE.f, oh, ow)]);
  });

  it('two paddings mean (h, w) on both sides', () => {
    const symmetric: ConvCase = { ...CASE, pad: [1, 1, 2, 2] };
    expect(runConv(X, WGT, symmetric, 'float', { paddings: [1, 2] }).result).toEqual(runConv(X, WGT, symmetric, 'float').result);
  });

  it('the int16_t default deviates by int16 quantisation error; a given x max equal to the true one changes nothing, a larger one coarsens', () => {
    const int16 = runConv(X, WGT, CASE, 'int16_t').result as Float32Array;
    const sx = Math.max(...Array.from(X, Math.abs)) / 32767;
    const sw = Math.max(...Array.from(WGT, Math.abs)) / 32767;
    // Per product: (sx/2)|w| + (sw/2)(|x| + sx/2) <= (sx/2 + sw/2 + sx·sw/4) for |x|, |w| <= 1.
    const bound = TAPS * (sx / 2 + sw / 2 + (sx * sw) / 4);
    const errors = Array.from(int16, (v, i) => Math.abs(v - REF.y[i]));
    errors.forEach((e, i) => expect(e).toBeLessThanOrEqual(bound + 2 ** -24 * Math.abs(REF.y[i])));
    expect(Math.max(...errors)).toBeGreaterThan(1e-6);
    const trueMax = Math.max(...Array.from(X, Math.abs));
    expect(runConv(X, WGT, CASE, 'int16_t', { xMax: trueMax }).result).toEqual(int16);
    expect(runConv(X, WGT, CASE, 'int16_t', { xMax: 8 * trueMax }).result).not.toEqual(int16);
  });

  it('rejects groups that do not divide the channels and paddings of the wrong length', () => {
    const bad = inProcess(() => {
      const ctx = xpu.create_context();
      const [x, w, y] = [upload(X), upload(WGT), deviceZeros(4096)];
      const s1 = xpu.conv2d(['float', 'float', 'float', 'float'], ctx, x, w, y, 2, 4, 7, 6, 6, [3, 2], [1, 1], [0, 0], [1, 1], 3);
      const s2 = xpu.conv2d(['float', 'float', 'float', 'float'], ctx, x, w, y, 2, 4, 7, 6, 6, [3, 2], [1, 1], [0, 0, 0], [1, 1], 2);
      xpu.destroy_context(ctx);
      return [s1, s2];
    });
    expect(bad.result).toEqual([Error_t.INVALID_PARAM, Error_t.INVALID_PARAM]);
    expect(diagnosticIds(bad.process)).toEqual(['OB2013', 'OB2013']);
  });
});

describe('pooling', () => {
  const [n, c, h, w] = [1, 2, 4, 5];
  const x = seeded(n * c * h * w, 51, -1, 1);
  const at = (ch: number, i: number, j: number): number => x[(ch * h + i) * w + j];

  it('max_pool2d writes the maxima and their flat indices', () => {
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const [y, index] = [deviceZeros(c * 2 * 2 * 4), deviceZeros(c * 2 * 2 * 4)];
      expect(xpu.max_pool2d(['float'], ctx, upload(x), y, index, n, c, h, w, [2, 2], [2, 2], [0, 0, 0, 0], true)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return { y: [...download(y, new Float32Array(8))], index: [...download(index, new Int32Array(8))] };
    });
    const expected: number[] = [];
    const where: number[] = [];
    for (let ch = 0; ch < c; ch++)
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) {
          const cells = [0, 1].flatMap((u) => [0, 1].map((v) => [2 * i + u, 2 * j + v]));
          const best = cells.reduce((b, cell) => (at(ch, cell[0], cell[1]) > at(ch, b[0], b[1]) ? cell : b));
          expected.push(at(ch, best[0], best[1]));
          where.push((ch * h + best[0]) * w + best[1]);
        }
    expect(result.y).toEqual(expected);
    expect(result.index).toEqual(where);
  });

  it('avg_pool2d counts padding only with count_include_pad', () => {
    const { result } = inProcess(() => {
      const ctx = xpu.create_context();
      const [a, b] = [deviceZeros(c * 2 * 3 * 4), deviceZeros(c * 2 * 3 * 4)];
      expect(xpu.avg_pool2d(['float'], ctx, upload(x), a, n, c, h, w, [2, 2], [2, 2], [0, 0, 1, 0], true, true)).toBe(XPU_SUCCESS);
      expect(xpu.avg_pool2d(['float'], ctx, upload(x), b, n, c, h, w, [2, 2], [2, 2], [0, 0, 1, 0], false, true)).toBe(XPU_SUCCESS);
      xpu.destroy_context(ctx);
      return [download(a, new Float32Array(12)), download(b, new Float32Array(12))];
    });
    // Window (i, j) covers rows 2i, 2i+1 and columns 2j-1, 2j (column -1 is padding).
    for (let ch = 0; ch < c; ch++)
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 3; j++) {
          const cols = [2 * j - 1, 2 * j].filter((col) => col >= 0 && col < w);
          const sum = [2 * i, 2 * i + 1].reduce((s, r) => s + cols.reduce((t, col) => t + at(ch, r, col), 0), 0);
          const idx = (ch * 2 + i) * 3 + j;
          expect(result[0][idx]).toBeCloseTo(sum / 4, 6);
          expect(result[1][idx]).toBeCloseTo(sum / (2 * cols.length), 6);
        }
  });
});
