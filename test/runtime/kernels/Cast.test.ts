import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { DTYPES, type DType } from '../../../src/runtime/dtype.js';
import { ONNX_DATA_TYPES } from '../../../src/runtime/onnx-data-types.js';
import { BF16, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectOpError, onnxRuntimeResult } from '../../helpers/elementwise-suite.js';
import { randomTensor } from '../../helpers/seeded-random.js';
import { expectIdentical } from '../../helpers/expect-close.js';

const ONNX_NUMBER = Object.fromEntries(Object.entries(ONNX_DATA_TYPES).map(([n, d]) => [d, Number(n)])) as Record<DType, number>;
/** Dtypes ONNX Runtime's JavaScript API can feed and fetch. */
const ORT_DTYPES = DTYPES.filter((d) => d !== 'bfloat16');

/** In-range values of every source dtype: conversions between them are defined by ONNX. */
function sourceValues(dtype: DType): Tensor {
  if (dtype === 'bool') return tensor([1, 0, 1, 1, 0, 0], [2, 3], 'bool');
  if (dtype === 'uint8') return randomTensor([2, 3, 4], dtype, 1, { low: 0, high: 128 });
  const floats = dtype.startsWith('float') || dtype === 'bfloat16';
  return randomTensor([2, 3, 4], dtype, 1, { low: -127, high: 127, integers: !floats });
}

