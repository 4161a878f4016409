/**
 * The reference runtime's benchmark: float32 MatMul (n = 256, 512, 1024), a 3×3 Conv on
 * 1×64×56×56, Softmax and LayerNormalization on 4096×1024 — opbridge (profiled IEEE and golden)
 * side by side with tfjs-backend-cpu and ONNX Runtime (1 thread and default threads), in one
 * run, with throughput, ratios, the MatMul growth exponent and this round's bars.
 */
import { kernelRegistry, runOp } from '../src/runtime/run-op.js';
import { Tensor } from '../src/runtime/tensor.js';
import type { RawAttributes } from '../src/runtime/kernel.js';
import { initTfjsCpu, ortSingleOp, tf, type OrtSingleOp } from './reference-runtimes.js';
import { timeInterleaved, type Contender, type Timing } from './timing.js';

export interface BenchOptions {
  /** One timed round per workload and no 1024 MatMul: a smoke run, not a measurement. */
  readonly quick?: boolean;
  readonly log?: (line: string) => void;
}

export type Unit = 'GFLOP/s' | 'GB/s';

export interface ContenderResult {
  readonly name: string;
  readonly medianMs: number | undefined;
  readonly minMs: number | undefined;
  readonly minCpuMs: number | undefined;
  readonly rate: number | undefined;
  /** max |y - golden| / max |golden|, when a golden reference exists. */
  readonly deviation: number | undefined;
  readonly note?: string;
}

export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly contenders: readonly ContenderResult[];
}

/** Exponent e in time ∝ n^e between two MatMul sizes, from wall-clock and from CPU time. */
export interface Growth {
  readonly from: number;
  readonly to: number;
  readonly opbridgeWall: number;
  readonly opbridgeCpu: number;
  readonly tfjsWall: number;
  readonly tfjsCpu: number;
}

export interface Bar {
  readonly passed: boolean;
  readonly text: string;
}

export interface BenchReport {
  readonly workloads: readonly WorkloadResult[];
  readonly growth: readonly Growth[];
  readonly bars: readonly Bar[];
}

export const PROFILED = 'opbridge profiled (IEEE fp32)';
export const GOLDEN = 'opbridge golden (fp64)';
export const TFJS = 'tfjs-backend-cpu';
export const ORT_ONE = 'onnxruntime-node, 1 thread';
export const ORT_DEFAULT = 'onnxruntime-node, default threads';

/** Deterministic uniform values in [-1, 1) (a 32-bit LCG: benchmark data, not statistics). */
function randomFloat32(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

function float32Tensor(shape: readonly number[], seed: number): Tensor {
  return new Tensor(randomFloat32(shape.reduce((a, b) => a * b, 1), seed), 'float32', shape);
}

/** The output's values as the runtime stores them (no conversion pass inside the timing). */
function storageOf(t: Tensor): ArrayLike<number> {
  const whole = t.isContiguous() && t.offset === 0 && t.size === t.storage.length;
  return whole && (t.storage instanceof Float32Array || t.storage instanceof Float64Array) ? t.storage : t.toFloat64();
}

function maxDeviation(actual: ArrayLike<number>, golden: ArrayLike<number>): number {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < golden.length; i++) {
    scale = Math.max(scale, Math.abs(golden[i]));
    const d = Math.abs(actual[i] - golden[i]);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  return scale === 0 ? worst : worst / scale;
}

interface WorkloadSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  /** FLOPs (GFLOP/s) or bytes moved (GB/s) per call. */
  readonly work: number;
  readonly op: string;
  readonly inputs: readonly Tensor[];
  readonly attributes: RawAttributes;
  readonly ortAttributes: Readonly<Record<string, number | string | readonly number[]>>;
  readonly ortOpset?: number;
  readonly tfjs: () => tf.Tensor;
  readonly rounds: number;
  readonly budgetMs: number;
}

