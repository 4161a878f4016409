/**
 * Sample-style cuDNN programs (test/fixtures/programs/cuda/cudnn-*.ts) run as real programs
 * in a worker, against float64 references computed here from the same seeded inputs.
 */
import { describe, expect, it } from 'vitest';
import { randomFloat32, roundToHalf } from '../../../src/backends/host/host-data.js';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { runProgram } from '../../../src/run/run-program.js';
import { cuda, float32DotBound } from './cuda-test-kit.js';
import { attention, conv2d, geluErf, normalizeRows, pool2d, sigmoid, softmaxRows } from './cudnn-reference.js';

const program = (name: string) => new URL(`../../fixtures/programs/cuda/${name}`, import.meta.url).pathname;

type Run = Awaited<ReturnType<typeof runProgram>>;

function values(run: Run, name: string): Float64Array {
  const t = run.ranks[0].outputs.get(name);
  if (!t) throw new Error(`no output ${name}`);
  return t.toFloat64();
}

/** A Uint16Array output is read as float16 (program-output.ts): its decoded values. */
function halfOutput(run: Run, name: string): Float64Array {
  const t = run.ranks[0].outputs.get(name);
  expect(t?.dtype).toBe('float16');
  return values(run, name);
}

const ops = (run: Run) => run.ranks[0].trace.filter((t) => t.kind === 'op');
const halves = (count: number, seed: number, low = -1, high = 1) => Float32Array.from(randomFloat32(count, seed, low, high), (v) => roundToHalf(v, 'float16'));

describe('legacy cuDNN programs', () => {
  it('conv + bias + ReLU, NCHW and NHWC: TF32 default math against a float64 reference, identical layouts', async () => {
    const run = await runProgram(program('cudnn-conv-bias-relu.ts'));
    const p = { n: 2, c: 3, h: 6, w: 5, k: 4, r: 3, s: 3, pad: [1, 1], stride: [1, 1], dilation: [1, 1], group: 1 } as const;
    const x = randomFloat32(2 * 3 * 6 * 5, 1);
    const w = randomFloat32(4 * 3 * 3 * 3, 2, -0.5, 0.5);
    const bias = randomFloat32(4, 3, -0.2, 0.2);
    // CUDNN_DEFAULT_MATH: operands rounded to TF32 (ties away), float32 accumulation.
    const ref = conv2d(p, x, w, (v) => roundToFormat(v, TF32, 'nearest-away'));
    const nchw = values(run, 'nchw');
    ref.values.forEach((v, i) => {
      const exact = Math.max(0, v + bias[Math.floor(i / 30) % 4]);
      // Accumulation bound of 27 products plus the bias add's rounding; ReLU is exact.
      expect(Math.abs(nchw[i] - exact)).toBeLessThanOrEqual(float32DotBound(27, ref.magnitude[i]) + 2 ** -24 * (Math.abs(v) + 0.2));
    });
    expect([...values(run, 'nhwc')]).toEqual([...nchw]);
    expect(run.ranks[0].diagnostics).toEqual([]);
    expect(ops(run).map((t) => [t.symbol, t.op])).toEqual([
      ['cudnnConvolutionForward', 'Conv'],
      ['cudnnAddTensor', 'Add'],
      ['cudnnActivationForward', 'Relu'],
      ['cudnnConvolutionForward', 'Conv'],
      ['cudnnAddTensor', 'Add'],
      ['cudnnActivationForward', 'Relu'],
    ]);
    expect(ops(run)[3].attributes.data_format).toBe('NHWC');
    expect(ops(run)[0].site?.file).toMatch(/cudnn-conv-bias-relu\.ts$/);
  });

  it('batch norm then max and average pooling', async () => {
    const run = await runProgram(program('cudnn-pool-batchnorm.ts'));
    const dims = [2, 3, 6, 6];
    const x = randomFloat32(216, 10, -2, 2);
    const [scale, bias, mean, variance] = [randomFloat32(3, 11, 0.5, 1.5), randomFloat32(3, 12), randomFloat32(3, 13), randomFloat32(3, 14, 0.2, 2)];
    const bn = Array.from(x, (v, i) => {
      const c = Math.floor(i / 36) % 3;
      return Math.fround((scale[c] * (v - mean[c])) / Math.sqrt(Math.fround(1e-5) + variance[c]) + bias[c]);
    });
    const max = pool2d(bn, dims, [2, 2], [0, 0], [2, 2], 'max');
    const avg = pool2d(bn, dims, [3, 3], [1, 1], [2, 2], 'avg-exclude');
    expect([...values(run, 'maxDims')]).toEqual(max.dims);
    expect([...values(run, 'avgDims')]).toEqual(avg.dims);
    // BN: a few float32 roundings of values below ~10 (1e-5 absolute covers them); the max is exact on those values.
    values(run, 'max').forEach((v, i) => expect(Math.abs(v - max.values[i])).toBeLessThanOrEqual(1e-5));
    values(run, 'avg').forEach((v, i) => expect(Math.abs(v - avg.values[i])).toBeLessThanOrEqual(2e-5));
    expect(ops(run).map((t) => t.op)).toEqual(['BatchNormalization', 'MaxPool', 'AveragePool']);
    expect(run.ranks[0].diagnostics).toEqual([]);
  });

  it('softmax INSTANCE (over C, H, W) and CHANNEL (over C per pixel), and log-softmax', async () => {
    const run = await runProgram(program('cudnn-softmax-modes.ts'));
    const [n, c, hw] = [2, 4, 9];
    const x = randomFloat32(n * c * hw, 20, -3, 3);
    const instance = softmaxRows(x, c * hw);
    const channel = new Float64Array(x.length);
    const logChannel = new Float64Array(x.length);
    for (let a = 0; a < n; a++)
      for (let p = 0; p < hw; p++) {
        const lane = Array.from({ length: c }, (_, k) => x[(a * c + k) * hw + p]);
        softmaxRows(lane, c).forEach((v, k) => (channel[(a * c + k) * hw + p] = v));
        softmaxRows(lane, c, true).forEach((v, k) => (logChannel[(a * c + k) * hw + p] = v));
      }
    // exp and a float32 sum of at most 36 terms: 40 roundings relative, generous for either order.
    values(run, 'instance').forEach((v, i) => expect(Math.abs(v - instance[i])).toBeLessThanOrEqual(40 * 2 ** -24 * instance[i]));
    values(run, 'channel').forEach((v, i) => expect(Math.abs(v - channel[i])).toBeLessThanOrEqual(10 * 2 ** -24 * channel[i]));
    values(run, 'logChannel').forEach((v, i) => expect(Math.abs(v - logChannel[i])).toBeLessThanOrEqual(10 * 2 ** -24 * (Math.abs(logChannel[i]) + 3)));
    expect(ops(run).map((t) => t.op)).toEqual(['Softmax', 'Softmax', 'LogSoftmax']);
  });
});

