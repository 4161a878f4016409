/**
 * cudnn-frontend graphs → muDNN (src/port/structural/mudnn/mudnn-frontend.ts), decided by
 * numbers: fixtures ported to MUSA run on the reference runtime against their originals
 * (`verify`: golden and profiled runs of both, compared call by call and output by output).
 * Their expected ports are checked byte for byte by fixtures.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { portSource } from '../../../src/port/port-source.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

async function portedToMusa(name: string) {
  const dir = tempDir({ 'model.ts': fixture(name), 'package.json': '{ "type": "module" }' });
  const result = await port([dir], { to: 'musa', cwd: dir, verify: { timeoutMs: 60_000 } });
  return result.files.find((f) => f.path === 'model.ts')!;
}

describe('cudnn-frontend graphs → muDNN verify on the reference runtime', () => {
  it('a TRAINING RMS norm whose statistics nothing reads, and a tanh GELU over a column-major matrix → mudnnRMSNormForward, mudnnUnary GELU_TANH over the block', async () => {
    const model = await portedToMusa('cudnn-frontend-helper-graphs');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|cudnn[A-Z]\w*\(|opbridge\/cuda/);
    for (const call of ['mudnnSetRMSNormDescriptor(', 'mudnnRMSNormForward(', 'MUDNN_UNARY_GELU_TANH', 'mudnnUnary(']) expect(model.output).toContain(call);
    // pass, or warn where only documented numerics differ (docs/verify.md).
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);

  it('bf16 RoPE / SwiGLU / residual / RMSNorm graphs with float32 intermediates → mudnnUnary CAST around float32 mudnnBinary / mudnnUnary, one-type nodes in bf16', async () => {
    const model = await portedToMusa('cudnn-frontend-bf16-nodes');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|cudnn[A-Z]\w*\(|opbridge\/cuda/);
    for (const call of ['MUDNN_UNARY_CAST', 'MUDNN_BINARY_MUL', 'MUDNN_BINARY_ADD', 'MUDNN_UNARY_SILU', 'mudnnRMSNormForward(', 'musaFree(']) expect(model.output).toContain(call);
    // Every node computes in float32 and rounds once into its output, as cuDNN does, so the bf16
    // outputs match exactly; pass, or warn where only documented numerics differ.
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);

  it('helper-built RoPE / SwiGLU / RMSNorm / causal GQA sdpa graphs → mudnnScaledDotProductAttentionFlashForward over the [b, h, s, d] views, the rest as above', async () => {
    const model = await portedToMusa('cudnn-frontend-graphs');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/\bfe\.|cudnn[A-Z]\w*\(|opbridge\/cuda/);
    for (const call of ['mudnnSetScaledDotProductAttentionDescriptor(', 'mudnnScaledDotProductAttentionFlashForward(', 'mudnnRMSNormForward(', 'MUDNN_UNARY_CAST']) expect(model.output).toContain(call);
    // The graph's scale is written out, never muDNN's unconfirmed 0 = 1/sqrt(d) convention.
    expect(model.output).toContain('1 / Math.sqrt(D_HEAD), false, false, false, true, false)');
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);

  it('a LayerNorm graph executed twice → mudnnLayerNormForward with scratch statistics', async () => {
    const model = await portedToMusa('cudnn-frontend-layernorm-twice');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output.match(/mudnnLayerNormForward\(/g)).toHaveLength(2);
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 180_000);
});

describe('cudnn-frontend graphs muDNN does not take stay, with the reason', () => {
  it('TRAINING statistics the program reads: OB1019 naming them, the graph code kept', () => {
    const result = portSource(fixture('cudnn-frontend-training-norm'), { to: 'musa' });
    const reasons = result.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message);
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).toContain('TRAINING statistics (Mean, InvStdDev) the program reads are not ported to muDNN');
    expect(result.output).toContain('.layernorm(');
    expect(result.output).not.toContain('mudnnLayerNormForward(');
  });
});
