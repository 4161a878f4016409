/**
 * The numerics rules of docs/runtime.md ("Numerics rules"), checked across every kernel they
 * apply to rather than kernel by kernel, so that a kernel that bypasses the shared helpers
 * (templates/compute-precision.ts) fails here.
 */
import { describe, expect, it } from 'vitest';
import type { DType, FloatDType } from '../../../src/runtime/dtype.js';
import type { RawAttributes } from '../../../src/runtime/kernel.js';
import { GOLDEN_PROFILE, IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { kernelRegistry, runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { int64 } from '../../helpers/exact-tensors.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { randomTensor } from '../../helpers/seeded-random.js';

interface KernelCase {
  readonly op: string;
  /** Inputs in `dtype` (control inputs such as axes keep their own dtype). */
  readonly inputs: (dtype: FloatDType) => (Tensor | undefined)[];
  readonly attributes?: RawAttributes;
  /** The dtypes the operator accepts (default: all four float dtypes). */
  readonly dtypes?: readonly FloatDType[];
  /** One correctly rounded operation per element: no profile changes its float32 results. */
  readonly singleRounding?: boolean;
}

const random = (shape: readonly number[], seed: number, low = -1, high = 1) => (dtype: DType) =>
  randomTensor(shape, dtype, seed, { low, high });
const ranks = (count: number, shape: readonly number[], seed: number) => (dtype: DType) =>
  Array.from({ length: count }, (_, r) => random(shape, seed + r)(dtype));

/** Every kernel that sums, multiplies or keeps float intermediates. */
const ACCUMULATING: readonly KernelCase[] = [
  { op: 'MatMul', inputs: (d) => [random([3, 40], 1)(d), random([40, 5], 2)(d)] },
  { op: 'Gemm', inputs: (d) => [random([3, 40], 3)(d), random([40, 5], 4)(d), random([5], 5)(d)], attributes: { alpha: 0.5, beta: 1.5 } },
  { op: 'Conv', inputs: (d) => [random([1, 3, 6, 6], 6)(d), random([4, 3, 3, 3], 7)(d), random([4], 8)(d)], attributes: { pads: [1, 1, 1, 1] } },
  { op: 'Attention', inputs: (d) => [random([1, 2, 4, 8], 9)(d), random([1, 2, 6, 8], 10)(d), random([1, 2, 6, 8], 11)(d)] },
  { op: 'ReduceSum', inputs: (d) => [random([4, 50], 12)(d), int64([1])] },
  { op: 'ReduceMean', inputs: (d) => [random([4, 50], 13)(d), int64([1])] },
  { op: 'CumSum', inputs: (d) => [random([4, 50], 14)(d), int64([1], [])] },
  { op: 'AveragePool', inputs: (d) => [random([1, 2, 6, 6], 15)(d)], attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], count_include_pad: 1 } },
  { op: 'GlobalAveragePool', inputs: (d) => [random([1, 3, 5, 5], 16)(d)] },
  { op: 'Softmax', inputs: (d) => [random([4, 30], 17, -4, 4)(d)] },
  { op: 'LogSoftmax', inputs: (d) => [random([4, 30], 18, -4, 4)(d)] },
  {
    op: 'GroupNormalization',
    inputs: (d) => [random([2, 4, 5], 19)(d), random([4], 20)(d), random([4], 21)(d)],
    attributes: { num_groups: 2, stash_type: 11 },
  },
  { op: 'RMSNormalization', inputs: (d) => [random([4, 30], 22)(d), random([30], 23)(d)], attributes: { stash_type: 11 } },
  {
    op: 'BatchNormalization',
    inputs: (d) => [random([2, 3, 4], 24)(d), random([3], 25)(d), random([3], 26)(d), random([3], 27)(d), random([3], 28, 0.5, 2)(d)],
  },
  { op: 'AllReduce', inputs: ranks(3, [4, 5], 29), attributes: { reduction: 'sum' } },
  // (avg is not here: profiled mode pre-multiplies by 1/N as NCCL does, an algorithm, not a precision.)
  { op: 'ReduceScatter', inputs: ranks(3, [6, 5], 32), attributes: { reduction: 'sum' } },
  { op: 'Add', inputs: (d) => [random([4, 5], 35)(d), random([5], 36)(d)], singleRounding: true },
  { op: 'Gelu', inputs: (d) => [random([4, 5], 37, -3, 3)(d)], attributes: { approximate: 'tanh' }, singleRounding: true },
  { op: 'LeakyRelu', inputs: (d) => [random([4, 5], 38)(d)], attributes: { alpha: 0.1 }, singleRounding: true },
];

