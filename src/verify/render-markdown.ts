/** `--md`: the report as Markdown (for pull requests, CI summaries and issue trackers). */
import { fmt } from './format-number.js';
import { formatSite, reportPath } from './report-paths.js';
import { opLabel, symbolLabel, valueShapeLabel } from './row-labels.js';
import type { OpRow, RowVerdict, ValueRow, VerifyReport } from './verify-report.js';

const ICON: Readonly<Record<RowVerdict, string>> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', unmatched: '➖ unmatched', info: 'ℹ️ info' };

/** Escapes text for a table cell: pipes, backticks' neighbours and line breaks. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly number[]): string[] {
  return [row(header), `|${header.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(row)];
}

function opCells(r: OpRow, multiRank: boolean): string[] {
  const c = r.comparison;
  const cells = [
    `${r.index}`,
    opLabel(r),
    symbolLabel(r),
    valueShapeLabel(c, r.ported[r.ported.length - 1] ?? r.original[r.original.length - 1]),
    c ? fmt(c.metrics.maxAbsError) : '',
    c ? fmt(c.metrics.maxRelError) : '',
    c ? c.metrics.cosine.toFixed(6) : '',
    c?.original ? fmt(c.original.maxAbsError) : '',
    `${ICON[r.verdict]}${r.kind === 'fused' || r.kind === 'region' || r.kind === 'reordered' ? ` (${r.kind})` : ''}`,
    r.verdict === 'pass' ? '' : r.reason,
  ];
  return multiRank ? [String(r.rank), ...cells] : cells;
}

function valueCells(r: ValueRow, multiRank: boolean): string[] {
  const c = r.comparison;
  const cells = [
    r.name,
    valueShapeLabel(c, r.ported ?? r.original ?? undefined),
    c ? fmt(c.metrics.maxAbsError) : '',
    c ? fmt(c.metrics.maxRelError) : '',
    c ? c.metrics.cosine.toFixed(6) : '',
    ICON[r.verdict],
    r.verdict === 'pass' ? '' : r.reason,
  ];
  return multiRank ? [String(r.rank), ...cells] : cells;
}

export function renderMarkdown(report: VerifyReport, base?: string): string {
  const multiRank = report.ranks > 1;
  const rankCol = multiRank ? ['rank'] : [];
  const off = rankCol.length;
  const out: string[] = [];
  out.push(`# opbridge verify: ${ICON[report.verdict]}`, '');
  out.push(...table(['', 'program', 'backends', 'profiles'], [
    ['original', `\`${reportPath(report.original.file, base)}\``, report.original.backends.join(', '), report.original.profiles.join(', ')],
    ['port', `\`${reportPath(report.ported.file, base)}\``, report.ported.backends.join(', '), report.ported.profiles.join(', ')],
  ], []));
  out.push('');
  const s = report.summary;
  const count = (c: Readonly<Record<RowVerdict, number>>): string => `${c.pass} pass, ${c.warn} warn, ${c.fail} fail, ${c.unmatched} unmatched${c.info ? `, ${c.info} info` : ''}`;
  out.push(`- calls: ${count(s.ops)}`, `- device-to-host copies: ${count(s.copies)}`, `- outputs: ${count(s.outputs)}`, `- runtime diagnostics: ${s.diagnostics.errors} errors, ${s.diagnostics.warnings} warnings`, '');

  const d = report.firstDivergence;
  out.push('## First divergence', '');
  if (d) {
    out.push(`**${d.kind} ${d.at}${multiRank ? ` on rank ${d.rank}` : ''}**: ${d.reason}`, '');
    out.push(`- original: \`${formatSite(d.original.site, base)}\` ${d.original.symbol ?? ''}${d.original.op ? ` (${d.original.op})` : ''}`);
    out.push(`- port: \`${formatSite(d.ported.site, base)}\` ${d.ported.symbol ?? ''}${d.ported.op ? ` (${d.ported.op})` : ''}`);
    for (const p of d.precededBy) out.push(`- preceded by ${p}`);
  } else {
    out.push('None: every aligned call, copy and output agrees with the golden reference within tolerance.');
  }
  out.push('', '## Calls', '');
  if (report.ops.length) {
    out.push(...table([...rankCol, '#', 'op', 'symbol (original → port)', 'shape', 'max abs', 'max rel', 'cosine', 'orig abs', 'verdict', 'why'], report.ops.map((r) => opCells(r, multiRank)), [0, 4, 5, 6, 7].map((i) => i + off)));
  } else out.push('No operator calls traced.');
  const valueHeader = [...rankCol, 'name', 'shape', 'max abs', 'max rel', 'cosine', 'verdict', 'why'];
  if (report.copies.length) out.push('', '## Device-to-host copies', '', ...table(valueHeader, report.copies.map((r) => valueCells(r, multiRank)), [2, 3, 4].map((i) => i + off)));
  out.push('', '## Outputs of main()', '');
  if (report.outputs.length) out.push(...table(valueHeader, report.outputs.map((r) => valueCells(r, multiRank)), [2, 3, 4].map((i) => i + off)));
  else out.push('None.');
  if (report.diagnostics.length) {
    out.push('', '## Runtime diagnostics', '');
    for (const x of report.diagnostics) out.push(`- **${x.id}** ${x.severity} (${x.program}${multiRank ? `, rank ${x.rank}` : ''}) \`${formatSite(x.site ?? null, base)}\`: ${x.message}`);
  }
  if (report.notes.length) {
    out.push('', '## Notes', '');
    for (const n of report.notes) out.push(`- ${n}`);
  }
  return `${out.join('\n')}\n`;
}
