import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/coverage/coverage.js';
import { coverageMetrics } from '../../src/coverage/coverage-metrics.js';
import { EFFORT_MODEL } from '../../src/coverage/effort-model.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fixtureCatalog } from './fixture-catalog.js';

const SOURCE = [
  'int cudaDevice = 0;',
  '__global__ void fill(float* p) {',
  '  p[threadIdx.x] = 1.0f;',
  '}',
  'void step(float* d, const float* h, size_t n, cudaStream_t s) {',
  '  cudaMalloc(&p, n);',
  '  cudaMalloc(&q, n);',
  '  cudaFree(p);',
  '  cudaMemcpy(d, h, n, cudaMemcpyHostToDevice);',
  '  cudaGetErrorString(cudaDevice);',
  '  cudaStreamCreate(&s);',
  '  cudaMemPrefetchAsync(d, n, cudaDevice, s);',
  '  cudaFooBar();',
  '  fill<<<1, 32>>>(d);',
  '}',
].join('\n');

async function report(to = ['cann', 'musa'] as const) {
  const root = tempDir({ 'step.cu': SOURCE });
  return coverage([root], { catalog: fixtureCatalog(), to: [...to], cwd: root });
}

describe('coverage join', () => {
  it('lists every API with its sites, catalog record and each target answer', async () => {
    const r = await report();
    expect(r.apis.map((a) => `${a.symbol}:${a.kind}:${a.known}:${a.sites}`)).toEqual([
      'cudaFooBar:function:false:1',
      'cudaFree:function:true:1',
      'cudaGetErrorString:function:true:1',
      'cudaMalloc:function:true:2',
      'cudaMemcpy:function:true:1',
      'cudaMemcpyHostToDevice:enum-member:true:1',
      'cudaMemPrefetchAsync:function:false:1',
      'cudaStream_t:type:true:1',
      'cudaStreamCreate:function:true:1',
    ]);
    const api = (s: string) => r.apis.find((a) => a.symbol === s)!;
    expect(api('cudaMalloc').occurrences).toEqual([
      { file: 'step.cu', line: 6, column: 3 },
      { file: 'step.cu', line: 7, column: 3 },
    ]);
    expect(api('cudaMalloc').catalog).toMatchObject({ binds: 'primitive memory.alloc', confidence: 'confirmed', file: expect.stringMatching(/cuda-runtime\.yaml$/) });
    expect(api('cudaFooBar').catalog).toBeNull();
    expect(api('cudaMalloc').targets.cann).toMatchObject({ status: 'native', symbols: ['aclrtMalloc'], basis: 'explicit', via: 'explicit', confidence: 'confirmed' });
    expect(api('cudaFree').targets.cann).toMatchObject({ status: 'composite', symbols: ['aclrtFree'], basis: 'explicit', via: 'gap' });
    expect(api('cudaMemcpy').targets.cann).toMatchObject({ status: 'partial', symbols: ['aclrtMemcpy'], basis: 'explicit' });
    expect(api('cudaStreamCreate').targets.cann).toMatchObject({ status: 'native', symbols: ['aclrtCreateStream'], basis: 'inferred', via: 'primitive', confidence: 'inferred' });
    expect(api('cudaMemcpyHostToDevice').targets.cann).toMatchObject({ status: 'native', symbols: ['ACL_MEMCPY_HOST_TO_DEVICE'], basis: 'inferred', via: 'meaning' });
    expect(api('cudaStream_t').targets.cann).toMatchObject({ status: 'native', symbols: ['aclrtStream'], basis: 'explicit', via: 'type' });
    expect(api('cudaStream_t').targets.musa).toMatchObject({ status: 'native', symbols: ['musaStream_t'], basis: 'inferred', notes: 'the only stream type on musa' });
    expect(api('cudaMemPrefetchAsync').targets.cann).toMatchObject({ status: 'unsupported', basis: 'explicit', via: 'gap' });
    expect(api('cudaFooBar').targets.cann).toMatchObject({ status: 'unknown', basis: 'none', symbols: [] });
    expect(api('cudaMemcpy').targets.musa).toMatchObject({ status: 'unknown', basis: 'none' });
  });

  it('computes API and site coverage per the documented formulas', async () => {
    const r = await report();
    // cann: native cudaMalloc(2 sites), cudaMemcpyHostToDevice, cudaStreamCreate, cudaStream_t;
    // composite cudaFree; partial cudaMemcpy; unsupported cudaGetErrorString, cudaMemPrefetchAsync; unknown cudaFooBar.
    expect(r.backends.cann).toMatchObject({
      coverage: 6 / 9,
      strictCoverage: 5 / 9,
      siteCoverage: 7 / 10,
      strictSiteCoverage: 6 / 10,
      apis: { native: 4, composite: 1, partial: 1, unsupported: 2, unknown: 1, total: 9 },
      sites: { native: 5, composite: 1, partial: 1, unsupported: 2, unknown: 1, total: 10 },
      inferredApis: 2, // cudaStreamCreate (via its primitive) and cudaMemcpyHostToDevice (via its meaning)
    });
    // musa: native cudaMalloc, cudaFree, cudaMemcpyHostToDevice, cudaStream_t; everything else unknown.
    expect(r.backends.musa).toMatchObject({ coverage: 4 / 9, strictCoverage: 4 / 9, siteCoverage: 5 / 10 });
  });

  it('prices effort per the documented model and ranks blockers by sites', async () => {
    const r = await report();
    const m = EFFORT_MODEL;
    const fn = (status: keyof typeof m.perApi, sites: number) => m.perApi[status] + m.perSite[status] * sites;
    const small = (status: keyof typeof m.perApi, sites: number) => 0.25 * fn(status, sites);
    const cannApi =
      fn('native', 2) + fn('composite', 1) + fn('partial', 1) + fn('unsupported', 1) * 2 + fn('native', 1) + fn('unknown', 1) + small('native', 1) * 2;
    const kernelCann = m.kernel['hand-port'].base + m.kernel['hand-port'].perLine * 3;
    // Reports round hours to a tenth, so each figure is within 0.05 h of the exact sum.
    const withinRounding = (reported: number, exact: number) => expect(Math.abs(reported - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
    withinRounding(r.backends.cann!.effort.apiHours, cannApi);
    withinRounding(r.backends.cann!.effort.kernelHours, kernelCann);
    withinRounding(r.backends.cann!.effort.hours, cannApi + kernelCann);
    withinRounding(r.backends.musa!.effort.kernelHours, m.kernel.recompile.base + m.kernel.recompile.perLine * 3);
    expect(r.backends.cann!.blockers.map((b) => `${b.symbol}:${b.status}`)).toEqual(['cudaGetErrorString:unsupported', 'cudaMemPrefetchAsync:unsupported', 'cudaFooBar:unknown']);
  });

  it('reports prefixed names the code declares as local, kernels with their launches, and per-file counts', async () => {
    const r = await report();
    expect(r.localNames).toEqual([{ name: 'cudaDevice', library: 'cuda-runtime', how: 'variable-or-function', declared: { file: 'step.cu', line: 1, column: 5 }, uses: 2 }]);
    expect(r.kernels).toEqual([{ name: 'fill', kind: 'global', bodyLines: 3, line: 2, column: 17, file: 'step.cu', launches: 1, hours: { cann: 2.6, musa: 0.6 } }]);
    expect(r.launches).toEqual([{ kernel: 'fill', via: 'chevrons', config: '1, 32', line: 14, column: 3, file: 'step.cu', defined: true }]);
    expect(r.files).toEqual([{ path: 'step.cu', language: 'cuda', lines: 15, apis: 9, sites: 10, kernels: 1, launches: 1 }]);
    expect(r.summary).toMatchObject({ files: 1, lines: 15, apis: 9, knownApis: 7, unknownApis: 2, sites: 10, kernels: 1, deviceFunctions: 0, launches: 1, localNames: 1, sources: ['cuda'] });
  });

  it('answers APIs of a non-CUDA facade through the CUDA symbols they answer', async () => {
    const root = tempDir({ 'port.ts': "import { aclrtMalloc } from 'opbridge/cann';\naclrtMalloc(p, 16, 0);\n" });
    const r = await coverage([root], { catalog: fixtureCatalog(), to: ['cuda', 'musa', 'cann'], cwd: root });
    expect(r.apis).toHaveLength(1);
    expect(r.apis[0]).toMatchObject({ symbol: 'aclrtMalloc', source: 'cann', library: 'acl-runtime', known: true });
    expect(r.apis[0].targets.cuda).toMatchObject({ status: 'native', symbols: ['cudaMalloc'], basis: 'explicit' });
    expect(r.apis[0].targets.musa).toMatchObject({ status: 'native', symbols: ['musaMalloc'], basis: 'inferred', via: 'cuda' });
    expect(r.apis[0].targets.cann).toMatchObject({ status: 'native', via: 'source' });
  });

  it('gives coverage 1 when no API is used', async () => {
    const root = tempDir({ 'plain.cpp': 'int main() { return 0; }\n' });
    const r = await coverage([root], { catalog: fixtureCatalog(), to: ['cann'], cwd: root });
    expect(r.backends.cann).toMatchObject({ coverage: 1, strictCoverage: 1, siteCoverage: 1, apis: { total: 0 } });
  });
});

describe('coverageMetrics', () => {
  it('weighs sites and separates strict from covered', () => {
    const m = coverageMetrics([
      { status: 'native', sites: 3 },
      { status: 'partial', sites: 1 },
      { status: 'unknown', sites: 4 },
      { status: 'composite', sites: 2 },
    ]);
    expect(m).toMatchObject({ coverage: 3 / 4, strictCoverage: 2 / 4, siteCoverage: 6 / 10, strictSiteCoverage: 5 / 10 });
  });
});
