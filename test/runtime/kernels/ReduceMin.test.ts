import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { itMatchesOrtReduction } from '../../helpers/extreme-cases.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';

// ReduceMin selects a stored element: every comparison is bit-for-bit.
describe('ReduceMin', () => {
  itMatchesOrtReduction('ReduceMin', ['float32', 'float16', 'float64', 'int64', 'int32', 'int8', 'uint8', 'bool']);

  it('matches ONNX Runtime on infinities, huge values and a NaN in first position', async () => {
    const data = tensor([NaN, 5, Infinity, 3e38, -3e38, -Infinity, Infinity, Infinity], [4, 2]);
    await expectOrtParity('ReduceMin', [data, int64([1])], {}, { opset: 20 });
  });

  it('propagates NaN wherever it appears, keeping its payload', () => {
    // ONNX Runtime ignores a NaN that is not first; IEEE minimum, NumPy and PyTorch return it.
    const data = new Tensor(Uint16Array.of(0x3c00, 0x7e5a, 0x4000, 0x4000, 0x3c00, 0xfd01), 'float16', [2, 3]);
    const [out] = runOp('ReduceMin', [data, int64([1])], { keepdims: 0 });
    expect(Array.from(out.storage as Uint16Array)).toEqual([0x7e5a, 0xfd01]);
  });

  it('prefers -0 to +0, as IEEE minimum does', () => {
    const [out] = runOp('ReduceMin', [tensor([0, -0, 0], [3])], { keepdims: 0 });
    expect(Object.is(out.at(), -0)).toBe(true);
  });

  it('returns true for an empty bool set and INT64_MAX for an empty int64 set', () => {
    expect(runOp('ReduceMin', [tensor([], [0], 'bool')], { keepdims: 0 })[0].toArray()).toBe(true);
    const [big] = runOp('ReduceMin', [int64([], [0])], { keepdims: 0 });
    expect((big.storage as BigInt64Array)[0]).toBe(2n ** 63n - 1n);
  });

  it('keeps int64 beyond 2^53 and bfloat16 bits exact', () => {
    const [big] = runOp('ReduceMin', [int64([-(2n ** 62n) - 1n, -(2n ** 62n), -(2n ** 62n) - 3n])], { keepdims: 0 });
    expect((big.storage as BigInt64Array)[0]).toBe(-(2n ** 62n) - 3n);
    const half = randomStored([4, 6], 'float16', 451, { nans: 'none' });
    const [h] = runOp('ReduceMin', [half, int64([1])]);
    const [b] = runOp('ReduceMin', [reinterpret16(half, 'bfloat16'), int64([1])]);
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('rejects types ONNX ReduceMin does not define', () => {
    expect(() => runOp('ReduceMin', [tensor([1, 2], [2], 'int16')])).toThrow(/dtype int16; supported/);
  });
});
