import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { PhiloxStream } from '../../../src/runtime/random/philox-stream.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

const TRUE = tensor([true], [], 'bool');
const FALSE = tensor([false], [], 'bool');
const ratio = (r: number, dtype: 'float32' | 'float64' = 'float32'): Tensor => tensor([r], [], dtype);

describe('Dropout inference (vs ONNX Runtime, opset 22)', () => {
  it.each([
    ['data only', (x: Tensor) => [x]],
    ['ratio, no training_mode', (x: Tensor) => [x, ratio(0.3)]],
    ['training_mode false', (x: Tensor) => [x, ratio(0.7), FALSE]],
  ] as const)('is the identity with an all-true mask: %s', async (_label, inputsOf) => {
    const x = randomTensor([3, 4, 5], 'float32', 11, { low: -5, high: 5 });
    const inputs = inputsOf(x);
    const expected = await runOnnxRuntime('Dropout', inputs, {}, { opset: 22, outputs: 2, outputDTypes: ['float32', 'bool'] });
    const actual = runOp('Dropout', inputs);
    // Exact: inference copies the data bit for bit.
    expectIdentical(actual[0], expected[0], 'output');
    expectIdentical(actual[1], expected[1], 'mask');
  });

  it('copies float64 data, NaN, infinities and -0 exactly', async () => {
    const x = tensor([NaN, Infinity, -Infinity, -0, 1e-300, 1e300], [6], 'float64');
    const expected = await runOnnxRuntime('Dropout', [x], {}, { opset: 22, outputs: 2, outputDTypes: ['float64', 'bool'] });
    const actual = runOp('Dropout', [x]);
    expectIdentical(actual[0], expected[0], 'output');
    expectIdentical(actual[1], expected[1], 'mask');
  });
});

