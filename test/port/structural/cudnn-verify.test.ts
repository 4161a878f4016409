/**
 * The decisive test of the cuDNN structural modules: programs ported from CUDA run on the
 * reference runtime against their originals (verify: golden and profiled runs of both, compared
 * call by call and output by output). The fixtures of test/fixtures/port/cudnn-* are the
 * programs; their expected ports are checked byte for byte by fixtures.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

async function portAndVerify(name: string, to: 'cann') {
  const dir = tempDir({ 'model.ts': fixture(name), 'package.json': '{ "type": "module" }' });
  const result = await port([dir], { to, cwd: dir, verify: { timeoutMs: 60_000 } });
  return result.files.find((f) => f.path === 'model.ts')!;
}

describe('cuDNN ports verify on the reference runtime', () => {
  it('bias add and channel softmax → CANN aclnnInplaceAdd + aclnnSoftmax', async () => {
    const model = await portAndVerify('cudnn-softmax-add', 'cann');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).toContain('aclnnSoftmaxGetWorkspaceSize(');
    // pass, or warn when only the target's documented numerics differ (verify's verdicts).
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('frontend LayerNorm graph executed twice and an INSTANCE softmax → CANN aclnnLayerNorm + aclnnSoftmax', async () => {
    const model = await portAndVerify('cudnn-frontend-layernorm', 'cann');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output.match(/aclnnLayerNorm\(/g)).toHaveLength(2);
    expect(model.output).not.toContain('graph.');
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);

  it('batch norm inference, shortcut add, in-place ReLU and max pool → CANN aclnnBatchNorm, aclnnInplaceAdd, aclnnRelu, aclnnMaxPool', async () => {
    const model = await portAndVerify('cudnn-batchnorm-pool', 'cann');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const op of ['aclnnBatchNorm(', 'aclnnInplaceAdd(', 'aclnnRelu(', 'aclnnMaxPool(']) expect(model.output).toContain(op);
    expect(model.output).not.toMatch(/\bcudnn[A-Z]\w*\(|opbridge\/cuda/);
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 120_000);
});
