/**
 * What a target backend offers for one API used in the scanned code, for every kind of API:
 *
 * - functions (CUDA source): the catalog's `answerFor` (an entry or gap naming the symbol,
 *   else inferred through the operator or primitive the CUDA entry binds);
 * - opaque types: a target type whose `cuda:` names it (explicit), else the only target type
 *   of the same kind (inferred);
 * - enums and enum members: the target member with the same `meaning` tag (inferred: the
 *   equivalence is derived from two facts), preferring the target enum that shares the most
 *   meanings with the source enum;
 * - APIs of a non-CUDA facade (TypeScript ported code): through the CUDA symbols the source
 *   entry answers, else through its binding; always inferred.
 *
 * `basis` says whether the answer rests on a catalog fact about this very symbol (`explicit`),
 * is derived (`inferred`), or nothing is known (`none`).
 */
import { answerFor, bestEntry, bindingKey, weakest, type Answer } from '../catalog/answers.js';
import { sameMeaning } from '../port/mapping/binding-meaning.js';
import type { Catalog, EntryRecord, EnumRecord } from '../catalog/catalog.js';
import { STATUS_RANK, type BackendId, type Confidence, type Status } from '../catalog/vocabulary.js';
import type { KnownSymbol } from './symbol-index.js';

export type AnswerBasis = 'explicit' | 'inferred' | 'none';
export type AnswerVia = Answer['via'] | 'meaning' | 'type' | 'cuda' | 'source';

export interface TargetAnswer {
  readonly status: Status;
  /** Target symbols to use (entry and companions, a gap's workaround, the mapped type or member). */
  readonly symbols: readonly string[];
  readonly confidence: Confidence;
  readonly via: AnswerVia;
  readonly basis: AnswerBasis;
  readonly notes?: string;
}

function unknown(notes: string): TargetAnswer {
  return { status: 'unknown', symbols: [], confidence: 'unconfirmed', via: 'none', basis: 'none', notes };
}

