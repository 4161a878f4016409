/** Catalog-driven choices: target entries, enums by meaning, types, and the host helper list. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { correspondingEnum, enumForParam, memberByMeaning, sameNumbering } from '../../src/port/mapping/enum-mapping.js';
import { chooseTarget } from '../../src/port/mapping/target-entry.js';
import { correspondingType } from '../../src/port/mapping/type-mapping.js';
import { HOST_HELPERS } from '../../src/port/syntax/host-helpers.js';
import { parseSource, ts } from '../../src/port/syntax/typescript.js';

const catalog = loadCatalog();
const entry = (b: Parameters<typeof catalog.entry>[0], s: string) => catalog.entry(b, s)!;
const enumOf = (b: Parameters<typeof catalog.backend>[0], name: string) => catalog.backend(b).enums.get(name)!;

describe('target entries', () => {
  it('prefers entries whose cuda: names the source, then entries binding the same primitive', () => {
    const choice = chooseTarget(catalog, entry('cuda', 'cudaStreamCreateWithFlags'), 'cambricon');
    expect(choice.via).toBe('explicit');
    expect(choice.candidates.map((e) => e.spec.symbol)).toEqual(['cnrtQueueCreateWithPriority', 'cnrtQueueCreate']);
  });

  it('goes through the CUDA equivalent between two non-CUDA backends and back to CUDA', () => {
    expect(chooseTarget(catalog, entry('cann', 'aclrtMalloc'), 'kunlun').candidates[0].spec.symbol).toBe('xpu_malloc');
    expect(chooseTarget(catalog, entry('kunlun', 'bkcl_all_reduce'), 'cuda').candidates[0].spec.symbol).toBe('ncclAllReduce');
  });

  it('returns the gap, with the workarounds that bind the same primitive', () => {
    const choice = chooseTarget(catalog, entry('cuda', 'cudaStreamCreateWithFlags'), 'kunlun');
    expect(choice.candidates).toEqual([]);
    expect(choice.gap?.spec.cuda).toBe('cudaStreamCreateWithFlags');
    expect(choice.alternatives?.map((e) => e.spec.symbol)).toEqual(['xpu_stream_create']);
  });
});

describe('enums by meaning', () => {
  it('maps Kunlun copy directions by meaning although the numbers differ', () => {
    const cuda = enumOf('cuda', 'cudaMemcpyKind');
    const xpu = correspondingEnum(catalog, cuda, 'kunlun')!;
    expect(xpu.spec.name).toBe('XPUMemcpyKind');
    expect(sameNumbering(cuda, xpu)).toBe(false);
    const d2h = cuda.spec.members.find((m) => m.name === 'cudaMemcpyDeviceToHost')!;
    expect(memberByMeaning(xpu, d2h.meaning!)?.name).toBe('XPU_DEVICE_TO_HOST');
    expect(d2h.value).toBe(2);
    expect(memberByMeaning(xpu, d2h.meaning!)?.value).toBe(0);
    expect(memberByMeaning(xpu, 'copy.host-to-host')).toBeUndefined();
  });

  it('picks among aliases the member whose name matches', () => {
    const cncl = enumOf('cambricon', 'cnclDataType_t');
    expect(memberByMeaning(cncl, 'dtype.float16', { enum: enumOf('cuda', 'ncclDataType_t'), member: 'ncclFloat16' })?.name).toBe('cnclFloat16');
    expect(memberByMeaning(cncl, 'dtype.float16', { enum: enumOf('cuda', 'ncclDataType_t'), member: 'ncclHalf' })?.name).toBe('cnclHalf');
  });

  it('relates status enums only through calls (every library has status.success)', () => {
    expect(correspondingEnum(catalog, enumOf('cuda', 'cudaError_t'), 'cann')?.spec.name).toBe('aclError');
    expect(correspondingEnum(catalog, enumOf('cuda', 'ncclResult_t'), 'cann')?.spec.name).toBe('HcclResult');
    expect(correspondingEnum(catalog, enumOf('cuda', 'ncclResult_t'), 'thead')).toBeUndefined();
  });

  it('finds the enum of a flags parameter typed unsigned int through the entry', () => {
    const e = entry('cuda', 'cudaStreamCreateWithFlags');
    expect(enumForParam(catalog, e, 1)?.spec.name).toBe('cudaStreamFlags');
    expect(enumForParam(catalog, entry('cann', 'aclrtCreateStreamWithConfig'), 2)?.spec.name).toBe('aclrtStreamCreateFlag');
  });
});

describe('types', () => {
  it('maps through cuda: equivalence, enums through enum correspondence, and says when there is none', () => {
    const type = (b: Parameters<typeof catalog.backend>[0], n: string) => catalog.backend(b).types.get(n)!;
    const name = (t: ReturnType<typeof correspondingType>) => (t?.kind === 'enum' ? t.enum.spec.name : t?.type.spec.name);
    expect(name(correspondingType(catalog, type('cuda', 'cudaStream_t'), 'cambricon'))).toBe('cnrtQueue_t');
    expect(name(correspondingType(catalog, type('cann', 'aclrtStream'), 'cuda'))).toBe('cudaStream_t');
    expect(name(correspondingType(catalog, type('cuda', 'cudaError_t'), 'kunlun'))).toBe('XPUError_t');
    expect(correspondingType(catalog, type('cuda', 'cudnnHandle_t'), 'cann')).toBeUndefined();
  });
});

describe('host helpers', () => {
  it('are exactly what src/backends/host/index.ts exports (a new helper must be added to the porter)', () => {
    const text = readFileSync(new URL('../../src/backends/host/index.ts', import.meta.url), 'utf8');
    const { sourceFile } = parseSource('host.ts', text);
    const exported = sourceFile.statements.flatMap((s) => (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause) ? s.exportClause.elements.map((e) => e.name.text) : []));
    expect([...HOST_HELPERS].sort()).toEqual(exported.sort());
  });
});