describe('Dropout training (closed form; ONNX leaves the generator unspecified)', () => {
  const x = randomTensor([8, 16], 'float32', 5, { low: -4, high: 4 });

  it('keeps element i when the float32 uniform of Philox draw i is below 1 - ratio', () => {
    const [, mask] = runOp('Dropout', [x, ratio(0.3), TRUE], { seed: 21 });
    const u = new PhiloxStream(21).uniform(x.size, 'float32');
    const keep = Math.fround(1 - 0.3);
    expect(mask.toFlatArray()).toEqual(Array.from(u, (v) => (v < keep ? 1 : 0)));
  });

  it('scales kept elements by 1 / (1 - ratio) and zeroes the rest, consistently with the mask', () => {
    const [y, mask] = runOp('Dropout', [x, ratio(0.5), TRUE], { seed: 3 });
    const xs = x.toFlatArray();
    const m = mask.toFlatArray();
    // ratio 0.5: scale 2 is exact in float32.
    expect(y.toFlatArray()).toEqual(xs.map((v, i) => (m[i] ? v * 2 : v * 0)));
    expect(m.some((k) => k === 1) && m.some((k) => k === 0)).toBe(true);
  });

  it('rounds data * scale once into the dtype (float16, scale 1 / 0.7)', () => {
    const h = randomTensor([64], 'float16', 8, { low: -10, high: 10 });
    const [y, mask] = runOp('Dropout', [h, ratio(0.3), TRUE], { seed: 1 });
    const expected = h.toFlatArray().map((v, i) => (mask.toFlatArray()[i] ? v * (1 / (1 - 0.3)) : v * 0));
    expect(y.toFlatArray()).toEqual(Array.from(tensor(expected, [64], 'float16').toFloat64()));
  });

  it('compares in float64 for float64 data', () => {
    const d = randomTensor([64], 'float64', 2);
    const [, mask] = runOp('Dropout', [d, ratio(0.3, 'float64'), TRUE], { seed: 4 });
    const u = new PhiloxStream(4).uniform(64, 'float32');
    expect(mask.toFlatArray()).toEqual(Array.from(u, (v) => (v < 1 - 0.3 ? 1 : 0)));
  });

  it('gives the same mask for the same seed, another for another seed, the run seed by default', () => {
    const mask = (attrs: Record<string, number>, seed?: number): number[] =>
      runOp('Dropout', [x, ratio(0.5), TRUE], attrs, seed === undefined ? {} : { seed })[1].toFlatArray();
    expect(mask({ seed: 7 })).toEqual(mask({ seed: 7 }));
    expect(mask({ seed: 7 })).not.toEqual(mask({ seed: 8 }));
    expect(mask({}, 7)).toEqual(mask({ seed: 7 }));
  });

  it('offset k keeps element i by draw k + i: the offset-0 mask shifted by k', () => {
    const long = Tensor.zeros([x.size + 9], 'float32');
    const [, whole] = runOp('Dropout', [long, ratio(0.5), TRUE], { seed: 13 });
    const [, shifted] = runOp('Dropout', [x, ratio(0.5), TRUE], { seed: 13, offset: 9 });
    expect(shifted.toFlatArray()).toEqual(whole.toFlatArray().slice(9));
    const [, atZero] = runOp('Dropout', [x, ratio(0.5), TRUE], { seed: 13 });
    expect(shifted.toFlatArray()).not.toEqual(atZero.toFlatArray());
    expect(() => runOp('Dropout', [x, ratio(0.5), TRUE], { offset: -1 })).toThrow(/Dropout: attribute 'offset' must be an integer/);
  });

  it('keeps a fraction 1 - ratio (fixed seed; 5 binomial standard errors)', () => {
    const n = 1 << 16;
    const big = Tensor.zeros([n], 'float32');
    const [, mask] = runOp('Dropout', [big, ratio(0.2), TRUE], { seed: 99 });
    const kept = mask.toFlatArray().reduce((a, b) => a + b, 0);
    expect(Math.abs(kept / n - 0.8)).toBeLessThan(5 * Math.sqrt((0.8 * 0.2) / n));
  });

  it('ratio 0 is the identity, ratio 1 drops everything (data * 0)', () => {
    const special = tensor([1, -2, NaN, Infinity, -0, 3], [6]);
    const [same, allKept] = runOp('Dropout', [special, ratio(0), TRUE], { seed: 1 });
    expectIdentical(same, special);
    expect(allKept.toFlatArray()).toEqual([1, 1, 1, 1, 1, 1]);
    const [zeros, noneKept] = runOp('Dropout', [special, ratio(1), TRUE], { seed: 1 });
    const z = zeros.toFlatArray();
    expect(z.map((v) => Object.is(v, -0))).toEqual([false, true, false, false, true, false]);
    expect(z.map(Number.isNaN)).toEqual([false, false, true, true, false, false]);
    expect(noneKept.toFlatArray()).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('uses ratio 0.5 when ratio is omitted in training', () => {
    const withDefault = runOp('Dropout', [x, undefined, TRUE], { seed: 5 });
    const explicit = runOp('Dropout', [x, ratio(0.5), TRUE], { seed: 5 });
    expectIdentical(withDefault[1], explicit[1]);
  });

  it('rejects bad inputs naming the operator and the input', () => {
    expect(() => runOp('Dropout', [x, ratio(1.5), TRUE])).toThrow(/Dropout: ratio must be in \[0, 1\], got 1.5/);
    expect(() => runOp('Dropout', [x, ratio(NaN), TRUE])).toThrow(/ratio must be in/);
    expect(() => runOp('Dropout', [x, tensor([0.1, 0.2], [2]), TRUE])).toThrow(/'ratio' must be a scalar/);
    expect(() => runOp('Dropout', [x, ratio(0.1), tensor([1], [], 'float32')])).toThrow(/'training_mode' has dtype float32/);
    expect(() => runOp('Dropout', [tensor([1, 2], [2], 'int32')])).toThrow(/'data' has dtype int32/);
    expect(() => runOp('Dropout', [x], { ratio: 0.5 })).toThrow(/unknown attribute 'ratio'/);
  });
});
