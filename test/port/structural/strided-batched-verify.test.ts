/**
 * Strided batched GEMMs and axpy → CNNL and XDNN, run (test/fixtures/port/cublas-strided-batched):
 * attention scores over heads side by side in each row (matrices not packed, alpha = 1/√d, square
 * column-major results), a batch of packed matrices and axpy with alpha ≠ 1, ported and run
 * against the original on the reference runtime (`verify`): pass or warn (warn: calls verify
 * leaves unmatched — a batched MatMul blended by alpha against per-matrix Gemms, XDNN's scale
 * step of axpy — checked through the outputs; a wrong value fails).
 *
 * CNNL: cnnlBatchMatMulBCast_v2 over strided descriptors (each result computed transposed, as
 * row-major D), cnnlOpTensor for axpy. XDNN: one fc_fusion per matrix where the matrices are not
 * packed, one fc_batched where they are; XDNN's elementwise calls take packed vectors only, so
 * for Kunlun the axpy runs on unit increments (the fixture's strided axpy is declined there, as
 * its expected.kunlun.ts shows).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { tempDir } from '../../helpers/temp-dir.js';

const fixture = readFileSync(new URL('../../fixtures/port/cublas-strided-batched/input.ts', import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');
const STRIDED_AXPY = 'cublasSaxpy(handle.value, M, -0.5, x, 2, y, 2);';

describe('strided batched GEMMs and axpy → CNNL / XDNN, verified', () => {
  it.each([
    ['cambricon', fixture, ['cnnlBatchMatMulBCast_v2(', 'cnnlGetBatchMatMulAlgoHeuristic(', 'cnnlOpTensor(']],
    ['kunlun', fixture.replace(STRIDED_AXPY, 'cublasSaxpy(handle.value, 2 * M, -0.5, x, 1, y, 1);'), ['xpu.fc_fusion(', 'xpu.fc_batched(', 'xpu.scale(']],
  ] as const)('%s', async (to, program, calls) => {
    expect(program).toContain('cublasSaxpy(handle.value, ');
    const dir = tempDir({ 'model.ts': program, 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to, cwd: dir, verify: { timeoutMs: 90_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.output).not.toContain('opbridge/cuda');
    for (const call of calls) expect(model.output).toContain(call);
    expect(model.verification?.error).toBeUndefined();
    expect(model.verification?.verdict, JSON.stringify(model.verification)).toMatch(/^(pass|warn)$/);
  }, 180_000);
});
