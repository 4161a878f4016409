/**
 * Facts about the T-Head catalog that a port depends on: the only source is a third-party claim
 * of CUDA compatibility, so every CUDA symbol is answered under its own name with CUDA's
 * signature, everything is unconfirmed and cites that claim, no enum value is asserted, and the
 * collectives (no library named) are unknown gaps. checkCatalog must reject a confirmed T-Head
 * entry.
 */
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check-catalog.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { packageRoot } from '../../src/catalog/package-root.js';

const catalog = loadCatalog();
const thead = catalog.backend('thead');
const cuda = catalog.backend('cuda');
const CLAIM_PATH = 'src/flag_gems/runtime/backend/_thead/__init__.py';

describe('coverage of the CUDA catalog under CUDA names', () => {
  it('answers every CUDA symbol with an entry or a gap, never both', () => {
    const answered = new Set([...thead.entries.values()].flatMap((e) => e.spec.cuda ?? []));
    const symbols = [...cuda.entries.keys()];
    expect(symbols.filter((s) => !answered.has(s) && !thead.gaps.has(s))).toEqual([]);
    expect(symbols.filter((s) => answered.has(s) && thead.gaps.has(s))).toEqual([]);
  });

  it('keeps the CUDA symbol and signature for every entry', () => {
    for (const e of thead.entries.values()) {
      expect(e.spec.cuda).toEqual([e.spec.symbol]);
      const source = cuda.entries.get(e.spec.symbol)!;
      expect(e.spec.params.map((p) => [p.name, p.type, p.role]), e.spec.symbol).toEqual(source.spec.params.map((p) => [p.name, p.type, p.role]));
      expect(e.spec.returns).toBe(source.spec.returns);
    }
  });

  it('answers NCCL with unknown gaps: no collective library is named', () => {
    for (const s of [...cuda.entries.values()].filter((e) => e.library === 'nccl').map((e) => e.spec.symbol)) {
      expect(thead.gaps.get(s)?.spec.status, s).toBe('unknown');
    }
  });
});

describe('everything is a third-party claim', () => {
  it('marks every entry, enum, type, gap, profile and knob unconfirmed', () => {
    const confidences = [
      ...[...thead.entries.values()].map((e) => e.spec.confidence),
      ...[...thead.enums.values()].map((e) => e.spec.confidence),
      ...[...thead.types.values()].map((t) => t.spec.confidence),
      ...[...thead.gaps.values()].map((g) => g.spec.confidence),
      ...[...thead.profiles.values()].map((p) => p.spec.confidence),
      ...thead.knobs.map((k) => k.spec.confidence),
    ];
    expect(confidences.length).toBeGreaterThan(thead.entries.size);
    expect(new Set(confidences)).toEqual(new Set(['unconfirmed']));
  });

  it('cites the FlagGems _thead docstring and the Alibaba Cloud page it names', () => {
    for (const e of thead.entries.values()) {
      expect(e.sources.some((s) => s.repo === 'flagos-ai/FlagGems' && s.path === CLAIM_PATH), e.spec.symbol).toBe(true);
      expect(e.sources.some((s) => s.url === 'https://help.aliyun.com/zh/document_detail/3011255.html')).toBe(true);
    }
  });

  it('keeps CUDA enum member names but asserts no value', () => {
    const mirrored = thead.enums.get('cudaMemcpyKind')!.spec.members;
    expect(mirrored.map((m) => m.name)).toEqual(cuda.enums.get('cudaMemcpyKind')!.spec.members.map((m) => m.name));
    expect([...thead.enums.values()].every((e) => e.spec.members.every((m) => m.value === null))).toBe(true);
  });

  it('assumes CUDA default numerics, unconfirmed', () => {
    const t = catalog.profile('thead.default');
    const c = catalog.profile('cuda.default');
    expect([t.matmul.format, t.conv.format]).toEqual([c.matmul.format, c.conv.format]);
  });

  it('is enforced: checkCatalog rejects a T-Head entry claimed as confirmed', () => {
    const fresh = loadCatalog({ root: packageRoot() });
    const record = fresh.backend('thead').entries.get('cudaMalloc')!;
    fresh.backend('thead').entries.set('cudaMalloc', { ...record, spec: { ...record.spec, confidence: 'confirmed' } });
    const issues = checkCatalog(fresh).filter((i) => i.path === 'thead:cudaMalloc.confidence');
    expect(issues).toHaveLength(1);
  });
});
