/**
 * The muDNN structural modules (src/port/structural/mudnn): legacy cuDNN programs ported to MUSA
 * run on the reference runtime against their originals (verify), and what muDNN cannot express
 * is declined with the reason instead of ported wrongly. The fixtures of
 * test/fixtures/port/cudnn-* are the programs; their expected MUSA ports are checked byte for byte
 * (and for idempotence) by fixtures.test.ts and type-checked by type-check.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { portSource } from '../../../src/port/port-source.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

async function portAndVerify(name: string) {
  const dir = tempDir({ 'model.ts': fixture(name), 'package.json': '{ "type": "module" }' });
  const result = await port([dir], { to: 'musa', cwd: dir, verify: { timeoutMs: 60_000 } });
  return result.files.find((f) => f.path === 'model.ts')!;
}

const errors = (model: { diagnostics: readonly { severity: string }[] }) => model.diagnostics.filter((d) => d.severity === 'error');

// The bias add, channel softmax, batch norm, ReLU and max pool (mudnnBinary, mudnnSoftmaxForwardEx,
// mudnnBatchNormForwardInference, mudnnUnary, mudnnPoolingForwardEx) are verified by the mlp,
// transformer-block and resnet-block samples (test/samples/ported.test.ts); cudnn-softmax-add and
// cudnn-batchnorm-pool → musa are fixture pairs. The convolution here is grouped, strided and dilated.
describe('cuDNN → muDNN ports verify on the reference runtime', () => {
  it('filter and convolution setters, the output-shape query and the convolution → muDNN (the query as host arithmetic)', async () => {
    const model = await portAndVerify('cudnn-conv');
    expect(errors(model)).toEqual([]);
    for (const call of ['mudnnSetFilterNdDescriptorWithScale(', 'mudnnSetConvolutionNdDescriptor(', 'mudnnConvolutionForward(']) expect(model.output).toContain(call);
    expect(model.output).not.toMatch(/\bcudnnGetConvolution2dForwardOutputDim\(/);
    // pass, or warn when only the target's documented numerics differ (verify's verdicts).
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('cudnnAddTensor with alpha ≠ 1 over packed tensors of one shape → mublasSaxpy; the broadcast bias add stays mudnnBinary', async () => {
    const model = await portAndVerify('cudnn-add-tensor-scaled');
    expect(errors(model)).toEqual([]);
    expect(model.output).toMatch(/mublasSaxpy\(\w+\.value, N \* C \* H \* W, -1, dX\.value, 1, dY\.value, 1\)/);
    expect(model.output).toMatch(/mublasSaxpy\(\w+\.value, N \* C \* H \* W, step, dX\.value, 1, dY\.value, 1\)/);
    expect(model.output).toContain('mudnnBinary(');
    expect(model.output).not.toContain('cudnnAddTensor(');
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);
});

const PROGRAM = (body: string) => `import {
  CUDNN_ACTIVATION_RELU, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN, CUDNN_POOLING_MAX, CUDNN_PROPAGATE_NAN, CUDNN_SOFTMAX_ACCURATE,
  CUDNN_SOFTMAX_MODE_INSTANCE, CUDNN_TENSOR_NCHW, cudnnActivationForward, cudnnAddTensor, cudnnCreate, cudnnCreateActivationDescriptor,
  cudnnCreatePoolingDescriptor, cudnnCreateTensorDescriptor, cudnnDestroyActivationDescriptor, cudnnSetActivationDescriptor,
  cudnnSetPooling2dDescriptor, cudnnSetTensor4dDescriptor, cudnnSoftmaxForward, ref, type DevicePtr, type cudnnActivationDescriptor_t,
  type cudnnHandle_t, type cudnnPoolingDescriptor_t, type cudnnTensorDescriptor_t,
} from 'opbridge/cuda';
export function run(x: DevicePtr, y: DevicePtr, scale: number) {
  const h = ref<cudnnHandle_t>();
  cudnnCreate(h);
  const d = ref<cudnnTensorDescriptor_t>();
  cudnnCreateTensorDescriptor(d);
  cudnnSetTensor4dDescriptor(d.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 2, 3, 4, 5);
${body}
}
`;

function portToMusa(body: string) {
  const result = portSource(PROGRAM(body), { to: 'musa', fileName: 'model.ts' });
  const declined = result.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message);
  return { output: result.output, declined };
}

describe('cuDNN → muDNN declines what muDNN cannot express', () => {
  it('an add with beta ≠ 1 (mudnnBinary has no blend factors)', () => {
    const { output, declined } = portToMusa('  cudnnAddTensor(h.value, 1, d.value, x, 0.5, d.value, y);');
    expect(declined.join('\n')).toMatch(/beta is 0\.5, and mudnnBinary has no blend factors/);
    expect(output).toContain('cudnnAddTensor(h.value, 1, d.value, x, 0.5, d.value, y)');
    expect(output).not.toContain('mudnnBinary(');
  });

  it('blend factors that are not constants', () => {
    const { declined } = portToMusa('  cudnnAddTensor(h.value, 1, d.value, x, scale, d.value, y);');
    expect(declined.join('\n')).toMatch(/beta `scale` is not a constant.*nor is it mublasSaxpy: beta is `scale`, not 1/);
  });

  it('an add with alpha ≠ 1 over a broadcast tensor (not mublasSaxpy either)', () => {
    const program = (add: string) => PROGRAM(`  const b = ref<cudnnTensorDescriptor_t>();\n  cudnnCreateTensorDescriptor(b);\n  cudnnSetTensor4dDescriptor(b.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, 1, 3, 1, 1);\n${add}`);
    const result = portSource(program('  cudnnAddTensor(h.value, -1, b.value, x, 1, d.value, y);'), { to: 'musa', fileName: 'model.ts' });
    const declined = result.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message);
    expect(declined.join('\n')).toMatch(/alpha is -1, and mudnnBinary has no blend factors .*nor is it mublasSaxpy: A \(\[1, 3, 1, 1\]\) and C \(\[2, 3, 4, 5\]\) are not of one shape/);
    expect(result.output).not.toContain('mublasSaxpy(');
  });

  it('an INSTANCE-mode softmax (over C·H·W, not one dim of the 4-D descriptor)', () => {
    const { output, declined } = portToMusa('  cudnnSoftmaxForward(h.value, CUDNN_SOFTMAX_ACCURATE, CUDNN_SOFTMAX_MODE_INSTANCE, 1, d.value, x, 0, d.value, y);');
    expect(declined.join('\n')).toMatch(/INSTANCE-mode softmax/);
    expect(output).not.toContain('mudnnSoftmaxForwardEx(');
  });

  it('max pooling that does not propagate NaNs (muDNN has no NaN option)', () => {
    const { output, declined } = portToMusa(
      '  const p = ref<cudnnPoolingDescriptor_t>();\n  cudnnCreatePoolingDescriptor(p);\n  cudnnSetPooling2dDescriptor(p.value, CUDNN_POOLING_MAX, CUDNN_NOT_PROPAGATE_NAN, 2, 2, 0, 0, 2, 2);',
    );
    expect(declined.join('\n')).toMatch(/NaN option `CUDNN_NOT_PROPAGATE_NAN` is not CUDNN_PROPAGATE_NAN/);
    expect(output).not.toContain('mudnnSetPoolingNdDescriptorEx(');
  });

  it('keeps the activation descriptor, with the reason, when its activation call does not port', () => {
    const { output, declined } = portToMusa(
      [
        '  const act = ref<cudnnActivationDescriptor_t>();',
        '  cudnnCreateActivationDescriptor(act);',
        '  cudnnSetActivationDescriptor(act.value, CUDNN_ACTIVATION_RELU, CUDNN_PROPAGATE_NAN, 0);',
        '  cudnnActivationForward(h.value, act.value, 2, d.value, x, 0, d.value, y);',
        '  cudnnDestroyActivationDescriptor(act.value);',
      ].join('\n'),
    );
    expect(declined.join('\n')).toMatch(/alpha is 2, and mudnnUnary has no blend factors/);
    expect(declined.join('\n')).toMatch(/`cudnnActivationForward` uses `act` and does not port/);
    expect(output).toContain('const act = ref<');
    expect(output).not.toContain('mudnnUnary(');
  });

  it('ports an in-place ReLU with its activation descriptor gone', () => {
    const { output, declined } = portToMusa(
      [
        '  const act = ref<cudnnActivationDescriptor_t>();',
        '  cudnnCreateActivationDescriptor(act);',
        '  cudnnSetActivationDescriptor(act.value, CUDNN_ACTIVATION_RELU, CUDNN_PROPAGATE_NAN, 0);',
        '  cudnnActivationForward(h.value, act.value, 1, d.value, y, 0, d.value, y);',
        '  cudnnDestroyActivationDescriptor(act.value);',
      ].join('\n'),
    );
    expect(declined).toEqual([]);
    expect(output).toMatch(/mudnnSetUnaryDescriptor\(unaryDesc\.value, MUDNN_UNARY_RELU, /);
    expect(output).toContain('mudnnUnary(h.value, unaryDesc.value, d.value, y, d.value, y)');
    expect(output).not.toMatch(/\bact\b/);
  });
});
