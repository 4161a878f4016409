/**
 * Facts about the Moore Threads MUSA catalog that a port depends on: every CUDA symbol has an
 * answer, the runtime / muBLAS / MCCL keep CUDA's argument order under the musa / mu / mccl
 * names Moore Threads' own code uses, muBLAS statuses are not a rename, a TF32 request
 * silently becomes default math, muDNN's cuDNN-shaped names are limited to what torch_musa
 * calls, and the numeric profiles (FTZ build, TF32-class convolution, double cast). Exact
 * comparisons: these are names, roles and profile fields, not numerics.
 */
import { describe, expect, it } from 'vitest';
import type { EntryRecord } from '../../src/catalog/catalog.js';
import { checkCatalog } from '../../src/catalog/check-catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';

const catalog = loadCatalog();
const musa = catalog.backend('musa');
const cuda = catalog.backend('cuda');

function entry(symbol: string): EntryRecord {
  const e = musa.entries.get(symbol);
  if (!e) throw new Error(`no musa entry '${symbol}'`);
  return e;
}
const roles = (e: EntryRecord) => e.spec.params.map((p) => p.role);
const cudaEntry = (symbol: string) => {
  const e = cuda.entries.get(symbol);
  if (!e) throw new Error(`no cuda entry '${symbol}'`);
  return e;
};
const fromTorchMusa = (e: EntryRecord) => e.sources.some((s) => s.repo === 'MooreThreads/torch_musa');

describe('coverage of the CUDA catalog', () => {
  const answered = new Map<string, string[]>();
  for (const e of musa.entries.values()) for (const c of e.spec.cuda ?? []) answered.set(c, [...(answered.get(c) ?? []), e.spec.symbol]);

  it('answers every CUDA symbol with an entry or a gap, never both', () => {
    const symbols = [...cuda.entries.keys()];
    expect(symbols.length).toBeGreaterThanOrEqual(155);
    expect(symbols.filter((s) => !answered.has(s) && !musa.gaps.has(s))).toEqual([]);
    expect(symbols.filter((s) => answered.has(s) && musa.gaps.has(s))).toEqual([]);
  });

  it('raises no catalog issue in its files except operators other work still has to add', () => {
    const ours = checkCatalog(catalog).filter((i) => /mappings[\\/]musa[\\/]|profiles[\\/]musa\.yaml$/.test(i.file));
    expect(ours.map((i) => `${i.file}:${i.line ?? '?'} ${i.path}: ${i.message}`)).toEqual([]);
  });

  it('never claims an enum value it did not read', () => {
    const withValues = [...musa.enums.values()].flatMap((en) => en.spec.members.filter((m) => m.value !== null).map((m) => `${en.spec.name}.${m.name}`));
    expect(withValues).toEqual([]);
  });
});

describe('runtime, muBLAS and MCCL keep CUDA argument order under the vendor names', () => {
  const renamed: [string, string][] = [
    ['musaMalloc', 'cudaMalloc'],
    ['musaMemcpyAsync', 'cudaMemcpyAsync'],
    ['musaEventElapsedTime', 'cudaEventElapsedTime'],
    ['musaStreamWaitEvent', 'cudaStreamWaitEvent'],
    ['mublasSgemm', 'cublasSgemm'],
    ['mublasGemmEx', 'cublasGemmEx'],
    ['mublasLtMatmul', 'cublasLtMatmul'],
    ['mcclAllReduce', 'ncclAllReduce'],
    ['mcclCommInitRank', 'ncclCommInitRank'],
    ['mcclSend', 'ncclSend'],
  ];
  it.each(renamed)('%s has the roles of %s', (target, source) => {
    expect(entry(target).spec.cuda).toEqual([source]);
    expect(roles(entry(target))).toEqual(roles(cudaEntry(source)));
  });

  it.each(['musaStreamQuery', 'musaEventQuery', 'musaEventElapsedTime', 'mublasSetMathMode', 'mublasSgemmStridedBatched', 'mcclAllReduce', 'mcclGetUniqueId', 'mublasLtMatmulAlgoGetHeuristic'])(
    '%s is confirmed by Moore Threads torch_musa',
    (symbol) => {
      expect(entry(symbol).spec.confidence).toBe('confirmed');
      expect(fromTorchMusa(entry(symbol))).toBe(true);
    },
  );

  it('marks names known only from the mapping tables as inferred', () => {
    for (const s of ['musaDeviceReset', 'musaPeekAtLastError', 'mublasSaxpy', 'murandCreateGenerator', 'mcclCommUserRank']) {
      expect(entry(s).spec.confidence, s).toBe('inferred');
    }
  });

  it('passes MCCL streams as musaStream_t', () => {
    expect(entry('mcclAllReduce').spec.params.find((p) => p.role === 'stream')?.type).toBe('musaStream_t');
  });
});

