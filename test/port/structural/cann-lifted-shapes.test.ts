/**
 * CUDA shapes that X → CUDA lifters write and a user could write too, ported to CANN and
 * decided by numbers: the CANN program runs against the CUDA original on the reference runtime
 * (`verify`: golden and profiled runs of both, compared call by call and output by output).
 *
 * Verdicts: pass, or warn where only documented numerics differ (docs/verify.md): aclnnConvolution
 * runs float32 as HF32 (cubeMathType from cuDNN's default math), and the tanh GELU's profile,
 * which verify reports as documented precision differences.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portSource } from '../../../src/port/port-source.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/port/${name}/input.ts`, import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

const TIMEOUT = 400_000; // the runs take seconds alone; a loaded 2-core machine stretches them

describe('cuda → cann on lifted CUDA shapes keeps the results', () => {
  it.each([
    // Nd descriptors with packed strides as products, Math.floor dims, a workspace allocated only when non-empty.
    ['cudnn-nd-packed', ['aclnnConvolution(', 'aclnnMaxPool(']],
    // One-node frontend graphs: a ready flag, a translated status, graphs under an if, a status returned from a function called on the spot.
    ['cudnn-frontend-one-node', ['aclnnLayerNorm(', 'aclnnGelu(', 'aclnnGeluV2(', 'aclnnMul(']],
    // cudnnTransformTensor between one shape and two data types (bfloat16 → float32).
    ['cudnn-transform-cast', ['aclnnCast(']],
  ] as const)('%s', async (name, calls) => {
    const original = fixture(name);
    const ported = portSource(original, { to: 'cann' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info' && d.id !== 'OB1011')).toEqual([]);
    expect(ported.output).not.toMatch(/\bcudnn[A-Z]\w*\(|\bcuda[A-Z]\w*\(/);
    for (const call of calls) expect(ported.output).toContain(call);
    const dir = tempDir({ 'original.ts': original, 'ported.ts': ported.output, 'package.json': '{ "type": "module" }' });
    const report = await verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});