describe('Cast', () => {
  // A conversion rounds once (to nearest even) or truncates: results must be bit-identical.
  describe.each(ORT_DTYPES)('from %s', (from) => {
    it.each(ORT_DTYPES)('to %s matches ONNX Runtime bit for bit', async (to) => {
      const x = sourceValues(from);
      const expected = await onnxRuntimeResult('Cast', [x], { to: ONNX_NUMBER[to] }, { outputDType: to });
      expectIdentical(runOp('Cast', [x], { to: ONNX_NUMBER[to] })[0], expected, `${from} -> ${to}`);
    });
  });

  it('truncates floats toward zero into 8-bit integers and wraps like ONNX Runtime within int32 range', async () => {
    const x = tensor([2.7, -2.7, 127.9, 300, -300, -1, 255.5, 0.5], [8]);
    for (const to of ['int8', 'uint8'] as const) {
      const expected = await onnxRuntimeResult('Cast', [x], { to: ONNX_NUMBER[to] }, { outputDType: to });
      expect(runOp('Cast', [x], { to })[0].toFlatArray(), to).toEqual(expected.toFlatArray());
    }
  });

  it('rounds float32 to float16 to nearest even, including subnormals and overflow, like ONNX Runtime', async () => {
    const x = tensor([65519, 65520, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 2 ** -25, 3 * 2 ** -25, 1e-8, -0, NaN, -Infinity], [10]);
    const expected = await onnxRuntimeResult('Cast', [x], { to: 10 }, { outputDType: 'float16' });
    expect(expected.toFlatArray().slice(0, 4)).toEqual([65504, Infinity, 1, 1 + 2 ** -9]);
    expectIdentical(runOp('Cast', [x], { to: 10 })[0], expected);
  });

  it('rounds float64 to float16 once (ONNX Runtime goes through float32 and can round twice)', () => {
    // 1 + 2^-11 + 2^-40 is just above a float16 tie: once-rounded it goes up; via float32 it
    // first lands on the tie 1 + 2^-11 and then rounds to even (1).
    const [y] = runOp('Cast', [tensor([1 + 2 ** -11 + 2 ** -40], [1], 'float64')], { to: 'float16' });
    expect(y.toFlatArray()).toEqual([1 + 2 ** -10]);
  });

  it('rounds to bfloat16 to nearest even (ONNX Runtime has no JavaScript bfloat16 tensors)', () => {
    const values = [1 + 2 ** -8, 1 + 3 * 2 ** -8, 3.3961e38, -1e-40, 0.1, NaN];
    const [y] = runOp('Cast', [tensor(values, [values.length], 'float64')], { to: 16 });
    expect(y.toFlatArray()).toEqual(values.map((v) => roundToFormat(v, BF16)));
    expect(runOp('Cast', [y], { to: 'float32' })[0].toFlatArray()).toEqual(y.toFlatArray());
  });

  it('converts int64 beyond 2^53 from its exact value: one rounding into floats, exact wrapping into integers', () => {
    // 2^60 + 2^36 + 1 is just above the float32 tie between 2^60 and 2^60 + 2^37.
    const v = 2n ** 60n + 2n ** 36n + 1n;
    const x = new Tensor(new BigInt64Array([v, -v, 2n ** 53n + 1n]), 'int64', [3]);
    expect(runOp('Cast', [x], { to: 'float32' })[0].toFlatArray()).toEqual([2 ** 60 + 2 ** 37, -(2 ** 60 + 2 ** 37), 2 ** 53]);
    expect(runOp('Cast', [x], { to: 'float64' })[0].toFlatArray()).toEqual([Number(v), -Number(v), 2 ** 53]);
    expect(runOp('Cast', [x], { to: 'int32' })[0].toFlatArray()).toEqual([1, -1, 1]);
    expect(runOp('Cast', [x], { to: 'uint8' })[0].toFlatArray()).toEqual([1, 255, 1]);
    expect(runOp('Cast', [x], { to: 'float16' })[0].toFlatArray()).toEqual([Infinity, -Infinity, Infinity]);
    expect(Array.from(runOp('Cast', [x], { to: 'int64' })[0].storage as BigInt64Array)).toEqual([v, -v, 2n ** 53n + 1n]);
  });

  it('maps NaN to true in bool and follows the codec for out-of-range floats (undefined in ONNX)', () => {
    expect(runOp('Cast', [tensor([NaN, -0, 1e-45], [3])], { to: 'bool' })[0].toArray()).toEqual([true, false, true]);
    // x86 ONNX Runtime returns INT_MIN here; the runtime's documented choice wraps / zeroes.
    expect(runOp('Cast', [tensor([NaN, 3e9], [2])], { to: 'int32' })[0].toFlatArray()).toEqual([0, 3e9 - 2 ** 32]);
  });

  it('copies same-dtype casts bit for bit, NaN payloads included', () => {
    const x = new Tensor(new Uint16Array([0x7e01, 0xfc00]), 'float16', [2]);
    expect(Array.from(runOp('Cast', [x], { to: 'float16' })[0].storage as Uint16Array)).toEqual([0x7e01, 0xfc00]);
  });

  it('accepts the float8 attributes saturate and round_mode, and rejects bad values', () => {
    expect(runOp('Cast', [tensor([1.5], [1])], { to: 1, saturate: 0, round_mode: 'nearest' })[0].toFlatArray()).toEqual([1.5]);
    expectOpError('Cast', () => runOp('Cast', [tensor([1], [1])], { to: 1, round_mode: 'sideways' }), /'round_mode' must be one of/);
  });

  it('explains a missing, unknown or unsupported target type', () => {
    expectOpError('Cast', () => runOp('Cast', [tensor([1], [1])]), /attribute 'to' is required/);
    expectOpError('Cast', () => runOp('Cast', [tensor([1], [1])], { to: 8 }), /'to' = 8 \(ONNX STRING\) is not a dtype of the runtime/);
    expectOpError('Cast', () => runOp('Cast', [tensor([1], [1])], { to: 99 }), /'to' = 99 is not an ONNX TensorProto data type/);
    expectOpError('Cast', () => runOp('Cast', [tensor([1], [1])], { to: 'flaot16' }), /names no dtype: 'flaot16'/);
    try {
      runOp('Cast', [tensor([1], [1])], { to: 'flaot16' });
    } catch (error) {
      expect((error as { fix?: string }).fix).toBe("did you mean 'float16'?");
    }
    expectOpError('Cast', () => runOp('Cast', [undefined], { to: 1 }), /required/);
  });

  it('keeps empty shapes', () => {
    const [y] = runOp('Cast', [Tensor.zeros([0, 2], 'float32')], { to: 'int64' });
    expect([y.dtype, ...y.shape]).toEqual(['int64', 0, 2]);
  });
});
