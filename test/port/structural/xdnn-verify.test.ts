/**
 * The decisive test of the XDNN structural modules: a CUDA program using cuBLASLt (RELU_BIAS
 * epilogue), cuBLAS (GEMM with alpha and beta into the same C, axpy with alpha ≠ 1, scal) and
 * cuDNN (bias add, channel softmax) on handles bound to one stream is ported to Kunlun and run
 * against the original on the reference runtime, call by call (`verify`). The program is
 * test/fixtures/port/xdnn-blas-dnn; its expected port is checked byte for byte by fixtures.test.ts.
 *
 * Verdict pass or warn (warn: within the tolerance widened by Kunlun's documented numerics);
 * fail, or a program that cannot run, is a bug.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { port } from '../../../src/port/port.js';
import { tempDir } from '../../helpers/temp-dir.js';

const program = readFileSync(new URL('../../fixtures/port/xdnn-blas-dnn/input.ts', import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');

describe('cuBLAS / cuBLASLt / cuDNN → XDNN, verified', () => {
  it('ports every call to an xpu::Context and XDNN and matches the original call by call', async () => {
    const dir = tempDir({ 'model.ts': program, 'package.json': '{ "type": "module" }' });
    const result = await port([dir], { to: 'kunlun', cwd: dir, verify: { timeoutMs: 120_000 } });
    const model = result.files.find((f) => f.path === 'model.ts')!;
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(model.output).not.toContain('opbridge/cuda');
    for (const call of ['xpu.create_context()', '.set_stream(', 'xpu.fc_fusion(', 'xpu.scale(', 'xpu.add(', 'xpu.broadcast_add(', 'xpu.softmax(']) expect(model.output).toContain(call);
    expect(model.verification, JSON.stringify(model.verification)).toMatchObject({ verdict: expect.stringMatching(/^(pass|warn)$/) });
  }, 300_000);
});
