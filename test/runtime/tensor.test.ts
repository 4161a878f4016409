import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../src/errors.js';
import { tensor } from '../../src/runtime/create-tensor.js';
import { Tensor } from '../../src/runtime/tensor.js';

describe('Tensor views', () => {
  const t = tensor([[1, 2, 3], [4, 5, 6]], undefined, 'float32');

  it('infers the shape of nested data and reads elements', () => {
    expect(t.shape).toEqual([2, 3]);
    expect(t.strides).toEqual([3, 1]);
    expect(t.at(1, 2)).toBe(6);
    expect(t.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('transposes and permutes without copying storage', () => {
    const tt = t.transpose();
    expect(tt.storage).toBe(t.storage);
    expect(tt.shape).toEqual([3, 2]);
    expect(tt.isContiguous()).toBe(false);
    expect(tt.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(tt.contiguous().isContiguous()).toBe(true);
    expect(tt.contiguous().toArray()).toEqual(tt.toArray());
  });

  it('reshapes contiguous data as a view and non-contiguous data as a copy', () => {
    const r = t.reshape([3, -1]);
    expect(r.storage).toBe(t.storage);
    expect(r.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    const rt = t.transpose().reshape([6]);
    expect(rt.storage).not.toBe(t.storage);
    expect(rt.toFlatArray()).toEqual([1, 4, 2, 5, 3, 6]);
    expect(() => t.reshape([4, -1])).toThrow(ShapeError);
    expect(() => t.reshape([5])).toThrow(/\[2, 3\].*\[5\]/);
  });

  it('slices with Python semantics, including negative bounds and steps', () => {
    expect(t.slice(1, 1).toArray()).toEqual([[2, 3], [5, 6]]);
    expect(t.slice(1, -2, 3).toArray()).toEqual([[2, 3], [5, 6]]);
    expect(t.slice(1, 0, 3, 2).toArray()).toEqual([[1, 3], [4, 6]]);
    expect(t.slice(0, 2, 5).shape).toEqual([0, 3]);
  });

  it('expands with zero strides and names both shapes when it cannot', () => {
    const row = tensor([1, 2, 3]);
    const e = row.expand([2, 3]);
    expect(e.strides).toEqual([0, 1]);
    expect(e.toArray()).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(() => row.expand([2, 4])).toThrow(/\[3\].*\[2, 4\]/);
  });

  it('rejects views that reach outside storage', () => {
    expect(() => new Tensor(new Float32Array(4), 'float32', [2, 3])).toThrow(ShapeError);
  });

  it('stores float16 as rounded bit patterns', () => {
    const h = tensor([1, 0.1, 65520], [3], 'float16');
    expect(Array.from(h.storage as Uint16Array)).toEqual([0x3c00, 0x2e66, 0x7c00]);
    expect(h.toFlatArray()[1]).toBeCloseTo(0.0999755859375, 12);
  });

  it('keeps int64 exact and converts float to int by truncation', () => {
    const big = tensor([2 ** 53], [1], 'int64');
    expect((big.storage as BigInt64Array)[0]).toBe(2n ** 53n);
    expect(tensor([2.7, -2.7], [2], 'int32').toFlatArray()).toEqual([2, -2]);
    expect(tensor([0, 3, -1], [3], 'bool').toArray()).toEqual([false, true, true]);
  });
});
