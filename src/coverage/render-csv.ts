/**
 * The CSV report: one row per API × target, for spreadsheets and scripts. Columns are stable;
 * lists inside a cell are separated by spaces (symbols) or `; ` (locations).
 */
import type { CoverageReport } from './coverage-report.js';

export const CSV_COLUMNS = [
  'target',
  'status',
  'basis',
  'confidence',
  'target_symbols',
  'source',
  'library',
  'kind',
  'symbol',
  'in_catalog',
  'sites',
  'files',
  'first_site',
  'via',
  'notes',
] as const;

function csvCell(value: string | number | boolean): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(report: CoverageReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const target of report.targets) {
    for (const api of report.apis) {
      const a = api.targets[target]!;
      const first = api.occurrences[0];
      const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean> = {
        target,
        status: a.status,
        basis: a.basis,
        confidence: a.confidence,
        target_symbols: a.symbols.join(' '),
        source: api.source,
        library: api.library,
        kind: api.kind,
        symbol: api.symbol,
        in_catalog: api.known,
        sites: api.sites,
        files: api.fileCount,
        first_site: `${first.file}:${first.line}:${first.column}`,
        via: a.via,
        notes: a.notes ?? '',
      };
      lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
