/**
 * The cudnn-frontend v1 graph API: the lifecycle and its error_t codes, each node kind
 * against a float64 reference (cudnn-reference.ts), virtual tensors and the workspace,
 * compute data types, traces.
 *
 * Tolerances: fp16 outputs computed in FLOAT are rounded once to fp16: |error| ≤ 2^-11·|ref|
 * plus the float32 computation's error, bounded here by 2^-16 relative to the data's scale.
 */
import { describe, expect, it } from 'vitest';
import { randomFloat32, roundToHalf } from '../../../src/backends/host/host-data.js';
import type { SimProcess } from '../../../src/backends/sim/sim-process.js';
import { allocate, cuda, diagnosticIds, downloadFloat32, inProcess, upload } from './cuda-test-kit.js';
import { fromHalfDevice, handle } from './cudnn-kit.js';
import { attention, geluErf, geluTanhRef, normalizeRows, sigmoid } from './cudnn-reference.js';

const { fe } = cuda;
type T = InstanceType<typeof fe.graph.Tensor_attributes>;
type G = InstanceType<typeof fe.graph.Graph>;

const halfValues = (count: number, seed: number, low = -1, high = 1) => Float32Array.from(randomFloat32(count, seed, low, high), (v) => roundToHalf(v, 'float16'));
const uploadHalf = (values: ArrayLike<number>) => upload(cuda.toFloat16Bits(values));

function packed(dims: number[]): number[] {
  const strides = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) strides[i] = strides[i + 1] * dims[i + 1];
  return strides;
}

function tensor(graph: G, name: string, dims: number[], type?: cuda.DataType_t): T {
  const t = new fe.graph.Tensor_attributes().set_name(name).set_dim(dims).set_stride(packed(dims));
  return graph.tensor(type ? t.set_data_type(type) : t);
}

function halfGraph(): G {
  return new fe.graph.Graph().set_io_data_type(fe.DataType_t.HALF).set_intermediate_data_type(fe.DataType_t.FLOAT).set_compute_data_type(fe.DataType_t.FLOAT);
}

function build(graph: G, h: cuda.cudnnHandle_t): void {
  for (const [what, result] of [
    ['validate', graph.validate()],
    ['build_operation_graph', graph.build_operation_graph(h)],
    ['create_execution_plans', graph.create_execution_plans([fe.HeurMode_t.A, fe.HeurMode_t.FALLBACK])],
    ['check_support', graph.check_support()],
    ['build_plans', graph.build_plans(fe.BuildPlanPolicy_t.HEURISTICS_CHOICE)],
  ] as const) {
    expect(result.toString(), what).toBe('OK');
  }
}

function closeHalf(actual: ArrayLike<number>, expected: ArrayLike<number>, scale: number): void {
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(2 ** -11 * Math.abs(expected[i]) + 2 ** -16 * scale);
  }
}

