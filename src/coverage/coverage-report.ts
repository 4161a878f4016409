/**
 * Joins what the code uses with what the catalog says each target offers: one entry per
 * distinct API (with every site, the source catalog record or none, and each target's
 * answer), per-backend coverage, effort and blockers, custom kernels and their launches,
 * per-file counts, and the vendor-prefixed names the code declares itself. This object is the
 * JSON report; every other format renders it.
 */
import type { Catalog } from '../catalog/catalog.js';
import { BACKEND_NAMES, STATUS_RANK, STATUSES, type BackendId, type Confidence, type Status } from '../catalog/vocabulary.js';
import { BLOCKING_STATUSES, coverageMetrics, type CoverageMetrics } from './coverage-metrics.js';
import { apiHours, EFFORT_MODEL, kernelHours, roundHours } from './effort-model.js';
import type { KernelDefinition, KernelLaunch, LocalDeclaration, SourceLanguage } from './file-scan.js';
import { KERNEL_PORTING, type KernelApproach } from './kernel-porting.js';
import type { ScanResult } from './scan-sources.js';
import { symbolIndexes } from './scan-sources.js';
import type { SkippedFile } from './source-files.js';
import type { ApiKind, KnownSymbol } from './symbol-index.js';
import { cudaLibraryOf, LIBRARY_ORDER } from './symbol-patterns.js';
import { targetAnswer, type TargetAnswer } from './target-answers.js';

export interface Occurrence {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The spelling at this site when it differs from the symbol (an alias). */
  readonly written?: string;
}

export interface CatalogRef {
  readonly file: string;
  readonly line: number | null;
  readonly confidence: Confidence;
  /** What the entry binds (`operator Gemm`, `primitive memory.alloc`), for functions. */
  readonly binds?: string;
}

export interface ApiUsage {
  readonly symbol: string;
  /** The API the code is written against: `cuda` for C/C++/CUDA, the facade for TypeScript. */
  readonly source: BackendId;
  readonly library: string;
  /** For symbols the catalog does not know, guessed from the spelling (`_t` → type, ALL_CAPS → enum-member). */
  readonly kind: ApiKind;
  readonly known: boolean;
  readonly catalog: CatalogRef | null;
  readonly sites: number;
  readonly fileCount: number;
  readonly occurrences: readonly Occurrence[];
  readonly targets: Readonly<Partial<Record<BackendId, TargetAnswer>>>;
}

export interface Blocker {
  readonly symbol: string;
  readonly library: string;
  readonly status: Status;
  readonly sites: number;
  readonly notes?: string;
}

export interface BackendSummary extends CoverageMetrics {
  readonly id: BackendId;
  readonly name: string;
  /** APIs whose answer is inferred rather than stated for the symbol. */
  readonly inferredApis: number;
  readonly effort: {
    readonly hours: number;
    readonly days: number;
    readonly apiHours: number;
    readonly kernelHours: number;
    /** API hours by the status of the answer: how much of the estimate is unknown territory. */
    readonly apiHoursByStatus: Readonly<Record<Status, number>>;
  };
  readonly kernels: { readonly language: string; readonly approach: KernelApproach; readonly confidence: Confidence; readonly note: string; readonly count: number; readonly hours: number };
  /** Unsupported and unknown APIs, most sites first (at most 10). */
  readonly blockers: readonly Blocker[];
}

export interface KernelReport extends KernelDefinition {
  readonly file: string;
  readonly launches: number;
  readonly hours: Readonly<Partial<Record<BackendId, number>>>;
}

export interface LaunchReport extends KernelLaunch {
  readonly file: string;
  /** Whether a kernel of this name is defined in the scanned code. */
  readonly defined: boolean;
}

export interface FileReport {
  readonly path: string;
  readonly language: SourceLanguage;
  readonly lines: number;
  readonly apis: number;
  readonly sites: number;
  readonly kernels: number;
  readonly launches: number;
}

export interface LocalName {
  readonly name: string;
  readonly library: string;
  readonly how: LocalDeclaration['how'];
  readonly declared: Occurrence;
  /** References to the name (besides declarations) in the scanned code. */
  readonly uses: number;
}

