/**
 * `--junit <file>`: JUnit XML for CI. One testsuite per rank and kind (calls, copies,
 * outputs) plus one for runtime diagnostics; one testcase per row. fail → <failure>,
 * unmatched → <skipped>, warn passes with its reason in <system-out>.
 */
import { fmt } from './format-number.js';
import { formatSite, reportPath } from './report-paths.js';
import { opLabel, symbolLabel } from './row-labels.js';
import type { OpRow, ValueRow, VerifyReport } from './verify-report.js';

/** XML 1.0 text: the five escapes, and characters XML cannot hold dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly verdict: OpRow['verdict'];
  readonly message: string;
  readonly details: string;
  readonly file?: string;
  readonly line?: number;
}

function testcase(c: Case): string {
  const attrs = `name="${xmlEscape(c.name)}" classname="${xmlEscape(c.classname)}"${c.file ? ` file="${xmlEscape(c.file)}"` : ''}${c.line ? ` line="${c.line}"` : ''}`;
  switch (c.verdict) {
    case 'fail':
      return `    <testcase ${attrs}>\n      <failure message="${xmlEscape(c.message)}" type="fail">${xmlEscape(c.details)}</failure>\n    </testcase>`;
    case 'unmatched':
      return `    <testcase ${attrs}>\n      <skipped message="${xmlEscape(c.message)}"/>\n    </testcase>`;
    case 'warn':
    case 'info':
      return `    <testcase ${attrs}>\n      <system-out>${xmlEscape(`${c.verdict}: ${c.message}`)}</system-out>\n    </testcase>`;
    case 'pass':
      return `    <testcase ${attrs}/>`;
  }
}

function suite(name: string, cases: readonly Case[]): string {
  const failures = cases.filter((c) => c.verdict === 'fail').length;
  const skipped = cases.filter((c) => c.verdict === 'unmatched').length;
  return [`  <testsuite name="${xmlEscape(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`, ...cases.map(testcase), '  </testsuite>'].join('\n');
}

function metricsLine(row: OpRow | ValueRow): string {
  const c = row.comparison;
  if (!c) return '';
  return `max abs ${fmt(c.metrics.maxAbsError)}, max rel ${fmt(c.metrics.maxRelError)}, mean abs ${fmt(c.metrics.meanAbsError)}, rmse ${fmt(c.metrics.rmse)}, cosine ${c.metrics.cosine.toFixed(6)}, max ulp ${fmt(c.metrics.maxUlp)}`;
}

function opCase(row: OpRow, base?: string): Case {
  const site = row.ported[0]?.site ?? row.original[0]?.site ?? null;
  return {
    name: `#${row.index} ${opLabel(row)} (${symbolLabel(row)})`,
    classname: `opbridge.verify.rank${row.rank}.calls`,
    verdict: row.verdict,
    message: row.reason,
    details: [
      row.reason,
      metricsLine(row),
      `original: ${row.original.map((c) => `${c.symbol} at ${formatSite(c.site, base)}`).join(', ') || '—'}`,
      `port: ${row.ported.map((c) => `${c.symbol} at ${formatSite(c.site, base)}`).join(', ') || '—'}`,
    ]
      .filter(Boolean)
      .join('\n'),
    file: site ? reportPath(site.file, base) : undefined,
    line: site?.line,
  };
}

function valueCase(row: ValueRow, base?: string): Case {
  const site = row.ported?.site ?? null;
  return {
    name: `${row.kind === 'output' ? 'output' : ''} ${row.name}`.trim(),
    classname: `opbridge.verify.rank${row.rank}.${row.kind === 'output' ? 'outputs' : 'copies'}`,
    verdict: row.verdict,
    message: row.reason,
    details: [row.reason, metricsLine(row)].filter(Boolean).join('\n'),
    file: site ? reportPath(site.file, base) : undefined,
    line: site?.line,
  };
}

export function renderJUnit(report: VerifyReport, base?: string): string {
  const suites: string[] = [];
  for (let rank = 0; rank < report.ranks; rank++) {
    const label = report.ranks > 1 ? ` (rank ${rank})` : '';
    suites.push(suite(`calls${label}`, report.ops.filter((r) => r.rank === rank).map((r) => opCase(r, base))));
    const copies = report.copies.filter((r) => r.rank === rank);
    if (copies.length) suites.push(suite(`device-to-host copies${label}`, copies.map((r) => valueCase(r, base))));
    suites.push(suite(`outputs${label}`, report.outputs.filter((r) => r.rank === rank).map((r) => valueCase(r, base))));
  }
  const diagnostics: Case[] = report.diagnostics.map((d) => ({
    name: `${d.id} ${d.symbol} (${d.program}${report.ranks > 1 ? `, rank ${d.rank}` : ''})`,
    classname: 'opbridge.verify.diagnostics',
    // Only the port's errors fail the build; the original's and warnings are reported.
    verdict: d.severity === 'error' && d.program === 'ported' ? 'fail' : 'warn',
    message: d.message,
    details: `${d.message}\nat ${formatSite(d.site ?? null, base)}`,
    file: d.site ? reportPath(d.site.file, base) : undefined,
    line: d.site?.line,
  }));
  if (diagnostics.length) suites.push(suite('runtime diagnostics', diagnostics));
  const all = [...report.ops, ...report.copies, ...report.outputs];
  const tests = all.length + diagnostics.length;
  const failures = all.filter((r) => r.verdict === 'fail').length + diagnostics.filter((d) => d.verdict === 'fail').length;
  const skipped = all.filter((r) => r.verdict === 'unmatched').length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="opbridge verify" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}