describe('muBLAS numerics and statuses', () => {
  it('has rocBLAS-style statuses: CUBLAS_STATUS_NOT_SUPPORTED maps by meaning to MUBLAS_STATUS_NOT_IMPLEMENTED', () => {
    const members = musa.enums.get('mublasStatus_t')!.spec.members;
    expect(members.find((m) => m.meaning === 'status.not-supported')?.name).toBe('MUBLAS_STATUS_NOT_IMPLEMENTED');
    expect(members.map((m) => m.name)).not.toContain('MUBLAS_STATUS_NOT_INITIALIZED');
  });

  it('maps a TF32 math-mode request to default math', () => {
    const math = musa.enums.get('mublasMath_t')!.spec.members;
    expect(math.some((m) => m.meaning === 'math.tf32')).toBe(false);
    expect(math.find((m) => m.name === 'MUBLAS_MATH_MODE_DEFAULT')).toMatchObject({ meaning: 'math.default' });
    const knob = catalog.knobsFor('musa', 'mublasSetMathMode')[0]!;
    expect(knob.spec.values.every((v) => v.set.matmul?.format === 'fp32')).toBe(true);
    expect(knob.spec.values.find((v) => v.member === 'MUBLAS_MATH_MODE_DEFAULT')?.note).toMatch(/CUBLAS_TF32_TENSOR_OP_MATH/);
    expect(catalog.profile('musa.mublas-default').matmul.format).toBe('fp32');
  });
});

describe('muDNN: C++ first, cuDNN-shaped only where torch_musa calls it', () => {
  it('confirms the cuDNN-shaped convolution calls torch_musa makes, with cuDNN roles', () => {
    for (const [m, c] of [
      ['mudnnConvolutionForward', 'cudnnConvolutionForward'],
      ['mudnnGetConvolutionForwardWorkspaceSize', 'cudnnGetConvolutionForwardWorkspaceSize'],
      ['mudnnSetConvolutionMathType', 'cudnnSetConvolutionMathType'],
    ] as const) {
      expect(entry(m).spec.confidence, m).toBe('confirmed');
      expect(roles(entry(m))).toEqual(roles(cudaEntry(c)));
    }
    expect(entry('mudnnConvolutionForward').spec.notes).toMatch(/TORCH_MUSA_USE_MUDNN_C_API/);
  });

  it('does not present table-only mudnn names as real symbols', () => {
    for (const s of ['mudnnSetTensor4dDescriptor', 'mudnnBatchNormalizationForwardInference', 'mudnnActivationForward', 'mudnnSoftmaxForward']) {
      expect(musa.entries.has(s), s).toBe(false);
    }
    expect(musa.gaps.get('cudnnSetTensor4dDescriptor')?.spec).toMatchObject({ status: 'composite', use: ['mudnnSetTensorNdDescriptorWithScale'] });
  });

  it("answers batch norm with muDNN's own call, output first", () => {
    const bn = entry('mudnnBatchNormForwardInference');
    expect(bn.spec.cuda).toEqual(['cudnnBatchNormalizationForwardInference']);
    expect(roles(bn).indexOf('output:Y')).toBeLessThan(roles(bn).indexOf('input:X'));
    expect(roles(bn)).not.toContain('blend-alpha');
  });

  it('answers the cudnn-frontend graph with gaps (no muDNN graph API found)', () => {
    expect(musa.gaps.get('cudnn_frontend::graph::Graph::execute')?.spec.status).toBe('unknown');
    expect(musa.gaps.get('cudnn_frontend::graph::Graph::rmsnorm')?.spec.use).toContain('mudnnRMSNormForward');
  });
});

describe('numeric profiles', () => {
  it('defaults to fp32 GEMM and TF32-class fp32 convolution (torch_musa allow_tf32 = true)', () => {
    expect(musa.defaultProfile).toBe('musa.default');
    const p = catalog.profile('musa.default');
    expect([p.matmul.format, p.conv.format, p.flushToZero]).toEqual(['fp32', 'tf32', false]);
    const knob = catalog.knobsFor('musa', 'mudnnSetConvolutionMathType')[0]!;
    expect(knob.spec.values.find((v) => v.member === 'MUDNN_FMA_MATH')?.set.conv?.format).toBe('fp32');
  });

  it('models llama.cpp\'s -fmusa-flush-denormals-to-zero build as a non-default FTZ profile', () => {
    expect(catalog.profile('musa.ftz').flushToZero).toBe(true);
    const record = musa.profiles.get('musa.ftz')!;
    expect(record.spec.confidence).not.toBe('confirmed');
    expect(record.sources.some((s) => s.path === 'ggml/src/ggml-musa/CMakeLists.txt')).toBe(true);
  });

  it('models TORCH_USE_MUSA_DOUBLE_CAST as fp32 arithmetic, separate from the fp64 GEMM profile', () => {
    expect(catalog.profile('musa.double-cast').matmul.format).toBe('fp32');
    expect(catalog.profile('musa.mublas-64f').matmul.format).toBe('fp64');
  });
});
