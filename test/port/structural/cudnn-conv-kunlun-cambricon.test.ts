/**
 * cuDNN legacy convolution → Kunlun xpu::conv2d and → Cambricon cnnlConvolutionForward: the port
 * of test/fixtures/port/cudnn-conv-stream (grouped, strided, dilated; algorithm and workspace
 * queries; output-shape query) runs against its original on the reference runtime, and what the target
 * cannot express is refused with OB1019 naming the reason. The algorithm / workspace plan and
 * the output-shape query go the way they go on CANN (dnn/conv-workspace-slice.ts,
 * dnn/conv-output-dims.ts); cudnn-conv.test.ts covers that machinery's edge cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackendId } from '../../../src/catalog/vocabulary.js';
import { port } from '../../../src/port/port.js';
import { portSource } from '../../../src/port/port-source.js';
import { tempDir } from '../../helpers/temp-dir.js';

const FIXTURE = readFileSync(new URL('../../fixtures/port/cudnn-conv-stream/input.ts', import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

const errors = (text: string, to: BackendId) => portSource(text, { to, comments: false }).diagnostics.filter((d) => d.severity === 'error');

/** The fixture with one piece of text replaced (the replaced text must occur). */
function variant(from: string, to: string): string {
  if (!FIXTURE.includes(from)) throw new Error(`the cudnn-conv-stream fixture has no \`${from}\``);
  return FIXTURE.replace(from, to);
}

const TRUE_CONVOLUTION = variant('CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT)', 'CUDNN_CONVOLUTION, CUDNN_DATA_FLOAT)').replace('CUDNN_CROSS_CORRELATION,\n', 'CUDNN_CONVOLUTION,\n');
const BLENDED = variant('best.algo, workspace, workspaceBytes.value, 0, yDesc.value, dY)', 'best.algo, workspace, workspaceBytes.value, 1, yDesc.value, dY)');
const FMA = variant("checkCudnn(cudnnSetConvolutionGroupCount(convDesc.value, GROUPS), 'groups');", "checkCudnn(cudnnSetConvolutionGroupCount(convDesc.value, GROUPS), 'groups');\n  cudnnSetConvolutionMathType(convDesc.value, CUDNN_FMA_MATH);").replace(
  '  cudnnSetConvolutionGroupCount,\n',
  '  cudnnSetConvolutionGroupCount,\n  cudnnSetConvolutionMathType,\n  CUDNN_FMA_MATH,\n',
);

async function portAndVerify(to: BackendId) {
  const dir = tempDir({ 'model.ts': FIXTURE, 'package.json': '{ "type": "module" }' });
  const result = await port([dir], { to, cwd: dir, verify: { timeoutMs: 60_000 } });
  return result.files.find((f) => f.path === 'model.ts')!;
}

