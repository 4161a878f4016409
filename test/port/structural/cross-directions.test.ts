/**
 * Directions between non-CUDA backends through the canonical operators: the aclnn lifter serves
 * every target whose lowerers take its views (decided on trial), CUDA-compatible targets write
 * the CUDA lowerings with their own names, and the generic path only picks target entries that
 * mean what the source means. The ports are decided by numbers: the CANN program and its port run
 * on the reference runtime (`verify`) and must agree (pass, or warn where the backends' documented
 * numerics differ, docs/verify.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { CudaSpelling } from '../../../src/port/lower/cuda-compatible.js';
import { sameMeaning } from '../../../src/port/mapping/binding-meaning.js';
import { chooseTarget } from '../../../src/port/mapping/target-entry.js';
import { portSource } from '../../../src/port/port-source.js';
import { verify } from '../../../src/verify/verify.js';
import { tempDir } from '../../helpers/temp-dir.js';

const catalog = loadCatalog();
const entry = (b: Parameters<typeof catalog.entry>[0], s: string) => catalog.entry(b, s)!;
const symbols = (b: Parameters<typeof catalog.entry>[0], s: string, to: Parameters<typeof chooseTarget>[2]) => chooseTarget(catalog, entry(b, s), to).candidates.map((e) => e.spec.symbol);

describe('target entries mean what the source means', () => {
  it('does not answer a CNNL algorithm, heuristic result or OpTensor workspace with an unrelated cuBLASLt / cuDNN call', () => {
    expect(symbols('cambricon', 'cnnlMatMulAlgoCreate', 'cuda')).toEqual([]);
    expect(symbols('cambricon', 'cnnlCreateMatMulHeuristicResult', 'cuda')).toEqual([]);
    expect(symbols('cambricon', 'cnnlGetMatMulHeuristicResult', 'cuda')).toEqual([]);
    expect(symbols('cambricon', 'cnnlGetOpTensorWorkspaceSize', 'cuda')).not.toContain('cudnnDropoutGetReserveSpaceSize');
    const check = sameMeaning(catalog, entry('cambricon', 'cnnlMatMulAlgoCreate'), entry('cuda', 'cublasLtMatmulDescCreate'));
    expect(check).toEqual({ same: false, why: expect.stringContaining('cnnlMatMulAlgo_t') });
  });

  it('says why in OB1001', () => {
    const text = "import { cnnlMatMulAlgoCreate, type cnnlMatMulAlgo_t } from 'opbridge/cambricon';\nimport { ref } from 'opbridge/cambricon';\nconst algo = ref<cnnlMatMulAlgo_t>();\ncnnlMatMulAlgoCreate(algo);\n";
    const ported = portSource(text, { to: 'cuda' });
    const d = ported.diagnostics.find((x) => x.id === 'OB1001');
    expect(d?.message).toContain('with the same meaning');
    expect(d?.message).toContain('cnnlMatMulAlgo_t');
    expect(ported.output).toContain('cnnlMatMulAlgoCreate(algo)');
  });

  it('keeps an operator with a fused chain apart from the plain operator (saxpy is Mul then Add)', () => {
    expect(sameMeaning(catalog, entry('cann', 'aclnnMuls'), entry('cuda', 'cublasSaxpy')).same).toBe(false);
    expect(symbols('cann', 'aclnnMuls', 'cuda')).not.toContain('cublasSaxpy');
  });

  it('still infers runtime primitives and plain operators', () => {
    expect(symbols('cann', 'aclrtSynchronizeStreamWithTimeout', 'cuda')).toContain('cudaStreamSynchronize');
    expect(symbols('cambricon', 'cnnlCastDataType', 'cann')).toContain('aclnnCast');
  });
});

describe('CUDA names spelled for a CUDA-compatible target', () => {
  it('maps functions to same-signature entries, types to their counterparts, enum members by meaning', () => {
    const maca = new CudaSpelling(catalog, 'maca');
    expect(maca.entry('cublasSgemm')).toBe('mcblasSgemm');
    expect(maca.value('CUDNN_DATA_FLOAT')).toEqual({ kind: 'member', enumName: 'mcdnnDataType_t', member: 'MCDNN_DATA_FLOAT' });
    expect(maca.type('cudnnTensorDescriptor_t')).toBe('mcdnnTensorDescriptor_t');
    expect(maca.value('ref')).toEqual({ kind: 'value', name: 'ref' });
    expect(() => maca.entry('fe')).toThrow(/no maca spelling/);
  });

  it('declines a cuDNN lowering on MUSA, whose muDNN calls take other parameters', () => {
    expect(() => new CudaSpelling(catalog, 'musa').entry('cudnnSoftmaxForward')).toThrow(/other parameters|names it/);
  });
});

const input = readFileSync(new URL('../../fixtures/port/aclnn-cross/input.ts', import.meta.url), 'utf8').replace(/^\/\/ @ts-nocheck.*\n/, '');
const ACLNN_CALL = /\baclnn[A-Z]\w*\(|\bacl(Create|Destroy)(Tensor|Scalar|IntArray)\(/;
const TIMEOUT = 400_000; // the runs take seconds alone; a loaded 2-core machine stretches them

async function verifies(original: string, ported: string) {
  const dir = tempDir({ 'original.ts': original, 'ported.ts': ported, 'package.json': '{ "type": "module" }' });
  return verify(join(dir, 'original.ts'), join(dir, 'ported.ts'), { timeoutMs: 300_000 });
}

describe('a CANN program ported to the other backends (test/fixtures/port/aclnn-cross)', () => {
  it.each([
    ['maca', ['mcdnnAddTensor(', 'mcdnnSoftmaxForward(']],
    ['cambricon', ['cnnlOpTensor(', 'cnnlSoftmaxForward(', 'cnnlSetQueue(']],
    ['kunlun', ['xpu.broadcast_add(', 'xpu.softmax(', 'xpu.create_context()']],
  ] as const)('→ %s: every aclnn operation goes, and the port computes what the CANN program does', async (target, calls) => {
    const ported = portSource(input, { to: target });
    // Left: aclInit (no equivalent call on CNNL / XDNN in the catalog) and, on MACA, the statuses whose numbers are unconfirmed.
    expect(ported.diagnostics.filter((d) => d.severity !== 'info').filter((d) => d.id !== 'OB1018' && !(d.id === 'OB1001' && d.message.includes('`aclInit`'))).map((d) => d.id)).toEqual([]);
    expect(ported.output).not.toMatch(ACLNN_CALL);
    for (const call of calls) expect(ported.output).toContain(call);
    const report = await verifies(input, ported.output);
    expect(report.verdict, JSON.stringify(report.firstDivergence)).toMatch(/^(pass|warn)$/);
  }, TIMEOUT);
});
