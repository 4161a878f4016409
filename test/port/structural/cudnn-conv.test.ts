/**
 * cuDNN legacy convolution → CANN aclnnConvolution: the port of test/fixtures/port/cudnn-conv
 * (grouped, strided, dilated; algorithm and workspace queries; output-shape query) runs against
 * its original on the reference runtime, and what aclnn cannot express is refused with OB1019
 * naming the reason, the convolution plan staying where something else reads it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { portSource } from '../../../src/port/port-source.js';
import { tempDir } from '../../helpers/temp-dir.js';

const FIXTURE = readFileSync(new URL('../../fixtures/port/cudnn-conv/input.ts', import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

const errors = (text: string) => portSource(text, { to: 'cann', comments: false }).diagnostics.filter((d) => d.severity === 'error');

/** The fixture with one piece of text replaced (the replaced text must occur). */
function variant(from: string, to: string): string {
  if (!FIXTURE.includes(from)) throw new Error(`the cudnn-conv fixture has no \`${from}\``);
  return FIXTURE.replace(from, to);
}

describe('cuDNN convolution → CANN', () => {
  it('verifies against the original on the reference runtime (warn: HF32 is the documented precision of FP32 convolution)', async () => {
    const dir = tempDir({ 'model.ts': FIXTURE, 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'cann', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).toContain('aclnnConvolutionGetWorkspaceSize(xTensor, wTensor, null, stride, padding, dilation, false, outputPadding, GROUPS, yTensor, USE_HF32, ');
    expect(model.output).toContain('outH.value = Math.floor((H + 2 * 2 - ((3 - 1) * 2 + 1)) / 2) + 1;');
    expect(model.output).not.toMatch(/\bcudnn[A-Z]\w*\(|opbridge\/cuda|perf|algoCount|workspaceBytes|allocation/);
    // pass, or warn when only the target's documented numerics differ (verify's verdicts).
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('refuses true convolution (CUDNN_CONVOLUTION flips the kernel; aclnnConvolution cannot)', () => {
    const text = variant('CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT)', 'CUDNN_CONVOLUTION, CUDNN_DATA_FLOAT)').replace('CUDNN_CROSS_CORRELATION,\n', 'CUDNN_CONVOLUTION,\n');
    const found = errors(text);
    expect(found.find((d) => d.symbol === 'cudnnConvolutionForward')?.message).toMatch(/CUDNN_CONVOLUTION mode \(true convolution, the kernel flipped\); aclnnConvolution computes cross-correlation: flip the filter/);
    // The convolution descriptor's family and the plan stay with the call.
    expect(found.some((d) => d.symbol === 'cudnnSetConvolution2dDescriptor' && /uses `convDesc` and does not port/.test(d.message))).toBe(true);
    expect(found.some((d) => d.symbol === 'cudnnGetConvolutionForwardWorkspaceSize' && /`workspaceBytes` is passed to `cudnnConvolutionForward` \(line \d+\), which stays/.test(d.message))).toBe(true);
    expect(portSource(text, { to: 'cann', comments: false }).output).toContain('if (!best) throw');
  });

  it('refuses output blending and FP32 without TF32', () => {
    const blended = variant('best.algo, workspace, workspaceBytes.value, 0, yDesc.value, dY)', 'best.algo, workspace, workspaceBytes.value, 1, yDesc.value, dY)');
    expect(errors(blended).find((d) => d.symbol === 'cudnnConvolutionForward')?.message).toMatch(/beta is `1`, not the constant 0 \(aclnnConvolution overwrites the output\)/);
    const fma = variant("checkCudnn(cudnnSetConvolutionGroupCount(convDesc.value, GROUPS), 'groups');", "checkCudnn(cudnnSetConvolutionGroupCount(convDesc.value, GROUPS), 'groups');\n  cudnnSetConvolutionMathType(convDesc.value, CUDNN_FMA_MATH);").replace(
      '  cudnnSetConvolutionGroupCount,\n',
      '  cudnnSetConvolutionGroupCount,\n  cudnnSetConvolutionMathType,\n  CUDNN_FMA_MATH,\n',
    );
    expect(errors(fma).find((d) => d.symbol === 'cudnnConvolutionForward')?.message).toMatch(/CUDNN_FMA_MATH asks for true FP32; aclnnConvolution rejects cubeMathType KEEP_DTYPE for FLOAT input on Atlas A2\/A3/);
  });

  it('keeps the algorithm and workspace queries where other code reads their results, and still ports the convolution', () => {
    const text = variant("  let workspace: DevicePtr | null = null;", "  console.log(`workspace: ${workspaceBytes.value} bytes`);\n  let workspace: DevicePtr | null = null;");
    const result = portSource(text, { to: 'cann', comments: false });
    const found = result.diagnostics.filter((d) => d.severity === 'error');
    expect(found.find((d) => d.symbol === 'cudnnGetConvolutionForwardWorkspaceSize')?.message).toMatch(
      /aclnnConvolutionGetWorkspaceSize chooses the kernel and sizes its own workspace, so the query has no cann counterpart and goes away only with the code that reads its results, but `workspaceBytes` is read at line \d+ by code that stays/,
    );
    // `best` feeds the workspace query that stays, so the algorithm query stays too.
    expect(found.some((d) => d.symbol === 'cudnnGetConvolutionForwardAlgorithm_v7')).toBe(true);
    expect(result.output).toContain('if (workspaceBytes.value > 0) {');
    expect(result.output).toContain('aclnnConvolution(');
  });

  it('answers the pooling output-shape query with host arithmetic where its status is kept', () => {
    const text = `import {
  CUDNN_DATA_FLOAT, CUDNN_POOLING_MAX, CUDNN_PROPAGATE_NAN, CUDNN_TENSOR_NCHW,
  cudnnCreatePoolingDescriptor, cudnnCreateTensorDescriptor, cudnnGetPooling2dForwardOutputDim, cudnnSetPooling2dDescriptor, cudnnSetTensor4dDescriptor, ref,
  type cudnnPoolingDescriptor_t, type cudnnTensorDescriptor_t,
} from 'opbridge/cuda';
export function pooledShape(n: number, c: number, h: number, w: number) {
  const x = ref<cudnnTensorDescriptor_t>();
  cudnnCreateTensorDescriptor(x);
  cudnnSetTensor4dDescriptor(x.value, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, c, h, w);
  const pool = ref<cudnnPoolingDescriptor_t>();
  cudnnCreatePoolingDescriptor(pool);
  cudnnSetPooling2dDescriptor(pool.value, CUDNN_POOLING_MAX, CUDNN_PROPAGATE_NAN, 3, 3, 1, 1, 2, 2);
  const [on, oc, oh, ow] = [ref<number>(), ref<number>(), ref<number>(), ref<number>()];
  const status = cudnnGetPooling2dForwardOutputDim(pool.value, x.value, on, oc, oh, ow);
  return { status, shape: [on.value, oc.value, oh.value, ow.value] };
}
`;
    const result = portSource(text, { to: 'cann', comments: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.output).toContain(`  const [on, oc, oh, ow] = [ref<number>(), ref<number>(), ref<number>(), ref<number>()];
  on.value = n;
  oc.value = c;
  oh.value = Math.floor((h + 2 * 1 - 3) / 2) + 1;
  ow.value = Math.floor((w + 2 * 1 - 3) / 2) + 1;
  const status = ACLNN_SUCCESS;
`);
    expect(result.output).not.toMatch(/cudnn|Desc|pool\.value/);
  });
});

describe('aclnnConvolution back to cuDNN', () => {
  it('declares the workspace size as ref<number>() without importing a facade type `number`', () => {
    const there = portSource(FIXTURE, { to: 'cann', comments: false });
    const back = portSource(there.output, { to: 'cuda', from: 'cann', comments: false });
    expect(back.output).toMatch(/const convWorkspaceSize\w* = ref<number>\(\)/);
    expect(back.output).not.toMatch(/type number\b/);
    expect(back.diagnostics.filter((d) => d.id === 'OB1010')).toEqual([]);
  });
});
