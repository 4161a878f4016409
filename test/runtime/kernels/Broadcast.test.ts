import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';

// Collectives have no ONNX counterpart: the tests are closed-form cases of docs/collectives.md.

describe('Broadcast', () => {
  const x = [tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]]), tensor([[9, NaN], [-0, Infinity]])];

  it('copies rank 0 to every rank by default', () => {
    const outputs = runOp('Broadcast', x);
    expect(outputs).toHaveLength(3);
    for (const out of outputs) expectIdentical(out, x[0]);
  });

  it('copies the root rank bit for bit, into separate buffers', () => {
    const outputs = runOp('Broadcast', x, { root: 2 });
    for (const out of outputs) expectIdentical(out, x[2]);
    expect(outputs[0].storage).not.toBe(outputs[1].storage);
    expect(outputs[0].storage).not.toBe(x[2].storage);
  });

  it('moves every dtype exactly (bool, int64 beyond 2^53, float16 bits)', () => {
    const big = [new Tensor(new BigInt64Array([2n ** 62n + 1n]), 'int64', [1]), new Tensor(new BigInt64Array([0n]), 'int64', [1])];
    expect((runOp('Broadcast', big, { root: 0 })[1].storage as BigInt64Array)[0]).toBe(2n ** 62n + 1n);
    const flags = [tensor([true, false], [2], 'bool'), tensor([false, false], [2], 'bool')];
    expect(runOp('Broadcast', flags)[1].toFlatArray()).toEqual([1, 0]);
    const halves = [tensor([0.1, 65504], [2], 'float16'), tensor([0, 0], [2], 'float16')];
    expectIdentical(runOp('Broadcast', halves)[1], halves[0]);
  });

  it('reads strided views in logical order', () => {
    const view = tensor([[1, 2, 3], [4, 5, 6]]).transpose();
    expect(runOp('Broadcast', [view, tensor([[0, 0], [0, 0], [0, 0]])])[1].toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it('rejects an out-of-range root and mismatched ranks', () => {
    expect(() => runOp('Broadcast', x, { root: 3 })).toThrow(/Broadcast: root 3 is out of range for 3 rank\(s\) \(valid: 0..2\)/);
    expect(() => runOp('Broadcast', x, { root: -1 })).toThrow(/root -1 is out of range/);
    expect(() => runOp('Broadcast', [tensor([1, 2]), tensor([1])])).toThrow(/rank 1 has float32 \[1\] but rank 0 has float32 \[2\]/);
    expect(() => runOp('Broadcast', x, { reduction: 'sum' })).toThrow(/unknown attribute 'reduction'/);
  });
});
