import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';

// Collectives have no ONNX counterpart: the tests are closed-form cases of docs/collectives.md.

describe('ReduceScatter', () => {
  const x = [
    tensor([[1, 2], [3, 4], [5, 6], [7, 8]]),
    tensor([[10, 20], [30, 40], [50, 60], [70, 80]]),
  ];

  it('gives rank r chunk r (along axis 0) of the sum', () => {
    const outputs = runOp('ReduceScatter', x);
    expect(outputs.map((t) => t.shape)).toEqual([[2, 2], [2, 2]]);
    expect(outputs[0].toArray()).toEqual([[11, 22], [33, 44]]);
    expect(outputs[1].toArray()).toEqual([[55, 66], [77, 88]]);
  });

  it.each(['sum', 'prod', 'max', 'min', 'avg'])('%s equals AllReduce split into rank chunks', (reduction) => {
    const scattered = runOp('ReduceScatter', x, { reduction }).map((t) => t.toFlatArray());
    const [reduced] = runOp('AllReduce', x, { reduction });
    const flat = reduced.toFlatArray();
    expect(scattered).toEqual([flat.slice(0, 4), flat.slice(4, 8)]);
  });

  it('uses the AllReduce rounding rules (float16 in half precision when profiled)', () => {
    const h = [tensor([2048, 1], [2], 'float16'), tensor([1, 1], [2], 'float16')];
    expect(runOp('ReduceScatter', h).map((t) => t.toFlatArray())).toEqual([[2048], [2]]);
    const three = [tensor([2048, 0, 0], [3], 'float16'), tensor([1, 0, 0], [3], 'float16'), tensor([1, 0, 0], [3], 'float16')];
    expect(runOp('ReduceScatter', three)[0].toFlatArray()).toEqual([2048]);
    expect(runOp('ReduceScatter', three, {}, { mode: 'golden' })[0].toFlatArray()).toEqual([2050]);
  });

  it('with one rank returns the reduction whole', () => {
    expect(runOp('ReduceScatter', [tensor([1, 2, 3])])[0].toFlatArray()).toEqual([1, 2, 3]);
  });

  it('rejects axis 0 not divisible by the ranks, scalars and bool', () => {
    expect(() => runOp('ReduceScatter', [tensor([1, 2, 3]), tensor([1, 2, 3])])).toThrow(
      /ReduceScatter: the first dimension of \[3\] \(3\) is not divisible by the 2 ranks/,
    );
    expect(() => runOp('ReduceScatter', [tensor(1), tensor(2)])).toThrow(/inputs are scalars/);
    expect(() => runOp('ReduceScatter', [tensor([1, 0], [2], 'bool'), tensor([1, 0], [2], 'bool')])).toThrow(
      /cannot reduce bool tensors/,
    );
  });
});
