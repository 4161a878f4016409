import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose, expectIdentical } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

type Attributes = Record<string, number | string | number[]>;

// A window holds at most 12 unit-range values: a float32 sum and one division each side, in
// possibly different orders, differ by a few float32 ulps of values below 12.
const FP32_VS_ORT = { rtol: 1e-6, atol: 1e-6 };

function toNhwc(t: Tensor): Tensor {
  return t.permute([0, ...Array.from({ length: t.rank - 2 }, (_, i) => i + 2), 1]).contiguous();
}

describe('AveragePool', () => {
  const cases: [string, number[], Attributes][] = [
    ['2-D', [2, 3, 8, 8], { kernel_shape: [3, 3] }],
    ['2-D pads, exclude pad', [1, 2, 7, 8], { kernel_shape: [3, 2], strides: [2, 2], pads: [1, 0, 2, 1] }],
    ['2-D pads, count_include_pad', [1, 2, 7, 8], { kernel_shape: [3, 2], strides: [2, 2], pads: [1, 0, 2, 1], count_include_pad: 1 }],
    ['2-D ceil_mode', [1, 2, 8, 7], { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 }],
    ['2-D ceil_mode, count_include_pad', [1, 2, 8, 7], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1, count_include_pad: 1 }],
    ['2-D dilations, count_include_pad', [1, 2, 10, 9], { kernel_shape: [2, 3], dilations: [2, 2], pads: [1, 2, 1, 0], count_include_pad: 1 }],
    ['2-D SAME_UPPER', [1, 2, 7, 8], { kernel_shape: [3, 2], strides: [2, 3], auto_pad: 'SAME_UPPER' }],
    ['2-D SAME_LOWER, count_include_pad', [1, 2, 7, 8], { kernel_shape: [3, 4], strides: [2, 2], auto_pad: 'SAME_LOWER', count_include_pad: 1 }],
    ['2-D VALID', [1, 2, 9, 9], { kernel_shape: [2, 3], strides: [3, 3], auto_pad: 'VALID' }],
    ['1-D', [2, 3, 11], { kernel_shape: [3], strides: [2], pads: [1, 2] }],
    ['1-D ceil_mode, dilations, count_include_pad', [1, 2, 12], { kernel_shape: [2], dilations: [3], strides: [2], pads: [1, 1], ceil_mode: 1, count_include_pad: 1 }],
    ['3-D', [1, 2, 5, 6, 4], { kernel_shape: [2, 3, 2], strides: [1, 2, 2], pads: [1, 0, 1, 0, 1, 1] }],
    ['3-D count_include_pad', [1, 2, 5, 6, 4], { kernel_shape: [2, 3, 2], strides: [1, 2, 2], pads: [1, 0, 1, 0, 1, 1], count_include_pad: 1 }],
    ['empty batch', [0, 2, 5, 5], { kernel_shape: [2, 2] }],
  ];
  it.each(cases)('matches ONNX Runtime for float32: %s', async (_label, shape, attributes) => {
    const x = randomTensor(shape, 'float32', 1);
    const [expected] = await runOnnxRuntime('AveragePool', [x], attributes);
    expectClose(runOp('AveragePool', [x], attributes)[0], expected, FP32_VS_ORT);
  });

  it('matches the ONNX spec examples (ceil_mode and count_include_pad divisors)', () => {
    const x = tensor(Array.from({ length: 25 }, (_, i) => i + 1), [1, 1, 5, 5]);
    const [cip] = runOp('AveragePool', [x], { kernel_shape: [5, 5], pads: [2, 2, 2, 2], count_include_pad: 1 });
    expectClose(cip, tensor([2.52, 3.6, 4.8, 4.08, 3.24, 4.56, 6.4, 8.4, 7.04, 5.52, 7.2, 10, 13, 10.8, 8.4, 6.96, 9.6, 12.4, 10.24, 7.92, 6.12, 8.4, 10.8, 8.88, 6.84], [1, 1, 5, 5]), { rtol: 1e-6, atol: 0 });
    const x4 = tensor(Array.from({ length: 16 }, (_, i) => i + 1), [1, 1, 4, 4]);
    expect(runOp('AveragePool', [x4], { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 })[0].toFlatArray()).toEqual([6, 7.5, 12, 13.5]);
  });

  it('matches ONNX Runtime for float16 within one float16 rounding', async () => {
    const x = randomTensor([1, 3, 7, 7], 'float16', 2);
    const attributes = { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] };
    const [expected] = await runOnnxRuntime('AveragePool', [x], attributes);
    expectClose(runOp('AveragePool', [x], attributes)[0], expected, { rtol: 2 ** -10, atol: 2 ** -14 });
  });

  it('propagates NaN and Inf like ONNX Runtime', async () => {
    const x = tensor([1, NaN, 3, 4, Infinity, 6, -Infinity, Infinity, 2], [1, 1, 9]);
    const attributes = { kernel_shape: [2], strides: [2], pads: [0, 1] };
    const [expected] = await runOnnxRuntime('AveragePool', [x], attributes);
    expectClose(runOp('AveragePool', [x], attributes)[0], expected, { rtol: 0, atol: 0 });
  });

  it('sums and divides under the profile reduce numerics; golden is float64', () => {
    const values = [1, 2 ** -12, 2 ** -12, 2 ** -12];
    const x = tensor(values, [1, 1, 4], 'float32');
    const half = withOverrides(IEEE_PROFILE, { reduce: { accumulate: 'float16' } }, 'test.fp16-sums');
    // float16 running sum: 1 + 2^-12 rounds back to 1 every step; the mean is then 1/4.
    expect(runOp('AveragePool', [x], { kernel_shape: [4] }, { profile: half })[0].toFlatArray()).toEqual([0.25]);
    // float32 keeps each 2^-12: (1 + 3·2^-12) / 4.
    expect(runOp('AveragePool', [x], { kernel_shape: [4] })[0].toFlatArray()).toEqual([Math.fround((1 + 3 * 2 ** -12) / 4)]);
    const x64 = tensor([0.1, 0.2, 0.3], [1, 1, 3], 'float64');
    expect(runOp('AveragePool', [x64], { kernel_shape: [3] }, { mode: 'golden' })[0].toFlatArray()).toEqual([(0.1 + 0.2 + 0.3) / 3]);
  });

  it('NHWC equals transposed NCHW bit for bit', () => {
    const x = randomTensor([2, 3, 7, 6], 'float32', 3);
    const attributes = { kernel_shape: [3, 2], strides: [2, 2], pads: [1, 0, 1, 1], ceil_mode: 1, count_include_pad: 1 };
    const [y] = runOp('AveragePool', [x], attributes);
    const [yh] = runOp('AveragePool', [toNhwc(x)], { ...attributes, data_format: 'NHWC' });
    expectIdentical(yh, toNhwc(y));
  });

  it('explains bad attributes and inputs', () => {
    const x = Tensor.zeros([1, 1, 4, 4]);
    expect(() => runOp('AveragePool', [x], {})).toThrow(/'kernel_shape' is required/);
    expect(() => runOp('AveragePool', [x], { kernel_shape: [2, 2], pads: [0, 2, 0, 0] })).toThrow(/must be smaller than the kernel extent 2/);
    expect(() => runOp('AveragePool', [x], { kernel_shape: [2, 2], auto_pad: 'SAME', strides: [1, 1] })).toThrow(/'NOTSET', 'SAME_UPPER', 'SAME_LOWER', 'VALID'/);
    expect(() => runOp('AveragePool', [tensor([1], [1, 1, 1], 'int8')], { kernel_shape: [1] })).toThrow(/dtype int8/);
    expect(() => runOp('AveragePool', [Tensor.zeros([1, 1, 1])], { kernel_shape: [2], dilations: [3], pads: [2, 2] })).toThrow(/reads no input element/);
  });
});
