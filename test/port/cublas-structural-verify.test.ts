/**
 * The decisive test of the cuBLAS structural modules: a column-major cuBLAS program (every
 * transpose pair with leading dimensions wider than the matrices, alpha and beta, strided
 * batches writing into a wider output and reading at a misaligned sub-buffer, bf16 GemmEx
 * through a helper, axpy with a stride) is ported to CANN (aclnn over strided views) and run
 * against the original on the reference runtime, call by call (`verify`).
 *
 * Verdict pass or warn: warn means within the tolerance widened by CANN's numeric profile (the
 * bf16 product rounds its output on both sides, but the Cube unit's accumulation differs), which
 * docs/verify.md counts as a faithful port; fail or a program that cannot run is a bug.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { port } from '../../src/port/port.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = new URL('../fixtures/port/cublas-structural/input.ts', import.meta.url).pathname;
const program = readFileSync(fixture, 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

describe('cuBLAS → CANN, verified', () => {
  it('ports every BLAS call to aclnn and matches the original call by call', async () => {
    const dir = tempDir({ 'model.ts': program, 'package.json': '{ "type": "module" }' });
    const result = await port([join(dir, 'model.ts')], { to: 'cann', cwd: dir, verify: { timeoutMs: 90_000 } });
    const model = result.files[0];
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(model.output).not.toMatch(/\bcublas(Sgemm|GemmEx|SgemmStridedBatched|Saxpy)\(/);
    expect(model.output).toContain('aclnnBaddbmmGetWorkspaceSize(');
    expect(model.verification?.error).toBeUndefined();
    expect(['pass', 'warn']).toContain(model.verification?.verdict);
  }, 180_000);
});
