/**
 * The terminal report: one row per aligned call (#, op, symbol original → port, shape, max
 * abs / rel error, cosine, the original's own error, verdict), the first divergence
 * highlighted with its call site in both programs, then copies, outputs, diagnostics, notes
 * and the verdict. Long traces show only the rows that did not pass.
 */
import { style } from '../cli/terminal.js';
import { renderTable } from '../cli/text-table.js';
import { fmt } from './format-number.js';
import { formatSite, reportPath } from './report-paths.js';
import { opLabel, symbolLabel, valueShapeLabel } from './row-labels.js';
import type { OpRow, RowVerdict, ValueRow, VerifyReport } from './verify-report.js';

/** Above this many rows, passing rows are summarised instead of listed. */
const FULL_TABLE_ROWS = 60;

export function paintVerdict(verdict: RowVerdict): string {
  switch (verdict) {
    case 'pass':
      return style.green('pass');
    case 'warn':
      return style.yellow('warn');
    case 'fail':
      return style.red(style.bold('fail'));
    case 'unmatched':
      return style.magenta('unmatched');
    case 'info':
      return style.cyan('info');
  }
}

function isFirstDivergence(report: VerifyReport, row: OpRow): boolean {
  const d = report.firstDivergence;
  return Boolean(d && d.kind === 'op' && d.rank === row.rank && d.at === `#${row.index}`);
}

function opRows(report: VerifyReport, rows: readonly OpRow[], multiRank: boolean): string[][] {
  return rows.map((row) => {
    const c = row.comparison;
    const first = isFirstDivergence(report, row);
    const cells = [
      first ? style.red(style.bold(`▶${row.index}`)) : String(row.index),
      first ? style.bold(opLabel(row)) : opLabel(row),
      symbolLabel(row),
      valueShapeLabel(c, row.ported[row.ported.length - 1] ?? row.original[row.original.length - 1]),
      c ? fmt(c.metrics.maxAbsError) : '',
      c ? fmt(c.metrics.maxRelError) : '',
      c ? c.metrics.cosine.toFixed(6) : '',
      c?.original ? fmt(c.original.maxAbsError) : '',
      paintVerdict(row.verdict) + (row.kind === 'fused' || row.kind === 'region' || row.kind === 'reordered' ? style.dim(` (${row.kind})`) : ''),
    ];
    return multiRank ? [String(row.rank), ...cells] : cells;
  });
}

function valueRows(rows: readonly ValueRow[], multiRank: boolean): string[][] {
  return rows.map((row) => {
    const c = row.comparison;
    const cells = [
      row.name,
      valueShapeLabel(c, row.ported ?? row.original ?? undefined),
      c ? fmt(c.metrics.maxAbsError) : '',
      c ? fmt(c.metrics.maxRelError) : '',
      c ? c.metrics.cosine.toFixed(6) : '',
      c?.original ? fmt(c.original.maxAbsError) : '',
      paintVerdict(row.verdict),
    ];
    return multiRank ? [String(row.rank), ...cells] : cells;
  });
}

function counts(c: Readonly<Record<RowVerdict, number>>): string {
  return (['pass', 'warn', 'fail', 'unmatched', 'info'] as const)
    .filter((v) => c[v] > 0)
    .map((v) => `${c[v]} ${v}`)
    .join(', ') || 'none';
}

