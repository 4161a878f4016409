/**
 * HIPIFY-style support tables: for each target backend, every CUDA symbol in the catalog
 * with the target symbol(s), status, dtypes, notes and source. Rendered as Markdown, CSV or
 * JSON by `opbridge catalog export`, and committed under docs/support/.
 */
import type { Catalog } from './catalog.js';
import { answerFor, type Answer } from './answers.js';
import type { Source } from './schema/provenance.js';
import { BACKEND_NAMES, TARGET_BACKENDS, type BackendId } from './vocabulary.js';

export interface SupportRow {
  readonly library: string;
  readonly cuda: string;
  readonly target: readonly string[];
  readonly status: string;
  readonly confidence: string;
  readonly via: Answer['via'];
  readonly dtypes: readonly string[];
  readonly notes: string;
  readonly source: string;
}

export function citation(sources: readonly Source[]): string {
  return sources
    .map((s) => s.url ?? `${s.repo}:${s.path}${s.commit ? `@${s.commit.slice(0, 8)}` : ''}`)
    .filter(Boolean)
    .join('; ');
}

export function supportRows(catalog: Catalog, backend: BackendId): SupportRow[] {
  const cudaEntries = [...catalog.backend('cuda').entries.values()].sort(
    (a, b) => a.library.localeCompare(b.library) || a.spec.symbol.localeCompare(b.spec.symbol),
  );
  return cudaEntries.map((cudaEntry) => {
    const answer = answerFor(catalog, backend, cudaEntry.spec.symbol);
    const first = answer.entries.find((e) => e.spec.symbol === answer.symbols[0]) ?? answer.entries[0];
    const sources = answer.gap ? answer.gap.sources : first ? first.sources : [];
    return {
      library: cudaEntry.library,
      cuda: cudaEntry.spec.symbol,
      target: answer.symbols,
      status: answer.status,
      confidence: answer.confidence,
      via: answer.via,
      dtypes: first?.spec.dtypes ?? [],
      notes: oneLine(answer.notes ?? first?.spec.notes ?? ''),
      source: citation(sources),
    };
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function renderSupportMarkdown(catalog: Catalog, backend: BackendId): string {
  const rows = supportRows(catalog, backend);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const libraries = catalog.backend(backend).libraries.map((l) => `${l.library} (${l.version})`).join(', ');
  const lines = [
    `# CUDA → ${BACKEND_NAMES[backend]} support table`,
    '',
    `Generated from the catalog by \`npm run generate\`. Do not edit by hand.`,
    '',
    `Target libraries: ${libraries || 'none in the catalog'}.`,
    `${rows.length} CUDA APIs: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}.`,
    `Answers marked *inferred* come from the operator or primitive the CUDA call binds, not from a fact about this symbol.`,
    '',
  ];
  let library = '';
  for (const r of rows) {
    if (r.library !== library) {
      library = r.library;
      lines.push(`## ${library}`, '', '| CUDA | target | status | dtypes | notes | source |', '|---|---|---|---|---|---|');
    }
    const status = `${r.status}${r.confidence !== 'confirmed' ? ` (${r.confidence})` : ''}`;
    lines.push(
      `| \`${r.cuda}\` | ${r.target.map((t) => `\`${t}\``).join(', ') || '—'} | ${status} | ${r.dtypes.join(', ')} | ${mdCell(r.notes)} | ${mdCell(r.source)} |`,
    );
    const next = rows[rows.indexOf(r) + 1];
    if (!next || next.library !== library) lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderSupportCsv(catalog: Catalog, backends: readonly BackendId[] = TARGET_BACKENDS): string {
  const header = ['backend', 'library', 'cuda', 'target', 'status', 'confidence', 'via', 'dtypes', 'notes', 'source'];
  const lines = [header.join(',')];
  for (const backend of backends) {
    for (const r of supportRows(catalog, backend)) {
      lines.push([backend, r.library, r.cuda, r.target.join(' '), r.status, r.confidence, r.via, r.dtypes.join(' '), r.notes, r.source].map(csvCell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function supportJson(catalog: Catalog, backends: readonly BackendId[] = TARGET_BACKENDS): Record<string, SupportRow[]> {
  return Object.fromEntries(backends.map((b) => [b, supportRows(catalog, b)]));
}