describe('graph lifecycle and error codes', () => {
  function smallGraph() {
    const graph = halfGraph();
    const x = tensor(graph, 'X', [4, 8]);
    const y = graph.pointwise(x, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.RELU_FWD));
    y.set_output(true);
    return { graph, x, y };
  }

  it('executing or sizing a graph that was never built is GRAPH_EXECUTION_FAILED (OB2009)', () => {
    const process = inProcess(() => {
      const { graph, x, y } = smallGraph();
      const h = handle();
      const result = graph.execute(h, new Map<T, cuda.DevicePtr>([[x, allocate(64)], [y, allocate(64)]]), null);
      expect(result.is_bad()).toBe(true);
      expect(result.get_code()).toBe(fe.error_code_t.GRAPH_EXECUTION_FAILED);
      expect(result.get_message()).toMatch(/^Plan index -1 is invalid\./);
      expect(graph.get_workspace_size(cuda.ref<number>()).get_code()).toBe(fe.error_code_t.GRAPH_EXECUTION_FAILED);
      expect(graph.get_workspace_size()).toBe(0);
    });
    expect(diagnosticIds(process)).toEqual(['OB2009', 'OB2009']);
    expect(process.diagnostics.entries[0]).toMatchObject({ symbol: 'cudnn_frontend::graph::Graph::execute', status: 'GRAPH_EXECUTION_FAILED' });
  });

  it('a tensor missing from the variant pack is INVALID_VARIANT_PACK ("Uid N does not exist in variant pack.")', () => {
    const process = inProcess(() => {
      const { graph, x } = smallGraph();
      const h = handle();
      build(graph, h);
      const result = graph.execute(h, new Map([[x, allocate(64)]]), null);
      expect(result.get_code()).toBe(fe.error_code_t.INVALID_VARIANT_PACK);
      expect(result.get_message()).toMatch(/^Uid 2 does not exist in variant pack\./);
    });
    expect(diagnosticIds(process)).toEqual(['OB2013']);
  });

  it('accepts a variant pack keyed by uid, and writes nothing through a virtual tensor (warning OB2013)', () => {
    let y: Float32Array = new Float32Array(0);
    const process = inProcess(() => {
      const graph = halfGraph();
      const x = tensor(graph, 'X', [4, 8]).set_uid(10);
      const t = graph.pointwise(x, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.NEG));
      const out = graph.pointwise(t, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.ABS)).set_output(true).set_uid(20);
      const h = handle();
      build(graph, h);
      const ws = cuda.ref<number>();
      expect(graph.get_workspace_size(ws).is_good()).toBe(true);
      // The virtual NEG output: 32 FLOAT values, one 256-byte aligned slot.
      expect(ws.value).toBe(256);
      const dx = uploadHalf(halfValues(32, 1));
      const dy = allocate(64);
      const never = allocate(128);
      expect(cuda.cudaMemset(never, 0x7f, 128)).toBe(cuda.cudaSuccess);
      expect(graph.execute(h, new Map<T | number, cuda.DevicePtr>([[10, dx], [20, dy], [t, never]]), allocate(ws.value)).is_good()).toBe(true);
      y = fromHalfDevice(dy, 32);
      expect([...new Uint8Array(downloadFloat32(never, 32).buffer)].every((b) => b === 0x7f)).toBe(true);
      expect(out.get_uid()).toBe(20);
    });
    expect(process.diagnostics.entries).toMatchObject([{ id: 'OB2013', severity: 'warning' }]);
    expect(process.diagnostics.entries[0].message).toMatch(/is virtual/);
    expect([...y]).toEqual([...halfValues(32, 1).map(Math.abs)]);
  });

  it('reports a missing forward phase (ATTRIBUTE_NOT_SET), duplicate uids (INVALID_VALUE), non-broadcasting shapes (SHAPE_DEDUCTION_FAILED)', () => {
    inProcess(() => {
      const g1 = halfGraph();
      const x = tensor(g1, 'X', [4, 8, 1, 1]);
      const s = tensor(g1, 'scale', [1, 8, 1, 1], fe.DataType_t.FLOAT);
      g1.layernorm(x, s, s, new fe.graph.Layernorm_attributes().set_epsilon(1e-5));
      expect(g1.validate()).toMatchObject({ code: fe.error_code_t.ATTRIBUTE_NOT_SET, err_msg: 'Forward phase not set of layernorm node.' });

      const g2 = halfGraph();
      tensor(g2, 'A', [2, 2]).set_uid(7);
      tensor(g2, 'B', [2, 2]).set_uid(7);
      expect(g2.validate().get_code()).toBe(fe.error_code_t.INVALID_VALUE);

      const g3 = halfGraph();
      g3.pointwise(tensor(g3, 'A', [2, 3]), tensor(g3, 'B', [2, 4]), new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.ADD));
      expect(g3.validate().get_code()).toBe(fe.error_code_t.SHAPE_DEDUCTION_FAILED);

      const g4 = halfGraph();
      g4.matmul(tensor(g4, 'A', [2, 3]), tensor(g4, 'B', [4, 5]), new fe.graph.Matmul_attributes());
      expect(g4.validate().get_message()).toMatch(/A's K \(3\) differs from B's \(4\)/);
    });
  });

  it('refuses a destroyed handle (HANDLE_ERROR, OB2008) and graphs no engine supports (GRAPH_NOT_SUPPORTED, OB2014)', () => {
    const process = inProcess(() => {
      const h = handle();
      expect(cuda.cudnnDestroy(h)).toBe(0);
      const g = halfGraph();
      g.pointwise(tensor(g, 'X', [2, 2]), new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.ABS)).set_output(true);
      expect(g.validate().is_good()).toBe(true);
      expect(g.build_operation_graph(h).get_code()).toBe(fe.error_code_t.HANDLE_ERROR);

      const live = handle();
      const g2 = new fe.graph.Graph().set_io_data_type(fe.DataType_t.FLOAT).set_compute_data_type(fe.DataType_t.FLOAT);
      const q = tensor(g2, 'Q', [1, 1, 4, 8]);
      const [o] = g2.sdpa(q, tensor(g2, 'K', [1, 1, 4, 8]), tensor(g2, 'V', [1, 1, 4, 8]), new fe.graph.SDPA_attributes().set_generate_stats(false));
      o.set_output(true);
      expect(g2.validate().is_good()).toBe(true);
      expect(g2.build_operation_graph(live).is_good()).toBe(true);
      expect(g2.create_execution_plans([fe.HeurMode_t.A]).is_good()).toBe(true);
      const result = g2.check_support();
      expect(result.get_code()).toBe(fe.error_code_t.GRAPH_NOT_SUPPORTED);
      expect(result.get_message()).toMatch(/HALF or BFLOAT16/);
      expect(g2.build_plans().get_code()).toBe(fe.error_code_t.GRAPH_EXECUTION_PLAN_CREATION_FAILED);
    });
    expect(diagnosticIds(process)).toEqual(['OB2008', 'OB2014', 'OB2013']);
  });

  it('a workspace shorter than get_workspace_size is written out of bounds: CUDNN_BACKEND_API_FAILED, OB2001, context lost', () => {
    const process = inProcess(() => {
      const graph = halfGraph();
      const x = tensor(graph, 'X', [8, 16]);
      const t = graph.pointwise(x, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.EXP));
      const y = graph.pointwise(t, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.LOG)).set_output(true);
      const h = handle();
      build(graph, h);
      expect(graph.get_workspace_size()).toBe(512);
      const result = graph.execute(h, new Map([[x, uploadHalf(halfValues(128, 2))], [y, allocate(256)]]), allocate(100));
      expect(result.get_code()).toBe(fe.error_code_t.CUDNN_BACKEND_API_FAILED);
      expect(result.get_message()).toMatch(/CUDNN_STATUS_EXECUTION_FAILED: access of 512 bytes/);
      expect(cuda.cudaDeviceSynchronize()).toBe(cuda.cudaErrorIllegalAddress);
    });
    expect(diagnosticIds(process)).toEqual(['OB2001']);
  });
});