async function runWorkload(spec: WorkloadSpec, quick: boolean): Promise<WorkloadResult> {
  const registered = kernelRegistry().has(spec.op);
  const contenders: Contender<ArrayLike<number>>[] = [];
  const notes = new Map<string, string>();
  if (registered) {
    contenders.push({ name: PROFILED, run: () => storageOf(runOp(spec.op, spec.inputs, spec.attributes)[0]) });
    contenders.push({ name: GOLDEN, run: () => storageOf(runOp(spec.op, spec.inputs, spec.attributes, { mode: 'golden' })[0]) });
  } else {
    const note = `${spec.op} is not registered in this build`;
    notes.set(PROFILED, note);
    notes.set(GOLDEN, note);
  }
  contenders.push({
    name: TFJS,
    run: () => {
      const y = spec.tfjs();
      const data = y.dataSync() as Float32Array;
      y.dispose();
      return data;
    },
  });
  const sessions: OrtSingleOp[] = [];
  for (const threads of ['one', 'default'] as const) {
    const session = await ortSingleOp(spec.op, spec.inputs, spec.ortAttributes, threads, spec.ortOpset);
    sessions.push(session);
    contenders.push({ name: threads === 'one' ? ORT_ONE : ORT_DEFAULT, run: () => session.run() });
  }
  // Outputs once, before timing: every contender must compute the same thing.
  const outputs = new Map<string, ArrayLike<number>>();
  for (const c of contenders) outputs.set(c.name, await c.run());
  const golden = outputs.get(GOLDEN);
  const timings = await timeInterleaved(contenders, {
    warmup: quick ? 0 : 1,
    rounds: quick ? 1 : spec.rounds,
    minRounds: quick ? 1 : 3,
    budgetMs: spec.budgetMs,
  });
  await Promise.all(sessions.map((s) => s.release()));
  const byName = new Map<string, Timing>(timings.map((t) => [t.name, t]));
  const names = [PROFILED, GOLDEN, TFJS, ORT_ONE, ORT_DEFAULT];
  return {
    id: spec.id,
    title: spec.title,
    unit: spec.unit,
    contenders: names.map((name) => {
      const t = byName.get(name);
      const out = outputs.get(name);
      return {
        name,
        medianMs: t?.medianMs,
        minMs: t?.minMs,
        minCpuMs: t?.minCpuMs,
        rate: t ? spec.work / (t.minMs * 1e6) : undefined,
        deviation: golden && out ? maxDeviation(out, golden) : undefined,
        note: notes.get(name),
      };
    }),
  };
}

function matmulSpec(n: number): WorkloadSpec {
  const a = float32Tensor([n, n], 1);
  const b = float32Tensor([n, n], 2);
  const ta = tf.tensor2d(a.storage as Float32Array, [n, n]);
  const tb = tf.tensor2d(b.storage as Float32Array, [n, n]);
  return {
    id: `matmul-${n}`,
    title: `MatMul float32 ${n}×${n}×${n}`,
    unit: 'GFLOP/s',
    work: 2 * n ** 3,
    op: 'MatMul',
    inputs: [a, b],
    attributes: {},
    ortAttributes: {},
    tfjs: () => tf.matMul(ta, tb),
    // Enough rounds that the best one escapes bursts of load from other processes.
    rounds: n >= 1024 ? 5 : n >= 512 ? 9 : 15,
    budgetMs: 60_000,
  };
}

