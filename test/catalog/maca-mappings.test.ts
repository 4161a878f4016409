/**
 * Facts about the MetaX MACA catalog that a port depends on: every CUDA symbol has an answer,
 * the runtime is the CUDA runtime under the mc prefix with CUDA's argument order, confirmation
 * comes from MetaX's own repositories, MCCL collides by name with Moore Threads' MCCL but takes
 * mcStream_t, TF32 is a per-call compute type, and mcRAND exists but its API is unconfirmed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EntryRecord } from '../../src/catalog/catalog.js';
import { checkCatalog } from '../../src/catalog/check-catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { packageRoot } from '../../src/catalog/package-root.js';

const catalog = loadCatalog();
const maca = catalog.backend('maca');
const cuda = catalog.backend('cuda');

function entry(symbol: string): EntryRecord {
  const e = maca.entries.get(symbol);
  if (!e) throw new Error(`no maca entry '${symbol}'`);
  return e;
}
const roles = (e: EntryRecord) => e.spec.params.map((p) => p.role);
const metaxRepo = (e: { sources: readonly { repo?: string }[] }) => e.sources.some((s) => s.repo?.startsWith('MetaX-MACA/'));

describe('coverage of the CUDA catalog', () => {
  const answered = new Set<string>();
  for (const e of maca.entries.values()) for (const c of e.spec.cuda ?? []) answered.add(c);

  it('answers every CUDA symbol with an entry or a gap, never both', () => {
    const symbols = [...cuda.entries.keys()];
    expect(symbols.filter((s) => !answered.has(s) && !maca.gaps.has(s))).toEqual([]);
    expect(symbols.filter((s) => answered.has(s) && maca.gaps.has(s))).toEqual([]);
  });

  it('raises no catalog issue in its files except operators other work still has to add', () => {
    const ours = checkCatalog(catalog).filter((i) => /mappings[\\/]maca[\\/]|profiles[\\/]maca\.yaml$/.test(i.file));
    expect(ours.map((i) => `${i.file}:${i.line ?? '?'} ${i.path}: ${i.message}`)).toEqual([]);
  });
});

describe('MACA runtime: the CUDA runtime under the mc prefix', () => {
  const runtime = [...maca.entries.values()].filter((e) => e.library === 'maca-runtime');

  it('renames every runtime call cudaX -> mcX and keeps its roles', () => {
    expect(runtime).toHaveLength(32);
    for (const e of runtime) {
      const source = e.spec.cuda![0]!;
      expect(e.spec.symbol).toBe(source.replace(/^cuda/, 'mc'));
      expect(roles(e), e.spec.symbol).toEqual(cuda.entries.get(source)!.spec.params.map((p) => p.role));
    }
  });

  it('confirms only what MetaX-maintained code calls; third-party-only names are inferred', () => {
    for (const e of maca.entries.values()) {
      if (e.spec.confidence === 'confirmed') expect(metaxRepo(e), e.spec.symbol).toBe(true);
    }
    expect(entry('mcStreamWaitEvent').spec.confidence).toBe('inferred');
    expect(entry('mcEventElapsedTime').spec.confidence).toBe('confirmed');
    expect(entry('mcHostAlloc').spec.confidence).toBe('unconfirmed');
  });

  it('states the cu-bridge route and the unconfirmed 64-thread warp in the runtime file', () => {
    const runtimeFile = parse(readFileSync(join(packageRoot(), 'mappings/maca/maca-runtime.yaml'), 'utf8')) as { notes: string };
    expect(runtimeFile.notes).toMatch(/cu-bridge/);
    expect(runtimeFile.notes).toMatch(/64-thread warps .*unconfirmed/);
  });
});

describe('MCCL exists on both MUSA and MACA under the same names', () => {
  it('keys mcclAllReduce by backend: mcStream_t on MACA, musaStream_t on MUSA', () => {
    const m = entry('mcclAllReduce');
    const u = catalog.entry('musa', 'mcclAllReduce');
    expect(u).toBeDefined();
    expect(m.spec.cuda).toEqual(['ncclAllReduce']);
    expect(u!.spec.cuda).toEqual(['ncclAllReduce']);
    const streamType = (e: EntryRecord) => e.spec.params.find((p) => p.role === 'stream')?.type;
    expect(streamType(m)).toBe('mcStream_t');
    expect(streamType(u!)).toBe('musaStream_t');
    expect(roles(m)).toEqual(roles(u!));
  });

  it("spells NCCL's ncclUnhandledCudaError as mcclUnhandledMacaError, value 1 from the header copy", () => {
    const member = maca.enums.get('mcclResult_t')!.spec.members.find((x) => x.meaning === 'status.cuda-error');
    expect(member).toMatchObject({ name: 'mcclUnhandledMacaError', value: 1 });
    expect(maca.enums.get('mcclResult_t')!.spec.confidence).toBe('inferred');
  });

  it('confirms the calls MetaX\'s multi-GPU sample makes', () => {
    for (const s of ['mcclCommInitAll', 'mcclGroupStart', 'mcclSend', 'mcclRecv', 'mcclBroadcast']) {
      expect(entry(s).spec.confidence, s).toBe('confirmed');
    }
  });
});

describe('numerics: TF32 is requested per call', () => {
  it('defaults to exact fp32 and switches to TF32 only through MCBLAS_COMPUTE_32F_FAST_TF32', () => {
    expect(maca.defaultProfile).toBe('maca.default');
    expect(catalog.profile('maca.default').matmul.format).toBe('fp32');
    const knob = catalog.knobsFor('maca', 'mcblasGemmEx').find((k) => k.spec.param === 'computeType')!;
    const format = (member: string) => knob.spec.values.find((v) => v.member === member)?.set.matmul?.format;
    expect(format('MCBLAS_COMPUTE_32F')).toBe('fp32');
    expect(format('MCBLAS_COMPUTE_32F_FAST_TF32')).toBe('tf32');
    expect(catalog.knobsFor('maca', 'mcblasSetMathMode')[0]!.spec.values.map((v) => v.set.matmul?.format)).toEqual(['fp32']);
  });

  it('infers the forward-convolution algorithm numbers from mcTVM, and no other enum value', () => {
    const algo = maca.enums.get('mcdnnConvolutionFwdAlgo_t')!;
    expect(algo.spec.members.map((m) => m.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(algo.spec.confidence).toBe('inferred');
    const others = [...maca.enums.values()].filter((e) => !['mcdnnConvolutionFwdAlgo_t', 'mcclResult_t', 'mcclRedOp_t', 'mcclDataType_t'].includes(e.spec.name));
    expect(others.flatMap((e) => e.spec.members.filter((m) => m.value !== null).map((m) => `${e.spec.name}.${m.name}`))).toEqual([]);
  });
});

describe('mcDNN and mcRAND', () => {
  it('mirrors cuDNN shapes under mcdnn, confirmed where mcTVM calls them', () => {
    expect(entry('mcdnnConvolutionForward').spec.confidence).toBe('confirmed');
    expect(roles(entry('mcdnnConvolutionForward'))).toEqual(roles(cuda.entries.get('cudnnConvolutionForward')!));
    expect(entry('mcdnnBatchNormalizationForwardInference').spec.confidence).toBe('unconfirmed');
    expect(entry('mcdnn_frontend::graph::Graph::sdpa').spec.confidence).toBe('confirmed');
  });

  it('answers cuRAND with mcRAND entries that are all unconfirmed (library seen, API not)', () => {
    const rand = [...maca.entries.values()].filter((e) => e.library === 'mcrand');
    expect(rand).toHaveLength(9);
    expect(rand.every((e) => e.spec.confidence === 'unconfirmed')).toBe(true);
    expect(maca.enums.get('mcrandStatus_t')!.spec.members.map((m) => m.name)).toContain('MCRAND_STATUS_NOT_IMPLEMENTED');
  });
});