/** Cases outside the float64 rule because the operator itself pins a narrower precision. */
const PINNED: readonly KernelCase[] = [
  // ONNX restricts LayerNormalization's stash_type to float32 and bfloat16.
  { op: 'LayerNormalization', inputs: (d) => [random([4, 30], 39)(d), random([30], 40)(d), random([30], 41)(d)] },
  // RotaryEmbedding-23 has no float64 type.
  {
    op: 'RotaryEmbedding',
    inputs: (d) => [random([1, 2, 3, 8], 42)(d), random([1, 3, 4], 43)(d), random([1, 3, 4], 44)(d)],
    dtypes: ['float32', 'float16', 'bfloat16'],
  },
];

/** Everything a profile can narrow, with the sequential order golden mode uses. */
const NARROW = withOverrides(
  IEEE_PROFILE,
  {
    matmul: { format: 'bf16', accumulate: 'bfloat16' },
    conv: { format: 'int16', accumulate: 'float16' },
    reduce: { accumulate: 'bfloat16', order: 'sequential' },
    halfCompute: 'native',
  },
  'test.narrow',
);

function run(c: KernelCase, dtype: FloatDType, options: Parameters<typeof runOp>[3]): Tensor[] {
  return runOp(c.op, c.inputs(dtype), c.attributes, options);
}

describe('rule 1: float64 data keeps float64 operands, sums and intermediates under any profile', () => {
  it.each(ACCUMULATING.map((c) => [c.op, c] as const))('%s: float64 results are bit-identical in golden mode and under a narrow profile', (_op, c) => {
    const golden = run(c, 'float64', { mode: 'golden' });
    const narrow = run(c, 'float64', { profile: NARROW });
    narrow.forEach((t, i) => expectIdentical(t, golden[i], `${c.op} output ${i}`));
    // The profile does narrow float32 data: the rule is not vacuous.
    const golden32 = run(c, 'float32', { mode: 'golden' });
    const narrow32 = run(c, 'float32', { profile: NARROW });
    expect(
      narrow32.some((t, i) => t.toFlatArray().some((v, j) => !Object.is(v, golden32[i].toFlatArray()[j]))),
      `${c.op}: the narrow profile changes float32 results`,
    ).toBe(!c.singleRounding);
  });

  it('keeps the profile summation order for float64 (pairwise float64 sums)', () => {
    const x = Tensor.fromNumbers([1, 2 ** -53, 2 ** -53, 2 ** -53], [4], 'float64');
    const pairwise = withOverrides(IEEE_PROFILE, { reduce: { order: 'pairwise' } }, 'test.pairwise');
    // Sequential: 1 + 2^-53 ties back to 1 each step. Pairwise: 1 + (2^-53 + 2^-53) = 1 + 2^-52.
    expect(runOp('ReduceSum', [x], {}, { mode: 'golden' })[0].toFlatArray()).toEqual([1]);
    expect(runOp('ReduceSum', [x], {}, { profile: pairwise })[0].toFlatArray()).toEqual([1 + 2 ** -52]);
  });
});

/** Unit roundoff of float32 and the classic bound γ_n = n·u / (1 - n·u) for n-term sums. */
const U32 = 2 ** -24;
const gamma = (n: number): number => (n * U32) / (1 - n * U32);

/** Kernels linear in each input with non-negative coefficients: running them on |inputs| gives Σ|terms|. */
const LINEAR: readonly { readonly c: KernelCase; readonly terms: number }[] = [
  { c: ACCUMULATING.find((k) => k.op === 'MatMul')!, terms: 40 },
  // alpha·Σ + beta·c: 41 terms.
  { c: ACCUMULATING.find((k) => k.op === 'Gemm')!, terms: 41 },
  { c: ACCUMULATING.find((k) => k.op === 'Conv')!, terms: 3 * 9 + 1 },
  { c: ACCUMULATING.find((k) => k.op === 'ReduceSum')!, terms: 50 },
  // The mean's division adds one rounding.
  { c: ACCUMULATING.find((k) => k.op === 'ReduceMean')!, terms: 51 },
  { c: ACCUMULATING.find((k) => k.op === 'CumSum')!, terms: 50 },
  { c: ACCUMULATING.find((k) => k.op === 'AveragePool')!, terms: 10 },
  { c: ACCUMULATING.find((k) => k.op === 'GlobalAveragePool')!, terms: 26 },
  { c: ACCUMULATING.find((k) => k.op === 'AllReduce')!, terms: 3 },
];