export interface CoverageSummary {
  readonly files: number;
  readonly lines: number;
  readonly byLanguage: Readonly<Partial<Record<SourceLanguage, { files: number; lines: number }>>>;
  readonly apis: number;
  readonly knownApis: number;
  readonly unknownApis: number;
  readonly sites: number;
  readonly kernels: number;
  readonly deviceFunctions: number;
  readonly launches: number;
  readonly localNames: number;
  readonly skipped: number;
  /** Source backends seen (cuda for C/C++, facades for TypeScript). */
  readonly sources: readonly BackendId[];
}

export interface CoverageReport {
  readonly tool: { readonly name: 'opbridge'; readonly version: string };
  readonly targets: readonly BackendId[];
  readonly summary: CoverageSummary;
  readonly backends: Readonly<Partial<Record<BackendId, BackendSummary>>>;
  readonly apis: readonly ApiUsage[];
  readonly kernels: readonly KernelReport[];
  readonly launches: readonly LaunchReport[];
  readonly files: readonly FileReport[];
  readonly localNames: readonly LocalName[];
  readonly skipped: readonly SkippedFile[];
  /** Library versions the answers come from, per backend involved. */
  readonly catalog: Readonly<Partial<Record<BackendId, readonly { library: string; version: string }[]>>>;
  readonly model: {
    readonly coverage: string;
    readonly strictCoverage: string;
    readonly siteCoverage: string;
    readonly effort: typeof EFFORT_MODEL;
  };
}

export const COVERAGE_DEFINITIONS = {
  coverage: 'distinct APIs whose status is native, composite or partial, divided by distinct APIs used (1 when none are used)',
  strictCoverage: 'distinct APIs whose status is native or composite, divided by distinct APIs used',
  siteCoverage: 'sites (calls and references) of covered APIs divided by all sites; strictSiteCoverage counts native and composite only',
} as const;

function guessKind(name: string): ApiKind {
  const last = name.includes('::') ? name.slice(name.lastIndexOf('::') + 2) : name;
  if (name.startsWith('cudnn_frontend::graph::Graph::')) return 'method';
  if (/_t$/.test(last) || /^CU[a-z]/.test(last)) return 'type';
  if (/^[A-Z][A-Z0-9_]*$/.test(last)) return 'enum-member';
  return 'function';
}

function libraryOf(source: BackendId, name: string, known: KnownSymbol | undefined): string {
  if (known) return known.library;
  if (source === 'cuda' || source === 'thead') return cudaLibraryOf(name) ?? 'unknown';
  return 'unknown';
}

function catalogRef(known: KnownSymbol): CatalogRef {
  const binds = 'entry' in known ? ('operator' in known.entry.spec.binds ? `operator ${known.entry.spec.binds.operator}` : `primitive ${known.entry.spec.binds.primitive}`) : undefined;
  return { file: known.file, line: known.line ?? null, confidence: known.confidence, ...(binds ? { binds } : {}) };
}

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

function isSorted(occurrences: readonly Occurrence[]): boolean {
  for (let i = 1; i < occurrences.length; i++) if (compareOccurrences(occurrences[i - 1], occurrences[i]) > 0) return false;
  return true;
}

/** Distinct files among sorted occurrences. */
function countFiles(occurrences: readonly Occurrence[]): number {
  let n = 0;
  for (let i = 0; i < occurrences.length; i++) if (i === 0 || occurrences[i].file !== occurrences[i - 1].file) n++;
  return n;
}

function libraryRank(library: string): number {
  const i = LIBRARY_ORDER.indexOf(library);
  return i < 0 ? LIBRARY_ORDER.length : i;
}

export interface BuildOptions {
  readonly targets: readonly BackendId[];
  readonly version: string;
}

