/**
 * The CNNL lifters (structural/cnnl-lift/) and the CUDA lowerers, decided by numbers: programs go
 * CUDA → Cambricon → CUDA in process (portSource both ways) and the program that comes back runs
 * against the original on the reference runtime (`verify`: golden and profiled runs of both,
 * compared call by call and output by output). A hand-written CNNL program ported to CUDA is
 * verified against itself the same way.
 *
 * Verdicts: pass, or warn where only documented numerics differ (docs/verify.md). Both programs
 * of a round trip run on the CUDA facade, so they normally pass outright; the CNNL program runs
 * on the Cambricon facade, whose float32 profile may differ within the widened tolerance.
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
  const there = portSource(original, { to: 'cambricon' });
  expect(there.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const back = portSource(there.output, { to: 'cuda', from: 'cambricon' });
  return { original, there: there.output, back };
}

async function verifies(original: string, ported: string) {
  const dir = tempDir({ 'original.ts': original, 'ported.ts': ported, 'package.json': '{ "type": "module" }' });
  return verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
}

const CNNL_CALL = /\bcnnl[A-Z]\w*\(/;
const TIMEOUT = 400_000; // the runs take seconds alone; a loaded 2-core machine stretches them

describe('cuda → cambricon → cuda keeps the results', () => {
  it.each([
    // The axpy (increment 2 on y) goes out as cnnlOpTensor ADD over strided 1-D descriptors and comes back as cublasSaxpy.
    ['cublas-structural', ['cublasSgemm(', 'cublasSgemmStridedBatched(', 'cublasGemmEx(', 'cublasSdot(', 'cublasSaxpy(']],
    // scal goes out as cnnlOpTensor MUL by a one-element device copy of alpha and comes back as cublasSscal (incx 2 kept).
    ['cublas-vector-to-cnnl', ['cublasSscal(cublasHandle.value, N, 0.3, dX.value, 2)', 'cublasSdot(']],
    ['cudnn-frontend-layernorm', ['.layernorm(', 'cudnnSoftmaxForward(']],
    // Batch norm and pooling staged channels-last (cnnlTranspose_v2 around them) come back over the NCHW tensors.
    ['cudnn-batchnorm-pool', ['cudnnBatchNormalizationForwardInference(', 'cudnnAddTensor(', 'cudnnActivationForward(', 'cudnnPoolingForward(']],
    // The causal grouped-query sdpa goes out as cnnlFlashAttentionForward (packed, cu_seqlens on the device) and comes back as sdpa.
    ['cudnn-frontend-graphs', ['.sdpa(', 'set_causal_mask(true)']],
  ] as const)('%s', async (name, calls) => {
    const { original, there, back } = roundTrip(name);
    expect(there).toMatch(CNNL_CALL); // the way out really went through CNNL
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(back.output).not.toMatch(CNNL_CALL);
    expect(back.output).not.toContain("from 'opbridge/cambricon'");
    for (const call of calls) expect(back.output).toContain(call);
    // Idempotence: the port back, ported again, changes nothing.
    expect(portSource(back.output, { to: 'cuda', from: 'cambricon' }).output).toBe(back.output);
    const report = await verifies(original, back.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});

describe('a CNNL program ported to CUDA', () => {
  it('runs and matches the CNNL program (test/fixtures/port/cnnl-to-cuda)', async () => {
    const input = fixture('cnnl-to-cuda');
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(CNNL_CALL);
    for (const call of ['cublasSgemm(', 'cudnnAddTensor(', 'cudnnActivationForward(', 'cudnnSoftmaxForward(']) expect(ported.output).toContain(call);
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('writes vector updates (cnnlOpTensor ADD / SUB in place on 1-D descriptors, MUL by a host value copied to a one-element tensor) as axpy and scal, which CUDA → MUSA ports (test/fixtures/port/cnnl-vector-update)', async () => {
    const input = fixture('cnnl-vector-update');
    const ported = portSource(input, { to: 'cuda' });
    expect(ported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ported.output).not.toMatch(CNNL_CALL);
    expect(ported.output).not.toContain('cudnnAddTensor(');
    expect(ported.output).toContain('cublasSaxpy(cublasHandle.value, N, -1, dT.value, 1, dR.value, 1)');
    // The three updates on one queue in one block share one cuBLAS handle (emit/shared-handles.ts).
    expect(ported.output).toContain('cublasSscal(cublasHandle.value, N, 0.5, dR.value, 1)');
    expect(ported.output).toContain('cublasSaxpy(cublasHandle.value, N, -LEARNING_RATE, dR.value, 1, dW.value, 1)');
    expect(ported.output.match(/cublasCreate\(/g)).toHaveLength(1);
    expect(ported.output.match(/cublasDestroy\(/g)).toHaveLength(1);
    // The host value's one-element device copy goes with the product it fed.
    expect(ported.output).not.toContain('new Float32Array([0.5])');
    const onMusa = portSource(ported.output, { to: 'musa', from: 'cuda' });
    expect(onMusa.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(onMusa.output).toContain('mublasSaxpy(');
    expect(onMusa.output).toContain('mublasSscal(');
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);

  it('lifts cnnlFlashAttentionForward only over offsets of equal-length sequences, and says why not', () => {
    const input = fixture('cnnl-graphs-to-cuda');
    const lifted = portSource(input, { to: 'cuda' });
    expect(lifted.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(lifted.output).toContain('.sdpa(');
    expect(lifted.output).not.toContain('cuSeqlens');
    const ragged = input.replace('(_, i) => i * SEQ)', '(_, i) => i * i)');
    expect(ragged).not.toBe(input);
    const kept = portSource(ragged, { to: 'cuda' });
    const reasons = kept.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message);
    expect(reasons.some((m) => m.includes('cnnlFlashAttentionForward') && m.includes('Int32Array.from({ length: B + 1 }, (_, i) => i * S)'))).toBe(true);
    expect(kept.output).toContain('cnnlFlashAttentionForward(');
  });

  it('keeps an operation whose descriptor another operation that stays uses, and says why', () => {
    // The softmax reads H through the 2-D hDesc, which CNNL's 3-D softmax modes do not lift; hDesc is the matmul's, the add's and the ReLU's too.
    const input = fixture('cnnl-to-cuda').replace('rowsDesc.value, dH.value, 0, rowsDesc.value', 'hDesc.value, dH.value, 0, hDesc.value');
    const ported = portSource(input, { to: 'cuda' });
    const reasons = ported.diagnostics.filter((d) => d.id === 'OB1019').map((d) => d.message);
    expect(reasons.some((m) => m.includes('cnnlSoftmaxForward_v2') && m.includes('3-D view'))).toBe(true);
    expect(reasons.some((m) => m.includes('`hDesc` is also used by `cnnlSoftmaxForward_v2`'))).toBe(true);
    // What stays still names its descriptors: nothing it uses was removed.
    expect(ported.output).toContain('cnnlSetTensorDescriptor(hDesc.value');
  });
});