describe('rule 1: float32 data under the IEEE profile stays within the float32 summation bound of golden', () => {
  it.each(LINEAR.map((l) => [l.c.op, l] as const))(
    '%s: |ieee - golden| <= γ_n·Σ|terms| + both outputs\' float32 rounding, and the two differ somewhere',
    (_op, { c, terms }) => {
      const inputs = c.inputs('float32');
      const absolute = inputs.map((t) => (t && (t.dtype === 'float32') ? Tensor.fromNumbers(t.toFloat64().map(Math.abs), t.shape, 'float32') : t));
      const golden = runOp(c.op, inputs, c.attributes, { mode: 'golden' });
      const ieee = runOp(c.op, inputs, c.attributes, { profile: IEEE_PROFILE });
      const magnitude = runOp(c.op, absolute, c.attributes, { mode: 'golden' });
      let differs = false;
      golden.forEach((g, i) => {
        const gv = g.toFloat64();
        const iv = ieee[i].toFloat64();
        const mv = magnitude[i].toFloat64();
        for (let j = 0; j < gv.length; j++) {
          // Σ|terms| itself went through one float32 rounding: allow for it (1 + 2u).
          const bound = gamma(terms) * mv[j] * (1 + 2 * U32) + U32 * (Math.abs(gv[j]) + Math.abs(iv[j]));
          expect(Math.abs(iv[j] - gv[j]), `${c.op} output ${i} element ${j}`).toBeLessThanOrEqual(bound);
          if (iv[j] !== gv[j]) differs = true;
        }
      });
      expect(differs, `${c.op}: float32 accumulation must show in some element`).toBe(true);
    },
  );
});

describe('rule 2: half types compute per halfCompute', () => {
  const fp32Compute = withOverrides(IEEE_PROFILE, { halfCompute: 'float32' }, 'test.half-in-float32');
  const float64Compute = withOverrides(GOLDEN_PROFILE, {}, 'test.golden-numbers');
  const halfCases = [...ACCUMULATING, ...PINNED].filter((c) => c.op !== 'AllReduce' && c.op !== 'ReduceScatter');

  for (const half of ['float16', 'bfloat16'] as const) {
    it.each(halfCases.map((c) => [c.op, c] as const))(
      `%s: ${half} computed in float32 equals the float32 kernel on the same values, rounded to ${half}`,
      (_op, c) => {
        const halfInputs = c.inputs(half);
        const asFloat32 = halfInputs.map((t) => (t && t.dtype === half ? Tensor.fromNumbers(t.toFloat64(), t.shape, 'float32') : t));
        const halfOut = runOp(c.op, halfInputs, c.attributes, { profile: fp32Compute });
        const float32Out = runOp(c.op, asFloat32, c.attributes, { profile: fp32Compute });
        halfOut.forEach((t, i) => {
          const reference = t.dtype === half ? Tensor.fromNumbers(float32Out[i].toFloat64(), float32Out[i].shape, half) : float32Out[i];
          expectIdentical(t, reference, `${c.op} ${half} output ${i}`);
        });
      },
    );

    it.each(ACCUMULATING.filter((c) => c.op !== 'AllReduce' && c.op !== 'ReduceScatter').map((c) => [c.op, c] as const))(
      `%s: ${half} under a profile with golden numbers (halfCompute float64) equals golden mode`,
      (_op, c) => {
        const golden = run(c, half, { mode: 'golden' });
        run(c, half, { profile: float64Compute }).forEach((t, i) => expectIdentical(t, golden[i], `${c.op} ${half} output ${i}`));
      },
    );
  }

  it('collectives instead round every step to the buffer dtype (NCCL half arithmetic; docs/collectives.md)', () => {
    const ranksOf = [2048, 1, 1].map((v) => Tensor.fromNumbers([v], [1], 'float16'));
    expect(runOp('AllReduce', ranksOf, {}, { profile: fp32Compute })[0].toFlatArray()).toEqual([2048]);
    expect(runOp('AllReduce', ranksOf, {}, { mode: 'golden' })[0].toFlatArray()).toEqual([2050]);
  });
});

