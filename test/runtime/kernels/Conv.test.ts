import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/runtime/create-tensor.js';
import { TF32, roundToFormat } from '../../../src/runtime/numerics/float-format.js';
import { IEEE_PROFILE, withOverrides } from '../../../src/runtime/numerics/numeric-profile.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { shapeSize } from '../../../src/runtime/shape.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose, expectIdentical } from '../../helpers/expect-close.js';
import { runOnnxRuntime } from '../../helpers/onnx-oracle.js';
import { randomTensor } from '../../helpers/seeded-random.js';

// ONNX Runtime's float32 Conv (MLAS) uses its own summation order and FMA; the sums here have at
// most C/g·k = 54 unit-range terms, so the two float32 results differ by well under 1e-5.
const FP32_VS_ORT = { rtol: 1e-5, atol: 1e-5 };

type Attributes = Record<string, number | string | number[]>;

/**
 * Direct convolution in float64, summing each output over (input channel, kernel taps
 * row-major) with padding taps contributing 0·w — the order the golden Conv documents.
 */
function directConv(x: Tensor, w: Tensor, bias: Tensor | undefined, strides: number[], dilations: number[], padsBegin: number[], group: number, output: number[]): Float64Array {
  const [batch, channels, ...spatial] = x.shape;
  const [outChannels, groupChannels, ...kernel] = w.shape;
  const xv = x.toFloat64();
  const wv = w.toFloat64();
  const bv = bias?.toFloat64();
  const rank = spatial.length;
  const positions = shapeSize(output);
  const taps = shapeSize(kernel);
  const out = new Float64Array(batch * outChannels * positions);
  const unravel = (index: number, shape: readonly number[]): number[] => {
    const coords = new Array<number>(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      coords[d] = index % shape[d];
      index = Math.floor(index / shape[d]);
    }
    return coords;
  };
  for (let n = 0; n < batch; n++) {
    for (let m = 0; m < outChannels; m++) {
      const g = Math.floor(m / (outChannels / group));
      for (let o = 0; o < positions; o++) {
        const oc = unravel(o, output);
        let acc = 0;
        for (let c = 0; c < groupChannels; c++) {
          for (let t = 0; t < taps; t++) {
            const tc = unravel(t, kernel);
            let index = 0;
            let inside = true;
            for (let d = 0; d < rank; d++) {
              const p = oc[d] * strides[d] - padsBegin[d] + tc[d] * dilations[d];
              if (p < 0 || p >= spatial[d]) inside = false;
              index = index * spatial[d] + p;
            }
            const xValue = inside ? xv[((n * channels + g * groupChannels + c) * shapeSize(spatial)) + index] : 0;
            acc += xValue * wv[(m * groupChannels + c) * taps + t];
          }
        }
        out[(n * outChannels + m) * positions + o] = bv ? acc + bv[m] : acc;
      }
    }
  }
  return out;
}

function toNhwc(t: Tensor): Tensor {
  return t.permute([0, ...Array.from({ length: t.rank - 2 }, (_, i) => i + 2), 1]).contiguous();
}

