/**
 * The aclnn lifters and the CUDA lowerers, decided by numbers: programs go CUDA → CANN → CUDA in
 * process (portSource both ways) and the program that comes back runs against the original on
 * the reference runtime (`verify`: golden and profiled runs of both, compared call by call and
 * output by output). Every structural fixture whose input ports fully to CANN today is here; a
 * hand-written CANN program ported to CUDA is verified against itself the same way.
 *
 * Verdicts: pass, or warn where only documented numerics differ (docs/verify.md). Both programs
 * of a round trip run on the CUDA facade, so they normally pass outright.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

function roundTrip(name: string) {
  const original = fixture(name);
  const there = portSource(original, { to: 'cann' });
  expect(there.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const back = portSource(there.output, { to: 'cuda', from: 'cann' });
  return { original, there: there.output, back };
}

async function verifies(original: string, ported: string) {
  const dir = tempDir({ 'original.ts': original, 'ported.ts': ported, 'package.json': '{ "type": "module" }' });
  return verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
}

const ACLNN_CALL = /\baclnn[A-Z]\w*\(|\bacl(Create|Destroy)(Tensor|Scalar|IntArray)\(/;
const TIMEOUT = 400_000; // the runs take seconds alone; a loaded 2-core machine stretches them

describe('cuda → cann → cuda keeps the results', () => {
  it.each([
    ['cudnn-softmax-add', ['cudnnAddTensor(', 'cudnnSoftmaxForward(']],
    ['cudnn-batchnorm-pool', ['cudnnBatchNormalizationForwardInference(', 'cudnnAddTensor(', 'cudnnActivationForward(', 'cudnnPoolingForward(']],
    ['cublas-structural', ['cublasSgemm(', 'cublasSgemmStridedBatched(', 'cublasGemmEx(', 'cublasSaxpy(', 'cublasSdot(']],
    // aclnnConvolution (cubeMathType HF32) back to cudnnConvolutionForward with DEFAULT math.
    ['cudnn-conv', ['cudnnConvolutionForward(', 'cudnnSetFilter4dDescriptor(', 'cudnnSetConvolutionMathType(']],
  ] as const)('%s', async (name, calls) => {
    const { original, there, back } = roundTrip(name);
    expect(there).toMatch(ACLNN_CALL); // the way out really went through aclnn
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(back.output).not.toMatch(ACLNN_CALL);
    expect(back.output).not.toContain("from 'opbridge/cann'");
    for (const call of calls) expect(back.output).toContain(call);
    const report = await verifies(original, back.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('cudnn-frontend-layernorm: the LayerNorms come back as one-node frontend graphs, the softmax as cuDNN', async () => {
    const { original, there, back } = roundTrip('cudnn-frontend-layernorm');
    expect(there).toMatch(ACLNN_CALL);
    expect(back.output).not.toMatch(ACLNN_CALL);
    expect(back.output.match(/\.layernorm\(/g)).toHaveLength(2);
    expect(back.output).toContain('cudnnSoftmaxForward(');
    // Each check tested its call in place: the port keeps the graph's status in a variable before
    // the `if`, so the message is that status's (cudnnGetErrorString), with nothing to warn about.
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(back.output.match(/cudnnGetErrorString\(status_\d+\)/g)).toHaveLength(2);
    expect(back.output).not.toContain('cudaGetLastError');
    const report = await verifies(original, back.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('cudnn-frontend-graphs: RMSNorm, RoPE, attention (causal GQA) and SwiGLU come back as one-node frontend graphs', async () => {
    const { original, there, back } = roundTrip('cudnn-frontend-graphs');
    expect(there).toContain('aclnnFusedInferAttentionScoreV2(');
    expect(back.output).not.toMatch(ACLNN_CALL);
    expect(back.output).not.toContain("from 'opbridge/cann'");
    for (const text of ['.sdpa(', 'set_causal_mask(true)', '.rmsnorm(', 'PointwiseMode_t.SWISH_FWD', 'PointwiseMode_t.MUL', 'cudnnTransformTensor(']) expect(back.output).toContain(text);
    // The checks test each call in place: its status is kept before the `if` and named by cuDNN.
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(back.output).not.toContain('cudaGetLastError');
    expect(portSource(back.output, { to: 'cuda' }).output).toBe(back.output);
    const report = await verifies(original, back.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});

describe('cuBLASLt → aclnn → CUDA (test/fixtures/port/cublaslt-gelu, helpers without a main)', () => {
  it('comes back as one cuBLASLt matmul with the BIAS epilogue and the tanh GELU as a frontend pointwise node, and ports to itself', () => {
    const { there, back } = roundTrip('cublaslt-gelu');
    expect(there).toMatch(ACLNN_CALL);
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(back.output).not.toMatch(ACLNN_CALL);
    for (const text of ['cublasLtMatmul(', 'CUBLASLT_EPILOGUE_BIAS', 'CUBLASLT_MATMUL_DESC_BIAS_POINTER', 'PointwiseMode_t.GELU_APPROX_TANH_FWD']) expect(back.output).toContain(text);
    expect(portSource(back.output, { to: 'cuda' }).output).toBe(back.output);
  });
});

describe('a CANN program ported to CUDA', () => {
  it.each(['aclnn-to-cuda', 'aclnn-graphs-to-cuda'])('runs and matches the CANN program (test/fixtures/port/%s)', async (name) => {
    const input = fixture(name);
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(ACLNN_CALL);
    expect(portSource(ported.output, { to: 'cuda' }).output).toBe(ported.output); // idempotent
    const report = await verifies(input, ported.output);
    // CANN's profile (the Cube unit's accumulation) against CUDA's: pass, or warn within the widened tolerance.
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});
