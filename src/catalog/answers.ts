/**
 * What each backend offers for a CUDA symbol: the catalog's answer used by coverage reports,
 * support tables and the porter. Explicit answers (entries whose `cuda:` lists the symbol,
 * or a gap) come first; otherwise an answer is inferred through the canonical operator or
 * runtime primitive the CUDA entry binds, and marked as inferred.
 */
import type { Catalog, EntryRecord, GapRecord } from './catalog.js';
import { CONFIDENCES, STATUS_RANK, type BackendId, type Confidence, type Status } from './vocabulary.js';

export interface Answer {
  readonly backend: BackendId;
  readonly cudaSymbol: string;
  readonly status: Status;
  /** Target symbols to call (the entry, then its companions, or a gap's `use`). */
  readonly symbols: readonly string[];
  readonly confidence: Confidence;
  /** explicit: an entry or gap names this CUDA symbol; operator/primitive: inferred through the binding; none: nothing known. */
  readonly via: 'explicit' | 'gap' | 'operator' | 'primitive' | 'none';
  readonly entries: readonly EntryRecord[];
  readonly gap?: GapRecord;
  readonly notes?: string;
}

/** The least certain of the given confidence levels. */
export function weakest(...levels: Confidence[]): Confidence {
  return CONFIDENCES[Math.max(...levels.map((c) => CONFIDENCES.indexOf(c)))];
}

/** The entry with the best status (then by symbol, for stable output). */
export function bestEntry(entries: readonly EntryRecord[]): EntryRecord {
  return [...entries].sort((x, y) => STATUS_RANK[x.spec.status] - STATUS_RANK[y.spec.status] || x.spec.symbol.localeCompare(y.spec.symbol))[0];
}

/** `operator:<id>` or `primitive:<name>`: what an entry binds, as a comparable key. */
export function bindingKey(entry: EntryRecord): string {
  const b = entry.spec.binds;
  return 'operator' in b ? `operator:${b.operator}` : `primitive:${b.primitive}`;
}

let indexCache = new WeakMap<Catalog, Map<BackendId, Map<string, EntryRecord[]>>>();

function explicitIndex(catalog: Catalog, backend: BackendId): Map<string, EntryRecord[]> {
  let perCatalog = indexCache.get(catalog);
  if (!perCatalog) indexCache.set(catalog, (perCatalog = new Map()));
  let index = perCatalog.get(backend);
  if (!index) {
    index = new Map();
    for (const e of catalog.backend(backend).entries.values()) {
      for (const c of e.spec.cuda ?? []) {
        const list = index.get(c) ?? [];
        list.push(e);
        index.set(c, list);
      }
    }
    perCatalog.set(backend, index);
  }
  return index;
}

/** Clears cached indices (after a catalog is mutated by overrides in tests). */
export function resetAnswerIndex(): void {
  indexCache = new WeakMap();
}

export function answerFor(catalog: Catalog, backend: BackendId, cudaSymbol: string): Answer {
  const cudaEntry = catalog.entry('cuda', cudaSymbol);
  const base = { backend, cudaSymbol };
  if (backend === 'cuda') {
    return cudaEntry
      ? { ...base, status: 'native', symbols: [cudaEntry.spec.symbol], confidence: cudaEntry.spec.confidence, via: 'explicit', entries: [cudaEntry] }
      : { ...base, status: 'unknown', symbols: [], confidence: 'unconfirmed', via: 'none', entries: [], notes: 'not in the CUDA catalog' };
  }
  const explicit = explicitIndex(catalog, backend).get(cudaSymbol) ?? (cudaEntry ? explicitIndex(catalog, backend).get(cudaEntry.spec.symbol) : undefined);
  if (explicit?.length) {
    const chosen = bestEntry(explicit);
    return {
      ...base,
      status: chosen.spec.status,
      symbols: [chosen.spec.symbol, ...(chosen.spec.companions ?? [])],
      confidence: chosen.spec.confidence,
      via: 'explicit',
      entries: explicit,
      notes: chosen.spec.notes,
    };
  }
  const gap = catalog.backend(backend).gaps.get(cudaSymbol);
  if (gap) {
    return { ...base, status: gap.spec.status, symbols: gap.spec.use ?? [], confidence: gap.spec.confidence, via: 'gap', entries: [], gap, notes: gap.spec.notes };
  }
  if (cudaEntry) {
    const key = bindingKey(cudaEntry);
    const candidates = [...catalog.backend(backend).entries.values()].filter((e) => bindingKey(e) === key);
    if (candidates.length > 0) {
      const chosen = bestEntry(candidates);
      return {
        ...base,
        status: chosen.spec.status,
        symbols: [chosen.spec.symbol, ...(chosen.spec.companions ?? [])],
        confidence: weakest('inferred', chosen.spec.confidence),
        via: key.startsWith('operator') ? 'operator' : 'primitive',
        entries: candidates,
        notes: `inferred: ${chosen.spec.symbol} binds the same ${key.replace(':', ' ')}`,
      };
    }
  }
  return { ...base, status: 'unknown', symbols: [], confidence: 'unconfirmed', via: 'none', entries: [], notes: cudaEntry ? 'no entry, gap or equivalent binding in the catalog' : 'not in the CUDA catalog' };
}