describe('Conv', () => {
  const cases: [string, number[], number[], boolean, Attributes][] = [
    ['2-D plain', [1, 3, 8, 8], [4, 3, 3, 3], false, {}],
    ['2-D pads and strides', [2, 3, 9, 8], [4, 3, 3, 3], true, { pads: [1, 1, 1, 1], strides: [2, 2] }],
    ['2-D asymmetric pads', [1, 2, 7, 9], [3, 2, 3, 2], true, { pads: [0, 1, 2, 0], strides: [1, 2] }],
    ['2-D dilations', [1, 2, 10, 9], [3, 2, 3, 3], false, { dilations: [2, 1], pads: [2, 1, 2, 1] }],
    ['2-D groups', [2, 4, 7, 7], [6, 2, 3, 3], true, { group: 2, pads: [1, 1, 1, 1] }],
    ['2-D depthwise', [1, 4, 6, 6], [8, 1, 3, 3], true, { group: 4, strides: [2, 1] }],
    ['2-D SAME_UPPER', [1, 3, 7, 8], [2, 3, 3, 2], false, { auto_pad: 'SAME_UPPER', strides: [2, 3] }],
    ['2-D SAME_LOWER', [1, 3, 7, 8], [2, 3, 2, 4], true, { auto_pad: 'SAME_LOWER', strides: [2, 2] }],
    ['2-D VALID', [1, 2, 10, 11], [2, 2, 3, 3], false, { auto_pad: 'VALID', strides: [3, 2] }],
    ['2-D kernel_shape given', [1, 2, 5, 5], [2, 2, 2, 3], false, { kernel_shape: [2, 3] }],
    ['2-D 1×1', [2, 6, 4, 5], [3, 6, 1, 1], true, {}],
    ['1-D', [2, 3, 10], [5, 3, 3], true, { pads: [2, 1], strides: [2], dilations: [2] }],
    ['1-D groups SAME_UPPER', [1, 6, 11], [3, 2, 4], false, { group: 3, auto_pad: 'SAME_UPPER' }],
    ['3-D', [1, 2, 5, 6, 4], [3, 2, 2, 3, 2], true, { pads: [1, 0, 1, 0, 1, 1], strides: [1, 2, 1] }],
    ['empty batch', [0, 3, 5, 5], [2, 3, 3, 3], true, {}],
  ];
  it.each(cases)('matches ONNX Runtime for float32: %s', async (_label, xShape, wShape, withBias, attributes) => {
    const x = randomTensor(xShape, 'float32', 1);
    const w = randomTensor(wShape, 'float32', 2);
    const inputs = withBias ? [x, w, randomTensor([wShape[0]], 'float32', 3)] : [x, w];
    const [expected] = await runOnnxRuntime('Conv', inputs, attributes);
    expectClose(runOp('Conv', inputs, attributes)[0], expected, FP32_VS_ORT);
  });

  it('gives an empty output when the kernel is larger than the input (ONNX Runtime rejects it)', () => {
    // floor((3 - 4) / 1) + 1 = 0 outputs per spatial axis.
    const [y] = runOp('Conv', [Tensor.zeros([1, 1, 3, 3]), Tensor.zeros([2, 1, 4, 4])]);
    expect(y.shape).toEqual([1, 2, 0, 0]);
    expect(() => runOp('Conv', [Tensor.zeros([1, 1, 3]), Tensor.zeros([1, 1, 5])])).toThrow(/kernel extent 5 .* exceeds the padded input 3/);
  });

  it('matches ONNX Runtime for float16 within one float16 rounding', async () => {
    const x = randomTensor([1, 4, 6, 6], 'float16', 4);
    const w = randomTensor([3, 4, 3, 3], 'float16', 5);
    const b = randomTensor([3], 'float16', 6);
    const [expected] = await runOnnxRuntime('Conv', [x, w, b], { pads: [1, 1, 1, 1] });
    // Both sum in float32 and round once to float16 (ORT may round the bias add separately):
    // within one float16 ulp.
    expectClose(runOp('Conv', [x, w, b], { pads: [1, 1, 1, 1] })[0], expected, { rtol: 2 ** -10, atol: 2 ** -14 });
  });

  it('propagates NaN and Inf like ONNX Runtime', async () => {
    const x = randomTensor([1, 2, 5, 5], 'float32', 7).toFloat64();
    x[3] = NaN;
    x[30] = Infinity;
    x[44] = -Infinity;
    const xt = Tensor.fromNumbers(x, [1, 2, 5, 5], 'float32');
    const w = randomTensor([2, 2, 2, 2], 'float32', 8);
    const [expected] = await runOnnxRuntime('Conv', [xt, w], { strides: [1, 2] });
    const [actual] = runOp('Conv', [xt, w], { strides: [1, 2] });
    expectClose(actual, expected, FP32_VS_ORT);
    expect(actual.toFlatArray().some(Number.isNaN)).toBe(true);
  });

  it('golden mode equals a direct float64 convolution bit for bit', () => {
    const x = randomTensor([2, 4, 7, 6], 'float64', 9);
    const w = randomTensor([6, 2, 3, 2], 'float64', 10);
    const b = randomTensor([6], 'float64', 11);
    const attributes = { group: 2, pads: [1, 0, 2, 1], strides: [2, 1], dilations: [1, 2] };
    const [golden] = runOp('Conv', [x, w, b], attributes, { mode: 'golden' });
    // Output: H = floor((7 + 3 - 3) / 2) + 1 = 4, W = floor((6 + 1 - 3) / 1) + 1 = 5.
    const expected = directConv(x, w, b, [2, 1], [1, 2], [1, 0], 2, [4, 5]);
    expectIdentical(golden, Tensor.fromNumbers(expected, [2, 6, 4, 5], 'float64'));
  });

  it('applies dilation inside SAME padding, as the ONNX formula states (ONNX Runtime rejects it)', () => {
    const x = randomTensor([1, 1, 9], 'float64', 12);
    const w = randomTensor([1, 1, 3], 'float64', 13);
    // in 9, stride 2, k 3, d 2: out = ceil(9/2) = 5, total pad = 4·2 + 5 - 9 = 4 -> (2, 2).
    const [upper] = runOp('Conv', [x, w], { auto_pad: 'SAME_UPPER', strides: [2], dilations: [2] }, { mode: 'golden' });
    expectIdentical(upper, Tensor.fromNumbers(directConv(x, w, undefined, [2], [2], [2], 1, [5]), [1, 1, 5], 'float64'));
    // in 8, stride 3, k 3, d 2: out = 3, total pad = 2·3 + 5 - 8 = 3 -> SAME_LOWER (2, 1).
    const x8 = randomTensor([1, 1, 8], 'float64', 14);
    const [lower] = runOp('Conv', [x8, w], { auto_pad: 'SAME_LOWER', strides: [3], dilations: [2] }, { mode: 'golden' });
    expectIdentical(lower, Tensor.fromNumbers(directConv(x8, w, undefined, [3], [2], [2], 1, [3]), [1, 1, 3], 'float64'));
  });

  it.each([
    ['2-D groups, bias, pads', [2, 4, 6, 5], [6, 2, 3, 3], { group: 2, pads: [1, 0, 1, 2], strides: [1, 2] }],
    ['1-D dilation', [2, 3, 9], [4, 3, 2], { dilations: [3], auto_pad: 'SAME_UPPER' }],
    ['3-D', [1, 2, 4, 3, 5], [3, 2, 2, 2, 3], { pads: [0, 1, 1, 1, 0, 1] }],
  ] as const)('NHWC equals transposed NCHW bit for bit: %s', (_label, xShape, wShape, attributes) => {
    const x = randomTensor(xShape, 'float32', 15);
    const w = randomTensor(wShape, 'float32', 16);
    const b = randomTensor([wShape[0]], 'float32', 17);
    const [nchw] = runOp('Conv', [x, w, b], attributes);
    const [nhwc] = runOp('Conv', [toNhwc(x), toNhwc(w), b], { ...attributes, data_format: 'NHWC' });
    expectIdentical(nhwc, toNhwc(nchw));
  });

  it('runs under the profile conv numerics (TF32 operands), not the matmul numerics', () => {
    const x = randomTensor([1, 8, 6, 6], 'float32', 18);
    const w = randomTensor([4, 8, 3, 3], 'float32', 19);
    const tf32 = withOverrides(IEEE_PROFILE, { conv: { format: 'tf32' } }, 'test.conv-tf32');
    const round = (t: Tensor): Tensor => Tensor.fromNumbers(t.toFloat64().map((v) => roundToFormat(v, TF32)), t.shape, 'float32');
    const [viaProfile] = runOp('Conv', [x, w], { pads: [1, 1, 1, 1] }, { profile: tf32 });
    expectIdentical(viaProfile, runOp('Conv', [round(x), round(w)], { pads: [1, 1, 1, 1] })[0], 'TF32 = IEEE on pre-rounded operands');
    expect(viaProfile.toFlatArray()).not.toEqual(runOp('Conv', [x, w], { pads: [1, 1, 1, 1] })[0].toFlatArray());
    const matmulOnly = withOverrides(IEEE_PROFILE, { matmul: { format: 'tf32' } }, 'test.matmul-tf32');
    expectIdentical(runOp('Conv', [x, w], {}, { profile: matmulOnly })[0], runOp('Conv', [x, w])[0], 'matmul profile ignored');
  });

  it('quantises X and W per tensor under an int16 conv profile, within the analytic bound', () => {
    const x = randomTensor([1, 6, 5, 5], 'float32', 20);
    const w = randomTensor([3, 6, 3, 3], 'float32', 21);
    const int16 = withOverrides(IEEE_PROFILE, { conv: { format: 'int16', accumulate: 'float64' } }, 'test.int16');
    const [q] = runOp('Conv', [x, w], {}, { profile: int16 });
    const [golden] = runOp('Conv', [x, w], {}, { mode: 'golden' });
    const absMax = (t: Tensor): number => Math.max(...t.toFloat64().map(Math.abs));
    const dx = absMax(x) / 32767 / 2;
    const dw = absMax(w) / 32767 / 2;
    // Each of the 54 products moves by at most |x|·δw + |w|·δx + δx·δw <= 1·δw + 1·δx + δx·δw;
    // both results are then stored as float32 (half an ulp each, 2^-24 relative).
    const bound = 54 * (dw + dx + dx * dw) * (1 + 1e-9);
    const g = golden.toFloat64();
    q.toFloat64().forEach((v, i) => expect(Math.abs(v - g[i])).toBeLessThanOrEqual(bound + 2 ** -24 * (Math.abs(v) + Math.abs(g[i]))));
    expect(q.toFlatArray()).not.toEqual(golden.toFlatArray());
  });

  it('explains bad shapes and attributes', () => {
    const x = Tensor.zeros([1, 4, 5, 5]);
    expect(() => runOp('Conv', [x, Tensor.zeros([2, 3, 3, 3])])).toThrow(/W \[2, 3, 3, 3\] has 3 input channels per group, but X \[1, 4, 5, 5\] has 4 channels/);
    expect(() => runOp('Conv', [x, Tensor.zeros([3, 2, 3, 3])], { group: 2 })).toThrow(/group 2 must divide .* output channels 3/);
    expect(() => runOp('Conv', [x, Tensor.zeros([2, 4, 3, 3])], { kernel_shape: [2, 2] })).toThrow(/kernel_shape \[2, 2\] does not match/);
    expect(() => runOp('Conv', [x, Tensor.zeros([2, 4, 3, 3])], { auto_pad: 'SAME_UPPER', pads: [1, 1, 1, 1] })).toThrow(/cannot be combined/);
    expect(() => runOp('Conv', [x, Tensor.zeros([2, 4, 3, 3]), Tensor.zeros([3])])).toThrow(/B \[3\] must be 1-D with one value per output channel \(2\)/);
    expect(() => runOp('Conv', [x, Tensor.zeros([2, 4, 3, 3])], { strides: [1] })).toThrow(/'strides' has 1 values/);
    expect(() => runOp('Conv', [Tensor.zeros([4, 5]), Tensor.zeros([2, 4])])).toThrow(/rank >= 3/);
    expect(() => runOp('Conv', [x, Tensor.zeros([2, 4, 3, 3])], { data_format: 'NCWH' })).toThrow(/'NCHW', 'NHWC'/);
    expect(() => runOp('Conv', [tensor([1], [1, 1, 1], 'int32'), tensor([1], [1, 1, 1], 'int32')])).toThrow(/dtype int32/);
  });
});
