/**
 * Which target entries can answer a source entry, best first: entries whose `cuda:` lists the
 * source symbol's CUDA equivalent (the source symbol itself on CUDA, its `cuda:` list
 * elsewhere), then entries that bind the same runtime primitive or canonical operator *and mean
 * the same* (binding-meaning.ts: the same fused chain; for descriptor, workspace and algorithm
 * calls, the same objects) — when the catalog names none, only if it records no gap for the
 * symbol. Porting to CUDA uses the CUDA entries the source entry's `cuda:` names. Ties go to the
 * better status, then the symbol name.
 */
import { bindingKey } from '../../catalog/answers.js';
import type { Catalog, EntryRecord, GapRecord } from '../../catalog/catalog.js';
import { STATUS_RANK, type BackendId } from '../../catalog/vocabulary.js';
import { sameMeaning } from './binding-meaning.js';

export interface TargetChoice {
  /** Candidate entries, best first. */
  readonly candidates: readonly EntryRecord[];
  /** How the candidates were found. */
  readonly via: 'explicit' | 'binding' | 'none';
  /** A gap the target records for the CUDA equivalent (unsupported, or a workaround). */
  readonly gap?: GapRecord;
  /** Entries the gap says to use instead that bind the same primitive or operator (tried by role). */
  readonly alternatives?: readonly EntryRecord[];
  /** The CUDA symbols the source entry stands for. */
  readonly cudaEquivalents: readonly string[];
  /** Entries binding the same primitive or operator that mean something else, and why (for OB1001). */
  readonly unrelated?: readonly { readonly entry: EntryRecord; readonly why: string }[];
}

interface TargetIndex {
  readonly byCuda: Map<string, EntryRecord[]>;
  readonly byBinding: Map<string, EntryRecord[]>;
}

const indexes = new WeakMap<Catalog, Map<BackendId, TargetIndex>>();
const choices = new WeakMap<Catalog, Map<string, TargetChoice>>();

function targetIndex(catalog: Catalog, target: BackendId): TargetIndex {
  let perCatalog = indexes.get(catalog);
  if (!perCatalog) indexes.set(catalog, (perCatalog = new Map()));
  let index = perCatalog.get(target);
  if (!index) {
    index = { byCuda: new Map(), byBinding: new Map() };
    for (const e of catalog.backend(target).entries.values()) {
      const key = bindingKey(e);
      index.byBinding.set(key, [...(index.byBinding.get(key) ?? []), e]);
      for (const c of e.spec.cuda ?? []) index.byCuda.set(c, [...(index.byCuda.get(c) ?? []), e]);
    }
    perCatalog.set(target, index);
  }
  return index;
}

function byStatusThenName(a: EntryRecord, b: EntryRecord): number {
  return STATUS_RANK[a.spec.status] - STATUS_RANK[b.spec.status] || a.spec.symbol.localeCompare(b.spec.symbol);
}

/** The CUDA symbols a source entry stands for. */
export function cudaEquivalents(catalog: Catalog, source: EntryRecord): string[] {
  if (source.backend === 'cuda') return [source.spec.symbol];
  return (source.spec.cuda ?? []).map((c) => catalog.entry('cuda', c)?.spec.symbol ?? c);
}

export function chooseTarget(catalog: Catalog, source: EntryRecord, target: BackendId): TargetChoice {
  let cache = choices.get(catalog);
  if (!cache) choices.set(catalog, (cache = new Map()));
  const key = `${source.backend}\u0000${source.spec.symbol}\u0000${target}`;
  let choice = cache.get(key);
  if (!choice) cache.set(key, (choice = computeChoice(catalog, source, target)));
  return choice;
}

function computeChoice(catalog: Catalog, source: EntryRecord, target: BackendId): TargetChoice {
  const equivalents = cudaEquivalents(catalog, source);
  const unrelated: { entry: EntryRecord; why: string }[] = [];
  const sameBinding = (): EntryRecord[] => {
    const meaningful: EntryRecord[] = [];
    for (const e of [...(targetIndex(catalog, target).byBinding.get(bindingKey(source)) ?? [])].sort(byStatusThenName)) {
      const check = sameMeaning(catalog, source, e);
      if (check.same) meaningful.push(e);
      else unrelated.push({ entry: e, why: check.why });
    }
    return meaningful;
  };
  const inferredChoice = (): TargetChoice => {
    const inferred = sameBinding();
    return { candidates: inferred, via: inferred.length ? 'binding' : 'none', cudaEquivalents: equivalents, ...(unrelated.length ? { unrelated } : {}) };
  };
  if (target === source.backend) return { candidates: [source], via: 'explicit', cudaEquivalents: equivalents };
  if (target === 'cuda') {
    const explicit = equivalents.map((c) => catalog.entry('cuda', c)).filter((e): e is EntryRecord => e !== undefined);
    if (explicit.length > 0) return { candidates: unique(explicit), via: 'explicit', cudaEquivalents: equivalents };
    return inferredChoice();
  }
  const index = targetIndex(catalog, target);
  const explicit: EntryRecord[] = [];
  // Entries answering the first equivalent come first (cnnlCreate answers cublasCreate and cudnnCreate).
  for (const c of equivalents) explicit.push(...[...(index.byCuda.get(c) ?? [])].sort(byStatusThenName));
  // Entries binding the same primitive or operator follow, for calls the explicit ones cannot take
  // (cnrtQueueCreate for a cudaStreamCreateWithFlags whose flags are the default).
  if (explicit.length > 0) return { candidates: unique([...explicit, ...sameBinding()]), via: 'explicit', cudaEquivalents: equivalents };
  const gap = equivalents.map((c) => catalog.backend(target).gaps.get(c)).find((g) => g !== undefined);
  if (gap) {
    const alternatives = (gap.spec.use ?? [])
      .map((u) => catalog.entry(target, u))
      .filter((e): e is EntryRecord => e !== undefined && bindingKey(e) === bindingKey(source));
    return { candidates: [], via: 'none', gap, alternatives, cudaEquivalents: equivalents };
  }
  return inferredChoice();
}

function unique(entries: readonly EntryRecord[]): EntryRecord[] {
  return [...new Set(entries)];
}
