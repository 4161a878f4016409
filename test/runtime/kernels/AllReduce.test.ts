import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import type { DType } from '../../../src/runtime/dtype.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';

// Collectives have no ONNX counterpart: the tests are closed-form cases of docs/collectives.md.

const ranks = (values: readonly (readonly number[])[], dtype: DType = 'float32'): Tensor[] =>
  values.map((v) => tensor([...v], [v.length], dtype));

const allReduce = (inputs: Tensor[], reduction: string, mode: 'golden' | 'profiled' = 'profiled'): number[][] =>
  runOp('AllReduce', inputs, { reduction }, { mode }).map((t) => t.toFlatArray());

describe('AllReduce', () => {
  const x = ranks([
    [1, -2, 3, 0.5],
    [4, 5, -6, 0.25],
    [-7, 8, 9, 2],
  ]);

  it.each([
    ['sum', [-2, 11, 6, 2.75]],
    ['prod', [-28, -80, -162, 0.25]],
    ['max', [4, 8, 9, 2]],
    ['min', [-7, -2, -6, 0.25]],
  ])('%s gives every rank the same element-wise reduction', (reduction, expected) => {
    const outputs = allReduce(x, reduction);
    expect(outputs).toHaveLength(3);
    for (const out of outputs) expect(out).toEqual(expected);
  });

  it('defaults to sum and gives each rank its own buffer', () => {
    const outputs = runOp('AllReduce', x);
    expect(outputs[0].toFlatArray()).toEqual([-2, 11, 6, 2.75]);
    expect(outputs[0].storage).not.toBe(outputs[1].storage);
    expect(outputs[1].storage).not.toBe(outputs[2].storage);
  });

  it('folds in rank order: float32 running sums differ from the golden float64 sum', () => {
    // 2^24 + 1 is a tie in float32 and rounds to even (2^24); 2^24 + 2 is exact.
    const big = 2 ** 24;
    expect(allReduce(ranks([[big], [1], [1]]), 'sum')[0]).toEqual([big]);
    expect(allReduce(ranks([[big], [1], [1]]), 'sum', 'golden')[0]).toEqual([big + 2]);
    // Same values, another rank order: 1 + 1 first is exact.
    expect(allReduce(ranks([[1], [1], [big]]), 'sum')[0]).toEqual([big + 2]);
  });

  it('reduces half types in half precision in profiled mode (NCCL __hadd), float64 in golden', () => {
    // In float16 the spacing at 2048 is 2: 2048 + 1 ties to 2048 at each step.
    const h = ranks([[2048], [1], [1]], 'float16');
    expect(allReduce(h, 'sum')[0]).toEqual([2048]);
    expect(allReduce(h, 'sum', 'golden')[0]).toEqual([2050]);
  });

  it('avg on floats pre-multiplies by 1/N in the dtype (NCCL PreMulSum); golden divides the sum', () => {
    const values = [0.1, 0.7, 0.9];
    const f = ranks(values.map((v) => [v]));
    const stored = f.map((t) => t.toFlatArray()[0]);
    const s = Math.fround(1 / 3);
    const preMul = stored.map((v) => Math.fround(v * s));
    const profiled = Math.fround(Math.fround(preMul[0] + preMul[1]) + preMul[2]);
    expect(allReduce(f, 'avg')[0]).toEqual([profiled]);
    const golden = Math.fround((stored[0] + stored[1] + stored[2]) / 3);
    expect(allReduce(f, 'avg', 'golden')[0]).toEqual([golden]);
    expect(profiled).not.toBe(golden); // the crafted input separates the two rules
  });

  it('avg on integers divides the wrapped sum, truncating toward zero (NCCL SumPostDiv)', () => {
    expect(allReduce(ranks([[7], [8], [-20]], 'int32'), 'avg')[0]).toEqual([-1]);
    // uint8: 200 + 100 wraps to 44 before the division.
    expect(allReduce(ranks([[200], [100]], 'uint8'), 'avg')[0]).toEqual([22]);
    expect(allReduce(ranks([[-7], [0]], 'int64'), 'avg')[0]).toEqual([-3]);
  });

  it('wraps integer sums and products modulo 2^bits', () => {
    expect(allReduce(ranks([[2147483647, 65536], [1, 65536]], 'int32'), 'sum')[0]).toEqual([-2147483648, 131072]);
    expect(allReduce(ranks([[65536], [65536]], 'int32'), 'prod')[0]).toEqual([0]);
    expect(allReduce(ranks([[100], [100]], 'int8'), 'sum')[0]).toEqual([-56]);
    expect(allReduce(ranks([[16], [16], [2]], 'int16'), 'prod')[0]).toEqual([512]);
    expect(allReduce(ranks([[300], [300]], 'int16'), 'prod')[0]).toEqual([24464]); // 90000 - 65536
    expect(allReduce(ranks([[250], [10]], 'uint8'), 'sum')[0]).toEqual([4]);
    expect(allReduce(ranks([[-5, 3], [2, -9]], 'int8'), 'max')[0]).toEqual([2, 3]);
  });

  it('keeps int64 exact beyond 2^53 and wraps at 2^64', () => {
    const a = new Tensor(new BigInt64Array([2n ** 60n + 1n, 2n ** 63n - 1n, 3037000500n]), 'int64', [3]);
    const b = new Tensor(new BigInt64Array([1n, 1n, 3037000500n]), 'int64', [3]);
    const [sum] = runOp('AllReduce', [a, b], { reduction: 'sum' });
    expect(Array.from(sum.storage as BigInt64Array)).toEqual([2n ** 60n + 2n, -(2n ** 63n), 3037000500n * 2n]);
    const [prod] = runOp('AllReduce', [a, b], { reduction: 'prod' });
    expect((prod.storage as BigInt64Array)[2]).toBe(BigInt.asIntN(64, 3037000500n * 3037000500n));
  });

  it('propagates NaN and Inf through sum and prod; max and min ignore NaN like fmax/fmin', () => {
    const f = ranks([
      [NaN, Infinity, 0, NaN, -Infinity, NaN],
      [1, -Infinity, Infinity, NaN, NaN, 2],
    ]);
    const sum = allReduce(f, 'sum')[0];
    expect(sum.map(Number.isNaN)).toEqual([true, true, false, true, true, true]);
    expect(sum[2]).toBe(Infinity);
    expect(allReduce(f, 'prod')[0].slice(0, 3).map(Number.isNaN)).toEqual([true, false, true]);
    expect(allReduce(f, 'max')[0]).toEqual([1, Infinity, Infinity, NaN, -Infinity, 2]);
    expect(allReduce(f, 'min')[0]).toEqual([1, -Infinity, 0, NaN, -Infinity, 2]);
  });

  it('keeps -0 when every rank has -0 (the fold starts from rank 0, not from +0)', () => {
    const [out] = allReduce(ranks([[-0], [-0]]), 'sum');
    expect(Object.is(out[0], -0)).toBe(true);
  });

  it('returns one rank unchanged', () => {
    expect(allReduce(ranks([[1.5, -2]]), 'avg')).toEqual([[1.5, -2]]);
  });

  it('rejects bad inputs naming the ranks, shapes and accepted values', () => {
    expect(() => runOp('AllReduce', [])).toThrow(/AllReduce: needs one input tensor per rank, got none/);
    expect(() => runOp('AllReduce', [tensor([1]), undefined])).toThrow(/input of rank 1 is missing/);
    expect(() => runOp('AllReduce', [tensor([1, 2]), tensor([1, 2, 3])])).toThrow(
      /rank 1 has float32 \[3\] but rank 0 has float32 \[2\]/,
    );
    expect(() => runOp('AllReduce', [tensor([1]), tensor([1], [1], 'float64')])).toThrow(/rank 1 has float64/);
    expect(() => runOp('AllReduce', [tensor([1], [1], 'bool')])).toThrow(/cannot reduce bool tensors/);
    expect(() => runOp('AllReduce', [tensor([1])], { reduction: 'mean' })).toThrow(
      /'reduction' must be one of 'sum', 'prod', 'max', 'min', 'avg', got 'mean'/,
    );
  });
});
