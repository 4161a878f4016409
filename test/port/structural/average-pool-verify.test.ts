/**
 * cuDNN average pooling (both modes, padding 1 around a 3 × 3 window, where counting the padding
 * changes the border averages) ported to the targets that lower AveragePool and run against the
 * original on the reference runtime, call by call. The program is
 * test/fixtures/port/cudnn-average-pool; its expected ports are checked byte for byte by
 * fixtures.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { tempDir } from '../../helpers/temp-dir.js';

const program = readFileSync(new URL('../../fixtures/port/cudnn-average-pool/input.ts', import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

describe('cudnnPoolingForward with the average modes, verified', () => {
  it.each([
    ['kunlun', ['xpu.avg_pool2d(', ', true, true)', ', false, true)']],
    ['cambricon', ['CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING', 'CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING', 'cnnlPoolingForward(']],
    ['musa', ['MUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING', 'MUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING', 'mudnnPoolingForwardEx(']],
  ] as const)('→ %s', async (to, calls) => {
    const dir = tempDir({ 'model.ts': program, 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to, cwd: dir, verify: { timeoutMs: 120_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toMatch(/opbridge\/cuda|cudnnPoolingForward\(/);
    for (const call of calls) expect(model.output).toContain(call);
    // pass, or warn where only the target's documented numerics differ; a swapped mode fails
    // (the border averages differ by up to a factor 9/4).
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 300_000);
});
