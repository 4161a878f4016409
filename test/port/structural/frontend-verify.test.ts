/**
 * The decisive test of the cudnn-frontend graph port: the cudnn-frontend-graphs fixture (helper-
 * built bf16 graphs: multi-node pointwise with float32 intermediates, SwiGLU, RMSNorm and causal
 * GQA sdpa) ported to CANN runs on the reference runtime against its original. Its expected
 * port is checked byte for byte by fixtures.test.ts and type-checked by type-check.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

describe('cudnn-frontend graphs verify on the reference runtime', () => {
  it('helper-built RoPE / SwiGLU / RMSNorm / causal GQA sdpa graphs → aclnnCast, aclnnMul, aclnnAdd, aclnnSilu, aclnnRmsNorm, aclnnFusedInferAttentionScoreV2', async () => {
    const dir = tempDir({ 'model.ts': fixture('cudnn-frontend-graphs'), 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'cann', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|cudnn[A-Z]\w*\(|opbridge\/cuda/);
    // pass, or warn when only the target's documented numerics differ (verify's verdicts); the
    // float32 intermediates make the bf16 outputs match exactly on the reference runtime.
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);
});

describe('cudnn-frontend graphs → XDNN verify on the reference runtime', () => {
  it('the same graphs → xpu::cast, xpu::broadcast_mul / mul / add in float32, xpu::silu, xpu::rms_layer_norm, mha_varlen_fwd', async () => {
    const dir = tempDir({ 'model.ts': fixture('cudnn-frontend-graphs'), 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'kunlun', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|cudnn[A-Z]\w*\(|opbridge\/cuda/);
    for (const call of ['xpu.cast(', 'xpu.broadcast_mul(', 'xpu.silu(', 'xpu.rms_layer_norm(', 'baidu.xpu.xfa.mha_varlen_fwd(', 'xpu_free(']) expect(model.output).toContain(call);
    // Every node computes in float32 and rounds once into its output, as cuDNN does, so the outputs
    // match exactly; the widening casts and float32 adds a node becomes have no counterpart in the
    // original (checked through later results), which verify reports as warn.
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);
});

describe('cudnn-frontend graphs → CNNL verify on the reference runtime', () => {
  it('the same graphs → cnnlCastDataType, cnnlOpTensor in float32, cnnlActivationForward SILU, cnnlRmsNormForward, cnnlFlashAttentionForward', async () => {
    const dir = tempDir({ 'model.ts': fixture('cudnn-frontend-graphs'), 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'cambricon', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|cudnn[A-Z]\w*\(|opbridge\/cuda/);
    for (const call of ['cnnlCastDataType(', 'cnnlOpTensor(', 'CNNL_ACTIVATION_SILU', 'cnnlRmsNormForward(', 'cnnlFlashAttentionForward(', 'cnrtFree(']) expect(model.output).toContain(call);
    // pass, or warn where only the Cambricon profile's documented numerics differ.
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);
});

describe('cudnn-frontend graphs where X → CUDA lifters put them verify on the reference runtime', () => {
  // A tanh GELU graph under a helper's `if (epilogue === GELU)` over a column-major matrix, and a
  // TRAINING RMS norm whose statistics go to a scratch nothing reads (cudnn-frontend-helper-graphs).
  it.each([
    ['cann', ['aclnnRmsNorm(', 'aclnnGelu(']],
    ['kunlun', ['xpu.rms_layer_norm(', 'xpu.sigmoid(', 'xpu.scale(']],
    ['cambricon', ['cnnlRmsNormForward(', 'CNNL_ACTIVATION_GELU', 'cnnlActivationForward(']],
  ] as const)('→ %s', async (to, calls) => {
    const dir = tempDir({ 'model.ts': fixture('cudnn-frontend-helper-graphs'), 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to, cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|cudnn[A-Z]\w*\(|opbridge\/cuda/);
    for (const call of calls) expect(model.output).toContain(call);
    // pass, or warn where only the target's documented numerics differ (aclnnGelu's and CNNL's
    // GELU profiles; XDNN's tanh GELU is composed of calls, which the original has no counterpart for).
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);
});

describe('TRAINING norms whose statistics the program reads verify on CANN', () => {
  it('layernorm MEAN / INV_VARIANCE and rmsnorm INV_VARIANCE → aclnnLayerNorm meanOut / rstdOut and aclnnRmsNorm rstdOut', async () => {
    const dir = tempDir({ 'model.ts': fixture('cudnn-frontend-training-norm'), 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'cann', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\./);
    for (const call of ['aclnnLayerNorm(', 'aclnnRmsNorm(']) expect(model.output).toContain(call);
    // The statistics are outputs of main: compared with the original's, pass or warn as the samples' bar.
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);
});

describe('a TRAINING layer norm whose statistics the program reads verifies on CNNL', () => {
  // ε = 0.5, so an InvStdDev without ε, or a variance where 1/√(var + ε) belongs, fails.
  it('layernorm MEAN / INV_VARIANCE → cnnlLayerNormForward saved_mean / saved_rstd over a [rows, 1] float32 descriptor', async () => {
    const dir = tempDir({ 'model.ts': fixture('cudnn-frontend-training-layernorm'), 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'cambricon', cwd: dir, verify: { timeoutMs: 60_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|opbridge\/cuda/);
    expect(model.output).toContain('cnnlLayerNormForward(');
    expect(model.output).toContain('statisticsDesc.value, dMean, dInvStd)');
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);
});
