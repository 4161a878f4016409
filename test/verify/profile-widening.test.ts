import { describe, expect, it } from 'vitest';
import { pow2 } from '../../src/runtime/numerics/float-format.js';
import { withOverrides, type NumericProfile, type NumericProfileOverrides } from '../../src/runtime/numerics/numeric-profile.js';
import type { RawAttributes } from '../../src/runtime/kernel.js';
import { runOp } from '../../src/runtime/run-op.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { DEFAULT_TOLERANCES } from '../../src/verify/tolerance.js';
import { checkWithin } from '../../src/verify/tolerance-check.js';
import { GELU_APPROXIMATION_GAP, gamma, operandRoundoff, profileWidening, unitRoundoff } from '../../src/verify/profile-widening.js';
import { FP16, TF32, HF32, BF16 } from '../../src/runtime/numerics/float-format.js';
import { seededUniform } from '../../src/backends/host/host-data.js';
import { erf } from '../../src/runtime/kernels/Erf.js';
import { IEEE, TF32_FTZ } from './fixture-catalog.js';

function random(shape: number[], seed: number, scale = 1, dtype: 'float32' | 'float16' = 'float32'): Tensor {
  const next = seededUniform(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return Tensor.fromNumbers(Array.from({ length: n }, () => (2 * next() - 1) * scale), shape, dtype);
}

const profile = (overrides: NumericProfileOverrides, id: string): NumericProfile => withOverrides(IEEE, overrides, id);

/**
 * The property the widening promises: the operator run under `p` stays within strict +
 * widening of its float64 result, element by element.
 */
function holds(op: string, inputs: Tensor[], attributes: RawAttributes, p: NumericProfile): { ok: boolean; worst: number } {
  const [reference] = runOp(op, inputs, attributes, { mode: 'golden' });
  const [actual] = runOp(op, inputs, attributes, { mode: 'profiled', profile: p });
  const w = profileWidening({ op, attributes, inputs, reference }, p);
  const strict = DEFAULT_TOLERANCES[reference.dtype];
  const check = checkWithin(actual.toFloat64(), reference.toFloat64(), { rtol: strict.rtol + w.rtol, atol: strict.atol + w.atol, magnitude: w.magnitude });
  return { ok: check.ok, worst: check.worstRatio };
}

describe('roundoff helpers', () => {
  it('give unit roundoffs of formats and the γ_n bound', () => {
    expect(unitRoundoff(TF32)).toBe(pow2(-11));
    expect(unitRoundoff(HF32)).toBe(pow2(-12));
    expect(unitRoundoff(BF16, 'truncate')).toBe(pow2(-7));
    expect(gamma(10, pow2(-24))).toBeCloseTo((10 * pow2(-24)) / (1 - 10 * pow2(-24)), 20);
    expect(gamma(0, 0.1)).toBe(0);
    expect(gamma(20, 0.1)).toBe(Infinity);
  });

  it('charge operand rounding only when the format cannot hold the dtype', () => {
    const m = (format: NumericProfile['matmul']['format'], rounding: NumericProfile['matmul']['rounding'] = 'nearest-even') => ({ format, rounding, accumulate: 'float32' as const });
    expect(operandRoundoff(m('tf32'), 'float32')).toBe(pow2(-11));
    expect(operandRoundoff(m('fp32'), 'float32')).toBe(0);
    expect(operandRoundoff(m('tf32'), 'float16')).toBe(0); // TF32 holds float16's 10 mantissa bits
    expect(operandRoundoff(m('bf16', 'truncate'), 'float16')).toBe(pow2(-7));
    expect(operandRoundoff(m('fp64'), 'float32')).toBe(0);
    expect(unitRoundoff(FP16)).toBe(pow2(-11));
  });
});

describe('matrix-unit widening', () => {
  it('is (2u_f + u_f² + γ_K(u_acc)) × Σ|a||b| under TF32, with the magnitude from |A|·|B|', () => {
    const a = Tensor.fromNumbers([1, -2, 3, -4, 5, -6], [2, 3], 'float32');
    const b = Tensor.fromNumbers([-1, 2, 3, -4, 5, 6], [3, 2], 'float32');
    const [reference] = runOp('MatMul', [a, b], {}, { mode: 'golden' });
    const w = profileWidening({ op: 'MatMul', attributes: {}, inputs: [a, b], reference }, TF32_FTZ);
    const u = pow2(-11);
    expect(w.magnitude!.coefficient).toBeCloseTo(2 * u + u * u + gamma(3, pow2(-24)), 18);
    // |A|·|B| by hand: rows (1,2,3) and (4,5,6) against columns (1,3,5) and (2,4,6).
    expect(Array.from(w.magnitude!.values)).toEqual([22, 28, 49, 64]);
    expect(w.reasons.join(' ')).toMatch(/tf32 operands.*K=3/);
    expect(w.atol).toBeGreaterThanOrEqual(pow2(-126)); // flush-to-zero
  });

  it('needs no operand term under plain IEEE float32, only the K-term sum', () => {
    const a = random([4, 8], 1);
    const [reference] = runOp('MatMul', [a, random([8, 4], 2)], {}, { mode: 'golden' });
    const w = profileWidening({ op: 'MatMul', attributes: {}, inputs: [a, random([8, 4], 2)], reference }, IEEE);
    expect(w.magnitude!.coefficient).toBeCloseTo(gamma(8, pow2(-24)), 20);
    expect(w.atol).toBe(0);
  });

  const cases: [string, NumericProfile][] = [
    ['TF32 + FTZ', TF32_FTZ],
    ['HF32', profile({ matmul: { format: 'hf32' } }, 'test.hf32')],
    ['bf16 operands, truncated', profile({ matmul: { format: 'bf16', rounding: 'truncate' } }, 'test.bf16')],
    ['fp16 operands, fp16 accumulation', profile({ matmul: { format: 'fp16', accumulate: 'float16' } }, 'test.fp16acc')],
    ['split-K 16 in float32', profile({ matmul: { splitK: 16 } }, 'test.splitk')],
    ['int16 quantisation', profile({ matmul: { format: 'int16' } }, 'test.int16')],
    ['int31 quantisation', profile({ matmul: { format: 'int31' } }, 'test.int31')],
  ];
  for (const [name, p] of cases) {
    it(`bounds MatMul and Gemm under ${name} (20 random problems, K = 96)`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const a = random([6, 96], seed, 0.5 + seed / 10);
        const b = random([96, 5], seed + 100);
        expect(holds('MatMul', [a, b], {}, p), `MatMul seed ${seed}`).toMatchObject({ ok: true });
        const c = random([6, 5], seed + 200);
        expect(holds('Gemm', [a, b, c], { alpha: -0.75, beta: 0.5 }, p), `Gemm seed ${seed}`).toMatchObject({ ok: true });
      }
    });
  }

  it('widens int16 quantisation by K·(s_A·max|B| + s_B·max|A| + s_A·s_B/2)/2', () => {
    const p = profile({ matmul: { format: 'int16' } }, 'test.int16');
    const a = Tensor.fromNumbers([2, -1, 0.5, 1], [2, 2], 'float32');
    const b = Tensor.fromNumbers([1, 4, -3, 0], [2, 2], 'float32');
    const [reference] = runOp('MatMul', [a, b], {}, { mode: 'golden' });
    const w = profileWidening({ op: 'MatMul', attributes: {}, inputs: [a, b], reference }, p);
    const sa = 2 / 32767;
    const sb = 4 / 32767;
    expect(w.atol).toBeCloseTo((2 * (sa * 4 + sb * 2 + (sa * sb) / 2)) / 2, 15);
    expect(w.magnitude).toBeUndefined();
  });
});

