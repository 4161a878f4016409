/**
 * The demo in the terminal, readable without scrolling back: three numbered sections (the port
 * as a condensed diff with its diagnostics by id, the verify table, the coverage matrix) and a
 * summary with the commands that show each part in full.
 */
import { basename, dirname } from 'node:path';
import { BACKEND_NAMES } from '../catalog/vocabulary.js';
import { style } from '../cli/terminal.js';
import { renderTable } from '../cli/text-table.js';
import { percent, plural } from '../coverage/report-labels.js';
import { PORT_DIAGNOSTICS, type PortDiagnosticId } from '../port/diagnostics/port-diagnostics.js';
import { fmt } from '../verify/format-number.js';
import { reportPath } from '../verify/report-paths.js';
import { paintVerdict } from '../verify/render-text.js';
import { opLabel, symbolLabel, valueShapeLabel } from '../verify/row-labels.js';
import type { CallSite } from '../backends/sim/call-site.js';
import type { OpRow, RowVerdict, VerifyReport } from '../verify/verify-report.js';
import type { DiffLine } from './condensed-diff.js';
import type { DemoResult, DemoVerifyError } from './run-demo.js';

/** Above this many calls, the verify table lists only the calls that did not pass. */
const FULL_VERIFY_ROWS = 16;

function heading(n: number, title: string, what: string, command: string): string {
  return `${style.bold(style.cyan(`${n}. ${title}`))} — ${what}   ${style.dim(`$ ${command}`)}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function diffLine(line: DiffLine): string {
  switch (line.kind) {
    case 'hunk':
      return style.cyan(line.text);
    case 'removed':
      return style.red(line.text);
    case 'added':
      return style.green(line.text);
    case 'elided':
      return style.dim(line.text);
  }
}

function severityLabel(severity: string): string {
  return severity === 'error' ? style.red('error') : severity === 'warning' ? style.yellow('warning') : style.dim('note');
}

function portSection(result: DemoResult, sample: string): string[] {
  const file = result.port.files[0];
  const s = result.port.summary;
  const out = [heading(1, 'Port', `CUDA → ${BACKEND_NAMES[result.to]}`, `opbridge port ${sample} --to ${result.to}`)];
  if (file.outcome === 'error') {
    out.push(`  ${style.red('error')} ${file.reason ?? 'the sample could not be ported'}`);
    return out;
  }
  if (file.outcome === 'nochange') out.push(style.yellow('  the porter changed nothing in this file'));
  else out.push(...result.diff.lines.map((l) => `  ${diffLine(l)}`));
  const d = s.diagnostics;
  const left = d.error > 0 ? style.red(`${plural(d.error, 'call')} left as written (errors)`) : style.green('no call left as written');
  const effort = s.effortHours > 0 ? `; estimated manual work ${s.effortHours} h` : '';
  out.push(`  ${style.bold(plural(s.rewrites, 'rewrite'))}; ${left}, ${plural(d.warning, 'warning')}, ${plural(d.info, 'note')}${effort}`);
  const rows = Object.entries(s.byId)
    .map(([id, count]) => ({ id: id as PortDiagnosticId, count, info: PORT_DIAGNOSTICS[id as PortDiagnosticId] }))
    .filter((r) => r.info.severity !== 'info')
    .map((r) => [r.id, `×${r.count}`, severityLabel(r.info.severity), r.info.title]);
  if (rows.length > 0) {
    out.push(renderTable(['diagnostic', 'sites', 'severity', 'what it means (docs/diagnostics/<id>.md)'], rows, { indent: '  ', alignRight: [1] }));
  }
  return out;
}

function portSite(site: CallSite | null, result: DemoResult): string {
  if (!site) return '?';
  const file = site.file === result.ported ? `${basename(dirname(result.ported))}/${basename(result.ported)} (port)` : reportPath(site.file);
  return `${file}:${site.line}`;
}

function verifyRows(report: VerifyReport, rows: readonly OpRow[]): string[][] {
  return rows.map((row) => {
    const c = row.comparison;
    return [
      String(row.index),
      opLabel(row),
      symbolLabel(row),
      valueShapeLabel(c, row.ported[row.ported.length - 1] ?? row.original[row.original.length - 1]),
      c ? fmt(c.metrics.maxAbsError) : '',
      c ? fmt(c.metrics.maxRelError) : '',
      paintVerdict(row.verdict) + (row.kind === 'fused' || row.kind === 'region' || row.kind === 'reordered' ? style.dim(` (${row.kind})`) : ''),
    ];
  });
}

function counts(c: Readonly<Record<RowVerdict, number>>): string {
  const parts = (['pass', 'warn', 'fail', 'unmatched', 'info'] as const).filter((v) => c[v] > 0).map((v) => `${c[v]} ${v}`);
  return parts.join(', ') || 'none';
}

function verdictWord(verdict: VerifyReport['verdict']): string {
  return verdict === 'pass' ? style.green(style.bold('PASS')) : verdict === 'warn' ? style.yellow(style.bold('WARN')) : style.red(style.bold('FAIL'));
}

function verifyReportLines(report: VerifyReport, result: DemoResult): string[] {
  const out: string[] = [];
  const shown = report.ops.length > FULL_VERIFY_ROWS ? report.ops.filter((r) => r.verdict !== 'pass') : report.ops;
  if (report.ops.length === 0) out.push(style.dim('  no operator calls traced'));
  else if (shown.length > 0) {
    out.push(renderTable(['#', 'op', 'call (original → port)', 'shape', 'max abs', 'max rel', 'verdict'], verifyRows(report, shown), { indent: '  ', alignRight: [0, 4, 5], maxWidth: { 2: 46 } }));
  }
  if (shown.length < report.ops.length) out.push(style.dim(`  … ${plural(report.ops.length - shown.length, 'passing call')} not shown (opbridge verify lists every call)`));
  const d = report.firstDivergence;
  if (d) {
    out.push(`  ${style.red(style.bold(`first divergence: ${d.kind} ${d.at}`))} — ${d.reason}`);
    out.push(`    original ${portSite(d.original.site, result)}  ${d.original.symbol ?? ''}   port ${portSite(d.ported.site, result)}  ${d.ported.symbol ?? ''}`);
  }
  for (const o of report.outputs) {
    const c = o.comparison;
    out.push(`  output ${style.bold(o.name)} ${valueShapeLabel(c, o.ported ?? o.original ?? undefined)}: ${c ? `max abs ${fmt(c.metrics.maxAbsError)}, max rel ${fmt(c.metrics.maxRelError)}, ` : ''}${paintVerdict(o.verdict)}`);
  }
  const errors = report.diagnostics.filter((x) => x.severity === 'error');
  for (const x of errors.slice(0, 3)) out.push(`  ${style.red(`${x.id} error`)} ${style.dim(x.program)} ${portSite(x.site ?? null, result)}: ${x.message}`);
  if (errors.length > 3) out.push(style.dim(`  … ${errors.length - 3} more runtime errors`));
  const s = report.summary;
  out.push(`  ${verdictWord(report.verdict)}  calls: ${counts(s.ops)}; outputs: ${counts(s.outputs)}; runtime diagnostics: ${s.diagnostics.errors} errors, ${s.diagnostics.warnings} warnings`);
  return out;
}

function verifyErrorLines(error: DemoVerifyError, result: DemoResult): string[] {
  const where = error.file ? ` at ${portSite({ file: error.file, line: error.line ?? 0, column: 0 }, result)}` : '';
  const left = result.port.summary.diagnostics.error;
  return [
    `  ${style.red(style.bold('the port could not be run'))}${where}:`,
    `    ${error.message}`,
    left > 0
      ? style.dim(`  ${plural(left, 'call')} ${left === 1 ? 'was' : 'were'} left as written (section 1): port them by hand, then run opbridge verify on the port.`)
      : style.dim(`  ${error.fix ?? 'run the port with opbridge run to see its runtime diagnostics'}`),
  ];
}

function verifySection(result: DemoResult, sample: string): string[] {
  const out = [heading(2, 'Verify', 'the port against the original, op by op, on the reference CPU runtime', 'opbridge verify <original> <port>')];
  if ('report' in result.verify) out.push(...verifyReportLines(result.verify.report, result));
  else out.push(...verifyErrorLines(result.verify.error, result));
  return out;
}

function coverageSection(result: DemoResult): string[] {
  const c = result.coverage;
  const out = [heading(3, 'Coverage', "the samples' CUDA APIs on every target", 'opbridge coverage samples/*/cuda.ts')];
  if (c.rows.length === 0 || !c.all) return [...out, style.yellow('  no samples found (samples/<name>/cuda.ts)')];
  const target = (t: string): string => (t === result.to ? style.bold(t) : t);
  const cells = (row: { targets: Partial<Record<string, { coverage: number }>> }): string[] => c.targets.map((t) => percent(row.targets[t]!.coverage));
  const all = c.all;
  const rows = [
    ...c.rows.map((r) => [r.name, String(r.apis), ...cells(r)]),
    [style.bold('all samples'), String(all.summary.apis), ...c.targets.map((t) => style.bold(percent(all.backends[t]!.coverage)))],
    [style.dim('inferred answers*'), '', ...c.targets.map((t) => style.dim(String(all.backends[t]!.inferredApis)))],
  ];
  out.push(renderTable(['sample', 'APIs', ...c.targets.map(target)], rows, { indent: '  ', alignRight: [1, ...c.targets.map((_, i) => i + 2)] }));
  out.push(style.dim('  cells: share of the distinct CUDA APIs used that are native, composite or partial on the target (docs/coverage.md)'));
  out.push(style.dim('  * APIs whose answer is derived from the bound operator, enum meaning or type kind, not stated for the symbol'));
  const blockers = all.backends[result.to]?.blockers ?? [];
  if (blockers.length > 0) {
    out.push(`  blockers on ${result.to}: ${blockers.slice(0, 3).map((b) => `${b.symbol} ${style.dim(`${b.status} ×${b.sites}`)}`).join(', ')}${blockers.length > 3 ? style.dim(`, … ${blockers.length - 3} more`) : ''}`);
  }
  return out;
}

function verifyStatus(result: DemoResult): string {
  if ('error' in result.verify) return style.red('could not run the port');
  const r = result.verify.report;
  const calls = r.ops.length === 0 ? 'no operator calls' : `calls ${counts(r.summary.ops)}`;
  return `${verdictWord(r.verdict)} (${calls}; outputs ${counts(r.summary.outputs)})`;
}

export function renderDemoText(result: DemoResult): string {
  const sample = reportPath(result.sample);
  const t = result.timings;
  const s = result.port.summary;
  const out = [
    `${style.bold('opbridge demo')} — ${sample} from CUDA to ${BACKEND_NAMES[result.to]}, without the hardware`,
    '',
    ...portSection(result, sample),
    '',
    ...verifySection(result, sample),
    '',
    ...coverageSection(result),
    '',
    style.bold('Summary'),
    `  port: ${plural(s.rewrites, 'rewrite')}, ${plural(s.diagnostics.error, 'call')} left as written · verify: ${verifyStatus(result)} · coverage: ${plural(result.coverage.rows.length, 'sample')} × ${result.coverage.targets.length} targets`,
    `  ${style.dim(`${seconds(t.total)} (port ${seconds(t.port)}, verify ${seconds(t.verify)} with coverage ${seconds(t.coverage)} alongside)${result.kept ? `; the port is in ${reportPath(result.ported)}` : ''}`)}`,
    `  ${style.dim('next:')} opbridge port ${sample} --to ${result.to} ${style.dim('(full diff, every diagnostic with its line)')}`,
    `        opbridge coverage <your code> --format html --out coverage.html ${style.dim('· docs: docs/README.md')}`,
  ];
  return `${out.join('\n')}\n`;
}