export function renderText(report: VerifyReport, base?: string): string {
  const out: string[] = [];
  const multiRank = report.ranks > 1;
  const program = (p: VerifyReport['original']): string => `${style.bold(reportPath(p.file, base))} ${style.dim(`(${p.backends.join(', ') || 'no calls'}${p.profiles.length ? `; ${p.profiles.join(', ')}` : ''})`)}`;
  out.push(`${style.bold('opbridge verify')}  ${program(report.original)}  →  ${program(report.ported)}${multiRank ? `  ${style.dim(`${report.ranks} ranks`)}` : ''}`);
  out.push('');

  const rankCol = multiRank ? ['rank'] : [];
  const shown = report.ops.length > FULL_TABLE_ROWS ? report.ops.filter((r) => r.verdict !== 'pass') : report.ops;
  if (report.ops.length === 0) out.push(style.dim('  no operator calls traced'));
  else {
    const header = [...rankCol, '#', 'op', 'symbol (original → port)', 'shape', 'max abs', 'max rel', 'cosine', 'orig abs', 'verdict'];
    const right = [0, 4, 5, 6, 7].map((i) => i + rankCol.length);
    out.push(renderTable(header, opRows(report, shown, multiRank), { alignRight: right, indent: '  ', maxWidth: { [rankCol.length + 2]: 48 } }));
    if (shown.length < report.ops.length) out.push(style.dim(`  … ${report.ops.length - shown.length} passing calls not shown (--json or --md list every call)`));
  }

  const d = report.firstDivergence;
  out.push('');
  if (d) {
    out.push(style.red(style.bold(`first divergence: ${d.kind} ${d.at}${multiRank ? ` on rank ${d.rank}` : ''}`)));
    out.push(`  original  ${formatSite(d.original.site, base)}  ${d.original.symbol ?? ''}${d.original.op ? style.dim(` (${d.original.op})`) : ''}`);
    out.push(`  port      ${formatSite(d.ported.site, base)}  ${d.ported.symbol ?? ''}${d.ported.op ? style.dim(` (${d.ported.op})`) : ''}`);
    out.push(`  ${d.reason}`);
    for (const p of d.precededBy) out.push(style.yellow(`  preceded by ${p}`));
  } else {
    out.push(style.green('no divergence: every aligned call, copy and output agrees with the golden reference within tolerance'));
  }

  const valueHeader = [...rankCol, 'name', 'shape', 'max abs', 'max rel', 'cosine', 'orig abs', 'verdict'];
  const valueRight = [2, 3, 4, 5].map((i) => i + rankCol.length);
  if (report.copies.length) {
    out.push('', style.bold('device-to-host copies'));
    out.push(renderTable(valueHeader, valueRows(report.copies, multiRank), { alignRight: valueRight, indent: '  ' }));
  }
  out.push('', style.bold('outputs of main()'));
  out.push(report.outputs.length ? renderTable(valueHeader, valueRows(report.outputs, multiRank), { alignRight: valueRight, indent: '  ' }) : style.dim('  none'));

  const failing = [...report.ops, ...report.copies, ...report.outputs].filter((r) => r.verdict === 'fail' || r.verdict === 'warn');
  if (failing.length) {
    out.push('', style.bold('why'));
    for (const r of failing.slice(0, 20)) {
      const label = 'index' in r ? `#${r.index} ${opLabel(r)}` : r.name;
      const after = 'afterDivergence' in r && r.afterDivergence ? style.dim(' (follows an earlier failure)') : '';
      out.push(`  ${paintVerdict(r.verdict)} ${multiRank ? `rank ${r.rank} ` : ''}${label}: ${r.reason}${after}`);
    }
    if (failing.length > 20) out.push(style.dim(`  … ${failing.length - 20} more (--json has every reason)`));
  }

  if (report.diagnostics.length) {
    out.push('', style.bold('runtime diagnostics'));
    for (const x of report.diagnostics) {
      const tag = x.severity === 'error' ? style.red(`${x.id} error`) : style.yellow(`${x.id} warning`);
      out.push(`  ${tag} ${style.dim(x.program)} ${formatSite(x.site ?? null, base)}: ${x.message}${multiRank ? style.dim(` (rank ${x.rank})`) : ''}`);
    }
  }
  for (const note of report.notes) out.push(style.dim(`note: ${note}`));

  const s = report.summary;
  const verdict = report.verdict === 'pass' ? style.green(style.bold('PASS')) : report.verdict === 'warn' ? style.yellow(style.bold('WARN')) : style.red(style.bold('FAIL'));
  out.push('');
  out.push(`${verdict}  calls: ${counts(s.ops)}; copies: ${counts(s.copies)}; outputs: ${counts(s.outputs)}; diagnostics: ${s.diagnostics.errors} errors, ${s.diagnostics.warnings} warnings`);
  return `${out.join('\n')}\n`;
}
