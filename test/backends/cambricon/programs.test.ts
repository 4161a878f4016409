/**
 * Sample-style Cambricon programs run as ranks of `opbridge run`, checked against the
 * canonical operators run directly in golden mode (float64, not through the facade) on the
 * same host inputs, in NCHW / row-major terms the programs never use on the device.
 */
import { describe, expect, it } from 'vitest';
import { randomFloat32 } from '../../../src/backends/host/host-data.js';
import { runProgram } from '../../../src/run/run-program.js';
import type { RawAttributes } from '../../../src/runtime/kernel.js';
import { runOp } from '../../../src/runtime/run-op.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose } from '../../helpers/expect-close.js';

const program = (name: string) => new URL(`../../fixtures/programs/cambricon/${name}`, import.meta.url).pathname;
const golden = (op: string, inputs: Tensor[], attributes: RawAttributes = {}) => runOp(op, inputs, attributes, { mode: 'golden' })[0];
const t = (data: Float32Array, shape: number[]) => new Tensor(data, 'float32', shape);

describe('Cambricon sample programs', () => {
  it('linear + bias + GELU + layer norm + softmax (TF32 off) reproduces the golden chain', async () => {
    const run = await runProgram(program('transformer-block.ts'));
    const [rank] = run.ranks;
    expect(rank.diagnostics).toEqual([]);
    const x = t(randomFloat32(32, 1), [4, 8]);
    const w = t(randomFloat32(128, 2, -0.5, 0.5), [16, 8]);
    const bias = t(randomFloat32(16, 3, -0.1, 0.1), [16]);
    const gamma = t(randomFloat32(16, 4, 0.5, 1.5), [16]);
    const beta = t(randomFloat32(16, 5, -0.2, 0.2), [16]);
    const y = golden('Add', [golden('Gemm', [x, w], { transB: 1 }), bias]);
    const hidden = golden('LayerNormalization', [golden('Gelu', [y]), gamma, beta], { axis: -1, epsilon: 1e-5 });
    const probs = golden('Softmax', [hidden], { axis: -1 });
    // float32 products over K = 8 and four float32 kernels in a row: a few float32 ulps, and layer
    // norm divides by a standard deviation of order 0.1, amplifying absolute error ~10x.
    const tolerance = { rtol: 1e-5, atol: 1e-5 };
    expectClose(rank.outputs.get('hidden')!.reshape([4, 16]), hidden, tolerance, 'hidden');
    expectClose(rank.outputs.get('probs')!.reshape([4, 16]), probs, tolerance, 'probs');
    const ops = rank.trace.filter((r) => r.kind === 'op').map((r) => `${r.symbol}:${r.op}`);
    expect(ops).toEqual([
      'cnnlMatMul_v2:Gemm',
      'cnnlOpTensor:Add',
      'cnnlActivationForward:Gelu',
      'cnnlLayerNormForward:LayerNormalization',
      'cnnlSoftmaxForward_v2:Softmax',
    ]);
    expect(rank.trace.find((r) => r.op === 'Gemm')?.site?.file).toMatch(/transformer-block\.ts$/);
  });

  it('NCHW -> NHWC transposes, NHWC conv with workspace, max pool and the transpose back match NCHW Conv + MaxPool', async () => {
    const run = await runProgram(program('conv-block.ts'));
    const [rank] = run.ranks;
    expect(rank.diagnostics).toEqual([]);
    const x = t(randomFloat32(2 * 3 * 36, 11), [2, 3, 6, 6]);
    const w = t(randomFloat32(4 * 27, 12, -0.5, 0.5), [4, 3, 3, 3]);
    const b = t(randomFloat32(4, 13, -0.1, 0.1), [4]);
    const conv = golden('Conv', [x, w, b], { pads: [1, 1, 1, 1] });
    const expected = runOp('MaxPool', [conv], { kernel_shape: [2, 2], strides: [2, 2] }, { mode: 'golden' })[0];
    // 27-term float32 sums (TF32 switched off) then an exact max: the Conv spec's float32 tolerance.
    expectClose(rank.outputs.get('out')!.reshape([2, 4, 3, 3]), expected, { rtol: 1.3e-6, atol: 1e-4 }, 'out');
    const conv2d = rank.trace.find((r) => r.op === 'Conv')!;
    expect(conv2d.attributes).toMatchObject({ data_format: 'NHWC', pads: [1, 1, 1, 1] });
    expect(conv2d.profile).toContain('cnnlSetConvolutionDescriptorAllowTF32.allowTF32=0');
  });
});