function convSpec(): WorkloadSpec {
  const [n, c, h, w, m] = [1, 64, 56, 56, 64];
  const x = float32Tensor([n, c, h, w], 3);
  const weight = float32Tensor([m, c, 3, 3], 4);
  // tfjs convolves NHWC data with an HWIO filter: same numbers, its native layout.
  const tx = tf.tidy(() => tf.transpose(tf.tensor4d(x.storage as Float32Array, [n, c, h, w]), [0, 2, 3, 1]));
  const tw = tf.tidy(() => tf.transpose(tf.tensor4d(weight.storage as Float32Array, [m, c, 3, 3]), [2, 3, 1, 0]));
  return {
    id: 'conv-3x3',
    title: 'Conv float32 3×3 pad 1, X 1×64×56×56, 64 output channels',
    unit: 'GFLOP/s',
    work: 2 * n * m * c * 9 * h * w,
    op: 'Conv',
    inputs: [x, weight],
    attributes: { pads: [1, 1, 1, 1] },
    ortAttributes: { pads: [1, 1, 1, 1] },
    tfjs: () =>
      tf.tidy(() => tf.transpose(tf.conv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, 1, 'same'), [0, 3, 1, 2])),
    rounds: 7,
    budgetMs: 20_000,
  };
}

function softmaxSpec(): WorkloadSpec {
  const x = float32Tensor([4096, 1024], 5);
  const tx = tf.tensor2d(x.storage as Float32Array, [4096, 1024]);
  return {
    id: 'softmax',
    title: 'Softmax float32 4096×1024, last axis',
    unit: 'GB/s',
    work: 2 * 4 * x.size,
    op: 'Softmax',
    inputs: [x],
    attributes: { axis: -1 },
    ortAttributes: { axis: -1 },
    tfjs: () => tf.softmax(tx),
    rounds: 7,
    budgetMs: 20_000,
  };
}

function layerNormSpec(): WorkloadSpec {
  const x = float32Tensor([4096, 1024], 6);
  const scale = float32Tensor([1024], 7);
  const bias = float32Tensor([1024], 8);
  const tx = tf.tensor2d(x.storage as Float32Array, [4096, 1024]);
  const ts = tf.tensor1d(scale.storage as Float32Array);
  const tb = tf.tensor1d(bias.storage as Float32Array);
  const epsilon = 1e-5;
  return {
    id: 'layernorm',
    title: 'LayerNormalization float32 4096×1024, last axis (tfjs: composed from moments)',
    unit: 'GB/s',
    work: 2 * 4 * x.size,
    op: 'LayerNormalization',
    inputs: [x, scale, bias],
    attributes: { axis: -1, epsilon },
    ortAttributes: { axis: -1, epsilon },
    ortOpset: 21,
    tfjs: () =>
      tf.tidy(() => {
        const { mean, variance } = tf.moments(tx, -1, true);
        return tf.add(tf.mul(tf.mul(tf.sub(tx, mean), tf.rsqrt(tf.add(variance, epsilon))), ts), tb);
      }),
    rounds: 7,
    budgetMs: 20_000,
  };
}

/** Cubic, plus 0.1 for timer noise between two sizes. */
const ALLOWED_GROWTH = 3.1;