describe('rule 3: ONNX FLOAT attributes are float32', () => {
  const x32 = randomTensor([4, 5], 'float32', 50);
  const x64 = randomTensor([4, 5], 'float64', 51);
  const value = 0.1; // not a float32: fround(0.1) = 0.10000000149011612
  const cases: readonly { readonly op: string; readonly inputs: (x: Tensor) => Tensor[]; readonly attribute: string; readonly extra?: RawAttributes }[] = [
    { op: 'LeakyRelu', inputs: (x) => [x], attribute: 'alpha' },
    { op: 'Elu', inputs: (x) => [x], attribute: 'alpha' },
    { op: 'LayerNormalization', inputs: (x) => [x, randomTensor([5], x.dtype, 52)], attribute: 'epsilon' },
    { op: 'RMSNormalization', inputs: (x) => [x, randomTensor([5], x.dtype, 53)], attribute: 'epsilon' },
    {
      op: 'BatchNormalization',
      inputs: (x) => [x, ...[54, 55, 56].map((s) => randomTensor([5], x.dtype, s)), randomTensor([5], x.dtype, 57, { low: 0, high: 1e-3 })],
      attribute: 'epsilon',
    },
    { op: 'Attention', inputs: (x) => [x.reshape([1, 1, 4, 5]), x.reshape([1, 1, 4, 5]), x.reshape([1, 1, 4, 5])], attribute: 'scale' },
    { op: 'Attention', inputs: (x) => [x.reshape([1, 1, 4, 5]), x.reshape([1, 1, 4, 5]), x.reshape([1, 1, 4, 5])], attribute: 'softcap' },
  ];

  it.each(cases.map((c) => [`${c.op} ${c.attribute}`, c] as const))('%s: 0.1 and fround(0.1) give the same results, float64 data included', (_name, c) => {
    for (const x of [x32, x64]) {
      const given = runOp(c.op, c.inputs(x), { [c.attribute]: value }, { mode: 'golden' });
      const rounded = runOp(c.op, c.inputs(x), { [c.attribute]: Math.fround(value) }, { mode: 'golden' });
      given.forEach((t, i) => expectIdentical(t, rounded[i], `${c.op} ${x.dtype} output ${i}`));
    }
  });

  it('Gemm alpha / beta are float32 for float32 data and exact for float64 data', () => {
    // An x where 0.1·x and fround(0.1)·x round to different float32 values.
    const x = Array.from({ length: 1000 }, (_, i) => i + 1).find((v) => Math.fround(value * v) !== Math.fround(Math.fround(value) * v));
    expect(x).toBeDefined();
    const gemm = (dtype: 'float32' | 'float64', attributes: RawAttributes): number => {
      const inputs = [Tensor.fromNumbers([x!], [1, 1], dtype), Tensor.fromNumbers([1], [1, 1], dtype), Tensor.fromNumbers([x!], [1], dtype)];
      return runOp('Gemm', inputs, attributes, { mode: 'golden' })[0].toFlatArray()[0];
    };
    expect(gemm('float32', { alpha: value, beta: 0 })).toBe(Math.fround(Math.fround(value) * x!));
    expect(gemm('float32', { alpha: 0, beta: value })).toBe(Math.fround(Math.fround(value) * x!));
    expect(gemm('float64', { alpha: value, beta: 0 })).toBe(value * x!);
    expect(gemm('float64', { alpha: 0, beta: value })).toBe(value * x!);
  });

  it('RandomNormal mean / scale and RandomUniform low / high are float32 unless the output is float64', () => {
    const parse = (op: string, attributes: RawAttributes): Record<string, unknown> =>
      kernelRegistry().get(op)!.parseAttributes({ shape: [1], ...attributes }) as Record<string, unknown>;
    expect(parse('RandomNormal', { mean: value, scale: value })).toMatchObject({ mean: Math.fround(value), scale: Math.fround(value) });
    expect(parse('RandomNormal', { mean: value, scale: value, dtype: 11 })).toMatchObject({ mean: value, scale: value });
    expect(parse('RandomUniform', { low: value, high: 1 + value, dtype: 10 })).toMatchObject({ low: Math.fround(value), high: Math.fround(1 + value) });
    expect(parse('RandomUniform', { low: value, high: 1 + value, dtype: 'float64' })).toMatchObject({ low: value, high: 1 + value });
    // The float64 generator really uses the exact value.
    expect(runOp('RandomNormal', [], { mean: value, scale: 0, shape: [1], dtype: 11 })[0].toFlatArray()).toEqual([value]);
  });
});
