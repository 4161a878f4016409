import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';

// Collectives have no ONNX counterpart: the tests are closed-form cases of docs/collectives.md.

describe('AllGather', () => {
  it('concatenates the ranks along axis 0 in rank order, on every rank', () => {
    const x = [tensor([[1, 2, 3]]), tensor([[4, 5, 6]]), tensor([[7, 8, 9]])];
    const outputs = runOp('AllGather', x);
    expect(outputs).toHaveLength(3);
    for (const out of outputs) {
      expect(out.shape).toEqual([3, 3]);
      expect(out.toArray()).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    }
    expect(outputs[0].storage).not.toBe(outputs[1].storage);
  });

  it('keeps trailing dimensions and places rank r at offset r * size (NCCL recvbuff layout)', () => {
    const x = [tensor([[[1, 2]], [[3, 4]]]), tensor([[[5, 6]], [[7, 8]]])];
    const [out] = runOp('AllGather', x);
    expect(out.shape).toEqual([4, 1, 2]);
    expect(out.toFlatArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('stacks scalars into [N]', () => {
    const [out] = runOp('AllGather', [tensor(1.5), tensor(-2), tensor(3)]);
    expect(out.shape).toEqual([3]);
    expect(out.toFlatArray()).toEqual([1.5, -2, 3]);
  });

  it('gathers strided views by logical order and moves int64 and bool exactly', () => {
    const view = tensor([[1, 2], [3, 4]]).transpose();
    expect(runOp('AllGather', [view, tensor([[0, 0], [0, 0]])])[0].toFlatArray()).toEqual([1, 3, 2, 4, 0, 0, 0, 0]);
    const big = [new Tensor(new BigInt64Array([2n ** 62n + 1n]), 'int64', [1]), new Tensor(new BigInt64Array([-3n]), 'int64', [1])];
    expect(Array.from(runOp('AllGather', big)[1].storage as BigInt64Array)).toEqual([2n ** 62n + 1n, -3n]);
    expect(runOp('AllGather', [tensor([true], [1], 'bool'), tensor([false], [1], 'bool')])[0].toFlatArray()).toEqual([1, 0]);
  });

  it('handles empty tensors', () => {
    const [out] = runOp('AllGather', [tensor([], [0, 2]), tensor([], [0, 2])]);
    expect(out.shape).toEqual([0, 2]);
  });

  it('rejects ranks of different shapes or dtypes', () => {
    expect(() => runOp('AllGather', [tensor([1, 2]), tensor([1, 2], [2], 'int32')])).toThrow(
      /AllGather: rank 1 has int32 \[2\] but rank 0 has float32 \[2\]/,
    );
    expect(() => runOp('AllGather', [])).toThrow(/needs one input tensor per rank/);
  });
});