describe('other operators', () => {
  it('bounds Attention under TF32 and under fp16 products with fp16 accumulation', () => {
    const fp16acc = profile({ matmul: { format: 'fp16', accumulate: 'float16' }, reduce: { accumulate: 'float16' } }, 'test.fp16');
    for (let seed = 1; seed <= 8; seed++) {
      const q = random([1, 2, 5, 16], seed, 2);
      const k = random([1, 2, 7, 16], seed + 10, 2);
      const v = random([1, 2, 7, 8], seed + 20, 3);
      expect(holds('Attention', [q, k, v], {}, TF32_FTZ), `tf32 seed ${seed}`).toMatchObject({ ok: true });
      expect(holds('Attention', [q, k, v], {}, fp16acc), `fp16 seed ${seed}`).toMatchObject({ ok: true });
    }
  });

  it('bounds Softmax, LogSoftmax and LayerNormalization with float16 and bfloat16 statistics', () => {
    for (const accumulate of ['float16', 'bfloat16'] as const) {
      const p = profile({ reduce: { accumulate } }, `test.reduce-${accumulate}`);
      for (let seed = 1; seed <= 8; seed++) {
        const x = random([4, 64], seed, 4);
        expect(holds('Softmax', [x], { axis: -1 }, p), `Softmax ${accumulate} ${seed}`).toMatchObject({ ok: true });
        expect(holds('LogSoftmax', [x], { axis: -1 }, p), `LogSoftmax ${accumulate} ${seed}`).toMatchObject({ ok: true });
        const scale = random([64], seed + 50, 1);
        const bias = random([64], seed + 60, 1);
        expect(holds('LayerNormalization', [x, scale, bias], { axis: -1 }, p), `LayerNorm ${accumulate} ${seed}`).toMatchObject({ ok: true });
      }
    }
  });

  it('keeps flush-to-zero within atol ≥ the smallest normal (a float16 subnormal through Relu)', () => {
    const ftz = profile({ flushToZero: true }, 'test.ftz');
    // 2^-15 is a float16 subnormal above the strict atol of 1e-5: flushing it breaks the strict tolerance only.
    const x = Tensor.fromNumbers([pow2(-15), 0.5], [2], 'float16');
    const [reference] = runOp('Relu', [x], {}, { mode: 'golden' });
    const [flushed] = runOp('Relu', [x], {}, { mode: 'profiled', profile: ftz });
    expect(flushed.toFlatArray()).toEqual([0, 0.5]);
    expect(checkWithin(flushed.toFloat64(), reference.toFloat64(), DEFAULT_TOLERANCES.float16).ok).toBe(false);
    expect(profileWidening({ op: 'Relu', attributes: {}, inputs: [x], reference }, ftz).atol).toBe(pow2(-14));
    expect(holds('Relu', [x], {}, ftz)).toMatchObject({ ok: true });
  });

  it('charges a vendor GELU that ignores the requested form the largest erf/tanh gap', () => {
    // Re-derive the gap: max |GELU_tanh − GELU_erf| on a 1e-4 grid over [-8, 8].
    let gap = 0;
    for (let x = -8; x <= 8; x += 1e-4) {
      const t = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
      const e = 0.5 * x * (1 + erf(x / Math.SQRT2));
      gap = Math.max(gap, Math.abs(t - e));
    }
    expect(gap).toBeLessThanOrEqual(GELU_APPROXIMATION_GAP);
    expect(gap).toBeGreaterThan(0.995 * GELU_APPROXIMATION_GAP);

    const forcedTanh = profile({ gelu: 'tanh' }, 'test.gelu-tanh');
    const x = random([200], 3, 4);
    expect(holds('Gelu', [x], {}, forcedTanh)).toMatchObject({ ok: true });
    const [reference] = runOp('Gelu', [x], {}, { mode: 'golden' });
    expect(profileWidening({ op: 'Gelu', attributes: { approximate: 'tanh' }, inputs: [x], reference }, forcedTanh).atol).toBe(0);
    expect(profileWidening({ op: 'Gelu', attributes: {}, inputs: [x], reference }, forcedTanh).atol).toBe(GELU_APPROXIMATION_GAP);
  });

  it('adds 8 half roundings for native half compute, and nothing for float64 tensors', () => {
    const x = random([8], 1, 1, 'float16');
    const native = profile({ halfCompute: 'native' }, 'test.native');
    const [ref16] = runOp('Relu', [x], {}, { mode: 'golden' });
    expect(profileWidening({ op: 'Relu', attributes: {}, inputs: [x], reference: ref16 }, native).rtol).toBe(8 * pow2(-11));
    const a = Tensor.fromNumbers([1, 2, 3, 4], [2, 2], 'float64');
    const [ref64] = runOp('MatMul', [a, a], {}, { mode: 'golden' });
    expect(profileWidening({ op: 'MatMul', attributes: {}, inputs: [a, a], reference: ref64 }, TF32_FTZ)).toMatchObject({ rtol: 0, atol: 0, magnitude: undefined });
  });
});
