import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import type { DType } from '../../../src/runtime/dtype.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectIdentical } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

type Attributes = Record<string, number | string | number[]>;

/** ONNX Runtime's Y and Indices; max pooling picks input values, so comparisons are exact. */
async function oracle(x: Tensor, attributes: Attributes): Promise<Tensor[]> {
  return runOnnxRuntime('MaxPool', [x], attributes, { outputs: 2, outputDTypes: [x.dtype, 'int64'] });
}

function toNhwc(t: Tensor): Tensor {
  return t.permute([0, ...Array.from({ length: t.rank - 2 }, (_, i) => i + 2), 1]).contiguous();
}

describe('MaxPool', () => {
  const cases: [string, number[], Attributes][] = [
    ['2-D', [2, 3, 8, 8], { kernel_shape: [3, 3] }],
    ['2-D strides and pads', [1, 2, 9, 8], { kernel_shape: [3, 2], strides: [2, 2], pads: [1, 0, 1, 1] }],
    ['2-D dilations', [1, 2, 10, 9], { kernel_shape: [2, 3], dilations: [3, 2], pads: [1, 1, 0, 2] }],
    ['2-D ceil_mode', [1, 2, 8, 7], { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 }],
    ['2-D ceil_mode drops windows starting in the right padding', [1, 1, 6, 5], { kernel_shape: [2, 2], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1 }],
    ['2-D SAME_UPPER', [1, 2, 7, 8], { kernel_shape: [3, 2], strides: [2, 3], auto_pad: 'SAME_UPPER' }],
    ['2-D SAME_LOWER', [1, 2, 7, 8], { kernel_shape: [3, 4], strides: [2, 2], auto_pad: 'SAME_LOWER' }],
    ['2-D VALID', [1, 2, 9, 9], { kernel_shape: [2, 3], strides: [3, 3], auto_pad: 'VALID' }],
    ['1-D', [2, 3, 11], { kernel_shape: [3], strides: [2], pads: [1, 2] }],
    ['1-D dilations, ceil_mode', [1, 2, 12], { kernel_shape: [2], dilations: [3], strides: [2], ceil_mode: 1 }],
    ['3-D', [1, 2, 5, 6, 4], { kernel_shape: [2, 3, 2], strides: [1, 2, 2], pads: [1, 0, 1, 0, 1, 1] }],
    ['storage_order 1', [2, 2, 5, 6], { kernel_shape: [2, 3], strides: [1, 2], storage_order: 1 }],
    ['kernel larger than input', [1, 1, 3, 3], { kernel_shape: [4, 2] }],
  ];
  it.each(cases)('matches ONNX Runtime Y and Indices for float32: %s', async (_label, shape, attributes) => {
    const x = randomTensor(shape, 'float32', 1);
    const [y, indices] = runOp('MaxPool', [x], attributes);
    const [ey, ei] = await oracle(x, attributes);
    expectIdentical(y, ey, 'Y');
    expectIdentical(indices, ei, 'Indices');
  });

  it.each(['float64', 'float16', 'int8', 'uint8'] as DType[])('matches ONNX Runtime exactly for %s', async (dtype) => {
    const x = randomTensor([2, 2, 6, 7], dtype, 2, dtype.startsWith('float') ? {} : { low: -100, high: 100 });
    const input = dtype === 'uint8' ? Tensor.fromNumbers(x.toFloat64().map(Math.abs), x.shape, dtype) : x;
    const attributes = { kernel_shape: [3, 2], strides: [2, 1], pads: [1, 0, 0, 1] };
    const [y, indices] = runOp('MaxPool', [input], attributes);
    const [ey, ei] = await oracle(input, attributes);
    expectIdentical(y, ey, 'Y');
    expectIdentical(indices, ei, 'Indices');
  });

  it('keeps the first of equal maxima and never picks padding', async () => {
    const x = tensor([-3, -3, -5, -1, -1, -2, -4, -4, -4], [1, 1, 3, 3]);
    const attributes = { kernel_shape: [2, 2], pads: [1, 1, 1, 1] };
    const [y, indices] = runOp('MaxPool', [x], attributes);
    const [ey, ei] = await oracle(x, attributes);
    expectIdentical(y, ey);
    expectIdentical(indices, ei);
    expect(y.toFlatArray().every((v) => v < 0)).toBe(true);
  });

  it('propagates NaN with the index of the first NaN (ONNX Runtime drops NaN in some paths)', () => {
    const x = tensor([1, NaN, 3, NaN, NaN, -Infinity, 2, 0, Infinity, 7], [1, 1, 10]);
    const [y, indices] = runOp('MaxPool', [x], { kernel_shape: [2], strides: [2] });
    expect(y.toFlatArray()).toEqual([NaN, NaN, NaN, 2, Infinity]);
    expect(indices.toFlatArray()).toEqual([1, 3, 4, 6, 8]);
    const [y2] = runOp('MaxPool', [tensor([-Infinity, -Infinity, 5, NaN], [1, 1, 2, 2])], { kernel_shape: [2, 2] });
    expect(y2.toFlatArray()).toEqual([NaN]);
  });

  it('follows the ONNX VALID formula with ceil_mode (ONNX Runtime adds a partial window)', () => {
    // in 5, k 2, s 2: VALID gives floor((5 - 2) / 2) + 1 = 2 = ceil((5 - 2 + 1) / 2) for either mode.
    const x = tensor([1, 2, 3, 4, 5], [1, 1, 5]);
    for (const ceil_mode of [0, 1]) {
      const [y] = runOp('MaxPool', [x], { kernel_shape: [2], strides: [2], auto_pad: 'VALID', ceil_mode });
      expect(y.toFlatArray(), `ceil_mode ${ceil_mode}`).toEqual([2, 4]);
    }
  });

  it('NHWC equals transposed NCHW, with Indices row-major over the NHWC input', () => {
    const x = randomTensor([2, 3, 7, 6], 'float32', 3);
    const attributes = { kernel_shape: [3, 2], strides: [2, 2], pads: [1, 0, 1, 1], ceil_mode: 1 };
    const [y] = runOp('MaxPool', [x], attributes);
    const xh = toNhwc(x);
    const [yh, ih] = runOp('MaxPool', [xh], { ...attributes, data_format: 'NHWC' });
    expectIdentical(yh, toNhwc(y));
    const flat = xh.toFloat64();
    const values = yh.toFloat64();
    ih.toFloat64().forEach((index, i) => expect(flat[index]).toBe(values[i]));
    expect(() => runOp('MaxPool', [xh], { kernel_shape: [2, 2], data_format: 'NHWC', storage_order: 1 })).toThrow(/storage_order=1 is defined for NCHW only/);
  });

  it('handles an empty batch like ONNX Runtime', async () => {
    const x = Tensor.zeros([0, 2, 5]);
    const [y, indices] = runOp('MaxPool', [x], { kernel_shape: [2] });
    const [ey, ei] = await oracle(x, { kernel_shape: [2] });
    expectIdentical(y, ey);
    expectIdentical(indices, ei);
  });

  it('explains bad attributes and inputs', () => {
    const x = Tensor.zeros([1, 1, 4, 4]);
    expect(() => runOp('MaxPool', [x], {})).toThrow(/'kernel_shape' is required/);
    expect(() => runOp('MaxPool', [x], { kernel_shape: [2] })).toThrow(/kernel_shape \[2\] must hold one positive size per spatial axis of X \[1, 1, 4, 4\]/);
    expect(() => runOp('MaxPool', [x], { kernel_shape: [2, 2], pads: [2, 0, 0, 0] })).toThrow(/must be smaller than the kernel extent 2/);
    expect(() => runOp('MaxPool', [x], { kernel_shape: [2, 2], storage_order: 2 })).toThrow(/storage_order/);
    expect(() => runOp('MaxPool', [Tensor.zeros([1, 1, 0])], { kernel_shape: [1] })).toThrow(/empty spatial axis/);
    expect(() => runOp('MaxPool', [tensor([1], [1, 1, 1], 'int32')], { kernel_shape: [1] })).toThrow(/dtype int32/);
    // Dilation can make a window skip the input entirely: in 1, k 2, d 3, pads (2, 2).
    expect(() => runOp('MaxPool', [Tensor.zeros([1, 1, 1])], { kernel_shape: [2], dilations: [3], pads: [2, 2] })).toThrow(/reads no input element/);
  });
});