describe('cuDNN convolution → Kunlun xpu::conv2d', () => {
  it('verifies against the original on the reference runtime (warn: TF32 is the documented precision of both)', async () => {
    const model = await portAndVerify('kunlun');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).toContain("xpu.conv2d(['float', 'float', 'float', 'tfloat32'], cudnn.value, dX, dW, dY, N, C, H, W, K, [3, 3], [2, 1], [2, 1], [2, 1], GROUPS, null, null, null, true)");
    expect(model.output).toContain('outH.value = Math.floor((H + 2 * 2 - ((3 - 1) * 2 + 1)) / 2) + 1;');
    expect(model.output).not.toMatch(/\bcudnn[A-Z]\w*\(|perf|algoCount|workspaceBytes|allocation/);
    // pass, or warn when only the targets' documented numerics differ (verify's verdicts).
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('refuses true convolution and output blending, keeping the descriptors and plan with the call', () => {
    const found = errors(TRUE_CONVOLUTION, 'kunlun');
    expect(found.find((d) => d.symbol === 'cudnnConvolutionForward')?.message).toMatch(/CUDNN_CONVOLUTION mode \(true convolution, the kernel flipped\); xpu::conv2d computes cross-correlation/);
    expect(found.some((d) => d.symbol === 'cudnnSetConvolution2dDescriptor' && /uses `convDesc` and does not port/.test(d.message))).toBe(true);
    expect(found.some((d) => d.symbol === 'cudnnGetConvolutionForwardWorkspaceSize' && /xpu::conv2d chooses its kernel.*`workspaceBytes` is passed to `cudnnConvolutionForward` \(line \d+\), which stays/.test(d.message))).toBe(true);
    expect(errors(BLENDED, 'kunlun').find((d) => d.symbol === 'cudnnConvolutionForward')?.message).toMatch(/beta is `1`, not the constant 0 \(XDNN calls overwrite the output\)/);
  });

  it('computes in FP32 (TGEMM float) where the source forbids TF32', () => {
    expect(portSource(FMA, { to: 'kunlun', comments: false }).output).toContain("xpu.conv2d(['float', 'float', 'float', 'float'], ");
  });
});

describe('cuDNN convolution → Cambricon cnnlConvolutionForward (NHWC)', () => {
  it('verifies against the original on the reference runtime (warn: TF32 is the documented precision of both)', async () => {
    const model = await portAndVerify('cambricon');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // NCHW x and OIHW filter transposed to NHWC, y transposed back after the convolution.
    expect(model.output).toContain('cnnlSetTransposeDescriptor(toNhwc.value, 4, [0, 2, 3, 1]);');
    expect(model.output).toContain('cnnlSetTensorDescriptor(wNhwcDesc.value, CNNL_LAYOUT_NHWC, CNNL_DTYPE_FLOAT, 4, [K, 3, 3, C / GROUPS]);');
    // ONNX pads [2, 1, 2, 1] as CNNL's (top, bottom, left, right).
    expect(model.output).toContain('cnnlSetConvolutionDescriptor(convDesc_1.value, 4, [2, 2, 1, 1], [2, 1], [2, 1], GROUPS, CNNL_DTYPE_FLOAT);');
    expect(model.output).toContain('cnnlSetConvolutionDescriptorAllowTF32(convDesc_1.value, 1);');
    expect(model.output.indexOf('cnnlConvolutionForward(')).toBeLessThan(model.output.indexOf('cnnlTranspose_v2(cudnn.value, toNchw.value, yNhwcDesc.value, yNhwc.value, yDesc_1.value, dY, '));
    expect(model.output).not.toMatch(/\bcudnn[A-Z]\w*\(|perf|algoCount|workspaceBytes|allocation/);
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('refuses true convolution and output blending, keeping the descriptors and plan with the call', () => {
    const found = errors(TRUE_CONVOLUTION, 'cambricon');
    expect(found.find((d) => d.symbol === 'cudnnConvolutionForward')?.message).toMatch(/CUDNN_CONVOLUTION mode \(true convolution, the kernel flipped\); cnnlConvolutionForward computes cross-correlation/);
    expect(found.some((d) => d.symbol === 'cudnnSetConvolution2dDescriptor' && /uses `convDesc` and does not port/.test(d.message))).toBe(true);
    expect(found.some((d) => d.symbol === 'cudnnGetConvolutionForwardWorkspaceSize' && /the CNNL convolution queries its own algorithm and workspace.*`workspaceBytes` is passed to `cudnnConvolutionForward` \(line \d+\), which stays/.test(d.message))).toBe(true);
    expect(errors(BLENDED, 'cambricon').find((d) => d.symbol === 'cudnnConvolutionForward')?.message).toMatch(/beta is `1`, not the constant 0 \(the port writes y through an NHWC staging buffer/);
  });

  it('forbids TF32 where the source does', () => {
    expect(portSource(FMA, { to: 'cambricon', comments: false }).output).toContain('cnnlSetConvolutionDescriptorAllowTF32(convDesc_1.value, 0);');
  });
});
