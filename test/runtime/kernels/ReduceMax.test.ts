import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { int64, randomStored, reinterpret16 } from '../../helpers/exact-tensors.js';
import { itMatchesOrtReduction } from '../../helpers/extreme-cases.js';
import { expectOrtParity } from '../../helpers/ort-parity.js';

// ReduceMax selects a stored element: every comparison is bit-for-bit.
describe('ReduceMax', () => {
  itMatchesOrtReduction('ReduceMax', ['float32', 'float16', 'float64', 'int64', 'int32', 'int8', 'uint8', 'bool']);

  it('matches ONNX Runtime on infinities, huge values and a NaN in first position', async () => {
    const data = tensor([NaN, 5, -Infinity, -3e38, 3e38, Infinity, -Infinity, -Infinity], [4, 2]);
    await expectOrtParity('ReduceMax', [data, int64([1])], {}, { opset: 20 });
  });

  it('propagates NaN wherever it appears, keeping its payload', () => {
    // ONNX Runtime ignores a NaN that is not first ([1, NaN, 2] -> 2); IEEE maximum, NumPy and
    // PyTorch return NaN, and so do we.
    const data = new Tensor(Uint16Array.of(0x3c00, 0x7e5a, 0x4000, 0x4000, 0x3c00, 0xfd01), 'float16', [2, 3]);
    const [out] = runOp('ReduceMax', [data, int64([1])], { keepdims: 0 });
    expect(Array.from(out.storage as Uint16Array)).toEqual([0x7e5a, 0xfd01]);
  });

  it('prefers +0 to -0, as IEEE maximum does', () => {
    const [out] = runOp('ReduceMax', [tensor([-0, 0, -0], [3])], { keepdims: 0 });
    expect(Object.is(out.at(), 0)).toBe(true);
  });

  it('returns false for an empty bool set (ONNX: the type minimum; ONNX Runtime rejects it)', () => {
    const [out] = runOp('ReduceMax', [tensor([], [2, 0], 'bool'), int64([1])], { keepdims: 0 });
    expect(out.toArray()).toEqual([false, false]);
  });

  it('keeps int64 beyond 2^53 and bfloat16 bits exact', () => {
    const [big] = runOp('ReduceMax', [int64([2n ** 62n + 1n, 2n ** 62n, 2n ** 62n + 3n, 2n ** 62n + 2n])], { keepdims: 0 });
    expect((big.storage as BigInt64Array)[0]).toBe(2n ** 62n + 3n);
    const half = randomStored([4, 6], 'float16', 450, { nans: 'none' });
    const [h] = runOp('ReduceMax', [half, int64([0])]);
    const [b] = runOp('ReduceMax', [reinterpret16(half, 'bfloat16'), int64([0])]);
    // float16 and bfloat16 order their bit patterns alike (sign, exponent, mantissa), so the same elements win.
    expectIdentical(b, reinterpret16(h, 'bfloat16'));
  });

  it('rejects types ONNX ReduceMax does not define and names a bad axis', () => {
    expect(() => runOp('ReduceMax', [tensor([1, 2], [2], 'int16')])).toThrow(/dtype int16; supported: float64, float32, float16, bfloat16, int64, int32, int8, uint8, bool/);
    expect(() => runOp('ReduceMax', [tensor([1, 2], [2]), int64([1])])).toThrow(/axes entry 1 is out of range for data of shape \[2\]/);
  });
});