describe('cudnn-frontend graph programs', () => {
  it('layernorm TRAINING in HALF with FLOAT statistics', async () => {
    const run = await runProgram(program('cudnn-fe-layernorm.ts'));
    const x = halves(6 * 32, 30, -2, 2);
    const ref = normalizeRows(x, 32, randomFloat32(32, 31, 0.5, 1.5), randomFloat32(32, 32, -0.5, 0.5), Math.fround(1e-5), 'layer');
    // One fp16 rounding of |y| < 6, float32 statistics.
    halfOutput(run, 'y').forEach((v, i) => expect(Math.abs(v - ref.y[i])).toBeLessThanOrEqual(2 ** -11 * Math.abs(ref.y[i]) + 1e-5));
    values(run, 'mean').forEach((v, i) => expect(Math.abs(v - ref.mean[i])).toBeLessThanOrEqual(1e-6));
    values(run, 'invVariance').forEach((v, i) => expect(Math.abs(v - ref.inv[i])).toBeLessThanOrEqual(1e-6 * ref.inv[i]));
    expect(ops(run).map((t) => [t.symbol, t.op, t.attributes.axis])).toEqual([['cudnn_frontend::graph::Graph::execute', 'LayerNormalization', 1]]);
    expect(run.ranks[0].diagnostics).toEqual([]);
  });

  it('rmsnorm INFERENCE with a runtime epsilon and a uid-keyed variant pack', async () => {
    const run = await runProgram(program('cudnn-fe-rmsnorm.ts'));
    const x = halves(5 * 48, 40, -3, 3);
    const ref = normalizeRows(x, 48, randomFloat32(48, 41, 0.5, 1.5), undefined, Math.fround(1e-6), 'rms');
    halfOutput(run, 'y').forEach((v, i) => expect(Math.abs(v - ref.y[i])).toBeLessThanOrEqual(2 ** -11 * Math.abs(ref.y[i]) + 1e-5));
    expect(ops(run)).toMatchObject([{ op: 'RMSNormalization', attributes: { axis: 1, epsilon: Math.fround(1e-6) } }]);
  });

  it('causal GQA SDPA in fp16 with Stats, BSHD memory layout', async () => {
    const run = await runProgram(program('cudnn-fe-sdpa.ts'));
    const [b, hq, hk, s, d] = [2, 4, 2, 6, 16];
    // The program stores [b, s, h, d]; the reference takes [b, h, s, d].
    const toBhsd = (data: Float32Array, heads: number) => {
      const out = new Float32Array(data.length);
      for (let a = 0; a < b; a++) for (let t = 0; t < s; t++) for (let h = 0; h < heads; h++) for (let e = 0; e < d; e++) out[((a * heads + h) * s + t) * d + e] = data[((a * s + t) * heads + h) * d + e];
      return out;
    };
    const q = toBhsd(halves(b * s * hq * d, 50), hq);
    const k = toBhsd(halves(b * s * hk * d, 51), hk);
    const v = toBhsd(halves(b * s * hk * d, 52), hk);
    const ref = attention(q, k, v, { b, hq, hk, sq: s, skv: s, d, dv: d }, Math.fround(1 / Math.sqrt(d)), 0);
    const o = halfOutput(run, 'o');
    for (let a = 0; a < b; a++)
      for (let t = 0; t < s; t++)
        for (let h = 0; h < hq; h++)
          for (let e = 0; e < d; e++) {
            const expected = ref.o[((a * hq + h) * s + t) * d + e];
            // One fp16 rounding of |o| < 1 plus float32 scores / softmax.
            expect(Math.abs(o[((a * s + t) * hq + h) * d + e] - expected)).toBeLessThanOrEqual(2 ** -11 * Math.abs(expected) + 1e-5);
          }
    values(run, 'stats').forEach((v2, i) => expect(Math.abs(v2 - ref.lse[i])).toBeLessThanOrEqual(1e-5 * (Math.abs(ref.lse[i]) + 1)));
    expect(ops(run)[0]).toMatchObject({ op: 'Attention', attributes: { is_causal: 1, scale: Math.fround(0.25) } });
    expect(run.ranks[0].diagnostics).toEqual([]);
  });

  it('SwiGLU (SWISH_FWD · up through a workspace-resident FLOAT tensor) and exact GELU', async () => {
    const run = await runProgram(program('cudnn-fe-pointwise.ts'));
    const gate = halves(96, 60, -4, 4);
    const up = halves(96, 61);
    const swiglu = halfOutput(run, 'swiglu');
    const gelu = halfOutput(run, 'gelu');
    gate.forEach((g, i) => {
      const h = g * sigmoid(g) * up[i];
      // SiLU in float32, stored float32 in the workspace, multiplied, rounded once to fp16.
      expect(Math.abs(swiglu[i] - h)).toBeLessThanOrEqual(2 ** -11 * Math.abs(h) + 1e-6);
      expect(Math.abs(gelu[i] - geluErf(g))).toBeLessThanOrEqual(2 ** -11 * Math.abs(geluErf(g)) + 1e-6);
    });
    // The FLOAT virtual SiLU output: 96 · 4 bytes in one 256-byte aligned slot.
    expect([...values(run, 'workspaceBytes')]).toEqual([512]);
    expect(ops(run).map((t) => t.op)).toEqual(['Silu', 'Mul', 'Gelu']);
    expect(run.ranks[0].diagnostics).toEqual([]);
  });

  it('reports an unbuilt graph (OB2009), a missing variant-pack entry (OB2013) and a leaked descriptor (OB2005)', async () => {
    const run = await runProgram(program('cudnn-misuse.ts'));
    const codes = Object.values(cuda.fe.error_code_t);
    expect([...values(run, 'codes')].map((i) => codes[i])).toEqual(['GRAPH_EXECUTION_FAILED', 'INVALID_VARIANT_PACK']);
    expect(run.ranks[0].diagnostics.map((d) => d.id)).toEqual(['OB2009', 'OB2013', 'OB2005']);
    expect(run.ranks[0].diagnostics[2].message).toMatch(/cudnnTensorDescriptor_t/);
  });
});