describe('layernorm and rmsnorm', () => {
  const [rows, hidden] = [6, 16];
  const x = halfValues(rows * hidden, 3, -2, 2);
  const scale = randomFloat32(hidden, 4, 0.5, 1.5);
  const bias = randomFloat32(hidden, 5, -0.5, 0.5);

  function run(kind: 'layer' | 'rms', phase: cuda.NormFwdPhase_t, withBias: boolean) {
    const out: Record<'y' | 'mean' | 'inv', Float32Array> = { y: new Float32Array(0), mean: new Float32Array(0), inv: new Float32Array(0) };
    const process = inProcess(() => {
      const graph = halfGraph();
      const X = tensor(graph, 'X', [rows, hidden, 1, 1]);
      const S = tensor(graph, 'scale', [1, hidden, 1, 1], fe.DataType_t.FLOAT);
      const B = tensor(graph, 'bias', [1, hidden, 1, 1], fe.DataType_t.FLOAT);
      const eps = graph.tensor(1e-5);
      let Y: T;
      let M: T | null = null;
      let I: T | null;
      if (kind === 'layer') {
        [Y, M, I] = graph.layernorm(X, S, B, new fe.graph.Layernorm_attributes().set_forward_phase(phase).set_epsilon(eps));
      } else {
        const attributes = new fe.graph.Rmsnorm_attributes().set_forward_phase(phase).set_epsilon(eps);
        if (withBias) attributes.set_bias(B);
        [Y, I] = graph.rmsnorm(X, S, attributes);
      }
      Y.set_output(true);
      for (const t of [M, I]) t?.set_output(true).set_data_type(fe.DataType_t.FLOAT);
      const h = handle();
      build(graph, h);
      const dy = allocate(rows * hidden * 2);
      const dm = allocate(rows * 4);
      const di = allocate(rows * 4);
      const pack = new Map<T, cuda.DevicePtr>([[X, uploadHalf(x)], [S, upload(scale)], [B, upload(bias)], [Y, dy]]);
      if (M) pack.set(M, dm);
      if (I) pack.set(I, di);
      expect(graph.execute(h, pack, null).toString()).toBe('OK');
      out.y = fromHalfDevice(dy, rows * hidden);
      if (M) out.mean = downloadFloat32(dm, rows);
      if (I) out.inv = downloadFloat32(di, rows);
    });
    return { ...out, process };
  }

  it('layernorm TRAINING: Y (HALF) and the FLOAT statistics MEAN, INV_VARIANCE', () => {
    const { y, mean, inv, process } = run('layer', fe.NormFwdPhase_t.TRAINING, true);
    const ref = normalizeRows(x, hidden, scale, bias, Math.fround(1e-5), 'layer');
    closeHalf(y, ref.y, 4);
    // float32 statistics of 16 values.
    ref.mean.forEach((v, i) => expect(Math.abs(mean[i] - v)).toBeLessThanOrEqual(1e-6));
    ref.inv.forEach((v, i) => expect(Math.abs(inv[i] - v)).toBeLessThanOrEqual(1e-6 * v));
    expect(process.tracer.records.filter((r) => r.kind === 'op')).toMatchObject([
      { op: 'LayerNormalization', symbol: 'cudnn_frontend::graph::Graph::execute', attributes: { axis: 1, stash_type: 1 } },
    ]);
  });

  it('layernorm INFERENCE returns no statistics tensors', () => {
    inProcess(() => {
      const graph = halfGraph();
      const X = tensor(graph, 'X', [rows, hidden, 1, 1]);
      const S = tensor(graph, 'scale', [1, hidden, 1, 1]);
      const [, mean, inv] = graph.layernorm(X, S, S, new fe.graph.Layernorm_attributes().set_forward_phase(fe.NormFwdPhase_t.INFERENCE).set_epsilon(1e-5));
      expect([mean, inv]).toEqual([null, null]);
    });
    const { y } = run('layer', fe.NormFwdPhase_t.INFERENCE, true);
    closeHalf(y, normalizeRows(x, hidden, scale, bias, Math.fround(1e-5), 'layer').y, 4);
  });

  it('rmsnorm TRAINING with a bias: Y = x·rstd·scale + bias, INV_VARIANCE = rstd', () => {
    const { y, inv, process } = run('rms', fe.NormFwdPhase_t.TRAINING, true);
    const ref = normalizeRows(x, hidden, scale, bias, Math.fround(1e-5), 'rms');
    closeHalf(y, ref.y, 4);
    ref.inv.forEach((v, i) => expect(Math.abs(inv[i] - v)).toBeLessThanOrEqual(4e-7 * v));
    expect(process.tracer.records.filter((r) => r.kind === 'op').map((r) => r.op)).toEqual(['RMSNormalization', 'Add', 'Mul', 'ReduceMean', 'Add', 'Rsqrt']);
  });

  it('rmsnorm takes its epsilon as a tensor only, as the C++ class does', () => {
    expect(() => new fe.graph.Rmsnorm_attributes().set_epsilon(1e-5 as unknown as T)).toThrow(/takes a tensor/);
  });
});

