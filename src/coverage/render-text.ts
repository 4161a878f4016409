/**
 * The terminal report: a summary line, one row per target with coverage, status counts and
 * effort, the top blockers, the symbols × backends table coloured by status, custom kernels,
 * and what was set aside (user names with CUDA prefixes, skipped files).
 */
import type { Status } from '../catalog/vocabulary.js';
import { renderTable } from '../cli/text-table.js';
import type { CoverageReport } from './coverage-report.js';
import { KERNEL_PORTING } from './kernel-porting.js';
import { hours, INFERRED_LEGEND, kernelApproachLabel, LANGUAGE_NAMES, libraryName, percent, plural, shortSymbol, statusLabel } from './report-labels.js';

type Colour = (text: string) => string;

/** The colours used (picocolors fits); identity functions give plain text. */
export interface Paint {
  readonly bold: Colour;
  readonly dim: Colour;
  readonly green: Colour;
  readonly cyan: Colour;
  readonly yellow: Colour;
  readonly red: Colour;
  readonly magenta: Colour;
}

const plain: Colour = (t) => t;
export const NO_PAINT: Paint = { bold: plain, dim: plain, green: plain, cyan: plain, yellow: plain, red: plain, magenta: plain };

function statusColour(paint: Paint, status: Status): Colour {
  switch (status) {
    case 'native':
      return paint.green;
    case 'composite':
      return paint.cyan;
    case 'partial':
      return paint.yellow;
    case 'unsupported':
      return paint.red;
    default:
      return paint.magenta;
  }
}

export function renderText(report: CoverageReport, paint: Paint = NO_PAINT): string {
  const out: string[] = [];
  const s = report.summary;
  const languages = Object.entries(s.byLanguage)
    .map(([language, v]) => `${LANGUAGE_NAMES[language as keyof typeof LANGUAGE_NAMES]} ${v.files}`)
    .join(' · ');
  out.push(
    `${paint.bold('opbridge coverage')} — ${plural(s.files, 'file')}, ${plural(s.lines, 'line')}${languages ? ` (${languages})` : ''}${s.skipped ? `; ${s.skipped} skipped` : ''}`,
  );
  out.push(
    `${plural(s.apis, 'API')} used at ${plural(s.sites, 'site')} (${s.knownApis} in the catalog, ${s.unknownApis} unknown to it) · ${plural(s.kernels, 'kernel')}, ${plural(s.deviceFunctions, 'device function')}, ${plural(s.launches, 'launch', 'launches')}`,
  );
  if (s.files === 0) out.push(paint.yellow('No C, C++, CUDA or TypeScript sources found under the given paths.'));
  else if (s.apis === 0) out.push(paint.yellow('No CUDA API use found: coverage is 100% because there is nothing to port.'));
  out.push('');

  const rows = report.targets.map((id) => {
    const b = report.backends[id]!;
    const count = (status: Status) => {
      const n = b.apis[status];
      return n === 0 ? paint.dim('0') : statusColour(paint, status)(String(n));
    };
    const unknownShare = b.effort.hours > 0 ? b.effort.apiHoursByStatus.unknown / b.effort.hours : 0;
    return [
      paint.bold(id),
      b.name,
      percent(b.coverage),
      percent(b.strictCoverage),
      percent(b.siteCoverage),
      count('native'),
      count('composite'),
      count('partial'),
      count('unsupported'),
      count('unknown'),
      `${hours(b.effort.hours)}${unknownShare >= 0.5 ? paint.dim(` (${Math.round(unknownShare * 100)}% unknown)`) : ''}`,
    ];
  });
  out.push(
    renderTable(['target', 'stack', 'APIs', 'strict', 'sites', 'native', 'composite', 'partial', 'unsupported', 'unknown', 'effort'], rows, {
      alignRight: [2, 3, 4, 5, 6, 7, 8, 9],
    }),
  );
  out.push(
    paint.dim(
      'APIs: share of distinct APIs that are native, composite or partial; strict: native or composite only; sites: weighted by use. Effort is a rough planning estimate (docs/coverage.md).',
    ),
  );

  const blocked = report.targets.filter((id) => report.backends[id]!.blockers.length > 0);
  if (blocked.length > 0) {
    out.push('', paint.bold('Top blockers') + paint.dim(' (unsupported or unknown, most sites first)'));
    for (const id of blocked) {
      const list = report.backends[id]!.blockers.slice(0, 5).map((b) => `${shortSymbol(b)} ${statusColour(paint, b.status)(b.status)} ${paint.dim(`×${b.sites}`)}`);
      out.push(`  ${id.padEnd(10)} ${list.join(', ')}`);
    }
  }

  if (report.apis.length > 0) {
    out.push('', paint.bold('APIs') + paint.dim(' × targets'));
    const header = ['symbol', 'kind', 'sites', ...report.targets];
    const tableRows: string[][] = [];
    let library = '';
    for (const api of report.apis) {
      if (api.library !== library) {
        library = api.library;
        tableRows.push([paint.bold(libraryName(library)), '', '', ...report.targets.map(() => '')]);
      }
      const source = api.source === 'cuda' ? '' : paint.dim(` [${api.source}]`);
      tableRows.push([
        `  ${shortSymbol(api)}${api.known ? '' : paint.dim(' (not in catalog)')}${source}`,
        paint.dim(api.kind),
        String(api.sites),
        ...report.targets.map((t) => {
          const answer = api.targets[t]!;
          return statusColour(paint, answer.status)(statusLabel(answer));
        }),
      ]);
    }
    out.push(renderTable(header, tableRows, { alignRight: [2] }));
    out.push(paint.dim(INFERRED_LEGEND));
  }

  if (report.kernels.length > 0) {
    out.push('', paint.bold('Custom kernels') + paint.dim(' (need porting to each target’s kernel language)'));
    out.push(
      renderTable(
        ['kernel', 'kind', 'where', 'body lines', 'launches'],
        report.kernels.map((k) => [k.name, k.kind === 'global' ? '__global__' : '__device__', `${k.file}:${k.line}`, String(k.bodyLines), String(k.launches)]),
        { alignRight: [3, 4] },
      ),
    );
    for (const id of report.targets) {
      const p = KERNEL_PORTING[id];
      const b = report.backends[id]!;
      const label = kernelApproachLabel(p);
      out.push(`  ${id.padEnd(10)} ${(p.approach === 'hand-port' ? paint.red : p.confidence === 'unconfirmed' ? paint.yellow : paint.green)(label)}: ${hours(b.kernels.hours)}`);
    }
  }
  const undefinedLaunches = report.launches.filter((l) => !l.defined);
  if (undefinedLaunches.length > 0) {
    out.push(paint.dim(`  ${plural(undefinedLaunches.length, 'launch', 'launches')} of kernels defined outside the scanned code: ${[...new Set(undefinedLaunches.map((l) => l.kernel))].join(', ')}`));
  }

  if (report.localNames.length > 0) {
    out.push('', paint.dim(`Declared by this code, so not counted as APIs: ${report.localNames.map((n) => `${n.name} (${n.how}, ${n.declared.file}:${n.declared.line})`).join(', ')}`));
  }
  if (report.skipped.length > 0) {
    out.push('', paint.yellow('Skipped:'));
    for (const f of report.skipped) out.push(`  ${f.path} — ${f.reason}`);
  }
  return `${out.join('\n')}\n`;
}
