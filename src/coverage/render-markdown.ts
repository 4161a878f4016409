/**
 * The Markdown report, for pull requests, wikis and issue trackers: summary, per-target
 * table, blockers, the symbols × targets table (with target symbols), kernels and notes.
 */
import type { CoverageReport } from './coverage-report.js';
import { KERNEL_PORTING } from './kernel-porting.js';
import { hours, INFERRED_LEGEND, kernelApproachLabel, LANGUAGE_NAMES, libraryName, percent, plural, shortSymbol, STATUS_MEANINGS, statusLabel } from './report-labels.js';
import { STATUSES } from '../catalog/vocabulary.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

export function renderMarkdown(report: CoverageReport): string {
  const s = report.summary;
  const out: string[] = ['# CUDA API coverage', ''];
  const languages = Object.entries(s.byLanguage)
    .map(([l, v]) => `${LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES]} ${v.files}`)
    .join(', ');
  out.push(
    `Scanned ${plural(s.files, 'file')} (${plural(s.lines, 'line')}${languages ? `; ${languages}` : ''}). ` +
      `Found ${plural(s.apis, 'API')} at ${plural(s.sites, 'site')} — ${s.knownApis} in the catalog, ${s.unknownApis} unknown to it — ` +
      `${plural(s.kernels, 'custom kernel')}, ${plural(s.deviceFunctions, 'device function')} and ${plural(s.launches, 'launch', 'launches')}.`,
    '',
  );

  out.push('## Targets', '', '| target | APIs | strict | sites | native | composite | partial | unsupported | unknown | effort |', '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const id of report.targets) {
    const b = report.backends[id]!;
    out.push(
      `| **${id}** (${b.name}) | ${percent(b.coverage)} | ${percent(b.strictCoverage)} | ${percent(b.siteCoverage)} | ${STATUSES.map((st) => b.apis[st]).join(' | ')} | ${hours(b.effort.hours)} |`,
    );
  }
  out.push(
    '',
    '*APIs*: distinct APIs that are native, composite or partial on the target, over all APIs used; *strict*: native or composite only; *sites*: the same, weighted by the number of places each API is used. Effort is a planning estimate in engineer-hours (model in docs/coverage.md).',
    '',
  );

  const blocked = report.targets.filter((id) => report.backends[id]!.blockers.length > 0);
  if (blocked.length > 0) {
    out.push('## Top blockers', '');
    for (const id of blocked) {
      const list = report.backends[id]!.blockers.slice(0, 5).map((b) => `${code(b.symbol)} (${b.status}, ${plural(b.sites, 'site')})`);
      out.push(`- **${id}**: ${list.join(', ')}`);
    }
    out.push('');
  }

  if (report.apis.length > 0) {
    out.push('## APIs', '');
    let library = '';
    for (const api of report.apis) {
      if (api.library !== library) {
        if (library) out.push('');
        library = api.library;
        out.push(`### ${libraryName(library)}`, '', `| symbol | kind | sites | ${report.targets.join(' | ')} |`, `|---|---|--:|${report.targets.map(() => '---|').join('')}`);
      }
      const first = api.occurrences[0];
      const name = `${code(shortSymbol(api))}${api.known ? '' : ' (not in catalog)'}${api.source === 'cuda' ? '' : ` [${api.source}]`}`;
      const cells = report.targets.map((t) => {
        const a = api.targets[t]!;
        const symbols = a.symbols.length ? ` ${a.symbols.map(code).join(', ')}` : '';
        return cell(`${statusLabel(a)}${symbols}`);
      });
      out.push(`| ${name}<br><sub>${cell(`${first.file}:${first.line}`)}${api.fileCount > 1 ? ` +${api.fileCount - 1} files` : ''}</sub> | ${api.kind} | ${api.sites} | ${cells.join(' | ')} |`);
    }
    out.push('', INFERRED_LEGEND, '');
  }

  if (report.kernels.length > 0) {
    out.push('## Custom kernels', '', '| kernel | kind | where | body lines | launches |', '|---|---|---|--:|--:|');
    for (const k of report.kernels) out.push(`| ${code(k.name)} | ${k.kind === 'global' ? '`__global__`' : '`__device__`'} | ${cell(`${k.file}:${k.line}`)} | ${k.bodyLines} | ${k.launches} |`);
    out.push('');
    for (const id of report.targets) {
      const p = KERNEL_PORTING[id];
      out.push(`- **${id}**: ${kernelApproachLabel(p)} — ${hours(report.backends[id]!.kernels.hours)}. ${p.note}.`);
    }
    out.push('');
  }

  out.push('## Status meanings', '');
  for (const st of STATUSES) out.push(`- **${st}**: ${STATUS_MEANINGS[st]}`);
  out.push('');
  if (report.localNames.length > 0) {
    out.push('## Names declared by this code', '', 'These have CUDA-like prefixes but are declared in the scanned code, so they are not counted as APIs:', '');
    for (const n of report.localNames) out.push(`- ${code(n.name)} (${n.how}) at ${cell(`${n.declared.file}:${n.declared.line}`)}, ${plural(n.uses, 'use')}`);
    out.push('');
  }
  if (report.skipped.length > 0) {
    out.push('## Skipped files', '');
    for (const f of report.skipped) out.push(`- ${cell(f.path)}: ${f.reason}`);
    out.push('');
  }
  out.push(`<sub>opbridge ${report.tool.version}. Catalog: ${Object.entries(report.catalog).map(([b, libs]) => `${b} ${libs!.map((l) => l.version).join(', ') || '(empty)'}`).join('; ')}.</sub>`);
  return `${out.join('\n')}\n`;
}
