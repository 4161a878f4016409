/**
 * CUDA written by the X → CUDA lowerings, ported on to Cambricon: the lowered cudnn-frontend
 * graphs (build truths joined with &&, the execute's status as a cuDNN status stored in a
 * constant and tested by an `if` after the releases) and the widening casts written as
 * cudnnTransformTensor. The CUDA comes from porting a Kunlun program (the llama-block sample's
 * committed Kunlun port) to CUDA in process; the Cambricon port of it must leave nothing behind
 * and compute what the CUDA original computes on the reference runtime (verify; pass, or warn
 * where only documented numerics differ).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const sample = (path: string) => readFileSync(new URL(`../../../samples/llama-block/${path}`, import.meta.url), 'utf8');
const TIMEOUT = 600_000; // a transformer block on the reference runtime, twice, on a loaded 2-core machine

describe('lowered CUDA → cambricon', () => {
  const cuda = portSource(sample('ported/kunlun.ts'), { from: 'kunlun', to: 'cuda', comments: false }).output;

  it('is written with stored statuses tested after the releases, not arrow functions called on the spot', () => {
    expect(cuda).not.toContain('(() => {');
    expect(cuda).toMatch(/const status_\d+ = \(rmsNormReady && rmsNormGraph\.execute\(/);
    expect(cuda).toContain('cudnnTransformTensor(');
  });

  it('ports the graphs and casts whole and verifies against the CUDA original', async () => {
    const ported = portSource(cuda, { from: 'cuda', to: 'cambricon' });
    expect(ported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ported.output).not.toMatch(/\bfe\.|\bcudnn[A-Z]\w*\(/);
    for (const call of ['cnnlRmsNormForward(', 'cnnlCastDataType(']) expect(ported.output).toContain(call);
    const dir = tempDir({ 'original.ts': sample('cuda.ts'), 'ported.ts': ported.output, 'package.json': '{ "type": "module" }' });
    const report = await verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 500_000 });
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});