export function buildCoverageReport(scan: ScanResult, catalog: Catalog, options: BuildOptions): CoverageReport {
  const indexFor = symbolIndexes(catalog);
  const targets = options.targets;

  // Names the code declares itself (and the catalog does not know) are user names, not APIs.
  const declared = new Map<string, { file: string; declaration: LocalDeclaration }>();
  for (const file of scan.files) {
    for (const d of file.declarations) {
      if (!declared.has(d.name) && !indexFor('cuda').has(d.name)) declared.set(d.name, { file: file.path, declaration: d });
    }
  }
  const localUses = new Map<string, number>();

  interface Accumulator {
    source: BackendId;
    symbol: string;
    known: KnownSymbol | undefined;
    occurrences: Occurrence[];
  }
  const byKey = new Map<string, Accumulator>();
  // Per backend, what each spelling resolves to (an accumulator, or null for a local name),
  // so 100k references cost one map lookup each.
  const bySpelling = new Map<BackendId, Map<string, Accumulator | null>>();
  const resolveSpelling = (backend: BackendId, name: string): Accumulator | null => {
    let spellings = bySpelling.get(backend);
    if (!spellings) bySpelling.set(backend, (spellings = new Map()));
    let acc = spellings.get(name);
    if (acc !== undefined) return acc;
    const index = indexFor(backend);
    const known = index.get(name) ?? (name.includes('::') ? index.resolveQualified(name) : undefined);
    if (!known && backend === 'cuda' && declared.has(name)) acc = null;
    else {
      const symbol = known?.symbol ?? name;
      const key = `${backend}\u0000${symbol}`;
      acc = byKey.get(key) ?? { source: backend, symbol, known, occurrences: [] };
      byKey.set(key, acc);
    }
    spellings.set(name, acc);
    return acc;
  };
  for (const file of scan.files) {
    for (const ref of file.references) {
      const acc = resolveSpelling(ref.backend, ref.name);
      if (acc === null) {
        localUses.set(ref.name, (localUses.get(ref.name) ?? 0) + 1);
        continue;
      }
      const written = ref.written ?? (ref.name !== acc.symbol ? ref.name : undefined);
      acc.occurrences.push(written ? { file: file.path, line: ref.line, column: ref.column, written } : { file: file.path, line: ref.line, column: ref.column });
    }
  }

  const apis: ApiUsage[] = [...byKey.values()].map((acc) => {
    // Files are scanned in path order and references come in source order, so this is
    // usually sorted already; checking is cheaper than sorting 100k sites.
    const occurrences = isSorted(acc.occurrences) ? acc.occurrences : acc.occurrences.sort(compareOccurrences);
    return {
      symbol: acc.symbol,
      source: acc.source,
      library: libraryOf(acc.source, acc.symbol, acc.known),
      kind: acc.known?.kind ?? guessKind(acc.symbol),
      known: acc.known !== undefined,
      catalog: acc.known ? catalogRef(acc.known) : null,
      sites: occurrences.length,
      fileCount: countFiles(occurrences),
      occurrences,
      targets: Object.fromEntries(targets.map((t) => [t, targetAnswer(catalog, acc.source, acc.symbol, acc.known, t)])),
    };
  });
  apis.sort((a, b) => libraryRank(a.library) - libraryRank(b.library) || a.library.localeCompare(b.library) || a.symbol.localeCompare(b.symbol) || a.source.localeCompare(b.source));

  // Kernels and launches.
  const launches: LaunchReport[] = [];
  const kernelDefinitions: { file: string; def: KernelDefinition }[] = [];
  for (const file of scan.files) {
    for (const def of file.kernels) kernelDefinitions.push({ file: file.path, def });
    for (const launch of file.launches) launches.push({ ...launch, file: file.path, defined: false });
  }
  const definedNames = new Set(kernelDefinitions.map((k) => k.def.name));
  const launchCounts = new Map<string, number>();
  for (let i = 0; i < launches.length; i++) {
    const l = launches[i];
    const defined = definedNames.has(l.kernel) || definedNames.has(l.kernel.split('::').pop() ?? l.kernel);
    launches[i] = { ...l, defined };
    launchCounts.set(l.kernel, (launchCounts.get(l.kernel) ?? 0) + 1);
  }
  const kernels: KernelReport[] = kernelDefinitions.map(({ file, def }) => ({
    ...def,
    file,
    launches: launchCounts.get(def.name) ?? 0,
    hours: Object.fromEntries(targets.map((t) => [t, roundHours(kernelHours(KERNEL_PORTING[t].approach, def.bodyLines))])),
  }));

  // Per-backend metrics, effort and blockers.
  const backends: Partial<Record<BackendId, BackendSummary>> = {};
  for (const t of targets) {
    const answers = apis.map((a) => ({ api: a, answer: a.targets[t]! }));
    const metrics = coverageMetrics(answers.map(({ api, answer }) => ({ status: answer.status, sites: api.sites })));
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const { api, answer } of answers) byStatus[answer.status] += apiHours(api.kind, answer.status, api.sites);
    const apiEffort = STATUSES.reduce((h, s) => h + byStatus[s], 0);
    const porting = KERNEL_PORTING[t];
    const kernelEffort = kernels.reduce((h, k) => h + kernelHours(porting.approach, k.bodyLines), 0);
    const blockers = answers
      .filter(({ answer }) => BLOCKING_STATUSES.has(answer.status))
      .sort((x, y) => y.api.sites - x.api.sites || STATUS_RANK[x.answer.status] - STATUS_RANK[y.answer.status] || x.api.symbol.localeCompare(y.api.symbol))
      .slice(0, 10)
      .map(({ api, answer }) => ({ symbol: api.symbol, library: api.library, status: answer.status, sites: api.sites, ...(answer.notes ? { notes: answer.notes } : {}) }));
    const hours = apiEffort + kernelEffort;
    backends[t] = {
      id: t,
      name: BACKEND_NAMES[t],
      ...metrics,
      inferredApis: answers.filter(({ answer }) => answer.basis === 'inferred').length,
      effort: {
        hours: roundHours(hours),
        days: roundHours(hours / EFFORT_MODEL.hoursPerDay),
        apiHours: roundHours(apiEffort),
        kernelHours: roundHours(kernelEffort),
        apiHoursByStatus: Object.fromEntries(STATUSES.map((s) => [s, roundHours(byStatus[s])])) as Record<Status, number>,
      },
      kernels: { language: porting.language, approach: porting.approach, confidence: porting.confidence, note: porting.note, count: kernels.length, hours: roundHours(kernelEffort) },
      blockers,
    };
  }

  // Files.
  const perFile = new Map<string, { apis: number; sites: number }>();
  for (const a of apis) {
    let previous = '';
    for (const o of a.occurrences) {
      let f = perFile.get(o.file);
      if (!f) perFile.set(o.file, (f = { apis: 0, sites: 0 }));
      // Occurrences are sorted by file, so an API's sites in one file are consecutive.
      if (o.file !== previous) f.apis++;
      previous = o.file;
      f.sites++;
    }
  }
  const files: FileReport[] = scan.files.map((f) => ({
    path: f.path,
    language: f.language,
    lines: f.lines,
    apis: perFile.get(f.path)?.apis ?? 0,
    sites: perFile.get(f.path)?.sites ?? 0,
    kernels: f.kernels.length,
    launches: f.launches.length,
  }));

  const localNames: LocalName[] = [...declared.entries()]
    .map(([name, { file, declaration }]) => ({
      name,
      library: cudaLibraryOf(name) ?? 'unknown',
      how: declaration.how,
      declared: { file, line: declaration.line, column: declaration.column },
      uses: localUses.get(name) ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const byLanguage: Partial<Record<SourceLanguage, { files: number; lines: number }>> = {};
  for (const f of scan.files) {
    const entry = (byLanguage[f.language] ??= { files: 0, lines: 0 });
    entry.files++;
    entry.lines += f.lines;
  }
  const sources = [...new Set(apis.map((a) => a.source))].sort();
  const involved = [...new Set<BackendId>([...sources, ...targets])];
  return {
    tool: { name: 'opbridge', version: options.version },
    targets: [...targets],
    summary: {
      files: scan.files.length,
      lines: scan.files.reduce((n, f) => n + f.lines, 0),
      byLanguage,
      apis: apis.length,
      knownApis: apis.filter((a) => a.known).length,
      unknownApis: apis.filter((a) => !a.known).length,
      sites: apis.reduce((n, a) => n + a.sites, 0),
      kernels: kernels.filter((k) => k.kind === 'global').length,
      deviceFunctions: kernels.filter((k) => k.kind === 'device').length,
      launches: launches.length,
      localNames: localNames.length,
      skipped: scan.skipped.length,
      sources,
    },
    backends,
    apis,
    kernels,
    launches,
    files,
    localNames,
    skipped: scan.skipped,
    catalog: Object.fromEntries(involved.map((b) => [b, catalog.backend(b).libraries.map((l) => ({ library: l.library, version: l.version }))])),
    model: { ...COVERAGE_DEFINITIONS, effort: EFFORT_MODEL },
  };
}