describe('sdpa', () => {
  const dims = { b: 2, hq: 4, hk: 2, sq: 5, skv: 7, d: 8, dv: 8 };
  const q = halfValues(dims.b * dims.hq * dims.sq * dims.d, 6);
  const k = halfValues(dims.b * dims.hk * dims.skv * dims.d, 7);
  const v = halfValues(dims.b * dims.hk * dims.skv * dims.dv, 8);

  function run(configure: (a: InstanceType<typeof fe.graph.SDPA_attributes>) => void, stats: boolean, keyedByUid = false) {
    let o: Float32Array = new Float32Array(0);
    let lse: Float32Array = new Float32Array(0);
    const process = inProcess(() => {
      const graph = halfGraph();
      const Q = tensor(graph, 'Q', [dims.b, dims.hq, dims.sq, dims.d]);
      const K = tensor(graph, 'K', [dims.b, dims.hk, dims.skv, dims.d]);
      const V = tensor(graph, 'V', [dims.b, dims.hk, dims.skv, dims.dv]);
      const attributes = new fe.graph.SDPA_attributes().set_name('flash_attention').set_generate_stats(stats);
      configure(attributes);
      const [O, Stats] = graph.sdpa(Q, K, V, attributes);
      O.set_output(true);
      Stats?.set_output(true).set_data_type(fe.DataType_t.FLOAT);
      const h = handle();
      build(graph, h);
      const count = dims.b * dims.hq * dims.sq;
      const dO = allocate(count * dims.dv * 2);
      const dS = allocate(count * 4);
      const pointers: [T, cuda.DevicePtr][] = [[Q, uploadHalf(q)], [K, uploadHalf(k)], [V, uploadHalf(v)], [O, dO]];
      if (Stats) pointers.push([Stats, dS]);
      const pack = keyedByUid ? new Map(pointers.map(([t, p]) => [t.get_uid(), p])) : new Map(pointers);
      expect(graph.execute(h, pack, null).toString()).toBe('OK');
      o = fromHalfDevice(dO, count * dims.dv);
      if (Stats) lse = downloadFloat32(dS, count);
    });
    return { o, lse, process };
  }

  it('causal (top-left) grouped-query attention with attn_scale, and its Stats (log-sum-exp)', () => {
    const scale = 1 / Math.sqrt(dims.d);
    const { o, lse, process } = run((a) => a.set_attn_scale(scale).set_causal_mask(true), true);
    const ref = attention(q, k, v, dims, Math.fround(scale), 0);
    // O: one fp16 rounding of |o| < 1, plus float32 softmax / products (Attention operator tolerance 2e-3 covers fp16-held P on devices).
    ref.o.forEach((e, i) => expect(Math.abs(o[i] - e)).toBeLessThanOrEqual(2 ** -11 * Math.abs(e) + 1e-5));
    ref.lse.forEach((e, i) => expect(Math.abs(lse[i] - e)).toBeLessThanOrEqual(1e-5 * (Math.abs(e) + 1)));
    const ops = process.tracer.records.filter((r) => r.kind === 'op');
    expect(ops[0]).toMatchObject({ op: 'Attention', attributes: { scale: Math.fround(scale), is_causal: 1, softmax_precision: 1 } });
    expect(ops.map((r) => r.op).slice(1)).toEqual(['MatMul', 'Mul', 'Where', 'ReduceMax', 'Sub', 'Exp', 'ReduceSum', 'Log', 'Add']);
  });

  it('applies no implicit 1/sqrt(d) when attn_scale is unset', () => {
    const { o, process } = run(() => {}, false, true);
    const ref = attention(q, k, v, dims, 1, undefined);
    ref.o.forEach((e, i) => expect(Math.abs(o[i] - e)).toBeLessThanOrEqual(2 ** -11 * Math.abs(e) + 1e-5));
    expect(process.tracer.records.find((r) => r.kind === 'op')?.attributes).toMatchObject({ scale: 1, is_causal: 0 });
  });

  it('aligns a bottom-right causal mask to the last key (s_q < s_kv)', () => {
    const { o, process } = run((a) => a.set_causal_mask_bottom_right(true), false);
    const ref = attention(q, k, v, dims, 1, dims.skv - dims.sq);
    ref.o.forEach((e, i) => expect(Math.abs(o[i] - e)).toBeLessThanOrEqual(2 ** -11 * Math.abs(e) + 1e-5));
    expect(process.tracer.records.find((r) => r.kind === 'op')?.attributes).toMatchObject({ is_causal: 0 });
  });

  it('refuses masks it does not simulate', () => {
    const process = inProcess(() => {
      const graph = halfGraph();
      const Q = tensor(graph, 'Q', [1, 1, 4, 8]);
      const [O] = graph.sdpa(Q, tensor(graph, 'K', [1, 1, 4, 8]), tensor(graph, 'V', [1, 1, 4, 8]), new fe.graph.SDPA_attributes().set_generate_stats(false).set_alibi_mask(true));
      O.set_output(true);
      const h = handle();
      expect(graph.validate().is_good()).toBe(true);
      expect(graph.build_operation_graph(h).is_good()).toBe(true);
      expect(graph.create_execution_plans([fe.HeurMode_t.A]).is_good()).toBe(true);
      expect(graph.check_support().get_message()).toMatch(/ALiBi/);
    });
    expect(diagnosticIds(process)).toEqual(['OB2014']);
  });
});

