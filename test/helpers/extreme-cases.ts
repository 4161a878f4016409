/**
 * Shared ONNX Runtime parity checks for the paired kernels ReduceMax/ReduceMin and
 * ArgMax/ArgMin, which differ only in direction. Selections are exact: results are compared
 * bit for bit.
 */
import { expect, it } from 'vitest';
import type { DType } from '../../src/runtime/dtype.js';
import type { Tensor } from '../../src/runtime/tensor.js';
import { int64, randomStored } from './exact-tensors.js';
import { runOnnxRuntime } from './onnx-oracle.js';
import { expectOrtParity } from './ort-parity.js';
import { mulberry32, randomTensor } from './seeded-random.js';
import { runOp } from '../../src/runtime/run-op.js';
import { tensor } from '../../src/runtime/create-tensor.js';

/** NaN-free data of `dtype` with many ties (small integer range for the numeric types). */
function tiedData(shape: readonly number[], dtype: DType, seed: number): Tensor {
  if (dtype === 'float16') return randomStored(shape, dtype, seed, { nans: 'none' });
  if (dtype === 'int64' && seed % 2 === 0) return randomStored(shape, dtype, seed);
  if (dtype === 'bool') return randomStored(shape, dtype, seed);
  return randomTensor(shape, dtype, seed, { low: 0, high: 6, integers: true });
}

const REDUCE_CASES: { shape: number[]; axes?: number[]; keepdims?: number; noop_with_empty_axes?: number }[] = [
  { shape: [3, 4, 5], axes: [1] },
  { shape: [3, 4, 5], axes: [0, -1], keepdims: 0 },
  { shape: [3, 4, 5] },
  { shape: [3, 4, 5], axes: [2, 2] },
  { shape: [3, 4, 5], axes: [], noop_with_empty_axes: 1 },
  { shape: [8], axes: [0], keepdims: 0 },
  { shape: [] },
  { shape: [2, 0, 3], axes: [1] },
  { shape: [2, 0, 3], axes: [0, 2], keepdims: 0 },
];

/** ReduceMax / ReduceMin against ONNX Runtime (opset 20) on NaN-free data, bit for bit. */
export function itMatchesOrtReduction(op: 'ReduceMax' | 'ReduceMin', dtypes: readonly DType[]): void {
  it.each(dtypes)(`matches ONNX Runtime bit for bit for %s, including empty-set identities`, async (dtype) => {
    for (const [i, c] of REDUCE_CASES.entries()) {
      if (dtype === 'bool' && c.shape.includes(0)) continue; // ONNX Runtime rejects empty bool sets; see the kernel test
      const data = tiedData(c.shape, dtype, 400 + i);
      const inputs = c.axes ? [data, int64(c.axes)] : [data];
      await expectOrtParity(op, inputs, { keepdims: c.keepdims, noop_with_empty_axes: c.noop_with_empty_axes }, { opset: 20 }, `${dtype} ${JSON.stringify(c)}`);
    }
  });
}

const ARG_CASES: { shape: number[]; axis?: number; keepdims?: number }[] = [
  { shape: [4, 5, 6], axis: 1 },
  { shape: [4, 5, 6], axis: -1, keepdims: 0 },
  { shape: [4, 5, 6] },
  { shape: [9], axis: 0, keepdims: 0 },
  { shape: [0, 3], axis: 1 },
];

/** ArgMax / ArgMin against ONNX Runtime (opset 13) with many ties, both select_last_index values. */
export function itMatchesOrtArg(op: 'ArgMax' | 'ArgMin', dtypes: readonly DType[]): void {
  it.each(dtypes)('matches ONNX Runtime exactly on tied %s data', async (dtype) => {
    for (const [i, c] of ARG_CASES.entries()) {
      const data = tiedData(c.shape, dtype, 500 + i);
      for (const select_last_index of [0, 1]) {
        await expectOrtParity(op, [data], { axis: c.axis, keepdims: c.keepdims, select_last_index }, { opset: 13, outputDTypes: ['int64'] }, `${dtype} ${JSON.stringify(c)} select_last_index ${select_last_index}`);
      }
    }
  });

  it.each(['float32', 'float16'] as const)('picks the same index as ONNX Runtime when %s data holds NaNs', async (dtype) => {
    const next = mulberry32(op === 'ArgMax' ? 601 : 602);
    for (let length = 1; length <= 40; length++) {
      const values = Array.from({ length }, () => (next() < 0.2 ? NaN : Math.floor(next() * 5)));
      const data = tensor(values, [length], dtype);
      for (const select_last_index of [0, 1]) {
        await expectOrtParity(op, [data], { keepdims: 0, select_last_index }, { opset: 13, outputDTypes: ['int64'] }, `${JSON.stringify(values)} select_last_index ${select_last_index}`);
      }
    }
  });

  it('gives for int16 the indices ONNX Runtime gives for the same values in int32', async () => {
    // ONNX allows int16; ONNX Runtime 1.30 has no int16 kernel for it.
    const data = randomTensor([4, 7], 'int16', 603, { low: -3, high: 3 });
    const wide = tensor(data.toFlatArray(), data.shape, 'int32');
    for (const select_last_index of [0, 1]) {
      const [expected] = await runOnnxRuntime(op, [wide], { axis: 1, select_last_index }, { opset: 13, outputDTypes: ['int64'] });
      const [actual] = runOp(op, [data], { axis: 1, select_last_index });
      expect(Array.from(actual.storage as BigInt64Array)).toEqual(Array.from(expected.storage as BigInt64Array));
    }
  });
}