function fromCatalogAnswer(a: Answer): TargetAnswer {
  return {
    status: a.status,
    symbols: a.symbols,
    confidence: a.confidence,
    via: a.via,
    basis: a.via === 'explicit' || a.via === 'gap' ? 'explicit' : a.via === 'none' ? 'none' : 'inferred',
    ...(a.notes ? { notes: oneLine(a.notes) } : {}),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function meaningsOf(e: EnumRecord): Set<string> {
  return new Set(e.spec.members.map((m) => m.meaning).filter((m): m is string => m !== undefined));
}

/** The target enums ranked by how many member meanings they share with `source` (best first). */
function enumsByOverlap(catalog: Catalog, source: EnumRecord, target: BackendId): { record: EnumRecord; overlap: number }[] {
  const wanted = meaningsOf(source);
  return [...catalog.backend(target).enums.values()]
    .map((record) => ({ record, overlap: [...meaningsOf(record)].filter((m) => wanted.has(m)).length }))
    .filter((x) => x.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || a.record.spec.name.localeCompare(b.record.spec.name));
}

function enumAnswer(catalog: Catalog, known: Extract<KnownSymbol, { kind: 'enum' }>, target: BackendId): TargetAnswer {
  const ranked = enumsByOverlap(catalog, known.enum, target);
  if (ranked.length === 0) return unknown(`no ${target} enum shares a member meaning with ${known.symbol}`);
  const { record, overlap } = ranked[0];
  return {
    status: 'native',
    symbols: [record.spec.name],
    confidence: weakest('inferred', known.enum.spec.confidence, record.spec.confidence),
    via: 'meaning',
    basis: 'inferred',
    notes: `${overlap} of ${meaningsOf(known.enum).size} member meanings match`,
  };
}

function memberAnswer(catalog: Catalog, known: Extract<KnownSymbol, { kind: 'enum-member' }>, target: BackendId): TargetAnswer {
  const meaning = known.member.meaning;
  if (!meaning) return unknown(`the ${known.backend} catalog gives ${known.symbol} no meaning tag to match by`);
  const preferred = enumsByOverlap(catalog, known.enum, target).map((x) => x.record);
  const all = [...catalog.backend(target).enums.values()];
  for (const record of [...preferred, ...all]) {
    const member = record.spec.members.find((m) => m.meaning === meaning);
    if (member) {
      return {
        status: 'native',
        symbols: [member.name],
        confidence: weakest('inferred', known.enum.spec.confidence, record.spec.confidence),
        via: 'meaning',
        basis: 'inferred',
        notes: `same meaning (${meaning}) in ${record.spec.name}${member.value === null ? '; its value is unconfirmed' : ''}`,
      };
    }
  }
  return unknown(`no ${target} enum member means ${meaning}`);
}

function typeAnswer(catalog: Catalog, known: Extract<KnownSymbol, { kind: 'type' }>, target: BackendId): TargetAnswer {
  const types = [...catalog.backend(target).types.values()];
  const cudaName = known.backend === 'cuda' ? known.symbol : known.type.spec.cuda;
  if (target === 'cuda' && cudaName) {
    return { status: 'native', symbols: [cudaName], confidence: known.confidence, via: 'type', basis: 'explicit', notes: `${known.symbol} declares cuda: ${cudaName}` };
  }
  const explicit = cudaName ? types.filter((t) => t.spec.cuda === cudaName).sort((a, b) => a.spec.name.localeCompare(b.spec.name)) : [];
  if (explicit.length > 0) {
    const direct = known.backend === 'cuda';
    return {
      status: 'native',
      symbols: explicit.map((t) => t.spec.name),
      confidence: direct ? explicit[0].spec.confidence : weakest('inferred', explicit[0].spec.confidence, known.confidence),
      via: direct ? 'type' : 'cuda',
      basis: direct ? 'explicit' : 'inferred',
      ...(direct ? {} : { notes: `through CUDA ${cudaName}` }),
    };
  }
  const sameKind = types.filter((t) => t.spec.kind === known.type.spec.kind);
  if (sameKind.length === 1) {
    return {
      status: 'native',
      symbols: [sameKind[0].spec.name],
      confidence: weakest('inferred', sameKind[0].spec.confidence, known.confidence),
      via: 'type',
      basis: 'inferred',
      notes: `the only ${known.type.spec.kind} type on ${target}`,
    };
  }
  const candidates = sameKind.length > 1 ? `; ${sameKind.length} ${known.type.spec.kind} types could be it: ${sameKind.map((t) => t.spec.name).join(', ')}` : '';
  return unknown(`no ${target} type declares cuda: ${cudaName ?? known.symbol}${candidates}`);
}

/** A non-CUDA facade's function: through the CUDA symbols its entry answers, else its binding. */
function portedFunctionAnswer(catalog: Catalog, entry: EntryRecord, target: BackendId): TargetAnswer {
  const cudaSymbols = entry.spec.cuda ?? [];
  if (target === 'cuda') {
    if (cudaSymbols.length > 0) return { status: 'native', symbols: cudaSymbols, confidence: entry.spec.confidence, via: 'cuda', basis: 'explicit', notes: `${entry.spec.symbol} answers ${cudaSymbols.join(', ')}` };
  } else if (cudaSymbols.length > 0) {
    const answers = cudaSymbols.map((c) => answerFor(catalog, target, c)).filter((a) => a.via !== 'none');
    if (answers.length > 0) {
      const best = [...answers].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status])[0];
      return {
        status: best.status,
        symbols: best.symbols,
        confidence: weakest('inferred', best.confidence, entry.spec.confidence),
        via: 'cuda',
        basis: 'inferred',
        notes: `through CUDA ${best.cudaSymbol}${best.notes ? `: ${oneLine(best.notes)}` : ''}`,
      };
    }
  }
  const key = bindingKey(entry);
  // Binding the same primitive is not enough: the entry must act on the same objects (src/port/mapping/binding-meaning.ts).
  const candidates = [...catalog.backend(target).entries.values()].filter((e) => bindingKey(e) === key && sameMeaning(catalog, entry, e).same);
  if (candidates.length === 0) return unknown(`no ${target} entry binds the same ${key.replace(':', ' ')} with the same meaning`);
  const chosen = bestEntry(candidates);
  return {
    status: chosen.spec.status,
    symbols: [chosen.spec.symbol, ...(chosen.spec.companions ?? [])],
    confidence: weakest('inferred', chosen.spec.confidence, entry.spec.confidence),
    via: key.startsWith('operator') ? 'operator' : 'primitive',
    basis: 'inferred',
    notes: `inferred: ${chosen.spec.symbol} binds the same ${key.replace(':', ' ')}`,
  };
}

/**
 * The answer of `target` for `symbol` used against `source`'s API. `known` is the source
 * catalog's record of the symbol, if any.
 */
export function targetAnswer(catalog: Catalog, source: BackendId, symbol: string, known: KnownSymbol | undefined, target: BackendId): TargetAnswer {
  if (target === source) {
    return known
      ? { status: 'native', symbols: [known.symbol], confidence: known.confidence, via: 'source', basis: 'explicit' }
      : unknown(`not in the ${source} catalog`);
  }
  if (source === 'cuda') {
    const answer = answerFor(catalog, target, known?.symbol ?? symbol);
    if (answer.via !== 'none' || !known) return fromCatalogAnswer(answer);
    if (known.kind === 'type') return typeAnswer(catalog, known, target);
    if (known.kind === 'enum') return enumAnswer(catalog, known, target);
    if (known.kind === 'enum-member') return memberAnswer(catalog, known, target);
    return fromCatalogAnswer(answer);
  }
  if (!known) return unknown(`not in the ${source} catalog`);
  switch (known.kind) {
    case 'type':
      return typeAnswer(catalog, known, target);
    case 'enum':
      return enumAnswer(catalog, known, target);
    case 'enum-member':
      return memberAnswer(catalog, known, target);
    default:
      return portedFunctionAnswer(catalog, known.entry, target);
  }
}