export async function runRuntimeBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const quick = options.quick ?? false;
  await initTfjsCpu();
  const sizes = quick ? [256, 512] : [256, 512, 1024];
  const specs = [...sizes.map(matmulSpec), convSpec(), softmaxSpec(), layerNormSpec()];
  const workloads: WorkloadResult[] = [];
  for (const spec of specs) {
    log(`  running ${spec.title} ...`);
    workloads.push(await runWorkload(spec, quick));
  }
  // Bars use each contender's best round: other processes only ever add time, so the minimum is
  // the steadiest estimate of a kernel's own cost on a shared machine.
  const result = (id: string, name: string): ContenderResult | undefined =>
    workloads.find((w) => w.id === id)?.contenders.find((c) => c.name === name);
  const best = (id: string, name: string): number => result(id, name)!.minMs!;
  const bestCpu = (id: string, name: string): number => result(id, name)!.minCpuMs!;
  const exponent = (time: (id: string, name: string) => number, name: string, from: number, to: number): number =>
    Math.log(time(`matmul-${to}`, name) / time(`matmul-${from}`, name)) / Math.log(to / from);
  const growth: Growth[] = sizes.slice(1).map((to, i) => {
    const from = sizes[i];
    return {
      from,
      to,
      opbridgeWall: exponent(best, PROFILED, from, to),
      opbridgeCpu: exponent(bestCpu, PROFILED, from, to),
      tfjsWall: exponent(best, TFJS, from, to),
      tfjsCpu: exponent(bestCpu, TFJS, from, to),
    };
  });
  const bars: Bar[] = [];
  const ours512 = best('matmul-512', PROFILED);
  const tfjs512 = best('matmul-512', TFJS);
  const speedup = tfjs512 / ours512;
  bars.push({
    passed: speedup >= 2,
    text: `MatMul 512³ profiled IEEE is ${speedup.toFixed(2)}× as fast as tfjs-backend-cpu in this run (bar: ≥ 2×)`,
  });
  for (const g of growth) {
    // Judged on CPU time: on a shared 2-core machine wall time also counts other processes.
    bars.push({
      passed: g.opbridgeCpu <= ALLOWED_GROWTH,
      text:
        `MatMul CPU time grows as n^${g.opbridgeCpu.toFixed(2)} from ${g.from} to ${g.to} ` +
        `(wall clock n^${g.opbridgeWall.toFixed(2)}; bar: ≤ 3, ${ALLOWED_GROWTH} allowed for timer noise)`,
    });
  }
  for (const n of sizes) {
    const ratio = best(`matmul-${n}`, GOLDEN) / best(`matmul-${n}`, PROFILED);
    bars.push({ passed: ratio <= 4, text: `MatMul ${n}³ golden takes ${ratio.toFixed(2)}× the profiled float32 time (bar: ≤ 4×)` });
  }
  return { workloads, growth, bars };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** A plain-text report: one table per workload, growth exponents, bars. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  for (const w of report.workloads) {
    lines.push('', w.title);
    lines.push(
      `  ${pad('contender', 36)}${pad('best ms', 10, true)}${pad('median ms', 11, true)}${pad('cpu ms', 10, true)}${pad(w.unit, 10, true)}` +
        `${pad('opbridge ×', 12, true)}  max|Δ| / max|golden|`,
    );
    const ours = w.contenders.find((c) => c.name === PROFILED)?.minMs;
    for (const c of w.contenders) {
      if (c.minMs === undefined || c.medianMs === undefined) {
        lines.push(`  ${pad(c.name, 36)}  ${c.note ?? 'not measured'}`);
        continue;
      }
      // How many times faster opbridge profiled is than this contender (< 1: slower).
      const factor = ours === undefined ? '-' : `${(c.minMs / ours).toFixed(2)}`;
      const deviation = c.deviation === undefined ? '-' : c.deviation.toExponential(1);
      lines.push(
        `  ${pad(c.name, 36)}${pad(c.minMs.toFixed(1), 10, true)}${pad(c.medianMs.toFixed(1), 11, true)}${pad(c.minCpuMs!.toFixed(1), 10, true)}` +
          `${pad(c.rate!.toFixed(2), 10, true)}${pad(factor, 12, true)}  ${deviation}`,
      );
    }
  }
  lines.push(
    '',
    "Rates and ratios use each contender's best wall-clock round (rounds interleave the contenders).",
    'cpu ms: least process CPU time of a round (all threads; for multi-threaded ONNX Runtime it exceeds wall time).',
  );
  lines.push('', 'MatMul growth exponent (log of time ratio / log of size ratio; 3 = cubic), best round, wall clock / CPU time');
  for (const g of report.growth) {
    lines.push(
      `  ${g.from} → ${g.to}: opbridge profiled ${g.opbridgeWall.toFixed(2)} / ${g.opbridgeCpu.toFixed(2)}, ` +
        `tfjs-backend-cpu ${g.tfjsWall.toFixed(2)} / ${g.tfjsCpu.toFixed(2)}`,
    );
  }
  lines.push('', 'Bars for this round');
  for (const b of report.bars) lines.push(`  ${b.passed ? 'PASS' : 'FAIL'}  ${b.text}`);
  return lines.join('\n');
}