describe('pointwise and matmul', () => {
  function unary(mode: cuda.PointwiseMode_t, configure: (a: InstanceType<typeof fe.graph.Pointwise_attributes>) => void = () => {}) {
    const x = halfValues(64, 9, -3, 3);
    let y: Float32Array = new Float32Array(0);
    let process: SimProcess | undefined;
    process = inProcess(() => {
      const graph = halfGraph();
      const X = tensor(graph, 'X', [4, 16]);
      const attributes = new fe.graph.Pointwise_attributes().set_mode(mode);
      configure(attributes);
      const Y = graph.pointwise(X, attributes).set_output(true);
      const h = handle();
      build(graph, h);
      const dy = allocate(128);
      expect(graph.execute(h, new Map([[X, uploadHalf(x)], [Y, dy]]), null).is_good()).toBe(true);
      y = fromHalfDevice(dy, 64);
    });
    return { x, y, process: process! };
  }

  it.each([
    ['GELU_FWD (erf)', fe.PointwiseMode_t.GELU_FWD, geluErf, { op: 'Gelu', attributes: { approximate: 'none' } }],
    ['GELU_APPROX_TANH_FWD', fe.PointwiseMode_t.GELU_APPROX_TANH_FWD, geluTanhRef, { op: 'Gelu', attributes: { approximate: 'tanh' } }],
    ['SWISH_FWD (SiLU)', fe.PointwiseMode_t.SWISH_FWD, (v: number) => v * sigmoid(v), { op: 'Silu' }],
    ['RELU_FWD', fe.PointwiseMode_t.RELU_FWD, (v: number) => Math.max(v, 0), { op: 'Relu' }],
  ])('%s in FLOAT, stored as HALF', (_, mode, f, record) => {
    const { x, y, process } = unary(mode);
    closeHalf(y, Array.from(x, f), 3);
    expect(process.tracer.records.find((r) => r.kind === 'op')).toMatchObject(record);
  });

  it('RELU_FWD with a lower clip slope is LeakyRelu; the two GELU forms differ', () => {
    const { x, y, process } = unary(fe.PointwiseMode_t.RELU_FWD, (a) => a.set_relu_lower_clip_slope(0.25));
    closeHalf(y, Array.from(x, (v) => (v > 0 ? v : 0.25 * v)), 3);
    expect(process.tracer.records.find((r) => r.kind === 'op')).toMatchObject({ op: 'LeakyRelu', attributes: { alpha: 0.25 } });
    const erf = unary(fe.PointwiseMode_t.GELU_FWD).y;
    const tanh = unary(fe.PointwiseMode_t.GELU_APPROX_TANH_FWD).y;
    expect(erf.some((v, i) => v !== tanh[i])).toBe(true);
  });

  it('binary ADD broadcasts a pass-by-value scalar; a second operand of a unary mode is INVALID_VALUE', () => {
    let y: Float32Array = new Float32Array(0);
    const x = halfValues(8, 10);
    inProcess(() => {
      const graph = halfGraph();
      const X = tensor(graph, 'X', [2, 4]);
      const Y = graph.pointwise(X, graph.tensor(0.5), new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.ADD)).set_output(true);
      const h = handle();
      build(graph, h);
      const dy = allocate(16);
      expect(graph.execute(h, new Map([[X, uploadHalf(x)], [Y, dy]]), null).is_good()).toBe(true);
      y = fromHalfDevice(dy, 8);
      const g2 = halfGraph();
      g2.pointwise(tensor(g2, 'A', [2]), tensor(g2, 'B', [2]), new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.EXP));
      expect(g2.validate().get_code()).toBe(fe.error_code_t.INVALID_VALUE);
    });
    closeHalf(y, Array.from(x, (v) => v + 0.5), 2);
  });

  it('batched matmul of HALF operands accumulates in FLOAT and rounds C once', () => {
    const [batch, m, kk, n] = [2, 3, 16, 5];
    const a = halfValues(batch * m * kk, 11);
    const b = halfValues(kk * n, 12);
    let c: Float32Array = new Float32Array(0);
    const process = inProcess(() => {
      const graph = halfGraph();
      const A = tensor(graph, 'A', [batch, m, kk]);
      const B = tensor(graph, 'B', [1, kk, n]);
      const C = graph.matmul(A, B, new fe.graph.Matmul_attributes().set_compute_data_type(fe.DataType_t.FLOAT)).set_output(true);
      const h = handle();
      build(graph, h);
      const dc = allocate(batch * m * n * 2);
      expect(graph.execute(h, new Map([[A, uploadHalf(a)], [B, uploadHalf(b)], [C, dc]]), null).is_good()).toBe(true);
      c = fromHalfDevice(dc, batch * m * n);
    });
    for (let p = 0; p < batch; p++)
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          let mag = 0;
          for (let l = 0; l < kk; l++) {
            s += a[(p * m + i) * kk + l] * b[l * n + j];
            mag += Math.abs(a[(p * m + i) * kk + l] * b[l * n + j]);
          }
          // One fp16 rounding of C plus float32 accumulation of 16 exact products.
          expect(Math.abs(c[(p * m + i) * n + j] - s)).toBeLessThanOrEqual(2 ** -11 * Math.abs(s) + 18 * 2 ** -24 * mag);
        }
    expect(process.tracer.records.find((r) => r.kind === 'op')).toMatchObject({ op: 'MatMul', profile: expect.stringContaining('set_compute_data_type.type=FLOAT') });
  });

  it('golden mode computes every node in float64 and rounds the stored outputs once', () => {
    const x = halfValues(64, 9, -3, 3);
    let y: Float32Array = new Float32Array(0);
    inProcess(
      () => {
        const graph = halfGraph();
        const X = tensor(graph, 'X', [4, 16]);
        const Y = graph.pointwise(X, new fe.graph.Pointwise_attributes().set_mode(fe.PointwiseMode_t.GELU_FWD)).set_output(true);
        const h = handle();
        build(graph, h);
        const dy = allocate(128);
        expect(graph.execute(h, new Map([[X, uploadHalf(x)], [Y, dy]]), null).is_good()).toBe(true);
        y = fromHalfDevice(dy, 64);
      },
      { mode: 'golden' },
    );
    expect([...y]).toEqual(Array.from(x, (v) => roundToHalf(geluErf(v), 'float16')));
  });
});
